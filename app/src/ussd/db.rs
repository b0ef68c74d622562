//! The USSD channel's SQL: its sessions, the PINs, and who a calling number belongs to.

use sqlx::{AnyConnection, FromRow};

use crate::{db::Pool, ids::AccountId};

/// A session in progress.
#[derive(Debug, Clone, FromRow)]
pub struct SessionRow {
    pub phone: String,
    pub lang: String,
    /// The `menu::Node` the caller is at, as JSON.
    pub node: String,
    /// How many answers were taken: a post with one more is the next answer; one with as many is a repeat.
    pub answered: i64,
    /// The screen sent for the last answer, sent again to a repeated post.
    pub last_reply: String,
    pub started_at: i64,
}

pub async fn session(pool: &Pool, id: &str) -> anyhow::Result<Option<SessionRow>> {
    Ok(sqlx::query_as(
        "SELECT phone, lang, node, answered, last_reply, started_at FROM ussd_sessions WHERE session_id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

/// A new session at its first screen; false when the gateway's id is taken already (a repeated first post).
pub async fn open(pool: &Pool, id: &str, row: &SessionRow) -> anyhow::Result<bool> {
    let inserted = sqlx::query(
        "INSERT INTO ussd_sessions (session_id, phone, lang, node, answered, last_reply, started_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (session_id) DO NOTHING",
    )
    .bind(id)
    .bind(&row.phone)
    .bind(&row.lang)
    .bind(&row.node)
    .bind(row.answered)
    .bind(&row.last_reply)
    .bind(row.started_at)
    .execute(pool)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

/// Takes the answer after `answered` for one post (one statement: of two posts of one answer, one acts); its
/// screen is empty until `store` writes it.
pub async fn claim(pool: &Pool, id: &str, answered: i64) -> anyhow::Result<bool> {
    let updated = sqlx::query(
        "UPDATE ussd_sessions SET answered = answered + 1, last_reply = '' WHERE session_id = $1 AND answered = $2",
    )
    .bind(id)
    .bind(answered)
    .execute(pool)
    .await?;
    Ok(updated.rows_affected() == 1)
}

/// Where a claimed answer led: the language, the node now waiting (`null` once the session ended) and the screen.
pub async fn store(pool: &Pool, id: &str, lang: &str, node: &str, reply: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE ussd_sessions SET lang = $2, node = $3, last_reply = $4 WHERE session_id = $1")
        .bind(id)
        .bind(lang)
        .bind(node)
        .bind(reply)
        .execute(pool)
        .await?;
    Ok(())
}

/// Sessions started before `before` (the sweep: a session lasts at most 180 seconds).
pub async fn forget_before(pool: &Pool, before: i64) -> anyhow::Result<u64> {
    Ok(sqlx::query("DELETE FROM ussd_sessions WHERE started_at < $1")
        .bind(before)
        .execute(pool)
        .await?
        .rows_affected())
}

/// The account whose verified phone is `phone` (E.164), with its email verified too (a finished registration), and
/// its PIN's hash if it set one.
pub async fn caller(pool: &Pool, phone: &str) -> anyhow::Result<Option<(AccountId, Option<String>)>> {
    Ok(sqlx::query_as(
        "SELECT a.id, p.pin_hash FROM accounts a LEFT JOIN ussd_pins p ON p.account_id = a.id \
         WHERE a.phone = $1 AND a.phone_verified_at IS NOT NULL AND a.email_verified_at IS NOT NULL",
    )
    .bind(phone)
    .fetch_optional(pool)
    .await?)
}

/// When the account set its PIN, if it has one.
pub async fn pin_set_at(pool: &Pool, account: &str) -> anyhow::Result<Option<i64>> {
    Ok(sqlx::query_scalar("SELECT set_at FROM ussd_pins WHERE account_id = $1")
        .bind(account)
        .fetch_optional(pool)
        .await?)
}

pub async fn set_pin(conn: &mut AnyConnection, account: &str, hash: &str, now: i64) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO ussd_pins (account_id, pin_hash, set_at) VALUES ($1, $2, $3) \
         ON CONFLICT (account_id) DO UPDATE SET pin_hash = $2, set_at = $3",
    )
    .bind(account)
    .bind(hash)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Removes the account's PIN; false when it had none.
pub async fn remove_pin(conn: &mut AnyConnection, account: &str) -> anyhow::Result<bool> {
    Ok(sqlx::query("DELETE FROM ussd_pins WHERE account_id = $1")
        .bind(account)
        .execute(conn)
        .await?
        .rows_affected()
        == 1)
}
