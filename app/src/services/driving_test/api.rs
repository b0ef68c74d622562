//! The driving test's server functions: one per question page through the framework's `answer_one`, moving or
//! cancelling a paid booking (`appointments::forms`), and an officer's result (`act_as`: anyone not allowed gets
//! the 404 page and nothing is recorded). Plain form posts.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "test/class")]
#[tracing::instrument(skip_all)]
pub async fn test_class(id: Option<String>, class: Option<String>) -> Result<(), AppError> {
    crate::applications::api::answer_one(id, "class", "class", class, |state, who, application, typed| async move {
        super::service::save_class(&state, &who, &application, &typed).await
    })
    .await
}

#[server(endpoint = "test/unit")]
#[tracing::instrument(skip_all)]
pub async fn test_unit(id: Option<String>, unit: Option<String>) -> Result<(), AppError> {
    crate::applications::api::answer_one(id, "unit", "unit", unit, |state, who, application, typed| async move {
        super::service::save_unit(&state, &who, &application, &typed).await
    })
    .await
}

#[server(endpoint = "test/day")]
#[tracing::instrument(skip_all)]
pub async fn test_day(id: Option<String>, day: Option<String>) -> Result<(), AppError> {
    crate::applications::api::answer_one(id, "day", "day", day, |state, who, application, typed| async move {
        super::service::save_day(&state, &who, &application, &typed).await
    })
    .await
}

#[server(endpoint = "test/slot")]
#[tracing::instrument(skip_all)]
pub async fn test_slot(id: Option<String>, time: Option<String>) -> Result<(), AppError> {
    crate::applications::api::answer_one(id, "slot", "time", time, |state, who, application, typed| async move {
        super::service::save_slot(&state, &who, &application, &typed).await
    })
    .await
}

#[server(endpoint = "test/reschedule")]
#[tracing::instrument(skip_all)]
pub async fn test_reschedule(id: Option<String>, time: Option<String>) -> Result<(), AppError> {
    crate::appointments::forms::reschedule(&super::service::DESK, id, time).await
}

#[server(endpoint = "test/cancel")]
#[tracing::instrument(skip_all)]
pub async fn test_cancel(id: Option<String>, confirm: Option<String>) -> Result<(), AppError> {
    crate::appointments::forms::cancel(&super::service::DESK, id, confirm).await
}

/// An officer's result for the booked test `id`, back on the test's page with the errors or the notice.
#[server(endpoint = "staff/test-result")]
#[tracing::instrument(skip_all)]
pub async fn staff_test_result(
    id: Option<String>,
    result: Option<String>,
    notes: Option<String>,
) -> Result<(), AppError> {
    use super::{domain, results::Recorded};
    use crate::staff::{domain::Permission, pages::act_as};
    let id = id.unwrap_or_default();
    let (result, notes) = (result.unwrap_or_default(), notes.unwrap_or_default());
    let back = super::pages::unit::test_address(&id);
    let typed = (result.clone(), notes.clone());
    let values = [("result", typed.0.as_str()), ("notes", typed.1.as_str())];
    act_as(Permission::Decide, &back, &values, |state, client, staff| async move {
        let outcome = domain::parse_outcome(&result, &notes).map_err(AppError::Invalid)?;
        match super::results::record(&state, &staff, &client, &id, &outcome).await? {
            Recorded::Done => Ok("test-notice-recorded"),
            Recorded::NotStarted => Err(AppError::field("result", "test-error-not-started")),
            Recorded::Already => Err(AppError::field("result", "test-error-recorded")),
            Recorded::OwnTest => Err(AppError::field("result", "test-error-own")),
            Recorded::NotAllowed => Err(AppError::NotFound),
        }
    })
    .await
}
