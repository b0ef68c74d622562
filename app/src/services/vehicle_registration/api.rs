//! Vehicle registration's server functions: one per question page, each a plain form post through the
//! framework's `answer`, which checks who is asking and whose draft it is.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "registration/vehicle")]
#[tracing::instrument(skip_all)]
pub async fn registration_vehicle(
    id: Option<String>,
    #[server(flatten)] form: super::domain::VehicleForm,
) -> Result<(), AppError> {
    use crate::applications::api::{answer_with, onwards};
    let id = id.unwrap_or_default();
    answer_with(&id, "vehicle", form, |state, who, application, form| async move {
        super::service::save_vehicle(&state, &who, &application, &form).await?;
        onwards(&state, &who, &application).await
    })
    .await
}

#[server(endpoint = "registration/identity")]
#[tracing::instrument(skip_all)]
pub async fn registration_identity(
    id: Option<String>,
    #[server(flatten)] form: super::domain::IdentityForm,
) -> Result<(), AppError> {
    use crate::applications::api::{answer_with, onwards};
    let id = id.unwrap_or_default();
    answer_with(&id, "identity", form, |state, who, application, form| async move {
        super::service::save_identity(&state, &who, &application, &form).await?;
        onwards(&state, &who, &application).await
    })
    .await
}

#[server(endpoint = "registration/owner")]
#[tracing::instrument(skip_all)]
pub async fn registration_owner(id: Option<String>, owner: Option<String>) -> Result<(), AppError> {
    use super::service;
    let owner = owner.unwrap_or_default();
    let typed = owner.clone();
    let id = id.unwrap_or_default();
    crate::applications::api::answer(
        &id,
        "owner",
        &[("owner", &typed)],
        |state, who, application| async move {
            service::save_owner(&state, &who, &application, &owner).await?;
            crate::applications::api::onwards(&state, &who, &application).await
        },
    )
    .await
}
