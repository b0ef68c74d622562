//! The SQL of the daily reconciliation. A day is claimed by inserting its row (the first process wins); its
//! receipts and lost prompts are gathered in `INSERT ... SELECT`s; each gateway answer is one conditional `UPDATE`
//! of an `asked` item, so a repeated answer changes nothing.

use sqlx::{AnyConnection, FromRow};

use super::why;
use crate::db::Pool;

/// Claims `day` for this process; false when another process has it (or had it).
pub async fn claim(conn: &mut AnyConnection, day: &str, now: i64) -> anyhow::Result<bool> {
    let done = sqlx::query("INSERT INTO reconciliations (day, started_at) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(day)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Gathers what Uraia recorded as received between `from` and `to`: payments, credits, and money under no
/// application. An M-Pesa payment without a receipt (confirmed by a status query) cannot be asked about: it is a
/// difference at once. So is a lost prompt (see `lost_prompts`). How many items.
pub async fn gather(conn: &mut AnyConnection, day: &str, from: i64, to: i64) -> anyhow::Result<u64> {
    let mut items = 0;
    for sql in [
        "INSERT INTO reconciliation_items (day, method, receipt, recorded_kes, state) \
         SELECT $1, method, receipt, amount_kes, 'asked' FROM payments \
          WHERE paid_at >= $2 AND paid_at < $3 AND method IN ('mpesa', 'card') ON CONFLICT DO NOTHING",
        "INSERT INTO reconciliation_items (day, method, receipt, recorded_kes, state) \
         SELECT $1, method, receipt, amount_kes, 'asked' FROM payment_credits \
          WHERE created_at >= $2 AND created_at < $3 AND method IN ('mpesa', 'card') ON CONFLICT DO NOTHING",
        "INSERT INTO reconciliation_items (day, method, receipt, recorded_kes, state) \
         SELECT $1, 'mpesa', receipt, amount_kes, 'asked' FROM payment_investigations \
          WHERE created_at >= $2 AND created_at < $3 AND receipt IS NOT NULL AND amount_kes IS NOT NULL \
            AND kind IN ('unknown-prompt', 'unknown-reference') ON CONFLICT DO NOTHING",
    ] {
        let done = sqlx::query(sql)
            .bind(day)
            .bind(from)
            .bind(to)
            .execute(&mut *conn)
            .await?;
        items += done.rows_affected();
    }
    sqlx::query(
        "UPDATE reconciliation_items SET state = 'difference', why = $2 \
         WHERE day = $1 AND method = 'mpesa' AND state = 'asked' AND LENGTH(receipt) <> 10",
    )
    .bind(day)
    .bind(why::NO_RECEIPT)
    .execute(&mut *conn)
    .await?;
    Ok(items + lost_prompts(conn, day, from, to).await?)
}

/// Prompts of the day that never heard M-Pesa's answer (still `sending`: the process stopped, or M-Pesa did not
/// answer, between sending a push and keeping its CheckoutRequestID) for an application not paid since. M-Pesa may
/// have taken the money, and without that ID nobody can ask it, so each is a difference under the application's
/// reference (the account reference M-Pesa's statement shows), its reason kept as `why::kept` writes it: the key,
/// then the amount, phone and time to look for.
async fn lost_prompts(conn: &mut AnyConnection, day: &str, from: i64, to: i64) -> anyhow::Result<u64> {
    let done = sqlx::query(
        "INSERT INTO reconciliation_items (day, method, receipt, state, why) \
         SELECT $1, 'mpesa', a.reference, 'difference', \
                $4 || ' ' || CAST(r.amount_kes AS TEXT) || ' ' || r.phone || ' ' || CAST(r.created_at AS TEXT) \
           FROM mpesa_requests r JOIN applications a ON a.id = r.application_id \
          WHERE r.status = 'sending' AND r.created_at >= $2 AND r.created_at < $3 AND a.reference IS NOT NULL \
            AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.application_id = r.application_id) \
         ON CONFLICT DO NOTHING",
    )
    .bind(day)
    .bind(from)
    .bind(to)
    .bind(why::LOST_PROMPT)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// Up to `limit` receipts of `day` still waiting for `method`'s word, after `after` (in receipt order).
pub async fn asked(pool: &Pool, day: &str, method: &str, after: &str, limit: i64) -> anyhow::Result<Vec<String>> {
    Ok(sqlx::query_scalar(&format!(
        "SELECT receipt FROM reconciliation_items WHERE day = $1 AND method = $2 AND state = 'asked' \
         AND receipt > $3 ORDER BY receipt LIMIT {limit}"
    ))
    .bind(day)
    .bind(method)
    .bind(after)
    .fetch_all(pool)
    .await?)
}

/// A gateway's word on a receipt waiting for it: `confirmed` the amount it received (`None`: none, and `why`).
/// False when no item waited for it (answered before, or never asked).
pub async fn answer(
    conn: &mut AnyConnection,
    method: &str,
    receipt: &str,
    confirmed: Option<i64>,
    why: &str,
) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE reconciliation_items SET confirmed_kes = $3, \
             state = CASE WHEN recorded_kes = $3 THEN 'matched' ELSE 'difference' END, \
             why = CASE WHEN recorded_kes = $3 THEN NULL WHEN $3 IS NULL THEN $4 ELSE $5 END \
         WHERE method = $1 AND receipt = $2 AND state = 'asked'",
    )
    .bind(method)
    .bind(receipt)
    .bind(confirmed)
    .bind(why)
    .bind(why::AMOUNTS_DIFFER)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Money a gateway received that Uraia has no record of.
pub async fn unrecorded(
    conn: &mut AnyConnection,
    day: &str,
    method: &str,
    receipt: &str,
    confirmed: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO reconciliation_items (day, method, receipt, confirmed_kes, state, why) \
         VALUES ($1, $2, $3, $4, 'difference', $5) ON CONFLICT DO NOTHING",
    )
    .bind(day)
    .bind(method)
    .bind(receipt)
    .bind(confirmed)
    .bind(why::UNRECORDED)
    .execute(conn)
    .await?;
    Ok(())
}

/// Every item of `day` and `method` still waiting becomes a difference, with why.
pub async fn close_asked(conn: &mut AnyConnection, day: &str, method: &str, why: &str) -> anyhow::Result<u64> {
    let done = sqlx::query(
        "UPDATE reconciliation_items SET state = 'difference', why = $3 \
         WHERE day = $1 AND method = $2 AND state = 'asked'",
    )
    .bind(day)
    .bind(method)
    .bind(why)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// Days started before `before` and not finished.
pub async fn unfinished(pool: &Pool, before: i64) -> anyhow::Result<Vec<String>> {
    Ok(
        sqlx::query_scalar("SELECT day FROM reconciliations WHERE finished_at IS NULL AND started_at <= $1")
            .bind(before)
            .fetch_all(pool)
            .await?,
    )
}

/// Closes `day`: its counts, and when.
pub async fn finish(conn: &mut AnyConnection, day: &str, now: i64) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE reconciliations SET finished_at = $2, \
             items = (SELECT COUNT(*) FROM reconciliation_items WHERE day = $1), \
             differences = (SELECT COUNT(*) FROM reconciliation_items WHERE day = $1 AND state = 'difference') \
         WHERE day = $1 AND finished_at IS NULL",
    )
    .bind(day)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// A reconciled (or reconciling) day.
#[derive(Debug, Clone, FromRow)]
pub struct Day {
    pub day: String,
    pub started_at: i64,
    pub finished_at: Option<i64>,
    pub items: i64,
    pub differences: i64,
}

pub async fn days(pool: &Pool, limit: i64) -> anyhow::Result<Vec<Day>> {
    Ok(sqlx::query_as(&format!(
        "SELECT day, started_at, finished_at, items, differences FROM reconciliations ORDER BY day DESC LIMIT {limit}"
    ))
    .fetch_all(pool)
    .await?)
}

/// One difference.
#[derive(Debug, Clone, FromRow)]
pub struct Difference {
    pub method: String,
    pub receipt: String,
    pub recorded_kes: Option<i64>,
    pub confirmed_kes: Option<i64>,
    pub why: Option<String>,
}

pub async fn differences(pool: &Pool, day: &str, limit: i64) -> anyhow::Result<Vec<Difference>> {
    Ok(sqlx::query_as(&format!(
        "SELECT method, receipt, recorded_kes, confirmed_kes, why FROM reconciliation_items \
         WHERE day = $1 AND state = 'difference' ORDER BY method, receipt LIMIT {limit}"
    ))
    .bind(day)
    .fetch_all(pool)
    .await?)
}
