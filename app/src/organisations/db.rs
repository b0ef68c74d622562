//! The SQL of an organisation's people: who acts for it, the invitations waiting, adding and removing a person,
//! and the email its audit lines name.

use sqlx::{AnyConnection, FromRow};

use crate::db::Pool;

#[derive(Debug, Clone, FromRow)]
pub struct OrganisationRow {
    pub kra_pin: String,
    pub name: String,
    pub kind: String,
}

/// The organisation `kra_pin` if `account_id` acts for it.
pub async fn acted_for(pool: &Pool, account_id: &str, kra_pin: &str) -> anyhow::Result<Option<OrganisationRow>> {
    Ok(sqlx::query_as(
        "SELECT o.kra_pin, o.name, o.kind FROM account_organisations ao JOIN organisations o ON o.kra_pin = ao.kra_pin \
         WHERE ao.account_id = $1 AND ao.kra_pin = $2",
    )
    .bind(account_id)
    .bind(kra_pin)
    .fetch_optional(pool)
    .await?)
}

/// One of the people who act for an organisation.
#[derive(Debug, Clone, FromRow)]
pub struct PersonRow {
    pub account_id: String,
    pub id_number: String,
    pub name: String,
    pub role: String,
    pub linked_at: i64,
    /// Who added them (none: a director who linked the organisation when registering).
    pub added_by: Option<String>,
}

pub async fn people(pool: &Pool, kra_pin: &str) -> anyhow::Result<Vec<PersonRow>> {
    Ok(sqlx::query_as(
        "SELECT ao.account_id, a.id_number, a.first_name || ' ' || a.last_name AS name, ao.role, ao.linked_at, \
         b.first_name || ' ' || b.last_name AS added_by \
         FROM account_organisations ao JOIN accounts a ON a.id = ao.account_id \
         LEFT JOIN accounts b ON b.id = ao.added_by WHERE ao.kra_pin = $1 ORDER BY ao.linked_at, a.id",
    )
    .bind(kra_pin)
    .fetch_all(pool)
    .await?)
}

/// One person's ID number and role in the organisation, if they act for it.
pub async fn person_in(
    conn: &mut AnyConnection,
    kra_pin: &str,
    account_id: &str,
) -> anyhow::Result<Option<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT a.id_number, ao.role FROM account_organisations ao JOIN accounts a ON a.id = ao.account_id \
         WHERE ao.kra_pin = $1 AND ao.account_id = $2",
    )
    .bind(kra_pin)
    .bind(account_id)
    .fetch_optional(conn)
    .await?)
}

/// The accounts that made applications for the organisation, with their holders' names.
pub async fn applicants(pool: &Pool, kra_pin: &str) -> anyhow::Result<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT id, first_name || ' ' || last_name FROM accounts \
         WHERE id IN (SELECT account_id FROM applications WHERE organisation_kra_pin = $1)",
    )
    .bind(kra_pin)
    .fetch_all(pool)
    .await?)
}

/// An invitation still waiting, with the invited person's and the inviter's names.
#[derive(Debug, Clone, FromRow)]
pub struct InvitationRow {
    pub kra_pin: String,
    pub organisation: String,
    pub id_number: String,
    pub name: String,
    pub role: String,
    pub invited_by: String,
    pub invited_at: i64,
    pub expires_at: i64,
}

const INVITATION: &str = "SELECT i.kra_pin, o.name AS organisation, i.id_number, \
     p.first_name || ' ' || p.other_names AS name, i.role, b.first_name || ' ' || b.last_name AS invited_by, \
     i.invited_at, i.expires_at FROM organisation_invitations i JOIN organisations o ON o.kra_pin = i.kra_pin \
     JOIN register_people p ON p.id_number = i.id_number JOIN accounts b ON b.id = i.invited_by";

/// The organisation's invitations still waiting at `now`.
pub async fn invitations(pool: &Pool, kra_pin: &str, now: i64) -> anyhow::Result<Vec<InvitationRow>> {
    Ok(sqlx::query_as(&format!(
        "{INVITATION} WHERE i.kra_pin = $1 AND i.expires_at > $2 ORDER BY i.invited_at"
    ))
    .bind(kra_pin)
    .bind(now)
    .fetch_all(pool)
    .await?)
}

/// The invitations waiting for the person with `id_number` at `now`.
pub async fn invitations_to(pool: &Pool, id_number: &str, now: i64) -> anyhow::Result<Vec<InvitationRow>> {
    Ok(sqlx::query_as(&format!(
        "{INVITATION} WHERE i.id_number = $1 AND i.expires_at > $2 ORDER BY i.invited_at"
    ))
    .bind(id_number)
    .bind(now)
    .fetch_all(pool)
    .await?)
}

pub struct NewInvitation<'a> {
    pub kra_pin: &'a str,
    pub id_number: &'a str,
    pub role: &'a str,
    pub invited_by: &'a str,
    pub now: i64,
    pub expires_at: i64,
}

/// Invites a person; false when an invitation to them still waits (a lapsed one is replaced).
pub async fn invite(conn: &mut AnyConnection, new: &NewInvitation<'_>) -> anyhow::Result<bool> {
    sqlx::query("DELETE FROM organisation_invitations WHERE kra_pin = $1 AND id_number = $2 AND expires_at <= $3")
        .bind(new.kra_pin)
        .bind(new.id_number)
        .bind(new.now)
        .execute(&mut *conn)
        .await?;
    let done = sqlx::query(
        "INSERT INTO organisation_invitations (kra_pin, id_number, role, invited_by, invited_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
    )
    .bind(new.kra_pin)
    .bind(new.id_number)
    .bind(new.role)
    .bind(new.invited_by)
    .bind(new.now)
    .bind(new.expires_at)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends the invitation to `id_number`, if it still waits at `now`: its role and who sent it.
pub async fn take_invitation(
    conn: &mut AnyConnection,
    kra_pin: &str,
    id_number: &str,
    now: i64,
) -> anyhow::Result<Option<(String, String)>> {
    Ok(sqlx::query_as(
        "DELETE FROM organisation_invitations WHERE kra_pin = $1 AND id_number = $2 AND expires_at > $3 \
         RETURNING role, invited_by",
    )
    .bind(kra_pin)
    .bind(id_number)
    .bind(now)
    .fetch_optional(conn)
    .await?)
}

/// The accounts of the people who act for the organisation.
pub async fn accounts_of(conn: &mut AnyConnection, kra_pin: &str) -> anyhow::Result<Vec<String>> {
    Ok(
        sqlx::query_scalar("SELECT account_id FROM account_organisations WHERE kra_pin = $1 ORDER BY account_id")
            .bind(kra_pin)
            .fetch_all(conn)
            .await?,
    )
}

/// Whether the account already acts for the organisation.
pub async fn acts_for(conn: &mut AnyConnection, account_id: &str, kra_pin: &str) -> anyhow::Result<bool> {
    let found: Option<String> =
        sqlx::query_scalar("SELECT kra_pin FROM account_organisations WHERE account_id = $1 AND kra_pin = $2")
            .bind(account_id)
            .bind(kra_pin)
            .fetch_optional(conn)
            .await?;
    Ok(found.is_some())
}

pub async fn add(
    conn: &mut AnyConnection,
    account_id: &str,
    kra_pin: &str,
    role: &str,
    added_by: &str,
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO account_organisations (account_id, kra_pin, role, linked_at, added_by) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT DO NOTHING",
    )
    .bind(account_id)
    .bind(kra_pin)
    .bind(role)
    .bind(now)
    .bind(added_by)
    .execute(conn)
    .await?;
    Ok(())
}

/// Takes the organisation's row lock, so two people removing each other at once are decided one after the other
/// (on SQLite the write transaction already is).
pub async fn lock(conn: &mut AnyConnection, kra_pin: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE organisations SET kra_pin = kra_pin WHERE kra_pin = $1")
        .bind(kra_pin)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn count(conn: &mut AnyConnection, kra_pin: &str) -> anyhow::Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM account_organisations WHERE kra_pin = $1")
            .bind(kra_pin)
            .fetch_one(conn)
            .await?,
    )
}

/// Removes a person; false when they no longer act for it.
pub async fn remove(conn: &mut AnyConnection, account_id: &str, kra_pin: &str) -> anyhow::Result<bool> {
    let done = sqlx::query("DELETE FROM account_organisations WHERE account_id = $1 AND kra_pin = $2")
        .bind(account_id)
        .bind(kra_pin)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Withdraws (or declines) an invitation; false when none waited.
pub async fn withdraw(conn: &mut AnyConnection, kra_pin: &str, id_number: &str) -> anyhow::Result<bool> {
    let done = sqlx::query("DELETE FROM organisation_invitations WHERE kra_pin = $1 AND id_number = $2")
        .bind(kra_pin)
        .bind(id_number)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The email an account signs in with (the audit log names the person who acted by it, as it does staff).
pub async fn email(conn: &mut AnyConnection, account_id: &str) -> anyhow::Result<String> {
    Ok(sqlx::query_scalar("SELECT email FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_one(conn)
        .await?)
}
