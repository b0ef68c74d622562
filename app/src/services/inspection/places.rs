//! Inspection places: what each slot has left, and taking one for an application (held for 15 minutes, or
//! booked) while giving back the one it had, in one transaction. Counting is one row per slot, taken by one
//! conditional UPDATE (db.rs), so no race books past capacity.

use jiff::civil::Date;
use sqlx::AnyConnection;

use super::{
    db::{self, Booking},
    domain::{self, Free, SLOTS},
};
use crate::{applications::domain::Application, calendar, db::begin_write, state::AppState};

/// What asking for a place gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Held {
    /// Held (or booked) at the time asked for.
    Held,
    /// Every place was taken: the nearest free times at the centre.
    Full(Vec<Free>),
    /// The vehicle already has a place held or booked by another application (one live booking per vehicle).
    VehicleBooked,
}

/// What `take` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Take {
    Got,
    Full,
    VehicleBooked,
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

pub async fn centre(state: &AppState, code: &str) -> anyhow::Result<Option<db::Centre>> {
    Ok(db::centres(&state.pool).await?.into_iter().find(|c| c.code == code))
}

/// The application a place is taken for: its id and its vehicle's plate (none in tests of places alone).
pub(super) struct For<'a> {
    pub application_id: &'a str,
    pub plate: Option<&'a str>,
}

/// Takes a place at `centre` on `day` at `slot` for the application, giving back any other place it held, in
/// one transaction: `status` is what the application's place becomes (`held` for 15 minutes, or `booked` when a
/// booking moves). A place the application already holds at that time is kept as it is: a hold runs 15 minutes
/// from when it was taken, however often the time is posted again or the check page loaded, so nobody keeps a
/// place without paying. A vehicle has one live place at a time.
pub(super) async fn take(
    conn: &mut AnyConnection,
    who: &For<'_>,
    centre: &db::Centre,
    day: Date,
    slot: &str,
    status: &str,
    now: i64,
) -> anyhow::Result<Take> {
    let application_id = who.application_id;
    // First of all (before any slot's row), so two changes of one application queue up without a deadlock: the
    // place given back below is then the one it really holds.
    db::lock_application(conn, application_id).await?;
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
    if let Some(plate) = who.plate {
        db::lapse_vehicle_holds(conn, plate, now).await?;
        if db::vehicle_booked_elsewhere(conn, plate, application_id).await? {
            return Ok(Take::VehicleBooked);
        }
    }
    let existing = db::booking(conn, application_id).await?;
    let has_place = |b: &Booking| b.status == "held" || b.status == "booked";
    let same = existing
        .as_ref()
        .is_some_and(|b| has_place(b) && b.centre == centre.code && b.day == day_text && b.slot == slot);
    if !same {
        if !db::take_place(conn, &centre.code, &day_text, slot).await? {
            return Ok(Take::Full);
        }
        if let Some(old) = existing.as_ref().filter(|b| has_place(b)) {
            db::give_back(conn, &old.centre, &old.day, &old.slot, 1).await?;
        }
    }
    let held_until = match existing {
        Some(held) if same && held.status == "held" => held.held_until,
        _ => now + domain::HOLD_SECONDS,
    };
    let booking = Booking {
        centre: centre.code.clone(),
        day: day_text,
        slot: slot.to_string(),
        status: status.to_string(),
        held_until,
    };
    db::put_booking(conn, application_id, who.plate, &booking).await?;
    Ok(Take::Got)
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
    let answers: super::domain::Answers = crate::applications::service::answers(application);
    let who = For {
        application_id: application.id.as_str(),
        plate: answers.plate.as_ref().map(|plate| plate.as_str()),
    };
    let mut tx = begin_write(&state.pool).await?;
    match take(&mut tx, &who, &centre, day, slot, "held", now).await? {
        Take::Got => {
            tx.commit().await?;
            return Ok(Held::Held);
        }
        Take::VehicleBooked => return Ok(Held::VehicleBooked),
        Take::Full => tx.rollback().await?,
    }
    let days = domain::bookable_days(state.clock.today());
    let free = free_slots(state, &centre, &days).await?;
    Ok(Held::Full(domain::nearest(&free, day, slot, 3)))
}

/// A bookable day as posted.
pub(super) fn parse_day(state: &AppState, day: &str) -> Option<Date> {
    calendar::parse_iso(day.trim()).filter(|d| domain::bookable_days(state.clock.today()).contains(d))
}

/// A time as posted (`2026-12-01T08:00`): a bookable day and one of the day's slots.
pub fn parse_time(state: &AppState, time: &str) -> Option<(Date, &'static str)> {
    let (day, slot) = time.trim().split_once('T')?;
    Some((parse_day(state, day)?, SLOTS.iter().find(|s| **s == slot).copied()?))
}
