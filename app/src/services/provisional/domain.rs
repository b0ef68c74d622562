//! The provisional driving licence's rules, with no I/O: which classes a person may learn for today, and how long
//! the permit lasts.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::{
    calendar,
    error::FieldError,
    records::classes::{age_on, reaches_age, LicenceClass},
};

/// The catalogue code of the service, and its fee in the fee table.
pub const CODE: &str = "provisional-dl";
pub const FEE: &str = "provisional-dl";

/// A provisional licence is valid three months from its issue (NTSA's guide to the PDL); a learner whose permit
/// lapses before the test applies again.
pub const VALID_MONTHS: i32 = 3;

/// The provisional licence's answers, saved on every step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    /// The ID number the permit is issued under (the applicant's, recorded when the classes are chosen).
    pub holder: Option<String>,
    pub classes: Vec<LicenceClass>,
}

/// What the register says of the applicant, for the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Learner {
    pub born_on: Date,
    /// Classes on the person's driving licence.
    pub licensed: Vec<String>,
    /// Provisional licences held, with their last day.
    pub provisional: Vec<(LicenceClass, Date)>,
}

/// Why a class cannot be learned for today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bar {
    /// Too young until this day.
    TooYoung(Date),
    /// The driving licence already carries it.
    Licensed,
    /// A provisional licence for it is valid through this day.
    Provisional(Date),
}

impl Learner {
    /// Whether `class` may be applied for on `today`.
    pub fn bar(&self, class: LicenceClass, today: Date) -> Option<Bar> {
        if self.licensed.iter().any(|held| held == class.code()) {
            return Some(Bar::Licensed);
        }
        if let Some((_, until)) = self
            .provisional
            .iter()
            .find(|(held, until)| *held == class && *until >= today)
        {
            return Some(Bar::Provisional(*until));
        }
        let age = class.minimum_age();
        if age_on(self.born_on, today) < i64::from(age) {
            return reaches_age(self.born_on, age).map(Bar::TooYoung);
        }
        None
    }

    /// The classes posted, checked: at least one, each known and open to this person today. Every problem is
    /// one message on the `classes` field, naming the class and, where there is one, the day it will open.
    pub fn choose(&self, posted: &[String], today: Date) -> Result<Vec<LicenceClass>, Vec<FieldError>> {
        let mut classes: Vec<LicenceClass> = Vec::new();
        let mut errors = Vec::new();
        for text in posted.iter().filter(|text| !text.trim().is_empty()) {
            match LicenceClass::parse(text) {
                Some(class) if !classes.contains(&class) => classes.push(class),
                Some(_) => {}
                None => errors.push(FieldError::new("classes", "provisional-error-class")),
            }
        }
        if classes.is_empty() && errors.is_empty() {
            errors.push(FieldError::new("classes", "provisional-error-classes-missing"));
        }
        classes.sort();
        for class in &classes {
            let error = |key: &str| FieldError::new("classes", key).with_arg("class", class.code());
            match self.bar(*class, today) {
                None => {}
                Some(Bar::TooYoung(from)) => errors.push(
                    error("provisional-error-too-young")
                        .with_arg("age", class.minimum_age().to_string())
                        .with_arg("date", from.to_string()),
                ),
                Some(Bar::Licensed) => errors.push(error("provisional-error-licensed")),
                Some(Bar::Provisional(until)) => {
                    errors.push(error("provisional-error-held").with_arg("date", until.to_string()))
                }
            }
        }
        if errors.is_empty() {
            Ok(classes)
        } else {
            Err(errors)
        }
    }
}

/// The last day of a permit issued on `issued`: three months on, the day before the same date (counted from the
/// day before, so a permit of 30 November ends on 28 February rather than a day short of it).
pub fn expires(issued: Date) -> Option<Date> {
    issued
        .yesterday()
        .ok()
        .and_then(|eve| calendar::add_months(eve, VALID_MONTHS))
}

/// Classes as printed: `A2, B`.
pub fn printed(classes: &[LicenceClass]) -> String {
    classes.iter().map(|class| class.code()).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn learner(born: Date) -> Learner {
        Learner {
            born_on: born,
            licensed: vec![],
            provisional: vec![],
        }
    }

    fn posted(classes: &[&str]) -> Vec<String> {
        classes.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn a_sixteen_year_old_may_learn_a_motorcycle_but_not_a_car_until_eighteen() {
        let today = date(2026, 12, 5);
        let young = learner(date(2010, 3, 14));
        assert_eq!(young.choose(&posted(&["a2"]), today), Ok(vec![LicenceClass::A2]));
        let errors = young.choose(&posted(&["B", "A2"]), today).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].key, "provisional-error-too-young");
        assert_eq!(
            errors[0].args,
            [
                ("class".to_string(), "B".to_string()),
                ("age".to_string(), "18".to_string()),
                ("date".to_string(), "2028-03-14".to_string())
            ]
        );
    }

    #[test]
    fn the_eighteenth_birthday_opens_class_b_and_the_day_before_does_not() {
        let person = learner(date(2008, 12, 5));
        assert!(person.choose(&posted(&["B"]), date(2026, 12, 4)).is_err());
        assert_eq!(
            person.choose(&posted(&["B"]), date(2026, 12, 5)),
            Ok(vec![LicenceClass::B])
        );
    }

    #[test]
    fn a_class_on_the_licence_or_under_a_valid_permit_is_refused_and_a_lapsed_permit_is_not() {
        let today = date(2026, 12, 5);
        let person = Learner {
            born_on: date(1990, 1, 1),
            licensed: vec!["B".into()],
            provisional: vec![
                (LicenceClass::A2, date(2026, 12, 5)),
                (LicenceClass::C1, date(2026, 12, 4)),
            ],
        };
        let errors = person.choose(&posted(&["B", "A2", "C1"]), today).unwrap_err();
        let keys: Vec<_> = errors.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["provisional-error-held", "provisional-error-licensed"]);
        assert_eq!(person.choose(&posted(&["C1"]), today), Ok(vec![LicenceClass::C1]));
    }

    #[test]
    fn nothing_chosen_or_an_unknown_class_is_said_so() {
        let person = learner(date(1990, 1, 1));
        let today = date(2026, 12, 5);
        assert_eq!(
            person.choose(&posted(&[""]), today).unwrap_err()[0].key,
            "provisional-error-classes-missing"
        );
        assert_eq!(
            person.choose(&posted(&["Z9"]), today).unwrap_err()[0].key,
            "provisional-error-class"
        );
        assert_eq!(
            person.choose(&posted(&["B", "b", "A1"]), today),
            Ok(vec![LicenceClass::A1, LicenceClass::B]),
            "once each, in the order printed"
        );
    }

    #[test]
    fn a_permit_lasts_three_months_to_the_day_before() {
        assert_eq!(expires(date(2026, 12, 5)), Some(date(2027, 3, 4)));
        assert_eq!(
            expires(date(2026, 11, 30)),
            Some(date(2027, 2, 28)),
            "to the end of February"
        );
        assert_eq!(printed(&[LicenceClass::A2, LicenceClass::B]), "A2, B");
    }
}
