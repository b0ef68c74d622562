//! Inspection booking on the application framework: the person's own vehicle, the type, the centre, a place
//! held for 15 minutes until payment, and after payment a booking that can be moved or cancelled until 24 hours
//! before it starts. The places, holds and changes are every appointment's (`appointments`); this desk names the
//! inspection's tables, its subject (the vehicle: one live booking each) and its slip.

use sqlx::AnyConnection;

use super::domain::{Answers, Type, FEE};
pub use crate::appointments::{changes::Changed, places::Held};
use crate::{
    applications::{domain::Application, service as applications},
    appointments::{
        changes,
        db::{self, Booking, Tables},
        places::{self, parse_day, parse_time},
        Desk,
    },
    documents::domain::{Fact, Kind, ServiceDocument},
    error::AppError,
    ids::PlateNumber,
    records::{domain::Vehicle, service as records},
    state::AppState,
    web::guard::SignedIn,
};

/// Inspection centres, their slots and bookings; a vehicle (its plate) has one live booking.
pub const TABLES: Tables = Tables {
    places: "inspection_centres",
    slots: "inspection_slots",
    bookings: "inspection_bookings",
    subject: "plate",
};

pub struct Centres;

#[async_trait::async_trait]
impl Desk for Centres {
    fn code(&self) -> &'static str {
        super::domain::CODE
    }

    fn tables(&self) -> &'static Tables {
        &TABLES
    }

    fn messages(&self) -> &'static str {
        "inspection"
    }

    fn slip_kind(&self) -> Kind {
        Kind::InspectionSlip
    }

    fn subject(&self, application: &Application) -> Option<String> {
        let answers: Answers = applications::answers(application);
        answers.plate.map(|plate| plate.to_string())
    }

    fn place(&self, application: &Application) -> Option<String> {
        let answers: Answers = applications::answers(application);
        answers.centre
    }

    async fn slip(
        &self,
        conn: &mut AnyConnection,
        application: &Application,
    ) -> anyhow::Result<Option<ServiceDocument>> {
        slip(conn, application).await
    }
}

pub static DESK: Centres = Centres;

/// Holds a place for a draft (or renews its hold), or says which times are nearest when it is full.
pub async fn hold(
    state: &AppState,
    application: &Application,
    centre: &str,
    day: jiff::civil::Date,
    slot: &str,
) -> anyhow::Result<Held> {
    places::hold(state, &DESK, application, centre, day, slot).await
}

/// The booking of an application, for its page.
pub async fn booking(state: &AppState, application: &Application) -> anyhow::Result<Option<Booking>> {
    changes::booking(state, &DESK, application).await
}

/// Cancels a booking up to 24 hours before (the owner's only).
pub async fn cancel(state: &AppState, who: &SignedIn, application_id: &str) -> Result<Changed, AppError> {
    changes::cancel(state, &DESK, who, application_id).await
}

/// Moves a booking to another time at the same centre up to 24 hours before (the owner's only).
pub async fn reschedule(
    state: &AppState,
    who: &SignedIn,
    application_id: &str,
    time: &str,
) -> Result<Changed, AppError> {
    changes::reschedule(state, &DESK, who, application_id, time).await
}

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

/// The person's vehicle under `plate`: theirs, their organisations' or a linked TIMS account's.
async fn own_vehicle(state: &AppState, who: &SignedIn, plate: &PlateNumber) -> Result<Option<Vehicle>, AppError> {
    Ok(records::vehicles(state, who)
        .await?
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
    applications::keep(state, who, application, &answers).await?;
    // An organisation's vehicle is inspected for it: its people see the application on its page.
    applications::made_for(state, application, vehicle.owner_kra_pin.as_deref()).await?;
    Ok(())
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
    applications::keep(state, who, application, &answers).await
}

/// Step 3: a centre.
pub async fn save_centre(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    typed: &str,
) -> Result<(), AppError> {
    let centres = db::places(&state.pool, &TABLES).await?;
    let centre = centres
        .into_iter()
        .find(|c| c.code == typed.trim())
        .ok_or_else(|| AppError::field("centre", "inspection-error-centre"))?;
    let mut answers: Answers = applications::answers(application);
    answers.centre = Some(centre.code);
    applications::keep(state, who, application, &answers).await
}
/// Step 4: the day.
pub async fn save_day(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    typed: &str,
) -> Result<(), AppError> {
    let day = parse_day(state, typed).ok_or_else(|| AppError::field("day", "appointment-error-day"))?;
    let mut answers: Answers = applications::answers(application);
    if answers.day.as_deref() != Some(day.to_string().as_str()) {
        answers.slot = None;
    }
    answers.day = Some(day.to_string());
    applications::keep(state, who, application, &answers).await
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
    let (day, slot) = parse_time(state, time).ok_or_else(|| AppError::field("time", "appointment-error-slot"))?;
    places::hold_chosen(
        state,
        &DESK,
        who,
        application,
        &centre,
        (day, slot),
        "inspection-error-vehicle-booked",
    )
    .await?;
    answers.day = Some(day.to_string());
    answers.slot = Some(slot.to_string());
    applications::keep(state, who, application, &answers).await
}

/// The fee when every answer holds and the place is still held (or, if its hold ran out, held again when a place
/// is left): the hold is never renewed, so the 15 minutes to pay run from when the time was chosen. Else the step
/// to answer again.
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
    match hold(state, application, centre, day, slot).await? {
        Held::Held => Ok(Ok(FEE)),
        Held::Full(_) | Held::AlreadyBooked => Ok(Err(Step::Slot)),
    }
}

/// The booking slip of a booked place: the vehicle, the type, where and when, and that it is not a pass.
pub async fn slip(conn: &mut AnyConnection, application: &Application) -> anyhow::Result<Option<ServiceDocument>> {
    let Some(booking) = db::booking(conn, &TABLES, application.id.as_str()).await? else {
        return Ok(None);
    };
    if booking.status != "booked" {
        return Ok(None);
    }
    let answers: Answers = applications::answers(application);
    let (Some(plate), Some(kind)) = (answers.plate, answers.kind) else {
        return Ok(None);
    };
    let centre = db::place_name(conn, &TABLES, &booking.centre)
        .await?
        .unwrap_or(booking.centre);
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
