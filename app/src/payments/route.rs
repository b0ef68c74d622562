//! What M-Pesa posts to us: STK push results (`/payments/mpesa/callback/{token}`) and Paybill confirmations
//! (`/payments/mpesa/c2b/{token}/confirmation`). Neither is signed by Safaricom, so the address carries a secret
//! token (logged never: the request log names the route template) and, where configured, must come from
//! Safaricom's addresses; a wrong token or source gets the same 404 as an unknown address. Neither is believed as it
//! stands: `service` confirms a "paid" with M-Pesa before settling it. Each result is settled once however often it
//! comes, and M-Pesa is always told it was received (a retry could only repeat what is recorded already). Also the
//! status of a prompt, for its owner's "Check your phone" page.

use axum::{
    extract::{ConnectInfo, Path, Query, Request, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    middleware::{self, Next},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
    Json, Router,
};
use serde::Deserialize;
use serde_json::{json, Value};

use super::{
    card::{self, Returned},
    db,
    paybill::{self, Confirmation, Validation},
    service::{self, StkResult},
};
use crate::gateways::card::CardResult;
use crate::gateways::results::{self, TransactionStatus};
use crate::{
    error::AppError,
    i18n::Lang,
    state::AppState,
    web::{routes::Page, secrets::same, session::Session},
};

pub fn routes(state: &AppState) -> Router<AppState> {
    let from_mpesa = Router::new()
        .route("/payments/mpesa/callback/{token}", post(callback))
        .route("/payments/mpesa/c2b/{token}/confirmation", post(confirmation))
        .route("/payments/mpesa/c2b/{token}/validation", post(validation))
        .route("/payments/mpesa/c2b/{token}/status-result", post(status_result))
        .route_layer(middleware::from_fn_with_state(state.clone(), only_from_mpesa));
    Router::new()
        .merge(from_mpesa)
        .route("/payments/mpesa/status/{request}", get(status))
        .route("/payments/card/return", get(card_return))
        .route("/payments/card/notify", post(card_notify))
}

/// The browser back from the card checkout, carrying the signed result: to the application when paid, else to
/// the payment page saying why.
async fn card_return(State(state): State<AppState>, Query(result): Query<CardResult>) -> Response {
    let to = match card::on_return(&state, &result).await {
        Ok(Returned::Paid(id, lang)) => lang.href(&Page::Application(id.as_str().into()).path()),
        Ok(Returned::Declined(id, lang)) => {
            lang.href(&format!("{}?card=declined", Page::Pay(id.as_str().into()).path()))
        }
        Ok(Returned::Refused(Some((id, lang)))) => {
            lang.href(&format!("{}?card=refused", Page::Pay(id.as_str().into()).path()))
        }
        Ok(Returned::Refused(None)) => Lang::default().href(""),
        Err(error) => return failed(error),
    };
    Redirect::to(&to).into_response()
}

/// The provider's server-to-server notification: the same signed result as the return, as a form post. Believed
/// only when its signature holds (`card::on_notification`); answered 200 once recorded, so the provider stops
/// retrying, and 400 when refused.
async fn card_notify(State(state): State<AppState>, axum::Form(result): axum::Form<CardResult>) -> Response {
    match card::on_notification(&state, &result).await {
        Ok(Returned::Paid(..) | Returned::Declined(..)) => (StatusCode::OK, "ok").into_response(),
        Ok(Returned::Refused(_)) => (StatusCode::BAD_REQUEST, "refused").into_response(),
        Err(error) => failed(error),
    }
}

/// A prompt's status for the "Check your phone" island: `pending`, `paid` or `failed`, to its owner only (anyone
/// else gets 404, as for a request that does not exist).
async fn status(State(state): State<AppState>, Path(request): Path<String>, headers: HeaderMap) -> Response {
    let found = async {
        let session = Session::load(&state, &headers).await?;
        match session.account_id {
            Some(account) => db::status_for(&state.pool, &request, &account).await,
            None => Ok(None),
        }
    };
    match found.await {
        Ok(Some(status)) => (
            [(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))],
            status.code(),
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => failed(error),
    }
}

/// Lets through only a post that carries a live callback token (the current one, or the one being rotated out) and,
/// when `payments.mpesa_callback_sources` is set, comes from one of those addresses; anything else is the 404 of an
/// unknown address.
pub async fn only_from_mpesa(
    State(state): State<AppState>,
    Path(token): Path<String>,
    request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    if token_ok(&state, &token) && source_ok(&state, peer, request.headers()) {
        next.run(request).await
    } else {
        StatusCode::NOT_FOUND.into_response()
    }
}

/// The token, compared in constant time (it is a secret).
fn token_ok(state: &AppState, token: &str) -> bool {
    let current = same(token, &state.mpesa_callback_token);
    let previous = !state.mpesa_previous_callback_token.is_empty() && same(token, &state.mpesa_previous_callback_token);
    current | previous
}

/// The client address (through `security.trusted_proxies`) is one M-Pesa posts from, when those are configured.
fn source_ok(state: &AppState, peer: Option<std::net::IpAddr>, headers: &HeaderMap) -> bool {
    let sources = &state.settings.payments.mpesa_callback_sources;
    let trusted = &state.settings.security.trusted_proxies;
    let allowed = crate::client::from_sources(peer, headers, trusted, sources);
    if !allowed {
        let client = crate::client::address(peer, headers, trusted);
        tracing::warn!(client = ?client, "an M-Pesa callback from an address not in payments.mpesa_callback_sources");
    }
    allowed
}

pub fn received() -> Response {
    Json(json!({"ResultCode": 0, "ResultDesc": "Accepted"})).into_response()
}

pub fn failed(error: anyhow::Error) -> Response {
    let _ = AppError::internal(error);
    // A 500 makes M-Pesa retry; the status query settles it meanwhile.
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

async fn callback(State(state): State<AppState>, body: String) -> Response {
    let Some(result) = parse_callback(&body) else {
        tracing::warn!("an M-Pesa callback that could not be read");
        return (StatusCode::BAD_REQUEST, "unreadable callback").into_response();
    };
    match service::on_callback(&state, &result).await {
        Ok(settled) => {
            tracing::info!(?settled, "M-Pesa callback");
            received()
        }
        Err(error) => failed(error),
    }
}

/// Reads Daraja's callback: `Body.stkCallback` with `CheckoutRequestID`, `ResultCode` and, when paid,
/// `CallbackMetadata.Item[]` of `{Name, Value}` (items can be missing or valueless).
pub fn parse_callback(body: &str) -> Option<StkResult> {
    let value: Value = serde_json::from_str(body).ok()?;
    let callback = value.get("Body")?.get("stkCallback")?;
    let checkout_request_id = callback.get("CheckoutRequestID")?.as_str()?.to_string();
    let result_code = match callback.get("ResultCode")? {
        Value::Number(n) => n.as_i64()?,
        Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    let item = |name: &str| -> Option<Value> {
        callback
            .get("CallbackMetadata")?
            .get("Item")?
            .as_array()?
            .iter()
            .find(|item| item.get("Name").and_then(Value::as_str) == Some(name))?
            .get("Value")
            .cloned()
    };
    let amount = item("Amount").and_then(|v| results::number(&v));
    Some(StkResult {
        checkout_request_id,
        result_code,
        // Whole shillings; a fractional amount is not ours and will not match.
        amount: amount.map(|a| results::shillings(a).unwrap_or(-1)),
        receipt: item("MpesaReceiptNumber").and_then(|v| v.as_str().map(str::to_string)),
        // A number in Daraja's callbacks (254708374149); text tolerated.
        phone: item("PhoneNumber").and_then(|v| match v {
            Value::Number(n) => n.as_u64().map(|n| n.to_string()),
            Value::String(s) => Some(s),
            _ => None,
        }),
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct C2bConfirmation {
    #[serde(rename = "TransID")]
    trans_id: String,
    trans_amount: Value,
    bill_ref_number: String,
    #[serde(rename = "MSISDN", default)]
    msisdn: String,
}

/// M-Pesa asks before it takes a Paybill payment (C2B validation): accepted only for a reference waiting for exactly
/// this amount (Daraja's codes: C2B00012 invalid account number, C2B00013 invalid amount).
async fn validation(State(state): State<AppState>, body: String) -> Response {
    let Some(c2b) = read_c2b(&body) else {
        return Json(json!({"ResultCode": "C2B00016", "ResultDesc": "Rejected"})).into_response();
    };
    match paybill::validate(&state, &c2b).await {
        Ok(Validation::Accept) => Json(json!({"ResultCode": "0", "ResultDesc": "Accepted"})).into_response(),
        Ok(Validation::UnknownReference) => {
            Json(json!({"ResultCode": "C2B00012", "ResultDesc": "Rejected"})).into_response()
        }
        Ok(Validation::WrongAmount) => {
            Json(json!({"ResultCode": "C2B00013", "ResultDesc": "Rejected"})).into_response()
        }
        Err(error) => failed(error),
    }
}

/// A Paybill validation or confirmation, with its amount in whole shillings.
fn read_c2b(body: &str) -> Option<Confirmation> {
    let c2b = serde_json::from_str::<C2bConfirmation>(body).ok()?;
    Some(Confirmation {
        amount: whole_shillings(&c2b.trans_amount)?,
        trans_id: c2b.trans_id,
        bill_reference: c2b.bill_ref_number,
        msisdn: c2b.msisdn,
    })
}

/// M-Pesa's answer to a Transaction Status query about a Paybill confirmation we could not believe as it came.
async fn status_result(State(state): State<AppState>, body: String) -> Response {
    let Some(status) = TransactionStatus::parse(&body) else {
        tracing::warn!("an M-Pesa transaction status result that could not be read");
        return (StatusCode::BAD_REQUEST, "unreadable result").into_response();
    };
    match paybill::on_transaction_status(&state, &status).await {
        Ok(settled) => {
            tracing::info!(?settled, "M-Pesa transaction status");
            received()
        }
        Err(error) => failed(error),
    }
}

/// A Paybill amount in whole shillings (Daraja sends it as text or a number).
fn whole_shillings(value: &Value) -> Option<i64> {
    results::shillings(results::number(value)?).filter(|amount| *amount > 0)
}

async fn confirmation(State(state): State<AppState>, body: String) -> Response {
    let Some(confirmation) = read_c2b(&body) else {
        return (StatusCode::BAD_REQUEST, "unreadable confirmation").into_response();
    };
    match paybill::on_confirmation(&state, &confirmation).await {
        Ok(settled) => {
            tracing::info!(?settled, "M-Pesa Paybill confirmation");
            received()
        }
        Err(error) => failed(error),
    }
}

#[cfg(test)]
#[path = "route_fuzz.rs"]
mod fuzz;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paid_callback_gives_its_amount_and_receipt() {
        let body = r#"{"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":
            "ws_CO_191220191020363925","ResultCode":0,"ResultDesc":"The service request is processed successfully.",
            "CallbackMetadata":{"Item":[{"Name":"Amount","Value":620.00},{"Name":"MpesaReceiptNumber",
            "Value":"NLJ7RT61SV"},{"Name":"Balance"},{"Name":"TransactionDate","Value":20191219102115},
            {"Name":"PhoneNumber","Value":254708374149}]}}}}"#;
        let result = parse_callback(body).unwrap();
        assert_eq!(result.checkout_request_id, "ws_CO_191220191020363925");
        assert_eq!(result.result_code, 0);
        assert_eq!(result.amount, Some(620));
        assert_eq!(result.receipt.as_deref(), Some("NLJ7RT61SV"));
        assert_eq!(result.phone.as_deref(), Some("254708374149"));
    }

    #[test]
    fn a_failed_callback_has_no_metadata() {
        let body = r#"{"Body":{"stkCallback":{"MerchantRequestID":"1","CheckoutRequestID":"ws_CO_1",
            "ResultCode":1032,"ResultDesc":"Request cancelled by user"}}}"#;
        let result = parse_callback(body).unwrap();
        assert_eq!((result.result_code, result.amount, result.receipt), (1032, None, None));
        assert_eq!(parse_callback("{}"), None);
    }
}
