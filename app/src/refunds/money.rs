//! Money to investigate: a paid prompt nobody asked for, a Paybill payment under no reference, a result that
//! contradicts a settled payment (raised by `payments`). Staff attach money to the application it was meant for
//! (which then settles as if paid that way), refund it (`service::approve`), or close a contradiction with a note.
//! Each is one conditional `UPDATE ... WHERE resolved_at IS NULL`, in the transaction of what it does, with its
//! audit line.

use super::db::{self, Investigation};
use crate::{
    applications::{domain::Payment, service as applications},
    db::begin_write,
    fees::domain::Shillings,
    payments::service::{record as record_payment, Settled},
    staff::{
        domain::{Permission, Staff},
        service::{record, Actor},
    },
    state::AppState,
};

/// What is open, oldest first.
pub async fn open(state: &AppState) -> anyhow::Result<Vec<Investigation>> {
    db::open_investigations(&state.pool).await
}

/// What attaching did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attached {
    /// Recorded as the application's payment (or, paid already, as its credit).
    Done(Settled),
    /// No application has that reference.
    NoApplication,
    /// Resolved meanwhile, being refunded, or not money (a contradiction).
    NotOpen,
    NotAllowed,
}

/// Attaches the money of investigation `id` to the application with `reference`: settled as that payment would
/// have been, once.
pub async fn attach(
    state: &AppState,
    staff: &Staff,
    client: &str,
    id: &str,
    reference: &str,
) -> anyhow::Result<Attached> {
    if !staff.may(Permission::Refund) {
        return Ok(Attached::NotAllowed);
    }
    let now = state.clock.now();
    let reference = reference.trim().to_ascii_uppercase();
    let mut tx = begin_write(&state.pool).await?;
    let Some(application) = applications::by_reference(&mut tx, &reference).await? else {
        return Ok(Attached::NoApplication);
    };
    let resolution = format!("attached to {reference}");
    let taken = db::resolve(&mut tx, id, true, &resolution, staff.account.as_str(), now).await?;
    let Some((Some(receipt), Some(amount))) = taken else {
        return Ok(Attached::NotOpen);
    };
    let payment = Payment {
        method: "mpesa",
        receipt: receipt.clone(),
        amount: Shillings(amount),
    };
    let settled = record_payment(
        &mut tx,
        state,
        &application.id,
        &payment,
        "attached by staff",
        None,
        now,
    )
    .await?;
    let after = format!("{resolution}: KES {amount} receipt {receipt}");
    record(
        &mut tx,
        Actor::staff(staff, client),
        "money-attach",
        id,
        "",
        &after,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Attached::Done(settled))
}

/// Closes investigation `id` with staff's `note` (a contradiction looked into, money found elsewhere); false when
/// it was resolved already or may not be closed by them.
pub async fn close(state: &AppState, staff: &Staff, client: &str, id: &str, note: &str) -> anyhow::Result<bool> {
    if !staff.may(Permission::Refund) {
        return Ok(false);
    }
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    let resolution = format!("closed: {note}");
    if db::resolve(&mut tx, id, false, &resolution, staff.account.as_str(), now)
        .await?
        .is_none()
    {
        return Ok(false);
    }
    record(&mut tx, Actor::staff(staff, client), "money-close", id, "", note, now).await?;
    tx.commit().await?;
    Ok(true)
}
