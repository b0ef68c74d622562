//! The SQL for accounts: the account row, registration's insert, organisations and the password; the email and
//! phone in `contact.rs`, remembered devices in `devices.rs`.

pub mod contact;
pub mod devices;

use sqlx::FromRow;

use super::domain::{AccountType, Channel, DocumentType};
use crate::{
    db::Pool,
    ids::{AccountId, Email, PhoneNumber},
};

#[derive(Debug, Clone, FromRow)]
pub struct Account {
    pub id: AccountId,
    pub account_type: AccountType,
    pub id_number: String,
    pub first_name: String,
    pub last_name: String,
    pub email: Email,
    pub email_verified_at: Option<i64>,
    pub phone: PhoneNumber,
    pub phone_verified_at: Option<i64>,
    pub password_hash: String,
    pub language: String,
    pub code_channel: Channel,
    /// A new address or number waiting for its own proof; the verified one keeps working meanwhile.
    pub pending_email: Option<Email>,
    pub pending_phone: Option<PhoneNumber>,
}

impl Account {
    pub fn verified(&self) -> bool {
        self.email_verified_at.is_some() && self.phone_verified_at.is_some()
    }

    /// `wanted` if it is verified, else the other channel if that one is; codes never go anywhere unproven.
    pub fn verified_channel(&self, wanted: Channel) -> Option<Channel> {
        let verified = |channel: Channel| match channel {
            Channel::Sms => self.phone_verified_at.is_some(),
            Channel::Email => self.email_verified_at.is_some(),
        };
        let other = match wanted {
            Channel::Sms => Channel::Email,
            Channel::Email => Channel::Sms,
        };
        [wanted, other].into_iter().find(|c| verified(*c))
    }

    /// The address a code on `channel` goes to.
    pub fn address(&self, channel: Channel) -> &str {
        match channel {
            Channel::Sms => self.phone.as_str(),
            Channel::Email => self.email.as_str(),
        }
    }
}

const COLUMNS: &str = "id, account_type, id_number, first_name, last_name, email, email_verified_at, phone, \
                       phone_verified_at, password_hash, language, code_channel, pending_email, pending_phone";

pub async fn by_id(pool: &Pool, id: &str) -> anyhow::Result<Option<Account>> {
    Ok(sqlx::query_as(&format!("SELECT {COLUMNS} FROM accounts WHERE id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await?)
}

/// Whether the account holds a staff role (staff always give the second step and sign in for 8 hours at most).
pub async fn is_staff(pool: &Pool, account_id: &str) -> anyhow::Result<bool> {
    let found: Option<(String,)> = sqlx::query_as("SELECT account_id FROM staff WHERE account_id = $1")
        .bind(account_id)
        .fetch_optional(pool)
        .await?;
    Ok(found.is_some())
}

/// The account an email address or identity document number signs in. A number that two accounts hold under
/// different document types (a passport and a foreigner certificate alike) signs neither in: the email does.
pub async fn by_login(pool: &Pool, login: &str) -> anyhow::Result<Option<Account>> {
    let mut found: Vec<Account> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM accounts WHERE email = $1 OR id_number = $1 LIMIT 2"
    ))
    .bind(login)
    .fetch_all(pool)
    .await?;
    Ok(if found.len() == 1 { found.pop() } else { None })
}

/// Which of these are already taken by an account: "id_number" (under its document type), "email", "phone".
pub async fn taken(
    pool: &Pool,
    identity: Option<(DocumentType, &str)>,
    email: &str,
    phone: &str,
) -> anyhow::Result<Vec<&'static str>> {
    let mut taken = vec![];
    if let Some((document, number)) = identity {
        let found: Option<String> =
            sqlx::query_scalar("SELECT id FROM accounts WHERE document_type = $1 AND id_number = $2")
                .bind(document.code())
                .bind(number)
                .fetch_optional(pool)
                .await?;
        if found.is_some() {
            taken.push("id_number");
        }
    }
    for (column, value) in [("email", email), ("phone", phone)] {
        if value.is_empty() {
            continue;
        }
        let found: Option<String> = sqlx::query_scalar(&format!("SELECT id FROM accounts WHERE {column} = $1"))
            .bind(value)
            .fetch_optional(pool)
            .await?;
        if found.is_some() {
            taken.push(column);
        }
    }
    Ok(taken)
}

/// A resident or a diplomat in the demo registers.
#[derive(Debug, Clone, FromRow)]
pub struct RegisteredForeigner {
    pub first_name: String,
    pub last_name: String,
}

pub async fn register_foreigner(
    pool: &Pool,
    document: DocumentType,
    number: &str,
) -> anyhow::Result<Option<RegisteredForeigner>> {
    let table = match document {
        DocumentType::ForeignerCertificate => "register_residents",
        DocumentType::DiplomaticId => "register_diplomats",
        DocumentType::NationalId | DocumentType::Passport => return Ok(None),
    };
    Ok(sqlx::query_as(&format!(
        "SELECT first_name, last_name FROM {table} WHERE document_number = $1"
    ))
    .bind(number)
    .fetch_optional(pool)
    .await?)
}

/// Is the person with this document number a director KRA records for the organisation?
pub async fn is_director(pool: &Pool, kra_pin: &str, id_number: &str) -> anyhow::Result<bool> {
    let found: Option<String> =
        sqlx::query_scalar("SELECT kra_pin FROM organisation_directors WHERE kra_pin = $1 AND id_number = $2")
            .bind(kra_pin)
            .bind(id_number)
            .fetch_optional(pool)
            .await?;
    Ok(found.is_some())
}

/// A person in the demo national register.
#[derive(Debug, Clone, FromRow)]
pub struct RegisteredPerson {
    pub first_name: String,
    pub other_names: String,
    pub year_of_birth: i64,
}

pub async fn register_person(pool: &Pool, id_number: &str) -> anyhow::Result<Option<RegisteredPerson>> {
    Ok(
        sqlx::query_as("SELECT first_name, other_names, year_of_birth FROM register_people WHERE id_number = $1")
            .bind(id_number)
            .fetch_optional(pool)
            .await?,
    )
}

pub async fn organisation_exists(pool: &Pool, kra_pin: &str) -> anyhow::Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT name FROM organisations WHERE kra_pin = $1")
        .bind(kra_pin)
        .fetch_optional(pool)
        .await?)
}

/// An organisation an account acts for, and the person's role in it.
#[derive(Debug, Clone, FromRow)]
pub struct Membership {
    pub name: String,
    pub kra_pin: String,
    pub role: String,
}

pub async fn organisations_of(pool: &Pool, account_id: &str) -> anyhow::Result<Vec<Membership>> {
    Ok(sqlx::query_as(
        "SELECT o.name, o.kra_pin, ao.role FROM account_organisations ao JOIN organisations o \
         ON o.kra_pin = ao.kra_pin WHERE ao.account_id = $1 ORDER BY o.name",
    )
    .bind(account_id)
    .fetch_all(pool)
    .await?)
}

pub async fn set_password(conn: &mut sqlx::AnyConnection, account_id: &str, hash: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(account_id)
        .execute(&mut *conn)
        .await?;
    // Every remembered device is forgotten: whoever changed the password may be locking someone out.
    sqlx::query("DELETE FROM trusted_devices WHERE account_id = $1")
        .bind(account_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A new account's row, as registration has checked it.
pub struct NewAccount<'a> {
    pub id: &'a str,
    pub account_type: &'a str,
    pub document_type: &'a str,
    pub id_number: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub year_of_birth: Option<i64>,
    pub nationality: Option<&'a str>,
    pub mission: Option<&'a str>,
    pub email: &'a str,
    pub phone: &'a str,
    pub password_hash: &'a str,
    pub language: &'a str,
    pub terms_version: &'a str,
    pub terms_accepted_at: i64,
    pub now: i64,
}

pub async fn insert(conn: &mut sqlx::AnyConnection, account: &NewAccount<'_>) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO accounts (id, account_type, id_number, first_name, last_name, year_of_birth, nationality, \
         mission, email, phone, password_hash, language, terms_version, terms_accepted_at, created_at, \
         document_type) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(account.id)
    .bind(account.account_type)
    .bind(account.id_number)
    .bind(account.first_name)
    .bind(account.last_name)
    .bind(account.year_of_birth)
    .bind(account.nationality)
    .bind(account.mission)
    .bind(account.email)
    .bind(account.phone)
    .bind(account.password_hash)
    .bind(account.language)
    .bind(account.terms_version)
    .bind(account.terms_accepted_at)
    .bind(account.now)
    .bind(account.document_type)
    .execute(conn)
    .await?;
    Ok(())
}

/// A business account's organisation, with the person's role in it.
pub async fn add_membership(
    conn: &mut sqlx::AnyConnection,
    account_id: &str,
    kra_pin: &str,
    role: &str,
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO account_organisations (account_id, kra_pin, role, linked_at) VALUES ($1, $2, $3, $4)")
        .bind(account_id)
        .bind(kra_pin)
        .bind(role)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

pub use crate::db::is_unique_violation;

/// The account's ID number (what a person owns on the register is under it).
pub async fn id_number(conn: &mut sqlx::AnyConnection, account_id: &str) -> anyhow::Result<String> {
    Ok(sqlx::query_scalar("SELECT id_number FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_one(conn)
        .await?)
}
