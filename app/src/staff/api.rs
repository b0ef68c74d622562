//! The staff's server functions: plain form posts. Each checks the role first; anyone without it gets what a
//! form naming something not theirs gets (the 404 page), and nothing is done.

use leptos::prelude::*;

use crate::error::AppError;

/// Claims an application to decide it.
#[server(endpoint = "staff/claim")]
#[tracing::instrument(skip_all)]
pub async fn staff_claim(id: Option<String>) -> Result<(), AppError> {
    use super::decisions::{self as service, Claimed};
    let id = id.unwrap_or_default();
    act(&id, |state, client, staff, application| async move {
        match service::claim(&state, &staff, &client, &application).await? {
            Claimed::Held { .. } => Ok("staff-notice-claimed"),
            Claimed::HeldByOther => Err(AppError::field("claim", "staff-error-held")),
            Claimed::NotInReview => Err(AppError::field("claim", "staff-error-decided")),
            Claimed::OtherParty => Err(AppError::field("claim", "staff-error-other-party")),
            Claimed::OwnApplication => Err(AppError::field("claim", "staff-error-own")),
            Claimed::NotAllowed => Err(AppError::NotFound),
        }
    })
    .await
}

/// Approves the application the officer holds.
#[server(endpoint = "staff/approve")]
#[tracing::instrument(skip_all)]
pub async fn staff_approve(id: Option<String>) -> Result<(), AppError> {
    use crate::applications::domain::Decision;
    let id = id.unwrap_or_default();
    act(&id, |state, client, staff, application| async move {
        decided(&state, &client, &staff, &application, Decision::Approve).await
    })
    .await
}

/// Rejects the application the officer holds: a reason from the list, and the officer's own words.
#[server(endpoint = "staff/reject")]
#[tracing::instrument(skip_all)]
pub async fn staff_reject(id: Option<String>, reason: Option<String>, note: Option<String>) -> Result<(), AppError> {
    use crate::applications::domain::Decision;
    let (id, reason, note) = (
        id.unwrap_or_default(),
        reason.unwrap_or_default(),
        note.unwrap_or_default(),
    );
    let typed = (reason.clone(), note.clone());
    let values = [("reason", typed.0.as_str()), ("note", typed.1.as_str())];
    finish_with(&id, &values, |state, client, staff, application| async move {
        let Some(code) = super::domain::REJECT_REASONS.iter().find(|code| **code == reason) else {
            return Err(AppError::field("reason", "staff-error-reason"));
        };
        let note: String = note.trim().chars().take(500).collect();
        if *code == "other" && note.is_empty() {
            return Err(AppError::field("note", "staff-error-note"));
        }
        let reason = match note.as_str() {
            "" => format!("applications-reason-{code}"),
            note => format!("applications-reason-{code}\n{note}"),
        };
        decided(&state, &client, &staff, &application, Decision::Reject { reason }).await
    })
    .await
}

/// Asks the applicant a question about the application the officer holds.
#[server(endpoint = "staff/ask")]
#[tracing::instrument(skip_all)]
pub async fn staff_ask(id: Option<String>, question: Option<String>) -> Result<(), AppError> {
    use super::decisions::{self as service, Asked};
    let (id, question) = (id.unwrap_or_default(), question.unwrap_or_default());
    let typed = question.clone();
    finish_with(
        &id,
        &[("question", typed.as_str())],
        |state, client, staff, application| async move {
            match service::ask(&state, &staff, &client, &application, &question).await? {
                Asked::Asked => Ok("staff-notice-asked"),
                Asked::NotClaimed => Err(AppError::field("question", "staff-error-not-claimed")),
                Asked::NotOpen => Err(AppError::field("question", "staff-error-decided")),
                Asked::OwnApplication => Err(AppError::field("question", "staff-error-own")),
                Asked::NotAllowed => Err(AppError::NotFound),
            }
        },
    )
    .await
}

/// A supervisor withdraws one of the application's documents, with the reason (told to its holder).
#[server(endpoint = "staff/withdraw")]
#[tracing::instrument(skip_all)]
pub async fn staff_withdraw(id: Option<String>, code: Option<String>, reason: Option<String>) -> Result<(), AppError> {
    use super::withdrawals::{self, Withdrawn};
    let (id, code, reason) = (
        id.unwrap_or_default(),
        code.unwrap_or_default(),
        reason.unwrap_or_default(),
    );
    let field = format!("withdraw-{code}");
    let (key, typed) = (field.clone(), reason.clone());
    let values = [(key.as_str(), typed.as_str())];
    finish_with(&id, &values, |state, client, staff, application| async move {
        let reason: String = reason.trim().chars().take(500).collect();
        if reason.is_empty() {
            return Err(AppError::field(&field, "staff-error-withdraw-reason"));
        }
        match withdrawals::withdraw(&state, &staff, &client, &application, &code, &reason).await? {
            Withdrawn::Done => Ok("staff-notice-withdrawn"),
            Withdrawn::NotOpen => Err(AppError::field(&field, "staff-error-withdrawn")),
            Withdrawn::NotAllowed => Err(AppError::NotFound),
        }
    })
    .await
}

/// An administrator gives (or changes) a role: the page twin of `uraia staff add`.
#[server(endpoint = "staff/grant")]
#[tracing::instrument(skip_all)]
pub async fn staff_grant(#[server(flatten)] form: super::domain::GrantForm) -> Result<(), AppError> {
    use super::{
        domain::{parse_services, Permission, Role},
        pages::{current, FORM},
        service::{self, Actor, Granted},
    };
    use crate::{error::FieldError, ids::Email, web::context::Ctx};
    let mut ctx = Ctx::load().await?;
    let back = "staff/people";
    let super::domain::GrantForm {
        email,
        role,
        services,
        centre,
    } = form;
    let values = [
        ("email", email.as_str()),
        ("role", role.as_str()),
        ("services", services.as_str()),
        ("centre", centre.as_str()),
    ];
    let Ok(admin) = current(&ctx, Permission::Administer).await else {
        return ctx.finish(Err(AppError::NotFound), FORM, back, &[]).await;
    };
    let mut errors = vec![];
    let parsed_email = Email::parse(&email).map_err(|e| errors.push(e)).ok();
    let parsed_role = Role::parse(&role);
    if parsed_role.is_none() {
        errors.push(FieldError::new("role", "staff-error-role"));
    }
    let codes = parse_services(&services);
    if codes.iter().any(|code| ctx.state.services.get(code).is_none()) {
        errors.push(FieldError::new("services", "staff-error-services"));
    }
    let result = match (parsed_email, parsed_role) {
        (Some(email), Some(role)) if errors.is_empty() => {
            let centre = Some(centre.trim()).filter(|c| !c.is_empty());
            let actor = Actor::staff(&admin, &ctx.client);
            match service::grant(&ctx.state, actor, &email, role, centre, &codes).await? {
                Granted::Done { .. } => Ok(back.to_string()),
                Granted::NoAccount => Err(AppError::field("email", "staff-error-no-account")),
            }
        }
        _ => Err(AppError::Invalid(errors)),
    };
    if result.is_ok() {
        ctx.notice("staff-notice-granted");
    }
    ctx.finish(result, FORM, back, &values).await
}

#[cfg(feature = "ssr")]
use ssr::*;

#[cfg(feature = "ssr")]
mod ssr {
    use std::future::Future;

    use crate::{
        applications::domain::{Application, Decision},
        error::AppError,
        staff::{
            decisions::{self, StaffDecided},
            domain::{Permission, Staff},
            pages::act_as,
            service,
        },
        state::AppState,
    };

    /// Runs `act` for a staff member who may decide, on an application they may open, and ends the post on the
    /// application's page with `act`'s notice or errors.
    pub async fn act<F, Fut>(id: &str, act: F) -> Result<(), AppError>
    where
        F: FnOnce(AppState, String, Staff, Application) -> Fut,
        Fut: Future<Output = Result<&'static str, AppError>>,
    {
        finish_with(id, &[], act).await
    }

    pub async fn finish_with<F, Fut>(id: &str, values: &[(&str, &str)], act: F) -> Result<(), AppError>
    where
        F: FnOnce(AppState, String, Staff, Application) -> Fut,
        Fut: Future<Output = Result<&'static str, AppError>>,
    {
        let back = format!("staff/applications/{id}");
        act_as(Permission::Decide, &back, values, |state, client, staff| async move {
            let application = service::application(&state, &staff, id)
                .await?
                .ok_or(AppError::NotFound)?;
            act(state, client, staff, application).await
        })
        .await
    }

    /// Decides, and names what happened.
    pub async fn decided(
        state: &AppState,
        client: &str,
        staff: &Staff,
        application: &Application,
        decision: Decision,
    ) -> Result<&'static str, AppError> {
        match decisions::decide(state, staff, client, application, &decision).await? {
            StaffDecided::Done(_) if decision == Decision::Approve => Ok("staff-notice-approved"),
            StaffDecided::Done(_) => Ok("staff-notice-rejected"),
            StaffDecided::NotClaimed => Err(AppError::field("claim", "staff-error-not-claimed")),
            StaffDecided::NotInReview => Err(AppError::field("claim", "staff-error-decided")),
            StaffDecided::ReasonNeeded => Err(AppError::field("reason", "staff-error-reason")),
            StaffDecided::NotApprovable => Err(AppError::field("claim", "staff-error-not-approvable")),
            StaffDecided::OwnApplication => Err(AppError::field("claim", "staff-error-own")),
            StaffDecided::NotAllowed => Err(AppError::NotFound),
        }
    }
}
