//! The road service licence's server functions: one per question page, plain form posts through the framework's
//! `answer`, which checks who is asking and whose draft it is.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "psv/vehicle")]
#[tracing::instrument(skip_all)]
pub async fn psv_vehicle(id: Option<String>, plate: Option<String>) -> Result<(), AppError> {
    use crate::applications::api::{answer, onwards};
    let (id, plate) = (id.unwrap_or_default(), plate.unwrap_or_default());
    let typed = plate.clone();
    answer(
        &id,
        "vehicle",
        &[("plate", typed.as_str())],
        |state, who, application| async move {
            super::service::save_vehicle(&state, &who, &application, &plate).await?;
            onwards(&state, &who, &application).await
        },
    )
    .await
}

#[server(endpoint = "psv/route")]
#[tracing::instrument(skip_all)]
pub async fn psv_route(id: Option<String>, route: Option<String>) -> Result<(), AppError> {
    use crate::applications::api::{answer, onwards};
    let (id, route) = (id.unwrap_or_default(), route.unwrap_or_default());
    let typed = route.clone();
    answer(
        &id,
        "route",
        &[("route", typed.as_str())],
        |state, who, application| async move {
            super::service::save_route(&state, &who, &application, &route).await?;
            onwards(&state, &who, &application).await
        },
    )
    .await
}

#[server(endpoint = "psv/period")]
#[tracing::instrument(skip_all)]
pub async fn psv_period(#[server(flatten)] form: super::domain::PeriodForm) -> Result<(), AppError> {
    use crate::applications::api::{answer_with, onwards};
    let id = form.id.clone();
    answer_with(&id, "period", form, |state, who, application, form| async move {
        super::service::save_period(&state, &who, &application, &form).await?;
        onwards(&state, &who, &application).await
    })
    .await
}
