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

pub(super) async fn centre(state: &AppState, code: &str) -> anyhow::Result<Option<db::Centre>> {
    Ok(db::centres(&state.pool).await?.into_iter().find(|c| c.code == code))
}

/// Takes a place at `centre` on `day` at `slot` for the application, giving back any other place it held, in
/// one transaction: `status` is what the application's place becomes (`held` until `held_until`, or `booked`
/// when a booking moves). A place the application already has at that time is kept (a hold is renewed).
pub(super) async fn take(
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
pub(super) fn parse_day(state: &AppState, day: &str) -> Option<Date> {
    calendar::parse_iso(day.trim()).filter(|d| domain::bookable_days(state.clock.today()).contains(d))
}

/// A time as posted (`2026-12-01T08:00`): a bookable day and one of the day's slots.
pub fn parse_time(state: &AppState, time: &str) -> Option<(Date, &'static str)> {
    let (day, slot) = time.trim().split_once('T')?;
    Some((parse_day(state, day)?, SLOTS.iter().find(|s| **s == slot).copied()?))
}
