//! `GET /staff/audit.csv?actor=&action=&from=&to=`: the audit log as CSV for a supervisor or administrator;
//! anyone else gets the 404 every unknown address gets. The export is itself written to the log.

use axum::{
    extract::{ConnectInfo, Query, Request, State},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Router,
};

use super::{
    audit::{cell, Filter, EXPORT_ROWS},
    domain::Permission,
    service::{self, Actor},
};
use crate::{error::AppError, state::AppState, web::session::Session};

pub fn routes() -> Router<AppState> {
    Router::new().route("/staff/audit.csv", get(export))
}

async fn export(State(state): State<AppState>, Query(filter): Query<Filter>, request: Request) -> Response {
    let headers = request.headers();
    let peer = request
        .extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    let made = async {
        let session = Session::load(&state, headers).await?;
        let Some(account) = session.account_id.filter(|_| session.data.staff) else {
            return anyhow::Ok(None);
        };
        let Some(staff) = service::member(&state, &account)
            .await?
            .filter(|s| s.may(Permission::Audit))
        else {
            return Ok(None);
        };
        let client = crate::client::address(peer, headers, &state.settings.security.trusted_proxies)
            .map(crate::client::key)
            .unwrap_or_else(|| "unknown".into());
        let rows = service::audit_log(&state, &filter.query(EXPORT_ROWS, 0)).await?;
        let mut csv = csv::Writer::from_writer(Vec::new());
        csv.write_record(["id", "at", "actor", "action", "subject", "client", "before", "after"])?;
        for row in rows {
            csv.write_record([
                row.id.to_string(),
                row.at.to_string(),
                cell(&row.actor_email),
                cell(&row.action),
                cell(&row.subject),
                cell(&row.client),
                cell(&row.before),
                cell(&row.after),
            ])?;
        }
        let bytes = csv.into_inner()?;
        service::note(
            &state,
            Actor::staff(&staff, &client),
            "audit-export",
            &filter.to_query(0),
        )
        .await?;
        Ok(Some(bytes))
    };
    match made.await {
        Ok(Some(bytes)) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/csv; charset=utf-8"),
                ),
                (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
                (
                    header::CONTENT_DISPOSITION,
                    HeaderValue::from_static("attachment; filename=\"uraia-audit.csv\""),
                ),
            ],
            bytes,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            let _ = AppError::internal(error);
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
