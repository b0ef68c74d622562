//! Inspection booking's server functions: one per question page through the framework's `answer`, and moving or
//! cancelling a paid booking (the owner's only; the service checks the 24 hours). Plain form posts.

use leptos::prelude::*;

use crate::error::AppError;

/// Runs one question's service operation through `answer` and goes to the next unanswered step.
#[cfg(feature = "ssr")]
async fn step<F, Fut>(id: Option<String>, step: &str, name: &str, typed: Option<String>, act: F) -> Result<(), AppError>
where
    F: FnOnce(
        crate::state::AppState,
        crate::web::guard::SignedIn,
        crate::applications::domain::Application,
        String,
    ) -> Fut,
    Fut: std::future::Future<Output = Result<(), AppError>>,
{
    let typed = typed.unwrap_or_default();
    let value = typed.clone();
    let id = id.unwrap_or_default();
    crate::applications::api::answer(&id, step, &[(name, &value)], |state, who, application| async move {
        let id = application.id.clone();
        act(state.clone(), who.clone(), application, typed).await?;
        let application = crate::applications::service::owned(&state, &who, id.as_str()).await?;
        Ok(super::pages::next_path(&application))
    })
    .await
}

#[server(endpoint = "inspection/vehicle")]
#[tracing::instrument(skip_all)]
pub async fn inspection_vehicle(id: Option<String>, plate: Option<String>) -> Result<(), AppError> {
    step(
        id,
        "vehicle",
        "plate",
        plate,
        |state, who, application, typed| async move {
            super::service::save_vehicle(&state, &who, &application, &typed).await
        },
    )
    .await
}

#[server(endpoint = "inspection/type")]
#[tracing::instrument(skip_all)]
pub async fn inspection_type(id: Option<String>, r#type: Option<String>) -> Result<(), AppError> {
    step(id, "type", "type", r#type, |state, who, application, typed| async move {
        super::service::save_type(&state, &who, &application, &typed).await
    })
    .await
}

#[server(endpoint = "inspection/centre")]
#[tracing::instrument(skip_all)]
pub async fn inspection_centre(id: Option<String>, centre: Option<String>) -> Result<(), AppError> {
    step(
        id,
        "centre",
        "centre",
        centre,
        |state, who, application, typed| async move {
            super::service::save_centre(&state, &who, &application, &typed).await
        },
    )
    .await
}

#[server(endpoint = "inspection/day")]
#[tracing::instrument(skip_all)]
pub async fn inspection_day(id: Option<String>, day: Option<String>) -> Result<(), AppError> {
    step(id, "day", "day", day, |state, who, application, typed| async move {
        super::service::save_day(&state, &who, &application, &typed).await
    })
    .await
}

#[server(endpoint = "inspection/slot")]
#[tracing::instrument(skip_all)]
pub async fn inspection_slot(id: Option<String>, time: Option<String>) -> Result<(), AppError> {
    step(id, "slot", "time", time, |state, who, application, typed| async move {
        super::service::save_slot(&state, &who, &application, &typed).await
    })
    .await
}

/// Runs a change to a paid booking and goes back to its page, with a notice or the error by the form.
#[cfg(feature = "ssr")]
async fn change<F, Fut>(id: Option<String>, time: &str, done: &str, act: F) -> Result<(), AppError>
where
    F: FnOnce(crate::state::AppState, crate::web::guard::SignedIn, String) -> Fut,
    Fut: std::future::Future<Output = Result<super::service::Changed, AppError>>,
{
    use super::service::Changed;
    use crate::{
        applications::api::FORM,
        error::FieldError,
        web::{context::Ctx, guard::signed_in, routes::Page},
    };
    let mut ctx = Ctx::load().await?;
    let id = id.unwrap_or_default();
    let back = Page::Application(id.clone()).path();
    let result = match signed_in(&ctx).await? {
        Err(page) => Ok(page.path()),
        Ok(who) => match act(ctx.state.clone(), who, id).await {
            Ok(Changed::Done) => {
                ctx.notice(done);
                Ok(back.clone())
            }
            Ok(Changed::NotBooked) => Ok(back.clone()),
            Ok(Changed::TooLate) => Err(AppError::field("time", "inspection-error-too-late")),
            Ok(Changed::Full(nearest)) => {
                let lang = ctx.lang;
                let times = nearest
                    .iter()
                    .map(|f| {
                        lang.t_with(
                            "inspection-time-on",
                            &[
                                ("date", crate::calendar::date_with_weekday(lang, f.day)),
                                ("time", f.slot.into()),
                            ],
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                Err(AppError::Invalid(vec![FieldError::new(
                    "time",
                    "inspection-error-move-full",
                )
                .with_arg("times", times)]))
            }
            Err(error) => Err(error),
        },
    };
    ctx.finish(result, FORM, &back, &[("time", time)]).await
}

#[server(endpoint = "inspection/reschedule")]
#[tracing::instrument(skip_all)]
pub async fn inspection_reschedule(id: Option<String>, time: Option<String>) -> Result<(), AppError> {
    let time = time.unwrap_or_default();
    let typed = time.clone();
    change(id, &typed, "inspection-moved", |state, who, id| async move {
        super::service::reschedule(&state, &who, &id, &time).await
    })
    .await
}

#[server(endpoint = "inspection/cancel")]
#[tracing::instrument(skip_all)]
pub async fn inspection_cancel(id: Option<String>, confirm: Option<String>) -> Result<(), AppError> {
    change(id, "", "inspection-cancelled-notice", |state, who, id| async move {
        // Nothing is cancelled until the person has said they know the fee is not refunded.
        if confirm.as_deref() != Some("yes") {
            return Err(AppError::field("confirm", "inspection-error-cancel-confirm"));
        }
        super::service::cancel(&state, &who, &id).await
    })
    .await
}
