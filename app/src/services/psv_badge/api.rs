//! The PSV badge's server function: its one question page, a plain form post through the framework's `answer`,
//! which checks who is asking and whose draft it is.

use leptos::prelude::*;

use crate::error::AppError;

/// The role and the certificate of good conduct's number.
#[server(endpoint = "badge/details")]
#[tracing::instrument(skip_all)]
pub async fn badge_details(id: Option<String>, role: Option<String>, conduct: Option<String>) -> Result<(), AppError> {
    use crate::applications::api::{answer, onwards};
    let (id, role, conduct) = (
        id.unwrap_or_default(),
        role.unwrap_or_default(),
        conduct.unwrap_or_default(),
    );
    let typed = [("role", role.clone()), ("conduct", conduct.clone())];
    let values: Vec<(&str, &str)> = typed.iter().map(|(k, v)| (*k, v.as_str())).collect();
    answer(&id, "details", &values, |state, who, application| async move {
        super::service::save(&state, &who, &application, &role, &conduct).await?;
        onwards(&state, &who, &application).await
    })
    .await
}
