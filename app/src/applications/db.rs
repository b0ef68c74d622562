//! The SQL for applications. Every read and write names the owner: a row of another account is never loaded, so
//! a guessed address finds nothing. Status changes are one conditional statement each (`WHERE status = ...`):
//! of two racing requests exactly one sees a row come back.

use sqlx::{AnyConnection, FromRow};

use super::domain::{Application, ApplicationId, ApplicationRef, Event, Invoice, Status, Waiting};
use crate::{db::Pool, fees::domain::Shillings, ids::AccountId};

#[derive(Debug, FromRow)]
struct ApplicationRow {
    id: String,
    account_id: String,
    service: String,
    status: String,
    answers: String,
    reference: Option<String>,
    fee_code: Option<String>,
    fee_kes: Option<i64>,
    access_fee_kes: Option<i64>,
    decision_reason: Option<String>,
    decided_by: Option<String>,
    waiting_for: i64,
    centre: Option<String>,
    created_at: i64,
    updated_at: i64,
    version: i64,
}

impl TryFrom<ApplicationRow> for Application {
    type Error = anyhow::Error;

    fn try_from(row: ApplicationRow) -> anyhow::Result<Application> {
        let status = Status::parse(&row.status).ok_or_else(|| anyhow::anyhow!("status {:?}", row.status))?;
        Ok(Application {
            id: ApplicationId::from_stored(row.id),
            account: AccountId::from_stored(row.account_id),
            service: row.service,
            status,
            answers: row.answers,
            reference: row.reference.map(ApplicationRef::from_stored),
            fee_code: row.fee_code,
            invoice: match (row.fee_kes, row.access_fee_kes) {
                (Some(fee), Some(access)) => Some(Invoice {
                    fee: Shillings(fee),
                    access_fee: Shillings(access),
                }),
                _ => None,
            },
            decision_reason: row.decision_reason,
            decided_by: row.decided_by.map(AccountId::from_stored),
            waiting: Waiting::from_code(row.waiting_for),
            centre: row.centre,
            created_at: row.created_at,
            updated_at: row.updated_at,
            version: row.version,
        })
    }
}

const COLUMNS: &str = "id, account_id, service, status, answers, reference, fee_code, fee_kes, access_fee_kes, \
                       decision_reason, decided_by, waiting_for, centre, created_at, updated_at, version";

/// Opens a draft, or keeps the one already open (the unique index allows one per person and service).
pub async fn open_draft(
    conn: &mut AnyConnection,
    id: &ApplicationId,
    account: &AccountId,
    service: &str,
    now: i64,
) -> anyhow::Result<ApplicationId> {
    sqlx::query(
        "INSERT INTO applications (id, account_id, service, status, answers, created_at, updated_at) \
         VALUES ($1, $2, $3, 'draft', '{}', $4, $4) \
         ON CONFLICT (account_id, service) WHERE status = 'draft' DO NOTHING",
    )
    .bind(id.as_str())
    .bind(account.as_str())
    .bind(service)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    let (id,): (String,) =
        sqlx::query_as("SELECT id FROM applications WHERE account_id = $1 AND service = $2 AND status = 'draft'")
            .bind(account.as_str())
            .bind(service)
            .fetch_one(&mut *conn)
            .await?;
    Ok(ApplicationId::from_stored(id))
}

/// The application, if it is `account`'s.
pub async fn owned(pool: &Pool, id: &ApplicationId, account: &AccountId) -> anyhow::Result<Option<Application>> {
    sqlx::query_as::<_, ApplicationRow>(&format!(
        "SELECT {COLUMNS} FROM applications WHERE id = $1 AND account_id = $2"
    ))
    .bind(id.as_str())
    .bind(account.as_str())
    .fetch_optional(pool)
    .await?
    .map(Application::try_from)
    .transpose()
}

/// The application whoever owns it: for payments and officers, who act on an application they were given.
pub async fn by_id(conn: &mut AnyConnection, id: &ApplicationId) -> anyhow::Result<Option<Application>> {
    sqlx::query_as::<_, ApplicationRow>(&format!("SELECT {COLUMNS} FROM applications WHERE id = $1"))
        .bind(id.as_str())
        .fetch_optional(&mut *conn)
        .await?
        .map(Application::try_from)
        .transpose()
}

/// The application a bill reference names (a Paybill payment carries only that).
pub async fn by_reference(conn: &mut AnyConnection, reference: &ApplicationRef) -> anyhow::Result<Option<Application>> {
    sqlx::query_as::<_, ApplicationRow>(&format!("SELECT {COLUMNS} FROM applications WHERE reference = $1"))
        .bind(reference.as_str())
        .fetch_optional(&mut *conn)
        .await?
        .map(Application::try_from)
        .transpose()
}

/// `account`'s applications, newest activity first.
pub async fn of_account(pool: &Pool, account: &AccountId) -> anyhow::Result<Vec<Application>> {
    sqlx::query_as::<_, ApplicationRow>(&format!(
        "SELECT {COLUMNS} FROM applications WHERE account_id = $1 ORDER BY updated_at DESC, id"
    ))
    .bind(account.as_str())
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(Application::try_from)
    .collect()
}

/// The latest 200 applications made for the organisation `kra_pin` (by any of its people), newest activity first.
pub async fn of_organisation(pool: &Pool, kra_pin: &str) -> anyhow::Result<Vec<Application>> {
    sqlx::query_as::<_, ApplicationRow>(&format!(
        "SELECT {COLUMNS} FROM applications WHERE organisation_kra_pin = $1 ORDER BY updated_at DESC, id LIMIT 200"
    ))
    .bind(kra_pin)
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(Application::try_from)
    .collect()
}

/// Records the organisation a draft is made for (its vehicle's owner), or none (the person's own vehicle).
pub async fn made_for(pool: &Pool, id: &ApplicationId, kra_pin: Option<&str>) -> anyhow::Result<()> {
    sqlx::query("UPDATE applications SET organisation_kra_pin = $2 WHERE id = $1 AND status = 'draft'")
        .bind(id.as_str())
        .bind(kra_pin)
        .execute(pool)
        .await?;
    Ok(())
}

/// Saves a draft's answers, and counts the change (`version`); false when it is no longer a draft of `account`'s.
pub async fn save_answers(
    pool: &Pool,
    id: &ApplicationId,
    account: &AccountId,
    answers: &str,
    now: i64,
) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE applications SET answers = $1, updated_at = $2, version = version + 1 \
         WHERE id = $3 AND account_id = $4 AND status = 'draft'",
    )
    .bind(answers)
    .bind(now)
    .bind(id.as_str())
    .bind(account.as_str())
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// How many applications of one service a person may have waiting for payment at once: each may hold something
/// (an inspection place) from everyone else.
pub const MAX_UNPAID: i64 = 3;

/// Submits a draft with its reference and invoice, straight to awaiting payment, only if its answers are still
/// the `checked` version (the fee was worked out from those) and fewer than `MAX_UNPAID` of the person's
/// applications of the service wait for payment. False when not (already submitted by another request, changed
/// meanwhile, or too many unpaid).
#[allow(clippy::too_many_arguments)]
pub async fn submit(
    conn: &mut AnyConnection,
    id: &ApplicationId,
    account: &AccountId,
    checked: i64,
    reference: &ApplicationRef,
    fee_code: &str,
    invoice: Invoice,
    now: i64,
) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE applications SET status = 'awaiting_payment', reference = $1, fee_code = $2, fee_kes = $3, \
         access_fee_kes = $4, submitted_at = $5, updated_at = $5 \
         WHERE id = $6 AND account_id = $7 AND status = 'draft' AND version = $8 \
         AND (SELECT COUNT(*) FROM applications u WHERE u.account_id = $7 AND u.service = applications.service \
              AND u.status = 'awaiting_payment') < $9",
    )
    .bind(reference.as_str())
    .bind(fee_code)
    .bind(invoice.fee.0)
    .bind(invoice.access_fee.0)
    .bind(now)
    .bind(id.as_str())
    .bind(account.as_str())
    .bind(checked)
    .bind(MAX_UNPAID)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes a draft of `account`'s (its answers and what hangs off it go with it); false when it is not a draft, or
/// is one being corrected (paid before: its payment and receipt stay).
pub async fn delete_draft(conn: &mut AnyConnection, id: &ApplicationId, account: &AccountId) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "DELETE FROM applications WHERE id = $1 AND account_id = $2 AND status = 'draft' AND reference IS NULL",
    )
    .bind(id.as_str())
    .bind(account.as_str())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Moves an application from `from` to `to`; false when it was not at `from` (another request moved it first).
/// Only the moves `Status::next` allows are made.
pub async fn advance(
    conn: &mut AnyConnection,
    id: &ApplicationId,
    from: Status,
    to: Status,
    reason: Option<&str>,
    now: i64,
) -> anyhow::Result<bool> {
    anyhow::ensure!(from.next().contains(&to), "no move from {from:?} to {to:?}");
    let done = sqlx::query(
        "UPDATE applications SET status = $1, decision_reason = COALESCE($2, decision_reason), updated_at = $3, \
         waiting_for = $6 WHERE id = $4 AND status = $5",
    )
    .bind(to.code())
    .bind(reason)
    .bind(now)
    .bind(id.as_str())
    .bind(from.code())
    // Out of review (or into it, until `route` says otherwise) it waits for nobody else.
    .bind(Waiting::Officer.code())
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 1 {
        record(conn, id, to, now).await?;
    }
    Ok(done.rows_affected() == 1)
}

/// Whom an application in review waits for (on its timeline's latest step too), and the centre that deals with it.
pub async fn route(
    conn: &mut AnyConnection,
    id: &ApplicationId,
    waiting: Waiting,
    centre: Option<&str>,
) -> anyhow::Result<()> {
    sqlx::query("UPDATE applications SET waiting_for = $1, centre = $2 WHERE id = $3")
        .bind(waiting.code())
        .bind(centre)
        .bind(id.as_str())
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "UPDATE application_events SET waiting_for = $1 \
         WHERE seq = (SELECT MAX(seq) FROM application_events WHERE application_id = $2)",
    )
    .bind(waiting.code())
    .bind(id.as_str())
    .execute(conn)
    .await?;
    Ok(())
}

/// An officer's rejection of `account`'s application made a draft again (its reference and payment kept); false
/// when it is not one (a buyer's refusal has no deciding officer), or when its fee was refunded (or is being):
/// sending it again would be free.
pub async fn reopen(
    conn: &mut AnyConnection,
    id: &ApplicationId,
    account: &AccountId,
    now: i64,
) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE applications SET status = 'draft', updated_at = $1, version = version + 1 \
         WHERE id = $2 AND account_id = $3 AND status = 'rejected' AND decided_by IS NOT NULL \
           AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.source = 'application' AND r.source_id = $2 \
                           AND r.status <> 'failed')",
    )
    .bind(now)
    .bind(id.as_str())
    .bind(account.as_str())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A reopened draft of `account`'s sent back as paid, if its answers are still the `checked` version: the last
/// decision is cleared (a new one comes). Not on the timeline: it passes through "paid" to its service's next.
pub async fn resubmit(
    conn: &mut AnyConnection,
    id: &ApplicationId,
    account: &AccountId,
    checked: i64,
    now: i64,
) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE applications SET status = 'paid', decision_reason = NULL, decided_by = NULL, updated_at = $1 \
         WHERE id = $2 AND account_id = $3 AND status = 'draft' AND reference IS NOT NULL AND version = $4",
    )
    .bind(now)
    .bind(id.as_str())
    .bind(account.as_str())
    .bind(checked)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Adds a status to the timeline.
pub async fn record(conn: &mut AnyConnection, id: &ApplicationId, status: Status, now: i64) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO application_events (application_id, status, at) VALUES ($1, $2, $3)")
        .bind(id.as_str())
        .bind(status.code())
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Adds "submitted" and then "awaiting payment" to the timeline in one statement (rows keep their order), as a
/// submission does: one round trip fewer on the busiest write.
pub async fn record_submitted(conn: &mut AnyConnection, id: &ApplicationId, now: i64) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO application_events (application_id, status, at) VALUES ($1, $2, $4), ($1, $3, $4)")
        .bind(id.as_str())
        .bind(Status::Submitted.code())
        .bind(Status::AwaitingPayment.code())
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct EventRow {
    status: String,
    at: i64,
    waiting_for: i64,
}

/// The timeline in the order it happened.
pub async fn timeline(pool: &Pool, id: &ApplicationId) -> anyhow::Result<Vec<Event>> {
    let rows: Vec<EventRow> =
        sqlx::query_as("SELECT status, at, waiting_for FROM application_events WHERE application_id = $1 ORDER BY seq")
            .bind(id.as_str())
            .fetch_all(pool)
            .await?;
    rows.into_iter()
        .map(|row| {
            Ok(Event {
                status: Status::parse(&row.status).ok_or_else(|| anyhow::anyhow!("event status {:?}", row.status))?,
                at: row.at,
                waiting: Waiting::from_code(row.waiting_for),
            })
        })
        .collect()
}

/// Records a payment; false when the application already has one or the receipt was used.
pub async fn insert_payment(
    conn: &mut AnyConnection,
    id: &ApplicationId,
    method: &str,
    receipt: &str,
    amount: Shillings,
    now: i64,
) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO payments (id, application_id, method, receipt, amount_kes, paid_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
    )
    .bind(uuid::Uuid::new_v4().simple().to_string())
    .bind(id.as_str())
    .bind(method)
    .bind(receipt)
    .bind(amount.0)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
