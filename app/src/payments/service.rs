//! Settling money received for an invoice, whichever way it arrives: an M-Pesa prompt's result (its callback, or
//! a status query when the callback is late), a Paybill payment of the bill reference, or a card. Every path ends
//! in one transaction that settles the request once, records the payment through the services' `mark_paid`, turns
//! a second payment of a paid invoice into a credit to refund, issues the receipt and the service's document,
//! tells the applicant, and appends to the payment history.
//!
//! Callbacks are not signed, so none is believed as it stands: an STK "paid" must carry the request's amount and a
//! well-formed receipt and is confirmed by an STK status query (Paybill's own checks are in `paybill`). Money
//! nobody asked for and results that contradict a settled payment are raised for staff (`payment_investigations`),
//! never dropped.

use super::{
    db::{self, Investigation, MpesaRequest},
    domain::{is_receipt, MpesaResult, RequestStatus},
};
use crate::gateways::daraja::QueryAnswer;
use crate::{
    applications::{
        domain::{ApplicationId, Payment},
        service::{self as applications, Paid},
    },
    db::begin_write,
    fees::domain::Shillings,
    state::AppState,
    web::outbox::{self, Recipient},
};

/// A paid callback for no known prompt may belong to a prompt whose push timed out here this recently.
const UNANSWERED_PROMPT_SECONDS: i64 = 600;

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
    /// Refused and logged (a result that does not add up, or that M-Pesa does not confirm).
    Refused,
    /// Not settled yet: M-Pesa has not confirmed it (still processing, or its answer is on its way).
    Unconfirmed,
    /// Raised for staff: money nobody asked for, or a result that contradicts a settled payment.
    Investigate,
}

/// The result of an STK push, as its callback carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StkResult {
    pub checkout_request_id: String,
    pub result_code: i64,
    pub amount: Option<i64>,
    pub receipt: Option<String>,
    /// `2547…`, the phone that paid.
    pub phone: Option<String>,
}

/// A callback from M-Pesa: settles its request (once, however often it comes), a "paid" only once M-Pesa's status
/// query agrees.
pub async fn on_callback(state: &AppState, result: &StkResult) -> anyhow::Result<Settled> {
    let now = state.clock.now();
    let mut conn = state.pool.acquire().await?;
    let known = db::by_checkout(&mut conn, &result.checkout_request_id).await?;
    let unanswered = match (&known, &result.phone, result.amount) {
        (None, Some(phone), Some(amount)) => {
            db::unanswered(&mut conn, phone, amount, now - UNANSWERED_PROMPT_SECONDS).await?
        }
        _ => None,
    };
    drop(conn);
    let callback = MpesaResult(result.result_code);
    let Some(request) = known.or(unanswered) else {
        return unknown_callback(state, result, now).await;
    };
    // A repeat of the result the request was settled with changes nothing (as `settle` would find): answered
    // without asking M-Pesa again or taking the write lock. M-Pesa repeats callbacks; each repeat cost both.
    let repeat = match request.status {
        RequestStatus::Paid => callback.paid() && adds_up(result, &request),
        RequestStatus::Failed => !callback.paid(),
        RequestStatus::Sending | RequestStatus::Pending => false,
    };
    if repeat {
        return Ok(Settled::Duplicate);
    }
    if !callback.paid() {
        let outcome = Outcome {
            result: callback,
            receipt: None,
            amount: None,
            via: "callback",
        };
        return settle(state, &request, outcome).await;
    }
    let daraja = state.daraja.as_ref().filter(|_| adds_up(result, &request));
    let Some(daraja) = daraja else {
        let detail = format!(
            "callback said paid with amount {:?} and receipt {:?} for KES {}",
            result.amount, result.receipt, request.amount_kes
        );
        let mut conn = state.pool.acquire().await?;
        db::event(
            &mut conn,
            Some(&request.application_id),
            Some(&request.id),
            "refused",
            &detail,
            now,
        )
        .await?;
        return Ok(Settled::Refused);
    };
    // Asked of M-Pesa itself: only it (not whoever knows the callback address) can say the money arrived.
    let code = match daraja.stk_query(&result.checkout_request_id, now).await? {
        QueryAnswer::Final(code) => code,
        QueryAnswer::Processing => {
            let detail = "callback said paid; M-Pesa is still processing it (the reconciler asks again)";
            let mut conn = state.pool.acquire().await?;
            db::event(
                &mut conn,
                Some(&request.application_id),
                Some(&request.id),
                "unconfirmed",
                detail,
                now,
            )
            .await?;
            return Ok(Settled::Unconfirmed);
        }
    };
    if request.checkout_request_id.is_none() {
        // The prompt whose push timed out here: M-Pesa knows it by this id, so it is ours now.
        let mut tx = begin_write(&state.pool).await?;
        db::accepted(&mut tx, &request.id, &result.checkout_request_id, "").await?;
        db::event(
            &mut tx,
            Some(&request.application_id),
            Some(&request.id),
            "accepted",
            "late: by its callback",
            now,
        )
        .await?;
        tx.commit().await?;
    }
    let confirmed = MpesaResult(code);
    if !confirmed.paid() {
        let detail = format!(
            "callback said paid with receipt {:?}; M-Pesa's status query says {code}",
            result.receipt
        );
        raise(state, &request, "contradiction", result, &detail, now).await?;
    }
    let outcome = Outcome {
        result: confirmed,
        receipt: result.receipt.clone().filter(|_| confirmed.paid()),
        amount: result.amount,
        via: "callback, confirmed by status query",
    };
    settle(state, &request, outcome).await
}

/// Whether a "paid" callback names the request's amount and a well-formed receipt.
fn adds_up(result: &StkResult, request: &MpesaRequest) -> bool {
    result.amount == Some(request.amount_kes) && result.receipt.as_deref().is_some_and(is_receipt)
}

/// A callback for no prompt of ours: money paid is kept for staff to attach or refund, anything else logged.
async fn unknown_callback(state: &AppState, result: &StkResult, now: i64) -> anyhow::Result<Settled> {
    let mut tx = begin_write(&state.pool).await?;
    let paid = MpesaResult(result.result_code).paid() && result.amount.is_some() && result.receipt.is_some();
    if !paid {
        let detail = format!("callback for unknown request {}", result.checkout_request_id);
        db::event(&mut tx, None, None, "refused", &detail, now).await?;
        tx.commit().await?;
        return Ok(Settled::Refused);
    }
    let detail = format!("paid callback for unknown request {}", result.checkout_request_id);
    let investigation = Investigation {
        kind: "unknown-prompt",
        application: None,
        request: None,
        receipt: result.receipt.as_deref(),
        amount: result.amount,
        phone: result.phone.as_deref(),
        detail: &detail,
    };
    if db::investigate(&mut tx, &investigation, now).await? {
        db::event(&mut tx, None, None, "investigate", &detail, now).await?;
        tracing::warn!(checkout = %result.checkout_request_id, "M-Pesa paid for no prompt of ours: kept for staff");
    }
    tx.commit().await?;
    Ok(Settled::Investigate)
}

/// Raises what a callback claimed about `request` for staff (`kind`: `contradiction`), with an event.
async fn raise(
    state: &AppState,
    request: &MpesaRequest,
    kind: &str,
    result: &StkResult,
    detail: &str,
    now: i64,
) -> anyhow::Result<()> {
    let mut tx = begin_write(&state.pool).await?;
    let investigation = Investigation {
        kind,
        application: Some(&request.application_id),
        request: Some(&request.id),
        receipt: result.receipt.as_deref(),
        amount: result.amount,
        phone: result.phone.as_deref(),
        detail,
    };
    db::investigate(&mut tx, &investigation, now).await?;
    db::event(
        &mut tx,
        Some(&request.application_id),
        Some(&request.id),
        kind,
        detail,
        now,
    )
    .await?;
    tx.commit().await?;
    tracing::warn!(request = %request.id, detail, "an M-Pesa result raised for staff");
    Ok(())
}

/// A result and where it came from.
pub(super) struct Outcome {
    pub result: MpesaResult,
    /// The M-Pesa receipt; a status query does not give one.
    pub receipt: Option<String>,
    pub amount: Option<i64>,
    pub via: &'static str,
}

/// Settles `request` with `outcome`: the one path every result takes. A result for a request settled the other
/// way (paid, then "cancelled"; failed, then "paid") is a contradiction, raised for staff.
pub(super) async fn settle(state: &AppState, request: &MpesaRequest, outcome: Outcome) -> anyhow::Result<Settled> {
    let now = state.clock.now();
    let application = ApplicationId::from_stored(request.application_id.clone());
    let (app_id, request_id) = (Some(request.application_id.as_str()), Some(request.id.as_str()));
    let mut tx = begin_write(&state.pool).await?;
    if !outcome.result.paid() {
        if !db::settle(&mut tx, &request.id, RequestStatus::Failed, outcome.result.0, None, now).await? {
            return settled_before(tx, request, &outcome, now).await;
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
        return settled_before(tx, request, &outcome, now).await;
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

/// `outcome` arrived for a request settled before: a repeat changes nothing; the opposite result is raised.
async fn settled_before(
    mut tx: sqlx::Transaction<'static, sqlx::Any>,
    request: &MpesaRequest,
    outcome: &Outcome,
    now: i64,
) -> anyhow::Result<Settled> {
    let was_paid = db::status_of(&mut tx, &request.id).await? == Some(RequestStatus::Paid);
    if was_paid == outcome.result.paid() {
        return Ok(Settled::Duplicate);
    }
    let detail = format!(
        "{} says {} for a request settled as {}",
        outcome.via,
        outcome.result.0,
        if was_paid { "paid" } else { "failed" }
    );
    let investigation = Investigation {
        kind: "contradiction",
        application: Some(&request.application_id),
        request: Some(&request.id),
        receipt: outcome.receipt.as_deref(),
        amount: outcome.amount,
        phone: Some(&request.phone),
        detail: &detail,
    };
    if db::investigate(&mut tx, &investigation, now).await? {
        db::event(
            &mut tx,
            Some(&request.application_id),
            Some(&request.id),
            "contradiction",
            &detail,
            now,
        )
        .await?;
        tracing::warn!(request = %request.id, %detail, "an M-Pesa result contradicts a settled payment");
    }
    tx.commit().await?;
    Ok(Settled::Investigate)
}

/// Records money received for an application: its payment, or a credit when it cannot pay it (paid already).
pub async fn record(
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
    match applications::mark_paid_in(conn, &state.services, application, payment, now).await? {
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
    let mut args = vec![
        ("amount", crate::fees::domain::format_kes(payment.amount.0)),
        ("reference", payer.reference.unwrap_or_default()),
        ("receipt", payment.receipt.clone()),
    ];
    // A slip issued with the payment (a renewal's): its code, to be checked by anyone, even from a phone by USSD.
    let key = match crate::documents::service::own_code(conn, application).await? {
        Some(code) => {
            args.push(("code", code.grouped()));
            args.push(("address", format!("{}/verify", state.origin)));
            "message-paid-slip"
        }
        None => "message-paid",
    };
    let to = Recipient {
        account: &payer.account_id,
        lang,
        phone: &payer.phone,
        email: &payer.email,
    };
    outbox::tell(conn, state.clock.now(), to, key, &args).await?;
    Ok(())
}
