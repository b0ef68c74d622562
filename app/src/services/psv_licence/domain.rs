//! The PSV road service licence's rules, with no I/O: the fee band a vehicle's seats put it in, which vehicles
//! may be licensed here, the licence's start and last day.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::{calendar, error::FieldError, ids::PlateNumber};

/// The catalogue code of the service.
pub const CODE: &str = "psv-licence";

/// A road service licence runs one year from its first day.
pub const PERIOD_YEARS: i16 = 1;

/// The first day may be chosen up to this many days ahead (a licence is applied for before the old one ends).
pub const START_AHEAD_DAYS: i32 = 90;

/// The fee band for a vehicle with `seats` (passengers' and driver's, as the register has them): DOMAIN.md has
/// 6–8, 9–14 and over 26 seats. The bands it lacks (15–26) are not invented: those go to an office, as do
/// vehicles of fewer than 6 seats, which are not public service vehicles.
pub fn fee_code(seats: i64) -> Option<&'static str> {
    match seats {
        6..=8 => Some("psv-6-8-seats"),
        9..=14 => Some("psv-9-14-seats"),
        27.. => Some("psv-over-26-seats"),
        _ => None,
    }
}

/// Why one of an organisation's vehicles cannot be licensed here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unfit {
    /// No seat count on the register, or fewer than 6: not a public service vehicle.
    NotPassenger,
    /// 15 to 26 seats: no published fee; an NTSA office licenses it.
    NoPublishedFee(i64),
    /// Never inspected: a PSV is inspected every year before it is licensed.
    NotInspected,
    /// Its inspection ran out on this day.
    InspectionLapsed(Date),
}

impl Unfit {
    /// The message on the vehicle's field, with the plate and the figures it states.
    pub fn error(self, plate: &str) -> FieldError {
        let error = FieldError::new("plate", self.key()).with_arg("plate", plate);
        match self {
            Unfit::NoPublishedFee(seats) => error.with_arg("seats", seats.to_string()),
            Unfit::InspectionLapsed(day) => error.with_arg("date", day.to_string()),
            Unfit::NotPassenger | Unfit::NotInspected => error,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Unfit::NotPassenger => "psv-error-not-passenger",
            Unfit::NoPublishedFee(_) => "psv-error-office-band",
            Unfit::NotInspected => "psv-error-not-inspected",
            Unfit::InspectionLapsed(_) => "psv-error-inspection-lapsed",
        }
    }

    /// Whether an inspection would make it fit (the page then offers to book one).
    pub fn needs_inspection(self) -> bool {
        matches!(self, Unfit::NotInspected | Unfit::InspectionLapsed(_))
    }
}

/// The fee band of a vehicle with `seats` whose inspection runs until `inspected_until`, on `today`; or why it
/// cannot be licensed here. The seats come first: an inspection would not change them.
pub fn fitness(seats: Option<i64>, inspected_until: Option<Date>, today: Date) -> Result<&'static str, Unfit> {
    let seats = seats.filter(|s| *s >= 6).ok_or(Unfit::NotPassenger)?;
    let fee = fee_code(seats).ok_or(Unfit::NoPublishedFee(seats))?;
    match inspected_until {
        None => Err(Unfit::NotInspected),
        Some(until) if until < today => Err(Unfit::InspectionLapsed(until)),
        Some(_) => Ok(fee),
    }
}

/// The licence's last day when it starts on `starts`: a year on, less a day.
pub fn expires(starts: Date) -> Option<Date> {
    calendar::add_days(calendar::add_years(starts, PERIOD_YEARS)?, -1)
}

/// The period step as posted (a field left out is empty).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PeriodForm {
    pub id: String,
    #[serde(rename = "starts-day")]
    pub day: String,
    #[serde(rename = "starts-month")]
    pub month: String,
    #[serde(rename = "starts-year")]
    pub year: String,
}

/// What bounds the first day: today, the vehicle's current licence (the new one starts after it) and its
/// inspection (valid on the first day).
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    pub today: Date,
    pub licensed_until: Option<Date>,
    pub inspected_until: Option<Date>,
}

/// The first day typed: a real date, from today (or the day after the current licence ends) to 90 days ahead,
/// with the inspection still valid on it.
pub fn parse_start(form: &PeriodForm, bounds: Bounds) -> Result<Date, FieldError> {
    let error = |key: &str| FieldError::new("starts", key);
    if [&form.day, &form.month, &form.year].iter().all(|p| p.trim().is_empty()) {
        return Err(error("psv-error-start-missing"));
    }
    let date =
        calendar::parse_parts(&form.day, &form.month, &form.year).ok_or_else(|| error("psv-error-start-invalid"))?;
    check_start(date, bounds)?;
    Ok(date)
}

/// Whether `date` may be the first day (checked again at submission: a day goes by, a licence is issued).
pub fn check_start(date: Date, bounds: Bounds) -> Result<(), FieldError> {
    let error = |key: &str| FieldError::new("starts", key);
    if date < bounds.today {
        return Err(error("psv-error-start-past"));
    }
    let latest = calendar::add_days(bounds.today, START_AHEAD_DAYS).unwrap_or(bounds.today);
    if date > latest {
        return Err(error("psv-error-start-ahead").with_arg("days", START_AHEAD_DAYS.to_string()));
    }
    if let Some(until) = bounds.licensed_until.filter(|until| *until >= date) {
        return Err(error("psv-error-start-licensed").with_arg("date", until.to_string()));
    }
    if let Some(until) = bounds.inspected_until.filter(|until| *until < date) {
        return Err(error("psv-error-start-inspection").with_arg("date", until.to_string()));
    }
    Ok(())
}

/// The licence's answers, saved on every step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub plate: Option<PlateNumber>,
    /// The organisation that owns the vehicle (the licence is issued to it).
    pub organisation: Option<String>,
    /// The route's code in the seeded list.
    pub route: Option<String>,
    /// The first day, ISO-8601 (`2027-01-01`).
    pub starts_on: Option<String>,
}

impl Answers {
    pub fn starts(&self) -> Option<Date> {
        self.starts_on.as_deref().and_then(calendar::parse_iso)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn seats_pick_the_published_band_or_an_office() {
        for (seats, band) in [
            (6, Some("psv-6-8-seats")),
            (8, Some("psv-6-8-seats")),
            (9, Some("psv-9-14-seats")),
            (14, Some("psv-9-14-seats")),
            (15, None),
            (26, None),
            (27, Some("psv-over-26-seats")),
            (62, Some("psv-over-26-seats")),
            (5, None),
        ] {
            assert_eq!(fee_code(seats), band, "{seats} seats");
        }
    }

    #[test]
    fn a_vehicle_needs_passenger_seats_a_band_and_a_valid_inspection() {
        let today = date(2026, 12, 6);
        assert_eq!(
            fitness(Some(14), Some(today), today),
            Ok("psv-9-14-seats"),
            "the last day counts"
        );
        assert_eq!(
            fitness(Some(14), Some(date(2026, 12, 5)), today),
            Err(Unfit::InspectionLapsed(date(2026, 12, 5)))
        );
        assert_eq!(fitness(Some(14), None, today), Err(Unfit::NotInspected));
        assert_eq!(fitness(Some(25), Some(today), today), Err(Unfit::NoPublishedFee(25)));
        assert_eq!(fitness(Some(5), Some(today), today), Err(Unfit::NotPassenger));
        assert_eq!(fitness(None, None, today), Err(Unfit::NotPassenger), "seats come first");
        assert!(Unfit::InspectionLapsed(today).needs_inspection());
        assert!(!Unfit::NoPublishedFee(20).needs_inspection());
        assert_eq!(
            Unfit::NoPublishedFee(25).error("KDG 550S").args,
            [
                ("plate".to_string(), "KDG 550S".to_string()),
                ("seats".to_string(), "25".to_string())
            ]
        );
    }

    fn form(day: &str, month: &str, year: &str) -> PeriodForm {
        PeriodForm {
            id: String::new(),
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    #[test]
    fn the_first_day_is_bounded_by_today_the_old_licence_and_the_inspection() {
        let today = date(2026, 12, 6);
        let free = Bounds {
            today,
            licensed_until: None,
            inspected_until: Some(date(2027, 6, 6)),
        };
        let key = |result: Result<Date, FieldError>| result.unwrap_err().key;
        assert_eq!(parse_start(&form("6", "12", "2026"), free), Ok(today));
        assert_eq!(parse_start(&form(" 6 ", "3", "2027"), free), Ok(date(2027, 3, 6)));
        assert_eq!(key(parse_start(&form("", " ", ""), free)), "psv-error-start-missing");
        assert_eq!(
            key(parse_start(&form("31", "2", "2027"), free)),
            "psv-error-start-invalid"
        );
        assert_eq!(key(parse_start(&form("5", "12", "2026"), free)), "psv-error-start-past");
        assert_eq!(key(parse_start(&form("7", "3", "2027"), free)), "psv-error-start-ahead");
        let licensed = Bounds {
            licensed_until: Some(date(2026, 12, 31)),
            ..free
        };
        assert_eq!(
            key(parse_start(&form("31", "12", "2026"), licensed)),
            "psv-error-start-licensed"
        );
        assert_eq!(parse_start(&form("1", "1", "2027"), licensed), Ok(date(2027, 1, 1)));
        let inspected = Bounds {
            inspected_until: Some(date(2027, 1, 10)),
            ..free
        };
        assert_eq!(parse_start(&form("10", "1", "2027"), inspected), Ok(date(2027, 1, 10)));
        assert_eq!(
            key(parse_start(&form("11", "1", "2027"), inspected)),
            "psv-error-start-inspection"
        );
    }

    #[test]
    fn a_licence_runs_a_year_less_a_day() {
        assert_eq!(expires(date(2027, 1, 1)), Some(date(2027, 12, 31)));
        assert_eq!(expires(date(2028, 2, 29)), Some(date(2029, 2, 27)));
    }
}
