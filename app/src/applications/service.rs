//! The application framework's operations. They take the app state, who is acting and parsed values, and return
//! outcomes; none needs a browser request, so a payment callback, an officer or a test calls them as a page does.

use anyhow::Context;
use rand::Rng;
use serde::{de::DeserializeOwned, Serialize};
use sqlx::AnyConnection;

use super::{
    db,
    domain::{Application, ApplicationId, ApplicationRef, Decision, Event, Invoice, Payment, Status, Waiting},
    plugin::{Effect, Service, Services},
};
use crate::{
    db::begin_write, documents::service as documents, error::AppError, fees::domain::Shillings, state::AppState,
    web::guard::SignedIn,
};

/// Deletes `who`'s draft `id` (a person may change their mind before submitting), after its service has let go of
/// what the draft held. False when it is no longer a draft (submitted meanwhile), or is one being corrected (its
/// payment stays): nothing is deleted.
pub async fn discard(state: &AppState, who: &SignedIn, id: &str) -> Result<bool, AppError> {
    let application = owned(state, who, id).await?;
    if application.status != Status::Draft || application.correcting() {
        return Ok(false);
    }
    let service = state.services.of(&application)?;
    let mut tx = begin_write(&state.pool).await?;
    service
        .on_discard(&mut tx, &application, state.clock.now())
        .await
        .context("letting go of what a draft held")?;
    if !db::delete_draft(&mut tx, &application.id, &who.id).await? {
        return Ok(false);
    }
    tx.commit().await?;
    Ok(true)
}

/// Opens `who`'s draft of `service`, or finds the one already open.
pub async fn start(state: &AppState, who: &SignedIn, service: &str) -> anyhow::Result<ApplicationId> {
    let mut conn = state.pool.acquire().await?;
    let id = ApplicationId::from_stored(uuid::Uuid::new_v4().simple().to_string());
    db::open_draft(&mut conn, &id, &who.id, service, state.clock.now()).await
}

/// `who`'s application at `id`; anyone else's, or none, is the same 404.
pub async fn owned(state: &AppState, who: &SignedIn, id: &str) -> Result<Application, AppError> {
    let Some(id) = ApplicationId::parse(id) else {
        return Err(AppError::NotFound);
    };
    db::owned(&state.pool, &id, &who.id).await?.ok_or(AppError::NotFound)
}

/// The draft's answers in the service's shape (an empty draft, or one from an older shape, reads as new).
pub fn answers<A: DeserializeOwned + Default>(application: &Application) -> A {
    serde_json::from_str(&application.answers).unwrap_or_default()
}

/// What happened to a change of answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Saved,
    /// Submitted meanwhile (another tab): its answers no longer change.
    NotADraft,
}

/// Saves a draft's answers, on every step, so the person can resume on any device.
pub async fn save<A: Serialize>(
    state: &AppState,
    who: &SignedIn,
    id: &ApplicationId,
    answers: &A,
) -> anyhow::Result<Saved> {
    let json = serde_json::to_string(answers)?;
    Ok(
        if db::save_answers(&state.pool, id, &who.id, &json, state.clock.now()).await? {
            Saved::Saved
        } else {
            Saved::NotADraft
        },
    )
}

/// `save` for a step: the answers kept, or the failure as the page's error (a submitted draft is left as it is:
/// its page shows it).
pub async fn keep<A: Serialize>(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    answers: &A,
) -> Result<(), AppError> {
    save(state, who, &application.id, answers).await?;
    Ok(())
}

/// What submitting gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submitted {
    /// Submitted now: awaiting payment of the invoice under this reference.
    Now(ApplicationRef),
    /// Submitted before (a double click, another tab): nothing changed.
    Already,
    /// The answers changed after they were checked (another tab): nothing submitted; check them again.
    Changed,
    /// `db::MAX_UNPAID` applications of this service already wait for payment: pay one first.
    TooManyUnpaid,
    /// A corrected application sent back for the fee it paid.
    Again,
}

/// Submits `who`'s draft for the fee `fee_code` of the fee table: gives it a reference and its invoice (the fee
/// and the access fee as gazetted today), and makes it await payment. Of many simultaneous submissions, one
/// submits and the rest find it submitted. `application` is the copy the fee was worked out from: if its answers
/// were saved again since, nothing is submitted (a fee is never frozen on answers it was not checked on).
pub async fn submit(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    fee_code: &str,
) -> anyhow::Result<Submitted> {
    let schedule = crate::fees::db::schedule(&state.pool).await?;
    let quote = schedule
        .quote(fee_code)
        .with_context(|| format!("no fee {fee_code:?} in the fee table"))?;
    let invoice = Invoice {
        fee: Shillings(quote.fee_kes),
        access_fee: Shillings(quote.access_fee_kes),
    };
    // A reference already taken (one chance in billions) is drawn again.
    for _ in 0..5 {
        let reference = ApplicationRef::generate(|n| rand::rng().random_range(0..n));
        let now = state.clock.now();
        let mut tx = begin_write(&state.pool).await?;
        let submitted = db::submit(
            &mut tx,
            &application.id,
            &who.id,
            application.version,
            &reference,
            fee_code,
            invoice,
            now,
        )
        .await;
        match submitted {
            Ok(true) => {
                db::record_submitted(&mut tx, &application.id, now).await?;
                tx.commit().await?;
                return Ok(Submitted::Now(reference));
            }
            Ok(false) => {
                let now_is = db::by_id(&mut tx, &application.id).await?;
                return Ok(match now_is {
                    Some(draft) if draft.status == Status::Draft && draft.version != application.version => {
                        Submitted::Changed
                    }
                    Some(draft) if draft.status == Status::Draft => Submitted::TooManyUnpaid,
                    _ => Submitted::Already,
                });
            }
            Err(error) if crate::db::is_unique_violation(&error) => continue,
            Err(error) => return Err(error),
        }
    }
    anyhow::bail!("no free reference after 5 draws")
}

/// What a payment did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paid {
    /// Paid, and the service completed it (a renewal updates the register).
    Completed,
    /// Paid; an officer reviews it next.
    InReview,
    /// Already paid (a duplicated callback, a reused receipt): nothing changed.
    Already,
    /// The amount is not the invoice's total: nothing changed, the payment is for someone to look into.
    WrongAmount { expected: Shillings },
    /// Not awaiting payment (a draft, or unknown).
    NotPayable,
}

/// Records a payment against an application (M-Pesa's callback, a card, a counter), completes what the service
/// completes itself, and issues the receipt and the service's document.
pub async fn mark_paid(state: &AppState, id: &ApplicationId, payment: &Payment) -> anyhow::Result<Paid> {
    let mut tx = begin_write(&state.pool).await?;
    let paid = mark_paid_in(&mut tx, &state.services, id, payment, state.clock.now()).await?;
    tx.commit().await?;
    Ok(paid)
}

/// Records `payment` against the application `id` and lets its service complete it, in the caller's transaction
/// (a payment's settlement records its own events with it), so a payment is never recorded without its effect and
/// its documents. Writes nothing unless it answers `Completed` or `InReview`; a receipt already used elsewhere is an
/// error, so the caller's transaction rolls back whole.
pub async fn mark_paid_in(
    conn: &mut AnyConnection,
    services: &Services,
    id: &ApplicationId,
    payment: &Payment,
    now: i64,
) -> anyhow::Result<Paid> {
    let Some(application) = db::by_id(conn, id).await? else {
        return Ok(Paid::NotPayable);
    };
    match (application.status, application.invoice) {
        (Status::AwaitingPayment, Some(invoice)) if invoice.total() != payment.amount => {
            return Ok(Paid::WrongAmount {
                expected: invoice.total(),
            })
        }
        (Status::AwaitingPayment, Some(_)) => {}
        (Status::Draft, _) | (Status::Submitted, _) | (Status::AwaitingPayment, None) => return Ok(Paid::NotPayable),
        _ => return Ok(Paid::Already),
    }
    let service = services.serving(&application);
    // The status moves first (one conditional statement): of two payments racing, one moves it.
    if !db::advance(conn, id, Status::AwaitingPayment, Status::Paid, None, now).await? {
        return Ok(Paid::Already);
    }
    anyhow::ensure!(
        db::insert_payment(conn, id, payment.method, &payment.receipt, payment.amount, now).await?,
        "receipt {} is recorded against another application",
        payment.receipt
    );
    let outcome = settle(conn, service, &application, now).await?;
    // The documents are of the application as paying left it.
    let application = db::by_id(conn, id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("paid application {} is gone", id.as_str()))?;
    let own = service.document(conn, &application).await?;
    documents::issue(conn, &application, payment, own, now).await?;
    Ok(outcome)
}

/// Lets the service act on a paid application (paid now, or corrected and sent again) and moves it on: completed,
/// or in review waiting for an officer (of its centre) or for another party.
async fn settle(
    conn: &mut AnyConnection,
    service: &dyn Service,
    application: &Application,
    now: i64,
) -> anyhow::Result<Paid> {
    let (next, waiting, outcome) = match service.on_paid(conn, application, now).await? {
        Effect::Completed => (Status::Completed, Waiting::Officer, Paid::Completed),
        Effect::Review => (Status::InReview, Waiting::Officer, Paid::InReview),
        Effect::OtherParty => (Status::InReview, Waiting::OtherParty, Paid::InReview),
    };
    db::advance(conn, &application.id, Status::Paid, next, None, now).await?;
    db::route(conn, &application.id, waiting, service.centre(application).as_deref()).await?;
    Ok(outcome)
}

/// What asking to correct a rejected application gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reopened {
    /// A draft again, its payment kept.
    Reopened,
    /// Not an officer's rejection of a service that allows it (or reopened already): nothing changed.
    NotAllowed,
}

/// Makes `who`'s application, rejected by an officer, a draft again so they can correct it and send it back to
/// review without paying twice (where its service allows it). Its reference, invoice and payment stay.
pub async fn reopen(state: &AppState, who: &SignedIn, application: &Application) -> anyhow::Result<Reopened> {
    if !state.services.serving(application).resubmittable() || !application.rejected_by_officer() {
        return Ok(Reopened::NotAllowed);
    }
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    if !db::reopen(&mut tx, &application.id, &who.id, now).await? {
        return Ok(Reopened::NotAllowed);
    }
    db::record(&mut tx, &application.id, Status::Draft, now).await?;
    tx.commit().await?;
    Ok(Reopened::Reopened)
}

/// Sends `who`'s corrected draft (one paid before: it has a reference) back to review for its paid fee: the
/// service acts on it as on paying. `Changed` when its answers were saved since `application` was checked, and
/// a field error when the correction changes the fee (that is a new application).
pub async fn resubmit(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    fee_code: &str,
) -> Result<Submitted, AppError> {
    if application.fee_code.as_deref() != Some(fee_code) {
        return Err(AppError::field("declaration", "applications-error-fee-changed"));
    }
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    if !db::resubmit(&mut tx, &application.id, &who.id, application.version, now).await? {
        let now_is = db::by_id(&mut tx, &application.id).await?;
        return Ok(match now_is {
            Some(draft) if draft.status == Status::Draft => Submitted::Changed,
            _ => Submitted::Already,
        });
    }
    settle(&mut tx, state.services.serving(application), application, now).await?;
    tx.commit().await?;
    Ok(Submitted::Again)
}

/// The application `id`, whoever owns it, in the caller's transaction (a payment settling it).
pub async fn by_id_in(conn: &mut AnyConnection, id: &ApplicationId) -> anyhow::Result<Option<Application>> {
    db::by_id(conn, id).await
}

/// The application a bill reference names, whoever owns it (a Paybill payment carries only the reference).
pub async fn by_reference(conn: &mut AnyConnection, reference: &str) -> anyhow::Result<Option<Application>> {
    match ApplicationRef::parse(reference) {
        Some(reference) => db::by_reference(conn, &reference).await,
        None => Ok(None),
    }
}

/// What a decision did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decided {
    /// Approved, and the service completed it.
    Completed,
    Rejected,
    /// A rejection without a reason: nothing changed.
    ReasonNeeded,
    /// Not in review (not yet paid, or decided already): nothing changed.
    NotInReview,
}

/// An officer's decision on an application in review.
pub async fn decide(state: &AppState, id: &ApplicationId, decision: &Decision) -> anyhow::Result<Decided> {
    let mut tx = begin_write(&state.pool).await?;
    let outcome = decide_in(&mut tx, &state.services, id, decision, state.clock.now()).await?;
    if matches!(outcome, Decided::Completed | Decided::Rejected) {
        tx.commit().await?;
    }
    Ok(outcome)
}

/// `decide` in the caller's transaction (a buyer's answer to a transfer changes the register with it). Writes
/// nothing unless it answers `Completed` or `Rejected`. Approval runs the service's approval and issues the
/// document it makes, in the same transaction.
pub async fn decide_in(
    conn: &mut AnyConnection,
    services: &Services,
    id: &ApplicationId,
    decision: &Decision,
    now: i64,
) -> anyhow::Result<Decided> {
    let Some(application) = db::by_id(conn, id).await? else {
        return Ok(Decided::NotInReview);
    };
    Ok(match decision {
        Decision::Reject { reason } if reason.trim().is_empty() => Decided::ReasonNeeded,
        Decision::Reject { reason } => {
            if !db::advance(conn, id, Status::InReview, Status::Rejected, Some(reason.trim()), now).await? {
                return Ok(Decided::NotInReview);
            }
            Decided::Rejected
        }
        Decision::Approve => {
            if !db::advance(conn, id, Status::InReview, Status::Approved, None, now).await? {
                return Ok(Decided::NotInReview);
            }
            let service = services.serving(&application);
            service.on_approved(conn, &application, now).await?;
            if let Some(own) = service.document(conn, &application).await? {
                documents::issue_own(conn, &application, own, now).await?;
            }
            db::advance(conn, id, Status::Approved, Status::Completed, None, now).await?;
            Decided::Completed
        }
    })
}

/// `who`'s applications, newest activity first.
pub async fn mine(state: &AppState, who: &SignedIn) -> anyhow::Result<Vec<Application>> {
    db::of_account(&state.pool, &who.id).await
}

/// Records the organisation a draft is made for (see `db::made_for`).
pub async fn made_for(state: &AppState, application: &Application, kra_pin: Option<&str>) -> anyhow::Result<()> {
    db::made_for(&state.pool, &application.id, kra_pin).await
}

pub async fn timeline(state: &AppState, application: &Application) -> anyhow::Result<Vec<Event>> {
    db::timeline(&state.pool, &application.id).await
}
