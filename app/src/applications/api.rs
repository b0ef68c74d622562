//! The framework's server functions (start, submit) and the helper every service's step uses: load the session
//! and the person's draft, run the service, redirect onwards or back to the step with the errors and what was
//! typed. Plain form posts: they work with or without JavaScript.

use std::future::Future;

use leptos::prelude::*;

use super::{
    domain::{Application, ApplicationId, Status},
    plugin::Ready,
    service::{self, Submitted},
};
use crate::{
    catalogue::domain::{self as catalogue, Availability},
    error::AppError,
    state::AppState,
    web::{
        context::Ctx,
        guard::{signed_in, SignedIn},
        routes::Page,
    },
};

/// Every step's flash is kept under this name: a person is on one step at a time.
pub const FORM: &str = "application";

/// The application's own page (its status, or for a draft its next step).
pub fn page_of(id: &ApplicationId) -> String {
    Page::Application(id.as_str().into()).path()
}

/// Runs `act` on `who`'s draft `id` and ends the post: onwards to the address `act` gives, or back to `step` with
/// the errors and `values`. A submitted application is shown as it is; another person's, or none, is the 404 page.
pub async fn answer<F, Fut>(id: &str, step: &str, values: &[(&str, &str)], act: F) -> Result<(), AppError>
where
    F: FnOnce(AppState, SignedIn, Application) -> Fut,
    Fut: Future<Output = Result<String, AppError>>,
{
    let ctx = Ctx::load().await?;
    let Some(id) = ApplicationId::parse(id) else {
        return ctx.finish(Ok("dashboard".into()), FORM, "dashboard", &[]).await;
    };
    let back = Page::ApplicationStep(id.as_str().into(), step.into()).path();
    let result = match signed_in(&ctx).await? {
        Err(page) => Ok(page.path()),
        Ok(who) => match service::owned(&ctx.state, &who, id.as_str()).await {
            Ok(application) if application.status != Status::Draft => Ok(page_of(&id)),
            Ok(application) => act(ctx.state.clone(), who, application).await,
            Err(AppError::NotFound) => Ok(page_of(&id)),
            Err(other) => Err(other),
        },
    };
    ctx.finish(result, FORM, &back, values).await
}

/// `answer` for a step posted as one typed form (`#[server(flatten)]`): what was typed comes back from the form
/// itself, and `act` gets the form.
pub async fn answer_with<T, F, Fut>(id: &str, step: &str, form: T, act: F) -> Result<(), AppError>
where
    T: serde::Serialize,
    F: FnOnce(AppState, SignedIn, Application, T) -> Fut,
    Fut: Future<Output = Result<String, AppError>>,
{
    let typed = typed_values(&form);
    let values: Vec<(&str, &str)> = typed.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    answer(id, step, &values, |state, who, application| {
        act(state, who, application, form)
    })
    .await
}

/// A form's fields as typed, to show again beside its errors (its text fields; anything else is not typed).
fn typed_values<T: serde::Serialize>(form: &T) -> Vec<(String, String)> {
    match serde_json::to_value(form) {
        Ok(serde_json::Value::Object(fields)) => fields
            .into_iter()
            .filter_map(|(name, value)| match value {
                serde_json::Value::String(text) => Some((name, text)),
                _ => None,
            })
            .collect(),
        _ => vec![],
    }
}

/// `answer` for a step of one typed field `name`: `act` saves it (or says what is wrong with it), and the draft
/// continues at its next unanswered step.
pub async fn answer_one<F, Fut>(
    id: Option<String>,
    step: &str,
    name: &str,
    typed: Option<String>,
    act: F,
) -> Result<(), AppError>
where
    F: FnOnce(AppState, SignedIn, Application, String) -> Fut,
    Fut: Future<Output = Result<(), AppError>>,
{
    let typed = typed.unwrap_or_default();
    let value = typed.clone();
    let id = id.unwrap_or_default();
    answer(&id, step, &[(name, &value)], |state, who, application| async move {
        act(state.clone(), who.clone(), application.clone(), typed).await?;
        onwards(&state, &who, &application).await
    })
    .await
}

/// Where `who`'s draft continues after a saved answer: its service's next step, on the draft as saved.
pub async fn onwards(state: &AppState, who: &SignedIn, application: &Application) -> Result<String, AppError> {
    let application = service::owned(state, who, application.id.as_str()).await?;
    Ok(state.services.of(&application)?.next_path(&application))
}

/// "Start now" on a service's page: opens the person's draft (or finds the open one) and goes to its first step.
#[server(endpoint = "applications/start")]
#[tracing::instrument(skip_all)]
pub async fn start_application(service: Option<String>) -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let code = service.unwrap_or_default();
    let result = match signed_in(&ctx).await? {
        Err(page) => Ok(page.path()),
        Ok(who) => match catalogue::service(&code) {
            Some(found) if matches!(found.availability, Availability::Open) => {
                service::start(&ctx.state, &who, found.code)
                    .await
                    .map(|id| page_of(&id))
                    .map_err(AppError::from)
            }
            _ => Ok(Page::Services.path()),
        },
    };
    ctx.finish(result, FORM, "services", &[]).await
}

/// Deletes a draft (from "My applications"), giving back what it held; the dashboard says so.
#[server(endpoint = "applications/delete")]
#[tracing::instrument(skip_all)]
pub async fn delete_draft(id: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let id = id.unwrap_or_default();
    let result = match signed_in(&ctx).await? {
        Err(page) => Ok(page.path()),
        Ok(who) => match service::discard(&ctx.state, &who, &id).await {
            Ok(true) => {
                ctx.notice("applications-draft-deleted");
                Ok("dashboard".to_string())
            }
            Ok(false) => Ok(page_of(&ApplicationId::parse(&id).ok_or(AppError::NotFound)?)),
            Err(error) => Err(error),
        },
    };
    ctx.finish(result, FORM, "dashboard", &[]).await
}

/// Submits a draft from its check page. Submitting twice (a double click, two tabs) shows the one application.
#[server(endpoint = "applications/submit")]
#[tracing::instrument(skip_all)]
pub async fn submit_application(id: Option<String>, declaration: Option<String>) -> Result<(), AppError> {
    let id = id.unwrap_or_default();
    answer(
        &id,
        crate::web::wizard::CHECK,
        &[],
        |state, who, application| async move {
            if declaration.as_deref() != Some("yes") {
                return Err(AppError::field("declaration", "applications-error-declaration"));
            }
            let fee_code = match state
                .services
                .of(&application)?
                .ready(&state, &who, &application)
                .await?
            {
                Ready::Fee(fee_code) => fee_code,
                Ready::Fix(path) => return Ok(path),
            };
            let submitted = if application.correcting() {
                service::resubmit(&state, &who, &application, fee_code).await?
            } else {
                service::submit(&state, &who, &application, fee_code).await?
            };
            match submitted {
                Submitted::Now(_) | Submitted::Already | Submitted::Again => Ok(page_of(&application.id)),
                Submitted::Changed => Err(AppError::field("declaration", "applications-error-changed")),
                Submitted::TooManyUnpaid => Err(crate::error::FieldError::new(
                    "declaration",
                    "applications-error-unpaid",
                )
                .with_arg("count", super::db::MAX_UNPAID.to_string())
                .into()),
            }
        },
    )
    .await
}

/// Runs `act` on `who`'s application `id` from a form on its page (whatever its status) and ends the post: onwards
/// to the address `act` gives, with its notice, or back to the page with the errors and `values`. Another's, or
/// none, is the 404 page.
async fn on_own<F, Fut>(id: &str, values: &[(&str, &str)], act: F) -> Result<(), AppError>
where
    F: FnOnce(AppState, SignedIn, Application) -> Fut,
    Fut: Future<Output = Result<(String, Option<&'static str>), AppError>>,
{
    let mut ctx = Ctx::load().await?;
    let Some(id) = ApplicationId::parse(id) else {
        return ctx.finish(Ok("dashboard".into()), FORM, "dashboard", &[]).await;
    };
    let result = match signed_in(&ctx).await? {
        Err(page) => Ok(page.path()),
        Ok(who) => match service::owned(&ctx.state, &who, id.as_str()).await {
            Ok(application) => act(ctx.state.clone(), who, application).await.map(|(to, notice)| {
                if let Some(notice) = notice {
                    ctx.notice(notice);
                }
                to
            }),
            Err(AppError::NotFound) => Ok(Page::NotFound.path()),
            Err(other) => Err(other),
        },
    };
    ctx.finish(result, FORM, &page_of(&id), values).await
}

/// "Correct and send again" on an application an officer rejected (where its service allows it): a draft again,
/// its payment kept; the person goes to its check page.
#[server(endpoint = "applications/reopen")]
#[tracing::instrument(skip_all)]
pub async fn reopen_application(id: Option<String>) -> Result<(), AppError> {
    on_own(&id.unwrap_or_default(), &[], |state, who, application| async move {
        Ok(match service::reopen(&state, &who, &application).await? {
            service::Reopened::Reopened => (
                Page::ApplicationStep(application.id.as_str().into(), crate::web::wizard::CHECK.into()).path(),
                None,
            ),
            service::Reopened::NotAllowed => (page_of(&application.id), None),
        })
    })
    .await
}

/// The applicant's answer to an officer's question, on the application's page.
#[server(endpoint = "applications/answer")]
#[tracing::instrument(skip_all)]
pub async fn answer_question(id: Option<String>, answer: Option<String>) -> Result<(), AppError> {
    use super::questions::{self, Answered};
    let typed = answer.unwrap_or_default();
    let text = typed.clone();
    on_own(
        &id.unwrap_or_default(),
        &[("answer", &typed)],
        |state, who, application| async move {
            let notice = match questions::answer(&state, &who, &application, &text).await? {
                Answered::Answered => Some("applications-notice-answered"),
                Answered::NothingAsked => None,
            };
            Ok((page_of(&application.id), notice))
        },
    )
    .await
}

#[cfg(test)]
mod tests {
    #[derive(serde::Serialize)]
    struct Posted {
        make: String,
        year: String,
        count: u32,
    }

    #[test]
    fn a_typed_forms_text_fields_come_back_as_typed() {
        let form = Posted {
            make: "Land Cruiser".into(),
            year: "".into(),
            count: 3,
        };
        let mut values = super::typed_values(&form);
        values.sort();
        assert_eq!(
            values,
            [
                ("make".to_string(), "Land Cruiser".to_string()),
                ("year".to_string(), String::new())
            ]
        );
    }
}
