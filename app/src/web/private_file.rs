//! The answer for a file only its owner may see (a photo, a logbook): the bytes with their proven type, never
//! kept by a browser or a proxy; for anyone else, or no file, the same 404, so the address reveals nothing.

use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};

use crate::error::AppError;

/// `found`: the file's type and bytes when the asker owns it.
pub fn respond(found: anyhow::Result<Option<(&'static str, Vec<u8>)>>) -> Response {
    answer(found, None)
}

/// `respond` as a download saved under `name` (and the extension of its type): staff keep what they open.
pub fn download(found: anyhow::Result<Option<(&'static str, Vec<u8>)>>, name: &str) -> Response {
    answer(found, Some(name))
}

fn answer(found: anyhow::Result<Option<(&'static str, Vec<u8>)>>, download: Option<&str>) -> Response {
    match found {
        Ok(Some((content_type, bytes))) => {
            let mut response = (
                [
                    (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
                    (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
                ],
                bytes,
            )
                .into_response();
            if let Some(name) = download {
                // Only a service's own file names reach here (letters and dashes), so the header is well formed.
                let name: String = name
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                let extension = content_type.rsplit('/').next().unwrap_or("bin");
                if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}.{extension}\"")) {
                    response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
                }
            }
            response
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            let _ = AppError::internal(error);
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
