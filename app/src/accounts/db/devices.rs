//! The SQL of remembered devices ("remember this device for 30 days"): tokens kept as hashes only.

use sqlx::FromRow;

use crate::db::Pool;

/// A remembered device as the account page lists it.
#[derive(Debug, Clone, FromRow)]
pub struct Device {
    pub id: String,
    pub label: String,
    pub created_at: i64,
    pub last_used_at: i64,
}

pub struct NewDevice<'a> {
    pub account_id: &'a str,
    pub token_hash: &'a str,
    pub label: &'a str,
    pub now: i64,
    pub expires_at: i64,
}

pub async fn remember(pool: &Pool, device: NewDevice<'_>) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO trusted_devices (id, account_id, token_hash, label, created_at, last_used_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $5, $6)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(device.account_id)
    .bind(device.token_hash)
    .bind(device.label)
    .bind(device.now)
    .bind(device.expires_at)
    .execute(pool)
    .await?;
    Ok(())
}

/// Whether the token is a live remembered device of the account; `touch` records the use in the same statement.
pub async fn is_trusted(
    pool: &Pool,
    account_id: &str,
    token_hash: &str,
    now: i64,
    touch: bool,
) -> anyhow::Result<bool> {
    let found = if touch {
        sqlx::query(
            "UPDATE trusted_devices SET last_used_at = $1 WHERE token_hash = $2 AND account_id = $3 AND expires_at > $1",
        )
        .bind(now)
        .bind(token_hash)
        .bind(account_id)
        .execute(pool)
        .await?
        .rows_affected()
    } else {
        sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM trusted_devices WHERE token_hash = $2 AND account_id = $3 AND expires_at > $1",
        )
        .bind(now)
        .bind(token_hash)
        .bind(account_id)
        .fetch_one(pool)
        .await? as u64
    };
    Ok(found == 1)
}

/// The account's devices still in date, the newest first.
pub async fn of_account(pool: &Pool, account_id: &str, now: i64) -> anyhow::Result<Vec<Device>> {
    Ok(sqlx::query_as(
        "SELECT id, label, created_at, last_used_at FROM trusted_devices WHERE account_id = $1 AND expires_at > $2 \
         ORDER BY created_at DESC",
    )
    .bind(account_id)
    .bind(now)
    .fetch_all(pool)
    .await?)
}

pub async fn forget(pool: &Pool, account_id: &str, device: &str) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM trusted_devices WHERE id = $1 AND account_id = $2")
        .bind(device)
        .bind(account_id)
        .execute(pool)
        .await?;
    Ok(())
}
