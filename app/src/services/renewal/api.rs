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
    place_of_birth: Option<String>,
    blood_group: Option<String>,
    county: Option<String>,
    address: Option<String>,
    centre: Option<String>,
) -> Result<(), AppError> {
    use super::{domain::SmartForm, pages::path_of, service};
    let form = SmartForm {
        place_of_birth: place_of_birth.unwrap_or_default(),
        blood_group: blood_group.unwrap_or_default(),
        county: county.unwrap_or_default(),
        address: address.unwrap_or_default(),
        centre: centre.unwrap_or_default(),
    };
    let typed = form.clone();
    let values = [
        ("place_of_birth", typed.place_of_birth.as_str()),
        ("blood_group", &typed.blood_group),
        ("county", &typed.county),
        ("address", &typed.address),
        ("centre", &typed.centre),
    ];
    let id = id.unwrap_or_default();
    crate::applications::api::answer(&id, "smart", &values, |state, who, application| async move {
        let next = service::save_smart(&state, &who, &application, &form).await?;
        let application = crate::applications::service::owned(&state, &who, application.id.as_str()).await?;
        Ok(path_of(&application, next))
    })
    .await
}
