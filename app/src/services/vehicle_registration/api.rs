//! Vehicle registration's server functions: one per question page, each a plain form post through the
//! framework's `answer`, which checks who is asking and whose draft it is.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "registration/vehicle")]
#[tracing::instrument(skip_all)]
pub async fn registration_vehicle(
    id: Option<String>,
    make: Option<String>,
    model: Option<String>,
    year: Option<String>,
    body_type: Option<String>,
    colour: Option<String>,
) -> Result<(), AppError> {
    use super::{domain::VehicleForm, pages::next_path, service};
    let form = VehicleForm {
        make: make.unwrap_or_default(),
        model: model.unwrap_or_default(),
        year: year.unwrap_or_default(),
        body_type: body_type.unwrap_or_default(),
        colour: colour.unwrap_or_default(),
    };
    let typed = form.clone();
    let values = [
        ("make", typed.make.as_str()),
        ("model", &typed.model),
        ("year", &typed.year),
        ("body_type", &typed.body_type),
        ("colour", &typed.colour),
    ];
    let id = id.unwrap_or_default();
    crate::applications::api::answer(&id, "vehicle", &values, |state, who, application| async move {
        service::save_vehicle(&state, &who, &application, &form).await?;
        let application = crate::applications::service::owned(&state, &who, application.id.as_str()).await?;
        Ok(next_path(&application))
    })
    .await
}

#[server(endpoint = "registration/identity")]
#[tracing::instrument(skip_all)]
pub async fn registration_identity(
    id: Option<String>,
    chassis_number: Option<String>,
    engine_number: Option<String>,
    engine_cc: Option<String>,
    customs_entry: Option<String>,
) -> Result<(), AppError> {
    use super::{domain::IdentityForm, pages::next_path, service};
    let form = IdentityForm {
        chassis_number: chassis_number.unwrap_or_default(),
        engine_number: engine_number.unwrap_or_default(),
        engine_cc: engine_cc.unwrap_or_default(),
        customs_entry: customs_entry.unwrap_or_default(),
    };
    let typed = form.clone();
    let values = [
        ("chassis_number", typed.chassis_number.as_str()),
        ("engine_number", &typed.engine_number),
        ("engine_cc", &typed.engine_cc),
        ("customs_entry", &typed.customs_entry),
    ];
    let id = id.unwrap_or_default();
    crate::applications::api::answer(&id, "identity", &values, |state, who, application| async move {
        service::save_identity(&state, &who, &application, &form).await?;
        let application = crate::applications::service::owned(&state, &who, application.id.as_str()).await?;
        Ok(next_path(&application))
    })
    .await
}

#[server(endpoint = "registration/owner")]
#[tracing::instrument(skip_all)]
pub async fn registration_owner(id: Option<String>, owner: Option<String>) -> Result<(), AppError> {
    use super::{pages::next_path, service};
    let owner = owner.unwrap_or_default();
    let typed = owner.clone();
    let id = id.unwrap_or_default();
    crate::applications::api::answer(
        &id,
        "owner",
        &[("owner", &typed)],
        |state, who, application| async move {
            service::save_owner(&state, &who, &application, &owner).await?;
            let application = crate::applications::service::owned(&state, &who, application.id.as_str()).await?;
            Ok(next_path(&application))
        },
    )
    .await
}
