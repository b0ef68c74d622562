//! The answer for a file only its owner may see (a photo, a logbook): the bytes with their proven type, never
//! kept by a browser or a proxy; for anyone else, or no file, the same 404, so the address reveals nothing.

use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};

use crate::error::AppError;

/// `found`: the file's type and bytes when the asker owns it.
pub fn respond(found: anyhow::Result<Option<(&'static str, Vec<u8>)>>) -> Response {
    match found {
        Ok(Some((content_type, bytes))) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
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
