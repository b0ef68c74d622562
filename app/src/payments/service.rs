//! Settling money received for an invoice, whichever way it arrives: an M-Pesa prompt's result (its callback, or
//! a status query when the callback is late), a Paybill payment of the bill reference, or a card. Every path ends
//! in one transaction that settles the request once, records the payment through the services' `mark_paid`, turns
//! a second payment of a paid invoice into a credit to refund, issues the receipt and the service's document,
//! tells the applicant, and appends to the payment history.

use super::{
    db::{self, MpesaRequest},
    domain::{is_receipt, MpesaResult, RequestStatus},
};
use crate::{
    applications::{
        domain::{ApplicationId, Payment},
        service::{self as applications, Paid},
    },
    db::begin_write,
    fees::domain::Shillings,
    services,
    state::AppState,
    web::outbox::{self, Recipient},
};

/// What a result did to the money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settled {
    /// Paid: the application moved on.
    Paid(Paid),
    /// The prompt failed (cancelled, no money, ...): nothing was paid.
    Failed(MpesaResult),
    /// Settled before (a duplicated callback, or a query after the callback): nothing changed.
    Duplicate,
    /// Paid, but the invoice was paid already: recorded as a credit to refund.
    Credit,
    /// Refused and logged (an unknown request or reference, a result that does not add up).
    Refused,
}

/// The result of an STK push, as its callback carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StkResult {
    pub checkout_request_id: String,
    pub result_code: i64,
    pub amount: Option<i64>,
    pub receipt: Option<String>,
}

/// A callback from M-Pesa: settles its request (once, however often it comes).
pub async fn on_callback(state: &AppState, result: &StkResult) -> anyhow::Result<Settled> {
    let now = state.clock.now();
    let mut conn = state.pool.acquire().await?;
    let Some(request) = db::by_checkout(&mut conn, &result.checkout_request_id).await? else {
        let detail = format!("callback for unknown request {}", result.checkout_request_id);
        db::event(&mut conn, None, None, "refused", &detail, now).await?;
        return Ok(Settled::Refused);
    };
    drop(conn);
    let outcome = Outcome {
        result: MpesaResult(result.result_code),
        receipt: result.receipt.clone(),
        amount: result.amount,
        via: "callback",
    };
    settle(state, &request, outcome).await
}

/// A result and where it came from.
pub(super) struct Outcome {
    pub result: MpesaResult,
    /// The M-Pesa receipt; a status query does not give one.
    pub receipt: Option<String>,
    pub amount: Option<i64>,
    pub via: &'static str,
}

/// Settles `request` with `outcome`: the one path every result takes.
pub(super) async fn settle(state: &AppState, request: &MpesaRequest, outcome: Outcome) -> anyhow::Result<Settled> {
    let now = state.clock.now();
    let application = ApplicationId::from_stored(request.application_id.clone());
    let (app_id, request_id) = (Some(request.application_id.as_str()), Some(request.id.as_str()));
    let mut tx = begin_write(&state.pool).await?;
    if !outcome.result.paid() {
        if !db::settle(&mut tx, &request.id, RequestStatus::Failed, outcome.result.0, None, now).await? {
            return Ok(Settled::Duplicate);
        }
        let detail = format!("result {} ({})", outcome.result.0, outcome.via);
        db::event(&mut tx, app_id, request_id, "failed", &detail, now).await?;
        tx.commit().await?;
        return Ok(Settled::Failed(outcome.result));
    }
    let wrong_amount = outcome.amount.is_some_and(|amount| amount != request.amount_kes);
    let bad_receipt = outcome.receipt.as_deref().is_some_and(|r| !is_receipt(r));
    if wrong_amount || bad_receipt {
        let detail = format!(
            "{} said paid with amount {:?} and receipt {:?} for KES {}",
            outcome.via, outcome.amount, outcome.receipt, request.amount_kes
        );
        db::event(&mut tx, app_id, request_id, "refused", &detail, now).await?;
        tx.commit().await?;
        return Ok(Settled::Refused);
    }
    if !db::settle(
        &mut tx,
        &request.id,
        RequestStatus::Paid,
        0,
        outcome.receipt.as_deref(),
        now,
    )
    .await?
    {
        return Ok(Settled::Duplicate);
    }
    // A status query gives no receipt: the request's own id at M-Pesa stands for it.
    let receipt = outcome
        .receipt
        .or_else(|| request.checkout_request_id.clone())
        .unwrap_or_else(|| request.id.clone());
    let payment = Payment {
        method: "mpesa",
        receipt,
        amount: Shillings(request.amount_kes),
    };
    let settled = record(&mut tx, state, &application, &payment, outcome.via, request_id, now).await?;
    tx.commit().await?;
    Ok(settled)
}

/// Records money received for an application: its payment, or a credit when it cannot pay it (paid already).
pub(super) async fn record(
    conn: &mut sqlx::AnyConnection,
    state: &AppState,
    application: &ApplicationId,
    payment: &Payment,
    via: &str,
    request: Option<&str>,
    now: i64,
) -> anyhow::Result<Settled> {
    let detail = format!("KES {} receipt {} ({via})", payment.amount.0, payment.receipt);
    let app_id = Some(application.as_str());
    match services::mark_paid_in(conn, application, payment, now).await? {
        paid @ (Paid::Completed | Paid::InReview) => {
            db::event(conn, app_id, request, "paid", &detail, now).await?;
            confirm(conn, state, application, payment).await?;
            Ok(Settled::Paid(paid))
        }
        Paid::Already | Paid::WrongAmount { .. } | Paid::NotPayable => {
            if db::insert_credit(conn, application, payment.method, &payment.receipt, payment.amount, now).await? {
                db::event(conn, app_id, request, "credit", &detail, now).await?;
                Ok(Settled::Credit)
            } else {
                Ok(Settled::Duplicate)
            }
        }
    }
}

/// Tells the applicant by SMS and email that the payment arrived, with the reference (queued in the payment's
/// transaction, so a message never announces a payment that was rolled back).
async fn confirm(
    conn: &mut sqlx::AnyConnection,
    state: &AppState,
    application: &ApplicationId,
    payment: &Payment,
) -> anyhow::Result<()> {
    let payer = db::payer(conn, application).await?;
    let lang = crate::i18n::Lang::parse(&payer.language).unwrap_or_default();
    let args = [
        ("amount", crate::fees::domain::format_kes(payment.amount.0)),
        ("reference", payer.reference.unwrap_or_default()),
        ("receipt", payment.receipt.clone()),
    ];
    let to = Recipient {
        lang,
        phone: &payer.phone,
        email: &payer.email,
    };
    outbox::tell(conn, state.clock.now(), to, "message-paid", &args).await?;
    Ok(())
}

/// A Paybill (C2B) payment: the bank app or the M-Pesa menu paid the bill reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmation {
    pub trans_id: String,
    pub bill_reference: String,
    pub amount: i64,
    pub msisdn: String,
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

pub async fn validate(state: &AppState, bill_reference: &str, amount: i64) -> anyhow::Result<Validation> {
    let mut conn = state.pool.acquire().await?;
    let reference = bill_reference.trim().to_ascii_uppercase();
    let application = applications::by_reference(&mut conn, &reference).await?;
    Ok(match application {
        Some(application) if application.status == crate::applications::domain::Status::AwaitingPayment => {
            match application.invoice {
                Some(invoice) if invoice.total().0 == amount => Validation::Accept,
                _ => Validation::WrongAmount,
            }
        }
        _ => Validation::UnknownReference,
    })
}

/// Settles a Paybill payment (once per transaction). Money for an unknown reference is kept and logged for
/// someone to return; money that does not match the invoice becomes a credit.
pub async fn on_confirmation(state: &AppState, confirmation: &Confirmation) -> anyhow::Result<Settled> {
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    let amount = Shillings(confirmation.amount);
    let reference = confirmation.bill_reference.trim().to_ascii_uppercase();
    if !db::insert_confirmation(
        &mut tx,
        &confirmation.trans_id,
        &reference,
        amount,
        &confirmation.msisdn,
        now,
    )
    .await?
    {
        return Ok(Settled::Duplicate);
    }
    let Some(application) = applications::by_reference(&mut tx, &reference).await? else {
        let detail = format!(
            "Paybill {} of KES {} for unknown reference {reference:?}",
            confirmation.trans_id, amount.0
        );
        db::event(&mut tx, None, None, "refused", &detail, now).await?;
        tx.commit().await?;
        return Ok(Settled::Refused);
    };
    let payment = Payment {
        method: "mpesa",
        receipt: confirmation.trans_id.clone(),
        amount,
    };
    let settled = record(&mut tx, state, &application.id, &payment, "paybill", None, now).await?;
    tx.commit().await?;
    Ok(settled)
}
