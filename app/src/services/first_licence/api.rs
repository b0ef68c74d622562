//! The first licence's server functions: one per question page, plain form posts through the framework's
//! `answer`, which checks who is asking and whose draft it is.

use leptos::prelude::*;

use crate::error::AppError;

/// Step 1: the classes the passes give; nothing to type, so nothing to bring back beside an error.
#[server(endpoint = "first-dl/classes")]
#[tracing::instrument(skip_all)]
pub async fn first_dl_classes(id: Option<String>) -> Result<(), AppError> {
    use super::{pages::path_of, service};
    let id = id.unwrap_or_default();
    crate::applications::api::answer(&id, "classes", &[], |state, who, application| async move {
        let next = service::confirm(&state, &who, &application).await?;
        let application = crate::applications::service::owned(&state, &who, application.id.as_str()).await?;
        Ok(path_of(&application, next))
    })
    .await
}

#[server(endpoint = "first-dl/smart")]
#[tracing::instrument(skip_all)]
pub async fn first_dl_smart(
    id: Option<String>,
    #[server(flatten)] form: crate::cards::domain::SmartForm,
) -> Result<(), AppError> {
    use super::{pages::path_of, service};
    let id = id.unwrap_or_default();
    crate::applications::api::answer_with(&id, "smart", form, |state, who, application, form| async move {
        let next = service::save_smart(&state, &who, &application, &form).await?;
        let application = crate::applications::service::owned(&state, &who, application.id.as_str()).await?;
        Ok(path_of(&application, next))
    })
    .await
}
