//! `GET /logbooks/{application}`: a transfer's logbook, for the seller who uploaded it only. Anyone else, signed
//! in or not, gets the same 404 as for a logbook that does not exist.

use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Router,
};

use super::service;
use crate::{error::AppError, state::AppState, web::session::Session};

pub fn routes() -> Router<AppState> {
    Router::new().route("/logbooks/{id}", get(logbook))
}

async fn logbook(State(state): State<AppState>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let found = async {
        let session = Session::load(&state, &headers).await?;
        match session.account_id {
            Some(account) => service::logbook(&state, &account, &id).await,
            None => Ok(None),
        }
    };
    match found.await {
        Ok(Some((content_type, bytes))) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
                // Personal data: never kept by a browser or a proxy. The type is the one its first bytes proved.
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
                (header::CONTENT_DISPOSITION, HeaderValue::from_static("inline")),
            ],
            bytes,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            let _ = AppError::internal(error);
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
