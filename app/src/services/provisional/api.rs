//! The provisional licence's server function: its one question page, a plain form post through the framework's
//! `answer`, which checks who is asking and whose draft it is.

use leptos::prelude::*;

use crate::error::AppError;

/// The classes to learn. Posted as `classes[]`, one per ticked box; none ticked posts nothing.
#[server(endpoint = "provisional/classes")]
#[tracing::instrument(skip_all)]
pub async fn provisional_classes(id: Option<String>, classes: Option<Vec<String>>) -> Result<(), AppError> {
    use crate::applications::api::{answer, onwards};
    let (id, classes) = (id.unwrap_or_default(), classes.unwrap_or_default());
    // What was ticked comes back beside an error, as one value the page splits.
    let ticked = classes.join(" ");
    answer(
        &id,
        "classes",
        &[("classes", &ticked)],
        |state, who, application| async move {
            super::service::choose(&state, &who, &application, &classes).await?;
            onwards(&state, &who, &application).await
        },
    )
    .await
}
