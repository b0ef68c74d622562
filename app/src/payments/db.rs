//! The SQL for payments. Every settlement is one conditional statement (`WHERE status = 'pending'`), so of a
//! callback, its duplicate and a reconciler's query exactly one settles a request; confirmations and receipts are
//! unique, so a repeated one inserts nothing.

use sqlx::{AnyConnection, FromRow};

use super::domain::RequestStatus;
use crate::{applications::domain::ApplicationId, db::Pool, fees::domain::Shillings};

/// One STK push.
#[derive(Debug, Clone, FromRow)]
pub struct MpesaRequest {
    pub id: String,
    pub application_id: String,
    /// `2547…`
    pub phone: String,
    pub amount_kes: i64,
    pub status: RequestStatus,
    pub checkout_request_id: Option<String>,
    pub result_code: Option<i64>,
    pub receipt: Option<String>,
    pub created_at: i64,
    pub settled_at: Option<i64>,
}

const COLUMNS: &str = "id, application_id, phone, amount_kes, status, checkout_request_id, result_code, receipt, \
                       created_at, settled_at";

/// A request about to be sent (`sending` until M-Pesa accepts it).
pub async fn insert_request(
    conn: &mut AnyConnection,
    id: &str,
    application: &ApplicationId,
    phone: &str,
    amount: Shillings,
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO mpesa_requests (id, application_id, phone, amount_kes, status, created_at) \
         VALUES ($1, $2, $3, $4, 'sending', $5)",
    )
    .bind(id)
    .bind(application.as_str())
    .bind(phone)
    .bind(amount.0)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// M-Pesa accepted the push: the prompt is on the phone.
pub async fn accepted(
    conn: &mut AnyConnection,
    id: &str,
    checkout_request_id: &str,
    merchant_request_id: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE mpesa_requests SET status = 'pending', checkout_request_id = $2, merchant_request_id = $3 \
         WHERE id = $1 AND status = 'sending'",
    )
    .bind(id)
    .bind(checkout_request_id)
    .bind(merchant_request_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Settles a request still unsettled; false when something else settled it first.
pub async fn settle(
    conn: &mut AnyConnection,
    id: &str,
    status: RequestStatus,
    result_code: i64,
    receipt: Option<&str>,
    now: i64,
) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE mpesa_requests SET status = $2, result_code = $3, receipt = $4, settled_at = $5 \
         WHERE id = $1 AND status IN ('sending', 'pending')",
    )
    .bind(id)
    .bind(status)
    .bind(result_code)
    .bind(receipt)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn request(pool: &Pool, id: &str) -> anyhow::Result<Option<MpesaRequest>> {
    Ok(
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM mpesa_requests WHERE id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?,
    )
}

pub async fn by_checkout(conn: &mut AnyConnection, checkout_request_id: &str) -> anyhow::Result<Option<MpesaRequest>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM mpesa_requests WHERE checkout_request_id = $1"
    ))
    .bind(checkout_request_id)
    .fetch_optional(conn)
    .await?)
}

/// A request's status, if it is for an application of `account`'s.
pub async fn status_for(pool: &Pool, request: &str, account: &str) -> anyhow::Result<Option<RequestStatus>> {
    Ok(sqlx::query_scalar(
        "SELECT r.status FROM mpesa_requests r JOIN applications a ON a.id = r.application_id \
         WHERE r.id = $1 AND a.account_id = $2",
    )
    .bind(request)
    .bind(account)
    .fetch_optional(pool)
    .await?)
}

/// The application's latest request, if any.
pub async fn latest(pool: &Pool, application: &ApplicationId) -> anyhow::Result<Option<MpesaRequest>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM mpesa_requests WHERE application_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1"
    ))
    .bind(application.as_str())
    .fetch_optional(pool)
    .await?)
}

/// Claims up to `limit` pending requests sent before `sent_before` that no reconciler holds, for `hold` seconds:
/// one statement, so two reconcilers never take the same request.
pub async fn claim_unsettled(
    pool: &Pool,
    sent_before: i64,
    now: i64,
    hold: i64,
    limit: i64,
) -> anyhow::Result<Vec<MpesaRequest>> {
    Ok(sqlx::query_as(&format!(
        "UPDATE mpesa_requests SET claimed_until = $2 + $3 \
         WHERE id IN (SELECT id FROM mpesa_requests WHERE status = 'pending' AND created_at <= $1 \
                      AND (claimed_until IS NULL OR claimed_until <= $2) ORDER BY created_at LIMIT $4) \
         AND status = 'pending' AND (claimed_until IS NULL OR claimed_until <= $2) RETURNING {COLUMNS}"
    ))
    .bind(sent_before)
    .bind(now)
    .bind(hold)
    .bind(limit)
    .fetch_all(pool)
    .await?)
}

/// Records a Paybill confirmation; false when this transaction was confirmed before.
pub async fn insert_confirmation(
    conn: &mut AnyConnection,
    trans_id: &str,
    bill_reference: &str,
    amount: Shillings,
    msisdn: &str,
    now: i64,
) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO mpesa_confirmations (trans_id, bill_reference, amount_kes, msisdn, received_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
    )
    .bind(trans_id)
    .bind(bill_reference)
    .bind(amount.0)
    .bind(msisdn)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Money owed back: a payment to an invoice already paid. False when the receipt is recorded already.
pub async fn insert_credit(
    conn: &mut AnyConnection,
    application: &ApplicationId,
    method: &str,
    receipt: &str,
    amount: Shillings,
    now: i64,
) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO payment_credits (id, application_id, method, receipt, amount_kes, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
    )
    .bind(uuid::Uuid::now_v7().simple().to_string())
    .bind(application.as_str())
    .bind(method)
    .bind(receipt)
    .bind(amount.0)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A credit owed to the payer of an application.
#[derive(Debug, Clone, FromRow)]
pub struct Credit {
    pub receipt: String,
    pub amount_kes: i64,
    pub created_at: i64,
    pub refunded_at: Option<i64>,
}

pub async fn credits(pool: &Pool, application: &ApplicationId) -> anyhow::Result<Vec<Credit>> {
    Ok(sqlx::query_as(
        "SELECT receipt, amount_kes, created_at, refunded_at FROM payment_credits WHERE application_id = $1 \
         ORDER BY created_at",
    )
    .bind(application.as_str())
    .fetch_all(pool)
    .await?)
}

/// Appends to the payments' history (the table refuses updates and deletes).
pub async fn event(
    conn: &mut AnyConnection,
    application: Option<&str>,
    request: Option<&str>,
    kind: &str,
    detail: &str,
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO payment_events (id, application_id, request_id, kind, detail, at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(uuid::Uuid::now_v7().simple().to_string())
    .bind(application)
    .bind(request)
    .bind(kind)
    .bind(detail)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// One line of the payments' history.
#[derive(Debug, Clone, FromRow)]
pub struct PaymentEvent {
    pub kind: String,
    pub detail: String,
    pub at: i64,
}

pub async fn events(pool: &Pool, application: &ApplicationId) -> anyhow::Result<Vec<PaymentEvent>> {
    Ok(
        sqlx::query_as("SELECT kind, detail, at FROM payment_events WHERE application_id = $1 ORDER BY id")
            .bind(application.as_str())
            .fetch_all(pool)
            .await?,
    )
}

/// A card checkout session.
#[derive(Debug, Clone, FromRow)]
pub struct CardSession {
    pub id: String,
    pub application_id: String,
    pub reference: String,
    pub amount_kes: i64,
    pub lang: String,
}

#[allow(clippy::too_many_arguments)]
pub async fn open_card_session(
    conn: &mut AnyConnection,
    id: &str,
    application: &ApplicationId,
    reference: &str,
    amount: Shillings,
    lang: &str,
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO card_sessions (id, application_id, reference, amount_kes, lang, status, created_at) \
         VALUES ($1, $2, $3, $4, $5, 'open', $6)",
    )
    .bind(id)
    .bind(application.as_str())
    .bind(reference)
    .bind(amount.0)
    .bind(lang)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn card_session(pool: &Pool, id: &str) -> anyhow::Result<Option<CardSession>> {
    Ok(
        sqlx::query_as("SELECT id, application_id, reference, amount_kes, lang FROM card_sessions WHERE id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await?,
    )
}

/// Closes an open session with its result; false when it was closed before (a replayed result).
pub async fn close_card_session(
    conn: &mut AnyConnection,
    id: &str,
    paid: bool,
    transaction: &str,
    now: i64,
) -> anyhow::Result<bool> {
    // A transaction seen before, on any session, is a replay too (checked first: a unique violation would end
    // the caller's transaction on PostgreSQL; the constraint still stops a race).
    let seen: Option<String> = sqlx::query_scalar("SELECT id FROM card_sessions WHERE transaction_id = $1")
        .bind(transaction)
        .fetch_optional(&mut *conn)
        .await?;
    if seen.is_some() {
        return Ok(false);
    }
    let done = sqlx::query(
        "UPDATE card_sessions SET status = $2, transaction_id = $3, closed_at = $4 WHERE id = $1 AND status = 'open'",
    )
    .bind(id)
    .bind(if paid { "paid" } else { "declined" })
    .bind(transaction)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Where a payment's confirmation goes: the applicant's verified email and phone, in their language.
#[derive(Debug, Clone, FromRow)]
pub struct Payer {
    pub email: String,
    pub phone: String,
    pub language: String,
    pub reference: Option<String>,
}

pub async fn payer(conn: &mut AnyConnection, application: &ApplicationId) -> anyhow::Result<Payer> {
    Ok(sqlx::query_as(
        "SELECT ac.email, ac.phone, ac.language, ap.reference FROM applications ap \
         JOIN accounts ac ON ac.id = ap.account_id WHERE ap.id = $1",
    )
    .bind(application.as_str())
    .fetch_one(conn)
    .await?)
}
