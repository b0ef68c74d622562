//! The rules of TIMS linking. Services take the app state, who is acting and what was typed, and answer with the
//! record or the reason; the api keeps the pending link in the session.

use serde::{Deserialize, Serialize};

use super::db::{self, TimsRecord};
use crate::{
    accounts::{domain::parse_year_of_birth, service::verification::check_typed},
    channel::Channel,
    error::AppError,
    i18n::Lang,
    ids::{KraPin, NationalId},
    state::AppState,
    web::{
        challenges::{self, CodeRequest, Purpose, Trier},
        guard::SignedIn,
        session::Entry,
        throttle::{self, Reservation},
    },
};

/// The record being linked, between finding it and proving it is yours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingLink {
    pub account_number: String,
}

impl Entry for PendingLink {
    const KEY: &'static str = "tims";
}

/// Reserves one try on the account's TIMS budget, or says how long to wait.
async fn reserve(state: &AppState, who: &SignedIn, field: &str) -> Result<String, AppError> {
    let key = throttle::tims_key(who.id.as_str());
    match throttle::reserve(&state.pool, &key, throttle::TIMS, state.clock.now()).await? {
        Reservation::Locked(wait) => Err(throttle::too_many(field, wait).into()),
        Reservation::Granted(_) => Ok(key),
    }
}

async fn release(state: &AppState, key: &str) -> Result<(), AppError> {
    throttle::release(&state.pool, key, throttle::TIMS)
        .await
        .map_err(AppError::from)
}

/// Finds the legacy record for a KRA PIN or an ID number, if it is the person's to link: under their own ID
/// number, or an organisation's they act for, and not linked yet. A lookup that finds nothing linkable is counted.
pub async fn find(state: &AppState, who: &SignedIn, typed: &str) -> Result<TimsRecord, AppError> {
    const FIELD: &str = "identifier";
    let identifier = match (NationalId::parse(typed), KraPin::parse(typed)) {
        (Some(id), _) => id.as_str().to_string(),
        (None, Ok(pin)) => pin.into_string(),
        (None, Err(_)) if typed.trim().is_empty() => return Err(AppError::field(FIELD, "tims-error-missing")),
        (None, Err(_)) => return Err(AppError::field(FIELD, "tims-error-format")),
    };
    let key = reserve(state, who, FIELD).await?;
    let record = db::find(&state.pool, &identifier)
        .await?
        .ok_or_else(|| AppError::field(FIELD, "tims-error-not-found"))?;
    let yours = match (&record.id_number, &record.kra_pin) {
        (Some(id_number), _) => *id_number == who.id_number,
        (None, Some(pin)) => db::acts_for(&state.pool, who.id.as_str(), pin).await?,
        (None, None) => false,
    };
    if !yours {
        return Err(AppError::field(FIELD, "tims-error-not-yours"));
    }
    match db::linked_to(&state.pool, &record.account_number).await? {
        Some(owner) if owner == who.id.as_str() => {
            release(state, &key).await?;
            Err(AppError::field(FIELD, "tims-error-already-yours"))
        }
        Some(_) => Err(AppError::field(FIELD, "tims-error-linked-elsewhere")),
        None => {
            release(state, &key).await?;
            Ok(record)
        }
    }
}

/// The pending record, if the session has one and it still exists.
pub async fn pending(state: &AppState, pending: Option<PendingLink>) -> Result<Option<TimsRecord>, AppError> {
    let Some(pending) = pending else {
        return Ok(None);
    };
    db::by_number(&state.pool, &pending.account_number)
        .await
        .map_err(AppError::from)
}

/// Sends a code to the phone on the legacy record (within the resend rules of every code).
pub async fn send_code(state: &AppState, who: &SignedIn, lang: Lang, record: &TimsRecord) -> Result<(), AppError> {
    challenges::send_code(
        state,
        CodeRequest {
            account_id: who.id.as_str(),
            purpose: Purpose::TimsLink,
            channel: Channel::Sms,
            to: &record.phone,
            subject: &record.account_number,
            lang,
            message: "message-tims-code",
            field: "method",
        },
    )
    .await
}

/// Proof by the code sent to this record's phone (a code sent for another record, even a right one, is no proof
/// here); then the link.
pub async fn prove_with_code(
    state: &AppState,
    who: &SignedIn,
    client: &str,
    record: &TimsRecord,
    code: &str,
) -> Result<(), AppError> {
    let trier = Trier {
        account_id: who.id.as_str(),
        client,
    };
    check_typed(state, trier, (Purpose::TimsLink, &record.account_number), code, "code").await?;
    link(state, who, record, "code").await
}

/// Proof by the first name and year of birth the register holds for the record's ID number; then the link.
/// Wrong details are counted on the account's TIMS budget.
pub async fn prove_with_details(
    state: &AppState,
    who: &SignedIn,
    record: &TimsRecord,
    first_name: &str,
    year_of_birth: &str,
) -> Result<(), AppError> {
    let year = parse_year_of_birth(year_of_birth, state.clock.year())?;
    if first_name.trim().is_empty() {
        return Err(AppError::field("first_name", "tims-error-first-name-missing"));
    }
    let Some(id_number) = &record.id_number else {
        // An organisation's record has no first name: only the code proves it.
        return Err(AppError::field("first_name", "tims-error-details"));
    };
    let key = reserve(state, who, "first_name").await?;
    let matches = db::register_details(&state.pool, id_number)
        .await?
        .is_some_and(|found| {
            found.first_name.trim().eq_ignore_ascii_case(first_name.trim()) && found.year_of_birth == year
        });
    if !matches {
        return Err(AppError::field("first_name", "tims-error-details"));
    }
    release(state, &key).await?;
    link(state, who, record, "details").await
}

async fn link(state: &AppState, who: &SignedIn, record: &TimsRecord, proved_by: &str) -> Result<(), AppError> {
    let mut tx = crate::db::begin_write(&state.pool).await?;
    let linked = db::link(
        &mut tx,
        &record.account_number,
        who.id.as_str(),
        proved_by,
        state.clock.now(),
    )
    .await?;
    if !linked {
        return Err(AppError::field("identifier", "tims-error-linked-elsewhere"));
    }
    tx.commit().await?;
    Ok(())
}
