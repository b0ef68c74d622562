//! The PSV badge's rules, with no I/O: who may be a matatu or bus driver or conductor, each unmet rule with the day
//! it will be met where there is one, and the certificate of good conduct's number.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::{
    calendar,
    error::FieldError,
    records::classes::{age_on, reaches_age},
};

/// The catalogue code of the service, and its fee in the fee table.
pub const CODE: &str = "psv-badge";
pub const FEE: &str = "psv-badge";

/// A badge is renewed every year: valid a year from its issue, to the day before.
pub const VALID_YEARS: i16 = 1;

/// The licence classes that carry passengers for hire (vans and minibuses, buses): a driver's badge needs one.
pub const PSV_CLASSES: [&str; 3] = ["D1", "D2", "D3"];

/// Years a driver must have held a PSV class (DOMAIN.md: "3 years' experience").
pub const DRIVER_YEARS: i16 = 3;

/// Who wears the badge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Driver,
    Conductor,
}

impl Role {
    pub const ALL: [Role; 2] = [Role::Driver, Role::Conductor];

    pub fn code(self) -> &'static str {
        match self {
            Role::Driver => "driver",
            Role::Conductor => "conductor",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.code() == code.trim())
    }

    /// DOMAIN.md: a driver 21 or older, a conductor 18 or older.
    pub fn minimum_age(self) -> i16 {
        match self {
            Role::Driver => 21,
            Role::Conductor => 18,
        }
    }
}

/// The badge's answers, saved on its step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    /// The ID number the badge is issued under.
    pub holder: Option<String>,
    pub role: Option<Role>,
    /// The certificate of good conduct's number, upper case.
    pub conduct: Option<String>,
}

/// What the register says of the applicant, for the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub born_on: Date,
    /// The driving licence: its last day, and each class with the day it was first on it.
    pub licence: Option<(Date, Vec<(String, Date)>)>,
}

/// A rule the person does not meet today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unmet {
    /// Too young until this day.
    Age {
        age: i16,
        from: Date,
    },
    NoLicence,
    /// The licence ended on this day.
    Expired(Date),
    /// No PSV class on the licence.
    NoPsvClass,
    /// The PSV class has been held less than three years: met on this day.
    Experience {
        class: String,
        from: Date,
    },
}

impl Unmet {
    /// The message on the `role` field.
    pub fn error(&self) -> FieldError {
        let error = |key: &str| FieldError::new("role", key);
        match self {
            Unmet::Age { age, from } => error("badge-error-age")
                .with_arg("age", age.to_string())
                .with_arg("date", from.to_string()),
            Unmet::NoLicence => error("badge-error-no-licence"),
            Unmet::Expired(day) => error("badge-error-expired").with_arg("date", day.to_string()),
            Unmet::NoPsvClass => error("badge-error-no-psv-class"),
            Unmet::Experience { class, from } => error("badge-error-experience")
                .with_arg("class", class.clone())
                .with_arg("years", DRIVER_YEARS.to_string())
                .with_arg("date", from.to_string()),
        }
    }
}

impl Person {
    /// Every rule of `role` this person does not meet on `today`, in the order they are explained.
    pub fn unmet(&self, role: Role, today: Date) -> Vec<Unmet> {
        let mut unmet = Vec::new();
        let age = role.minimum_age();
        if age_on(self.born_on, today) < i64::from(age) {
            if let Some(from) = reaches_age(self.born_on, age) {
                unmet.push(Unmet::Age { age, from });
            }
        }
        if role == Role::Conductor {
            return unmet;
        }
        let Some((expires_on, classes)) = &self.licence else {
            unmet.push(Unmet::NoLicence);
            return unmet;
        };
        if *expires_on < today {
            unmet.push(Unmet::Expired(*expires_on));
        }
        // The PSV class held longest decides.
        let held = classes
            .iter()
            .filter(|(class, _)| PSV_CLASSES.contains(&class.as_str()))
            .min_by_key(|(_, since)| *since);
        match held {
            None => unmet.push(Unmet::NoPsvClass),
            Some((class, since)) => {
                let from = calendar::add_years(*since, DRIVER_YEARS).unwrap_or(*since);
                if from > today {
                    unmet.push(Unmet::Experience {
                        class: class.clone(),
                        from,
                    });
                }
            }
        }
        unmet
    }
}

/// A certificate of good conduct's number as typed (`ids::official_number`: only its shape is checked).
pub fn parse_conduct(typed: &str) -> Result<String, FieldError> {
    match crate::ids::official_number(typed) {
        None => Err(FieldError::new("conduct", "badge-error-conduct-missing")),
        Some(Err(())) => Err(FieldError::new("conduct", "badge-error-conduct")),
        Some(Ok(number)) => Ok(number),
    }
}

/// The last day of a badge issued on `issued`.
pub fn expires(issued: Date) -> Option<Date> {
    issued
        .yesterday()
        .ok()
        .and_then(|eve| calendar::add_years(eve, VALID_YEARS))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn driver(born: Date, classes: &[(&str, Date)]) -> Person {
        Person {
            born_on: born,
            licence: Some((
                date(2028, 1, 1),
                classes.iter().map(|(c, d)| (c.to_string(), *d)).collect(),
            )),
        }
    }

    #[test]
    fn a_driver_is_21_on_the_birthday_and_not_the_day_before() {
        let person = driver(date(2005, 12, 5), &[("D1", date(2020, 1, 1))]);
        assert_eq!(
            person.unmet(Role::Driver, date(2026, 12, 4)),
            [Unmet::Age {
                age: 21,
                from: date(2026, 12, 5)
            }]
        );
        assert_eq!(person.unmet(Role::Driver, date(2026, 12, 5)), []);
    }

    #[test]
    fn a_conductor_needs_only_18_years() {
        let person = Person {
            born_on: date(2008, 12, 5),
            licence: None,
        };
        assert_eq!(person.unmet(Role::Conductor, date(2026, 12, 5)), []);
        assert_eq!(person.unmet(Role::Conductor, date(2026, 12, 4)).len(), 1);
        assert_eq!(
            person.unmet(Role::Driver, date(2026, 12, 5)),
            [
                Unmet::Age {
                    age: 21,
                    from: date(2029, 12, 5)
                },
                Unmet::NoLicence
            ]
        );
    }

    #[test]
    fn a_psv_class_must_be_held_three_years_to_the_day() {
        let person = driver(date(1990, 1, 1), &[("B", date(2010, 1, 1)), ("D1", date(2023, 12, 5))]);
        assert_eq!(person.unmet(Role::Driver, date(2026, 12, 5)), []);
        assert_eq!(
            person.unmet(Role::Driver, date(2026, 12, 4)),
            [Unmet::Experience {
                class: "D1".into(),
                from: date(2026, 12, 5)
            }]
        );
        let car_only = driver(date(1990, 1, 1), &[("B", date(2010, 1, 1))]);
        assert_eq!(car_only.unmet(Role::Driver, date(2026, 12, 5)), [Unmet::NoPsvClass]);
    }

    #[test]
    fn an_expired_licence_is_named_with_its_last_day() {
        let mut person = driver(date(1990, 1, 1), &[("D1", date(2010, 1, 1))]);
        person.licence.as_mut().unwrap().0 = date(2026, 6, 30);
        assert_eq!(
            person.unmet(Role::Driver, date(2026, 12, 5)),
            [Unmet::Expired(date(2026, 6, 30))]
        );
        assert_eq!(Unmet::Expired(date(2026, 6, 30)).error().key, "badge-error-expired");
    }

    #[test]
    fn a_good_conduct_number_is_shaped_not_invented() {
        assert_eq!(parse_conduct(" pcc/2026/ 001234 "), Ok("PCC/2026/001234".into()));
        assert_eq!(parse_conduct("").unwrap_err().key, "badge-error-conduct-missing");
        assert_eq!(parse_conduct("12").unwrap_err().key, "badge-error-conduct");
        assert_eq!(parse_conduct("ABC$1234").unwrap_err().key, "badge-error-conduct");
    }

    #[test]
    fn a_badge_lasts_a_year_to_the_day_before() {
        assert_eq!(expires(date(2026, 12, 5)), Some(date(2027, 12, 4)));
        assert_eq!(Role::parse("conductor"), Some(Role::Conductor));
        assert_eq!(Role::parse("pilot"), None);
    }
}
