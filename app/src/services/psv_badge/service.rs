//! The PSV badge on the application framework: the register's view of the applicant, the one step, what is checked
//! again at submission, and what an officer's approval puts on the register.

use anyhow::Context;
use sqlx::AnyConnection;

use super::{
    db,
    domain::{self, Answers, Person, Role, FEE},
};
use crate::{
    account_type::AccountType,
    applications::{domain::Application, service as applications},
    calendar,
    documents::domain::{Fact, Kind, ServiceDocument},
    error::{AppError, FieldError},
    records::service as records,
    state::AppState,
    web::guard::SignedIn,
};

/// What the register says of `who`; `None` for an account that is not a citizen's on the national register.
pub async fn person(state: &AppState, who: &SignedIn) -> anyhow::Result<Option<Person>> {
    if who.account_type != AccountType::Citizen {
        return Ok(None);
    }
    let mut conn = state.pool.acquire().await?;
    let Some(born_on) = records::born_on(&mut conn, &who.id_number).await? else {
        return Ok(None);
    };
    let licence = match db::licence_expiry(&mut conn, &who.id_number).await? {
        None => None,
        Some(expires) => {
            let expires = calendar::parse_iso(&expires).context("licence expiry")?;
            let classes = db::classes(&mut conn, &who.id_number)
                .await?
                .into_iter()
                .filter_map(|row| Some((row.class, calendar::parse_iso(&row.since)?)))
                .collect();
            Some((expires, classes))
        }
    };
    Ok(Some(Person { born_on, licence }))
}

/// The role's rules for `who` today: every one not met, as messages on the `role` field.
async fn check(state: &AppState, who: &SignedIn, role: Role) -> Result<(), AppError> {
    let person = person(state, who)
        .await?
        .ok_or_else(|| AppError::field("role", "badge-error-register"))?;
    let unmet = person.unmet(role, state.clock.today());
    if unmet.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(unmet.iter().map(|u| u.error()).collect()))
    }
}

/// The one step: the role and the certificate of good conduct's number, every problem at once.
pub async fn save(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    role: &str,
    conduct: &str,
) -> Result<(), AppError> {
    let mut errors = Vec::new();
    let role = Role::parse(role);
    if role.is_none() {
        errors.push(FieldError::new("role", "badge-error-role"));
    }
    let conduct = domain::parse_conduct(conduct).map_err(|e| errors.push(e)).ok();
    if let Some(role) = role {
        if let Err(AppError::Invalid(unmet)) = check(state, who, role).await {
            errors.splice(0..0, unmet);
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let answers = Answers {
        holder: Some(who.id_number.clone()),
        role,
        conduct,
    };
    applications::keep(state, who, application, &answers).await?;
    Ok(())
}

/// At submission the rules are checked again (a licence may have expired since): the fee, or `Err` to send the
/// person back to the step, whose page says why.
pub async fn ready(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
) -> Result<Result<&'static str, ()>, AppError> {
    let answers: Answers = applications::answers(application);
    let (Some(role), Some(_)) = (answers.role, answers.conduct) else {
        return Ok(Err(()));
    };
    Ok(match check(state, who, role).await {
        Ok(()) => Ok(FEE),
        Err(AppError::Invalid(_)) => Err(()),
        Err(other) => return Err(other),
    })
}

/// An officer's approval puts the badge on the register for a year, in the decision's transaction.
pub async fn on_approved(conn: &mut AnyConnection, application: &Application, now: i64) -> anyhow::Result<()> {
    let answers: Answers = applications::answers(application);
    let holder = answers.holder.context("an approved badge without its holder")?;
    let role = answers.role.context("an approved badge without its role")?;
    let issued = calendar::date_of(now);
    let expires = domain::expires(issued).context("badge expiry")?;
    db::issue(
        conn,
        &db::Badge {
            holder_id_number: &holder,
            kind: role.code(),
            application_id: application.id.as_str(),
            issued_on: &issued.to_string(),
            expires_on: &expires.to_string(),
        },
    )
    .await
}

/// The badge slip, once approved: the role and the last day.
pub async fn slip(conn: &mut AnyConnection, application: &Application) -> anyhow::Result<Option<ServiceDocument>> {
    let Some(badge) = db::issued_by(conn, application.id.as_str()).await? else {
        return Ok(None);
    };
    Ok(Some(ServiceDocument {
        kind: Kind::PsvBadge,
        classes: None,
        valid_until: Some(badge.expires_on),
        smart: false,
        facts: vec![Fact::message("badge-role", format!("badge-role-{}", badge.kind))],
    }))
}

/// The badge a completed application issued (its page shows it).
pub async fn issued(state: &AppState, application: &Application) -> anyhow::Result<Option<db::BadgeRow>> {
    let mut conn = state.pool.acquire().await?;
    db::issued_by(&mut conn, application.id.as_str()).await
}
