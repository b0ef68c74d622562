//! Inspection booking's server functions: one per question page through the framework's `answer`, and moving or
//! cancelling a paid booking (`appointments::forms`). Plain form posts.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "inspection/vehicle")]
#[tracing::instrument(skip_all)]
pub async fn inspection_vehicle(id: Option<String>, plate: Option<String>) -> Result<(), AppError> {
    crate::applications::api::answer_one(
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
    crate::applications::api::answer_one(id, "type", "type", r#type, |state, who, application, typed| async move {
        super::service::save_type(&state, &who, &application, &typed).await
    })
    .await
}

#[server(endpoint = "inspection/centre")]
#[tracing::instrument(skip_all)]
pub async fn inspection_centre(id: Option<String>, centre: Option<String>) -> Result<(), AppError> {
    crate::applications::api::answer_one(
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
    crate::applications::api::answer_one(id, "day", "day", day, |state, who, application, typed| async move {
        super::service::save_day(&state, &who, &application, &typed).await
    })
    .await
}

#[server(endpoint = "inspection/slot")]
#[tracing::instrument(skip_all)]
pub async fn inspection_slot(id: Option<String>, time: Option<String>) -> Result<(), AppError> {
    crate::applications::api::answer_one(id, "slot", "time", time, |state, who, application, typed| async move {
        super::service::save_slot(&state, &who, &application, &typed).await
    })
    .await
}

#[server(endpoint = "inspection/reschedule")]
#[tracing::instrument(skip_all)]
pub async fn inspection_reschedule(id: Option<String>, time: Option<String>) -> Result<(), AppError> {
    crate::appointments::forms::reschedule(&super::service::DESK, id, time).await
}

#[server(endpoint = "inspection/cancel")]
#[tracing::instrument(skip_all)]
pub async fn inspection_cancel(id: Option<String>, confirm: Option<String>) -> Result<(), AppError> {
    crate::appointments::forms::cancel(&super::service::DESK, id, confirm).await
}
