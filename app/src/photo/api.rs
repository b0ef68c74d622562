//! The photo server functions. The upload is a multipart form post: without JavaScript the browser posts the
//! form and follows the redirect; with it, the island posts the same form by XMLHttpRequest (for a progress
//! bar) and goes where the answer says. Either way the outcome (errors or a notice) waits in the session.

use leptos::{
    prelude::*,
    server_fn::codec::{MultipartData, MultipartFormData},
};

use super::{
    domain::{Problem, FIELD, MAX_BYTES, SCRIPT_HEADER},
    service::{self, Origin},
};
use crate::{
    error::AppError,
    web::{
        context::Ctx,
        guard::signed_in,
        upload::{self, drain_later, Unread},
    },
};

/// Uploads a photo. The form's page is named in the query (`?from=welcome`), so that even a request refused
/// unread (too large) is answered on the right page; `then` names the application step to return to.
#[server(endpoint = "photo/upload", input = MultipartFormData)]
#[tracing::instrument(skip_all)]
pub async fn upload_photo(data: MultipartData) -> Result<String, AppError> {
    let mut ctx = Ctx::load().await?;
    let parts = use_context::<http::request::Parts>().ok_or_else(|| AppError::internal("no request parts"))?;
    let query = parts.uri.query().unwrap_or_default();
    let origin = Origin::parse(&crate::web::upload::query_param(query, "from").unwrap_or_default());
    let then = service::return_to(query);
    // Who is asking and whether they may, before the body is read.
    let who = match signed_in(&ctx).await? {
        Ok(who) => who,
        Err(path) => {
            drain_later(data);
            return answer(ctx, Ok(path.path()), origin, then, &parts.headers).await;
        }
    };
    if let Err(refused) = service::admit(&ctx.state, &who).await {
        drain_later(data);
        return answer(ctx, Err(refused), origin, then, &parts.headers).await;
    }
    let upload = upload::receive(data, &parts, FIELD, MAX_BYTES)
        .await
        .map_err(|unread| match unread {
            Unread::Missing => Problem::Missing,
            Unread::TooLarge { bytes } => Problem::TooLarge { bytes },
            Unread::Interrupted => Problem::Interrupted,
        });
    let result = service::upload(&ctx.state, &who, upload).await.map(|()| {
        ctx.notice("photo-notice-saved");
        then.clone().unwrap_or_else(|| origin.next().path())
    });
    answer(ctx, result, origin, then, &parts.headers).await
}

#[server(endpoint = "photo/remove")]
#[tracing::instrument(skip_all)]
pub async fn remove_photo() -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let result = match signed_in(&ctx).await? {
        Err(page) => Ok(page.path()),
        Ok(who) => service::remove(&ctx.state, &who).await.map(|removed| {
            if removed {
                ctx.notice("photo-notice-removed");
            }
            Origin::Account.next().path()
        }),
    };
    ctx.finish(result, "photo", &Origin::Account.page(None).path(), &[])
        .await
}

/// A redirect for a form post; the address itself for the island.
async fn answer(
    ctx: Ctx,
    result: Result<String, AppError>,
    origin: Origin,
    then: Option<String>,
    headers: &http::HeaderMap,
) -> Result<String, AppError> {
    let lang = ctx.lang;
    // Errors go back to the form, still carrying where to return afterwards.
    let back = origin.page(then).path();
    let path = ctx.settle(result, "photo", &back, &[]).await?;
    let href = lang.href(&path);
    if !headers.contains_key(SCRIPT_HEADER) {
        leptos_axum::redirect(&href);
    }
    Ok(href)
}
