//! The SQL for refunds. What is owed is read from where the money is recorded (credits, payments of rejected
//! applications, money under no reference); a refund row exists from the first approval on. Approving is one
//! `INSERT ... ON CONFLICT` (a failed refund is taken again by the same statement), settling one conditional
//! `UPDATE`, so of ten approvals or two results exactly one acts.

use sqlx::{AnyConnection, FromRow};

use super::domain::{RefundStatus, Source};
use crate::db::Pool;

/// Money owed back that nobody has refunded yet (or whose refund failed).
#[derive(Debug, Clone, FromRow)]
pub struct Owed {
    pub source: Source,
    pub source_id: String,
    pub application_id: Option<String>,
    pub reference: Option<String>,
    pub method: String,
    pub paid_receipt: String,
    pub amount_kes: i64,
    /// M-Pesa: the phone that paid (where B2C sends it back).
    pub phone: Option<String>,
    pub since: i64,
    /// `paid-twice`, `wrong-amount`, `rejected`, `unknown-prompt` or `unknown-reference`.
    pub why: String,
    /// Why the last refund of it failed.
    pub failure: Option<String>,
}

/// The phone an M-Pesa receipt was paid from: its prompt's, or its Paybill payment's.
fn phone_of(receipt: &str) -> String {
    format!(
        "COALESCE((SELECT m.phone FROM mpesa_requests m WHERE m.receipt = {receipt} OR m.checkout_request_id = \
         {receipt} LIMIT 1), (SELECT v.msisdn FROM mpesa_confirmations v WHERE v.trans_id = {receipt}))"
    )
}

/// Every source of money owed, as one query (`Owed`'s columns). A counter payment is refunded at the counter.
fn owed_sql() -> String {
    let open = "(r.id IS NULL OR r.status = 'failed')";
    format!(
        "SELECT 'credit' AS source, c.id AS source_id, c.application_id, a.reference, c.method, \
                c.receipt AS paid_receipt, c.amount_kes, {credit_phone} AS phone, c.created_at AS since, \
                CASE WHEN EXISTS (SELECT 1 FROM payments p WHERE p.application_id = c.application_id) \
                     THEN 'paid-twice' ELSE 'wrong-amount' END AS why, r.failure \
           FROM payment_credits c JOIN applications a ON a.id = c.application_id \
           LEFT JOIN refunds r ON r.source = 'credit' AND r.source_id = c.id \
          WHERE c.refunded_at IS NULL AND c.method <> 'counter' AND {open} \
         UNION ALL \
         SELECT 'application', p.application_id, p.application_id, a.reference, p.method, p.receipt, p.amount_kes, \
                {paid_phone}, a.updated_at, 'rejected', r.failure \
           FROM payments p JOIN applications a ON a.id = p.application_id \
           LEFT JOIN refunds r ON r.source = 'application' AND r.source_id = p.application_id \
          WHERE a.status = 'rejected' AND p.method <> 'counter' AND {open} \
         UNION ALL \
         SELECT 'investigation', i.id, NULL, NULL, 'mpesa', i.receipt, i.amount_kes, i.phone, i.created_at, i.kind, \
                r.failure \
           FROM payment_investigations i \
           LEFT JOIN refunds r ON r.source = 'investigation' AND r.source_id = i.id \
          WHERE i.resolved_at IS NULL AND i.kind IN ('unknown-prompt', 'unknown-reference') \
            AND i.receipt IS NOT NULL AND i.amount_kes IS NOT NULL AND i.phone IS NOT NULL AND {open}",
        credit_phone = phone_of("c.receipt"),
        paid_phone = phone_of("p.receipt"),
    )
}

/// What is owed, oldest first.
pub async fn owed(pool: &Pool, limit: i64) -> anyhow::Result<Vec<Owed>> {
    let sql = format!(
        "SELECT * FROM ({}) o ORDER BY since, source_id LIMIT {limit}",
        owed_sql()
    );
    Ok(sqlx::query_as(&sql).fetch_all(pool).await?)
}

/// One thing owed, read in the approving transaction.
pub async fn owed_one(conn: &mut AnyConnection, source: Source, id: &str) -> anyhow::Result<Option<Owed>> {
    let sql = format!("SELECT * FROM ({}) o WHERE source = $1 AND source_id = $2", owed_sql());
    Ok(sqlx::query_as(&sql)
        .bind(source.code())
        .bind(id)
        .fetch_optional(conn)
        .await?)
}

/// A refund as recorded.
#[derive(Debug, Clone, FromRow)]
pub struct Refund {
    pub id: String,
    pub source: Source,
    pub source_id: String,
    pub application_id: Option<String>,
    pub method: String,
    pub paid_receipt: String,
    pub phone: Option<String>,
    pub amount_kes: i64,
    pub status: RefundStatus,
    pub receipt: Option<String>,
    pub failure: Option<String>,
    pub approved_at: i64,
    pub settled_at: Option<i64>,
}

const COLUMNS: &str = "id, source, source_id, application_id, method, paid_receipt, phone, amount_kes, status, \
                       receipt, failure, approved_at, settled_at";

/// Takes `owed` for refunding as `id`: a new refund, or a failed one approved again. `None`: another approval took
/// it first (it is being sent, or was refunded).
pub async fn take(
    conn: &mut AnyConnection,
    id: &str,
    owed: &Owed,
    approved_by: &str,
    now: i64,
) -> anyhow::Result<Option<Refund>> {
    let sql = format!(
        "INSERT INTO refunds (id, source, source_id, application_id, method, paid_receipt, phone, amount_kes, status, \
                              approved_by, approved_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'sending', $9, $10) \
         ON CONFLICT (source, source_id) DO UPDATE SET id = excluded.id, status = 'sending', failure = NULL, \
             receipt = NULL, conversation_id = NULL, phone = excluded.phone, approved_by = excluded.approved_by, \
             approved_at = excluded.approved_at, asked_at = NULL \
         WHERE refunds.status = 'failed' \
         RETURNING {COLUMNS}"
    );
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .bind(owed.source.code())
        .bind(&owed.source_id)
        .bind(&owed.application_id)
        .bind(&owed.method)
        .bind(&owed.paid_receipt)
        .bind(&owed.phone)
        .bind(owed.amount_kes)
        .bind(approved_by)
        .bind(now)
        .fetch_optional(conn)
        .await?)
}

pub async fn by_id(conn: &mut AnyConnection, id: &str) -> anyhow::Result<Option<Refund>> {
    let sql = format!("SELECT {COLUMNS} FROM refunds WHERE id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_optional(conn).await?)
}

/// M-Pesa accepted the request: the result is awaited.
pub async fn sent(conn: &mut AnyConnection, id: &str, conversation_id: &str) -> anyhow::Result<bool> {
    let done =
        sqlx::query("UPDATE refunds SET status = 'sent', conversation_id = $2 WHERE id = $1 AND status = 'sending'")
            .bind(id)
            .bind(conversation_id)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Keeps what a result said of a refund still open (M-Pesa's own books are asked before it is settled).
pub async fn note_result(conn: &mut AnyConnection, id: &str, failure: Option<&str>) -> anyhow::Result<bool> {
    let done = sqlx::query("UPDATE refunds SET failure = $2 WHERE id = $1 AND status IN ('sending', 'sent')")
        .bind(id)
        .bind(failure)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Settles an open refund: `refunded` with the gateway's receipt, or `failed` with why. `None`: settled before.
pub async fn settle(
    conn: &mut AnyConnection,
    id: &str,
    status: RefundStatus,
    receipt: Option<&str>,
    failure: Option<&str>,
    now: i64,
) -> anyhow::Result<Option<Refund>> {
    let sql = format!(
        "UPDATE refunds SET status = $2, receipt = $3, failure = $4, settled_at = $5 \
         WHERE id = $1 AND status IN ('sending', 'sent') RETURNING {COLUMNS}"
    );
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .bind(status.code())
        .bind(receipt)
        .bind(failure)
        .bind(now)
        .fetch_optional(conn)
        .await?)
}

/// What the refund paid back is no longer owed: its credit is refunded, its investigation resolved.
pub async fn close_source(conn: &mut AnyConnection, refund: &Refund, now: i64) -> anyhow::Result<()> {
    let sql = match refund.source {
        Source::Credit => "UPDATE payment_credits SET refunded_at = $2 WHERE id = $1 AND refunded_at IS NULL",
        Source::Investigation => {
            "UPDATE payment_investigations SET resolved_at = $2, resolution = 'refunded' \
             WHERE id = $1 AND resolved_at IS NULL"
        }
        Source::Application => return Ok(()),
    };
    sqlx::query(sql).bind(&refund.source_id).bind(now).execute(conn).await?;
    Ok(())
}

/// Claims up to `limit` refunds whose result has not come `late` seconds after approval, and that nobody asked
/// about in the last `every` seconds: one statement, so two processes never ask about the same one.
pub async fn claim_unanswered(pool: &Pool, now: i64, late: i64, every: i64, limit: i64) -> anyhow::Result<Vec<Refund>> {
    let sql = format!(
        "UPDATE refunds SET asked_at = $1 WHERE id IN (SELECT id FROM refunds WHERE status IN ('sending', 'sent') \
           AND approved_at <= $2 AND (asked_at IS NULL OR asked_at <= $3) ORDER BY approved_at LIMIT {limit}) \
           AND status IN ('sending', 'sent') RETURNING {COLUMNS}"
    );
    Ok(sqlx::query_as(&sql)
        .bind(now)
        .bind(now - late)
        .bind(now - every)
        .fetch_all(pool)
        .await?)
}

/// Refunds of an application, oldest first (its page and the staff's).
pub async fn of_application(pool: &Pool, application: &str) -> anyhow::Result<Vec<Refund>> {
    let sql = format!("SELECT {COLUMNS} FROM refunds WHERE application_id = $1 ORDER BY approved_at");
    Ok(sqlx::query_as(&sql).bind(application).fetch_all(pool).await?)
}

/// Refunds being sent or settled lately, newest first (the supervisors' page).
pub async fn recent(pool: &Pool, limit: i64) -> anyhow::Result<Vec<Refund>> {
    let sql = format!("SELECT {COLUMNS} FROM refunds WHERE status <> 'failed' ORDER BY approved_at DESC LIMIT {limit}");
    Ok(sqlx::query_as(&sql).fetch_all(pool).await?)
}

/// One thing to investigate.
#[derive(Debug, Clone, FromRow)]
pub struct Investigation {
    pub id: String,
    /// `unknown-prompt`, `unknown-reference` or `contradiction`.
    pub kind: String,
    pub application_id: Option<String>,
    pub receipt: Option<String>,
    pub amount_kes: Option<i64>,
    pub phone: Option<String>,
    pub detail: String,
    pub created_at: i64,
    /// A refund of it under way (`sending`, `sent`).
    pub refunding: Option<String>,
}

/// What is open, oldest first.
pub async fn open_investigations(pool: &Pool) -> anyhow::Result<Vec<Investigation>> {
    Ok(sqlx::query_as(
        "SELECT i.id, i.kind, i.application_id, i.receipt, i.amount_kes, i.phone, i.detail, i.created_at, \
                r.status AS refunding \
           FROM payment_investigations i \
           LEFT JOIN refunds r ON r.source = 'investigation' AND r.source_id = i.id AND r.status IN ('sending', 'sent') \
          WHERE i.resolved_at IS NULL ORDER BY i.created_at, i.id LIMIT 200",
    )
    .fetch_all(pool)
    .await?)
}

/// Resolves an open investigation nobody is refunding (`money`: only money, which can be attached), in one
/// statement; its receipt and amount, or `None` when it was not open.
pub async fn resolve(
    conn: &mut AnyConnection,
    id: &str,
    money: bool,
    resolution: &str,
    by: &str,
    now: i64,
) -> anyhow::Result<Option<(Option<String>, Option<i64>)>> {
    let money = if money {
        "AND kind IN ('unknown-prompt', 'unknown-reference') AND receipt IS NOT NULL AND amount_kes IS NOT NULL"
    } else {
        ""
    };
    let sql = format!(
        "UPDATE payment_investigations SET resolved_at = $2, resolution = $3, resolved_by = $4 \
          WHERE id = $1 AND resolved_at IS NULL {money} \
            AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.source = 'investigation' AND r.source_id = $1 \
                            AND r.status <> 'failed') \
         RETURNING receipt, amount_kes"
    );
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .bind(now)
        .bind(resolution)
        .bind(by)
        .fetch_optional(conn)
        .await?)
}
