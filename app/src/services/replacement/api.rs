//! The replacement's server functions: one per question page, plain form posts through the framework's `answer`,
//! which checks who is asking and whose draft it is.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "replacement/reason")]
#[tracing::instrument(skip_all)]
pub async fn replacement_reason(
    id: Option<String>,
    #[server(flatten)] form: super::domain::ReasonForm,
) -> Result<(), AppError> {
    let id = id.unwrap_or_default();
    crate::applications::api::answer_with(&id, "reason", form, |state, who, application, form| async move {
        super::service::choose(&state, &who, &application, &form).await?;
        crate::cards::service::onwards(&state, &who, &application).await
    })
    .await
}

#[server(endpoint = "replacement/smart")]
#[tracing::instrument(skip_all)]
pub async fn replacement_smart(
    id: Option<String>,
    #[server(flatten)] form: crate::cards::domain::SmartForm,
) -> Result<(), AppError> {
    crate::cards::service::answer::<super::domain::Answers>(id, form).await
}
