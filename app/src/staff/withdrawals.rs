//! A supervisor withdraws a document Uraia issued (issued in error, obtained by fraud): once, with a reason, in
//! one conditional `UPDATE` with its audit line; the holder is told. Its public check then says "withdrawn" with
//! the date (the reason stays with staff and the holder).

use super::{
    decisions::tell,
    domain::{Permission, Staff},
    service::{record, Actor},
};
use crate::{applications::domain::Application, db::begin_write, documents::db as documents, state::AppState};

/// What a withdrawal did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Withdrawn {
    Done,
    /// Withdrawn already, or not one of this application's documents.
    NotOpen,
    NotAllowed,
}

pub async fn withdraw(
    state: &AppState,
    staff: &Staff,
    client: &str,
    application: &Application,
    code: &str,
    reason: &str,
) -> anyhow::Result<Withdrawn> {
    if !staff.may(Permission::Withdraw) {
        return Ok(Withdrawn::NotAllowed);
    }
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    let by = staff.account.as_str();
    let Some(kind) = documents::withdraw(&mut tx, application.id.as_str(), code, reason, by, now).await? else {
        return Ok(Withdrawn::NotOpen);
    };
    let after = format!("{} {code}: {reason}", kind.code());
    let actor = Actor::staff(staff, client);
    record(
        &mut tx,
        actor,
        "document-withdraw",
        application.id.as_str(),
        "",
        &after,
        now,
    )
    .await?;
    tell(&mut tx, application, "message-document-withdrawn", reason, now).await?;
    tx.commit().await?;
    Ok(Withdrawn::Done)
}
