//! The card sandbox (development only): a hosted checkout page like a card provider's, at `/sandbox/card`. It takes
//! a card number, expiry and security code, sends the browser back to Uraia with the result signed as a provider
//! would, and posts the same result to Uraia server to server (`/payments/card/notify`). `GET
//! /sandbox/card/sessions/{session}` answers what it knows of a session. Test cards: 4242 4242 4242 4242 pays;
//! 4000 0000 0000 0002 is declined; 4000 0000 0000 3220 asks for a 3-D Secure code first (123456 pays, anything
//! else is declined); 4000 0000 0000 0077 pays, but the browser never comes back and the notification is lost
//! (only asking about the session finds it).

use std::{
    collections::HashMap,
    sync::{LazyLock, Mutex},
};

use app::{
    gateways::card::{CardRefund, CardResult, CardTransaction},
    state::AppState,
};
use axum::{
    extract::{Path, Query, State},
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
    Form, Json, Router,
};
use rand::Rng;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/sandbox/card", get(checkout).post(pay))
        .route("/sandbox/card/3ds", post(challenge))
        .route("/sandbox/card/sessions/{session}", get(session))
        .route("/sandbox/card/refunds", post(refund))
        .route("/sandbox/card/transactions", get(transactions))
}

/// The sandbox's books: each session's signed result, as a provider keeps them.
static RESULTS: LazyLock<Mutex<HashMap<String, CardResult>>> = LazyLock::new(Mutex::default);

/// One payment in the provider's books: the merchant (a server's origin), the Nairobi day, the transaction and its
/// amount.
type Taken = (String, String, String, String);

/// The provider's books of payments taken.
static TAKEN: LazyLock<Mutex<Vec<Taken>>> = LazyLock::new(Mutex::default);

/// Records a payment the provider took for `merchant` (a server's origin) on `day` (the sandbox's pages do; a
/// benchmark fills a day with them).
pub fn remember(merchant: &str, day: &str, transaction: &str, amount: i64) {
    let entry = (
        merchant.to_string(),
        day.to_string(),
        transaction.to_string(),
        amount.to_string(),
    );
    TAKEN.lock().expect("sandbox books").push(entry);
}

/// Refunds made, by the caller's refund id (a refund asked for again gets the same answer).
static REFUNDS: LazyLock<Mutex<HashMap<String, CardRefund>>> = LazyLock::new(Mutex::default);

/// How the result travels back.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Back {
    /// With the browser, and by the notification.
    Both,
    /// Neither: the person closed the tab and the notification was lost.
    Lost,
}

/// A session's result as JSON (the fields of the return), or `{"status": "open"}`.
async fn session(Path(session): Path<String>) -> Json<serde_json::Value> {
    let results = RESULTS.lock().expect("sandbox results");
    Json(match results.get(&session) {
        Some(result) => serde_json::json!({
            "session": result.session, "reference": result.reference, "amount": result.amount,
            "outcome": result.outcome, "transaction": result.transaction, "sig": result.signature,
        }),
        None => serde_json::json!({"status": "open"}),
    })
}

/// The checkout's own fields, carried through its pages.
fn hidden(fields: &HashMap<String, String>) -> String {
    ["session", "reference", "amount", "return"]
        .iter()
        .map(|name| {
            format!(
                "<input type=\"hidden\" name=\"{name}\" value=\"{}\">",
                html_escape::encode_double_quoted_attribute(fields.get(*name).map(String::as_str).unwrap_or_default())
            )
        })
        .collect()
}

fn page(title: &str, body: &str) -> Html<String> {
    Html(format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" \
         content=\"width=device-width, initial-scale=1\"><title>{title} – card sandbox (development)</title></head>\
         <body><main><p>Card sandbox (development only): not a real payment.</p><h1>{title}</h1>{body}</main></body>\
         </html>"
    ))
}

fn card_form(fields: &HashMap<String, String>, error: Option<&str>) -> Html<String> {
    // As a provider's page shows it: `KES 8,350` (the posted amount is whole shillings).
    let amount = match fields.get("amount").and_then(|a| a.parse::<i64>().ok()) {
        Some(kes) => app::fees::domain::format_kes(kes),
        None => {
            html_escape::encode_double_quoted_attribute(fields.get("amount").map(String::as_str).unwrap_or_default())
                .into_owned()
        }
    };
    let reference =
        html_escape::encode_double_quoted_attribute(fields.get("reference").map(String::as_str).unwrap_or_default());
    let error = error
        .map(|e| format!("<p role=\"alert\" id=\"card-error\">{e}</p>"))
        .unwrap_or_default();
    page(
        &format!("Pay {amount}"),
        &format!(
            "<p>Reference {reference}</p>{error}<form method=\"post\" action=\"/sandbox/card\">{}\
             <p><label for=\"number\">Card number</label> <input id=\"number\" name=\"number\" \
             inputmode=\"numeric\" autocomplete=\"cc-number\"></p>\
             <p><label for=\"expiry\">Expiry date (MM/YY)</label> <input id=\"expiry\" name=\"expiry\" \
             autocomplete=\"cc-exp\"></p>\
             <p><label for=\"cvv\">Security code</label> <input id=\"cvv\" name=\"cvv\" inputmode=\"numeric\" \
             autocomplete=\"cc-csc\"></p>\
             <p><button>Pay {amount}</button></p></form>",
            hidden(fields)
        ),
    )
}

async fn checkout(Query(fields): Query<HashMap<String, String>>) -> Html<String> {
    card_form(&fields, None)
}

/// Back to Uraia with the result, signed as the provider signs it.
fn finish(state: &AppState, fields: &HashMap<String, String>, paid: bool) -> Response {
    finish_by(state, fields, paid, Back::Both)
}

fn finish_by(state: &AppState, fields: &HashMap<String, String>, paid: bool, back_by: Back) -> Response {
    let Some(card) = state.card.as_ref() else {
        return page("Card payments are off", "").into_response();
    };
    let back = fields.get("return").cloned().unwrap_or_default();
    // Only to this server: even a development aid must not send people elsewhere.
    if !back.starts_with(&format!("{}/", state.origin)) {
        return page("Unknown return address", "").into_response();
    }
    let transaction: String = {
        let mut rng = rand::rng();
        (0..12)
            .map(|_| b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[rng.random_range(0..32)] as char)
            .collect()
    };
    let mut result = CardResult {
        session: fields.get("session").cloned().unwrap_or_default(),
        reference: fields.get("reference").cloned().unwrap_or_default(),
        amount: fields.get("amount").cloned().unwrap_or_default(),
        outcome: if paid { "paid" } else { "declined" }.into(),
        transaction,
        signature: String::new(),
    };
    result.signature = card.sign(&result);
    if paid {
        let day = app::calendar::date_of(state.clock.now()).to_string();
        remember(
            &state.origin,
            &day,
            &result.transaction,
            result.amount.parse().unwrap_or_default(),
        );
    }
    RESULTS
        .lock()
        .expect("sandbox results")
        .insert(result.session.clone(), result.clone());
    if back_by == Back::Lost {
        return page(
            "Payment received",
            "<p>The sandbox does not send you back (the tab was closed).</p>",
        )
        .into_response();
    }
    let fields = [
        ("session", result.session.clone()),
        ("reference", result.reference.clone()),
        ("amount", result.amount.clone()),
        ("outcome", result.outcome.clone()),
        ("transaction", result.transaction.clone()),
        ("sig", result.signature.clone()),
    ];
    let notify = format!("{}/payments/card/notify", state.origin);
    tokio::spawn(async move {
        let client = reqwest::Client::new();
        if let Err(error) = client.post(&notify).form(&fields).send().await {
            tracing::warn!(%error, "the card sandbox could not post its notification");
        }
    });
    let query = serde_urlencoded::to_string([
        ("session", &result.session),
        ("reference", &result.reference),
        ("amount", &result.amount),
        ("outcome", &result.outcome),
        ("transaction", &result.transaction),
        ("sig", &result.signature),
    ])
    .unwrap_or_default();
    Redirect::to(&format!("{back}?{query}")).into_response()
}

async fn pay(State(state): State<AppState>, Form(fields): Form<HashMap<String, String>>) -> Response {
    let number: String = fields
        .get("number")
        .map(|n| n.chars().filter(char::is_ascii_digit).collect())
        .unwrap_or_default();
    let expiry = fields.get("expiry").map(|e| e.trim().to_string()).unwrap_or_default();
    let cvv = fields.get("cvv").map(|c| c.trim().to_string()).unwrap_or_default();
    let valid_expiry = expiry.len() == 5 && expiry.as_bytes()[2] == b'/';
    if !valid_expiry || cvv.len() != 3 {
        return card_form(
            &fields,
            Some("Enter the expiry date as MM/YY and the 3-digit security code"),
        )
        .into_response();
    }
    match number.as_str() {
        "4242424242424242" => finish(&state, &fields, true),
        "4000000000000002" => finish(&state, &fields, false),
        "4000000000000077" => finish_by(&state, &fields, true, Back::Lost),
        "4000000000003220" => page(
            "Confirm with your bank",
            &format!(
                "<p>Your bank sent a code to your phone.</p><form method=\"post\" action=\"/sandbox/card/3ds\">{}\
                 <p><label for=\"otp\">One-time code</label> <input id=\"otp\" name=\"otp\" inputmode=\"numeric\">\
                 </p><p><button>Confirm</button></p></form>",
                hidden(&fields)
            ),
        )
        .into_response(),
        _ => card_form(
            &fields,
            Some(
                "Use a test card: 4242 4242 4242 4242, 4000 0000 0000 0002, 4000 0000 0000 3220 or \
                 4000 0000 0000 0077",
            ),
        )
        .into_response(),
    }
}

async fn challenge(State(state): State<AppState>, Form(fields): Form<HashMap<String, String>>) -> Response {
    let right = fields.get("otp").map(|c| c.trim()) == Some("123456");
    finish(&state, &fields, right)
}

/// `POST /sandbox/card/refunds` (`refund`, `transaction`, `amount`, `sig`): gives back up to what the transaction
/// paid, once per refund id, answered signed. Declined: an unknown or unpaid transaction, more than is left of it.
async fn refund(State(state): State<AppState>, Form(asked): Form<HashMap<String, String>>) -> Response {
    let Some(card) = state.card.as_ref() else {
        return (axum::http::StatusCode::NOT_FOUND, "card payments are off").into_response();
    };
    let field = |name: &str| asked.get(name).cloned().unwrap_or_default();
    let (id, transaction, amount) = (field("refund"), field("transaction"), field("amount"));
    let signed = card.signed(&[&id, &transaction, &amount], &field("sig"));
    if !signed || id.is_empty() {
        return (axum::http::StatusCode::FORBIDDEN, "bad signature").into_response();
    }
    let mut refunds = REFUNDS.lock().expect("sandbox refunds");
    if let Some(made) = refunds.get(&id) {
        return Json(made.clone()).into_response();
    }
    let paid: i64 = RESULTS
        .lock()
        .expect("sandbox results")
        .values()
        .find(|r| r.transaction == transaction && r.outcome == "paid")
        .and_then(|r| r.amount.parse().ok())
        .unwrap_or(0);
    let given: i64 = refunds
        .values()
        .filter(|r| r.transaction == transaction && r.outcome == "refunded")
        .filter_map(|r| r.amount.parse::<i64>().ok())
        .sum();
    let wanted: i64 = amount.parse().unwrap_or(0);
    let reason = match () {
        _ if paid == 0 => "no such paid transaction",
        _ if wanted <= 0 || wanted > paid - given => "more than is left of the transaction",
        _ => "",
    };
    let mut answer = CardRefund {
        refund: id.clone(),
        transaction,
        amount,
        outcome: if reason.is_empty() { "refunded" } else { "declined" }.into(),
        reason: reason.into(),
        signature: String::new(),
    };
    answer.signature = card.mac(&answer.fields());
    refunds.insert(id, answer.clone());
    Json(answer).into_response()
}

/// `GET /sandbox/card/transactions?day=YYYY-MM-DD`: the payments taken that day, each signed.
async fn transactions(State(state): State<AppState>, Query(asked): Query<HashMap<String, String>>) -> Response {
    let Some(card) = state.card.as_ref() else {
        return (axum::http::StatusCode::NOT_FOUND, "card payments are off").into_response();
    };
    let day = asked.get("day").cloned().unwrap_or_default();
    let list: Vec<CardTransaction> = TAKEN
        .lock()
        .expect("sandbox books")
        .iter()
        .filter(|(merchant, on, _, _)| *merchant == state.origin && *on == day)
        .map(|(_, _, transaction, amount)| {
            let mut entry = CardTransaction {
                transaction: transaction.clone(),
                amount: amount.clone(),
                outcome: "paid".into(),
                signature: String::new(),
            };
            entry.signature = card.mac(&entry.fields());
            entry
        })
        .collect();
    Json(list).into_response()
}
