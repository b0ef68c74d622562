//! What every service that issues a card does alike: the photo it needs, the card step's answers, and the slip of
//! the card an approval issued.

use serde::{de::DeserializeOwned, Serialize};
use sqlx::AnyConnection;

use super::{db, domain};
use crate::{
    applications::{domain::Application, service as applications},
    documents::domain::{Fact, Kind, ServiceDocument},
    error::AppError,
    state::AppState,
    web::{guard::SignedIn, routes::Page},
};

/// Whether the person has a passport photo on file: the card prints it.
pub async fn has_photo(state: &AppState, who: &SignedIn) -> Result<bool, AppError> {
    Ok(crate::photo::service::info(state, &who.id).await?.is_some())
}

/// The photo page, coming back to the card step `step` of the application once a photo is on file.
pub fn photo_path(application: &Application, step: &str) -> String {
    Page::AccountPhoto {
        then: Some(Page::ApplicationStep(application.id.as_str().into(), step.into()).path()),
    }
    .path()
}

/// A service's answers that hold a card's particulars.
pub trait WithCard: Serialize + DeserializeOwned + Default {
    fn card(&mut self) -> &mut Option<domain::SmartDetails>;
}

/// The collection centre of a draft with answers `A`: its officers decide it.
pub fn centre<A: WithCard>(application: &Application) -> Option<String> {
    let mut answers: A = applications::answers(application);
    answers.card().take().map(|smart| smart.centre)
}

/// The card step: the particulars as posted, checked against the collection centres and kept on the draft.
pub async fn save<A: WithCard>(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    form: &domain::SmartForm,
) -> Result<(), AppError> {
    let centres = db::centre_codes(&state.pool).await?;
    let details = domain::parse_smart(form, &centres).map_err(AppError::Invalid)?;
    let mut answers: A = applications::answers(application);
    *answers.card() = Some(details);
    applications::keep(state, who, application, &answers).await?;
    Ok(())
}

/// Where a card's draft goes after a step: the photo page (coming back to the card step) while no photo is on
/// file, else its next unanswered step.
pub async fn onwards(state: &AppState, who: &SignedIn, application: &Application) -> Result<String, AppError> {
    if !has_photo(state, who).await? {
        return Ok(photo_path(application, "smart"));
    }
    crate::applications::api::onwards(state, who, application).await
}

/// The card step's server function, for a service whose answers are `A`.
pub async fn answer<A: WithCard>(id: Option<String>, form: domain::SmartForm) -> Result<(), AppError> {
    let id = id.unwrap_or_default();
    crate::applications::api::answer_with(&id, "smart", form, |state, who, application, form| async move {
        save::<A>(&state, &who, &application, &form).await?;
        onwards(&state, &who, &application).await
    })
    .await
}

/// The slip of the card `application` issued (a first licence, a replacement): its classes and last day, and
/// where it is collected.
pub async fn slip(conn: &mut AnyConnection, application: &Application) -> anyhow::Result<Option<ServiceDocument>> {
    let Some(card) = db::issued_by(conn, application.id.as_str()).await? else {
        return Ok(None);
    };
    let centre = db::centre_name(conn, &card.centre).await?;
    Ok(Some(ServiceDocument {
        kind: Kind::SmartLicence,
        classes: Some(card.classes.split_whitespace().collect::<Vec<_>>().join(", ")),
        valid_until: Some(card.expires_on),
        smart: true,
        facts: vec![Fact::text("card-slip-centre", centre)],
    }))
}
