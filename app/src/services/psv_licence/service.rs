//! The PSV road service licence on the application framework: a SACCO's or company's authorised person picks one
//! of its vehicles (fit: passenger seats in a published band, a valid inspection), a route from the seeded list and
//! the first day; everything is checked again at submission; an officer decides, and approval issues the licence
//! for a year, puts its last day on the vehicle and gives a slip.

use anyhow::Context;
use sqlx::AnyConnection;

use super::{
    db::{self, FleetVehicle},
    domain::{self, Answers, Bounds, PeriodForm, Unfit},
};
use crate::{
    applications::{domain::Application, service as applications},
    calendar,
    documents::domain::{Fact, Kind, ServiceDocument},
    error::AppError,
    ids::PlateNumber,
    state::AppState,
    web::guard::SignedIn,
};

/// The vehicles `who` may license: those of the SACCOs and companies they act for.
pub async fn fleet(state: &AppState, who: &SignedIn) -> anyhow::Result<Vec<FleetVehicle>> {
    db::fleet(&state.pool, who.id.as_str()).await
}

fn day(text: Option<&str>) -> Option<jiff::civil::Date> {
    text.and_then(calendar::parse_iso)
}

/// The fee band of one of the fleet's vehicles today, or why it cannot be licensed here.
pub fn fitness(vehicle: &FleetVehicle, today: jiff::civil::Date) -> Result<&'static str, Unfit> {
    domain::fitness(vehicle.seats, day(vehicle.inspection_due_on.as_deref()), today)
}

fn bounds(vehicle: &FleetVehicle, today: jiff::civil::Date) -> Bounds {
    Bounds {
        today,
        licensed_until: day(vehicle.psv_licence_expires_on.as_deref()),
        inspected_until: day(vehicle.inspection_due_on.as_deref()),
    }
}

/// The answers' vehicle, if it is still in `who`'s fleet.
pub async fn chosen(state: &AppState, who: &SignedIn, answers: &Answers) -> anyhow::Result<Option<FleetVehicle>> {
    let Some(plate) = &answers.plate else {
        return Ok(None);
    };
    let mut conn = state.pool.acquire().await?;
    db::vehicle(&mut conn, who.id.as_str(), plate.as_str()).await
}

/// Step 1: one of the fleet's vehicles, fit to be licensed (a plate not in the fleet is the same error as none).
/// The application is made for its organisation.
pub async fn save_vehicle(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    typed: &str,
) -> Result<(), AppError> {
    let mut conn = state.pool.acquire().await?;
    let vehicle = match PlateNumber::parse(typed) {
        Some(plate) => db::vehicle(&mut conn, who.id.as_str(), plate.as_str()).await?,
        None => None,
    };
    drop(conn);
    let vehicle = vehicle.ok_or_else(|| AppError::field("plate", "psv-error-vehicle"))?;
    fitness(&vehicle, state.clock.today()).map_err(|unfit| unfit.error(&vehicle.plate))?;
    let mut answers: Answers = applications::answers(application);
    let plate = PlateNumber::from_stored(vehicle.plate);
    if answers.plate.as_ref() != Some(&plate) {
        // Another vehicle: its first day is bounded by its own licence and inspection.
        answers.starts_on = None;
    }
    answers.plate = Some(plate);
    answers.organisation = Some(vehicle.kra_pin.clone());
    applications::keep(state, who, application, &answers).await?;
    applications::made_for(state, application, Some(&vehicle.kra_pin)).await?;
    Ok(())
}

/// Step 2: a route from the seeded list.
pub async fn save_route(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    typed: &str,
) -> Result<(), AppError> {
    let mut conn = state.pool.acquire().await?;
    let route = db::route(&mut conn, typed.trim())
        .await?
        .ok_or_else(|| AppError::field("route", "psv-error-route"))?;
    drop(conn);
    let mut answers: Answers = applications::answers(application);
    answers.route = Some(route.code);
    applications::keep(state, who, application, &answers).await
}

/// Step 3: the first day, within what the vehicle's licence and inspection allow.
pub async fn save_period(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    form: &PeriodForm,
) -> Result<(), AppError> {
    let mut answers: Answers = applications::answers(application);
    let vehicle = chosen(state, who, &answers)
        .await?
        .ok_or_else(|| AppError::field("starts", "psv-error-vehicle"))?;
    let starts = domain::parse_start(form, bounds(&vehicle, state.clock.today()))?;
    answers.starts_on = Some(starts.to_string());
    applications::keep(state, who, application, &answers).await
}

/// At submission every answer is checked again (an inspection lapses, a person is removed from the SACCO, a day
/// goes by): the fee, or `Err` to send the person back to the vehicle step, whose page says why.
pub async fn ready(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
) -> Result<Result<&'static str, ()>, AppError> {
    let answers: Answers = applications::answers(application);
    let (Some(route), Some(starts)) = (answers.route.as_deref(), answers.starts()) else {
        return Ok(Err(()));
    };
    let Some(vehicle) = chosen(state, who, &answers).await? else {
        return Ok(Err(()));
    };
    let today = state.clock.today();
    let Ok(fee) = fitness(&vehicle, today) else {
        return Ok(Err(()));
    };
    let mut conn = state.pool.acquire().await?;
    if db::route(&mut conn, route).await?.is_none() || domain::check_start(starts, bounds(&vehicle, today)).is_err() {
        return Ok(Err(()));
    }
    Ok(Ok(fee))
}

/// An officer's approval issues the licence in the decision's transaction.
pub async fn on_approved(conn: &mut AnyConnection, application: &Application, now: i64) -> anyhow::Result<()> {
    let answers: Answers = applications::answers(application);
    let plate = answers.plate.context("an approved licence without its vehicle")?;
    let kra_pin = answers
        .organisation
        .context("an approved licence without its organisation")?;
    let route = answers.route.context("an approved licence without its route")?;
    let starts = answers.starts_on.as_deref().and_then(calendar::parse_iso);
    // A first day that passed while the application waited for its officer becomes the day of approval.
    let starts = starts
        .context("an approved licence without its first day")?
        .max(calendar::date_of(now));
    let expires = domain::expires(starts).context("licence expiry")?;
    let seats = db::seats(conn, plate.as_str())
        .await?
        .context("a licensed vehicle without seats")?;
    db::issue(
        conn,
        &db::NewLicence {
            application_id: application.id.as_str(),
            plate: plate.as_str(),
            kra_pin: &kra_pin,
            route: &route,
            seats,
            starts_on: &starts.to_string(),
            expires_on: &expires.to_string(),
            now,
        },
    )
    .await
}

/// The licence slip, once approved: the vehicle, the operator, the route, the seats and the period.
pub async fn slip(conn: &mut AnyConnection, application: &Application) -> anyhow::Result<Option<ServiceDocument>> {
    let Some(licence) = db::issued_by(conn, application.id.as_str()).await? else {
        return Ok(None);
    };
    Ok(Some(ServiceDocument {
        kind: Kind::PsvLicence,
        classes: None,
        valid_until: Some(licence.expires_on.clone()),
        smart: false,
        facts: vec![
            Fact::text("registration-fact-plate", &licence.plate),
            Fact::text("psv-fact-operator", &licence.organisation),
            Fact::text("psv-fact-route", &licence.route),
            Fact::text("psv-fact-seats", licence.seats.to_string()),
            Fact::date("psv-fact-starts", licence.starts_on),
        ],
    }))
}

/// The licence a completed application issued (its page shows it).
pub async fn issued(state: &AppState, application: &Application) -> anyhow::Result<Option<db::LicenceRow>> {
    let mut conn = state.pool.acquire().await?;
    db::issued_by(&mut conn, application.id.as_str()).await
}
