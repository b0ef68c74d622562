//! The registration's checks against other agencies' registers (the demo ones in app/demo-data): who a person
//! is, and whether an identity, email or number already has an account (issue 9, point 10).

use crate::{
    accounts::{
        db,
        domain::{looks_like_national_id, AccountType, DocumentType},
    },
    error::{AppError, FieldError},
    state::AppState,
    web::{context::Caller, throttle},
};

use super::registration::Identity;

/// The document an account type asks for; a business's authorised person gives their own, as a citizen or a
/// resident.
pub fn document_of(kind: AccountType, person: Option<&str>) -> DocumentType {
    match kind {
        AccountType::Citizen => DocumentType::NationalId,
        AccountType::Business if person == Some("citizen") => DocumentType::NationalId,
        AccountType::Resident | AccountType::Business => DocumentType::ForeignerCertificate,
        AccountType::Diplomat => DocumentType::DiplomaticId,
        AccountType::Visitor => DocumentType::Passport,
    }
}

/// A citizen's ID, first name and year of birth must match the national register; a resident's or a diplomat's
/// number and names their register; a business's KRA PIN the register of organisations, and its authorised
/// person must be one of the directors KRA records for it. A number shaped like a national ID is refused under
/// any other document unless that document's register holds it (issue 9: nobody can squat a citizen's number).
/// Messages say what did not match, never what the register holds.
pub(super) async fn check_registers(
    state: &AppState,
    caller: &Caller,
    document: DocumentType,
    identity: &mut Identity,
    errors: &mut Vec<FieldError>,
) -> Result<(), AppError> {
    let pool = &state.pool;
    // The registers answer "no such ID" and "wrong name" separately, so each client gets a few tries only: enough
    // for typing mistakes, not for walking through ID numbers.
    let key = throttle::register_key(&caller.client);
    let now = state.clock.now();
    // Reserved before the lookups, so a burst cannot outrun the count; a match gives the reservation back.
    if let throttle::Reservation::Locked(wait) = throttle::reserve(pool, &key, throttle::REGISTER, now).await? {
        errors.push(throttle::too_many("id_number", wait));
        return Ok(());
    }
    if let Some(pin) = &identity.kra_pin {
        match db::organisation_exists(pool, pin.as_str()).await? {
            Some(name) => identity.organisation = Some(name),
            None => errors.push(FieldError::new("kra_pin", "accounts-error-pin-unknown")),
        }
    }
    if document == DocumentType::NationalId {
        match db::register_person(pool, &identity.id_number).await? {
            None => errors.push(FieldError::new("id_number", "accounts-error-id-unknown")),
            Some(person) => {
                if !person.first_name.eq_ignore_ascii_case(&identity.first_name) {
                    errors.push(FieldError::new("first_name", "accounts-error-first-name-mismatch"));
                } else if identity.year_of_birth != Some(person.year_of_birth) {
                    errors.push(FieldError::new("year_of_birth", "accounts-error-year-mismatch"));
                } else {
                    // The register's spelling, so the account matches the ID card.
                    identity.first_name = person.first_name;
                    identity.last_name = person.other_names;
                }
            }
        }
    }
    match document {
        DocumentType::NationalId => {}
        DocumentType::ForeignerCertificate | DocumentType::DiplomaticId => {
            match db::register_foreigner(pool, document, &identity.id_number).await? {
                None if looks_like_national_id(&identity.id_number) => {
                    errors.push(FieldError::new("id_number", "accounts-error-document-national-id"))
                }
                None => errors.push(FieldError::new("id_number", "accounts-error-document-unknown")),
                Some(found) => {
                    if !found.first_name.eq_ignore_ascii_case(&identity.first_name) {
                        errors.push(FieldError::new("first_name", "accounts-error-first-name-mismatch"));
                    } else if !found.last_name.eq_ignore_ascii_case(&identity.last_name) {
                        errors.push(FieldError::new("last_name", "accounts-error-last-name-mismatch"));
                    } else {
                        identity.first_name = found.first_name;
                        identity.last_name = found.last_name;
                    }
                }
            }
        }
        DocumentType::Passport if looks_like_national_id(&identity.id_number) => {
            errors.push(FieldError::new("id_number", "accounts-error-document-national-id"))
        }
        DocumentType::Passport => {}
    }
    if let (Some(pin), true) = (&identity.kra_pin, errors.is_empty()) {
        if !db::is_director(pool, pin.as_str(), &identity.id_number).await? {
            errors.push(FieldError::new("id_number", "accounts-error-not-director"));
        }
    }
    if errors.is_empty() {
        throttle::release(pool, &key, throttle::REGISTER).await?;
    }
    if errors.is_empty() {
        match taken(
            state,
            caller,
            Some((document, &identity.id_number)),
            "",
            "",
            "id_number",
        )
        .await
        {
            Ok(taken) if !taken.is_empty() => errors.push(FieldError::new("id_number", "accounts-error-id-taken")),
            Ok(_) => {}
            Err(AppError::Invalid(throttled)) => errors.extend(throttled),
            Err(other) => return Err(other),
        }
    }
    Ok(())
}

/// Which of these already have an account. Each "already registered" answer tells something about a person, so
/// the answers are rationed per client address (reserved first, given back when nothing was taken).
pub(super) async fn taken(
    state: &AppState,
    caller: &Caller,
    identity: Option<(DocumentType, &str)>,
    email: &str,
    phone: &str,
    field: &str,
) -> Result<Vec<&'static str>, AppError> {
    let (pool, key) = (&state.pool, throttle::conflict_key(&caller.client));
    if let throttle::Reservation::Locked(wait) =
        throttle::reserve(pool, &key, throttle::CONFLICT, state.clock.now()).await?
    {
        return Err(throttle::too_many(field, wait).into());
    }
    let taken = db::taken(pool, identity, email, phone).await?;
    if taken.is_empty() {
        throttle::release(pool, &key, throttle::CONFLICT).await?;
    }
    Ok(taken)
}
