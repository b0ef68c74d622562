//! What a booking's page posts: moving or cancelling a paid booking (the owner's only; the 24 hours are checked
//! by `changes`). Each service's two server functions call these.

use super::{changes::Changed, Desk};
use crate::{
    applications::api::FORM,
    error::{AppError, FieldError},
    web::{context::Ctx, guard::signed_in, routes::Page},
};

/// Runs a change to a paid booking and goes back to its page, with a notice or the error by the form.
async fn change<F, Fut>(id: Option<String>, time: &str, done: &str, act: F) -> Result<(), AppError>
where
    F: FnOnce(crate::state::AppState, crate::web::guard::SignedIn, String) -> Fut,
    Fut: std::future::Future<Output = Result<Changed, AppError>>,
{
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
            Ok(Changed::TooLate) => Err(AppError::field("time", "appointment-error-too-late")),
            Ok(Changed::Full(nearest)) => {
                let lang = ctx.lang;
                let times = nearest
                    .iter()
                    .map(|f| super::pages::when(lang, f.day, f.slot))
                    .collect::<Vec<_>>()
                    .join("; ");
                Err(AppError::Invalid(vec![FieldError::new(
                    "time",
                    "appointment-error-move-full",
                )
                .with_arg("times", times)]))
            }
            Err(error) => Err(error),
        },
    };
    ctx.finish(result, FORM, &back, &[("time", time)]).await
}

/// Moves the booking `id` to `time` (`2026-12-01T08:00`).
pub async fn reschedule(desk: &'static dyn Desk, id: Option<String>, time: Option<String>) -> Result<(), AppError> {
    let time = time.unwrap_or_default();
    let typed = time.clone();
    change(id, &typed, "appointment-moved", |state, who, id| async move {
        super::changes::reschedule(&state, desk, &who, &id, &time).await
    })
    .await
}

/// Cancels the booking `id`, once the person has said they know the fee is not refunded.
pub async fn cancel(desk: &'static dyn Desk, id: Option<String>, confirm: Option<String>) -> Result<(), AppError> {
    change(id, "", "appointment-cancelled-notice", |state, who, id| async move {
        if confirm.as_deref() != Some("yes") {
            return Err(AppError::field("confirm", "appointment-error-cancel-confirm"));
        }
        super::changes::cancel(&state, desk, &who, &id).await
    })
    .await
}
