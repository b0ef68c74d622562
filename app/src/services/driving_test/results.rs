//! The officers' side of driving tests: a test unit's day, and a result recorded once per booking by an officer
//! at the unit (or a supervisor), after the test's start time. Every result is in the audit log.

use anyhow::Context;

use super::{
    db::{self, DayRow, NewResult},
    domain::{self, Outcome, CODE},
    service::TABLES,
};
use crate::{
    applications::{domain::ApplicationId, service as applications},
    appointments::{
        db::{self as places, Place},
        domain::starts_at,
    },
    calendar,
    db::begin_write,
    error::AppError,
    staff::{
        decisions::tell_applicant,
        domain::{Permission, Staff},
        service::{self as staff, Actor},
    },
    state::AppState,
};

/// The test units a staff member may record results at: an officer's own unit, or every unit for a supervisor or
/// an officer of every centre. None: not theirs to record (a refusal the pages show as 404).
pub async fn units(state: &AppState, who: &Staff) -> anyhow::Result<Vec<Place>> {
    if !who.may(Permission::Decide) || !who.serves(CODE) {
        return Ok(Vec::new());
    }
    let all = places::places(&state.pool, &TABLES).await?;
    Ok(match &who.centre {
        Some(centre) => all.into_iter().filter(|u| &u.code == centre).collect(),
        None => all,
    })
}

/// One booked test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Test {
    pub application_id: String,
    pub reference: String,
    pub unit: String,
    pub day: jiff::civil::Date,
    pub slot: String,
    pub name: String,
    pub id_number: String,
    pub class: String,
    /// The recorded result: passed, and the notes.
    pub result: Option<(bool, String)>,
    /// Whether the test has started (a result may be recorded).
    pub started: bool,
}

fn test_of(row: DayRow, now: i64) -> Option<Test> {
    let day = calendar::parse_iso(&row.day)?;
    let (id_number, class) = row.subject.as_deref()?.split_once(':')?;
    Some(Test {
        started: starts_at(day, &row.slot).is_some_and(|at| at <= now),
        result: row.passed.map(|passed| (passed == 1, row.notes.unwrap_or_default())),
        reference: row.reference.unwrap_or_default(),
        name: format!("{} {}", row.first_name, row.last_name),
        id_number: id_number.to_string(),
        class: class.to_string(),
        application_id: row.application_id,
        unit: row.centre,
        slot: row.slot,
        day,
    })
}

/// The tests at `unit` on `day`.
pub async fn day(state: &AppState, unit: &Place, day: jiff::civil::Date) -> anyhow::Result<Vec<Test>> {
    let now = state.clock.now();
    let rows = db::day_at(&state.pool, &unit.code, &day.to_string()).await?;
    Ok(rows.into_iter().filter_map(|row| test_of(row, now)).collect())
}

/// A booked test at one of the staff member's units, and its unit; `None` for anything else.
pub async fn test(state: &AppState, who: &Staff, application_id: &str) -> anyhow::Result<Option<(Place, Test)>> {
    let Some(row) = db::test(&state.pool, application_id).await? else {
        return Ok(None);
    };
    let Some(test) = test_of(row, state.clock.now()) else {
        return Ok(None);
    };
    let unit = units(state, who).await?.into_iter().find(|u| u.code == test.unit);
    Ok(unit.map(|unit| (unit, test)))
}

/// What recording a result did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    Done,
    /// The test has not started yet.
    NotStarted,
    /// A result is recorded already (another officer, or a double click).
    Already,
    /// The officer's own test: someone else records it.
    OwnTest,
    /// Not a booked test at a unit this person records for.
    NotAllowed,
}

/// Records `outcome` for the booked test `application_id`: the booking becomes `done` and the result is kept in
/// one transaction, with the audit line and the learner's message. A pass's certificate runs three months from the
/// test day.
pub async fn record(
    state: &AppState,
    who: &Staff,
    client: &str,
    application_id: &str,
    outcome: &Outcome,
) -> Result<Recorded, AppError> {
    let units = units(state, who).await?;
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    let Some(booked) = db::booked(&mut tx, application_id).await? else {
        return Ok(Recorded::NotAllowed);
    };
    if !units.iter().any(|u| u.code == booked.centre) {
        return Ok(Recorded::NotAllowed);
    }
    if booked.account_id == who.account.as_str() {
        return Ok(Recorded::OwnTest);
    }
    let day = calendar::parse_iso(&booked.day).context("test day")?;
    if booked.status == "done" {
        return Ok(Recorded::Already);
    }
    if booked.status != "booked" {
        return Ok(Recorded::NotAllowed);
    }
    if starts_at(day, &booked.slot).is_none_or(|at| at > now) {
        return Ok(Recorded::NotStarted);
    }
    let (id_number, class) = booked
        .subject
        .as_deref()
        .and_then(|s| s.split_once(':'))
        .context("a test booking without its learner")?;
    if !places::advance(&mut tx, &TABLES, application_id, "booked", "done").await? {
        return Ok(Recorded::Already);
    }
    let valid_until = outcome
        .passed
        .then(|| domain::certificate_until(day))
        .flatten()
        .map(|d| d.to_string());
    let result = NewResult {
        application_id,
        id_number,
        class,
        unit: &booked.centre,
        day: &booked.day,
        passed: outcome.passed,
        notes: &outcome.notes,
        valid_until: valid_until.as_deref(),
        recorded_by: who.account.as_str(),
    };
    if !db::record(&mut tx, &result, now).await? {
        return Ok(Recorded::Already);
    }
    let after = if outcome.passed { "pass" } else { "fail" };
    staff::record(
        &mut tx,
        Actor::staff(who, client),
        "test-result",
        application_id,
        "booked",
        after,
        now,
    )
    .await?;
    // The learner hears of it by SMS and email, as of any decision.
    let id = ApplicationId::parse(application_id).context("a test's application id")?;
    let application = applications::by_id_in(&mut tx, &id)
        .await?
        .context("a test without its application")?;
    let key = if outcome.passed {
        "message-test-passed"
    } else {
        "message-test-failed"
    };
    let date = |lang| vec![("date", calendar::long_date(lang, day))];
    tell_applicant(&mut tx, &application, key, date, now).await?;
    tx.commit().await.context("recording a test result")?;
    Ok(Recorded::Done)
}

/// A learner's result for the booking, if recorded: passed, the notes and the certificate's last day.
pub async fn result_of(state: &AppState, application_id: &str) -> anyhow::Result<Option<db::ResultRow>> {
    let mut conn = state.pool.acquire().await?;
    db::result_of(&mut conn, application_id).await
}
