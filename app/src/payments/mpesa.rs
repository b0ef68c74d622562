//! The M-Pesa prompt (STK push): sending it, watching it, and asking M-Pesa about it when its callback is late
//! (the reconciler). Its results are settled by `service`.

use super::{
    db::{self, MpesaRequest},
    domain::{MpesaResult, RequestStatus},
    service::{settle, Outcome, Settled},
};
use crate::gateways::daraja::{QueryAnswer, StkAnswer, StkPush};
use crate::{
    applications::domain::{Application, Status},
    db::begin_write,
    error::AppError,
    ids::PhoneNumber,
    state::AppState,
    web::{guard::SignedIn, throttle},
};

/// A callback is given this long before a status query asks instead.
pub const CALLBACK_GRACE_SECONDS: i64 = 60;
/// A prompt still on the phone this recently is not sent again (M-Pesa answers 1001 to a second one).
const PROMPT_SECONDS: i64 = 60;
/// A person checking a prompt this old gets an answer from M-Pesa itself...
const ASK_AFTER_SECONDS: i64 = 20;
/// ...at most once this often per prompt, however often the page is loaded (Daraja limits queries per app).
const ASK_EVERY_SECONDS: i64 = 15;
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
    if let Some(latest) = db::latest(&state.pool, &application.id).await? {
        if latest.status == RequestStatus::Pending && now - latest.created_at < PROMPT_SECONDS {
            return Ok(Prompted::AlreadyWaiting(latest.id));
        }
    }
    let key = throttle::prompts_key(&who.id);
    if let throttle::Reservation::Locked(wait) = throttle::reserve(&state.pool, &key, throttle::PROMPTS, now).await? {
        return Err(throttle::wait_error("phone", "payments-error-throttled", wait).into());
    }
    let id = uuid::Uuid::now_v7().simple().to_string();
    let amount = invoice.total();
    let mut tx = begin_write(&state.pool).await?;
    db::insert_request(&mut tx, &id, &application.id, phone.mpesa(), amount, now).await?;
    let detail = format!("KES {} to {}", amount.0, masked(phone.mpesa()));
    db::event(
        &mut tx,
        Some(application.id.as_str()),
        Some(&id),
        "prompt",
        &detail,
        now,
    )
    .await?;
    tx.commit().await?;
    let push = StkPush {
        phone: phone.mpesa(),
        amount_kes: amount.0,
        reference: reference.as_str(),
        description: "NTSA service",
    };
    let answer = daraja.stk_push(&push, now).await;
    let mut tx = begin_write(&state.pool).await?;
    let sent = match &answer {
        Ok(StkAnswer::Accepted {
            merchant_request_id,
            checkout_request_id,
        }) => {
            db::accepted(&mut tx, &id, checkout_request_id, merchant_request_id).await?;
            db::event(
                &mut tx,
                Some(application.id.as_str()),
                Some(&id),
                "accepted",
                checkout_request_id,
                now,
            )
            .await?;
            true
        }
        Ok(StkAnswer::Refused { code, message }) => {
            db::settle(&mut tx, &id, RequestStatus::Failed, -1, None, now).await?;
            let detail = format!("refused {code}: {message}");
            db::event(
                &mut tx,
                Some(application.id.as_str()),
                Some(&id),
                "not-sent",
                &detail,
                now,
            )
            .await?;
            false
        }
        Err(error) => {
            // No answer is not a refusal: M-Pesa may have taken the push and the person may pay. The request stays
            // `sending`, so its callback (matched by phone and amount) still settles it.
            tracing::warn!(error = %format!("{error:#}"), "M-Pesa did not answer a push");
            let detail = "M-Pesa did not answer; the prompt may still arrive";
            db::event(
                &mut tx,
                Some(application.id.as_str()),
                Some(&id),
                "no-answer",
                detail,
                now,
            )
            .await?;
            false
        }
    };
    tx.commit().await?;
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
    match db::request(&state.pool, request).await? {
        Some(found) if found.application_id == application.id.as_str() => Ok(found),
        _ => Err(AppError::NotFound),
    }
}

/// A request as it stands; a pending one whose callback is late is asked of M-Pesa first (someone is waiting
/// on the page for it), at most once every `ASK_EVERY_SECONDS`.
pub async fn refresh(state: &AppState, request: MpesaRequest) -> anyhow::Result<MpesaRequest> {
    let now = state.clock.now();
    let late = request.status == RequestStatus::Pending && now - request.created_at >= ASK_AFTER_SECONDS;
    let (true, Some(daraja), Some(checkout)) = (late, state.daraja.as_ref(), request.checkout_request_id.as_deref())
    else {
        return Ok(request);
    };
    if !db::claim_query(&state.pool, &request.id, now, ASK_EVERY_SECONDS).await? {
        return Ok(request);
    }
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
    db::latest(&state.pool, &application.id).await.map_err(AppError::from)
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

/// Reconciles M-Pesa prompts and card sessions every 15 seconds, from start, until the process ends (only when a
/// payment method is on).
pub fn spawn_reconciler(state: AppState) -> Option<tokio::task::JoinHandle<()>> {
    if state.daraja.is_none() && state.card.is_none() {
        return None;
    }
    Some(tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(15));
        loop {
            every.tick().await;
            match reconcile(&state).await {
                Ok(0) => {}
                Ok(settled) => tracing::info!(settled, "M-Pesa requests settled by status query"),
                Err(error) => tracing::warn!(error = %format!("{error:#}"), "M-Pesa reconciliation failed"),
            }
            match super::card::reconcile(&state).await {
                Ok(0) => {}
                Ok(settled) => tracing::info!(settled, "card sessions settled by asking the provider"),
                Err(error) => tracing::warn!(error = %format!("{error:#}"), "card reconciliation failed"),
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
