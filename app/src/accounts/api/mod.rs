//! The accounts server functions: plain form posts (url-encoded, flat arguments) that work with or without
//! JavaScript. Each resolves the session (the signed-in account, a feature's entry), hands typed inputs to a
//! service, keeps what the outcome says to keep, and redirects through the route table: onwards, or back to the
//! form with its errors and what was typed (passwords excepted). Anything taking a password, code or ID number
//! is logged with `skip_all`. One file per part of the feature, as in `pages/`.

mod account;
mod registration;
mod sign_in;
mod verification;

pub use account::*;
pub use registration::*;
pub use sign_in::*;
pub use verification::*;

use super::{db::Account, service};
use crate::{
    error::AppError,
    web::{context::Ctx, routes::Next},
};

/// Ends a post: onwards to `next` (with its notice), or back to `back` with the errors and `values`.
pub(super) async fn end(
    mut ctx: Ctx,
    result: Result<Next, AppError>,
    form: &str,
    back: &str,
    values: &[(&str, &str)],
) -> Result<(), AppError> {
    let result = result.map(|next| {
        if let Some(notice) = next.notice {
            ctx.notice(notice);
        }
        next.page.path()
    });
    ctx.finish(result, form, back, values).await
}

/// The account the session is signed in to (verified or not).
pub async fn account(ctx: &Ctx) -> Result<Account, AppError> {
    service::verification::account(&ctx.state, ctx.session.account_id.as_deref()).await
}

/// Signs this browser in to `account_id`: a new session id, every feature entry dropped.
pub(super) async fn sign_in_here(ctx: &mut Ctx, account_id: &str) -> Result<(), AppError> {
    let browser = ctx.caller().browser;
    let member = crate::staff::service::member(&ctx.state, account_id).await?;
    ctx.session.sign_in(&ctx.state, account_id, browser).await?;
    ctx.session.data.staff = member.is_some();
    // A staff member's sign-in is in the audit log, with where it came from.
    if let Some(member) = member {
        let actor = crate::staff::service::Actor::staff(&member, &ctx.client);
        crate::staff::service::note(&ctx.state, actor, "sign-in", member.email.as_str()).await?;
    }
    Ok(())
}
