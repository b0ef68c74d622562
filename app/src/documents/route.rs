//! `GET /documents/{code}.pdf?lang=sw`: a document as a PDF, for its owner only. Anyone else, signed in or not,
//! gets the same 404 as for a code that does not exist.

use axum::{
    extract::{Path, Query, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use serde::Deserialize;

use super::service;
use crate::{error::AppError, i18n::Lang, state::AppState, web::session::Session};

pub fn routes() -> Router<AppState> {
    Router::new().route("/documents/{file}", get(pdf))
}

#[derive(Deserialize)]
struct Language {
    lang: Option<String>,
}

async fn pdf(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(query): Query<Language>,
    headers: HeaderMap,
) -> Response {
    let lang = query.lang.as_deref().and_then(Lang::parse).unwrap_or_default();
    let made = async {
        let Some(code) = file.strip_suffix(".pdf") else {
            return anyhow::Ok(None);
        };
        let session = Session::load(&state, &headers).await?;
        let Some(account) = session.account_id else {
            return Ok(None);
        };
        match service::owned(&state, code, &account).await? {
            Some(document) => Ok(Some((document.code.clone(), service::pdf(&state, lang, &document)?))),
            None => Ok(None),
        }
    };
    match made.await {
        Ok(Some((code, bytes))) => {
            let disposition = format!("inline; filename=\"uraia-{}.pdf\"", code.as_str().to_lowercase());
            (
                [
                    (header::CONTENT_TYPE, HeaderValue::from_static("application/pdf")),
                    // Personal data: never kept by a shared cache.
                    (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
                    (
                        header::CONTENT_DISPOSITION,
                        HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("inline")),
                    ),
                ],
                bytes,
            )
                .into_response()
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            let _ = AppError::internal(error);
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
