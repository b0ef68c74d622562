//! `GET /photos/{id}.jpg`: a photo, for its owner only. Anyone else, signed in or not, gets the same 404 as for
//! a photo that does not exist, so the address reveals nothing.

use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Router,
};

use super::db;
use crate::{error::AppError, state::AppState, web::session::Session};

pub fn routes() -> Router<AppState> {
    Router::new().route("/photos/{file}", get(photo))
}

async fn photo(State(state): State<AppState>, Path(file): Path<String>, headers: HeaderMap) -> Response {
    match owned_photo(&state, &file, &headers).await {
        Ok(Some(jpeg)) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg")),
                // Personal data: never kept by a browser or a proxy.
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            ],
            jpeg,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            let _ = AppError::internal(error);
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
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
