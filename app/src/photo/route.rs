//! `GET /photos/{id}.jpg`: a photo, for its owner only. Anyone else, signed in or not, gets the same 404 as for
//! a photo that does not exist, so the address reveals nothing.

use axum::{
    extract::{Path, State},
    http::HeaderMap,
    response::Response,
    routing::get,
    Router,
};

use super::db;
use crate::{
    state::AppState,
    web::{private_file, session::Session},
};

pub fn routes() -> Router<AppState> {
    Router::new().route("/photos/{file}", get(photo))
}

async fn photo(State(state): State<AppState>, Path(file): Path<String>, headers: HeaderMap) -> Response {
    let found = owned_photo(&state, &file, &headers).await;
    private_file::respond(found.map(|jpeg| jpeg.map(|bytes| ("image/jpeg", bytes))))
}

async fn owned_photo(state: &AppState, file: &str, headers: &HeaderMap) -> anyhow::Result<Option<Vec<u8>>> {
    let Some(id) = file.strip_suffix(".jpg") else {
        return Ok(None);
    };
    let session = Session::load(state, headers).await?;
    match session.account_id {
        Some(account_id) => db::jpeg_of(&state.pool, id, &account_id).await,
        None => Ok(None),
    }
}
