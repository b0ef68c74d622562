//! M-Pesa's answers about the day's receipts (`/payments/mpesa/reconcile/{token}/status-result`, behind the same
//! token and source check as every M-Pesa post), and a day's differences as CSV for supervisors
//! (`GET /staff/reconciliation.csv?day=YYYY-MM-DD`, written to the audit log).

use axum::{
    extract::{Query, Request, State},
    http::StatusCode,
    middleware,
    response::{IntoResponse, Response},
    routing::{get, post},
    Router,
};

use super::{db, service, why};
use crate::{
    calendar,
    gateways::results::TransactionStatus,
    i18n::Lang,
    payments::route::{failed, only_from_mpesa, received},
    staff::{
        audit::cell,
        domain::Permission,
        route::{csv_file, staff_of, Sender},
        service::{note, Actor},
    },
    state::AppState,
};

pub fn routes(state: &AppState) -> Router<AppState> {
    let from_mpesa = Router::new()
        .route("/payments/mpesa/reconcile/{token}/status-result", post(status_result))
        .route_layer(middleware::from_fn_with_state(state.clone(), only_from_mpesa));
    Router::new()
        .merge(from_mpesa)
        .route("/staff/reconciliation.csv", get(export))
}

async fn status_result(State(state): State<AppState>, body: String) -> Response {
    let Some(status) = TransactionStatus::parse(&body) else {
        tracing::warn!("a reconciliation status result that could not be read");
        return (StatusCode::BAD_REQUEST, "unreadable result").into_response();
    };
    match service::on_status(&state, &status).await {
        Ok(_) => received(),
        Err(error) => failed(error),
    }
}

#[derive(serde::Deserialize)]
struct Day {
    #[serde(default)]
    day: String,
}

async fn export(State(state): State<AppState>, Query(Day { day }): Query<Day>, request: Request) -> Response {
    let sender = Sender::of(&request);
    let made = async {
        let Some((staff, client)) = staff_of(&state, &sender, Permission::Refund).await? else {
            return anyhow::Ok(None);
        };
        let Some(day) = calendar::parse_iso(day.trim()) else {
            return Ok(None);
        };
        let day = day.to_string();
        let mut csv = csv::Writer::from_writer(Vec::new());
        csv.write_record(["day", "method", "receipt", "recorded_kes", "confirmed_kes", "why"])?;
        let amount = |kes: Option<i64>| kes.map(|kes| kes.to_string()).unwrap_or_default();
        for row in db::differences(&state.pool, &day, 1_000_000).await? {
            csv.write_record([
                day.clone(),
                row.method,
                cell(&row.receipt),
                amount(row.recorded_kes),
                amount(row.confirmed_kes),
                cell(&why::shown(Lang::En, row.why.as_deref().unwrap_or_default())),
            ])?;
        }
        let bytes = csv.into_inner()?;
        note(&state, Actor::staff(&staff, &client), "reconciliation-export", &day).await?;
        Ok(Some(bytes))
    };
    csv_file(made.await, "uraia-reconciliation.csv")
}
