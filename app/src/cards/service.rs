//! What every service that issues a card does alike: the photo it needs, the card step's answers, and the slip of
//! the card an approval issued.

use sqlx::AnyConnection;

use super::{db, domain};
use crate::{
    applications::domain::Application,
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

/// The card step's answers as posted, checked against the collection centres.
pub async fn details(state: &AppState, form: &domain::SmartForm) -> Result<domain::SmartDetails, AppError> {
    let centres = db::centre_codes(&state.pool).await?;
    domain::parse_smart(form, &centres).map_err(AppError::Invalid)
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
