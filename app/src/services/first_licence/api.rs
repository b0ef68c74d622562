//! The first licence's server functions: one per question page, plain form posts through the framework's
//! `answer`, which checks who is asking and whose draft it is.

use leptos::prelude::*;

use crate::error::AppError;

/// Step 1: the classes the passes give; nothing to type, so nothing to bring back beside an error.
#[server(endpoint = "first-dl/classes")]
#[tracing::instrument(skip_all)]
pub async fn first_dl_classes(id: Option<String>) -> Result<(), AppError> {
    let id = id.unwrap_or_default();
    crate::applications::api::answer(&id, "classes", &[], |state, who, application| async move {
        super::service::confirm(&state, &who, &application).await?;
        crate::cards::service::onwards(&state, &who, &application).await
    })
    .await
}

#[server(endpoint = "first-dl/smart")]
#[tracing::instrument(skip_all)]
pub async fn first_dl_smart(
    id: Option<String>,
    #[server(flatten)] form: crate::cards::domain::SmartForm,
) -> Result<(), AppError> {
    crate::cards::service::answer::<super::domain::Answers>(id, form).await
}
