//! The provisional licence on the application framework: who may apply, the classes, what is checked again at
//! submission, and what an officer's approval puts on the register.

use anyhow::Context;
use sqlx::AnyConnection;

use super::{
    db,
    domain::{self, Answers, Learner, FEE},
};
use crate::{
    account_type::AccountType,
    applications::{domain::Application, service as applications},
    calendar,
    documents::domain::{Kind, ServiceDocument},
    error::AppError,
    records::{classes::LicenceClass, service as records},
    state::AppState,
    web::guard::SignedIn,
};

/// Why a person cannot apply here at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not a citizen account on the national register: the permit is issued against the register's date of birth.
    NotOnRegister,
}

/// What the register says of the applicant, read on `conn` (the caller's transaction, or a pool connection).
pub async fn learner_in(conn: &mut AnyConnection, who: &SignedIn) -> anyhow::Result<Result<Learner, Refusal>> {
    if who.account_type != AccountType::Citizen {
        return Ok(Err(Refusal::NotOnRegister));
    }
    let Some(born_on) = records::born_on(conn, &who.id_number).await? else {
        return Ok(Err(Refusal::NotOnRegister));
    };
    let licensed = db::licensed(conn, &who.id_number)
        .await?
        .map(|classes| classes.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default();
    let provisional = db::permits(conn, &who.id_number)
        .await?
        .into_iter()
        .filter_map(|row| Some((LicenceClass::parse(&row.class)?, calendar::parse_iso(&row.expires_on)?)))
        .collect();
    Ok(Ok(Learner {
        born_on,
        licensed,
        provisional,
    }))
}

pub async fn learner(state: &AppState, who: &SignedIn) -> anyhow::Result<Result<Learner, Refusal>> {
    let mut conn = state.pool.acquire().await?;
    learner_in(&mut conn, who).await
}

fn refused(refusal: Refusal) -> AppError {
    match refusal {
        Refusal::NotOnRegister => AppError::field("classes", "provisional-error-register"),
    }
}

/// The one step: the classes to learn, checked against the person's age, licence and permits today.
pub async fn choose(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    posted: &[String],
) -> Result<(), AppError> {
    let learner = learner(state, who).await?.map_err(refused)?;
    let chosen = learner.choose(posted, state.clock.today()).map_err(AppError::Invalid)?;
    let answers = Answers {
        holder: Some(who.id_number.clone()),
        classes: chosen,
    };
    applications::keep(state, who, application, &answers).await?;
    Ok(())
}

/// What must hold at submission (a permit approved or a birthday passed since the step): the fee, or `Err` to
/// send the person back to the step, whose page says why.
pub async fn ready(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
) -> Result<Result<&'static str, ()>, AppError> {
    let learner = learner(state, who).await?.map_err(refused)?;
    let answers: Answers = applications::answers(application);
    let posted: Vec<String> = answers.classes.iter().map(|class| class.code().to_string()).collect();
    if answers.classes.is_empty() || learner.choose(&posted, state.clock.today()).is_err() {
        return Ok(Err(()));
    }
    Ok(Ok(FEE))
}

/// An officer's approval puts one permit a class on the register, from the day of approval, in the decision's
/// transaction.
pub async fn on_approved(conn: &mut AnyConnection, application: &Application, now: i64) -> anyhow::Result<()> {
    let answers: Answers = applications::answers(application);
    let holder = answers
        .holder
        .context("an approved provisional licence without its holder")?;
    anyhow::ensure!(
        !answers.classes.is_empty(),
        "an approved provisional licence without classes"
    );
    let issued = calendar::date_of(now);
    let expires = domain::expires(issued).context("permit expiry")?;
    for class in &answers.classes {
        db::issue(
            conn,
            &db::Permit {
                holder_id_number: &holder,
                class: class.code(),
                application_id: application.id.as_str(),
                issued_on: &issued.to_string(),
                expires_on: &expires.to_string(),
            },
        )
        .await?;
    }
    Ok(())
}

/// The provisional licence, once approved: its classes and last day.
pub async fn slip(conn: &mut AnyConnection, application: &Application) -> anyhow::Result<Option<ServiceDocument>> {
    let permits = db::issued_by(conn, application.id.as_str()).await?;
    let Some(first) = permits.first() else {
        return Ok(None);
    };
    let classes: Vec<&str> = permits.iter().map(|permit| permit.class.as_str()).collect();
    Ok(Some(ServiceDocument {
        kind: Kind::ProvisionalLicence,
        classes: Some(classes.join(", ")),
        valid_until: Some(first.expires_on.clone()),
        smart: false,
        facts: Vec::new(),
    }))
}

/// The permits a completed application issued (its page shows them).
pub async fn issued(state: &AppState, application: &Application) -> anyhow::Result<Vec<db::PermitRow>> {
    let mut conn = state.pool.acquire().await?;
    db::issued_by(&mut conn, application.id.as_str()).await
}
