//! The supervisors' money actions as plain form posts: approve a refund, attach money to an application, close an
//! investigation. Each checks the role first (`act_as`); anyone without it gets the 404 page and nothing is done.
//! Every outcome comes back to the page it was posted from, next to the row it concerns.

use leptos::prelude::*;

use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::staff::{domain::Permission, pages::act_as};

/// Approves the refund of what is owed under `source`/`id` and sends it.
#[server(endpoint = "staff/refund")]
#[tracing::instrument(skip_all)]
pub async fn staff_refund(source: Option<String>, id: Option<String>) -> Result<(), AppError> {
    use super::{
        domain::{RefundStatus, Source},
        service::{self, Approved},
    };
    let (source, id) = (source.unwrap_or_default(), id.unwrap_or_default());
    let back = if source == Source::Investigation.code() {
        "staff/money"
    } else {
        "staff/refunds"
    };
    let field = match back {
        "staff/money" => format!("reference-{id}"),
        _ => format!("refund-{id}"),
    };
    act_as(Permission::Refund, back, &[], |state, client, staff| async move {
        let Some(source) = Source::parse(&source) else {
            return Err(AppError::NotFound);
        };
        match service::approve(&state, &staff, &client, source, &id).await? {
            Approved::Sent(RefundStatus::Refunded) => Ok("refunds-notice-refunded"),
            Approved::Sent(RefundStatus::Failed) => Err(AppError::field(&field, "refunds-error-failed")),
            Approved::Sent(_) => Ok("refunds-notice-sent"),
            Approved::Taken => Err(AppError::field(&field, "refunds-error-taken")),
            Approved::NotOwed => Err(AppError::field(&field, "refunds-error-not-owed")),
            Approved::GatewayOff => Err(AppError::field(&field, "refunds-error-gateway-off")),
            Approved::NotAllowed => Err(AppError::NotFound),
        }
    })
    .await
}

/// Attaches money under no reference to the application whose reference the supervisor typed.
#[server(endpoint = "staff/attach")]
#[tracing::instrument(skip_all)]
pub async fn staff_attach(id: Option<String>, reference: Option<String>) -> Result<(), AppError> {
    use super::money::{self, Attached};
    let (id, reference) = (id.unwrap_or_default(), reference.unwrap_or_default());
    let field = format!("reference-{id}");
    let (key, typed) = (field.clone(), reference.clone());
    let values = [(key.as_str(), typed.as_str())];
    act_as(
        Permission::Refund,
        "staff/money",
        &values,
        |state, client, staff| async move {
            if reference.trim().is_empty() {
                return Err(AppError::field(&field, "money-error-reference-missing"));
            }
            match money::attach(&state, &staff, &client, &id, &reference).await? {
                Attached::Done(_) => Ok("money-notice-attached"),
                Attached::NoApplication => Err(AppError::field(&field, "money-error-no-application")),
                Attached::NotOpen => Err(AppError::field(&field, "money-error-not-open")),
                Attached::NotAllowed => Err(AppError::NotFound),
            }
        },
    )
    .await
}

/// Closes an investigation with the supervisor's note of what they found.
#[server(endpoint = "staff/close-money")]
#[tracing::instrument(skip_all)]
pub async fn staff_close_money(id: Option<String>, note: Option<String>) -> Result<(), AppError> {
    let (id, note) = (id.unwrap_or_default(), note.unwrap_or_default());
    let field = format!("note-{id}");
    let (key, typed) = (field.clone(), note.clone());
    let values = [(key.as_str(), typed.as_str())];
    act_as(
        Permission::Refund,
        "staff/money",
        &values,
        |state, client, staff| async move {
            let note: String = note.trim().chars().take(500).collect();
            if note.is_empty() {
                return Err(AppError::field(&field, "money-error-note"));
            }
            match super::money::close(&state, &staff, &client, &id, &note).await? {
                true => Ok("money-notice-closed"),
                false => Err(AppError::field(&field, "money-error-not-open")),
            }
        },
    )
    .await
}
