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
    web::{context::Ctx, guard::signed_in},
};

/// Set by the server's body limit when the declared length is over it: the body is not read at all.
#[derive(Debug, Clone, Copy)]
pub struct DeclaredTooLarge(pub u64);

/// Room for the multipart framing around the file: a declared length may be this much over the file limit.
pub const FRAMING_BYTES: u64 = 16 * 1024;

/// A body of unknown length is read this far before it is cut off: past the file limit, so that the message
/// can say how large the file was (up to 3 MB), and no further.
pub const STREAM_CAP_BYTES: u64 = MAX_BYTES + 1024 * 1024;

/// Counts the bytes of an upload's body as the server's limit lets them through; the limit ends the body at
/// `STREAM_CAP_BYTES`. The multipart reader then sees a cut-off form, and this says why.
#[derive(Debug, Clone, Default)]
pub struct BodyMeter(pub std::sync::Arc<std::sync::atomic::AtomicU64>);

impl BodyMeter {
    pub fn bytes(&self) -> u64 {
        self.0.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// Uploads a photo. The form's page is named in the query (`?from=welcome`), so that even a request refused
/// unread (too large) is answered on the right page; `then` names the application step to return to.
#[server(endpoint = "photo/upload", input = MultipartFormData)]
#[tracing::instrument(skip_all)]
pub async fn upload_photo(data: MultipartData) -> Result<String, AppError> {
    let mut ctx = Ctx::load().await?;
    let parts = use_context::<http::request::Parts>().ok_or_else(|| AppError::internal("no request parts"))?;
    let query = parts.uri.query().unwrap_or_default();
    let origin = Origin::parse(service::param(query, "from").unwrap_or_default());
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
    let upload = match parts.extensions.get::<DeclaredTooLarge>() {
        Some(DeclaredTooLarge(bytes)) => Err(Problem::TooLarge {
            // The file is the request less a few hundred bytes of multipart framing.
            bytes: bytes.saturating_sub(512).max(MAX_BYTES + 1),
        }),
        None => match read_photo(data).await {
            // Cut off by the limit: too large, however the reader saw the end.
            Err(_)
                if parts
                    .extensions
                    .get::<BodyMeter>()
                    .is_some_and(|m| m.bytes() > STREAM_CAP_BYTES) =>
            {
                Err(Problem::TooLarge {
                    bytes: STREAM_CAP_BYTES,
                })
            }
            other => other,
        },
    };
    let result = service::upload(&ctx.state, &who, upload).await.map(|()| {
        ctx.notice("photo-notice-saved");
        then.clone().unwrap_or_else(|| origin.next().path())
    });
    answer(ctx, result, origin, then, &parts.headers).await
}

/// Refused bodies still being sent are read and thrown away after the answer, so the browser sees the answer
/// (closing on unread data resets the connection, and Chromium then retries the post). At most this many at
/// once: past that a refused connection is simply closed, so refusals cannot pile up tasks.
pub static DRAINS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(32);

/// Reads a refused upload to its end in the background, within `DRAINS`; nothing is kept.
fn drain_later(data: MultipartData) {
    let Ok(permit) = DRAINS.try_acquire() else {
        return;
    };
    if let Some(mut multipart) = data.into_inner() {
        tokio::spawn(async move {
            let _permit = permit;
            let drain = async {
                while let Ok(Some(mut field)) = multipart.next_field().await {
                    while let Ok(Some(_)) = field.chunk().await {}
                }
            };
            let _ = tokio::time::timeout(std::time::Duration::from_secs(180), drain).await;
        });
    }
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

/// The file's bytes: at most `MAX_BYTES` are kept; past that, the rest is only counted, so the message can say
/// how large the file was (the server's body limit ends the request soon after).
async fn read_photo(data: MultipartData) -> Result<Vec<u8>, Problem> {
    let mut multipart = data.into_inner().ok_or(Problem::Interrupted)?;
    let mut photo = Err(Problem::Missing);
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some(FIELD) => photo = read_file(field).await,
            Ok(Some(_)) => {}
            Ok(None) => return photo,
            Err(_) => {
                return match photo {
                    Err(Problem::TooLarge { .. }) => photo,
                    _ => Err(Problem::Interrupted),
                }
            }
        }
    }
}

async fn read_file(mut field: multer::Field<'static>) -> Result<Vec<u8>, Problem> {
    let mut bytes = Vec::new();
    let mut total = 0u64;
    let complete = loop {
        match field.chunk().await {
            Ok(Some(chunk)) => {
                total += chunk.len() as u64;
                if total <= MAX_BYTES {
                    bytes.extend_from_slice(&chunk);
                }
            }
            Ok(None) => break true,
            Err(_) => break false,
        }
    };
    if total > MAX_BYTES {
        Err(Problem::TooLarge { bytes: total })
    } else if !complete {
        Err(Problem::Interrupted)
    } else if total == 0 {
        Err(Problem::Missing)
    } else {
        Ok(bytes)
    }
}
