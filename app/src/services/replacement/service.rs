//! The replacement card on the application framework: whose licence, whether it may be replaced (on the
//! register, not expired), what is checked again at submission, and what an officer's approval does: a new card
//! with the licence's classes and expiry, the old card marked replaced and its slip no longer valid.

use anyhow::Context;
use jiff::civil::Date;
use sqlx::AnyConnection;

use super::domain::{self, Answers, ReasonForm, FEE};
use crate::{
    account_type::AccountType,
    applications::{domain::Application, service as applications},
    calendar,
    cards::{self, db::CardRow},
    documents::domain::Kind,
    error::AppError,
    records::db as register,
    state::AppState,
    web::guard::SignedIn,
};

/// Why a licence cannot be replaced here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No licence under the person's own ID number (a citizen's account on the register).
    NoLicence,
    /// It expired on this day: a renewal (its smart option) gives a new card.
    Expired(Date),
}

/// The licence to replace, and the card Uraia issued for it, if any.
#[derive(Debug, Clone)]
pub struct Held {
    pub holder: String,
    pub classes: String,
    pub expires_on: Date,
    pub card: Option<CardRow>,
}

pub async fn licence(state: &AppState, who: &SignedIn) -> anyhow::Result<Result<Held, Refusal>> {
    if who.account_type != AccountType::Citizen {
        return Ok(Err(Refusal::NoLicence));
    }
    let mut conn = state.pool.acquire().await?;
    let Some(held) = register::held_licence(&mut conn, &who.id_number).await? else {
        return Ok(Err(Refusal::NoLicence));
    };
    let expires_on = calendar::parse_iso(&held.expires_on).context("licence expiry")?;
    if expires_on < state.clock.today() {
        return Ok(Err(Refusal::Expired(expires_on)));
    }
    Ok(Ok(Held {
        holder: who.id_number.clone(),
        classes: held.classes,
        expires_on,
        card: cards::db::current(&mut conn, &who.id_number).await?,
    }))
}

fn refused(refusal: Refusal) -> AppError {
    match refusal {
        Refusal::NoLicence => AppError::field("reason", "replacement-error-no-licence"),
        Refusal::Expired(_) => AppError::field("reason", "replacement-error-expired"),
    }
}

/// Step 1: what happened to the card, and the police abstract for a lost or stolen one.
pub async fn choose(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    form: &ReasonForm,
) -> Result<(), AppError> {
    let held = licence(state, who).await?.map_err(refused)?;
    let (reason, police_abstract) = domain::parse_reason(form).map_err(AppError::Invalid)?;
    let mut answers: Answers = applications::answers(application);
    answers.holder = Some(held.holder);
    answers.reason = Some(reason);
    answers.police_abstract = police_abstract;
    applications::keep(state, who, application, &answers).await?;
    Ok(())
}

/// What must hold at submission (the licence may have lapsed, the photo gone): the fee, or `Err` to send the
/// person back to the first step, whose page says why.
pub async fn ready(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
) -> Result<Result<&'static str, ()>, AppError> {
    if licence(state, who).await?.is_err() {
        return Ok(Err(()));
    }
    let answers: Answers = applications::answers(application);
    let answered = answers
        .reason
        .is_some_and(|reason| !reason.needs_abstract() || answers.police_abstract.is_some());
    let ready = answered && answers.smart.is_some() && cards::service::has_photo(state, who).await?;
    Ok(if ready { Ok(FEE) } else { Err(()) })
}

/// An officer's approval, in the decision's transaction: a new card with the licence's classes and expiry as the
/// register has them now, replacing the current card (whose slip then checks as replaced).
pub async fn on_approved(conn: &mut AnyConnection, application: &Application, now: i64) -> anyhow::Result<()> {
    let answers: Answers = applications::answers(application);
    let holder = answers.holder.context("an approved replacement without its holder")?;
    let smart = answers.smart.context("an approved replacement without its card")?;
    let licence = register::held_licence(conn, &holder)
        .await?
        .with_context(|| format!("no licence under {holder}"))?;
    cards::db::issue(
        conn,
        &cards::db::NewCard {
            application_id: application.id.as_str(),
            holder_id_number: &holder,
            slip_kind: Kind::SmartLicence,
            centre: &smart.centre,
            classes: &licence.classes,
            expires_on: &licence.expires_on,
            now,
        },
    )
    .await?;
    Ok(())
}

/// The card this application issued, once approved.
pub use crate::cards::service::slip;
