//! The vehicle search on the application framework: one question (the plate), the fee, and on payment the
//! record as the register has it at that moment.

use sqlx::AnyConnection;

use super::{
    db,
    domain::{Answers, Caveat, Record, FEE},
};
use crate::{
    applications::plugin::Effect,
    applications::{domain::Application, service as applications},
    documents::domain::{Kind, ServiceDocument},
    error::AppError,
    ids::PlateNumber,
    state::AppState,
    web::guard::SignedIn,
};

/// The one step: a plate on the register.
pub async fn save_plate(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    typed: &str,
) -> Result<(), AppError> {
    if typed.trim().is_empty() {
        return Err(AppError::field("plate", "search-error-plate-missing"));
    }
    let plate = PlateNumber::parse(typed).ok_or_else(|| AppError::field("plate", "search-error-plate"))?;
    if !db::exists(&state.pool, plate.as_str()).await? {
        return Err(AppError::Invalid(vec![crate::error::FieldError::new(
            "plate",
            "search-error-plate-unknown",
        )
        .with_arg("plate", plate.to_string())]));
    }
    let answers = Answers { plate: Some(plate) };
    applications::save(state, who, &application.id, &answers).await?;
    Ok(())
}

/// The fee once a plate is named.
pub fn ready(application: &Application) -> Option<&'static str> {
    let answers: Answers = applications::answers(application);
    answers.plate.map(|_| FEE)
}

/// A paid search completes at once: its document is the record (see `slip`).
pub async fn on_paid(_conn: &mut AnyConnection, _application: &Application, _now: i64) -> anyhow::Result<Effect> {
    Ok(Effect::Completed)
}

/// The record of the plate, read in the payment's transaction and frozen in the document.
pub async fn slip(conn: &mut AnyConnection, application: &Application) -> anyhow::Result<Option<ServiceDocument>> {
    let answers: Answers = applications::answers(application);
    let Some(plate) = answers.plate else {
        return Ok(None);
    };
    let Some(row) = db::record(conn, plate.as_str()).await? else {
        return Ok(None);
    };
    let caveats = db::caveats(conn, plate.as_str())
        .await?
        .into_iter()
        .map(|c| Caveat {
            kind: c.kind,
            party: c.party,
            noted_on: c.noted_on,
        })
        .collect();
    let record = Record {
        plate,
        make: row.make,
        model: row.model,
        year: row.year,
        colour: row.colour,
        owner: row.owner,
        inspection_due_on: row.inspection_due_on,
        caveats,
    };
    Ok(Some(ServiceDocument {
        kind: Kind::VehicleRecord,
        classes: None,
        valid_until: None,
        smart: false,
        facts: record.facts(),
    }))
}
