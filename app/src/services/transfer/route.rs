//! `GET /logbooks/{application}`: a transfer's logbook, for the seller who uploaded it only. Anyone else, signed
//! in or not, gets the same 404 as for a logbook that does not exist.

use axum::{
    extract::{Path, State},
    http::HeaderMap,
    response::Response,
    routing::get,
    Router,
};

use super::service;
use crate::{
    state::AppState,
    web::{private_file, session::Session},
};

pub fn routes() -> Router<AppState> {
    Router::new().route("/logbooks/{id}", get(logbook))
}

async fn logbook(State(state): State<AppState>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let found = async {
        match Session::load(&state, &headers).await?.account_id {
            Some(account) => service::logbook(&state, &account, &id).await,
            None => Ok(None),
        }
    };
    private_file::respond(found.await)
}
