//! `POST /ussd/{token}`: where the USSD gateway posts each answer (Africa's Talking's form: `sessionId`,
//! `serviceCode`, `phoneNumber`, `text`), answered in plain text with one screen (`CON …` or `END …`). A gateway's
//! posts are not signed and the caller's number is whatever the post says, so the address carries a secret token
//! (`ussd.token`; a wrong one is the 404 of an unknown address) and, when `ussd.sources` is set, must come from the
//! gateway's addresses. Mounted only when a token is configured.
//!
//! `/dev/ussd` (development only): a phone's screen in a page, playing the same service for demonstrations and the
//! end-to-end tests, with or without JavaScript.

use axum::{
    extract::{ConnectInfo, FromRequest, Path, Request, State},
    http::{header, StatusCode},
    response::{Html, IntoResponse, Response},
    routing::{get, post},
    Form, Router,
};
use serde::Deserialize;

use super::service::{self, Post};
use crate::{error::AppError, state::AppState, web::secrets::same};

pub fn routes(state: &AppState) -> Router<AppState> {
    let mut router = Router::new();
    if !state.settings.ussd.token.is_empty() {
        router = router.route("/ussd/{token}", post(from_gateway));
    }
    if state.settings.development {
        router = router.route("/dev/ussd", get(simulator).post(simulator_post));
    }
    router
}

/// The gateway's post (Africa's Talking's field names); no `Debug`: the text carries the PIN.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GatewayPost {
    #[serde(default)]
    pub session_id: String,
    #[serde(default)]
    pub service_code: String,
    #[serde(default)]
    pub phone_number: String,
    #[serde(default)]
    pub text: String,
}

async fn from_gateway(State(state): State<AppState>, Path(token): Path<String>, request: Request) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    let settings = &state.settings;
    let trusted = &settings.security.trusted_proxies;
    let from_gateway = crate::client::from_sources(peer, request.headers(), trusted, &settings.ussd.sources);
    if !same(&token, &settings.ussd.token) || !from_gateway {
        return StatusCode::NOT_FOUND.into_response();
    }
    let Ok(Form(post)) = Form::<GatewayPost>::from_request(request, &state).await else {
        return (StatusCode::BAD_REQUEST, "a form post is needed").into_response();
    };
    if post.session_id.is_empty() || post.session_id.len() > 100 || post.text.len() > 200 {
        return (StatusCode::BAD_REQUEST, "sessionId, phoneNumber and text are needed").into_response();
    }
    let post = Post {
        session_id: &post.session_id,
        service_code: &post.service_code,
        phone: &post.phone_number,
        text: &post.text,
    };
    screen(service::answer(&state, &post).await)
}

/// The screen as plain text; a failure is logged and the caller gets a short apology, never the error.
fn screen(answered: anyhow::Result<String>) -> Response {
    let text = answered.unwrap_or_else(|error| {
        let _ = AppError::internal(error);
        super::menu::Reply::end(crate::i18n::Lang::En.t("ussd-error")).wire()
    });
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}

/// The simulator's form: the phone, the session, the answers so far, and this answer.
#[derive(Default, Deserialize)]
struct Played {
    #[serde(default)]
    phone: String,
    #[serde(default)]
    session: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    reply: String,
    /// "dial": a new session.
    #[serde(default)]
    action: String,
}

async fn simulator(State(state): State<AppState>) -> Html<String> {
    Html(page(&state, &Played::default(), None))
}

async fn simulator_post(State(state): State<AppState>, Form(played): Form<Played>) -> Html<String> {
    let dial = played.action == "dial" || played.session.is_empty();
    let (session, text) = if dial {
        (uuid::Uuid::new_v4().simple().to_string(), String::new())
    } else if played.text.is_empty() {
        (played.session.clone(), played.reply.clone())
    } else {
        (played.session.clone(), format!("{}*{}", played.text, played.reply))
    };
    let code = state.settings.ussd.service_code.clone();
    let post = Post {
        session_id: &session,
        service_code: &code,
        phone: &played.phone,
        text: &text,
    };
    let wire = service::answer(&state, &post).await.unwrap_or_else(|error| {
        let _ = AppError::internal(error);
        "END (the service failed: see the server's log)".to_string()
    });
    let now = Played {
        phone: played.phone,
        session,
        text,
        ..Played::default()
    };
    Html(page(&state, &now, Some(&wire)))
}

/// The simulator's page: a phone number to call from, the screen, and a reply box while the session goes on.
fn page(state: &AppState, played: &Played, wire: Option<&str>) -> String {
    let escape = |text: &str| html_escape::encode_double_quoted_attribute(text).into_owned();
    let code = escape(&state.settings.ussd.service_code);
    let phone = escape(if played.phone.is_empty() {
        "0712 345 678"
    } else {
        &played.phone
    });
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>USSD simulator – Uraia (development)</title></head><body>\
         <h1>USSD simulator</h1><p>Development only. Dial {code} as a phone would; each reply is posted to the same \
         service the gateway reaches at <code>/ussd/{{token}}</code>.</p>\
         <form method=\"post\" action=\"/dev/ussd\"><label for=\"phone\">Phone number</label>\
         <input id=\"phone\" name=\"phone\" type=\"tel\" value=\"{phone}\">\
         <button type=\"submit\" name=\"action\" value=\"dial\">Dial {code}</button></form>"
    );
    if let Some(wire) = wire {
        let (ended, shown) = match wire.split_once(' ') {
            Some(("END", rest)) => (true, rest),
            Some((_, rest)) => (false, rest),
            None => (true, wire),
        };
        html.push_str(&format!(
            "<section aria-label=\"Phone screen\"><pre role=\"status\">{}</pre>\
             <p class=\"length\">{} of 182 characters</p></section>",
            html_escape::encode_text(shown),
            wire.chars().count()
        ));
        if !ended {
            html.push_str(&format!(
                "<form method=\"post\" action=\"/dev/ussd\">\
                 <input type=\"hidden\" name=\"phone\" value=\"{phone}\">\
                 <input type=\"hidden\" name=\"session\" value=\"{}\">\
                 <input type=\"hidden\" name=\"text\" value=\"{}\">\
                 <label for=\"reply\">Reply</label><input id=\"reply\" name=\"reply\" autocomplete=\"off\" autofocus>\
                 <button type=\"submit\">Send</button></form>",
                escape(&played.session),
                escape(&played.text)
            ));
        }
    }
    html.push_str("</body></html>");
    html
}
