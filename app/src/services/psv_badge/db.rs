//! The SQL of the PSV badge: the register's licence and its classes, and the badges an approval issues.

use sqlx::{AnyConnection, FromRow};

/// The last day of the person's driving licence, if they have one.
pub async fn licence_expiry(conn: &mut AnyConnection, id_number: &str) -> anyhow::Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT expires_on FROM driving_licences WHERE holder_id_number = $1")
            .bind(id_number)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

#[derive(Debug, FromRow)]
pub struct ClassRow {
    pub class: String,
    pub since: String,
}

/// Each class on the licence with the day it was first on it.
pub async fn classes(conn: &mut AnyConnection, id_number: &str) -> anyhow::Result<Vec<ClassRow>> {
    Ok(
        sqlx::query_as("SELECT class, since FROM licence_classes WHERE holder_id_number = $1 ORDER BY since")
            .bind(id_number)
            .fetch_all(&mut *conn)
            .await?,
    )
}

#[derive(Debug, Clone, FromRow)]
pub struct BadgeRow {
    pub kind: String,
    pub issued_on: String,
    pub expires_on: String,
}

/// The badge one application issued.
pub async fn issued_by(conn: &mut AnyConnection, application_id: &str) -> anyhow::Result<Option<BadgeRow>> {
    Ok(
        sqlx::query_as("SELECT kind, issued_on, expires_on FROM psv_badges WHERE application_id = $1")
            .bind(application_id)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

pub struct Badge<'a> {
    pub holder_id_number: &'a str,
    pub kind: &'a str,
    pub application_id: &'a str,
    pub issued_on: &'a str,
    pub expires_on: &'a str,
}

/// Puts a badge on the register, replacing the holder's badge of the same kind.
pub async fn issue(conn: &mut AnyConnection, badge: &Badge<'_>) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO psv_badges (holder_id_number, kind, application_id, issued_on, expires_on) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (holder_id_number, kind) DO UPDATE SET application_id = excluded.application_id, \
         issued_on = excluded.issued_on, expires_on = excluded.expires_on",
    )
    .bind(badge.holder_id_number)
    .bind(badge.kind)
    .bind(badge.application_id)
    .bind(badge.issued_on)
    .bind(badge.expires_on)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
