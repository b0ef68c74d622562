//! The renewal on the application framework: which licence, whether it may be renewed, the answers, what is
//! checked before submission, and what a payment does to the register.

use anyhow::Context;
use sqlx::AnyConnection;

use super::{
    db,
    domain::{self, Answers, Period},
};
use crate::{
    applications::plugin::Effect,
    applications::{domain::Application, service as applications},
    calendar, cards,
    documents::domain::{Kind, ServiceDocument},
    error::{AppError, FieldError},
    fees::domain::Shillings,
    records::{domain::Licence, service as records},
    state::AppState,
    web::guard::SignedIn,
};

/// Why a licence cannot be renewed here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No licence under the person's ID number or a linked TIMS account.
    NoLicence,
    /// Traffic offences must be paid first (DOMAIN.md).
    UnpaidOffences { licence: Licence, amount: Shillings },
}

/// The person's own licence (under their ID number; else one a linked TIMS account brought), if renewable.
pub async fn licence(state: &AppState, who: &SignedIn) -> anyhow::Result<Result<Licence, Refusal>> {
    let mut licences = records::licences(state, who).await?;
    licences.sort_by_key(|l| l.holder_id_number != who.id_number);
    Ok(match licences.into_iter().next() {
        None => Err(Refusal::NoLicence),
        Some(licence) if licence.unpaid_offences_kes > 0 => Err(Refusal::UnpaidOffences {
            amount: Shillings(licence.unpaid_offences_kes),
            licence,
        }),
        Some(licence) => Ok(licence),
    })
}

/// Where the person goes after a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// The wizard's next unanswered step (or the check page).
    Step,
    /// The photo page, then back to the smart licence step: a smart licence needs a photo on file.
    Photo,
}

fn refused(refusal: Refusal) -> AppError {
    match refusal {
        Refusal::NoLicence => AppError::field("period", "renewal-error-no-licence"),
        Refusal::UnpaidOffences { amount, .. } => {
            AppError::Invalid(vec![
                FieldError::new("period", "renewal-error-offences").with_arg("amount", amount.to_string())
            ])
        }
    }
}

/// Step 1: 1 year, 3 years or the smart licence.
pub async fn choose_period(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    period: &str,
) -> Result<Next, AppError> {
    let licence = licence(state, who).await?.map_err(refused)?;
    let period = Period::parse(period).ok_or_else(|| AppError::field("period", "renewal-error-period"))?;
    let mut answers: Answers = applications::answers(application);
    answers.period = Some(period);
    answers.holder = Some(licence.holder_id_number);
    if period != Period::Smart {
        answers.smart = None;
    }
    applications::keep(state, who, application, &answers).await?;
    Ok(
        if period == Period::Smart && !cards::service::has_photo(state, who).await? {
            Next::Photo
        } else {
            Next::Step
        },
    )
}

/// What must hold at submission (the offences may have changed since step 1): the fee to invoice, or what to fix.
pub async fn ready(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
) -> Result<Result<&'static str, Next>, AppError> {
    licence(state, who).await?.map_err(refused)?;
    let answers: Answers = applications::answers(application);
    let Some(period) = answers.period else {
        return Ok(Err(Next::Step));
    };
    if period == Period::Smart {
        if answers.smart.is_none() {
            return Ok(Err(Next::Step));
        }
        if !cards::service::has_photo(state, who).await? {
            return Ok(Err(Next::Photo));
        }
    }
    Ok(Ok(period.fee_code()))
}

/// A paid renewal completes itself: the register's licence gets its new expiry and the slip is recorded, in the
/// payment's transaction. The licence is the one step 1 showed.
pub async fn on_paid(conn: &mut AnyConnection, application: &Application, now: i64) -> anyhow::Result<Effect> {
    let answers: Answers = applications::answers(application);
    let period = answers.period.context("a paid renewal without a period")?;
    // A second guard behind the submission's version: answers that are not what was invoiced go to an officer.
    if application.fee_code.as_deref() != Some(period.fee_code()) {
        tracing::warn!(
            application = application.id.as_str(),
            "a paid renewal whose answers are not its fee"
        );
        return Ok(Effect::Review);
    }
    let holder = answers.holder.context("a paid renewal without its licence")?;
    let licence = crate::records::db::held_licence(conn, &holder)
        .await?
        .with_context(|| format!("no licence under {holder}"))?;
    let old = calendar::parse_iso(&licence.expires_on).context("licence expiry")?;
    let new = domain::new_expiry(old, calendar::date_of(now), period.years()).context("new expiry")?;
    db::renew(
        conn,
        &db::Slip {
            application_id: application.id.as_str(),
            holder_id_number: &holder,
            classes: &licence.classes,
            old_expires_on: &old.to_string(),
            new_expires_on: &new.to_string(),
            smart: period == Period::Smart,
            issued_at: now,
        },
    )
    .await?;
    // The smart option prints a new card, which replaces the one before it.
    if let (Period::Smart, Some(smart)) = (period, &answers.smart) {
        cards::db::issue(
            conn,
            &cards::db::NewCard {
                application_id: application.id.as_str(),
                holder_id_number: &holder,
                slip_kind: Kind::RenewalSlip,
                centre: &smart.centre,
                classes: &licence.classes,
                expires_on: &new.to_string(),
                now,
            },
        )
        .await?;
    }
    Ok(Effect::Completed)
}

/// What the renewal slip says (the register's classes and the new expiry), once the renewal is paid.
pub async fn slip(conn: &mut AnyConnection, application: &Application) -> anyhow::Result<Option<ServiceDocument>> {
    Ok(db::slip_in(conn, application.id.as_str())
        .await?
        .map(|slip| ServiceDocument {
            kind: Kind::RenewalSlip,
            classes: Some(slip.classes),
            valid_until: Some(slip.new_expires_on),
            smart: slip.smart == 1,
            facts: Vec::new(),
        }))
}
