//! A signed-in person's records, typed: what the dashboard shows and what services check.

use anyhow::Context;

use super::{
    db,
    domain::{Licence, Provisional, Vehicle},
};
use crate::{calendar, ids::PlateNumber, state::AppState, web::guard::SignedIn};

pub async fn licences(state: &AppState, who: &SignedIn) -> anyhow::Result<Vec<Licence>> {
    db::licences_of(&state.pool, &who.id_number, who.id.as_str())
        .await?
        .into_iter()
        .map(|row| {
            let expires_on = calendar::parse_iso(&row.expires_on)
                .with_context(|| format!("licence of {}: expires_on {:?}", row.holder_id_number, row.expires_on))?;
            Ok(Licence {
                classes: row.classes.split_whitespace().map(str::to_string).collect(),
                holder_id_number: row.holder_id_number,
                expires_on,
                unpaid_offences_kes: row.unpaid_offences_kes,
            })
        })
        .collect()
}

/// The day a person on the national register was born (`classes::born_on` when it holds only the year), or
/// `None` when the register does not know the ID number.
pub async fn born_on(conn: &mut sqlx::AnyConnection, id_number: &str) -> anyhow::Result<Option<jiff::civil::Date>> {
    let Some(row) = db::birth(conn, id_number).await? else {
        return Ok(None);
    };
    let year = i16::try_from(row.year_of_birth).context("year of birth")?;
    super::classes::born_on(row.born_on.as_deref().and_then(calendar::parse_iso), year)
        .context("date of birth")
        .map(Some)
}

pub async fn provisionals(state: &AppState, who: &SignedIn) -> anyhow::Result<Vec<Provisional>> {
    db::provisionals_of(&state.pool, &who.id_number)
        .await?
        .into_iter()
        .map(|row| {
            let expires_on = calendar::parse_iso(&row.expires_on)
                .with_context(|| format!("provisional licence {}: expires_on {:?}", row.class, row.expires_on))?;
            Ok(Provisional {
                class: row.class,
                expires_on,
            })
        })
        .collect()
}

pub async fn vehicles(state: &AppState, who: &SignedIn) -> anyhow::Result<Vec<Vehicle>> {
    db::vehicles_of(&state.pool, &who.id_number, who.id.as_str())
        .await?
        .into_iter()
        .map(|row| {
            let inspection_due_on = match &row.inspection_due_on {
                Some(text) => Some(
                    calendar::parse_iso(text)
                        .with_context(|| format!("vehicle {}: inspection_due_on {text:?}", row.plate))?,
                ),
                None => None,
            };
            Ok(Vehicle {
                plate: PlateNumber::from_stored(row.plate),
                make: row.make,
                model: row.model,
                year: row.year,
                inspection_due_on,
                organisation: row.organisation,
                owner_kra_pin: row.owner_kra_pin,
            })
        })
        .collect()
}
