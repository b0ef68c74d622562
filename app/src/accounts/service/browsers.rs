//! "Where you are signed in": the account's live sessions, each of which its owner can end, or all the others at
//! once (OWASP ASVS 5.0 V7.5.2).

use crate::{
    error::AppError,
    web::{
        context::Ctx,
        session::{self, public_id},
    },
};

use super::verification::current;

/// A signed-in browser, as the account page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedInBrowser {
    pub id: String,
    pub label: String,
    pub signed_in_at: i64,
    pub last_seen_at: i64,
    /// The browser looking at the list.
    pub this: bool,
}

/// The account's live sessions, the most recently used first.
pub async fn list(ctx: &Ctx, account_id: &str) -> Result<Vec<SignedInBrowser>, AppError> {
    let rows = session::of_account(&ctx.state.pool, account_id, ctx.now())
        .await
        .map_err(AppError::internal)?;
    let this = ctx.session.public_id();
    Ok(rows
        .into_iter()
        .map(|row| {
            let id = public_id(&row.id_hash);
            SignedInBrowser {
                this: id == this,
                id,
                label: row.label,
                signed_in_at: row.created_at,
                last_seen_at: row.last_seen_at,
            }
        })
        .collect())
}

/// Ends one of the account's other sessions (`which` from the list), or all of them (`others`).
pub async fn end(ctx: &mut Ctx, which: &str) -> Result<String, AppError> {
    let account = current(ctx).await?;
    let rows = session::of_account(&ctx.state.pool, &account.id, ctx.now())
        .await
        .map_err(AppError::internal)?;
    let this = ctx.session.public_id();
    let ending: Vec<String> = rows
        .into_iter()
        .map(|row| row.id_hash)
        .filter(|id_hash| {
            let id = public_id(id_hash);
            id != this && (which == "others" || id == which)
        })
        .collect();
    let mut conn = ctx.state.pool.acquire().await.map_err(AppError::internal)?;
    for id_hash in &ending {
        session::end(&mut conn, &account.id, Some(id_hash))
            .await
            .map_err(AppError::internal)?;
    }
    ctx.session.data.notice = Some("accounts-notice-sessions-ended".into());
    Ok("account".into())
}
