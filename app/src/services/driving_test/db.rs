//! The SQL of driving tests beyond the places (`appointments::db`): results recorded by officers, and a unit's
//! day as its officers see it. A person's passes are the register's (`records::db::passes`).

use sqlx::{AnyConnection, FromRow};

use crate::db::Pool;

/// A recorded result.
#[derive(Debug, Clone, FromRow)]
pub struct ResultRow {
    pub passed: i64,
    pub notes: String,
    pub day: String,
    pub valid_until: Option<String>,
}

pub async fn result_of(conn: &mut AnyConnection, application_id: &str) -> anyhow::Result<Option<ResultRow>> {
    Ok(
        sqlx::query_as("SELECT passed, notes, day, valid_until FROM driving_tests WHERE application_id = $1")
            .bind(application_id)
            .fetch_optional(conn)
            .await?,
    )
}

/// A result to record.
pub struct NewResult<'a> {
    pub application_id: &'a str,
    pub id_number: &'a str,
    pub class: &'a str,
    pub unit: &'a str,
    pub day: &'a str,
    pub passed: bool,
    pub notes: &'a str,
    pub valid_until: Option<&'a str>,
    pub recorded_by: &'a str,
}

/// Records a result once: false when the booking has one already.
pub async fn record(conn: &mut AnyConnection, r: &NewResult<'_>, now: i64) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO driving_tests (application_id, id_number, class, unit, day, passed, notes, valid_until, \
         recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING",
    )
    .bind(r.application_id)
    .bind(r.id_number)
    .bind(r.class)
    .bind(r.unit)
    .bind(r.day)
    .bind(i64::from(r.passed))
    .bind(r.notes)
    .bind(r.valid_until)
    .bind(r.recorded_by)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// One test of a unit's day, as its officers see it.
#[derive(Debug, Clone, FromRow)]
pub struct DayRow {
    pub application_id: String,
    pub reference: Option<String>,
    pub centre: String,
    pub day: String,
    pub slot: String,
    /// `id_number:class`.
    pub subject: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub passed: Option<i64>,
    pub notes: Option<String>,
}

const TESTS: &str = "SELECT b.application_id, a.reference, b.centre, b.day, b.slot, b.subject, ac.first_name, \
     ac.last_name, t.passed, t.notes FROM test_bookings b JOIN applications a ON a.id = b.application_id \
     JOIN accounts ac ON ac.id = a.account_id LEFT JOIN driving_tests t ON t.application_id = b.application_id \
     WHERE b.status IN ('booked', 'done')";

/// The tests booked at `unit` on `day`, by time and name.
pub async fn day_at(pool: &Pool, unit: &str, day: &str) -> anyhow::Result<Vec<DayRow>> {
    let sql = format!("{TESTS} AND b.centre = $1 AND b.day = $2 ORDER BY b.slot, ac.last_name, ac.first_name");
    Ok(sqlx::query_as(&sql).bind(unit).bind(day).fetch_all(pool).await?)
}

/// One booked test.
pub async fn test(pool: &Pool, application_id: &str) -> anyhow::Result<Option<DayRow>> {
    let sql = format!("{TESTS} AND b.application_id = $1");
    Ok(sqlx::query_as(&sql).bind(application_id).fetch_optional(pool).await?)
}

/// A booking at a unit, for recording its result: its place and subject, read in the caller's transaction.
#[derive(Debug, Clone, FromRow)]
pub struct Booked {
    pub centre: String,
    pub day: String,
    pub slot: String,
    pub status: String,
    pub subject: Option<String>,
    /// The learner's account.
    pub account_id: String,
}

pub async fn booked(conn: &mut AnyConnection, application_id: &str) -> anyhow::Result<Option<Booked>> {
    Ok(sqlx::query_as(
        "SELECT b.centre, b.day, b.slot, b.status, b.subject, a.account_id FROM test_bookings b \
             JOIN applications a ON a.id = b.application_id WHERE b.application_id = $1",
    )
    .bind(application_id)
    .fetch_optional(conn)
    .await?)
}
