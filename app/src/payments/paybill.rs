//! Paybill (C2B) payments: a bank app or the M-Pesa menu paid the bill reference. M-Pesa asks first (validation)
//! and then confirms; a confirmation is believed at once only for a transaction we accepted at validation, and
//! otherwise once M-Pesa's Transaction Status API confirms it, since anyone who knows a bill reference and its
//! amount could post one. Money under no reference is raised for staff. Every payment ends in `service::record`.

use super::{
    db::{self, Investigation, StoredConfirmation},
    service::{record, Settled},
};
use crate::gateways::results::TransactionStatus;
use crate::{
    applications::{domain::Payment, service as applications},
    db::begin_write,
    fees::domain::Shillings,
    state::AppState,
};

/// A Paybill (C2B) payment: the bank app or the M-Pesa menu paid the bill reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmation {
    pub trans_id: String,
    pub bill_reference: String,
    pub amount: i64,
    pub msisdn: String,
}

impl Confirmation {
    fn stored(&self) -> StoredConfirmation {
        StoredConfirmation {
            trans_id: self.trans_id.clone(),
            bill_reference: self.bill_reference.trim().to_ascii_uppercase(),
            amount_kes: self.amount,
            msisdn: self.msisdn.clone(),
        }
    }
}

/// M-Pesa's question before it takes a Paybill payment: is this account number (our bill reference) waiting for
/// this amount? Answering no keeps money for a mistyped reference in the payer's account instead of ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validation {
    Accept,
    /// No application waits for a payment under this reference.
    UnknownReference,
    /// The amount is not the invoice's total.
    WrongAmount,
}

/// Answers M-Pesa's validation; a transaction accepted here is one whose confirmation is believed.
pub async fn validate(state: &AppState, c2b: &Confirmation) -> anyhow::Result<Validation> {
    let mut conn = state.pool.acquire().await?;
    let asked = c2b.stored();
    let application = applications::by_reference(&mut conn, &asked.bill_reference).await?;
    let answer = match application {
        Some(application) if application.status == crate::applications::domain::Status::AwaitingPayment => {
            match application.invoice {
                Some(invoice) if invoice.total().0 == asked.amount_kes => Validation::Accept,
                _ => Validation::WrongAmount,
            }
        }
        _ => Validation::UnknownReference,
    };
    if answer == Validation::Accept {
        let now = state.clock.now();
        let amount = Shillings(asked.amount_kes);
        db::insert_validation(
            &mut conn,
            &asked.trans_id,
            &asked.bill_reference,
            amount,
            &asked.msisdn,
            now,
        )
        .await?;
    }
    Ok(answer)
}

/// A Paybill confirmation: settled at once for a transaction we accepted at validation; any other is kept as
/// unverified and M-Pesa's books are asked (`on_transaction_status` settles it), since anyone who knows a bill
/// reference and its amount could post one. Once per transaction; a repeat of an unverified one asks again.
pub async fn on_confirmation(state: &AppState, confirmation: &Confirmation) -> anyhow::Result<Settled> {
    let now = state.clock.now();
    let stored = confirmation.stored();
    let mut tx = begin_write(&state.pool).await?;
    let amount = Shillings(stored.amount_kes);
    let validated = db::was_validated(&mut tx, &stored.trans_id, &stored.bill_reference, amount).await?;
    let status = if validated { "settled" } else { "unverified" };
    if !db::insert_confirmation(&mut tx, &stored, status, now).await? {
        let unverified = db::unverified_confirmation(&mut tx, &stored.trans_id).await?;
        tx.commit().await?;
        if unverified.is_none() {
            return Ok(Settled::Duplicate);
        }
    } else if validated {
        let settled = credit_confirmation(&mut tx, state, &stored, "paybill", now).await?;
        tx.commit().await?;
        return Ok(settled);
    } else {
        let detail = format!(
            "Paybill {} of KES {} for {:?} was not validated: asking M-Pesa",
            stored.trans_id, amount.0, stored.bill_reference
        );
        db::event(&mut tx, None, None, "unverified", &detail, now).await?;
        tx.commit().await?;
    }
    let Some(daraja) = state.daraja.as_ref() else {
        anyhow::bail!("a Paybill confirmation to check with M-Pesa off");
    };
    daraja.transaction_status(&stored.trans_id, now).await?;
    Ok(Settled::Unconfirmed)
}

/// M-Pesa's answer about an unverified Paybill confirmation: settled when its books show this transaction completed
/// for the amount confirmed, refused (and raised) otherwise. Once, however often it comes.
pub async fn on_transaction_status(state: &AppState, status: &TransactionStatus) -> anyhow::Result<Settled> {
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    let Some(waiting) = db::unverified_confirmation(&mut tx, &status.trans_id).await? else {
        return Ok(Settled::Duplicate);
    };
    let confirmed = status.confirms(&waiting.trans_id, waiting.amount_kes);
    let to = if confirmed { "settled" } else { "refused" };
    let Some(stored) = db::verify_confirmation(&mut tx, &waiting.trans_id, to).await? else {
        return Ok(Settled::Duplicate);
    };
    if confirmed {
        let settled =
            credit_confirmation(&mut tx, state, &stored, "paybill, confirmed by transaction status", now).await?;
        tx.commit().await?;
        return Ok(settled);
    }
    let detail = format!(
        "M-Pesa does not confirm Paybill {} of KES {} for {:?} (result {}, amount {:?})",
        stored.trans_id, stored.amount_kes, stored.bill_reference, status.result_code, status.amount
    );
    db::event(&mut tx, None, None, "refused", &detail, now).await?;
    tx.commit().await?;
    tracing::warn!(trans_id = %stored.trans_id, "a Paybill confirmation M-Pesa does not confirm");
    Ok(Settled::Refused)
}

/// Money M-Pesa confirms was paid to the Paybill: to its application, or for staff when no application has its
/// reference.
async fn credit_confirmation(
    conn: &mut sqlx::AnyConnection,
    state: &AppState,
    stored: &StoredConfirmation,
    via: &str,
    now: i64,
) -> anyhow::Result<Settled> {
    let amount = Shillings(stored.amount_kes);
    let Some(application) = applications::by_reference(conn, &stored.bill_reference).await? else {
        let detail = format!(
            "Paybill {} of KES {} for unknown reference {:?}",
            stored.trans_id, amount.0, stored.bill_reference
        );
        let investigation = Investigation {
            kind: "unknown-reference",
            application: None,
            request: None,
            receipt: Some(&stored.trans_id),
            amount: Some(amount.0),
            phone: Some(&stored.msisdn),
            detail: &detail,
        };
        db::investigate(conn, &investigation, now).await?;
        db::event(conn, None, None, "investigate", &detail, now).await?;
        return Ok(Settled::Investigate);
    };
    let payment = Payment {
        method: "mpesa",
        receipt: stored.trans_id.clone(),
        amount,
    };
    record(conn, state, &application.id, &payment, via, None, now).await
}
