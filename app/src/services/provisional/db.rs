//! The SQL of the provisional licence: what the register says of a learner, and the permits an approval issues.

use sqlx::{AnyConnection, FromRow};

/// The classes on the person's own driving licence, as stored (`B C1`).
pub async fn licensed(conn: &mut AnyConnection, id_number: &str) -> anyhow::Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT classes FROM driving_licences WHERE holder_id_number = $1")
            .bind(id_number)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

#[derive(Debug, Clone, FromRow)]
pub struct PermitRow {
    pub class: String,
    pub issued_on: String,
    pub expires_on: String,
}

/// The provisional licences under an ID number, by class.
pub async fn permits(conn: &mut AnyConnection, id_number: &str) -> anyhow::Result<Vec<PermitRow>> {
    Ok(sqlx::query_as(
        "SELECT class, issued_on, expires_on FROM provisional_licences WHERE holder_id_number = $1 ORDER BY class",
    )
    .bind(id_number)
    .fetch_all(&mut *conn)
    .await?)
}

/// The permits one application issued (its slip and its page).
pub async fn issued_by(conn: &mut AnyConnection, application_id: &str) -> anyhow::Result<Vec<PermitRow>> {
    Ok(sqlx::query_as(
        "SELECT class, issued_on, expires_on FROM provisional_licences WHERE application_id = $1 ORDER BY class",
    )
    .bind(application_id)
    .fetch_all(&mut *conn)
    .await?)
}

pub struct Permit<'a> {
    pub holder_id_number: &'a str,
    pub class: &'a str,
    pub application_id: &'a str,
    pub issued_on: &'a str,
    pub expires_on: &'a str,
}

/// Puts a permit on the register; one for the same class (lapsed, or still valid when an officer approved a second
/// application) is replaced by it.
pub async fn issue(conn: &mut AnyConnection, permit: &Permit<'_>) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO provisional_licences (holder_id_number, class, application_id, issued_on, expires_on) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (holder_id_number, class) DO UPDATE SET application_id = excluded.application_id, \
         issued_on = excluded.issued_on, expires_on = excluded.expires_on",
    )
    .bind(permit.holder_id_number)
    .bind(permit.class)
    .bind(permit.application_id)
    .bind(permit.issued_on)
    .bind(permit.expires_on)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
