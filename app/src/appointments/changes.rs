//! A paid booking moved or cancelled by its owner, until 24 hours before it starts.

use super::{
    db::{self, Booking},
    domain::{self, Free},
    places::{nearest, parse_time, place, take, For},
    Desk,
};
use crate::{
    applications::{
        domain::{Application, Status},
        service as applications,
    },
    calendar,
    db::begin_write,
    documents::service as documents,
    error::AppError,
    state::AppState,
    web::guard::SignedIn,
};

/// The booking of an application, for its page.
pub async fn booking(state: &AppState, desk: &dyn Desk, application: &Application) -> anyhow::Result<Option<Booking>> {
    let mut conn = state.pool.acquire().await?;
    db::booking(&mut conn, desk.tables(), application.id.as_str()).await
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

/// Checks that the application is the owner's completed booking that may still change; its booking.
async fn changeable(
    state: &AppState,
    desk: &dyn Desk,
    who: &SignedIn,
    application_id: &str,
) -> Result<Result<(Application, Booking), Changed>, AppError> {
    let application = applications::owned(state, who, application_id).await?;
    if application.service != desk.code() || application.status != Status::Completed {
        return Ok(Err(Changed::NotBooked));
    }
    let Some(booking) = booking(state, desk, &application).await? else {
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
pub async fn cancel(
    state: &AppState,
    desk: &dyn Desk,
    who: &SignedIn,
    application_id: &str,
) -> Result<Changed, AppError> {
    let (application, booking) = match changeable(state, desk, who, application_id).await? {
        Ok(found) => found,
        Err(changed) => return Ok(changed),
    };
    let (t, now) = (desk.tables(), state.clock.now());
    let run = async {
        let mut tx = begin_write(&state.pool).await?;
        if !db::advance(&mut tx, t, application.id.as_str(), "booked", "cancelled").await? {
            return Ok(Changed::NotBooked);
        }
        db::give_back(&mut tx, t, booking.at(), 1).await?;
        documents::revoke(&mut tx, &application, desk.slip_kind(), now).await?;
        tx.commit().await?;
        anyhow::Ok(Changed::Done)
    };
    run.await.map_err(AppError::from)
}

/// Moves a booking to another time at the same place up to 24 hours before: the new place is taken and the old
/// one given back in one transaction, and the slip is issued again (the old one's code no longer checks).
pub async fn reschedule(
    state: &AppState,
    desk: &dyn Desk,
    who: &SignedIn,
    application_id: &str,
    time: &str,
) -> Result<Changed, AppError> {
    let (application, booking) = match changeable(state, desk, who, application_id).await? {
        Ok(found) => found,
        Err(changed) => return Ok(changed),
    };
    let (day, slot) = parse_time(state, time).ok_or_else(|| AppError::field("time", "appointment-error-slot"))?;
    let t = desk.tables();
    let place = place(state, t, &booking.centre)
        .await?
        .ok_or_else(|| AppError::internal("booking at an unknown place"))?;
    let now = state.clock.now();
    let run = async {
        let subject = desk.subject(&application);
        let who = For {
            tables: t,
            application_id: application.id.as_str(),
            subject: subject.as_deref(),
        };
        let mut tx = begin_write(&state.pool).await?;
        // The subject's one live booking is this one, so only a full slot refuses a move.
        if take(&mut tx, &who, &place, day, slot, "booked", now).await?.is_err() {
            return Ok(false);
        }
        if let Some(own) = desk.slip(&mut tx, &application).await? {
            documents::reissue_own(&mut tx, &application, own, now).await?;
        }
        tx.commit().await?;
        anyhow::Ok(true)
    };
    if run.await? {
        Ok(Changed::Done)
    } else {
        Ok(Changed::Full(nearest(state, t, &place, day, slot).await?))
    }
}
