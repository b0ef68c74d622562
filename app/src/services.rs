//! The services built on the application framework, in one table: from an application's service code to its
//! wizard, its check before submission, its pages and what a payment does. A new service is a module with these
//! functions and one line in each `match` below.

use leptos::prelude::*;

use crate::{
    applications::{
        domain::{Application, ApplicationId, Decision, Payment, Status},
        pages::StepRequest,
        service::{self as applications, Completion, Decided, Paid},
    },
    documents::{domain::ServiceDocument, service as documents},
    error::AppError,
    inspection, renewal,
    state::AppState,
    transfer, vehicle_registration as registration, vehicle_search as search,
    web::{context::Ctx, guard::SignedIn, page::FormState},
};

/// Where a draft continues: its first unanswered step.
pub fn next_path(application: &Application) -> Result<String, AppError> {
    match application.service.as_str() {
        renewal::domain::CODE => Ok(renewal::pages::next_path(application)),
        registration::domain::CODE => Ok(registration::pages::next_path(application)),
        search::domain::CODE => Ok(search::pages::next_path(application)),
        inspection::domain::CODE => Ok(inspection::pages::next_path(application)),
        transfer::domain::CODE => Ok(transfer::pages::next_path(application)),
        _ => Err(AppError::NotFound),
    }
}

/// A draft's step page.
pub async fn step_page(request: StepRequest<'_>, step: &str) -> Result<AnyView, AppError> {
    match request.application.service.as_str() {
        renewal::domain::CODE => renewal::pages::step(request, step).await,
        registration::domain::CODE => registration::pages::step(request, step).await,
        search::domain::CODE => search::pages::step(request, step).await,
        inspection::domain::CODE => inspection::pages::step(request, step).await,
        transfer::domain::CODE => transfer::pages::step(request, step).await,
        _ => Err(AppError::NotFound),
    }
}

/// The fee code to invoice when the draft may be submitted, else the address of what to fix first.
pub async fn ready(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
) -> Result<Result<&'static str, String>, AppError> {
    match application.service.as_str() {
        renewal::domain::CODE => Ok(renewal::service::ready(state, who, application)
            .await?
            .map_err(|next| renewal::pages::path_of(application, next))),
        registration::domain::CODE => Ok(registration::service::ready(state, who, application)
            .await?
            .map_err(|step| registration::pages::path_of(application, step))),
        search::domain::CODE => {
            Ok(search::service::ready(application).ok_or_else(|| search::pages::next_path(application)))
        }
        inspection::domain::CODE => Ok(inspection::service::ready(state, who, application)
            .await?
            .map_err(|step| inspection::pages::path_of(application, step))),
        transfer::domain::CODE => Ok(transfer::service::ready(state, who, application)
            .await?
            .map_err(|step| transfer::pages::path_of(application, step))),
        _ => Err(AppError::NotFound),
    }
}

/// What a completed application says about its result (the renewal: the new expiry; a booking: when, and the
/// forms to move or cancel it, with their errors in `state`).
pub async fn result(ctx: &Ctx, state: &FormState, application: &Application) -> Result<AnyView, AppError> {
    match application.service.as_str() {
        renewal::domain::CODE => renewal::pages::result(ctx, application).await,
        registration::domain::CODE => registration::pages::result(ctx, application).await,
        search::domain::CODE => search::pages::result(ctx, application).await,
        inspection::domain::CODE => inspection::pages::result(ctx, state, application).await,
        transfer::domain::CODE => transfer::pages::result(ctx, application).await,
        _ => Ok(().into_any()),
    }
}

/// The message key naming `status` of an application of `service` (`what`: `status` for its tag and timeline,
/// `panel` for its page's banner). A transfer's review is the buyer's answer, not an officer's, so it is named
/// as what it is: waiting for the buyer, accepted by the buyer.
pub fn status_key(service: &str, status: Status, what: &str) -> String {
    match (service, status) {
        (transfer::domain::CODE, Status::InReview | Status::Approved) => {
            format!("transfer-application-{what}-{}", status.code())
        }
        _ => format!("applications-{what}-{}", status.code()),
    }
}

/// What the payment pages say of an application beyond its amount (an inspection: how long its place is held).
pub async fn payment_note(ctx: &Ctx, application: &Application) -> Result<Option<String>, AppError> {
    match application.service.as_str() {
        inspection::domain::CODE => inspection::pages::hold_note(ctx, application).await,
        _ => Ok(None),
    }
}

/// The banner an application's page opens with: its status's, unless its service knows better (a cancelled
/// inspection booking is cancelled, not "complete").
pub async fn panel_key(ctx: &Ctx, application: &Application) -> Result<String, AppError> {
    if application.service == inspection::domain::CODE && inspection::pages::cancelled(ctx, application).await? {
        return Ok("inspection-panel-cancelled".into());
    }
    Ok(status_key(&application.service, application.status, "panel"))
}

/// What paying (or approving) an application does to the registers.
fn completion(service: &str) -> Option<Completion> {
    match service {
        renewal::domain::CODE => Some(renewal::service::on_paid),
        search::domain::CODE => Some(search::service::on_paid),
        registration::domain::CODE => Some(registration::service::on_paid),
        inspection::domain::CODE => Some(inspection::service::on_paid),
        transfer::domain::CODE => Some(transfer::service::on_paid),
        _ => None,
    }
}

/// What deleting a draft lets go of (an inspection draft: its held place).
fn release(service: &str) -> Option<applications::Release> {
    match service {
        inspection::domain::CODE => Some(inspection::service::on_discard),
        _ => None,
    }
}

/// Deletes `who`'s draft `id`, letting go of what it held; false when it is no longer a draft.
pub async fn discard(state: &AppState, who: &SignedIn, id: &str) -> Result<bool, AppError> {
    fn nothing<'a>(
        _: &'a mut sqlx::AnyConnection,
        _: &'a Application,
        _: i64,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = anyhow::Result<()>> + Send + 'a>> {
        Box::pin(async { Ok(()) })
    }
    let application = applications::owned(state, who, id).await?;
    let release = release(&application.service).unwrap_or(nothing);
    applications::discard(state, who, &application, release).await
}

/// What approving an application does to the registers (a registration: the vehicle and its plate).
fn approval(service: &str) -> Option<Completion> {
    match service {
        registration::domain::CODE => Some(registration::service::on_approved),
        _ => None,
    }
}

/// The service's own document for a paid (or approved) application, if it issues one (the renewal: its slip;
/// a registration, once approved: its slip with the plate).
pub async fn document(
    conn: &mut sqlx::AnyConnection,
    application: &Application,
) -> anyhow::Result<Option<ServiceDocument>> {
    match application.service.as_str() {
        renewal::domain::CODE => renewal::service::slip(conn, application).await,
        registration::domain::CODE => registration::service::slip(conn, application).await,
        search::domain::CODE => search::service::slip(conn, application).await,
        inspection::domain::CODE => inspection::service::slip(conn, application).await,
        transfer::domain::CODE => transfer::offers::slip(conn, application).await,
        _ => Ok(None),
    }
}

/// Runs the service's completion; a service without one goes to an officer.
fn complete<'a>(
    conn: &'a mut sqlx::AnyConnection,
    application: &'a Application,
    now: i64,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = anyhow::Result<bool>> + Send + 'a>> {
    match completion(&application.service) {
        Some(complete) => complete(conn, application, now),
        None => Box::pin(async { Ok(false) }),
    }
}

/// Records a payment against an application (M-Pesa's callback, a card, a counter), completes what the service
/// completes itself, and issues the receipt and the service's document.
pub async fn mark_paid(state: &AppState, id: &ApplicationId, payment: &Payment) -> anyhow::Result<Paid> {
    let mut tx = crate::db::begin_write(&state.pool).await?;
    let paid = mark_paid_in(&mut tx, id, payment, state.clock.now()).await?;
    tx.commit().await?;
    Ok(paid)
}

/// `mark_paid` in the caller's transaction (the payments feature settles a request and records it at once): a
/// payment is never recorded without its effect and its documents.
pub async fn mark_paid_in(
    conn: &mut sqlx::AnyConnection,
    id: &ApplicationId,
    payment: &Payment,
    now: i64,
) -> anyhow::Result<Paid> {
    let paid = applications::mark_paid_in(conn, id, payment, complete, now).await?;
    if matches!(paid, Paid::Completed | Paid::InReview) {
        let application = applications::by_id_in(conn, id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("paid application {} is gone", id.as_str()))?;
        let own = document(conn, &application).await?;
        documents::issue(conn, &application, payment, own, now).await?;
    }
    Ok(paid)
}

/// Runs the service's approval and issues the document it makes, in the decision's transaction.
fn approve<'a>(
    conn: &'a mut sqlx::AnyConnection,
    application: &'a Application,
    now: i64,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = anyhow::Result<bool>> + Send + 'a>> {
    Box::pin(async move {
        if let Some(approve) = approval(&application.service) {
            approve(conn, application, now).await?;
        }
        if let Some(own) = document(conn, application).await? {
            documents::issue_own(conn, application, own, now).await?;
        }
        Ok(true)
    })
}

/// An officer's decision on an application in review.
pub async fn decide(state: &AppState, id: &ApplicationId, decision: &Decision) -> anyhow::Result<Decided> {
    applications::decide(state, id, decision, approve).await
}

/// `decide` in the caller's transaction (a buyer accepting a transfer).
pub async fn decide_in(
    conn: &mut sqlx::AnyConnection,
    id: &ApplicationId,
    decision: &Decision,
    now: i64,
) -> anyhow::Result<Decided> {
    applications::decide_in(conn, id, decision, approve, now).await
}
