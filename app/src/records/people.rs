//! A person someone names by ID number and first name (a transfer's buyer, an organisation's new authorised
//! person): found on the national register, with a Uraia account to answer on. Each answer tells whether a name
//! goes with a number, so details that do not match are counted per account on a throttle the caller names.

use sqlx::{AnyConnection, FromRow};

use crate::{
    error::{AppError, FieldError},
    ids::NationalId,
    state::AppState,
    web::{
        guard::SignedIn,
        throttle::{self, Rule},
    },
};

/// A person on the national register, and their Uraia account if they have one.
#[derive(Debug, Clone, FromRow)]
pub struct RegisterPerson {
    pub first_name: String,
    pub other_names: String,
    pub account_id: Option<String>,
}

pub async fn person(conn: &mut AnyConnection, id_number: &str) -> anyhow::Result<Option<RegisterPerson>> {
    Ok(sqlx::query_as(
        "SELECT p.first_name, p.other_names, a.id AS account_id FROM register_people p \
         LEFT JOIN accounts a ON a.id_number = p.id_number AND a.document_type = 'national_id' \
         WHERE p.id_number = $1",
    )
    .bind(id_number)
    .fetch_optional(conn)
    .await?)
}

/// The person found, with their account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub id_number: String,
    pub first_name: String,
    pub other_names: String,
    pub account_id: String,
}

/// How a feature asks: its messages (`{prefix}-id-missing`, `-id-format`, `-name-missing`, `-self`, `-details`,
/// `-no-account`, the last with `$name`) and the throttle its mismatches count on.
pub struct Asking<'a> {
    pub prefix: &'a str,
    pub throttle_key: String,
    pub rule: Rule,
}

/// The person with `id_number` whose register first name is `first_name` (either case), other than `who`, with a
/// Uraia account; each refusal is the message for the field it is about.
pub async fn named(
    state: &AppState,
    who: &SignedIn,
    asking: &Asking<'_>,
    id_number: &str,
    first_name: &str,
) -> Result<Named, AppError> {
    let prefix = asking.prefix;
    let mut errors = Vec::new();
    let id = if id_number.trim().is_empty() {
        errors.push(FieldError::new("id_number", &format!("{prefix}-id-missing")));
        None
    } else {
        let parsed = NationalId::parse(id_number);
        if parsed.is_none() {
            errors.push(FieldError::new("id_number", &format!("{prefix}-id-format")));
        }
        parsed
    };
    if first_name.trim().is_empty() {
        errors.push(FieldError::new("first_name", &format!("{prefix}-name-missing")));
    }
    let Some(id) = id.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    if id.as_str() == who.id_number {
        return Err(AppError::field("id_number", &format!("{prefix}-self")));
    }
    let key = &asking.throttle_key;
    throttle::admit(&state.pool, key, asking.rule, state.clock.now(), "id_number").await??;
    let mut conn = state.pool.acquire().await?;
    let person = person(&mut conn, id.as_str())
        .await?
        .filter(|p| p.first_name.trim().eq_ignore_ascii_case(first_name.trim()))
        .ok_or_else(|| AppError::field("id_number", &format!("{prefix}-details")))?;
    throttle::release(&state.pool, key, asking.rule).await?;
    let Some(account_id) = person.account_id else {
        return Err(FieldError::new("id_number", &format!("{prefix}-no-account"))
            .with_arg("name", person.first_name)
            .into());
    };
    Ok(Named {
        id_number: id.as_str().to_string(),
        first_name: person.first_name,
        other_names: person.other_names,
        account_id,
    })
}
