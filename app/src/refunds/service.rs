//! Giving money back the way it came. A supervisor approves what is owed (a credit, a rejected application's fee,
//! money under no reference); the approval takes it in one statement and is written to the audit log; the refund
//! then goes to M-Pesa as a B2C payment (its result comes by callback) or to the card provider's refund call (its
//! answer comes at once). Every end passes through `finish`, once: the source is closed, the payment history
//! written, the person told by SMS and email in their language.
//!
//! A B2C result is not believed as it stands (callbacks are not signed): it only makes us ask M-Pesa's books
//! (Transaction Status), whose answer settles the refund. A refund whose result never comes is asked about by
//! `ask_unanswered`, as late prompts are; a card refund that got no answer is sent again under the same id, which
//! the provider refunds once.

use super::{
    db::{self, Refund},
    domain::{Ended, RefundStatus, Source},
};
use crate::{
    db::begin_write,
    fees::domain::format_kes,
    gateways::{
        b2c::{Accepted, B2cPayment, B2cResult},
        results::TransactionStatus,
    },
    payments::{db as payments, mpesa::masked},
    staff::{
        domain::{Permission, Staff},
        service::{record, Actor},
    },
    state::AppState,
    web::outbox::{self, Recipient},
};

/// A refund whose result has not come this long after approval is asked about; and again after as long.
pub const UNANSWERED_SECONDS: i64 = 600;
/// M-Pesa's books saying they have no record of a refund are believed only this long after its approval.
pub const NO_RECORD_SECONDS: i64 = 3_600;

/// What an approval did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approved {
    /// Taken and handed to the gateway: where it stands now.
    Sent(RefundStatus),
    /// Another approval took it first: it is being refunded, or was.
    Taken,
    /// Nothing is owed under that name any more (attached, refunded, or never owed).
    NotOwed,
    /// The way the money came is off on this server (M-Pesa or cards not configured).
    GatewayOff,
    /// The staff member may not approve refunds.
    NotAllowed,
}

/// Approves the refund of what `source`/`id` names, once however many approve it at the same time, and sends it.
pub async fn approve(
    state: &AppState,
    staff: &Staff,
    client: &str,
    source: Source,
    id: &str,
) -> anyhow::Result<Approved> {
    if !staff.may(Permission::Refund) {
        return Ok(Approved::NotAllowed);
    }
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    let Some(owed) = db::owed_one(&mut tx, source, id).await? else {
        return Ok(Approved::NotOwed);
    };
    let gateway_on = match owed.method.as_str() {
        "mpesa" => state.daraja.is_some() && owed.phone.is_some(),
        _ => state.card.is_some(),
    };
    if !gateway_on {
        return Ok(Approved::GatewayOff);
    }
    let refund_id = uuid::Uuid::now_v7().simple().to_string();
    let Some(refund) = db::take(&mut tx, &refund_id, &owed, staff.account.as_str(), now).await? else {
        return Ok(Approved::Taken);
    };
    let to = refund.phone.as_deref().map_or_else(|| "card".into(), masked);
    let after = format!("KES {} {} to {to} ({})", refund.amount_kes, refund.method, owed.why);
    let subject = refund
        .application_id
        .clone()
        .unwrap_or_else(|| refund.paid_receipt.clone());
    let before = owed.failure.as_deref().unwrap_or_default();
    record(
        &mut tx,
        Actor::staff(staff, client),
        "refund-approve",
        &subject,
        before,
        &after,
        now,
    )
    .await?;
    let detail = format!("refund {} approved: {after}", refund.id);
    payments::event(
        &mut tx,
        refund.application_id.as_deref(),
        None,
        "refund-approved",
        &detail,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Approved::Sent(send(state, &refund).await?))
}

/// Hands `refund` to its gateway; where it stands after. A gateway that cannot be reached leaves it `sending` for
/// `ask_unanswered`.
pub async fn send(state: &AppState, refund: &Refund) -> anyhow::Result<RefundStatus> {
    let now = state.clock.now();
    if refund.method == "mpesa" {
        let (Some(daraja), Some(phone)) = (state.daraja.as_ref(), refund.phone.as_deref()) else {
            return ended(state, &refund.id, Ended::Failed("M-Pesa is off on this server".into())).await;
        };
        let payment = B2cPayment {
            id: &refund.id,
            phone,
            amount_kes: refund.amount_kes,
            occasion: "Uraia refund",
        };
        return match daraja.b2c(&payment, now).await {
            Ok(Accepted::Yes { conversation_id }) => {
                let mut tx = begin_write(&state.pool).await?;
                db::sent(&mut tx, &refund.id, &conversation_id).await?;
                let detail = format!("refund {} sent to M-Pesa ({conversation_id})", refund.id);
                payments::event(
                    &mut tx,
                    refund.application_id.as_deref(),
                    None,
                    "refund-sent",
                    &detail,
                    now,
                )
                .await?;
                tx.commit().await?;
                Ok(RefundStatus::Sent)
            }
            Ok(Accepted::No { code, message }) => {
                let why = format!("M-Pesa refused the request: {code} {message}");
                ended(state, &refund.id, Ended::Failed(why)).await
            }
            Err(error) => {
                tracing::warn!(refund = %refund.id, error = %format!("{error:#}"), "a B2C request that got no answer");
                Ok(RefundStatus::Sending)
            }
        };
    }
    let Some(card) = state.card.as_ref() else {
        return ended(state, &refund.id, Ended::Failed("cards are off on this server".into())).await;
    };
    match card.refund(&refund.id, &refund.paid_receipt, refund.amount_kes).await {
        Ok(answer) if answer.outcome == "refunded" && answer.amount == refund.amount_kes.to_string() => {
            ended(state, &refund.id, Ended::Refunded(answer.refund)).await
        }
        Ok(answer) => {
            let why = format!("the card provider declined the refund: {}", answer.reason);
            ended(state, &refund.id, Ended::Failed(why)).await
        }
        Err(error) => {
            tracing::warn!(refund = %refund.id, error = %format!("{error:#}"), "a card refund that got no answer");
            Ok(RefundStatus::Sending)
        }
    }
}

/// Where `finish` left the refund (as it was when settled before).
async fn ended(state: &AppState, id: &str, end: Ended) -> anyhow::Result<RefundStatus> {
    let status = match end {
        Ended::Refunded(_) => RefundStatus::Refunded,
        Ended::Failed(_) => RefundStatus::Failed,
    };
    Ok(finish(state, id, end).await?.map_or(status, |refund| refund.status))
}

/// Settles an open refund once: refunded (its source closed, the person told) or failed (owed again, with why).
/// `None` when it was settled before.
pub async fn finish(state: &AppState, id: &str, end: Ended) -> anyhow::Result<Option<Refund>> {
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    let (status, receipt, failure) = match &end {
        Ended::Refunded(receipt) => (RefundStatus::Refunded, Some(receipt.as_str()), None),
        Ended::Failed(why) => (RefundStatus::Failed, None, Some(why.as_str())),
    };
    let Some(refund) = db::settle(&mut tx, id, status, receipt, failure, now).await? else {
        return Ok(None);
    };
    let application = refund.application_id.as_deref();
    match &end {
        Ended::Refunded(receipt) => {
            db::close_source(&mut tx, &refund, now).await?;
            let to = refund.phone.as_deref().map_or_else(|| "the card".into(), masked);
            let detail = format!("refund {id}: KES {} to {to}, receipt {receipt}", refund.amount_kes);
            payments::event(&mut tx, application, None, "refunded", &detail, now).await?;
            tell(&mut tx, state, &refund, receipt).await?;
        }
        Ended::Failed(why) => {
            let detail = format!("refund {id} failed: {why}");
            payments::event(&mut tx, application, None, "refund-failed", &detail, now).await?;
            tracing::warn!(refund = %id, %why, "a refund failed: owed again");
        }
    }
    tx.commit().await?;
    Ok(Some(refund))
}

/// Tells the person whose application it was that the money is back (in the refund's transaction, so no message
/// announces a refund that was rolled back). Money under no reference has no account: M-Pesa's own message tells.
async fn tell(conn: &mut sqlx::AnyConnection, state: &AppState, refund: &Refund, receipt: &str) -> anyhow::Result<()> {
    let Some(application) = refund.application_id.as_deref() else {
        return Ok(());
    };
    let id = crate::applications::domain::ApplicationId::from_stored(application.to_string());
    let payer = payments::payer(conn, &id).await?;
    let lang = crate::i18n::Lang::parse(&payer.language).unwrap_or_default();
    let key = if refund.method == "mpesa" {
        "message-refunded-mpesa"
    } else {
        "message-refunded-card"
    };
    let args = [
        ("amount", format_kes(refund.amount_kes)),
        ("reference", payer.reference.unwrap_or_default()),
        ("receipt", receipt.to_string()),
        ("phone", refund.phone.as_deref().map(masked).unwrap_or_default()),
    ];
    let to = Recipient {
        account: &payer.account_id,
        lang,
        phone: &payer.phone,
        email: &payer.email,
    };
    outbox::tell(conn, state.clock.now(), to, key, &args).await
}

/// A B2C result: kept (a failure's words) and checked with M-Pesa's books before anything is settled.
pub async fn on_b2c_result(state: &AppState, result: &B2cResult) -> anyhow::Result<()> {
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    let Some(refund) = db::by_id(&mut tx, &result.id).await? else {
        tracing::warn!(id = %result.id, "a B2C result for no refund of ours");
        return Ok(());
    };
    if !refund.status.open() {
        return Ok(());
    }
    let said = (result.result_code != 0).then(|| format!("M-Pesa: {} ({})", result.description, result.result_code));
    db::note_result(&mut tx, &refund.id, said.as_deref()).await?;
    let detail = format!(
        "refund {}: M-Pesa's result {}, asking its books",
        refund.id, result.result_code
    );
    payments::event(
        &mut tx,
        refund.application_id.as_deref(),
        None,
        "refund-result",
        &detail,
        now,
    )
    .await?;
    tx.commit().await?;
    ask(state, &refund, now).await
}

/// Asks M-Pesa's books about a refund (the answer arrives at `on_status`).
async fn ask(state: &AppState, refund: &Refund, now: i64) -> anyhow::Result<()> {
    let Some(daraja) = state.daraja.as_ref() else {
        return Ok(());
    };
    if let Accepted::No { code, message } = daraja.b2c_status(&refund.id, now).await? {
        tracing::warn!(refund = %refund.id, %code, %message, "M-Pesa would not say what became of a refund");
    }
    Ok(())
}

/// M-Pesa's books on a refund: refunded when they show it completed for its amount, failed otherwise (with the
/// result's words, or M-Pesa's answer). Books with no record of it at all are believed only `NO_RECORD_SECONDS`
/// after approval: until then M-Pesa may still be processing the request, and a refund marked failed could be
/// approved, and paid, a second time.
pub async fn on_status(state: &AppState, status: &TransactionStatus) -> anyhow::Result<Option<Refund>> {
    let mut conn = state.pool.acquire().await?;
    let Some(refund) = db::by_id(&mut conn, &status.trans_id).await? else {
        return Ok(None);
    };
    drop(conn);
    if !refund.status.open() {
        return Ok(None);
    }
    let no_record = status.result_code != 0;
    if no_record && state.clock.now() - refund.approved_at < NO_RECORD_SECONDS {
        tracing::info!(refund = %refund.id, "M-Pesa has no record of a refund yet: asked again later");
        return Ok(None);
    }
    let done = status.result_code == 0 && status.completed && status.amount == Some(refund.amount_kes);
    let end = match (done, status.receipt.clone()) {
        (true, Some(receipt)) => Ended::Refunded(receipt),
        _ => Ended::Failed(
            refund
                .failure
                .clone()
                .unwrap_or_else(|| format!("M-Pesa: {} ({})", status.description, status.result_code)),
        ),
    };
    finish(state, &refund.id, end).await
}

/// Asks about the refunds whose result has not come (M-Pesa's books; a card refund is sent again under its id),
/// claimed first so two processes never ask about the same one. How many were asked about.
pub async fn ask_unanswered(state: &AppState) -> anyhow::Result<usize> {
    let now = state.clock.now();
    let claimed = db::claim_unanswered(&state.pool, now, UNANSWERED_SECONDS, UNANSWERED_SECONDS, 20).await?;
    for refund in &claimed {
        let asked = if refund.method == "mpesa" {
            ask(state, refund, now).await
        } else {
            send(state, refund).await.map(|_| ())
        };
        if let Err(error) = asked {
            tracing::warn!(refund = %refund.id, error = %format!("{error:#}"), "asking about a refund failed");
        }
    }
    Ok(claimed.len())
}

/// Asks about unanswered refunds every minute, from start, until the process ends.
pub fn spawn_asker(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            every.tick().await;
            match ask_unanswered(&state).await {
                Ok(0) => {}
                Ok(asked) => tracing::info!(asked, "refunds without a result asked about"),
                Err(error) => tracing::warn!(error = %format!("{error:#}"), "asking about refunds failed"),
            }
        }
    })
}

/// The refunds of an application, for its pages.
pub async fn of_application(state: &AppState, application: &str) -> anyhow::Result<Vec<Refund>> {
    db::of_application(&state.pool, application).await
}

/// What is owed and what is being refunded, for the supervisors' page.
pub async fn queue(state: &AppState) -> anyhow::Result<(Vec<db::Owed>, Vec<Refund>)> {
    Ok(tokio::try_join!(
        db::owed(&state.pool, 200),
        db::recent(&state.pool, 50)
    )?)
}
