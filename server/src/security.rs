//! The security baseline every response gets: headers, the cross-site request check, and a panic page that
//! shows a reference instead of a stack trace.

use app::{error::reference, state::AppState};
use axum::{
    body::Body,
    extract::Request,
    http::{header, HeaderValue, Method, StatusCode},
    response::{Html, IntoResponse, Response},
};

/// Headers for every response. Pages set their own Content-Security-Policy (with the nonce, in the shell);
/// anything else gets one that allows nothing.
pub fn add_headers(state: &AppState, response: &mut Response) {
    let headers = response.headers_mut();
    let fixed = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            header::HeaderName::from_static("permissions-policy"),
            "geolocation=(), microphone=(), payment=(), usb=()",
        ),
        (
            header::HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
        ));
    if state.settings.serves_tls() {
        let hsts = format!(
            "max-age={}; includeSubDomains",
            state.settings.security.hsts_max_age_seconds
        );
        if let Ok(value) = HeaderValue::from_str(&hsts) {
            headers.insert(header::STRICT_TRANSPORT_SECURITY, value);
        }
    }
}

/// A state-changing request that a browser says comes from another site: refused (403), so no other site can make
/// a signed-in citizen's browser call a server function. Browsers send `Sec-Fetch-Site` (and `Origin` on POST);
/// a request with neither is not from a browser, and is refused if it carries a session cookie.
pub fn is_cross_site_write(state: &AppState, request: &Request) -> bool {
    !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS) && !is_same_site(state, request)
}

pub fn forbidden() -> Response {
    tracing::warn!("cross-site request refused");
    (StatusCode::FORBIDDEN, "Forbidden: cross-site request").into_response()
}

fn is_same_site(state: &AppState, request: &Request) -> bool {
    let headers = request.headers();
    let text = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
    if let Some(site) = text("sec-fetch-site") {
        if site != "same-origin" && site != "none" {
            return false;
        }
    }
    match text("origin") {
        // Neither header: not a browser's request (every current browser sends one of them on a POST), so a
        // cookieless machine callback passes; one that carries a session cookie is refused, since only a
        // browser holds that cookie and then it could be a browser that hides where the request came from.
        None => {
            text("sec-fetch-site").is_some()
                || app::web::session::read_cookie(
                    headers,
                    &app::web::session::cookie_name(state, app::web::session::SESSION_COOKIE),
                )
                .is_none()
        }
        Some(origin) => {
            let configured = &state.settings.public_origin;
            if !configured.is_empty() {
                return origin == configured.trim_end_matches('/');
            }
            let host = text("host").unwrap_or_default();
            origin
                .split_once("://")
                .is_some_and(|(scheme, rest)| (scheme == "http" || scheme == "https") && rest == host)
        }
    }
}

/// A panic becomes a 500 page with a reference (logged with the panic's message), in both languages because the
/// request's language is not known here.
pub fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response<Body> {
    let reference = reference();
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    tracing::error!(reference = %reference, panic = %message, "request panicked");
    error_page(&reference)
}

/// The last-resort 500 page, for failures outside the app's own error pages.
pub fn error_page(reference: &str) -> Response<Body> {
    let body = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Uraia</title></head><body>\
         <h1>Sorry, there is a problem with the service</h1><p>If you contact us, quote reference {reference}.</p>\
         <h1 lang=\"sw\">Samahani, kuna tatizo kwenye huduma</h1>\
         <p lang=\"sw\">Ukiwasiliana nasi, taja nambari ya kumbukumbu {reference}.</p></body></html>"
    );
    (StatusCode::INTERNAL_SERVER_ERROR, Html(body)).into_response()
}
