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

/// The owner's page may ask M-Pesa about `id` now: true for one caller per `every` seconds (a conditional
/// `UPDATE`, so reloads and several processes cannot multiply the queries).
pub async fn claim_query(pool: &Pool, id: &str, now: i64, every: i64) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE mpesa_requests SET last_queried_at = $2 \
         WHERE id = $1 AND status = 'pending' AND (last_queried_at IS NULL OR last_queried_at <= $2 - $3)",
    )
    .bind(id)
    .bind(now)
    .bind(every)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A prompt still `sending` (its push timed out here, but M-Pesa may have taken it) to `phone` for `amount`, sent
/// since `since`: the request an unknown paid callback most likely belongs to.
pub async fn unanswered(
    conn: &mut AnyConnection,
    phone: &str,
    amount: i64,
    since: i64,
) -> anyhow::Result<Option<MpesaRequest>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM mpesa_requests WHERE status = 'sending' AND checkout_request_id IS NULL \
         AND phone = $1 AND amount_kes = $2 AND created_at >= $3 ORDER BY created_at DESC LIMIT 1"
    ))
    .bind(phone)
    .bind(amount)
    .bind(since)
    .fetch_optional(conn)
    .await?)
}

/// A request's status now (inside the caller's transaction).
pub async fn status_of(conn: &mut AnyConnection, id: &str) -> anyhow::Result<Option<RequestStatus>> {
    Ok(sqlx::query_scalar("SELECT status FROM mpesa_requests WHERE id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await?)
}

/// A Paybill payment we accepted at validation (once per transaction).
pub async fn insert_validation(
    conn: &mut AnyConnection,
    trans_id: &str,
    bill_reference: &str,
    amount: Shillings,
    msisdn: &str,
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO mpesa_validations (trans_id, bill_reference, amount_kes, msisdn, accepted_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
    )
    .bind(trans_id)
    .bind(bill_reference)
    .bind(amount.0)
    .bind(msisdn)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Did we accept exactly this transaction (reference and amount) at validation?
pub async fn was_validated(
    conn: &mut AnyConnection,
    trans_id: &str,
    bill_reference: &str,
    amount: Shillings,
) -> anyhow::Result<bool> {
    let found: Option<String> = sqlx::query_scalar(
        "SELECT trans_id FROM mpesa_validations WHERE trans_id = $1 AND bill_reference = $2 AND amount_kes = $3",
    )
    .bind(trans_id)
    .bind(bill_reference)
    .bind(amount.0)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// Records a Paybill confirmation as `status` (`settled` when believed, `unverified` until M-Pesa confirms it);
/// false when this transaction was confirmed before.
pub async fn insert_confirmation(
    conn: &mut AnyConnection,
    confirmation: &StoredConfirmation,
    status: &str,
    now: i64,
) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO mpesa_confirmations (trans_id, bill_reference, amount_kes, msisdn, received_at, status) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
    )
    .bind(&confirmation.trans_id)
    .bind(&confirmation.bill_reference)
    .bind(confirmation.amount_kes)
    .bind(&confirmation.msisdn)
    .bind(now)
    .bind(status)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A Paybill confirmation as received.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct StoredConfirmation {
    pub trans_id: String,
    pub bill_reference: String,
    pub amount_kes: i64,
    pub msisdn: String,
}

/// The confirmation of `trans_id` if it still waits for M-Pesa's word.
pub async fn unverified_confirmation(
    conn: &mut AnyConnection,
    trans_id: &str,
) -> anyhow::Result<Option<StoredConfirmation>> {
    Ok(sqlx::query_as(
        "SELECT trans_id, bill_reference, amount_kes, msisdn FROM mpesa_confirmations \
         WHERE trans_id = $1 AND status = 'unverified'",
    )
    .bind(trans_id)
    .fetch_optional(conn)
    .await?)
}

/// Moves an unverified confirmation to `to` (`settled` or `refused`); the confirmation when it was still unverified
/// (so of two results for it, one acts).
pub async fn verify_confirmation(
    conn: &mut AnyConnection,
    trans_id: &str,
    to: &str,
) -> anyhow::Result<Option<StoredConfirmation>> {
    Ok(sqlx::query_as(
        "UPDATE mpesa_confirmations SET status = $2 WHERE trans_id = $1 AND status = 'unverified' \
         RETURNING trans_id, bill_reference, amount_kes, msisdn",
    )
    .bind(trans_id)
    .bind(to)
    .fetch_optional(conn)
    .await?)
}

/// What a person must look at (`payment_investigations`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Investigation<'a> {
    /// `unknown-prompt`, `unknown-reference` or `contradiction`.
    pub kind: &'a str,
    pub application: Option<&'a str>,
    pub request: Option<&'a str>,
    pub receipt: Option<&'a str>,
    pub amount: Option<i64>,
    pub phone: Option<&'a str>,
    pub detail: &'a str,
}

/// Raises `investigation` for staff, once per kind and receipt; false when it was raised before.
pub async fn investigate(
    conn: &mut AnyConnection,
    investigation: &Investigation<'_>,
    now: i64,
) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO payment_investigations \
         (id, kind, application_id, request_id, receipt, amount_kes, phone, detail, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING",
    )
    .bind(uuid::Uuid::now_v7().simple().to_string())
    .bind(investigation.kind)
    .bind(investigation.application)
    .bind(investigation.request)
    .bind(investigation.receipt)
    .bind(investigation.amount)
    .bind(investigation.phone)
    .bind(investigation.detail)
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

/// What closing a card session did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    /// Closed now with this result.
    Now,
    /// Closed before with this very result (the notification came first, or the browser came back twice).
    Already,
    /// Closed with another result, or this transaction closed another session: a replay.
    Replay,
}

/// Closes an open session with its result, once.
pub async fn close_card_session(
    conn: &mut AnyConnection,
    id: &str,
    paid: bool,
    transaction: &str,
    now: i64,
) -> anyhow::Result<Closed> {
    let status = if paid { "paid" } else { "declined" };
    // A transaction seen before is checked first (a unique violation would end the caller's transaction on
    // PostgreSQL; the constraint still stops a race).
    let seen: Option<(String, String)> =
        sqlx::query_as("SELECT id, status FROM card_sessions WHERE transaction_id = $1")
            .bind(transaction)
            .fetch_optional(&mut *conn)
            .await?;
    if let Some((session, closed_as)) = seen {
        return Ok(if session == id && closed_as == status {
            Closed::Already
        } else {
            Closed::Replay
        });
    }
    let done = sqlx::query(
        "UPDATE card_sessions SET status = $2, transaction_id = $3, closed_at = $4 WHERE id = $1 AND status = 'open'",
    )
    .bind(id)
    .bind(status)
    .bind(transaction)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 1 {
        return Ok(Closed::Now);
    }
    // Closed meanwhile: by this very result (the notification and the browser racing), or by another.
    let closed: Option<(Option<String>, String)> =
        sqlx::query_as("SELECT transaction_id, status FROM card_sessions WHERE id = $1")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    Ok(match closed {
        Some((Some(closed_by), closed_as)) if closed_by == transaction && closed_as == status => Closed::Already,
        _ => Closed::Replay,
    })
}

/// Claims up to `limit` sessions opened between `since` and `before` and still open, for `hold` seconds: one
/// statement, so two processes never ask the provider about the same session.
pub async fn claim_open_card_sessions(
    pool: &Pool,
    (since, before): (i64, i64),
    now: i64,
    hold: i64,
    limit: i64,
) -> anyhow::Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "UPDATE card_sessions SET claimed_until = $3 + $4 \
         WHERE id IN (SELECT id FROM card_sessions WHERE status = 'open' AND created_at >= $1 AND created_at <= $2 \
                      AND (claimed_until IS NULL OR claimed_until <= $3) ORDER BY created_at LIMIT $5) \
         AND status = 'open' AND (claimed_until IS NULL OR claimed_until <= $3) RETURNING id",
    )
    .bind(since)
    .bind(before)
    .bind(now)
    .bind(hold)
    .bind(limit)
    .fetch_all(pool)
    .await?)
}

/// Expires the sessions opened before `before` and never closed; how many.
pub async fn expire_card_sessions(pool: &Pool, before: i64, now: i64) -> anyhow::Result<u64> {
    Ok(sqlx::query(
        "UPDATE card_sessions SET status = 'expired', closed_at = $2 WHERE status = 'open' AND created_at < $1",
    )
    .bind(before)
    .bind(now)
    .execute(pool)
    .await?
    .rows_affected())
}

/// Where a payment's confirmation goes: the applicant's verified email and phone, in their language.
#[derive(Debug, Clone, FromRow)]
pub struct Payer {
    pub account_id: String,
    pub email: String,
    pub phone: String,
    pub language: String,
    pub reference: Option<String>,
}

pub async fn payer(conn: &mut AnyConnection, application: &ApplicationId) -> anyhow::Result<Payer> {
    Ok(sqlx::query_as(
        "SELECT ap.account_id, ac.email, ac.phone, ac.language, ap.reference FROM applications ap \
         JOIN accounts ac ON ac.id = ap.account_id WHERE ap.id = $1",
    )
    .bind(application.as_str())
    .fetch_one(conn)
    .await?)
}
