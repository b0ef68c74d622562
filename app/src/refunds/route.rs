//! What M-Pesa posts about refunds: a B2C payment's result (`/payments/mpesa/b2c/{token}/result`, also its queue
//! timeout) and the Transaction Status answer about one (`.../status-result`). Behind the same secret token and
//! source check as every M-Pesa post; always answered "accepted" once recorded, so M-Pesa stops retrying.

use axum::{
    extract::State,
    http::StatusCode,
    middleware,
    response::{IntoResponse, Response},
    routing::post,
    Router,
};

use super::service;
use crate::{
    gateways::{b2c::B2cResult, results::TransactionStatus},
    payments::route::{failed, only_from_mpesa, received},
    state::AppState,
};

pub fn routes(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/payments/mpesa/b2c/{token}/result", post(result))
        .route("/payments/mpesa/b2c/{token}/status-result", post(status_result))
        .route_layer(middleware::from_fn_with_state(state.clone(), only_from_mpesa))
}

async fn result(State(state): State<AppState>, body: String) -> Response {
    let Some(result) = B2cResult::parse(&body) else {
        tracing::warn!("a B2C result that could not be read");
        return (StatusCode::BAD_REQUEST, "unreadable result").into_response();
    };
    match service::on_b2c_result(&state, &result).await {
        Ok(()) => received(),
        Err(error) => failed(error),
    }
}

async fn status_result(State(state): State<AppState>, body: String) -> Response {
    let Some(status) = TransactionStatus::parse(&body) else {
        tracing::warn!("a refund status result that could not be read");
        return (StatusCode::BAD_REQUEST, "unreadable result").into_response();
    };
    match service::on_status(&state, &status).await {
        Ok(refund) => {
            tracing::info!(settled = refund.is_some(), "M-Pesa's books on a refund");
            received()
        }
        Err(error) => failed(error),
    }
}
