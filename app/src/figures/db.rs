//! The SQL of figures: what one day held (read once, by the rollup), the day's claim and counts, the server's
//! health minutes, and sums of the counts over a range of days (what the pages read).

use sqlx::{AnyConnection, FromRow};

use crate::db::Pool;

/// Applications started (created) in `[from, to)`, by service.
#[derive(Debug, FromRow)]
pub struct Started {
    pub service: String,
    pub n: i64,
}

pub async fn started(conn: &mut AnyConnection, from: i64, to: i64) -> anyhow::Result<Vec<Started>> {
    Ok(sqlx::query_as(
        "SELECT service, COUNT(*) AS n FROM applications WHERE created_at >= $1 AND created_at < $2 GROUP BY service",
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

/// Records that the database answered in `minute` (each process writes it; once is enough).
pub async fn record_minute(pool: &Pool, minute: i64) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO health_minutes (minute) VALUES ($1) ON CONFLICT DO NOTHING")
        .bind(minute)
        .execute(pool)
        .await?;
    Ok(())
}

/// The last day rolled up, and the earliest unix time anything was recorded (where the first rollup starts).
pub async fn last_rolled(pool: &Pool) -> anyhow::Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT MAX(day) FROM daily_rollups")
        .fetch_one(pool)
        .await?)
}

pub async fn first_record(pool: &Pool) -> anyhow::Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT MIN(t) FROM (SELECT MIN(created_at) AS t FROM applications \
                              UNION ALL SELECT MIN(minute) * 60 FROM health_minutes) f",
    )
    .fetch_one(pool)
    .await?)
}

/// Claims `day` for rolling up; false when another process (or an earlier pass) has.
pub async fn claim_day(conn: &mut AnyConnection, day: &str, now: i64) -> anyhow::Result<bool> {
    let done = sqlx::query("INSERT INTO daily_rollups (day, made_at) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(day)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// One count of a day, as stored.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Count {
    pub figure: String,
    pub service: String,
    pub place: String,
    pub item: String,
    pub value: i64,
}

pub async fn put(conn: &mut AnyConnection, day: &str, count: &Count) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO daily_figures (day, figure, service, place, item, value) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(day)
        .bind(&count.figure)
        .bind(&count.service)
        .bind(&count.place)
        .bind(&count.item)
        .bind(count.value)
        .execute(conn)
        .await?;
    Ok(())
}

/// The counts of `figures` summed over the days `from` to `to` (ISO dates, inclusive), by service, place and item.
pub async fn totals(pool: &Pool, figures: &[&str], from: &str, to: &str) -> anyhow::Result<Vec<Count>> {
    let wanted = (0..figures.len())
        .map(|i| format!("${}", i + 3))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT figure, service, place, item, CAST(SUM(value) AS BIGINT) AS value FROM daily_figures \
          WHERE day >= $1 AND day <= $2 AND figure IN ({wanted}) \
          GROUP BY figure, service, place, item ORDER BY figure, service, place, item"
    );
    let mut query = sqlx::query_as(&sql).bind(from).bind(to);
    for figure in figures {
        query = query.bind(*figure);
    }
    Ok(query.fetch_all(pool).await?)
}

/// A figure's counts day by day (summed over services, places and items), from `from` to `to`.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct DayCount {
    pub day: String,
    pub value: i64,
}

pub async fn by_day(pool: &Pool, figure: &str, from: &str, to: &str) -> anyhow::Result<Vec<DayCount>> {
    Ok(sqlx::query_as(
        "SELECT day, CAST(SUM(value) AS BIGINT) AS value FROM daily_figures \
          WHERE figure = $1 AND day >= $2 AND day <= $3 GROUP BY day ORDER BY day",
    )
    .bind(figure)
    .bind(from)
    .bind(to)
    .fetch_all(pool)
    .await?)
}
