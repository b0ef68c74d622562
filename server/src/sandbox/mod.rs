//! The Daraja sandbox (development only): answers like Safaricom's sandbox, over real HTTP, so the M-Pesa client,
//! the callback and the reconciler run exactly as they will against Safaricom.
//!
//! - `GET  /sandbox/daraja/oauth/v1/generate` (Basic auth) → an access token for an hour.
//! - `POST /sandbox/daraja/mpesa/stkpush/v1/processrequest` checks the request as Daraja does (token, Password,
//!   amount, phone, reference) and accepts it; after `payments.sandbox_delay_ms` it posts the callback to
//!   `CallBackURL`. The outcome is chosen by the phone number's last digit (see `fate`).
//! - `POST /sandbox/daraja/mpesa/stkpushquery/v1/query` answers "still processing", then the outcome.
//! - `POST /sandbox/daraja/mpesa/transactionstatus/v1/query` accepts, then posts to `ResultURL` what its books say
//!   of the `TransactionID`: completed with its receipt and amount for a Paybill payment it made, else "does not
//!   exist" (what a forged confirmation gets).
//! - `POST /sandbox/daraja/mpesa/b2c/v3/paymentrequest` pays a refund to a phone (see `b2c`).
//! - `POST /sandbox/daraja/complete` (`reference=...`) pays the latest prompt for a reference now (for timing).
//! - `GET  /sandbox/daraja` the control page: the rules, the latest prompts, and a form that sends a Paybill (C2B)
//!   confirmation for a bill reference, as a bank app or the M-Pesa menu would.

use std::{
    collections::HashMap,
    sync::{LazyLock, Mutex},
    time::{Duration, Instant},
};

use app::{gateways::daraja::password, state::AppState};
use axum::{
    extract::State,
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Json, Router,
};
use rand::Rng;
use serde_json::{json, Value};

mod b2c;
mod control;

pub use b2c::payouts_to;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/sandbox/daraja/oauth/v1/generate", get(token))
        .route("/sandbox/daraja/mpesa/stkpush/v1/processrequest", post(push))
        .route("/sandbox/daraja/mpesa/stkpushquery/v1/query", post(query))
        .route(
            "/sandbox/daraja/mpesa/transactionstatus/v1/query",
            post(transaction_status),
        )
        .route("/sandbox/daraja/mpesa/b2c/v3/paymentrequest", post(b2c::payment))
        .merge(control::routes())
}

/// What happens to a prompt, by the phone number's last digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// Paid (the person entered their PIN).
    Pay,
    /// Failed with this result code.
    Fail(i64),
    /// Paid, but the callback never comes: only a status query finds out.
    Lost,
    /// Paid, and the callback comes twice.
    Twice,
}

/// 1 not enough money (1), 2 cancelled (1032), 3 phone unreachable (1037), 4 wrong PIN (2001), 5 expired (1019),
/// 6 paid but the callback is lost, 7 paid and the callback is sent twice; any other digit pays.
pub fn fate(phone: &str) -> Fate {
    match phone.chars().last() {
        Some('1') => Fate::Fail(1),
        Some('2') => Fate::Fail(1032),
        Some('3') => Fate::Fail(1037),
        Some('4') => Fate::Fail(2001),
        Some('5') => Fate::Fail(1019),
        Some('6') => Fate::Lost,
        Some('7') => Fate::Twice,
        _ => Fate::Pay,
    }
}

struct Prompt {
    phone: String,
    amount: i64,
    reference: String,
    fate: Fate,
    receipt: String,
    decided_at: Instant,
    merchant: String,
    callback_url: String,
}

/// The sandbox's memory: tokens issued and prompts sent (a development server's worth).
static TOKENS: LazyLock<Mutex<Vec<String>>> = LazyLock::new(Mutex::default);
/// Paybill payments the sandbox made (TransID → amount and phone): its books, for the Transaction Status API.
static PAYBILL: LazyLock<Mutex<HashMap<String, (i64, String)>>> = LazyLock::new(Mutex::default);

/// Records a payment M-Pesa took (a benchmark fills a day with them; the sandbox's own Paybill form does too).
pub fn remember_paybill(trans_id: &str, amount: i64, phone: &str) {
    let entry = (amount, phone.to_string());
    PAYBILL
        .lock()
        .expect("sandbox books")
        .insert(trans_id.to_string(), entry);
}
static PROMPTS: LazyLock<Mutex<HashMap<String, Prompt>>> = LazyLock::new(Mutex::default);

/// How many prompts to `phone` (`2547…`) the person paid (for tests: money M-Pesa took, whatever the server
/// recorded).
pub fn prompts_paid_by(phone: &str) -> usize {
    PROMPTS
        .lock()
        .expect("sandbox prompts")
        .values()
        .filter(|p| p.phone == phone && matches!(p.fate, Fate::Pay | Fate::Lost | Fate::Twice))
        .count()
}
static HTTP: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("an HTTP client")
});

fn random(alphabet: &[u8], n: usize) -> String {
    let mut rng = rand::rng();
    (0..n)
        .map(|_| alphabet[rng.random_range(0..alphabet.len())] as char)
        .collect()
}

fn refuse(code: &str, message: &str) -> Response {
    let body = json!({"requestId": random(b"0123456789", 8), "errorCode": code, "errorMessage": message});
    (StatusCode::BAD_REQUEST, Json(body)).into_response()
}

async fn token(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let payments = &state.settings.payments;
    let key = if payments.mpesa_consumer_key.is_empty() {
        "sandbox"
    } else {
        &payments.mpesa_consumer_key
    };
    let secret = if payments.mpesa_consumer_secret.is_empty() {
        "sandbox"
    } else {
        &payments.mpesa_consumer_secret
    };
    use base64::Engine;
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{key}:{secret}"))
    );
    if headers.get("authorization").and_then(|v| v.to_str().ok()) != Some(expected.as_str()) {
        return refuse("400.008.01", "Invalid Authentication passed");
    }
    let token = random(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 28);
    TOKENS.lock().expect("sandbox tokens").push(token.clone());
    Json(json!({"access_token": token, "expires_in": "3599"})).into_response()
}

fn authorised(headers: &HeaderMap) -> bool {
    let Some(token) = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    else {
        return false;
    };
    TOKENS.lock().expect("sandbox tokens").iter().any(|t| t == token)
}

fn text<'a>(body: &'a Value, name: &str) -> &'a str {
    body.get(name).and_then(Value::as_str).unwrap_or_default()
}

async fn push(State(state): State<AppState>, headers: HeaderMap, Json(body): Json<Value>) -> Response {
    if !authorised(&headers) {
        return refuse("404.001.03", "Invalid Access Token");
    }
    let config = match state.daraja.as_ref() {
        Some(daraja) => &daraja.config,
        None => return refuse("500.001.1001", "M-Pesa is off on this server"),
    };
    let timestamp = text(&body, "Timestamp");
    if text(&body, "Password") != password(&config.shortcode, &config.passkey, timestamp) {
        return refuse("400.002.02", "Bad Request - Invalid Password");
    }
    let amount = body.get("Amount").and_then(Value::as_i64).unwrap_or(0);
    if !(1..=250_000).contains(&amount) {
        return refuse("400.002.02", "Bad Request - Invalid Amount");
    }
    let phone = text(&body, "PhoneNumber");
    let valid_phone = phone.len() == 12 && (phone.starts_with("2547") || phone.starts_with("2541"));
    if !valid_phone || !phone.bytes().all(|b| b.is_ascii_digit()) {
        return refuse("400.002.02", "Bad Request - Invalid PhoneNumber");
    }
    let reference = text(&body, "AccountReference");
    if reference.is_empty() || reference.len() > 12 || !reference.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return refuse("400.002.02", "Bad Request - Invalid AccountReference");
    }
    let callback_url = text(&body, "CallBackURL").to_string();
    if callback_url.is_empty() {
        return refuse("400.002.02", "Bad Request - Invalid CallBackURL");
    }
    let merchant = format!("{}-{}-1", random(b"0123456789", 5), random(b"0123456789", 8));
    let checkout = format!("ws_CO_{}", random(b"0123456789", 20));
    let delay = Duration::from_millis(state.settings.payments.sandbox_delay_ms);
    let prompt = Prompt {
        phone: phone.to_string(),
        amount,
        reference: reference.to_string(),
        fate: fate(phone),
        receipt: random(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10),
        decided_at: Instant::now() + delay,
        merchant: merchant.clone(),
        callback_url: callback_url.clone(),
    };
    let callback = callback_body(&merchant, &checkout, &prompt);
    let sends = match prompt.fate {
        Fate::Lost => 0,
        Fate::Twice => 2,
        Fate::Pay | Fate::Fail(_) => 1,
    };
    PROMPTS
        .lock()
        .expect("sandbox prompts")
        .insert(checkout.clone(), prompt);
    tokio::spawn(async move {
        tokio::time::sleep(delay).await;
        for _ in 0..sends {
            if let Err(error) = HTTP.post(&callback_url).json(&callback).send().await {
                tracing::warn!(%error, "the sandbox could not post its callback");
            }
        }
    });
    Json(json!({
        "MerchantRequestID": merchant,
        "CheckoutRequestID": checkout,
        "ResponseCode": "0",
        "ResponseDescription": "Success. Request accepted for processing",
        "CustomerMessage": "Success. Request accepted for processing",
    }))
    .into_response()
}

fn result_of(fate: Fate) -> (i64, &'static str) {
    match fate {
        Fate::Pay | Fate::Lost | Fate::Twice => (0, "The service request is processed successfully."),
        Fate::Fail(1) => (1, "The balance is insufficient for the transaction."),
        Fate::Fail(1032) => (1032, "Request cancelled by user"),
        Fate::Fail(1037) => (1037, "DS timeout user cannot be reached"),
        Fate::Fail(2001) => (2001, "The initiator information is invalid."),
        Fate::Fail(code) => (code, "The transaction has expired"),
    }
}

fn callback_body(merchant: &str, checkout: &str, prompt: &Prompt) -> Value {
    let (code, description) = result_of(prompt.fate);
    let mut callback = json!({
        "MerchantRequestID": merchant,
        "CheckoutRequestID": checkout,
        "ResultCode": code,
        "ResultDesc": description,
    });
    if code == 0 {
        let date = app::gateways::daraja::timestamp(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or_default(),
        );
        callback["CallbackMetadata"] = json!({"Item": [
            {"Name": "Amount", "Value": prompt.amount},
            {"Name": "MpesaReceiptNumber", "Value": prompt.receipt},
            {"Name": "Balance"},
            {"Name": "TransactionDate", "Value": date.parse::<i64>().unwrap_or_default()},
            {"Name": "PhoneNumber", "Value": prompt.phone.parse::<i64>().unwrap_or_default()},
        ]});
    }
    json!({"Body": {"stkCallback": callback}})
}

async fn query(headers: HeaderMap, Json(body): Json<Value>) -> Response {
    if !authorised(&headers) {
        return refuse("404.001.03", "Invalid Access Token");
    }
    let checkout = text(&body, "CheckoutRequestID");
    let prompts = PROMPTS.lock().expect("sandbox prompts");
    let Some(prompt) = prompts.get(checkout) else {
        return refuse("400.002.02", "Bad Request - Invalid CheckoutRequestID");
    };
    if Instant::now() < prompt.decided_at {
        let body = json!({"requestId": checkout, "errorCode": "500.001.1001",
            "errorMessage": "The transaction is being processed"});
        return (StatusCode::INTERNAL_SERVER_ERROR, Json(body)).into_response();
    }
    let (code, description) = result_of(prompt.fate);
    Json(json!({
        "ResponseCode": "0",
        "ResponseDescription": "The service request has been accepted successsfully",
        "MerchantRequestID": "",
        "CheckoutRequestID": checkout,
        "ResultCode": code.to_string(),
        "ResultDesc": description,
    }))
    .into_response()
}

/// Daraja's Transaction Status API: accepted now; the result follows at `ResultURL`, as Safaricom's does.
async fn transaction_status(headers: HeaderMap, Json(body): Json<Value>) -> Response {
    if !authorised(&headers) {
        return refuse("404.001.03", "Invalid Access Token");
    }
    let (trans_id, url, occasion) = (
        text(&body, "TransactionID").to_string(),
        text(&body, "ResultURL").to_string(),
        text(&body, "Occasion").to_string(),
    );
    let original = text(&body, "OriginalConversationID").to_string();
    let asked = !trans_id.is_empty() || !original.is_empty();
    if !asked || url.is_empty() || text(&body, "CommandID") != "TransactionStatusQuery" {
        return refuse("400.002.02", "Bad Request - Invalid TransactionID");
    }
    let conversation = format!("AG_{}", random(b"0123456789", 14));
    let found = PAYBILL
        .lock()
        .expect("sandbox books")
        .get(&trans_id)
        .cloned()
        .or_else(|| {
            let prompts = PROMPTS.lock().expect("sandbox prompts");
            let paid = |p: &&Prompt| p.receipt == trans_id && !matches!(p.fate, Fate::Fail(_));
            prompts.values().find(paid).map(|p| (p.amount, p.phone.clone()))
        });
    let reference = json!({"ReferenceItem": {"Key": "Occasion", "Value": occasion}});
    let payout = trans_id
        .is_empty()
        .then(|| b2c::status_of(&original, &reference))
        .flatten();
    let result = match (payout, found) {
        (Some(payout), _) => payout,
        (None, Some((amount, phone))) => json!({"Result": {
            "ResultType": 0, "ResultCode": 0, "ResultDesc": "The service request is processed successfully.",
            "ConversationID": conversation, "TransactionID": random(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10),
            "ResultParameters": {"ResultParameter": [
                {"Key": "DebitPartyName", "Value": format!("{phone} - SANDBOX")},
                {"Key": "ReceiptNo", "Value": trans_id},
                {"Key": "Amount", "Value": amount},
                {"Key": "TransactionStatus", "Value": "Completed"},
                {"Key": "ReasonType", "Value": "Pay Bill Online"},
            ]},
            "ReferenceData": reference}}),
        (None, None) => json!({"Result": {
            "ResultType": 0, "ResultCode": "R000001", "ResultDesc": "The transaction receipt number does not exist.",
            "ConversationID": conversation, "ReferenceData": reference}}),
    };
    tokio::spawn(async move {
        if let Err(error) = HTTP.post(&url).json(&result).send().await {
            tracing::warn!(%error, "the sandbox could not post its transaction status result");
        }
    });
    Json(json!({
        "OriginatorConversationID": random(b"0123456789", 12),
        "ConversationID": conversation,
        "ResponseCode": "0",
        "ResponseDescription": "Accept the service request successfully.",
    }))
    .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_digit_decides() {
        assert_eq!(fate("254712345678"), Fate::Pay);
        assert_eq!(fate("254712345672"), Fate::Fail(1032));
        assert_eq!(fate("254712345673"), Fate::Fail(1037));
        assert_eq!(fate("254712345676"), Fate::Lost);
    }
}
