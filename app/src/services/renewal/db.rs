//! The SQL of the renewal: the register's licence updated with its slip.

use sqlx::{AnyConnection, FromRow};

use crate::db::Pool;

pub struct Slip<'a> {
    pub application_id: &'a str,
    pub holder_id_number: &'a str,
    pub classes: &'a str,
    pub old_expires_on: &'a str,
    pub new_expires_on: &'a str,
    pub smart: bool,
    pub issued_at: i64,
}

/// Moves the licence's expiry and records the slip, once per application.
pub async fn renew(conn: &mut AnyConnection, slip: &Slip<'_>) -> anyhow::Result<()> {
    sqlx::query("UPDATE driving_licences SET expires_on = $1 WHERE holder_id_number = $2")
        .bind(slip.new_expires_on)
        .bind(slip.holder_id_number)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO renewal_slips (application_id, holder_id_number, classes, old_expires_on, new_expires_on, \
         smart, issued_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(slip.application_id)
    .bind(slip.holder_id_number)
    .bind(slip.classes)
    .bind(slip.old_expires_on)
    .bind(slip.new_expires_on)
    .bind(i64::from(slip.smart))
    .bind(slip.issued_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[derive(Debug, FromRow)]
pub struct SlipRow {
    pub classes: String,
    pub old_expires_on: String,
    pub new_expires_on: String,
    pub smart: i64,
}

const SLIP: &str = "SELECT classes, old_expires_on, new_expires_on, smart FROM renewal_slips WHERE application_id = $1";

pub async fn slip(pool: &Pool, application_id: &str) -> anyhow::Result<Option<SlipRow>> {
    Ok(sqlx::query_as(SLIP).bind(application_id).fetch_optional(pool).await?)
}

/// `slip` in the caller's transaction (the payment that just made it).
pub async fn slip_in(conn: &mut AnyConnection, application_id: &str) -> anyhow::Result<Option<SlipRow>> {
    Ok(sqlx::query_as(SLIP).bind(application_id).fetch_optional(conn).await?)
}
