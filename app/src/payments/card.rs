//! Paying by debit or credit card through a hosted checkout, as e-Citizen does: the person is sent to the
//! provider's page with a session, the amount and the reference, types the card there (Uraia never sees a card
//! number), and comes back with the result signed (HMAC-SHA-256) over session, reference, amount, outcome and
//! transaction. The same signed result also arrives server to server (the provider's notification, for a person
//! who closed the tab), and a session still open after a few minutes is asked about; one open for a day expires.
//! A result whose signature, reference or amount does not match is refused; a session is closed by its first
//! result, so a replayed one changes nothing.
//!
//! The provider's side of the contract: the checkout page at `card_checkout_url`; the result as query parameters on
//! the return address and as a form post to `/payments/card/notify`; `GET {card_checkout_url}/sessions/{session}`
//! answering the signed result as JSON, or `{"status": "open"}`.

use super::{db, service};
use crate::{
    applications::domain::{Application, ApplicationId, Payment, Status},
    db::begin_write,
    error::AppError,
    fees::domain::Shillings,
    gateways::card::CardResult,
    i18n::Lang,
    state::AppState,
};

/// A session is asked about once it has been open this long (the person is likely gone)...
const ASK_AFTER_SECONDS: i64 = 5 * 60;
/// ...and expires, unpaid, after a day.
const EXPIRE_AFTER_SECONDS: i64 = 86_400;
/// A process holds the sessions it claimed this long.
const CLAIM_SECONDS: i64 = 60;

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Opens a checkout session for `application`'s invoice; the address of the provider's page to send the person to.
pub async fn open(state: &AppState, application: &Application, lang: Lang) -> Result<Option<String>, AppError> {
    let checkout = state
        .card
        .as_ref()
        .ok_or_else(|| AppError::field("card", "payments-error-card-off"))?;
    let (Status::AwaitingPayment, Some(invoice), Some(reference)) =
        (application.status, &application.invoice, &application.reference)
    else {
        return Ok(None);
    };
    let now = state.clock.now();
    let session = crate::web::secrets::token();
    let amount = invoice.total();
    let mut tx = begin_write(&state.pool).await?;
    db::open_card_session(
        &mut tx,
        &session,
        &application.id,
        reference.as_str(),
        amount,
        lang.code(),
        now,
    )
    .await?;
    let detail = format!("KES {} by card", amount.0);
    db::event(
        &mut tx,
        Some(application.id.as_str()),
        Some(&session[..16]),
        "card-checkout",
        &detail,
        now,
    )
    .await?;
    tx.commit().await?;
    let back = format!("{}/payments/card/return", state.origin);
    Ok(Some(format!(
        "{}?session={session}&reference={}&amount={}&currency=KES&return={}",
        checkout.url,
        encode(reference.as_str()),
        amount.0,
        encode(&back)
    )))
}

/// What a returning result did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Returned {
    Paid(ApplicationId, Lang),
    Declined(ApplicationId, Lang),
    /// Tampered with, replayed, or for another amount or reference: refused and logged.
    Refused(Option<(ApplicationId, Lang)>),
}

/// The browser back from the checkout with the result.
pub async fn on_return(state: &AppState, result: &CardResult) -> anyhow::Result<Returned> {
    on_result(state, result, "card").await
}

/// The provider's server-to-server notification of the same signed result.
pub async fn on_notification(state: &AppState, result: &CardResult) -> anyhow::Result<Returned> {
    on_result(state, result, "card, notified by the provider").await
}

/// A result, whichever way it came (`via`): checked, and settled once.
async fn on_result(state: &AppState, result: &CardResult, via: &str) -> anyhow::Result<Returned> {
    let now = state.clock.now();
    let Some(checkout) = state.card.as_ref() else {
        return Ok(Returned::Refused(None));
    };
    let Some(session) = db::card_session(&state.pool, &result.session).await? else {
        let mut conn = state.pool.acquire().await?;
        db::event(
            &mut conn,
            None,
            None,
            "refused",
            "card result for an unknown session",
            now,
        )
        .await?;
        return Ok(Returned::Refused(None));
    };
    let application = ApplicationId::from_stored(session.application_id.clone());
    let lang = Lang::parse(&session.lang).unwrap_or_default();
    let log_id = Some(&session.id[..16]);
    let app_id = Some(session.application_id.as_str());
    let mut tx = begin_write(&state.pool).await?;
    let matches = checkout.verify(result)
        && result.reference == session.reference
        && result.amount == session.amount_kes.to_string()
        && (result.outcome == "paid" || result.outcome == "declined")
        && !result.transaction.is_empty();
    if !matches {
        let detail = format!("card result refused: signature, reference, amount or outcome do not match ({result:?})");
        db::event(&mut tx, app_id, log_id, "refused", &detail, now).await?;
        tx.commit().await?;
        return Ok(Returned::Refused(Some((application, lang))));
    }
    let paid = result.outcome == "paid";
    match db::close_card_session(&mut tx, &session.id, paid, &result.transaction, now).await? {
        db::Closed::Now => {}
        // The same result again (the notification and the browser both bring it): nothing more to do.
        db::Closed::Already if paid => return Ok(Returned::Paid(application, lang)),
        db::Closed::Already => return Ok(Returned::Declined(application, lang)),
        db::Closed::Replay => {
            let detail = format!("card result replayed (transaction {})", result.transaction);
            db::event(&mut tx, app_id, log_id, "refused", &detail, now).await?;
            tx.commit().await?;
            return Ok(Returned::Refused(Some((application, lang))));
        }
    }
    if !paid {
        let detail = format!("card declined (transaction {})", result.transaction);
        db::event(&mut tx, app_id, log_id, "failed", &detail, now).await?;
        tx.commit().await?;
        return Ok(Returned::Declined(application, lang));
    }
    let payment = Payment {
        method: "card",
        receipt: result.transaction.clone(),
        amount: Shillings(session.amount_kes),
    };
    service::record(&mut tx, state, &application, &payment, via, log_id, now).await?;
    tx.commit().await?;
    Ok(Returned::Paid(application, lang))
}

/// Asks the provider about sessions open for more than a few minutes (the person paid and closed the tab, or lost
/// the connection on the provider's page) and settles what it says; expires those open for a day. Claimed first,
/// so several processes do this side by side without asking twice. How many were settled.
pub async fn reconcile(state: &AppState) -> anyhow::Result<usize> {
    let Some(checkout) = state.card.as_ref() else {
        return Ok(0);
    };
    let now = state.clock.now();
    db::expire_card_sessions(&state.pool, now - EXPIRE_AFTER_SECONDS, now).await?;
    let window = (now - EXPIRE_AFTER_SECONDS, now - ASK_AFTER_SECONDS);
    let mut settled = 0;
    for session in db::claim_open_card_sessions(&state.pool, window, now, CLAIM_SECONDS, 20).await? {
        match checkout.ask(&session).await {
            Ok(Some(result)) if result.session == session => {
                on_result(state, &result, "card, asked of the provider").await?;
                settled += 1;
            }
            Ok(_) => {}
            Err(error) => tracing::warn!(error = %format!("{error:#}"), "the card provider could not be asked"),
        }
    }
    Ok(settled)
}
