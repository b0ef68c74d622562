//! "Where you are signed in": the account's live sessions, each of which its owner can end, or all the others at
//! once (OWASP ASVS 5.0 V7.5.2).

use crate::{
    error::AppError,
    state::AppState,
    web::{
        context::Caller,
        session::{self, public_id},
    },
};

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
pub async fn list(state: &AppState, caller: &Caller, account_id: &str) -> Result<Vec<SignedInBrowser>, AppError> {
    let rows = session::of_account(&state.pool, account_id, state.clock.now()).await?;
    let this = public_id(&caller.session);
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
pub async fn end(state: &AppState, caller: &Caller, account_id: &str, which: &str) -> Result<(), AppError> {
    let rows = session::of_account(&state.pool, account_id, state.clock.now()).await?;
    let mut conn = state.pool.acquire().await?;
    for row in rows {
        let id = public_id(&row.id_hash);
        if row.id_hash != caller.session && (which == "others" || id == which) {
            session::end(&mut conn, account_id, Some(&row.id_hash)).await?;
        }
    }
    Ok(())
}
