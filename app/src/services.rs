//! The services built on the application framework, in one table: from an application's service code to its
//! wizard, its check before submission, its pages and what a payment does. A new service is a module with these
//! functions and one line in each `match` below.

use leptos::prelude::*;

use crate::{
    applications::{
        domain::{Application, ApplicationId, Decision, Payment},
        pages::StepRequest,
        service::{self as applications, Completion, Decided, Paid},
    },
    error::AppError,
    renewal,
    state::AppState,
    web::{context::Ctx, guard::SignedIn},
};

/// Where a draft continues: its first unanswered step.
pub fn next_path(application: &Application) -> Result<String, AppError> {
    match application.service.as_str() {
        renewal::domain::CODE => Ok(renewal::pages::next_path(application)),
        _ => Err(AppError::NotFound),
    }
}

/// A draft's step page.
pub async fn step_page(request: StepRequest<'_>, step: &str) -> Result<AnyView, AppError> {
    match request.application.service.as_str() {
        renewal::domain::CODE => renewal::pages::step(request, step).await,
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
        _ => Err(AppError::NotFound),
    }
}

/// What a completed application says about its result (the renewal: the new expiry).
pub async fn result(ctx: &Ctx, application: &Application) -> Result<AnyView, AppError> {
    match application.service.as_str() {
        renewal::domain::CODE => renewal::pages::result(ctx, application).await,
        _ => Ok(().into_any()),
    }
}

/// What paying (or approving) an application does to the registers.
fn completion(service: &str) -> Option<Completion> {
    match service {
        renewal::domain::CODE => Some(renewal::service::on_paid),
        _ => None,
    }
}

/// The service's own document for a paid application, if it issues one (the renewal: its slip).
pub async fn document(
    conn: &mut sqlx::AnyConnection,
    application: &Application,
) -> anyhow::Result<Option<crate::documents::domain::ServiceDocument>> {
    match application.service.as_str() {
        renewal::domain::CODE => renewal::service::slip(conn, application).await,
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

/// Records a payment against an application (M-Pesa's callback, a card, a counter) and completes what the
/// service completes itself.
pub async fn mark_paid(state: &AppState, id: &ApplicationId, payment: &Payment) -> anyhow::Result<Paid> {
    applications::mark_paid(state, id, payment, complete).await
}

/// `mark_paid` in the caller's transaction (the payments feature settles a request and records it at once).
pub async fn mark_paid_in(
    conn: &mut sqlx::AnyConnection,
    id: &ApplicationId,
    payment: &Payment,
    now: i64,
) -> anyhow::Result<Paid> {
    applications::mark_paid_in(conn, id, payment, complete, now).await
}

/// An officer's decision on an application in review.
pub async fn decide(state: &AppState, id: &ApplicationId, decision: &Decision) -> anyhow::Result<Decided> {
    applications::decide(state, id, decision, complete).await
}
