//! The SQL of reminders: the records that expire within a window with the accounts to tell, the claim that sends a
//! reminder once, and the kinds a person turned off.

use sqlx::{AnyConnection, FromRow};

use crate::db::Pool;

/// A reminder that may be due: what, which record (and how a message names it), its expiry, whom to tell.
#[derive(Debug, Clone, FromRow)]
pub struct Due {
    pub kind: String,
    pub subject: String,
    pub label: String,
    pub expires_on: String,
    pub account_id: String,
}

/// Everything expiring from `$1` to `$2` (ISO dates compare as text), with each account to tell: the holder, a
/// vehicle's owner, or every person acting for the organisation that owns it.
const EXPIRING: &str = "\
    SELECT 'driving_licence' AS kind, d.holder_id_number AS subject, d.holder_id_number AS label, \
           d.expires_on, a.id AS account_id \
      FROM driving_licences d JOIN accounts a ON a.id_number = d.holder_id_number AND a.document_type = 'national_id' \
     WHERE d.expires_on >= $1 AND d.expires_on <= $2 \
    UNION ALL \
    SELECT 'inspection', v.plate, v.plate, v.inspection_due_on, a.id \
      FROM vehicles v JOIN accounts a ON a.id_number = v.owner_id_number AND a.document_type = 'national_id' \
     WHERE v.inspection_due_on >= $1 AND v.inspection_due_on <= $2 \
    UNION ALL \
    SELECT 'inspection', v.plate, v.plate, v.inspection_due_on, ao.account_id \
      FROM vehicles v JOIN account_organisations ao ON ao.kra_pin = v.owner_kra_pin \
     WHERE v.inspection_due_on >= $1 AND v.inspection_due_on <= $2 \
    UNION ALL \
    SELECT 'psv_licence', v.plate, v.plate, v.psv_licence_expires_on, ao.account_id \
      FROM vehicles v JOIN account_organisations ao ON ao.kra_pin = v.owner_kra_pin \
     WHERE v.psv_licence_expires_on >= $1 AND v.psv_licence_expires_on <= $2 \
    UNION ALL \
    SELECT 'psv_badge', b.holder_id_number || ':' || b.kind, b.kind, b.expires_on, a.id \
      FROM psv_badges b JOIN accounts a ON a.id_number = b.holder_id_number AND a.document_type = 'national_id' \
     WHERE b.expires_on >= $1 AND b.expires_on <= $2";

/// The reminders of lead `lead` not yet sent for what expires from `from` to `to`, to people who have not turned
/// their kind off; at most `limit` (the next pass takes the rest).
pub async fn due(pool: &Pool, from: &str, to: &str, lead: i64, limit: i64) -> anyhow::Result<Vec<Due>> {
    Ok(sqlx::query_as(&format!(
        "SELECT e.kind, e.subject, e.label, e.expires_on, e.account_id FROM ({EXPIRING}) e \
         WHERE NOT EXISTS (SELECT 1 FROM reminders_off o WHERE o.account_id = e.account_id AND o.kind = e.kind) \
           AND NOT EXISTS (SELECT 1 FROM reminders_sent s WHERE s.kind = e.kind AND s.subject = e.subject \
                           AND s.expires_on = e.expires_on AND s.lead_days = $3 AND s.account_id = e.account_id) \
         ORDER BY e.expires_on, e.kind, e.subject, e.account_id LIMIT $4"
    ))
    .bind(from)
    .bind(to)
    .bind(lead)
    .bind(limit)
    .fetch_all(pool)
    .await?)
}

/// Claims one reminder for sending; false when another process (or an earlier pass) already has.
pub async fn claim(conn: &mut AnyConnection, due: &Due, lead: i64, now: i64) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO reminders_sent (kind, subject, expires_on, lead_days, account_id, sent_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
    )
    .bind(&due.kind)
    .bind(&due.subject)
    .bind(&due.expires_on)
    .bind(lead)
    .bind(&due.account_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The kinds `account_id` turned off.
pub async fn off(pool: &Pool, account_id: &str) -> anyhow::Result<Vec<String>> {
    Ok(
        sqlx::query_scalar("SELECT kind FROM reminders_off WHERE account_id = $1 ORDER BY kind")
            .bind(account_id)
            .fetch_all(pool)
            .await?,
    )
}

/// Turns `kind` off for `account_id` (again: nothing changes).
pub async fn turn_off(pool: &Pool, account_id: &str, kind: &str, now: i64) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO reminders_off (account_id, kind, since) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
        .bind(account_id)
        .bind(kind)
        .bind(now)
        .execute(pool)
        .await?;
    Ok(())
}

/// Turns `kind` on again for `account_id`.
pub async fn turn_on(pool: &Pool, account_id: &str, kind: &str) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM reminders_off WHERE account_id = $1 AND kind = $2")
        .bind(account_id)
        .bind(kind)
        .execute(pool)
        .await?;
    Ok(())
}
