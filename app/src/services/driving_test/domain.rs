//! The driving test's rules, with no I/O: which classes a learner may book, and an officer's result as posted.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::{calendar, error::FieldError, records::classes::LicenceClass};

/// The catalogue code of the service, and its fee's.
pub const CODE: &str = "driving-test";
pub const FEE: &str = "driving-test";

/// A pass is a certificate of competence for three months from the test (DOMAIN.md).
pub const CERTIFICATE_MONTHS: i32 = 3;

/// The last day a pass on `day` counts for the first licence.
pub fn certificate_until(day: Date) -> Option<Date> {
    calendar::add_months(day, CERTIFICATE_MONTHS)?.yesterday().ok()
}

/// The booking's answers, saved on every step (the place itself is held in the database).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    /// The learner's ID number (the register's key for the permit, the course and the result).
    pub holder: Option<String>,
    pub class: Option<LicenceClass>,
    pub unit: Option<String>,
    /// ISO date and start time of the held place.
    pub day: Option<String>,
    pub slot: Option<String>,
}

/// What the register says of a learner and one class.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// The class is on the person's driving licence already.
    pub licensed: bool,
    /// A pass whose certificate is still valid: its last day.
    pub passed_until: Option<Date>,
    /// The day a school marked the course complete.
    pub completed_on: Option<Date>,
    /// A course was recorded but is not complete.
    pub enrolled: bool,
    /// The provisional licence's last day.
    pub permit_until: Option<Date>,
}

/// Whether a learner may book a test for a class today, and if not why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// May book a day up to the permit's last day.
    Ready {
        until: Date,
    },
    Licensed,
    /// Passed already: the certificate is valid until then.
    Passed(Date),
    /// A course is recorded, not yet marked complete by the school.
    CourseNotComplete,
    /// No course at a driving school for the class.
    NoCourse,
    /// The provisional licence ended on that day (or there is none: `None`).
    NoPermit(Option<Date>),
}

impl Standing {
    /// The message key that explains a refusal, next to the class.
    pub fn refusal_key(self) -> Option<&'static str> {
        match self {
            Standing::Ready { .. } => None,
            Standing::Licensed => Some("test-error-licensed"),
            Standing::Passed(_) => Some("test-error-passed"),
            Standing::CourseNotComplete => Some("test-error-course"),
            Standing::NoCourse => Some("test-error-no-course"),
            Standing::NoPermit(Some(_)) => Some("test-error-permit-ended"),
            Standing::NoPermit(None) => Some("test-error-no-permit"),
        }
    }

    /// The date the refusal names, if any.
    pub fn date(self) -> Option<Date> {
        match self {
            Standing::Passed(day) | Standing::NoPermit(Some(day)) => Some(day),
            _ => None,
        }
    }
}

/// The standing of a class, rules in the order a learner meets them: licensed, passed, the school's course, then
/// the permit (which must still be valid tomorrow, the first bookable day).
pub fn standing(record: &Record, today: Date) -> Standing {
    if record.licensed {
        return Standing::Licensed;
    }
    if let Some(until) = record.passed_until.filter(|until| *until >= today) {
        return Standing::Passed(until);
    }
    if record.completed_on.is_none() {
        return if record.enrolled {
            Standing::CourseNotComplete
        } else {
            Standing::NoCourse
        };
    }
    match record.permit_until {
        Some(until) if until > today => Standing::Ready { until },
        other => Standing::NoPermit(other),
    }
}

/// The most an officer's notes may hold.
pub const NOTES_MAX: usize = 1_000;

/// An officer's result, as posted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub passed: bool,
    pub notes: String,
}

/// Pass or fail, with notes; a fail must say why (the learner reads it to prepare for the next test).
pub fn parse_outcome(result: &str, notes: &str) -> Result<Outcome, Vec<FieldError>> {
    let notes = notes.trim();
    let mut errors = Vec::new();
    let passed = match result.trim() {
        "pass" => Some(true),
        "fail" => Some(false),
        _ => {
            errors.push(FieldError::new("result", "test-error-result"));
            None
        }
    };
    if notes.chars().count() > NOTES_MAX {
        errors.push(FieldError::new("notes", "test-error-notes-long").with_arg("max", NOTES_MAX.to_string()));
    } else if passed == Some(false) && notes.is_empty() {
        errors.push(FieldError::new("notes", "test-error-notes"));
    }
    match passed {
        Some(passed) if errors.is_empty() => Ok(Outcome {
            passed,
            notes: notes.to_string(),
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn ready() -> Record {
        Record {
            completed_on: Some(date(2026, 11, 20)),
            enrolled: true,
            permit_until: Some(date(2027, 1, 31)),
            ..Record::default()
        }
    }

    #[test]
    fn a_complete_course_and_a_valid_permit_may_book_until_the_permit_ends() {
        let today = date(2026, 12, 6);
        assert_eq!(
            standing(&ready(), today),
            Standing::Ready {
                until: date(2027, 1, 31)
            }
        );
    }

    #[test]
    fn each_missing_step_is_named() {
        let today = date(2026, 12, 6);
        let not_complete = Record {
            completed_on: None,
            ..ready()
        };
        assert_eq!(standing(&not_complete, today), Standing::CourseNotComplete);
        let no_course = Record {
            completed_on: None,
            enrolled: false,
            ..ready()
        };
        assert_eq!(standing(&no_course, today), Standing::NoCourse);
        let none = Record {
            permit_until: None,
            ..ready()
        };
        assert_eq!(standing(&none, today), Standing::NoPermit(None));
        let licensed = Record {
            licensed: true,
            ..ready()
        };
        assert_eq!(standing(&licensed, today), Standing::Licensed);
        let passed = Record {
            passed_until: Some(date(2027, 2, 1)),
            ..ready()
        };
        assert_eq!(standing(&passed, today), Standing::Passed(date(2027, 2, 1)));
    }

    #[test]
    fn a_permit_ending_today_leaves_no_day_to_book() {
        let ends_today = Record {
            permit_until: Some(date(2026, 12, 6)),
            ..ready()
        };
        assert_eq!(
            standing(&ends_today, date(2026, 12, 6)),
            Standing::NoPermit(Some(date(2026, 12, 6)))
        );
        let ends_tomorrow = Record {
            permit_until: Some(date(2026, 12, 7)),
            ..ready()
        };
        assert!(matches!(
            standing(&ends_tomorrow, date(2026, 12, 6)),
            Standing::Ready { .. }
        ));
    }

    #[test]
    fn an_expired_pass_may_be_taken_again() {
        let lapsed = Record {
            passed_until: Some(date(2026, 12, 5)),
            ..ready()
        };
        assert!(matches!(standing(&lapsed, date(2026, 12, 6)), Standing::Ready { .. }));
    }

    #[test]
    fn a_certificate_lasts_three_months() {
        assert_eq!(certificate_until(date(2026, 12, 7)), Some(date(2027, 3, 6)));
        assert_eq!(certificate_until(date(2026, 11, 30)), Some(date(2027, 2, 27)));
    }

    #[test]
    fn a_fail_needs_notes_and_a_result_is_pass_or_fail() {
        assert_eq!(
            parse_outcome("pass", "  "),
            Ok(Outcome {
                passed: true,
                notes: String::new()
            })
        );
        let fail = parse_outcome("fail", "").unwrap_err();
        assert_eq!(fail[0].field, "notes");
        assert_eq!(fail[0].key, "test-error-notes");
        let none = parse_outcome("maybe", "").unwrap_err();
        assert_eq!(none[0].field, "result");
        let long = parse_outcome("fail", &"x".repeat(NOTES_MAX + 1)).unwrap_err();
        assert_eq!(long[0].key, "test-error-notes-long");
        assert_eq!(
            parse_outcome("fail", " Hill start: rolled back ").unwrap().notes,
            "Hill start: rolled back"
        );
    }
}
