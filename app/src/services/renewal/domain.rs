//! The driving licence renewal's rules, with no I/O: the options and their fees, the smart licence's details, and
//! the new expiry date.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::{calendar, cards::domain::SmartDetails};

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

/// The renewal's answers, saved on every step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    /// The ID number the licence is under (step 1 shows it and records it).
    pub holder: Option<String>,
    pub period: Option<Period>,
    pub smart: Option<SmartDetails>,
}

impl crate::cards::service::WithCard for Answers {
    fn card(&mut self) -> &mut Option<SmartDetails> {
        &mut self.smart
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
    }
}
