//! Who is asking. Every signed-in page and server function starts here: a session that is signed in, to an
//! account whose email and phone are proven, else the page the person must go to first.

use super::{context::Ctx, db, routes::Page};
use crate::{
    account_type::AccountType,
    error::AppError,
    ids::{AccountId, PhoneNumber},
};

/// A signed-in person with a verified account: what a service needs to know about who is acting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    pub id: AccountId,
    pub account_type: AccountType,
    /// The identity document number the account was registered with.
    pub id_number: String,
    pub first_name: String,
    /// The verified mobile number (M-Pesa prompts go to it unless the person gives another).
    pub phone: PhoneNumber,
}

/// The signed-in, verified person, or the page to send them to instead (sign in, or a verification step).
pub async fn signed_in(ctx: &Ctx) -> Result<Result<SignedIn, Page>, AppError> {
    let Some(id) = ctx.session.account_id.as_deref() else {
        return Ok(Err(Page::Login));
    };
    let Some(row) = db::signed_in_account(&ctx.state.pool, id).await? else {
        return Ok(Err(Page::Login));
    };
    if let Some(page) = Page::verification_due(row.email_verified_at.is_some(), row.phone_verified_at.is_some()) {
        return Ok(Err(page));
    }
    Ok(Ok(row.into()))
}

/// An application's applicant as the services know a person (an officer's view shows what the applicant saw).
pub async fn applicant(pool: &crate::db::Pool, account_id: &AccountId) -> Result<Option<SignedIn>, AppError> {
    Ok(db::signed_in_account(pool, account_id.as_str())
        .await?
        .map(SignedIn::from))
}

impl From<db::SignedInRow> for SignedIn {
    fn from(row: db::SignedInRow) -> SignedIn {
        SignedIn {
            id: row.id,
            account_type: row.account_type,
            id_number: row.id_number,
            first_name: row.first_name,
            phone: row.phone,
        }
    }
}
