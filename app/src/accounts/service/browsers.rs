//! "Where you are signed in": the account's live sessions, each of which its owner can end, or all the others at
//! once (OWASP ASVS 5.0 V7.5.2).

use crate::{
    error::AppError,
    web::{context::Ctx, session::public_id},
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
    let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "SELECT id_hash, label, created_at, last_seen_at FROM sessions WHERE account_id = $1 AND expires_at > $2 \
         ORDER BY last_seen_at DESC",
    )
    .bind(account_id)
    .bind(ctx.now())
    .fetch_all(&ctx.state.pool)
    .await
    .map_err(AppError::internal)?;
    let this = ctx.session.public_id();
    Ok(rows
        .into_iter()
        .map(|(id_hash, label, signed_in_at, last_seen_at)| {
            let id = public_id(&id_hash);
            SignedInBrowser {
                this: id == this,
                id,
                label,
                signed_in_at,
                last_seen_at,
            }
        })
        .collect())
}

/// Ends one of the account's other sessions (`which` from the list), or all of them (`others`).
pub async fn end(ctx: &mut Ctx, which: &str) -> Result<String, AppError> {
    let account = current(ctx).await?;
    let rows: Vec<(String,)> = sqlx::query_as("SELECT id_hash FROM sessions WHERE account_id = $1")
        .bind(&account.id)
        .fetch_all(&ctx.state.pool)
        .await
        .map_err(AppError::internal)?;
    let this = ctx.session.public_id();
    let ending: Vec<String> = rows
        .into_iter()
        .map(|(id_hash,)| id_hash)
        .filter(|id_hash| {
            let id = public_id(id_hash);
            id != this && (which == "others" || id == which)
        })
        .collect();
    for id_hash in &ending {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1 AND account_id = $2")
            .bind(id_hash)
            .bind(&account.id)
            .execute(&ctx.state.pool)
            .await
            .map_err(AppError::internal)?;
    }
    ctx.session.data.notice = Some("accounts-notice-sessions-ended".into());
    Ok("account".into())
}
