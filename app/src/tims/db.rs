//! The SQL of TIMS linking.

use sqlx::{AnyConnection, FromRow};

use crate::db::Pool;

/// A legacy TIMS account: a person's (ID number) or an organisation's (KRA PIN).
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct TimsRecord {
    pub account_number: String,
    pub id_number: Option<String>,
    pub kra_pin: Option<String>,
    pub phone: String,
}

pub async fn find(pool: &Pool, identifier: &str) -> anyhow::Result<Option<TimsRecord>> {
    Ok(sqlx::query_as(
        "SELECT account_number, id_number, kra_pin, phone FROM tims_accounts WHERE id_number = $1 OR kra_pin = $1",
    )
    .bind(identifier)
    .fetch_optional(pool)
    .await?)
}

pub async fn by_number(pool: &Pool, account_number: &str) -> anyhow::Result<Option<TimsRecord>> {
    Ok(
        sqlx::query_as("SELECT account_number, id_number, kra_pin, phone FROM tims_accounts WHERE account_number = $1")
            .bind(account_number)
            .fetch_optional(pool)
            .await?,
    )
}

/// The account a record is linked to, if any.
pub async fn linked_to(pool: &Pool, account_number: &str) -> anyhow::Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT account_id FROM tims_links WHERE account_number = $1")
            .bind(account_number)
            .fetch_optional(pool)
            .await?,
    )
}

/// Whether the account acts for the organisation `kra_pin` (a business account's organisation), or its holder is
/// one of the organisation's directors as KRA records them.
pub async fn acts_for(pool: &Pool, account_id: &str, kra_pin: &str) -> anyhow::Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM account_organisations WHERE account_id = $1 AND kra_pin = $2          UNION SELECT 1 FROM organisation_directors d JOIN accounts a ON a.id_number = d.id_number          WHERE a.id = $1 AND d.kra_pin = $2",
    )
    .bind(account_id)
    .bind(kra_pin)
    .fetch_optional(pool)
    .await?;
    Ok(found.is_some())
}

/// What the national register says of a person, as the details proof compares it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RegisterDetails {
    pub first_name: String,
    pub year_of_birth: i64,
}

pub async fn register_details(pool: &Pool, id_number: &str) -> anyhow::Result<Option<RegisterDetails>> {
    Ok(
        sqlx::query_as("SELECT first_name, year_of_birth FROM register_people WHERE id_number = $1")
            .bind(id_number)
            .fetch_optional(pool)
            .await?,
    )
}

/// Links the record to the account; false when it is linked already (to anyone): one record, one account.
pub async fn link(
    conn: &mut AnyConnection,
    account_number: &str,
    account_id: &str,
    proved_by: &str,
    now: i64,
) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO tims_links (account_number, account_id, proved_by, linked_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (account_number) DO NOTHING",
    )
    .bind(account_number)
    .bind(account_id)
    .bind(proved_by)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
