//! The SQL of the shared ground: the little of the account that deciding "who is asking" needs. The accounts
//! feature owns the table and every write to it.

use sqlx::FromRow;

use crate::{
    account_type::AccountType,
    db::Pool,
    ids::{AccountId, PhoneNumber},
};

#[derive(Debug, FromRow)]
pub struct SignedInRow {
    pub id: AccountId,
    pub account_type: AccountType,
    pub id_number: String,
    pub first_name: String,
    pub phone: PhoneNumber,
    pub email_verified_at: Option<i64>,
    pub phone_verified_at: Option<i64>,
}

pub async fn signed_in_account(pool: &Pool, id: &str) -> anyhow::Result<Option<SignedInRow>> {
    Ok(sqlx::query_as(
        "SELECT id, account_type, id_number, first_name, phone, email_verified_at, phone_verified_at \
         FROM accounts WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?)
}
