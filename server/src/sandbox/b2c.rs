//! The sandbox's B2C payments (refunds): `POST /sandbox/daraja/mpesa/b2c/v3/paymentrequest` checks the request as
//! Daraja does, accepts it, and after `payments.sandbox_delay_ms` posts the result to `ResultURL`. Its books answer
//! the Transaction Status API about a B2C payment by its `OriginalConversationID`. The phone's last digit decides:
//! 9 the recipient cannot receive it (2040), 6 paid but the result never comes (only asking finds it); any other
//! digit is paid.

use std::{
    collections::HashMap,
    sync::{LazyLock, Mutex},
    time::Duration,
};

use app::state::AppState;
use axum::{
    extract::State,
    http::HeaderMap,
    response::{IntoResponse, Response},
    Json,
};
use serde_json::{json, Value};

use super::{authorised, random, refuse, text, HTTP};

/// One B2C payment the sandbox took.
#[derive(Debug, Clone)]
pub struct Payout {
    pub phone: String,
    pub amount: i64,
    /// 0 paid; else the failure's code.
    pub code: i64,
    pub description: &'static str,
    pub receipt: String,
}

/// The sandbox's B2C books, by `OriginatorConversationID`.
static PAYOUTS: LazyLock<Mutex<HashMap<String, Payout>>> = LazyLock::new(Mutex::default);

/// How many B2C payments the sandbox took for `phone` (for tests: ten approvals must make one).
pub fn payouts_to(phone: &str) -> usize {
    PAYOUTS
        .lock()
        .expect("sandbox payouts")
        .values()
        .filter(|p| p.phone == phone)
        .count()
}

fn fate(phone: &str) -> (i64, &'static str, bool) {
    match phone.chars().last() {
        Some('9') => (
            2040,
            "Credit Party customer type (Unregistered or Registered Customer) can't be supported by the service.",
            true,
        ),
        Some('6') => (0, "The service request is processed successfully.", false),
        _ => (0, "The service request is processed successfully.", true),
    }
}

pub(super) async fn payment(State(state): State<AppState>, headers: HeaderMap, Json(body): Json<Value>) -> Response {
    if !authorised(&headers) {
        return refuse("404.001.03", "Invalid Access Token");
    }
    let id = text(&body, "OriginatorConversationID").to_string();
    let phone = text(&body, "PartyB").to_string();
    let amount = body.get("Amount").and_then(Value::as_i64).unwrap_or(0);
    let url = text(&body, "ResultURL").to_string();
    if text(&body, "CommandID") != "BusinessPayment" || url.is_empty() || id.is_empty() {
        return refuse(
            "400.002.02",
            "Bad Request - Invalid CommandID, ResultURL or OriginatorConversationID",
        );
    }
    if !(10..=150_000).contains(&amount) {
        return refuse("400.002.02", "Bad Request - Invalid Amount");
    }
    if phone.len() != 12 || !phone.starts_with("254") || !phone.bytes().all(|b| b.is_ascii_digit()) {
        return refuse("400.002.02", "Bad Request - Invalid PartyB");
    }
    let (code, description, answered) = fate(&phone);
    let receipt = random(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10);
    let payout = Payout {
        phone,
        amount,
        code,
        description,
        receipt: receipt.clone(),
    };
    {
        let mut payouts = PAYOUTS.lock().expect("sandbox payouts");
        if payouts.contains_key(&id) {
            return refuse("400.002.05", "Duplicate OriginatorConversationID");
        }
        payouts.insert(id.clone(), payout);
    }
    let conversation = format!("AG_{}", random(b"0123456789", 14));
    let mut result = json!({"Result": {
        "ResultType": 0, "ResultCode": code, "ResultDesc": description,
        "OriginatorConversationID": id, "ConversationID": conversation,
        "TransactionID": receipt,
        "ReferenceData": {"ReferenceItem": {"Key": "QueueTimeoutURL", "Value": url}}}});
    if code == 0 {
        result["Result"]["ResultParameters"] = json!({"ResultParameter": [
            {"Key": "TransactionAmount", "Value": amount},
            {"Key": "TransactionReceipt", "Value": receipt},
            {"Key": "B2CRecipientIsRegisteredCustomer", "Value": "Y"},
            {"Key": "ReceiverPartyPublicName", "Value": format!("{} - SANDBOX", text(&body, "PartyB"))},
        ]});
    }
    let delay = Duration::from_millis(state.settings.payments.sandbox_delay_ms);
    if answered {
        tokio::spawn(async move {
            tokio::time::sleep(delay).await;
            if let Err(error) = HTTP.post(&url).json(&result).send().await {
                tracing::warn!(%error, "the sandbox could not post its B2C result");
            }
        });
    }
    Json(json!({
        "ConversationID": conversation,
        "OriginatorConversationID": id,
        "ResponseCode": "0",
        "ResponseDescription": "Accept the service request successfully.",
    }))
    .into_response()
}

/// What the books say of a B2C payment, as a Transaction Status result (`None`: no such payment).
pub(super) fn status_of(original: &str, reference: &Value) -> Option<Value> {
    let payout = PAYOUTS.lock().expect("sandbox payouts").get(original).cloned()?;
    let status = if payout.code == 0 { "Completed" } else { "Failed" };
    Some(json!({"Result": {
        "ResultType": 0, "ResultCode": 0, "ResultDesc": "The service request is processed successfully.",
        "ConversationID": format!("AG_{}", random(b"0123456789", 14)),
        "ResultParameters": {"ResultParameter": [
            {"Key": "ReceiptNo", "Value": payout.receipt},
            {"Key": "Amount", "Value": payout.amount},
            {"Key": "TransactionStatus", "Value": status},
            {"Key": "ReasonType", "Value": if payout.code == 0 { "Business Payment to Customer" } else { payout.description }},
        ]},
        "ReferenceData": reference}}))
}
