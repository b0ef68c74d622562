//! Sign-in throttling, kept in the database so that it holds across several server processes.
//!
//! Two keys per attempt: the identifier typed (whether or not an account has it, so the answer never tells
//! whether one exists) and the client's address. Past a threshold of failures in a row, each further failure
//! locks the key for a growing delay: 30 s, 1 min, 2 min, ... up to an hour.

use crate::db::Pool;

/// Failures in a row on one identifier before delays start (issue 3).
pub const LOGIN_THRESHOLD: i64 = 5;
/// One address may be a shared office or a mobile carrier's gateway: more room, same growth.
pub const CLIENT_THRESHOLD: i64 = 30;
/// Identity details that do not match a register, per client address, before delays start.
pub const REGISTER_THRESHOLD: i64 = 10;
/// Photo uploads per account before delays start (each costs a decode and an encode).
pub const PHOTO_THRESHOLD: i64 = 20;
/// An address's failures (and an account's uploads) are forgotten after this long without one.
const WINDOW_SECONDS: i64 = 15 * 60;

pub fn login_key(identifier: &str) -> String {
    format!("login:{identifier}")
}

pub fn client_key(address: &str) -> String {
    format!("client:{address}")
}

/// Register checks during registration, per client address (forgotten like `client:` keys).
pub fn register_key(address: &str) -> String {
    format!("client-register:{address}")
}

/// Photo uploads per account, forgotten like `client:` keys.
pub fn photo_key(account_id: &str) -> String {
    format!("photo:{account_id}")
}

/// The delay after `failures` failures in a row.
pub fn delay_seconds(failures: i64, threshold: i64) -> i64 {
    if failures < threshold {
        return 0;
    }
    let doublings = (failures - threshold).min(7) as u32;
    (30 * 2i64.pow(doublings)).min(3_600)
}

/// Seconds until every one of `keys` may try again (0: now).
pub async fn wait_seconds(pool: &Pool, keys: &[String], now: i64) -> anyhow::Result<i64> {
    let mut wait = 0;
    for key in keys {
        let until: Option<i64> =
            sqlx::query_scalar("SELECT locked_until FROM sign_in_throttles WHERE throttle_key = $1")
                .bind(key)
                .fetch_optional(pool)
                .await?;
        wait = wait.max(until.unwrap_or(0) - now);
    }
    Ok(wait)
}

/// Counts a failure (atomically, whichever process sees it) and returns the failures in a row.
pub async fn record_failure(pool: &Pool, key: &str, threshold: i64, now: i64) -> anyhow::Result<i64> {
    let failures: i64 = sqlx::query_scalar(
        "INSERT INTO sign_in_throttles (throttle_key, failures, locked_until, updated_at) VALUES ($1, 1, 0, $2) \
         ON CONFLICT (throttle_key) DO UPDATE SET \
         failures = CASE WHEN sign_in_throttles.updated_at < $3 THEN 1 ELSE sign_in_throttles.failures + 1 END, \
         updated_at = $2 RETURNING failures",
    )
    .bind(key)
    .bind(now)
    .bind(if key.starts_with("client:") || key.starts_with("photo:") {
        now - WINDOW_SECONDS
    } else {
        i64::MIN
    })
    .fetch_one(pool)
    .await?;
    let delay = delay_seconds(failures, threshold);
    if delay > 0 {
        sqlx::query("UPDATE sign_in_throttles SET locked_until = $1 WHERE throttle_key = $2")
            .bind(now + delay)
            .bind(key)
            .execute(pool)
            .await?;
    }
    Ok(failures)
}

/// A success on an identifier starts its count again. (An address's count is not reset: one good account must
/// not let an address guess at others.)
pub async fn clear(pool: &Pool, key: &str) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM sign_in_throttles WHERE throttle_key = $1")
        .bind(key)
        .execute(pool)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_start_at_the_threshold_and_grow_to_an_hour() {
        assert_eq!(delay_seconds(4, LOGIN_THRESHOLD), 0);
        assert_eq!(delay_seconds(5, LOGIN_THRESHOLD), 30);
        assert_eq!(delay_seconds(6, LOGIN_THRESHOLD), 60);
        assert_eq!(delay_seconds(8, LOGIN_THRESHOLD), 240);
        assert_eq!(delay_seconds(50, LOGIN_THRESHOLD), 3_600);
    }
}
