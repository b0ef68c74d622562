//! The driving test booking on the application framework: the classes a learner may book (the school's course,
//! the permit, the licence and earlier passes, each explained when it refuses), the unit, day and time through
//! `appointments`, and the booking slip.

use sqlx::AnyConnection;

use super::domain::{self, Answers, Record, Standing, FEE};
pub use crate::appointments::{changes::Changed, places::Held};
use crate::{
    account_type::AccountType,
    applications::{domain::Application, service as applications},
    appointments::{
        changes,
        db::{self, Booking, Tables},
        places::{self, parse_day, parse_time},
        Desk,
    },
    calendar,
    documents::domain::{Fact, Kind, ServiceDocument},
    error::{AppError, FieldError},
    records::{classes::LicenceClass, service as records},
    schools::{domain::Standing as Course, service as schools},
    state::AppState,
    web::guard::SignedIn,
};

/// Test units, their slots and bookings; a learner has one live booking per class (`id_number:class`).
pub const TABLES: Tables = Tables {
    places: "test_units",
    slots: "test_slots",
    bookings: "test_bookings",
    subject: "subject",
};

pub struct Units;

/// The subject a learner's booking for a class is kept under.
pub fn subject(holder: &str, class: LicenceClass) -> String {
    format!("{holder}:{}", class.code())
}

#[async_trait::async_trait]
impl Desk for Units {
    fn code(&self) -> &'static str {
        domain::CODE
    }

    fn tables(&self) -> &'static Tables {
        &TABLES
    }

    fn messages(&self) -> &'static str {
        "test"
    }

    fn slip_kind(&self) -> Kind {
        Kind::TestSlip
    }

    fn subject(&self, application: &Application) -> Option<String> {
        let answers: Answers = applications::answers(application);
        Some(subject(&answers.holder?, answers.class?))
    }

    fn place(&self, application: &Application) -> Option<String> {
        let answers: Answers = applications::answers(application);
        answers.unit
    }

    async fn slip(
        &self,
        conn: &mut AnyConnection,
        application: &Application,
    ) -> anyhow::Result<Option<ServiceDocument>> {
        slip(conn, application).await
    }
}

pub static DESK: Units = Units;

/// The questions, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Class,
    Unit,
    Day,
    Slot,
}

impl Step {
    pub fn code(self) -> &'static str {
        match self {
            Step::Class => "class",
            Step::Unit => "unit",
            Step::Day => "day",
            Step::Slot => "slot",
        }
    }
}

/// Each class the register knows something of for this learner (a course, a permit, the licence), with whether
/// it may be booked today. Only citizens on the national register: the course, permit and licence are keyed on
/// the ID number.
pub async fn classes(state: &AppState, who: &SignedIn) -> anyhow::Result<Vec<(LicenceClass, Standing)>> {
    if who.account_type != AccountType::Citizen {
        return Ok(Vec::new());
    }
    let today = state.clock.today();
    let courses = schools::courses(state, who).await?;
    let permits = records::provisionals(state, who).await?;
    let licensed: Vec<String> = records::licences(state, who)
        .await?
        .into_iter()
        .flat_map(|licence| licence.classes)
        .collect();
    let mut conn = state.pool.acquire().await?;
    let passes = crate::records::db::passes(&mut conn, &who.id_number, &today.to_string()).await?;
    Ok(LicenceClass::ALL
        .into_iter()
        .filter_map(|class| {
            let code = class.code();
            let of_class: Vec<_> = courses.iter().filter(|c| c.class == code).collect();
            let record = Record {
                licensed: licensed.iter().any(|c| c == code),
                passed_until: passes
                    .iter()
                    .filter(|(c, _)| c == code)
                    .filter_map(|(_, until)| calendar::parse_iso(until))
                    .max(),
                completed_on: of_class
                    .iter()
                    .filter_map(|c| match c.standing {
                        Course::Complete(day) => Some(day),
                        _ => None,
                    })
                    .max(),
                enrolled: !of_class.is_empty(),
                permit_until: permits.iter().filter(|p| p.class == code).map(|p| p.expires_on).max(),
            };
            let known = record.enrolled || record.permit_until.is_some() || record.licensed;
            known.then(|| (class, domain::standing(&record, today)))
        })
        .collect())
}

/// The class's refusal, as an error beside the field `field`.
fn refusal(standing: Standing, field: &str) -> FieldError {
    let key = standing.refusal_key().unwrap_or("test-error-class");
    let error = FieldError::new(field, key);
    match standing.date() {
        Some(day) => error.with_arg("date", day.to_string()),
        None => error,
    }
}

/// The permit's last day when the learner may book `class` now; else the refusal beside `field`.
async fn bookable(
    state: &AppState,
    who: &SignedIn,
    class: LicenceClass,
    field: &str,
) -> Result<jiff::civil::Date, AppError> {
    let standing = classes(state, who)
        .await?
        .into_iter()
        .find(|(c, _)| *c == class)
        .map_or(Standing::NoCourse, |(_, standing)| standing);
    match standing {
        Standing::Ready { until } => Ok(until),
        other => Err(AppError::Invalid(vec![refusal(other, field)])),
    }
}

/// Step 1: the class, which the learner must be ready for.
pub async fn save_class(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    typed: &str,
) -> Result<(), AppError> {
    let class = LicenceClass::parse(typed.trim()).ok_or_else(|| AppError::field("class", "test-error-class"))?;
    bookable(state, who, class, "class").await?;
    let mut answers: Answers = applications::answers(application);
    answers.holder = Some(who.id_number.clone());
    answers.class = Some(class);
    applications::keep(state, who, application, &answers).await
}

/// Step 2: a test unit.
pub async fn save_unit(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    typed: &str,
) -> Result<(), AppError> {
    let unit = db::places(&state.pool, &TABLES)
        .await?
        .into_iter()
        .find(|u| u.code == typed.trim())
        .ok_or_else(|| AppError::field("unit", "test-error-unit"))?;
    let mut answers: Answers = applications::answers(application);
    answers.unit = Some(unit.code);
    applications::keep(state, who, application, &answers).await
}

/// The permit's last day for the class answered, or the step to answer again.
async fn permit_until(
    state: &AppState,
    who: &SignedIn,
    answers: &Answers,
) -> Result<Option<jiff::civil::Date>, AppError> {
    let Some(class) = answers.class else {
        return Ok(None);
    };
    match bookable(state, who, class, "class").await {
        Ok(until) => Ok(Some(until)),
        Err(AppError::Invalid(_)) => Ok(None),
        Err(other) => Err(other),
    }
}

/// The last day this learner may book for the class answered (the permit's), for the day page.
pub async fn until(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
) -> Result<Option<jiff::civil::Date>, AppError> {
    permit_until(state, who, &applications::answers(application)).await
}

/// Step 3: the day, within the window and not after the permit's last day.
pub async fn save_day(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    typed: &str,
) -> Result<(), AppError> {
    let day = parse_day(state, typed).ok_or_else(|| AppError::field("day", "appointment-error-day"))?;
    let mut answers: Answers = applications::answers(application);
    let until = permit_until(state, who, &answers)
        .await?
        .ok_or_else(|| AppError::field("day", "test-error-class"))?;
    if day > until {
        return Err(AppError::Invalid(vec![FieldError::new(
            "day",
            "test-error-after-permit",
        )
        .with_arg("date", until.to_string())]));
    }
    if answers.day.as_deref() != Some(day.to_string().as_str()) {
        answers.slot = None;
    }
    answers.day = Some(day.to_string());
    applications::keep(state, who, application, &answers).await
}

/// Holds a place for a draft (or renews its hold), or says which times are nearest when it is full.
pub async fn hold(
    state: &AppState,
    application: &Application,
    unit: &str,
    day: jiff::civil::Date,
    slot: &str,
) -> anyhow::Result<Held> {
    places::hold(state, &DESK, application, unit, day, slot).await
}

/// Step 4: the time; the place is held for 15 minutes.
pub async fn save_slot(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    time: &str,
) -> Result<(), AppError> {
    let mut answers: Answers = applications::answers(application);
    let Some(unit) = answers.unit.clone() else {
        return Err(AppError::field("time", "test-error-unit"));
    };
    let (day, slot) = parse_time(state, time).ok_or_else(|| AppError::field("time", "appointment-error-slot"))?;
    let until = permit_until(state, who, &answers).await?;
    if until.is_none_or(|until| day > until) {
        return Err(AppError::field("time", "appointment-error-slot"));
    }
    places::hold_chosen(state, &DESK, who, application, &unit, (day, slot), "test-error-booked").await?;
    answers.day = Some(day.to_string());
    answers.slot = Some(slot.to_string());
    applications::keep(state, who, application, &answers).await
}

/// The fee when every answer holds (the learner still ready, the day within the permit) and the place is still
/// held, or held again when its hold ran out and a place is left. Else the step to answer again.
pub async fn ready(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
) -> Result<Result<&'static str, Step>, AppError> {
    let answers: Answers = applications::answers(application);
    if answers.holder.as_deref() != Some(who.id_number.as_str()) {
        return Ok(Err(Step::Class));
    }
    let Some(until) = permit_until(state, who, &answers).await? else {
        return Ok(Err(Step::Class));
    };
    let Some(unit) = &answers.unit else {
        return Ok(Err(Step::Unit));
    };
    let (Some(day), Some(slot)) = (answers.day.as_deref(), answers.slot.as_deref()) else {
        return Ok(Err(if answers.day.is_none() { Step::Day } else { Step::Slot }));
    };
    let Some((day, slot)) = parse_time(state, &format!("{day}T{slot}")).filter(|(day, _)| *day <= until) else {
        return Ok(Err(Step::Day));
    };
    match hold(state, application, unit, day, slot).await? {
        Held::Held => Ok(Ok(FEE)),
        Held::Full(_) | Held::AlreadyBooked => Ok(Err(Step::Slot)),
    }
}

/// The booking of an application, for its page.
pub async fn booking(state: &AppState, application: &Application) -> anyhow::Result<Option<Booking>> {
    changes::booking(state, &DESK, application).await
}

/// The booking slip: the class, where and when, and that it is not a licence.
pub async fn slip(conn: &mut AnyConnection, application: &Application) -> anyhow::Result<Option<ServiceDocument>> {
    let Some(booking) = db::booking(conn, &TABLES, application.id.as_str()).await? else {
        return Ok(None);
    };
    let answers: Answers = applications::answers(application);
    let Some(class) = answers.class else {
        return Ok(None);
    };
    let unit = db::place_name(conn, &TABLES, &booking.centre)
        .await?
        .unwrap_or(booking.centre);
    Ok(Some(ServiceDocument {
        kind: Kind::TestSlip,
        classes: None,
        valid_until: Some(booking.day.clone()),
        smart: false,
        facts: vec![
            Fact::text("test-fact-class", class.code()),
            Fact::text("test-field-centre", unit),
            Fact::date("test-fact-day", booking.day),
            Fact::text("test-fact-time", booking.slot),
            Fact::message("test-fact-note", "test-slip-not-proof"),
        ],
    }))
}
