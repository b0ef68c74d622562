//! Staff downloads, each written to the audit log; anyone without the permission gets the 404 every unknown address
//! gets. `GET /staff/audit.csv?actor=&action=&from=&to=`: the audit log as CSV (supervisors, administrators).
//! `GET /staff/applications/{id}/files/{name}`: an application's file (the applicant's photo, a logbook) for staff
//! who may open the application.

use axum::{
    extract::{ConnectInfo, Path, Query, Request, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Router,
};

use super::{
    audit::{cell, Filter, EXPORT_ROWS},
    domain::{Permission, Staff},
    service::{self, Actor},
};
use crate::{
    error::AppError,
    state::AppState,
    web::{private_file, session::Session},
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff/audit.csv", get(export))
        .route("/staff/applications/{id}/files/{name}", get(file))
}

/// Who sent a request: its headers and the peer's address.
pub struct Sender {
    headers: HeaderMap,
    peer: Option<std::net::IpAddr>,
}

impl Sender {
    pub fn of(request: &Request) -> Sender {
        let peer = request
            .extensions()
            .get::<ConnectInfo<std::net::SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip());
        Sender {
            headers: request.headers().clone(),
            peer,
        }
    }
}

/// The staff member a request's session is, with their client address, if they have `permission`.
pub async fn staff_of(
    state: &AppState,
    sender: &Sender,
    permission: Permission,
) -> anyhow::Result<Option<(Staff, String)>> {
    let headers = &sender.headers;
    let session = Session::load(state, headers).await?;
    let Some(account) = session.account_id.filter(|_| session.data.staff) else {
        return Ok(None);
    };
    let Some(staff) = service::member(state, &account).await?.filter(|s| s.may(permission)) else {
        return Ok(None);
    };
    let client = crate::client::address(sender.peer, headers, &state.settings.security.trusted_proxies)
        .map(crate::client::key)
        .unwrap_or_else(|| "unknown".into());
    Ok(Some((staff, client)))
}

async fn file(State(state): State<AppState>, Path((id, name)): Path<(String, String)>, request: Request) -> Response {
    let sender = Sender::of(&request);
    let found = async {
        let Some((staff, client)) = staff_of(&state, &sender, Permission::See).await? else {
            return Ok(None);
        };
        service::file(&state, Actor::staff(&staff, &client), &staff, &id, &name).await
    };
    private_file::download(found.await, &name)
}

async fn export(State(state): State<AppState>, Query(filter): Query<Filter>, request: Request) -> Response {
    let sender = Sender::of(&request);
    let made = async {
        let Some((staff, client)) = staff_of(&state, &sender, Permission::Audit).await? else {
            return anyhow::Ok(None);
        };
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
    csv_file(made.await, "uraia-audit.csv")
}

/// A CSV made for staff, as a download (`None`: not theirs to see, the 404 every unknown address gets).
pub fn csv_file(made: anyhow::Result<Option<Vec<u8>>>, filename: &str) -> Response {
    let disposition = format!("attachment; filename=\"{filename}\"");
    match made {
        Ok(Some(bytes)) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/csv; charset=utf-8"),
                ),
                (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
                (
                    header::CONTENT_DISPOSITION,
                    HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("attachment")),
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
