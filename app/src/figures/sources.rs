//! What one day held, read once by the rollup from the other features' tables (read only): applications started,
//! paid, decided and completed, payment attempts, driving tests and inspections, the server's health minutes.

use sqlx::{AnyConnection, FromRow};

/// Applications started (created) in `[from, to)`, by service.
#[derive(Debug, FromRow)]
pub struct Started {
    pub service: String,
    pub place: String,
    pub n: i64,
}

pub async fn started(conn: &mut AnyConnection, from: i64, to: i64) -> anyhow::Result<Vec<Started>> {
    Ok(sqlx::query_as(
        "SELECT service, COALESCE(centre, '') AS place, COUNT(*) AS n FROM applications \
          WHERE created_at >= $1 AND created_at < $2 GROUP BY service, COALESCE(centre, '')",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?)
}

/// Payments received in `[from, to)`, by service, centre and method.
#[derive(Debug, FromRow)]
pub struct Paid {
    pub service: String,
    pub place: String,
    pub method: String,
    pub n: i64,
}

pub async fn paid(conn: &mut AnyConnection, from: i64, to: i64) -> anyhow::Result<Vec<Paid>> {
    Ok(sqlx::query_as(
        "SELECT a.service, COALESCE(a.centre, '') AS place, p.method, COUNT(*) AS n \
           FROM payments p JOIN applications a ON a.id = p.application_id \
          WHERE p.paid_at >= $1 AND p.paid_at < $2 GROUP BY a.service, COALESCE(a.centre, ''), p.method",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?)
}

/// An application completed in `[from, to)` and how long it took from its start.
#[derive(Debug, FromRow)]
pub struct Completion {
    pub service: String,
    pub place: String,
    pub seconds: i64,
}

pub async fn completions(conn: &mut AnyConnection, from: i64, to: i64) -> anyhow::Result<Vec<Completion>> {
    Ok(sqlx::query_as(
        "SELECT a.service, COALESCE(a.centre, '') AS place, CAST(e.at - a.created_at AS BIGINT) AS seconds \
           FROM application_events e JOIN applications a ON a.id = e.application_id \
          WHERE e.status = 'completed' AND e.at >= $1 AND e.at < $2",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?)
}

/// Payment attempts that ended in `[from, to)`: M-Pesa prompts settled (paid, or failed with M-Pesa's result
/// code), card checkouts closed (paid, declined, or left until they expired), counter payments (always paid).
#[derive(Debug, FromRow)]
pub struct Attempt {
    pub method: String,
    pub outcome: String,
    pub n: i64,
}

pub async fn attempts(conn: &mut AnyConnection, from: i64, to: i64) -> anyhow::Result<Vec<Attempt>> {
    Ok(sqlx::query_as(
        "SELECT 'mpesa' AS method, \
                CASE WHEN status = 'paid' THEN 'paid' ELSE CAST(COALESCE(result_code, -1) AS TEXT) END AS outcome, \
                COUNT(*) AS n \
           FROM mpesa_requests WHERE status IN ('paid', 'failed') AND settled_at >= $1 AND settled_at < $2 \
          GROUP BY CASE WHEN status = 'paid' THEN 'paid' ELSE CAST(COALESCE(result_code, -1) AS TEXT) END \
         UNION ALL \
         SELECT 'card', status, COUNT(*) FROM card_sessions \
          WHERE status <> 'open' AND closed_at >= $1 AND closed_at < $2 GROUP BY status \
         UNION ALL \
         SELECT 'counter', 'paid', COUNT(*) FROM payments WHERE method = 'counter' AND paid_at >= $1 AND paid_at < $2",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?)
}

/// Minutes from `from` to `to` (unix minutes, `to` excluded) in which the database answered.
pub async fn minutes_up(conn: &mut AnyConnection, from: i64, to: i64) -> anyhow::Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM health_minutes WHERE minute >= $1 AND minute < $2")
            .bind(from)
            .bind(to)
            .fetch_one(conn)
            .await?,
    )
}

/// The first minute ever recorded: availability counts from there.
pub async fn first_minute(conn: &mut AnyConnection) -> anyhow::Result<Option<i64>> {
    Ok(sqlx::query_scalar("SELECT MIN(minute) FROM health_minutes")
        .fetch_one(conn)
        .await?)
}

/// An officer's decision in `[from, to)`: approved or rejected, why (the reason as stored), and how long after
/// the payment it came. The payment is found through the application's own events: `status || ''` keeps SQLite's
/// planner (which has no statistics) off the (status, at) index, which would read every payment before the
/// decision, once per decision (a generated year's rollup took minutes a day that way).
#[derive(Debug, FromRow)]
pub struct Decision {
    pub service: String,
    pub place: String,
    pub status: String,
    pub reason: String,
    pub seconds: i64,
}

pub async fn decisions(conn: &mut AnyConnection, from: i64, to: i64) -> anyhow::Result<Vec<Decision>> {
    Ok(sqlx::query_as(
        "SELECT a.service, COALESCE(a.centre, '') AS place, e.status, COALESCE(a.decision_reason, '') AS reason, \
                CAST(e.at - COALESCE((SELECT MAX(p.at) FROM application_events p WHERE p.application_id = e.application_id \
                                      AND p.status || '' = 'paid' AND p.at <= e.at), e.at) AS BIGINT) AS seconds \
           FROM application_events e JOIN applications a ON a.id = e.application_id \
          WHERE e.status IN ('approved', 'rejected') AND e.at >= $1 AND e.at < $2",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?)
}

/// Driving tests recorded in `[from, to)`, by test unit and result.
#[derive(Debug, FromRow)]
pub struct Tested {
    pub place: String,
    pub passed: i64,
    pub n: i64,
}

pub async fn tests(conn: &mut AnyConnection, from: i64, to: i64) -> anyhow::Result<Vec<Tested>> {
    Ok(sqlx::query_as(
        "SELECT unit AS place, CAST(passed AS BIGINT) AS passed, COUNT(*) AS n FROM driving_tests \
          WHERE recorded_at >= $1 AND recorded_at < $2 GROUP BY unit, passed",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?)
}

/// Inspections booked for `day` (ISO) that were not cancelled or let lapse, by centre. Uraia books inspections;
/// their results stay in the centre's own system, so there is no pass rate to count yet.
#[derive(Debug, FromRow)]
pub struct Inspected {
    pub place: String,
    pub n: i64,
}

pub async fn inspections(conn: &mut AnyConnection, day: &str) -> anyhow::Result<Vec<Inspected>> {
    Ok(sqlx::query_as(
        "SELECT centre AS place, COUNT(*) AS n FROM inspection_bookings \
          WHERE day = $1 AND status IN ('booked', 'done', 'past') GROUP BY centre",
    )
    .bind(day)
    .fetch_all(conn)
    .await?)
}
