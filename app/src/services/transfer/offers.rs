//! An offer once paid for: where it stands for the seller and the buyer (a person, or any of the people acting for
//! a buying organisation), the buyer's code, acceptance (the register, the application and both slips in one
//! transaction), a decline, the lapse after 14 days, and the messages that tell each party.

use sqlx::AnyConnection;

use super::{
    db::{self, OfferRow},
    domain::{self, OfferStatus},
};
use crate::{
    accounts::service::verification::check_typed,
    applications::{
        domain::{Application, ApplicationId, Decision},
        plugin::Services,
        service::{self as applications, Decided},
    },
    calendar,
    channel::Channel,
    documents::{
        domain::{Fact, Kind, ServiceDocument},
        service as documents,
    },
    error::AppError,
    i18n::Lang,
    organisations::db as organisations,
    state::AppState,
    web::{
        challenges::{self, CodeRequest, Purpose, Trier},
        guard::SignedIn,
        outbox,
    },
};

/// Tells `account` of the offer by SMS and email, in their language: the plate, the other party, the deadline.
pub(super) async fn tell(
    conn: &mut AnyConnection,
    account: &str,
    key: &str,
    offer: &OfferRow,
    now: i64,
) -> anyhow::Result<()> {
    outbox::tell_account(conn, now, account, key, |lang| {
        vec![
            ("plate", offer.plate.clone()),
            ("seller", offer.seller_name.clone()),
            ("buyer", offer.buyer_name.clone()),
            ("deadline", calendar::moment(lang, offer.deadline)),
            ("seller_kind", offer.seller_kind().to_string()),
        ]
    })
    .await
}

/// What both acknowledgement slips say: the vehicle, the seller, the buyer, the day.
fn facts(offer: &OfferRow) -> Vec<Fact> {
    let day = calendar::date_of(offer.decided_at.unwrap_or(offer.offered_at)).to_string();
    vec![
        Fact::text("registration-fact-plate", &offer.plate),
        Fact::text("registration-field-make", &offer.make),
        Fact::text("registration-field-model", &offer.model),
        Fact::text("registration-field-year", offer.year.to_string()),
        party(
            "transfer-fact-seller",
            &offer.seller_name,
            offer.seller_kra_pin.is_some(),
        ),
        party("transfer-fact-buyer", &offer.buyer_name, offer.buyer_kra_pin.is_some()),
        Fact::date("transfer-fact-on", day),
    ]
}

/// A party to the transfer: a person's name is masked on the public check, an organisation's (a public record)
/// is not.
fn party(key: &str, name: &str, organisation: bool) -> Fact {
    if organisation {
        Fact::text(key, name)
    } else {
        Fact::person(key, name)
    }
}

/// The seller's acknowledgement, once the buyer has accepted.
pub async fn slip(conn: &mut AnyConnection, application: &Application) -> anyhow::Result<Option<ServiceDocument>> {
    let Some(offer) = db::offer(conn, application.id.as_str()).await? else {
        return Ok(None);
    };
    if OfferStatus::parse(&offer.status) != Some(OfferStatus::Accepted) {
        return Ok(None);
    }
    Ok(Some(acknowledgement(Kind::TransferSeller, &offer)))
}

fn acknowledgement(kind: Kind, offer: &OfferRow) -> ServiceDocument {
    ServiceDocument {
        kind,
        classes: None,
        valid_until: None,
        smart: false,
        facts: facts(offer),
    }
}

/// The offer of the application `id`, to the seller who made it.
pub async fn offer_of(state: &AppState, application: &Application) -> anyhow::Result<Option<OfferRow>> {
    let mut conn = state.pool.acquire().await?;
    db::offer(&mut conn, application.id.as_str()).await
}

/// The offer `id` made to `who` or to an organisation they act for; anyone else's, or none, is the same 404.
pub async fn offer_to(state: &AppState, who: &SignedIn, id: &str) -> Result<OfferRow, AppError> {
    let id = ApplicationId::parse(id).ok_or(AppError::NotFound)?;
    let mut conn = state.pool.acquire().await?;
    let offer = db::offer(&mut conn, id.as_str()).await?.ok_or(AppError::NotFound)?;
    let theirs = match &offer.buyer_kra_pin {
        Some(pin) => organisations::acts_for(&mut conn, who.id.as_str(), pin).await?,
        None => offer.buyer_account.as_deref() == Some(who.id.as_str()),
    };
    if theirs {
        Ok(offer)
    } else {
        Err(AppError::NotFound)
    }
}

/// The offers made to `who`, newest first (the dashboard lists them).
pub async fn offers_to(state: &AppState, who: &SignedIn) -> anyhow::Result<Vec<OfferRow>> {
    db::offers_to(&state.pool, who.id.as_str()).await
}

/// Whether the offer may still be answered now.
pub fn open(state: &AppState, offer: &OfferRow) -> bool {
    OfferStatus::parse(&offer.status)
        .is_some_and(|status| domain::answerable(status, offer.deadline, state.clock.now()))
}

/// Sends the buyer the code that accepts (to their verified phone, within the resend rules of every code).
pub async fn send_code(state: &AppState, who: &SignedIn, lang: Lang, offer: &OfferRow) -> Result<(), AppError> {
    if !open(state, offer) {
        return Err(AppError::field("code", "transfer-error-closed"));
    }
    challenges::send_code(
        state,
        CodeRequest {
            account_id: who.id.as_str(),
            purpose: Purpose::TransferAccept,
            channel: Channel::Sms,
            to: who.phone.as_str(),
            subject: &offer.application_id,
            lang,
            message: "message-transfer-code",
            field: "code",
        },
    )
    .await
}

/// The buyer accepts with the code: the register changes owner, the seller's application completes with their
/// slip, the buyer gets theirs, and the seller is told, all in one transaction.
pub async fn accept(
    state: &AppState,
    who: &SignedIn,
    client: &str,
    offer: &OfferRow,
    code: &str,
) -> Result<(), AppError> {
    if !open(state, offer) {
        return Err(AppError::field("code", "transfer-error-closed"));
    }
    let trier = Trier {
        account_id: who.id.as_str(),
        client,
    };
    check_typed(
        state,
        trier,
        (Purpose::TransferAccept, &offer.application_id),
        code,
        "code",
    )
    .await?;
    accepted(state, who, offer).await
}

/// The acceptance once the buyer's code is right (the benchmark times this part).
pub async fn accepted(state: &AppState, who: &SignedIn, offer: &OfferRow) -> Result<(), AppError> {
    answer(state, who, offer, OfferStatus::Accepted).await
}

/// The buyer declines: the seller's application is rejected (the fee is not refunded: the service was given) and
/// the seller is told.
pub async fn decline(state: &AppState, who: &SignedIn, offer: &OfferRow) -> Result<(), AppError> {
    if !open(state, offer) {
        return Err(AppError::field("decline", "transfer-error-closed"));
    }
    answer(state, who, offer, OfferStatus::Declined).await
}

/// Ends the offer as `status`, answered by `who`, in one transaction; an offer answered or lapsed meanwhile is
/// refused.
async fn answer(state: &AppState, who: &SignedIn, offer: &OfferRow, status: OfferStatus) -> Result<(), AppError> {
    let field = if status == OfferStatus::Accepted {
        "code"
    } else {
        "decline"
    };
    let now = state.clock.now();
    let mut tx = crate::db::begin_write(&state.pool).await?;
    // A caveat noted while the offer waited stops the change of owner (the register's UPDATE refuses it too).
    let caveated = db::caveated(&mut tx, &offer.plate).await?;
    if status == OfferStatus::Accepted && caveated {
        return Err(AppError::field(field, "transfer-error-caveat-noted"));
    }
    let closing = Closing {
        application_id: &offer.application_id,
        status,
        by: Some(who.id.as_str()),
        now,
    };
    if now >= offer.deadline || !close(&mut tx, &state.services, closing).await? {
        return Err(AppError::field(field, "transfer-error-closed"));
    }
    tx.commit().await?;
    Ok(())
}

/// An offer being closed: as what, by whom (none: it lapsed), when.
struct Closing<'a> {
    application_id: &'a str,
    status: OfferStatus,
    by: Option<&'a str>,
    now: i64,
}

/// Closes a waiting offer in the caller's transaction: the register, the application, the slips and the seller's
/// message. False (nothing written) when it was no longer waiting.
async fn close(conn: &mut AnyConnection, services: &Services, closing: Closing<'_>) -> anyhow::Result<bool> {
    let Closing {
        application_id,
        status,
        by,
        now,
    } = closing;
    if !db::close(conn, application_id, status.code(), by, now).await? {
        return Ok(false);
    }
    let offer = db::offer(conn, application_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("offer {application_id} is gone"))?;
    let id = ApplicationId::from_stored(application_id.to_string());
    let (decision, message) = match status {
        OfferStatus::Accepted => {
            let (Some(seller), Some(buyer)) = (offer.seller(), offer.buyer()) else {
                anyhow::bail!("offer {application_id} names no seller or no buyer");
            };
            anyhow::ensure!(
                db::change_owner(conn, &offer.plate, &seller, &buyer).await?,
                "{} is no longer the seller's",
                offer.plate
            );
            (Decision::Approve, "message-transfer-accepted")
        }
        OfferStatus::Declined => (
            Decision::Reject {
                reason: "applications-reason-transfer-declined".into(),
            },
            "message-transfer-declined",
        ),
        OfferStatus::Lapsed | OfferStatus::Offered => (
            Decision::Reject {
                reason: "applications-reason-transfer-lapsed".into(),
            },
            "message-transfer-lapsed",
        ),
    };
    match applications::decide_in(conn, services, &id, &decision, now).await? {
        Decided::Completed | Decided::Rejected => {}
        other => anyhow::bail!("transfer {application_id}: the application was not in review ({other:?})"),
    }
    if status == OfferStatus::Accepted {
        let application = applications::by_id_in(conn, &id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("application {application_id} is gone"))?;
        // The buyer's slip is held by the person who accepted (for an organisation, whoever of its people did).
        let holder = offer
            .buyer_account
            .as_deref()
            .ok_or_else(|| anyhow::anyhow!("offer {application_id} was accepted by no one"))?;
        documents::issue_to(
            conn,
            &application,
            holder,
            acknowledgement(Kind::TransferBuyer, &offer),
            now,
        )
        .await?;
    }
    tell(conn, &offer.seller_account, message, &offer, now).await?;
    Ok(true)
}

/// Lapses the offers whose 14 days have passed, each in its own transaction, and tells their sellers.
pub async fn lapse_due(state: &AppState) -> anyhow::Result<u64> {
    let now = state.clock.now();
    let mut lapsed = 0;
    for id in db::lapsed(&state.pool, now).await? {
        let mut tx = crate::db::begin_write(&state.pool).await?;
        let closing = Closing {
            application_id: &id,
            status: OfferStatus::Lapsed,
            by: None,
            now,
        };
        if close(&mut tx, &state.services, closing).await? {
            tx.commit().await?;
            lapsed += 1;
        }
    }
    Ok(lapsed)
}
