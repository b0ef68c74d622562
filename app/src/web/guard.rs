//! Who is asking. Every signed-in page and server function starts here: a session that is signed in, to an
//! account whose email and phone are proven, else the page the person must go to first.

use super::{context::Ctx, db};
use crate::{error::AppError, ids::AccountId};

/// A signed-in person with a verified account: what a service needs to know about who is acting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    pub id: AccountId,
    /// `citizen`, `resident`, `diplomat`, `visitor` or `business` (the accounts feature parses it).
    pub account_type: String,
    /// The identity document number the account was registered with.
    pub id_number: String,
    pub first_name: String,
}

/// Where a signed-in person whose account is not yet proven must go first, if anywhere.
pub fn pending_step(email_verified: bool, phone_verified: bool) -> Option<&'static str> {
    if !email_verified {
        Some("verify/email")
    } else if !phone_verified {
        Some("verify/phone")
    } else {
        None
    }
}

/// The signed-in, verified person, or the page to send them to instead (sign in, or a verification step).
pub async fn signed_in(ctx: &Ctx) -> Result<Result<SignedIn, &'static str>, AppError> {
    let Some(id) = ctx.session.account_id.as_deref() else {
        return Ok(Err("login"));
    };
    let Some(row) = db::signed_in_account(&ctx.state.pool, id)
        .await
        .map_err(AppError::internal)?
    else {
        return Ok(Err("login"));
    };
    if let Some(step) = pending_step(row.email_verified_at.is_some(), row.phone_verified_at.is_some()) {
        return Ok(Err(step));
    }
    Ok(Ok(SignedIn {
        id: AccountId::from_stored(row.id),
        account_type: row.account_type,
        id_number: row.id_number,
        first_name: row.first_name,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_proven_before_phone() {
        assert_eq!(pending_step(false, false), Some("verify/email"));
        assert_eq!(pending_step(false, true), Some("verify/email"));
        assert_eq!(pending_step(true, false), Some("verify/phone"));
        assert_eq!(pending_step(true, true), None);
    }
}
