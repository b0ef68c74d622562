//! The SQL of an account's email and phone: proving them, and changing them (held as pending until proven).

use sqlx::AnyConnection;

use crate::db::Pool;

/// A new account's unproven email, replaced before it is proven; 0 rows when it was proven meanwhile.
pub async fn replace_unverified_email(conn: &mut AnyConnection, account_id: &str, email: &str) -> anyhow::Result<u64> {
    Ok(
        sqlx::query("UPDATE accounts SET email = $1 WHERE id = $2 AND email_verified_at IS NULL")
            .bind(email)
            .bind(account_id)
            .execute(conn)
            .await?
            .rows_affected(),
    )
}

pub async fn mark_email_verified(pool: &Pool, account_id: &str, now: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE accounts SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL")
        .bind(now)
        .bind(account_id)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn mark_phone_verified(pool: &Pool, account_id: &str, now: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE accounts SET phone_verified_at = $1 WHERE id = $2")
        .bind(now)
        .bind(account_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// A pending email, proven: it becomes the account's email.
pub async fn adopt_email(conn: &mut AnyConnection, account_id: &str, email: &str, now: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE accounts SET email = $1, pending_email = NULL, email_verified_at = $2 WHERE id = $3")
        .bind(email)
        .bind(now)
        .bind(account_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A pending mobile number, proven: it becomes the account's number.
pub async fn adopt_phone(conn: &mut AnyConnection, account_id: &str, phone: &str, now: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE accounts SET phone = $1, pending_phone = NULL, phone_verified_at = $2 WHERE id = $3")
        .bind(phone)
        .bind(now)
        .bind(account_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Holds a new email (`column` = `pending_email`) or number (`pending_phone`) until it is proven.
pub async fn set_pending(
    conn: &mut AnyConnection,
    account_id: &str,
    column: Pending,
    value: &str,
) -> anyhow::Result<()> {
    let sql = match column {
        Pending::Email => "UPDATE accounts SET pending_email = $1 WHERE id = $2",
        Pending::Phone => "UPDATE accounts SET pending_phone = $1 WHERE id = $2",
    };
    sqlx::query(sql).bind(value).bind(account_id).execute(conn).await?;
    Ok(())
}

/// Which pending column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    Email,
    Phone,
}

pub async fn set_code_channel(conn: &mut AnyConnection, account_id: &str, channel: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE accounts SET code_channel = $1 WHERE id = $2")
        .bind(channel)
        .bind(account_id)
        .execute(conn)
        .await?;
    Ok(())
}
