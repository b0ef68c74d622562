//! Limits on a request's body and time, chosen by route. Every form: `body_limit_bytes` (64 KiB) and 30 s. An
//! upload (the photo, 2 MB; a logbook, 5 MB): its file limit plus the multipart framing, and 3 minutes for the
//! photo, 8 for the logbook, because 2 MB over a slow 3G uplink (~100 kbit/s in practice) takes about 3. A
//! declared length over the limit is refused before a byte of the body is read (for an upload, the rest is then
//! read and thrown away so the browser sees the answer); a body without a declared length is cut off where it
//! passes the limit (for an upload, a little further, so the message can give the file's size).

use std::time::Duration;

use app::{
    photo::{api::UploadPhoto, domain::MAX_BYTES},
    services::transfer::{api::TransferLogbook, domain::LOGBOOK_MAX_BYTES},
    state::AppState,
    web::upload::{stream_cap, BodyMeter, DeclaredTooLarge, DRAINS, FRAMING_BYTES},
};
use axum::{
    body::Body,
    extract::{Request, State},
    http::{
        header::{CONTENT_LENGTH, CONTENT_TYPE},
        StatusCode,
    },
    middleware::Next,
    response::{IntoResponse, Response},
};
use futures_util::StreamExt;
use http_body_util::Limited;
use leptos::server_fn::ServerFn;
use std::sync::atomic::Ordering;

const TIME: Duration = Duration::from_secs(30);

/// An upload route's file limit and time.
fn upload(path: &str) -> Option<(u64, Duration)> {
    if path == UploadPhoto::url() {
        Some((MAX_BYTES, Duration::from_secs(180)))
    } else if path == TransferLogbook::url() {
        Some((LOGBOOK_MAX_BYTES, Duration::from_secs(480)))
    } else {
        None
    }
}

pub async fn limit(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let upload = upload(request.uri().path());
    let upload_route = upload.is_some();
    let (limit, cap, time) = match upload {
        Some((max, time)) => (max + FRAMING_BYTES, stream_cap(max), time),
        None => {
            let limit = state.settings.body_limit_bytes as u64;
            (limit, limit, TIME)
        }
    };
    // The multipart reader panics on a form without a boundary; a browser never sends one.
    if upload_route && !is_multipart(&request) {
        return StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response();
    }
    let declared = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok()?.parse::<u64>().ok());
    if let Some(declared) = declared.filter(|&length| length > limit) {
        if !upload_route {
            return StatusCode::PAYLOAD_TOO_LARGE.into_response();
        }
        // The upload's own page says what was wrong, in the reader's language: the server function answers
        // from the declared length, with an empty body.
        request.extensions_mut().insert(DeclaredTooLarge(declared));
        request.headers_mut().remove(CONTENT_LENGTH);
        let unread = std::mem::replace(request.body_mut(), Body::empty());
        // Within the bounded number of drains shared with the upload's own refusals.
        if declared <= DRAIN_BYTES {
            if let Ok(permit) = DRAINS.try_acquire() {
                tokio::spawn(async move {
                    let _permit = permit;
                    drain(unread, time).await
                });
            }
        }
    } else if upload_route {
        let meter = BodyMeter::default();
        request.extensions_mut().insert(meter.clone());
        request = request.map(|body| metered(body, meter, cap));
    } else {
        request = request.map(|body| Body::new(Limited::new(body, cap as usize)));
    }
    match tokio::time::timeout(time, next.run(request)).await {
        Ok(response) => response,
        Err(_) => StatusCode::REQUEST_TIMEOUT.into_response(),
    }
}

/// A browser still sending a body it was refused must see the answer. Closing the connection on unread data
/// makes the kernel reset it, and Chromium then retries the post and shows "connection reset" instead (seen in
/// the end-to-end tests). So a refused upload of a plausible size is read to its end and thrown away, alongside
/// the answer, as nginx's lingering close does; nothing is kept. Bigger ones are cut off.
const DRAIN_BYTES: u64 = 64 * 1024 * 1024;

async fn drain(body: Body, time: Duration) {
    let mut stream = body.into_data_stream();
    let _ = tokio::time::timeout(time, async { while let Some(Ok(_)) = stream.next().await {} }).await;
}

fn is_multipart(request: &Request) -> bool {
    request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("multipart/form-data") && value.contains("boundary="))
}

/// The body, ended (not failed) once more than `cap` bytes have passed, with the count kept in `meter`: an error
/// would reach the server function only as an unexplained failure, while the count says "too large".
fn metered(body: Body, meter: BodyMeter, cap: u64) -> Body {
    let stream = body.into_data_stream().take_while(move |chunk| {
        let size = chunk.as_ref().map_or(0, |bytes| bytes.len() as u64);
        let seen = meter.0.fetch_add(size, Ordering::Relaxed) + size;
        std::future::ready(seen <= cap)
    });
    Body::from_stream(stream)
}
