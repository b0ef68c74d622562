//! The vehicle search's server function: the plate, a plain form post through the framework's `answer`.

use leptos::prelude::*;

use crate::error::AppError;

#[server(endpoint = "vehicle-search/plate")]
#[tracing::instrument(skip_all)]
pub async fn vehicle_search_plate(id: Option<String>, plate: Option<String>) -> Result<(), AppError> {
    use super::{pages::next_path, service};
    let plate = plate.unwrap_or_default();
    let typed = plate.clone();
    let id = id.unwrap_or_default();
    crate::applications::api::answer(
        &id,
        "plate",
        &[("plate", &typed)],
        |state, who, application| async move {
            service::save_plate(&state, &who, &application, &plate).await?;
            let application = crate::applications::service::owned(&state, &who, application.id.as_str()).await?;
            Ok(next_path(&application))
        },
    )
    .await
}
