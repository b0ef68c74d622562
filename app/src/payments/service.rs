//! Paying an invoice by M-Pesa: the prompt on the phone (STK push), its result (the callback, or a status query
//! when the callback is late), and Paybill payments of the same bill reference. Every path ends in `settle`: one
//! transaction that settles the request once, records the payment through the services' `mark_paid`, turns a
//! second payment of a paid invoice into a credit to refund, issues the receipt and the service's document, and
//! appends to the payment history.

use super::{
    daraja::{QueryAnswer, StkAnswer, StkPush},
    db::{self, MpesaRequest},
    domain::{is_receipt, MpesaResult, RequestStatus},
};
use crate::{
    applications::{
        domain::{Application, ApplicationId, Payment, Status},
        service::{self as applications, Paid},
    },
    channel::Channel,
    db::begin_write,
    documents::service as documents,
    error::AppError,
    fees::domain::Shillings,
    ids::PhoneNumber,
    services,
    state::AppState,
    web::{
        guard::SignedIn,
        outbox::{self, Message},
        throttle,
    },
};

/// A callback is given this long before a status query asks instead.
pub const CALLBACK_GRACE_SECONDS: i64 = 60;
/// A prompt still on the phone this recently is not sent again (M-Pesa answers 1001 to a second one).
const PROMPT_SECONDS: i64 = 60;
/// A person checking a prompt this old gets an answer from M-Pesa itself.
const ASK_AFTER_SECONDS: i64 = 20;
/// A reconciler holds the requests it claimed this long.
const CLAIM_SECONDS: i64 = 30;

/// What "Pay by M-Pesa" did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompted {
    /// A new prompt is on the phone: the request to watch.
    Sent(String),
    /// The prompt sent moments ago is still on the phone: watch that one.
    AlreadyWaiting(String),
    /// The application is not waiting for a payment (paid already, or not submitted).
    NotPayable,
}

/// Sends a payment prompt for `application`'s invoice to `phone`.
pub async fn prompt(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    phone: &PhoneNumber,
) -> Result<Prompted, AppError> {
    let daraja = state
        .daraja
        .as_ref()
        .ok_or_else(|| AppError::field("phone", "payments-error-mpesa-off"))?;
    let (Status::AwaitingPayment, Some(invoice), Some(reference)) =
        (application.status, &application.invoice, &application.reference)
    else {
        return Ok(Prompted::NotPayable);
    };
    let now = state.clock.now();
    if let Some(latest) = db::latest(&state.pool, &application.id)
        .await
        .map_err(AppError::internal)?
    {
        if latest.status == RequestStatus::Pending && now - latest.created_at < PROMPT_SECONDS {
            return Ok(Prompted::AlreadyWaiting(latest.id));
        }
    }
    let key = throttle::prompts_key(&who.id);
    if let throttle::Reservation::Locked(wait) = throttle::reserve(&state.pool, &key, throttle::PROMPTS, now)
        .await
        .map_err(AppError::internal)?
    {
        return Err(throttle::wait_error("phone", "payments-error-throttled", wait).into());
    }
    let id = uuid::Uuid::now_v7().simple().to_string();
    let amount = invoice.total();
    let mut tx = begin_write(&state.pool).await.map_err(AppError::internal)?;
    db::insert_request(&mut tx, &id, &application.id, phone.mpesa(), amount, now)
        .await
        .map_err(AppError::internal)?;
    let detail = format!("KES {} to {}", amount.0, masked(phone.mpesa()));
    db::event(
        &mut tx,
        Some(application.id.as_str()),
        Some(&id),
        "prompt",
        &detail,
        now,
    )
    .await
    .map_err(AppError::internal)?;
    tx.commit().await.map_err(AppError::internal)?;
    let push = StkPush {
        phone: phone.mpesa(),
        amount_kes: amount.0,
        reference: reference.as_str(),
        description: "NTSA service",
    };
    let answer = daraja.stk_push(&push, now).await;
    let mut tx = begin_write(&state.pool).await.map_err(AppError::internal)?;
    let sent = match &answer {
        Ok(StkAnswer::Accepted {
            merchant_request_id,
            checkout_request_id,
        }) => {
            db::accepted(&mut tx, &id, checkout_request_id, merchant_request_id)
                .await
                .map_err(AppError::internal)?;
            db::event(
                &mut tx,
                Some(application.id.as_str()),
                Some(&id),
                "accepted",
                checkout_request_id,
                now,
            )
            .await
            .map_err(AppError::internal)?;
            true
        }
        refused => {
            let detail = match refused {
                Ok(StkAnswer::Refused { code, message }) => format!("refused {code}: {message}"),
                Err(error) => {
                    tracing::warn!(error = %format!("{error:#}"), "M-Pesa could not be reached");
                    "M-Pesa could not be reached".to_string()
                }
                Ok(StkAnswer::Accepted { .. }) => unreachable!(),
            };
            db::settle(&mut tx, &id, RequestStatus::Failed, -1, None, now)
                .await
                .map_err(AppError::internal)?;
            db::event(
                &mut tx,
                Some(application.id.as_str()),
                Some(&id),
                "not-sent",
                &detail,
                now,
            )
            .await
            .map_err(AppError::internal)?;
            false
        }
    };
    tx.commit().await.map_err(AppError::internal)?;
    if !sent {
        return Err(AppError::field("phone", "payments-error-mpesa-down"));
    }
    Ok(Prompted::Sent(id))
}

/// `2547…` shown as `2547•••••678`: the log and the page say which phone without the whole number.
pub fn masked(msisdn: &str) -> String {
    msisdn
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if (4..msisdn.len().saturating_sub(3)).contains(&i) {
                '•'
            } else {
                c
            }
        })
        .collect()
}

/// `who`'s request `request` for `application` (anyone else's, or another application's: not found).
pub async fn request_of(state: &AppState, application: &Application, request: &str) -> Result<MpesaRequest, AppError> {
    match db::request(&state.pool, request).await.map_err(AppError::internal)? {
        Some(found) if found.application_id == application.id.as_str() => Ok(found),
        _ => Err(AppError::NotFound),
    }
}

/// A request as it stands; a pending one whose callback is late is asked of M-Pesa first (someone is waiting
/// on the page for it).
pub async fn refresh(state: &AppState, request: MpesaRequest) -> anyhow::Result<MpesaRequest> {
    let now = state.clock.now();
    let late = request.status == RequestStatus::Pending && now - request.created_at >= ASK_AFTER_SECONDS;
    let (true, Some(daraja), Some(checkout)) = (late, state.daraja.as_ref(), request.checkout_request_id.as_deref())
    else {
        return Ok(request);
    };
    if let QueryAnswer::Final(code) = daraja.stk_query(checkout, now).await? {
        let outcome = Outcome {
            result: MpesaResult(code),
            receipt: None,
            amount: None,
            via: "status query",
        };
        settle(state, &request, outcome).await?;
        return Ok(db::request(&state.pool, &request.id).await?.unwrap_or(request));
    }
    Ok(request)
}

/// The latest prompt for an application, if any.
pub async fn latest(state: &AppState, application: &Application) -> Result<Option<MpesaRequest>, AppError> {
    db::latest(&state.pool, &application.id)
        .await
        .map_err(AppError::internal)
}

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
struct Outcome {
    result: MpesaResult,
    /// The M-Pesa receipt; a status query does not give one.
    receipt: Option<String>,
    amount: Option<i64>,
    via: &'static str,
}

/// Settles `request` with `outcome`: the one path every result takes.
async fn settle(state: &AppState, request: &MpesaRequest, outcome: Outcome) -> anyhow::Result<Settled> {
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
            let paid_for = applications::by_id_in(conn, application)
                .await?
                .ok_or_else(|| anyhow::anyhow!("paid application {} is gone", application.as_str()))?;
            documents::issue(conn, &paid_for, payment, now).await?;
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
    for (channel, to) in [(Channel::Sms, &payer.phone), (Channel::Email, &payer.email)] {
        let message = Message {
            lang,
            channel,
            to,
            key: "message-paid",
            args: &args,
            secret: None,
        };
        outbox::enqueue(conn, state, message).await?;
    }
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

/// Settles the requests whose callback is late, by asking M-Pesa; answers how many were settled. Requests are
/// claimed first, so several server processes reconcile side by side without settling one twice.
pub async fn reconcile(state: &AppState) -> anyhow::Result<usize> {
    let Some(daraja) = state.daraja.as_ref() else {
        return Ok(0);
    };
    let now = state.clock.now();
    let claimed = db::claim_unsettled(&state.pool, now - CALLBACK_GRACE_SECONDS, now, CLAIM_SECONDS, 20).await?;
    let mut settled = 0;
    for request in claimed {
        let Some(checkout) = request.checkout_request_id.as_deref() else {
            continue;
        };
        match daraja.stk_query(checkout, now).await {
            Ok(QueryAnswer::Final(code)) => {
                let outcome = Outcome {
                    result: MpesaResult(code),
                    receipt: None,
                    amount: None,
                    via: "status query",
                };
                if !matches!(settle(state, &request, outcome).await?, Settled::Duplicate) {
                    settled += 1;
                }
            }
            Ok(QueryAnswer::Processing) => {}
            Err(error) => tracing::warn!(error = %format!("{error:#}"), "M-Pesa status query failed"),
        }
    }
    Ok(settled)
}

/// Reconciles every 15 seconds, from start, until the process ends (only when M-Pesa is on).
pub fn spawn_reconciler(state: AppState) -> Option<tokio::task::JoinHandle<()>> {
    state.daraja.as_ref()?;
    Some(tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(15));
        loop {
            every.tick().await;
            match reconcile(&state).await {
                Ok(0) => {}
                Ok(settled) => tracing::info!(settled, "M-Pesa requests settled by status query"),
                Err(error) => tracing::warn!(error = %format!("{error:#}"), "M-Pesa reconciliation failed"),
            }
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_masked_in_the_middle() {
        assert_eq!(masked("254712345678"), "2547•••••678");
    }
}
