//! Transfer of ownership on the application framework, the seller's side: their draft names one of their
//! vehicles (or one of an organisation they act for), its logbook and the buyer (a person, or an organisation whose
//! people answer); payment makes the offer (the application waits "in review" for the buyer, whose answers are in
//! `offers`).

use sqlx::AnyConnection;

use super::{
    db,
    db::{Owner, Seller},
    domain::{self, check_logbook, Answers, Buyer, BuyerOrganisation, LogbookProblem, DEADLINE_SECONDS},
};
use crate::{
    applications::plugin::Effect,
    applications::{
        domain::{Application, ApplicationId},
        service as applications,
    },
    error::{AppError, FieldError},
    ids::{KraPin, PlateNumber},
    organisations::db as organisations,
    records::people,
    state::AppState,
    web::{guard::SignedIn, throttle, upload::Unread},
};

/// The seller's steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Vehicle,
    Logbook,
    Buyer,
}

impl Step {
    pub fn code(self) -> &'static str {
        match self {
            Step::Vehicle => "vehicle",
            Step::Logbook => "logbook",
            Step::Buyer => "buyer",
        }
    }
}

fn seller(who: &SignedIn) -> Seller<'_> {
    Seller {
        account_id: who.id.as_str(),
        id_number: &who.id_number,
    }
}

/// The vehicles registered to `who` and to the organisations they act for, each with whether it may be offered.
pub async fn vehicles(state: &AppState, who: &SignedIn) -> anyhow::Result<Vec<db::SellerVehicle>> {
    db::vehicles_of(&state.pool, seller(who)).await
}

/// Step 1: one of the seller's vehicles, or of an organisation they act for (the application records it).
/// Another's plate is the 404 page: the form only offers these.
pub async fn save_vehicle(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    posted: &str,
) -> Result<(), AppError> {
    if posted.trim().is_empty() {
        return Err(AppError::field("plate", "transfer-error-vehicle-missing"));
    }
    let plate = PlateNumber::parse(posted).ok_or(AppError::NotFound)?;
    let mut conn = state.pool.acquire().await?;
    let vehicle = db::vehicle_of(&mut conn, seller(who), plate.as_str())
        .await?
        .ok_or(AppError::NotFound)?;
    drop(conn);
    if let Err(why) = vehicle.availability() {
        return Err(AppError::Invalid(vec![
            FieldError::new("plate", why.key()).with_arg("plate", plate.to_string())
        ]));
    }
    applications::made_for(state, application, vehicle.owner_kra_pin.as_deref()).await?;
    let mut answers: Answers = applications::answers(application);
    if answers.plate.as_ref() != Some(&plate) {
        // Another vehicle's logbook is not this one's.
        answers.logbook = None;
    }
    answers.plate = Some(plate);
    applications::keep(state, who, application, &answers).await
}

/// Step 2: the logbook, a PDF or an image by its first bytes, at most 5 MB. Uploads are rationed per account (each
/// stores up to 5 MB).
pub async fn save_logbook(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    received: Result<Vec<u8>, Unread>,
) -> Result<(), AppError> {
    let key = throttle::logbooks_key(who.id.as_str());
    throttle::admit(
        &state.pool,
        &key,
        throttle::PHOTO,
        state.clock.now(),
        domain::LOGBOOK_FIELD,
    )
    .await??;
    let bytes = received.map_err(|unread| {
        match unread {
            Unread::Missing => LogbookProblem::Missing,
            Unread::TooLarge { bytes } => LogbookProblem::TooLarge { bytes },
            Unread::Interrupted => LogbookProblem::Interrupted,
        }
        .field_error()
    })?;
    let format = check_logbook(&bytes).map_err(|problem| problem.field_error())?;
    db::save_logbook(
        &state.pool,
        application.id.as_str(),
        format.code(),
        &bytes,
        state.clock.now(),
    )
    .await?;
    let mut answers: Answers = applications::answers(application);
    answers.logbook = Some(domain::Logbook {
        format,
        bytes: bytes.len() as u64,
    });
    applications::keep(state, who, application, &answers).await
}

/// The logbook file of `who`'s application `id`: its content type and bytes.
pub async fn logbook(state: &AppState, who: &str, id: &str) -> anyhow::Result<Option<(&'static str, Vec<u8>)>> {
    let Some(id) = ApplicationId::parse(id) else {
        return Ok(None);
    };
    Ok(db::logbook_of(&state.pool, id.as_str(), who)
        .await?
        .and_then(|(format, bytes)| Some((domain::Format::parse(&format)?.content_type(), bytes))))
}

/// Step 3: the buyer, by ID number and first name as the national register has them, with a Uraia account to
/// accept on. Details that do not match are counted: each answer tells whether a name goes with a number.
pub async fn save_buyer(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    id_number: &str,
    first_name: &str,
) -> Result<(), AppError> {
    let asking = people::Asking {
        prefix: "transfer-error-buyer",
        throttle_key: throttle::buyers_key(who.id.as_str()),
        rule: throttle::BUYERS,
    };
    let person = people::named(state, who, &asking, id_number, first_name).await?;
    let mut answers: Answers = applications::answers(application);
    answers.buyer = Some(Buyer {
        id_number: person.id_number,
        first_name: person.first_name,
    });
    answers.buyer_organisation = None;
    applications::keep(state, who, application, &answers).await
}

/// Step 3, the other form: an organisation buying, by KRA PIN. It must be on the register, have someone acting
/// for it on Uraia to accept, and not already hold the vehicle. PINs not found are counted like names that do not
/// match.
pub async fn save_buyer_organisation(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    typed: &str,
) -> Result<(), AppError> {
    let pin = KraPin::parse(typed).map_err(|_| {
        let key = if typed.trim().is_empty() {
            "transfer-error-buyer-pin-missing"
        } else {
            "transfer-error-buyer-pin-format"
        };
        FieldError::new("kra_pin", key)
    })?;
    let key = throttle::buyers_key(who.id.as_str());
    throttle::admit(&state.pool, &key, throttle::BUYERS, state.clock.now(), "kra_pin").await??;
    let name = crate::accounts::db::organisation_exists(&state.pool, pin.as_str())
        .await?
        .ok_or_else(|| AppError::field("kra_pin", "transfer-error-buyer-pin-unknown"))?;
    throttle::release(&state.pool, &key, throttle::BUYERS).await?;
    let named = |key: &str| AppError::from(FieldError::new("kra_pin", key).with_arg("name", name.clone()));
    let mut answers: Answers = applications::answers(application);
    let mut conn = state.pool.acquire().await?;
    if let Some(plate) = &answers.plate {
        let vehicle = db::vehicle_of(&mut conn, seller(who), plate.as_str()).await?;
        if vehicle.and_then(|v| v.owner_kra_pin).as_deref() == Some(pin.as_str()) {
            return Err(named("transfer-error-buyer-pin-same"));
        }
    }
    if organisations::accounts_of(&mut conn, pin.as_str()).await?.is_empty() {
        return Err(named("transfer-error-buyer-pin-no-people"));
    }
    drop(conn);
    answers.buyer_organisation = Some(BuyerOrganisation {
        kra_pin: pin.as_str().to_string(),
        name,
    });
    answers.buyer = None;
    applications::keep(state, who, application, &answers).await
}

/// The fee when every answer still holds (the vehicle still the seller's and not on offer, the logbook kept, the
/// buyer's account still there), else the step to see again.
pub async fn ready(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
) -> Result<Result<&'static str, Step>, AppError> {
    let answers: Answers = applications::answers(application);
    let mut conn = state.pool.acquire().await?;
    let vehicle = match &answers.plate {
        Some(plate) => db::vehicle_of(&mut conn, seller(who), plate.as_str()).await?,
        None => None,
    };
    let Some(vehicle) = vehicle.filter(|v| v.availability().is_ok()) else {
        return Ok(Err(Step::Vehicle));
    };
    let kept = db::logbook_of(&state.pool, application.id.as_str(), who.id.as_str())
        .await?
        .is_some();
    if answers.logbook.is_none() || !kept {
        return Ok(Err(Step::Logbook));
    }
    let fee = domain::fee_code(vehicle.engine_cc);
    if let Some(organisation) = &answers.buyer_organisation {
        let other = vehicle.owner_kra_pin.as_deref() != Some(organisation.kra_pin.as_str());
        let answerable = !organisations::accounts_of(&mut conn, &organisation.kra_pin)
            .await?
            .is_empty();
        return Ok(if other && answerable { Ok(fee) } else { Err(Step::Buyer) });
    }
    let buyer = match &answers.buyer {
        Some(buyer) => people::person(&mut conn, &buyer.id_number).await?,
        None => None,
    };
    match buyer {
        Some(person) if person.account_id.is_some() => Ok(Ok(fee)),
        _ => Ok(Err(Step::Buyer)),
    }
}

/// Payment makes the offer and tells the buyer, in the payment's transaction; the application then waits for the
/// buyer. An offer that cannot be made (the vehicle sold meanwhile, offered twice from two tabs, a caveat noted, the
/// buyer's account closed) goes to an officer, who rejects it with the reason so the seller can correct it and
/// send it again without paying twice: the payment is never refused.
pub async fn on_paid(conn: &mut AnyConnection, application: &Application, now: i64) -> anyhow::Result<Effect> {
    if offer(conn, application, now).await? {
        return Ok(Effect::OtherParty);
    }
    tracing::warn!(
        application = application.id.as_str(),
        "a paid transfer could not be offered"
    );
    Ok(Effect::Review)
}

async fn offer(conn: &mut AnyConnection, application: &Application, now: i64) -> anyhow::Result<bool> {
    let answers: Answers = applications::answers(application);
    let Some(plate) = answers.plate else {
        return Ok(false);
    };
    let id_number = crate::accounts::db::id_number(conn, application.account.as_str()).await?;
    let acting = Seller {
        account_id: application.account.as_str(),
        id_number: &id_number,
    };
    let Some(vehicle) = db::vehicle_of(conn, acting, plate.as_str()).await? else {
        return Ok(false);
    };
    // A second guard behind the submission's version: the invoiced band must be this vehicle's, and no caveat
    // noted since; else an officer looks at it.
    let invoiced = application.fee_code.as_deref() == Some(domain::fee_code(vehicle.engine_cc));
    if !invoiced || vehicle.caveats > 0 {
        return Ok(false);
    }
    let seller = Owner::of(Some(&id_number), vehicle.owner_kra_pin.as_deref())
        .ok_or_else(|| anyhow::anyhow!("a vehicle with no owner"))?;
    // Who is told: the person buying, or every person acting for the organisation buying.
    let (buyer, buyer_account, told, message) = match (answers.buyer_organisation, answers.buyer) {
        (Some(organisation), _) => {
            let told = organisations::accounts_of(conn, &organisation.kra_pin).await?;
            let buyer = Owner::Organisation(organisation.kra_pin);
            if told.is_empty() || buyer == seller {
                return Ok(false);
            }
            (buyer, None, told, "message-transfer-offered-organisation")
        }
        (None, Some(person)) => {
            let Some(account) = people::person(conn, &person.id_number)
                .await?
                .and_then(|p| p.account_id)
            else {
                return Ok(false);
            };
            let told = vec![account.clone()];
            (
                Owner::Person(person.id_number),
                Some(account),
                told,
                "message-transfer-offered",
            )
        }
        (None, None) => return Ok(false),
    };
    let new = db::NewOffer {
        application_id: application.id.as_str(),
        plate: plate.as_str(),
        seller: &seller,
        buyer_account: buyer_account.as_deref(),
        buyer: &buyer,
        now,
        deadline: now + DEADLINE_SECONDS,
    };
    if !db::insert_offer(conn, &new).await? {
        return Ok(false);
    }
    let offer = db::offer(conn, application.id.as_str())
        .await?
        .ok_or_else(|| anyhow::anyhow!("the offer just made is gone"))?;
    for account in told {
        super::offers::tell(conn, &account, message, &offer, now).await?;
    }
    Ok(true)
}
