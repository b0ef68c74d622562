//! Inspection booking on the application framework: the person's own vehicle, the type, the centre, a place
//! held for 15 minutes until payment, and after payment a booking that can be moved or cancelled until 24 hours
//! before it starts. Places are counted per slot and taken by one conditional UPDATE (db.rs).

use std::{future::Future, pin::Pin};

use jiff::civil::Date;
use sqlx::AnyConnection;

use super::{
    db::{self, Booking},
    domain::{self, Answers, Free, Type, FEE, SLOTS},
};
use crate::{
    applications::{
        domain::{Application, Status},
        service as applications,
    },
    calendar,
    db::begin_write,
    documents::{
        domain::{Fact, Kind, ServiceDocument},
        service as documents,
    },
    error::AppError,
    ids::PlateNumber,
    records::{domain::Vehicle, service as records},
    state::AppState,
    web::guard::SignedIn,
};

/// The questions, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Vehicle,
    Type,
    Centre,
    Day,
    Slot,
}

impl Step {
    pub fn code(self) -> &'static str {
        match self {
            Step::Vehicle => "vehicle",
            Step::Type => "type",
            Step::Centre => "centre",
            Step::Day => "day",
            Step::Slot => "slot",
        }
    }
}

async fn save(state: &AppState, who: &SignedIn, application: &Application, answers: &Answers) -> Result<(), AppError> {
    applications::save(state, who, &application.id, answers)
        .await
        .map_err(AppError::internal)?;
    Ok(())
}

/// The person's vehicle under `plate`: theirs, their organisations' or a linked TIMS account's.
async fn own_vehicle(state: &AppState, who: &SignedIn, plate: &PlateNumber) -> Result<Option<Vehicle>, AppError> {
    Ok(records::vehicles(state, who)
        .await
        .map_err(AppError::internal)?
        .into_iter()
        .find(|v| &v.plate == plate))
}

/// Step 1: one of the person's own vehicles (a plate that is not theirs is the same error as none).
pub async fn save_vehicle(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    typed: &str,
) -> Result<(), AppError> {
    let vehicle = match PlateNumber::parse(typed) {
        Some(plate) => own_vehicle(state, who, &plate).await?,
        None => None,
    };
    let vehicle = vehicle.ok_or_else(|| AppError::field("plate", "inspection-error-vehicle"))?;
    let mut answers: Answers = applications::answers(application);
    if answers.plate.as_ref() != Some(&vehicle.plate) {
        answers.kind = None;
    }
    answers.plate = Some(vehicle.plate);
    save(state, who, application, &answers).await
}

/// Step 2: the type; the annual inspection only for a vehicle that has one (PSVs and commercial vehicles).
pub async fn save_type(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    typed: &str,
) -> Result<(), AppError> {
    let kind = Type::parse(typed.trim()).ok_or_else(|| AppError::field("type", "inspection-error-type"))?;
    let mut answers: Answers = applications::answers(application);
    let Some(plate) = answers.plate.clone() else {
        return Err(AppError::field("type", "inspection-error-type"));
    };
    let vehicle = own_vehicle(state, who, &plate)
        .await?
        .ok_or_else(|| AppError::field("type", "inspection-error-vehicle"))?;
    if kind == Type::Annual && vehicle.inspection_due_on.is_none() {
        return Err(AppError::field("type", "inspection-error-annual-private"));
    }
    answers.kind = Some(kind);
    save(state, who, application, &answers).await
}

/// Step 3: a centre.
pub async fn save_centre(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    typed: &str,
) -> Result<(), AppError> {
    let centres = db::centres(&state.pool).await.map_err(AppError::internal)?;
    let centre = centres
        .into_iter()
        .find(|c| c.code == typed.trim())
        .ok_or_else(|| AppError::field("centre", "inspection-error-centre"))?;
    let mut answers: Answers = applications::answers(application);
    answers.centre = Some(centre.code);
    save(state, who, application, &answers).await
}

/// What asking for a place gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Held {
    /// Held (or booked) at the time asked for.
    Held,
    /// Every place was taken: the nearest free times at the centre.
    Full(Vec<Free>),
}

/// Each slot of `centre` over `days` with the places left (slots nobody asked for yet have all theirs).
pub async fn free_slots(state: &AppState, centre: &db::Centre, days: &[Date]) -> anyhow::Result<Vec<Free>> {
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Ok(Vec::new());
    };
    let now = state.clock.now();
    let rows = db::slots(&state.pool, &centre.code, &first.to_string(), &last.to_string()).await?;
    let capacity = domain::places(centre.daily_capacity);
    Ok(days
        .iter()
        .flat_map(|day| SLOTS.iter().map(move |slot| (*day, *slot)))
        .filter(|(day, slot)| domain::starts_at(*day, slot).is_some_and(|at| at > now))
        .map(|(day, slot)| {
            let row = rows.iter().find(|r| r.day == day.to_string() && r.slot == slot);
            Free {
                day,
                slot,
                left: row.map_or(capacity, |r| r.capacity - r.taken),
            }
        })
        .collect())
}

async fn centre(state: &AppState, code: &str) -> anyhow::Result<Option<db::Centre>> {
    Ok(db::centres(&state.pool).await?.into_iter().find(|c| c.code == code))
}

/// Takes a place at `centre` on `day` at `slot` for the application, giving back any other place it held, in
/// one transaction: `status` is what the application's place becomes (`held` until `held_until`, or `booked`
/// when a booking moves). A place the application already has at that time is kept (a hold is renewed).
async fn take(
    conn: &mut AnyConnection,
    application_id: &str,
    centre: &db::Centre,
    day: Date,
    slot: &str,
    status: &str,
    now: i64,
) -> anyhow::Result<bool> {
    let day_text = day.to_string();
    db::open_slot(
        conn,
        &centre.code,
        &day_text,
        slot,
        domain::places(centre.daily_capacity),
    )
    .await?;
    db::lapse_holds(conn, &centre.code, &day_text, slot, now).await?;
    let existing = db::booking(conn, application_id).await?;
    let has_place = |b: &Booking| b.status == "held" || b.status == "booked";
    let same = existing
        .as_ref()
        .is_some_and(|b| has_place(b) && b.centre == centre.code && b.day == day_text && b.slot == slot);
    if !same {
        if !db::take_place(conn, &centre.code, &day_text, slot).await? {
            return Ok(false);
        }
        if let Some(old) = existing.as_ref().filter(|b| has_place(b)) {
            db::give_back(conn, &old.centre, &old.day, &old.slot, 1).await?;
        }
    }
    let booking = Booking {
        centre: centre.code.clone(),
        day: day_text,
        slot: slot.to_string(),
        status: status.to_string(),
        held_until: now + domain::HOLD_SECONDS,
    };
    db::put_booking(conn, application_id, &booking).await?;
    Ok(true)
}

/// Holds a place for a draft (or renews its hold), or says which times are nearest when it is full.
pub async fn hold(
    state: &AppState,
    application: &Application,
    centre_code: &str,
    day: Date,
    slot: &str,
) -> anyhow::Result<Held> {
    let centre = centre(state, centre_code)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no centre {centre_code}"))?;
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    if take(&mut tx, application.id.as_str(), &centre, day, slot, "held", now).await? {
        tx.commit().await?;
        return Ok(Held::Held);
    }
    tx.rollback().await?;
    let days = domain::bookable_days(state.clock.today());
    let free = free_slots(state, &centre, &days).await?;
    Ok(Held::Full(domain::nearest(&free, day, slot, 3)))
}

/// A bookable day as posted.
fn parse_day(state: &AppState, day: &str) -> Option<Date> {
    calendar::parse_iso(day.trim()).filter(|d| domain::bookable_days(state.clock.today()).contains(d))
}

/// A time as posted (`2026-12-01T08:00`): a bookable day and one of the day's slots.
pub fn parse_time(state: &AppState, time: &str) -> Option<(Date, &'static str)> {
    let (day, slot) = time.trim().split_once('T')?;
    Some((parse_day(state, day)?, SLOTS.iter().find(|s| **s == slot).copied()?))
}

/// Step 4: the day.
pub async fn save_day(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    typed: &str,
) -> Result<(), AppError> {
    let day = parse_day(state, typed).ok_or_else(|| AppError::field("day", "inspection-error-day"))?;
    let mut answers: Answers = applications::answers(application);
    if answers.day.as_deref() != Some(day.to_string().as_str()) {
        answers.slot = None;
    }
    answers.day = Some(day.to_string());
    save(state, who, application, &answers).await
}

/// Step 5: the time (on the chosen day, or one of the nearest free times offered on another); the place is held
/// for 15 minutes.
pub async fn save_slot(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    time: &str,
) -> Result<(), AppError> {
    let mut answers: Answers = applications::answers(application);
    let Some(centre) = answers.centre.clone() else {
        return Err(AppError::field("time", "inspection-error-centre"));
    };
    let (day, slot) = parse_time(state, time).ok_or_else(|| AppError::field("time", "inspection-error-slot"))?;
    match hold(state, application, &centre, day, slot)
        .await
        .map_err(AppError::internal)?
    {
        Held::Held => {}
        Held::Full(_) => return Err(AppError::field("time", "inspection-error-slot-full")),
    }
    answers.day = Some(day.to_string());
    answers.slot = Some(slot.to_string());
    save(state, who, application, &answers).await
}

/// The fee when every answer holds and the place is (again) held: submitting renews the hold, so the 15 minutes
/// to pay start at submission. Else the step to answer again.
pub async fn ready(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
) -> Result<Result<&'static str, Step>, AppError> {
    let answers: Answers = applications::answers(application);
    let Some(plate) = &answers.plate else {
        return Ok(Err(Step::Vehicle));
    };
    let Some(vehicle) = own_vehicle(state, who, plate).await? else {
        return Ok(Err(Step::Vehicle));
    };
    match answers.kind {
        None => return Ok(Err(Step::Type)),
        Some(Type::Annual) if vehicle.inspection_due_on.is_none() => return Ok(Err(Step::Type)),
        Some(_) => {}
    }
    let Some(centre) = &answers.centre else {
        return Ok(Err(Step::Centre));
    };
    let Some(day) = answers.day.as_deref() else {
        return Ok(Err(Step::Day));
    };
    let Some(slot) = answers.slot.as_deref() else {
        return Ok(Err(Step::Slot));
    };
    let Some((day, slot)) = parse_time(state, &format!("{day}T{slot}")) else {
        return Ok(Err(Step::Day));
    };
    match hold(state, application, centre, day, slot)
        .await
        .map_err(AppError::internal)?
    {
        Held::Held => Ok(Ok(FEE)),
        Held::Full(_) => Ok(Err(Step::Slot)),
    }
}

/// A paid booking completes: its held place becomes booked. A hold that lapsed before the money came takes its
/// place again if one is left; if none is, an officer offers another time.
pub fn on_paid<'a>(
    conn: &'a mut AnyConnection,
    application: &'a Application,
    now: i64,
) -> Pin<Box<dyn Future<Output = anyhow::Result<bool>> + Send + 'a>> {
    Box::pin(async move {
        let id = application.id.as_str();
        if db::advance(conn, id, "held", "booked").await? {
            return Ok(true);
        }
        let Some(booking) = db::booking(conn, id).await? else {
            return Ok(false);
        };
        if booking.status != "lapsed" {
            return Ok(booking.status == "booked");
        }
        db::lapse_holds(conn, &booking.centre, &booking.day, &booking.slot, now).await?;
        if db::take_place(conn, &booking.centre, &booking.day, &booking.slot).await? {
            db::advance(conn, id, "lapsed", "booked").await?;
            return Ok(true);
        }
        Ok(false)
    })
}

/// The booking slip of a booked place: the vehicle, the type, where and when, and that it is not a pass.
pub async fn slip(conn: &mut AnyConnection, application: &Application) -> anyhow::Result<Option<ServiceDocument>> {
    let Some(booking) = db::booking(conn, application.id.as_str()).await? else {
        return Ok(None);
    };
    if booking.status != "booked" {
        return Ok(None);
    }
    let answers: Answers = applications::answers(application);
    let (Some(plate), Some(kind)) = (answers.plate, answers.kind) else {
        return Ok(None);
    };
    let centre = db::centre_name(conn, &booking.centre).await?.unwrap_or(booking.centre);
    Ok(Some(ServiceDocument {
        kind: Kind::InspectionSlip,
        classes: None,
        valid_until: Some(booking.day.clone()),
        smart: false,
        facts: vec![
            Fact::text("registration-fact-plate", plate.to_string()),
            Fact::message("inspection-field-type", format!("inspection-type-{}", kind.code())),
            Fact::text("inspection-field-centre", centre),
            Fact::date("inspection-fact-day", booking.day),
            Fact::text("inspection-fact-time", booking.slot),
            Fact::message("inspection-fact-note", "inspection-slip-not-proof"),
        ],
    }))
}

/// The booking of a completed application, for its page.
pub async fn booking(state: &AppState, application: &Application) -> anyhow::Result<Option<Booking>> {
    let mut conn = state.pool.acquire().await?;
    db::booking(&mut conn, application.id.as_str()).await
}

/// What a change to a booking did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    Done,
    /// Less than 24 hours before it starts: nothing changed.
    TooLate,
    /// Not a booked place (cancelled already, or not paid).
    NotBooked,
    /// The new time is full: the nearest free times.
    Full(Vec<Free>),
}

/// Checks that the application is a completed booking that may still change; its booking.
async fn changeable(
    state: &AppState,
    who: &SignedIn,
    application_id: &str,
) -> Result<Result<(Application, Booking), Changed>, AppError> {
    let application = applications::owned(state, who, application_id).await?;
    if application.service != domain::CODE || application.status != Status::Completed {
        return Ok(Err(Changed::NotBooked));
    }
    let Some(booking) = booking(state, &application).await.map_err(AppError::internal)? else {
        return Ok(Err(Changed::NotBooked));
    };
    if booking.status != "booked" {
        return Ok(Err(Changed::NotBooked));
    }
    let starts = calendar::parse_iso(&booking.day).and_then(|day| domain::starts_at(day, &booking.slot));
    if !starts.is_some_and(|at| domain::changeable(at, state.clock.now())) {
        return Ok(Err(Changed::TooLate));
    }
    Ok(Ok((application, booking)))
}

/// Cancels a booking up to 24 hours before: its place frees at once and its slip is withdrawn.
pub async fn cancel(state: &AppState, who: &SignedIn, application_id: &str) -> Result<Changed, AppError> {
    let (application, booking) = match changeable(state, who, application_id).await? {
        Ok(found) => found,
        Err(changed) => return Ok(changed),
    };
    let now = state.clock.now();
    let run = async {
        let mut tx = begin_write(&state.pool).await?;
        if !db::advance(&mut tx, application.id.as_str(), "booked", "cancelled").await? {
            return Ok(Changed::NotBooked);
        }
        db::give_back(&mut tx, &booking.centre, &booking.day, &booking.slot, 1).await?;
        documents::revoke(&mut tx, &application, Kind::InspectionSlip, now).await?;
        tx.commit().await?;
        anyhow::Ok(Changed::Done)
    };
    run.await.map_err(AppError::internal)
}

/// Moves a booking to another time at the same centre up to 24 hours before: the new place is taken and the old
/// one given back in one transaction, and the slip is issued again (the old one's code no longer checks).
pub async fn reschedule(
    state: &AppState,
    who: &SignedIn,
    application_id: &str,
    time: &str,
) -> Result<Changed, AppError> {
    let (application, booking) = match changeable(state, who, application_id).await? {
        Ok(found) => found,
        Err(changed) => return Ok(changed),
    };
    let (day, slot) = parse_time(state, time).ok_or_else(|| AppError::field("time", "inspection-error-slot"))?;
    let centre = centre(state, &booking.centre)
        .await
        .map_err(AppError::internal)?
        .ok_or_else(|| AppError::internal("booking at an unknown centre"))?;
    let now = state.clock.now();
    let run = async {
        let mut tx = begin_write(&state.pool).await?;
        if !take(&mut tx, application.id.as_str(), &centre, day, slot, "booked", now).await? {
            return Ok(None);
        }
        if let Some(own) = slip(&mut tx, &application).await? {
            documents::reissue_own(&mut tx, &application, own, now).await?;
        }
        tx.commit().await?;
        anyhow::Ok(Some(()))
    };
    match run.await.map_err(AppError::internal)? {
        Some(()) => Ok(Changed::Done),
        None => {
            let days = domain::bookable_days(state.clock.today());
            let free = free_slots(state, &centre, &days).await.map_err(AppError::internal)?;
            Ok(Changed::Full(domain::nearest(&free, day, slot, 3)))
        }
    }
}
