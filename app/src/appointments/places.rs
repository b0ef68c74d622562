//! Places: what each slot has left, and taking one for an application (held for 15 minutes, or booked) while
//! giving back the one it had, in one transaction.

use jiff::civil::Date;
use sqlx::AnyConnection;

use super::{
    db::{self, At, Booking, Place, Tables},
    domain::{self, Free, SLOTS},
    Desk,
};
use crate::{
    applications::domain::Application,
    calendar,
    db::begin_write,
    error::AppError,
    state::AppState,
    web::{guard::SignedIn, throttle},
};

/// What asking for a place gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Held {
    /// Held (or booked) at the time asked for.
    Held,
    /// Every place was taken: the nearest free times at the place.
    Full(Vec<Free>),
    /// The subject already has a place held or booked by another application (one live booking each).
    AlreadyBooked,
}

/// Each slot of `place` over `days` with the places left (slots nobody asked for yet have all theirs).
pub async fn free_slots(state: &AppState, t: &Tables, place: &Place, days: &[Date]) -> anyhow::Result<Vec<Free>> {
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Ok(Vec::new());
    };
    let now = state.clock.now();
    let rows = db::slots(&state.pool, t, &place.code, &first.to_string(), &last.to_string()).await?;
    let capacity = domain::places(place.daily_capacity);
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

pub async fn place(state: &AppState, t: &Tables, code: &str) -> anyhow::Result<Option<Place>> {
    Ok(db::places(&state.pool, t).await?.into_iter().find(|c| c.code == code))
}

/// The application a place is taken for, its kind's tables, and its subject (none in tests of places alone).
pub struct For<'a> {
    pub tables: &'a Tables,
    pub application_id: &'a str,
    pub subject: Option<&'a str>,
}

/// Takes a place at `place` on `day` at `slot` for the application, giving back any other place it held, in
/// one transaction: `status` is what the application's place becomes (`held` for 15 minutes, or `booked` when a
/// booking moves); false when the slot is full or the subject is booked elsewhere. A place the application
/// already holds at that time is kept as it is: a hold runs 15 minutes from when it was taken, however often the
/// time is posted again or the check page loaded, so nobody keeps a place without paying.
pub async fn take(
    conn: &mut AnyConnection,
    who: &For<'_>,
    place: &Place,
    day: Date,
    slot: &str,
    status: &str,
    now: i64,
) -> anyhow::Result<Result<(), Held>> {
    let (t, application_id) = (who.tables, who.application_id);
    // First of all (before any slot's row), so two changes of one application queue up without a deadlock: the
    // place given back below is then the one it really holds.
    db::lock_application(conn, application_id).await?;
    let day_text = day.to_string();
    let at = At {
        centre: &place.code,
        day: &day_text,
        slot,
    };
    db::open_slot(conn, t, at, domain::places(place.daily_capacity)).await?;
    db::lapse_holds(conn, t, at, now).await?;
    if let Some(subject) = who.subject {
        db::free_subject(conn, t, subject, now).await?;
        if db::booked_elsewhere(conn, t, subject, application_id).await? {
            return Ok(Err(Held::AlreadyBooked));
        }
    }
    let existing = db::booking(conn, t, application_id).await?;
    let has_place = |b: &Booking| b.status == "held" || b.status == "booked";
    let same = existing
        .as_ref()
        .is_some_and(|b| has_place(b) && b.centre == place.code && b.day == day_text && b.slot == slot);
    if !same {
        if !db::take_place(conn, t, at).await? {
            return Ok(Err(Held::Full(Vec::new())));
        }
        if let Some(old) = existing.as_ref().filter(|b| has_place(b)) {
            db::give_back(conn, t, old.at(), 1).await?;
        }
    }
    let held_until = match existing {
        Some(held) if same && held.status == "held" => held.held_until,
        _ => now + domain::HOLD_SECONDS,
    };
    let booking = Booking {
        centre: place.code.clone(),
        day: day_text,
        slot: slot.to_string(),
        status: status.to_string(),
        held_until,
    };
    db::put_booking(conn, t, application_id, who.subject, &booking).await?;
    Ok(Ok(()))
}

/// The nearest free times to `day` at `slot` over the booking window.
pub async fn nearest(state: &AppState, t: &Tables, place: &Place, day: Date, slot: &str) -> anyhow::Result<Vec<Free>> {
    let days = domain::bookable_days(state.clock.today());
    let free = free_slots(state, t, place, &days).await?;
    Ok(domain::nearest(&free, day, slot, 3))
}

/// Holds a place for a draft (or renews its hold), or says which times are nearest when it is full.
pub async fn hold(
    state: &AppState,
    desk: &dyn Desk,
    application: &Application,
    code: &str,
    day: Date,
    slot: &str,
) -> anyhow::Result<Held> {
    let t = desk.tables();
    let place = place(state, t, code)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no place {code}"))?;
    let now = state.clock.now();
    let subject = desk.subject(application);
    let who = For {
        tables: t,
        application_id: application.id.as_str(),
        subject: subject.as_deref(),
    };
    let mut tx = begin_write(&state.pool).await?;
    match take(&mut tx, &who, &place, day, slot, "held", now).await? {
        Ok(()) => {
            tx.commit().await?;
            Ok(Held::Held)
        }
        Err(Held::Full(_)) => {
            tx.rollback().await?;
            Ok(Held::Full(nearest(state, t, &place, day, slot).await?))
        }
        Err(other) => Ok(other),
    }
}

/// The time step's hold for `who`'s draft, rationed per account (`throttle::HOLDS`): a full time or a subject
/// booked elsewhere (`booked_key`: what the service calls its subject) is an error beside the time.
pub async fn hold_chosen(
    state: &AppState,
    desk: &dyn Desk,
    who: &SignedIn,
    application: &Application,
    code: &str,
    (day, slot): (Date, &str),
    booked_key: &str,
) -> Result<(), AppError> {
    let key = throttle::holds_key(who.id.as_str());
    throttle::admit(&state.pool, &key, throttle::HOLDS, state.clock.now(), "time").await??;
    match hold(state, desk, application, code, day, slot).await? {
        Held::Held => Ok(()),
        Held::Full(_) => Err(AppError::field("time", "appointment-error-slot-full")),
        Held::AlreadyBooked => Err(AppError::field("time", booked_key)),
    }
}

/// A bookable day as posted.
pub fn parse_day(state: &AppState, day: &str) -> Option<Date> {
    calendar::parse_iso(day.trim()).filter(|d| domain::bookable_days(state.clock.today()).contains(d))
}

/// A time as posted (`2026-12-01T08:00`): a bookable day and one of the day's slots.
pub fn parse_time(state: &AppState, time: &str) -> Option<(Date, &'static str)> {
    let (day, slot) = time.trim().split_once('T')?;
    Some((parse_day(state, day)?, SLOTS.iter().find(|s| **s == slot).copied()?))
}

/// A deleted draft gives its held place back at once, instead of keeping it from others until the hold runs out.
pub async fn on_discard(conn: &mut AnyConnection, t: &Tables, application: &Application) -> anyhow::Result<()> {
    let id = application.id.as_str();
    db::lock_application(conn, id).await?;
    if let Some(booking) = db::booking(conn, t, id).await? {
        if db::advance(conn, t, id, "held", "cancelled").await? {
            db::give_back(conn, t, booking.at(), 1).await?;
        }
    }
    Ok(())
}

/// A paid booking's held place becomes booked: true when it is. A hold that lapsed before the money came takes
/// its place again if one is left (and the subject was not booked meanwhile); if not, an officer offers another
/// time.
pub async fn on_paid(
    conn: &mut AnyConnection,
    desk: &dyn Desk,
    application: &Application,
    now: i64,
) -> anyhow::Result<bool> {
    let (t, id) = (desk.tables(), application.id.as_str());
    if db::advance(conn, t, id, "held", "booked").await? {
        return Ok(true);
    }
    let Some(booking) = db::booking(conn, t, id).await? else {
        return Ok(false);
    };
    if booking.status != "lapsed" {
        return Ok(booking.status == "booked");
    }
    db::lapse_holds(conn, t, booking.at(), now).await?;
    if let Some(subject) = desk.subject(application) {
        if db::booked_elsewhere(conn, t, &subject, id).await? {
            return Ok(false);
        }
    }
    if db::take_place(conn, t, booking.at()).await? {
        db::advance(conn, t, id, "lapsed", "booked").await?;
        return Ok(true);
    }
    Ok(false)
}
