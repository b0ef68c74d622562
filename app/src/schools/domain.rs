//! Driving school records' rules, with no I/O: the enrolment form checked, the course start date, the search
//! words, and where a course stands.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::{calendar, error::FieldError, records::classes::LicenceClass};

/// Students a page of the school's list shows.
pub const PAGE_SIZE: i64 = 50;

/// A course may be recorded as starting up to this many days ahead (a class about to begin) and no further.
pub const START_AHEAD_DAYS: i32 = 30;

/// Characters a search keeps: what names and ID numbers are made of.
const SEARCH_CHARS: usize = 40;

/// The enrolment form as posted (a field left out is empty); the course start is the date input's three boxes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EnrolForm {
    pub school: String,
    pub id_number: String,
    pub first_name: String,
    pub class: String,
    #[serde(rename = "started-day")]
    pub started_day: String,
    #[serde(rename = "started-month")]
    pub started_month: String,
    #[serde(rename = "started-year")]
    pub started_year: String,
}

/// An enrolment's answers, checked for form: the register and the permit are the service's to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolment {
    pub id_number: String,
    pub first_name: String,
    pub class: LicenceClass,
    pub started_on: Date,
}

/// Checks the form on `today`: every problem at once.
pub fn parse_enrolment(form: &EnrolForm, today: Date) -> Result<Enrolment, Vec<FieldError>> {
    let mut errors = Vec::new();
    let id_number: String = form.id_number.chars().filter(|c| !c.is_whitespace()).collect();
    if id_number.is_empty() {
        errors.push(FieldError::new("id_number", "schools-error-id-missing"));
    } else if !(1..=14).contains(&id_number.len()) || !id_number.chars().all(|c| c.is_ascii_digit()) {
        errors.push(FieldError::new("id_number", "schools-error-id-format"));
    }
    let first_name = form.first_name.trim().to_string();
    if first_name.is_empty() {
        errors.push(FieldError::new("first_name", "schools-error-first-name"));
    }
    let class = LicenceClass::parse(&form.class);
    if class.is_none() {
        errors.push(FieldError::new("class", "schools-error-class"));
    }
    let started_on = start_date(form, today).map_err(|e| errors.push(e)).ok();
    match (class, started_on, errors.is_empty()) {
        (Some(class), Some(started_on), true) => Ok(Enrolment {
            id_number,
            first_name,
            class,
            started_on,
        }),
        _ => Err(errors),
    }
}

fn start_date(form: &EnrolForm, today: Date) -> Result<Date, FieldError> {
    let parts = [&form.started_day, &form.started_month, &form.started_year].map(|p| p.trim());
    if parts.iter().all(|p| p.is_empty()) {
        return Err(FieldError::new("started", "schools-error-start-missing"));
    }
    let date = calendar::parse_parts(parts[0], parts[1], parts[2])
        .ok_or_else(|| FieldError::new("started", "schools-error-start-invalid"))?;
    let latest = calendar::add_days(today, START_AHEAD_DAYS).unwrap_or(today);
    if date > latest {
        return Err(
            FieldError::new("started", "schools-error-start-ahead").with_arg("days", START_AHEAD_DAYS.to_string())
        );
    }
    Ok(date)
}

/// A search as typed, kept to letters, digits, spaces, apostrophes and hyphens (so it can sit in a `LIKE`), lower
/// case, at most 40 characters; `None` when nothing is left.
pub fn search_words(typed: &str) -> Option<String> {
    let kept: String = typed
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '\'' | '-'))
        .take(SEARCH_CHARS)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    (!kept.is_empty()).then_some(kept)
}

/// Where a course stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Starts on a day still to come.
    NotStarted,
    InProgress,
    Complete(Date),
}

pub fn standing(started_on: Date, completed_on: Option<Date>, today: Date) -> Standing {
    match completed_on {
        Some(day) => Standing::Complete(day),
        None if started_on > today => Standing::NotStarted,
        None => Standing::InProgress,
    }
}

impl Standing {
    pub fn code(self) -> &'static str {
        match self {
            Standing::NotStarted => "not-started",
            Standing::InProgress => "in-progress",
            Standing::Complete(_) => "complete",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn form(id: &str, first: &str, class: &str, day: &str, month: &str, year: &str) -> EnrolForm {
        EnrolForm {
            school: "P051987654Z".into(),
            id_number: id.into(),
            first_name: first.into(),
            class: class.into(),
            started_day: day.into(),
            started_month: month.into(),
            started_year: year.into(),
        }
    }

    #[test]
    fn a_good_enrolment_is_read_with_spaces_and_case_forgiven() {
        let today = date(2026, 12, 5);
        let enrolment = parse_enrolment(&form(" 4011 2233 ", " Baraka ", "a2", "1", "12", "2026"), today).unwrap();
        assert_eq!(enrolment.id_number, "40112233");
        assert_eq!(enrolment.first_name, "Baraka");
        assert_eq!(enrolment.class, LicenceClass::A2);
        assert_eq!(enrolment.started_on, date(2026, 12, 1));
    }

    #[test]
    fn every_problem_is_named_at_once() {
        let errors = parse_enrolment(&form("12AB", "", "Z", "31", "2", "2027"), date(2026, 12, 5)).unwrap_err();
        let keys: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.key.as_str())).collect();
        assert_eq!(
            keys,
            [
                ("id_number", "schools-error-id-format"),
                ("first_name", "schools-error-first-name"),
                ("class", "schools-error-class"),
                ("started", "schools-error-start-invalid")
            ]
        );
    }

    #[test]
    fn a_course_starts_at_most_30_days_ahead() {
        let today = date(2026, 12, 5);
        assert!(parse_enrolment(&form("1", "A", "B", "4", "1", "2027"), today).is_ok());
        let errors = parse_enrolment(&form("1", "A", "B", "5", "1", "2027"), today).unwrap_err();
        assert_eq!(errors[0].key, "schools-error-start-ahead");
        let errors = parse_enrolment(&form("1", "A", "B", "", "", ""), today).unwrap_err();
        assert_eq!(errors[0].key, "schools-error-start-missing");
    }

    #[test]
    fn a_search_keeps_only_what_names_and_numbers_are_made_of() {
        assert_eq!(search_words("  Wanjiku%_ O'Brien "), Some("wanjiku o'brien".into()));
        assert_eq!(search_words("%%"), None);
        assert_eq!(search_words(&"a".repeat(100)).map(|s| s.len()), Some(40));
    }

    #[test]
    fn a_course_is_in_progress_from_its_start_until_marked_complete() {
        let today = date(2026, 12, 5);
        assert_eq!(standing(date(2026, 12, 6), None, today), Standing::NotStarted);
        assert_eq!(standing(today, None, today), Standing::InProgress);
        assert_eq!(
            standing(date(2026, 11, 1), Some(today), today),
            Standing::Complete(today)
        );
    }
}
