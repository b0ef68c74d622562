//! The first smart licence on the application framework: who may apply (a pass still valid for a class not yet
//! held), the card's answers, what is checked again at submission, and what an officer's approval puts on the
//! register.

use anyhow::Context;
use sqlx::AnyConnection;

use super::{
    db,
    domain::{self, Answers, Pass, FEE},
};
use crate::{
    account_type::AccountType,
    applications::{domain::Application, service as applications},
    calendar, cards,
    documents::domain::Kind,
    error::AppError,
    records::{classes::LicenceClass, db as register, service as records},
    state::AppState,
    web::guard::SignedIn,
};

/// Why a person cannot apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not a citizen account on the national register: a licence is keyed on the ID number.
    NotOnRegister,
    /// No pass with a valid certificate for a class the licence lacks.
    NoPass,
}

/// What the registers say of the applicant today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// The classes on the licence they hold, if any.
    pub licensed: Vec<String>,
    pub passes: Vec<Pass>,
    /// The classes this licence would be issued for.
    pub classes: Vec<LicenceClass>,
}

pub async fn standing(state: &AppState, who: &SignedIn) -> anyhow::Result<Result<Standing, Refusal>> {
    if who.account_type != AccountType::Citizen {
        return Ok(Err(Refusal::NotOnRegister));
    }
    let mut conn = state.pool.acquire().await?;
    if records::born_on(&mut conn, &who.id_number).await?.is_none() {
        return Ok(Err(Refusal::NotOnRegister));
    }
    let today = state.clock.today();
    let licensed: Vec<String> = register::held_licence(&mut conn, &who.id_number)
        .await?
        .map(|licence| licence.classes.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default();
    let passes: Vec<Pass> = register::passes(&mut conn, &who.id_number, &today.to_string())
        .await?
        .into_iter()
        .filter_map(|(class, until)| {
            Some(Pass {
                class: LicenceClass::parse(&class)?,
                valid_until: calendar::parse_iso(&until)?,
            })
        })
        .collect();
    let classes = domain::classes(&passes, &licensed, today);
    if classes.is_empty() {
        return Ok(Err(Refusal::NoPass));
    }
    Ok(Ok(Standing {
        licensed,
        passes,
        classes,
    }))
}

fn refused(refusal: Refusal) -> AppError {
    match refusal {
        Refusal::NotOnRegister => AppError::field("classes", "first-dl-error-register"),
        Refusal::NoPass => AppError::field("classes", "first-dl-error-no-pass"),
    }
}

/// Step 1: the classes the passes give, as the registers have them now.
pub async fn confirm(state: &AppState, who: &SignedIn, application: &Application) -> Result<(), AppError> {
    let standing = standing(state, who).await?.map_err(refused)?;
    let mut answers: Answers = applications::answers(application);
    answers.holder = Some(who.id_number.clone());
    answers.classes = standing.classes;
    applications::keep(state, who, application, &answers).await?;
    Ok(())
}

/// What must hold at submission (a pass may have lapsed, a class been endorsed, the photo gone since): the fee,
/// or `Err` to send the person back to the first step, whose page says why.
pub async fn ready(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
) -> Result<Result<&'static str, ()>, AppError> {
    let Ok(standing) = standing(state, who).await? else {
        return Ok(Err(()));
    };
    let answers: Answers = applications::answers(application);
    let ready =
        answers.classes == standing.classes && answers.smart.is_some() && cards::service::has_photo(state, who).await?;
    Ok(if ready { Ok(FEE) } else { Err(()) })
}

/// An officer's approval, in the decision's transaction: the classes on the register's licence (a new licence, or
/// endorsed on the one held), each from today, and the card, which replaces any card before it.
pub async fn on_approved(conn: &mut AnyConnection, application: &Application, now: i64) -> anyhow::Result<()> {
    let answers: Answers = applications::answers(application);
    let holder = answers.holder.context("an approved first licence without its holder")?;
    let smart = answers.smart.context("an approved first licence without its card")?;
    anyhow::ensure!(!answers.classes.is_empty(), "an approved first licence without classes");
    let held = register::held_licence(conn, &holder).await?;
    let licensed: Vec<String> = held
        .as_ref()
        .map(|l| l.classes.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default();
    let held_until = held.as_ref().and_then(|l| calendar::parse_iso(&l.expires_on));
    let today = calendar::date_of(now);
    let expires = domain::expires(today, held_until).context("licence expiry")?;
    let classes = domain::endorsed(&licensed, &answers.classes);
    let new: Vec<&str> = answers
        .classes
        .iter()
        .map(|class| class.code())
        .filter(|code| !licensed.iter().any(|held| held == code))
        .collect();
    let expires_on = expires.to_string();
    db::endorse(
        conn,
        &db::Endorsement {
            holder_id_number: &holder,
            classes: &classes,
            new: &new,
            since: &today.to_string(),
            expires_on: &expires_on,
        },
    )
    .await?;
    cards::db::issue(
        conn,
        &cards::db::NewCard {
            application_id: application.id.as_str(),
            holder_id_number: &holder,
            slip_kind: Kind::SmartLicence,
            centre: &smart.centre,
            classes: &classes,
            expires_on: &expires_on,
            now,
        },
    )
    .await?;
    Ok(())
}

/// The card this application issued, once approved.
pub use crate::cards::service::slip;
