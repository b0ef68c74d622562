//! The renewal's server functions: one per question page, each a plain form post through the framework's
//! `answer`, which checks who is asking and whose draft it is.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "renewal/period")]
#[tracing::instrument(skip_all)]
pub async fn renewal_period(id: Option<String>, period: Option<String>) -> Result<(), AppError> {
    use super::{pages::path_of, service};
    let (id, period) = (id.unwrap_or_default(), period.unwrap_or_default());
    let typed = period.clone();
    crate::applications::api::answer(
        &id,
        "period",
        &[("period", &typed)],
        |state, who, application| async move {
            let next = service::choose_period(&state, &who, &application, &period).await?;
            let application = crate::applications::service::owned(&state, &who, application.id.as_str()).await?;
            Ok(path_of(&application, next))
        },
    )
    .await
}

#[server(endpoint = "renewal/smart")]
#[tracing::instrument(skip_all)]
pub async fn renewal_smart(
    id: Option<String>,
    #[server(flatten)] form: crate::cards::domain::SmartForm,
) -> Result<(), AppError> {
    crate::cards::service::answer::<super::domain::Answers>(id, form).await
}
