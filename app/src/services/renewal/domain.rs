//! The driving licence renewal's rules, with no I/O: the options and their fees, the smart licence's details, and
//! the new expiry date.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::{calendar, error::FieldError};

/// The catalogue code of the service.
pub const CODE: &str = "dl-renewal";

/// How the licence is renewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    OneYear,
    ThreeYears,
    /// The smart driving licence (Smart DL): a card with a photo, valid 3 years.
    Smart,
}

impl Period {
    pub const ALL: [Period; 3] = [Period::OneYear, Period::ThreeYears, Period::Smart];

    pub fn code(self) -> &'static str {
        match self {
            Period::OneYear => "1y",
            Period::ThreeYears => "3y",
            Period::Smart => "smart",
        }
    }

    pub fn parse(code: &str) -> Option<Period> {
        Period::ALL.into_iter().find(|p| p.code() == code)
    }

    /// Its fee in the fee table.
    pub fn fee_code(self) -> &'static str {
        match self {
            Period::OneYear => "dl-renewal-1y",
            Period::ThreeYears => "dl-renewal-3y",
            Period::Smart => "smart-dl",
        }
    }

    pub fn years(self) -> i16 {
        match self {
            Period::OneYear => 1,
            Period::ThreeYears | Period::Smart => 3,
        }
    }
}

/// A licence that lapsed less than this long ago is renewed from its old expiry date (the record continues, and
/// the lapse is paid for, as NTSA renews a late licence); one lapsed longer is renewed from the day it is paid.
pub const CONTINUOUS_WITHIN_DAYS: i32 = 365;

/// The new expiry date: `years` after the old expiry, or after the payment day when the licence lapsed a year or
/// more ago. A 29 February expiry moves to 28 February in a common year.
pub fn new_expiry(old: Date, paid_on: Date, years: i16) -> Option<Date> {
    let lapsed_days = calendar::days_between(old, paid_on);
    let from = if lapsed_days < CONTINUOUS_WITHIN_DAYS {
        old
    } else {
        paid_on
    };
    calendar::add_years(from, years)
}

/// The 47 counties (Constitution of Kenya, First Schedule), in its order.
pub const COUNTIES: [&str; 47] = [
    "Mombasa",
    "Kwale",
    "Kilifi",
    "Tana River",
    "Lamu",
    "Taita-Taveta",
    "Garissa",
    "Wajir",
    "Mandera",
    "Marsabit",
    "Isiolo",
    "Meru",
    "Tharaka-Nithi",
    "Embu",
    "Kitui",
    "Machakos",
    "Makueni",
    "Nyandarua",
    "Nyeri",
    "Kirinyaga",
    "Murang'a",
    "Kiambu",
    "Turkana",
    "West Pokot",
    "Samburu",
    "Trans Nzoia",
    "Uasin Gishu",
    "Elgeyo-Marakwet",
    "Nandi",
    "Baringo",
    "Laikipia",
    "Nakuru",
    "Narok",
    "Kajiado",
    "Kericho",
    "Bomet",
    "Kakamega",
    "Vihiga",
    "Bungoma",
    "Busia",
    "Siaya",
    "Kisumu",
    "Homa Bay",
    "Migori",
    "Kisii",
    "Nyamira",
    "Nairobi",
];

/// Blood groups as printed on the card; "unknown" is a valid answer (the question is optional).
pub const BLOOD_GROUPS: [&str; 8] = ["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"];

/// The smart licence's extra answers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmartDetails {
    pub place_of_birth: String,
    /// `None`: not known (the question is optional).
    pub blood_group: Option<String>,
    pub county: String,
    pub address: String,
    /// A collection centre's code.
    pub centre: String,
}

/// The renewal's answers, saved on every step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    /// The ID number the licence is under (step 1 shows it and records it).
    pub holder: Option<String>,
    pub period: Option<Period>,
    pub smart: Option<SmartDetails>,
}

/// The smart licence form as posted (a field left out is empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SmartForm {
    pub place_of_birth: String,
    pub blood_group: String,
    pub county: String,
    pub address: String,
    pub centre: String,
}

/// Checks the smart licence answers against the collection centres offered; every problem at once.
pub fn parse_smart(form: &SmartForm, centres: &[String]) -> Result<SmartDetails, Vec<FieldError>> {
    let mut errors = Vec::new();
    let text = |value: &str, field: &str, max: usize, errors: &mut Vec<FieldError>| {
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if value.is_empty() {
            errors.push(FieldError::new(field, &format!("renewal-error-{field}-missing")));
        } else if value.chars().count() > max {
            errors
                .push(FieldError::new(field, &format!("renewal-error-{field}-long")).with_arg("max", max.to_string()));
        }
        value
    };
    let place_of_birth = text(&form.place_of_birth, "place_of_birth", 60, &mut errors);
    let blood_group = match form.blood_group.trim() {
        "" | "unknown" => None,
        group if BLOOD_GROUPS.contains(&group) => Some(group.to_string()),
        _ => {
            errors.push(FieldError::new("blood_group", "renewal-error-blood_group"));
            None
        }
    };
    let county = COUNTIES
        .iter()
        .find(|c| c.eq_ignore_ascii_case(form.county.trim()))
        .map(|c| c.to_string());
    if county.is_none() {
        errors.push(FieldError::new("county", "renewal-error-county"));
    }
    let address = text(&form.address, "address", 120, &mut errors);
    let centre = form.centre.trim().to_string();
    if !centres.contains(&centre) {
        errors.push(FieldError::new("centre", "renewal-error-centre"));
    }
    if errors.is_empty() {
        Ok(SmartDetails {
            place_of_birth,
            blood_group,
            county: county.unwrap_or_default(),
            address,
            centre,
        })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_valid_licence_runs_on_from_its_expiry() {
        let paid = date(2026, 11, 29);
        assert_eq!(new_expiry(date(2027, 6, 30), paid, 1), Some(date(2028, 6, 30)));
        assert_eq!(new_expiry(date(2027, 6, 30), paid, 3), Some(date(2030, 6, 30)));
        assert_eq!(new_expiry(paid, paid, 1), Some(date(2027, 11, 29)), "expiring today");
    }

    #[test]
    fn a_recently_lapsed_licence_continues_and_a_long_lapsed_one_starts_again() {
        let paid = date(2026, 11, 29);
        assert_eq!(
            new_expiry(date(2026, 3, 31), paid, 1),
            Some(date(2027, 3, 31)),
            "lapsed 8 months"
        );
        assert_eq!(
            new_expiry(date(2025, 11, 30), paid, 1),
            Some(date(2026, 11, 30)),
            "lapsed 364 days"
        );
        assert_eq!(
            new_expiry(date(2025, 11, 29), paid, 1),
            Some(date(2027, 11, 29)),
            "lapsed 365 days"
        );
        assert_eq!(
            new_expiry(date(2020, 1, 15), paid, 3),
            Some(date(2029, 11, 29)),
            "long lapsed"
        );
    }

    #[test]
    fn a_leap_day_expiry_moves_to_the_last_day_of_february() {
        assert_eq!(
            new_expiry(date(2028, 2, 29), date(2028, 1, 10), 1),
            Some(date(2029, 2, 28))
        );
        assert_eq!(
            new_expiry(date(2028, 2, 29), date(2028, 1, 10), 3),
            Some(date(2031, 2, 28))
        );
        // Lapsed 10 days: continues from 29 February; lapsed 366 days: from the payment day, a leap day.
        assert_eq!(
            new_expiry(date(2028, 2, 29), date(2028, 3, 10), 1),
            Some(date(2029, 2, 28))
        );
        assert_eq!(
            new_expiry(date(2027, 2, 28), date(2028, 2, 29), 1),
            Some(date(2029, 2, 28))
        );
        assert_eq!(
            new_expiry(date(2020, 6, 1), date(2028, 2, 29), 1),
            Some(date(2029, 2, 28))
        );
    }

    #[test]
    fn periods_name_their_fees() {
        for period in Period::ALL {
            assert_eq!(Period::parse(period.code()), Some(period));
        }
        assert_eq!(Period::Smart.fee_code(), "smart-dl");
        assert_eq!(Period::Smart.years(), 3);
        assert_eq!(COUNTIES.len(), 47);
    }

    #[test]
    fn smart_details_are_checked_all_at_once() {
        let centres = vec!["CC-NRB-HQ".to_string()];
        let form = SmartForm {
            place_of_birth: "  Nyeri  town ".into(),
            blood_group: "unknown".into(),
            county: "nairobi".into(),
            address: "P.O. Box 1, Nairobi".into(),
            centre: "CC-NRB-HQ".into(),
        };
        let details = parse_smart(&form, &centres).unwrap();
        assert_eq!(
            (details.place_of_birth.as_str(), details.county.as_str()),
            ("Nyeri town", "Nairobi")
        );
        assert_eq!(details.blood_group, None);
        let errors = parse_smart(
            &SmartForm {
                blood_group: "Z".into(),
                ..SmartForm::default()
            },
            &centres,
        )
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["place_of_birth", "blood_group", "county", "address", "centre"]);
        assert_eq!(errors[0].key, "renewal-error-place_of_birth-missing");
    }
}
