//! The sandbox's own controls, for a developer: the control page (the rules, the latest prompts, a Paybill form),
//! the Paybill confirmation it sends, and "pay this reference now" for the payment benchmark.

use std::{collections::HashMap, time::Instant};

use app::state::AppState;
use axum::{
    extract::State,
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
    Form, Router,
};
use serde::Deserialize;
use serde_json::json;

use super::{callback_body, random, Fate, HTTP, PAYBILL, PROMPTS};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/sandbox/daraja", get(control))
        .route("/sandbox/daraja/c2b", post(paybill))
        .route("/sandbox/daraja/complete", post(complete))
}

/// The control page: the rules, the latest prompts, and the Paybill form.
async fn control(axum::extract::Query(query): axum::extract::Query<HashMap<String, String>>) -> Html<String> {
    let mut rows = String::new();
    for (checkout, prompt) in PROMPTS.lock().expect("sandbox prompts").iter().take(50) {
        rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>KES {}</td><td>{}</td><td>{:?}</td></tr>",
            html_escape::encode_double_quoted_attribute(checkout),
            html_escape::encode_double_quoted_attribute(&prompt.phone),
            prompt.amount,
            html_escape::encode_double_quoted_attribute(&prompt.reference),
            prompt.fate
        ));
    }
    let said = query
        .get("sent")
        .map(|s| {
            format!(
                "<p role=\"status\">{}</p>",
                html_escape::encode_double_quoted_attribute(s)
            )
        })
        .unwrap_or_default();
    Html(format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Daraja sandbox – Uraia \
         (development)</title></head><body><h1>Daraja sandbox (development only)</h1>{said}\
         <h2>Prompts</h2><p>The phone number's last digit decides: 1 not enough money (1), 2 cancelled (1032), \
         3 unreachable (1037), 4 wrong PIN (2001), 5 expired (1019), 6 paid but no callback (the status query \
         finds it), 7 paid with the callback sent twice; any other digit pays.</p>\
         <table><thead><tr><th>Request</th><th>Phone</th><th>Amount</th><th>Reference</th><th>Fate</th></tr>\
         </thead><tbody>{rows}</tbody></table>\
         <h2>Pay by Paybill</h2><form method=\"post\" action=\"/sandbox/daraja/c2b\">\
         <p><label for=\"reference\">Account number (bill reference)</label> \
         <input id=\"reference\" name=\"reference\" required></p>\
         <p><label for=\"amount\">Amount (KES)</label> <input id=\"amount\" name=\"amount\" inputmode=\"numeric\" \
         required></p>\
         <p><label for=\"phone\">Paid from (2547…)</label> <input id=\"phone\" name=\"phone\" \
         value=\"254708374149\"></p>\
         <p><input type=\"checkbox\" id=\"unvalidated\" name=\"unvalidated\" value=\"yes\"> <label \
         for=\"unvalidated\">Without validation (a shortcode that does not ask first: Uraia then asks the \
         Transaction Status API)</label></p>\
         <p><button>Send the Paybill confirmation</button></p></form></body></html>"
    ))
}

#[derive(Deserialize)]
struct Complete {
    reference: String,
}

/// `POST /sandbox/daraja/complete` (`reference=...`): the latest prompt for the reference is paid now and its
/// callback posted at once, whatever its phone's last digit said (the payment benchmark times from here).
async fn complete(Form(form): Form<Complete>) -> Response {
    let found = {
        let mut prompts = PROMPTS.lock().expect("sandbox prompts");
        let latest = prompts
            .iter_mut()
            .filter(|(_, p)| p.reference == form.reference.trim())
            .max_by_key(|(_, p)| p.decided_at);
        latest.map(|(checkout, prompt)| {
            prompt.fate = Fate::Pay;
            prompt.decided_at = Instant::now();
            (
                prompt.callback_url.clone(),
                callback_body(&prompt.merchant, checkout, prompt),
            )
        })
    };
    let Some((url, body)) = found else {
        return (axum::http::StatusCode::NOT_FOUND, "no prompt for this reference").into_response();
    };
    match HTTP.post(&url).json(&body).send().await {
        Ok(answer) if answer.status().is_success() => axum::http::StatusCode::NO_CONTENT.into_response(),
        Ok(answer) => (axum::http::StatusCode::BAD_GATEWAY, answer.status().to_string()).into_response(),
        Err(error) => (axum::http::StatusCode::BAD_GATEWAY, error.to_string()).into_response(),
    }
}

#[derive(Deserialize)]
struct Paybill {
    reference: String,
    amount: String,
    phone: String,
    /// Present: skip validation, as a shortcode without external validation does.
    unvalidated: Option<String>,
}

/// Pays a bill reference as M-Pesa would after a bank app paid: asks this server to validate (unless told not
/// to), and on acceptance keeps the payment in its books and sends the confirmation, over HTTP.
async fn paybill(State(state): State<AppState>, Form(form): Form<Paybill>) -> Response {
    let c2b = |step: &str| {
        format!(
            "{}/payments/mpesa/c2b/{}/{step}",
            state.origin, state.mpesa_callback_token
        )
    };
    let trans_id = random(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10);
    let body = json!({
        "TransactionType": "Pay Bill",
        "TransID": trans_id,
        "TransTime": "20250315013005",
        "TransAmount": form.amount.trim(),
        "BusinessShortCode": "222222",
        "BillRefNumber": form.reference.trim(),
        "MSISDN": form.phone.trim(),
        "FirstName": "SANDBOX",
    });
    let said = match validate(&c2b, &body, form.unvalidated.is_none()).await {
        Err(refused) => refused,
        Ok(()) => {
            let amount = form.amount.trim().parse().unwrap_or_default();
            PAYBILL
                .lock()
                .expect("sandbox books")
                .insert(trans_id.clone(), (amount, form.phone.trim().to_string()));
            match HTTP.post(c2b("confirmation")).json(&body).send().await {
                Ok(answer) if answer.status().is_success() => format!("Sent {trans_id}"),
                Ok(answer) => format!("Refused: {}", answer.status()),
                Err(error) => format!("Not sent: {error}"),
            }
        }
    };
    let query = serde_urlencoded::to_string([("sent", said)]).unwrap_or_default();
    Redirect::to(&format!("/sandbox/daraja?{query}")).into_response()
}

/// The validation step: whether the server takes this payment (`Err` says why not).
async fn validate(c2b: &impl Fn(&str) -> String, body: &serde_json::Value, validate: bool) -> Result<(), String> {
    if !validate {
        return Ok(());
    }
    let answer: serde_json::Value = match HTTP.post(c2b("validation")).json(body).send().await {
        Ok(answer) => answer.json().await.map_err(|error| format!("Not validated: {error}"))?,
        Err(error) => return Err(format!("Not validated: {error}")),
    };
    match answer.get("ResultCode").and_then(serde_json::Value::as_str) {
        Some("0") => Ok(()),
        code => Err(format!("Refused at validation: {}", code.unwrap_or("?"))),
    }
}
