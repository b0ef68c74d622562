//! Driving licence classes a learner starts with, and the age each needs, with no I/O. The provisional licence,
//! the school's records, the test and the first licence all speak of these.

use jiff::{civil::Date, ToSpan, Unit};
use serde::{Deserialize, Serialize};

/// The classes of NTSA's classification a new driver learns for. The heavier ones (CE, D2, D3) are endorsed on a
/// licence already held for years, so they are not a learner's first permit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum LicenceClass {
    /// Mopeds.
    A1,
    /// Light motorcycles.
    A2,
    /// Motorcycle taxis, couriers and three-wheelers (boda boda).
    A3,
    /// Light vehicles (cars, pick-ups).
    B,
    /// Light trucks.
    C1,
    /// Medium trucks.
    C,
    /// Vans (PSV up to 14 passengers).
    D1,
    /// Industrial, construction and agricultural machines.
    G,
}

impl LicenceClass {
    pub const ALL: [LicenceClass; 8] = [
        LicenceClass::A1,
        LicenceClass::A2,
        LicenceClass::A3,
        LicenceClass::B,
        LicenceClass::C1,
        LicenceClass::C,
        LicenceClass::D1,
        LicenceClass::G,
    ];

    /// As printed on a licence.
    pub fn code(self) -> &'static str {
        match self {
            LicenceClass::A1 => "A1",
            LicenceClass::A2 => "A2",
            LicenceClass::A3 => "A3",
            LicenceClass::B => "B",
            LicenceClass::C1 => "C1",
            LicenceClass::C => "C",
            LicenceClass::D1 => "D1",
            LicenceClass::G => "G",
        }
    }

    /// A class as typed or posted, in any case.
    pub fn parse(text: &str) -> Option<LicenceClass> {
        let text = text.trim();
        LicenceClass::ALL
            .into_iter()
            .find(|class| class.code().eq_ignore_ascii_case(text))
    }

    /// The age a person must have reached: 16 for a moped or a light motorcycle, 18 for the rest (the Traffic
    /// Act's ages as NTSA's guides give them).
    pub fn minimum_age(self) -> i16 {
        match self {
            LicenceClass::A1 | LicenceClass::A2 => 16,
            _ => 18,
        }
    }
}

crate::ids::stored_as_code!(LicenceClass);

/// A person's date of birth as the register knows it: the date, or only the year (a register loaded before it
/// held dates). Only the year: the year's last day, so nobody passes an age rule early.
pub fn born_on(date: Option<Date>, year: i16) -> Option<Date> {
    date.or_else(|| Date::new(year, 12, 31).ok())
}

/// The day a person born on `born` reaches `age`: the birthday, and for a 29 February birthday 1 March in a
/// common year (the day after 28 February, when the age has not yet been reached).
pub fn reaches_age(born: Date, age: i16) -> Option<Date> {
    let birthday = born.checked_add(age.years()).ok()?;
    Some(if birthday.day() < born.day() {
        birthday.tomorrow().ok()?
    } else {
        birthday
    })
}

/// Whole years of age on `day`.
pub fn age_on(born: Date, day: Date) -> i64 {
    born.until((Unit::Year, day))
        .map(|span| i64::from(span.get_years()))
        .map(|years| match reaches_age(born, years as i16) {
            // jiff counts 29 February + 1 year as reached on 28 February: the law waits for 1 March.
            Some(reached) if reached > day => years - 1,
            _ => years,
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn classes_parse_in_any_case_and_print_as_on_the_licence() {
        for class in LicenceClass::ALL {
            assert_eq!(LicenceClass::parse(&class.code().to_lowercase()), Some(class));
        }
        assert_eq!(LicenceClass::parse(" b "), Some(LicenceClass::B));
        assert_eq!(LicenceClass::parse("CE"), None);
        assert_eq!(LicenceClass::parse(""), None);
    }

    #[test]
    fn a_moped_or_light_motorcycle_needs_16_and_the_rest_18() {
        assert_eq!(LicenceClass::A1.minimum_age(), 16);
        assert_eq!(LicenceClass::A2.minimum_age(), 16);
        assert_eq!(LicenceClass::A3.minimum_age(), 18);
        assert_eq!(LicenceClass::B.minimum_age(), 18);
    }

    #[test]
    fn an_age_is_reached_on_the_birthday_not_the_day_before() {
        let born = date(2008, 12, 5);
        assert_eq!(age_on(born, date(2026, 12, 4)), 17);
        assert_eq!(age_on(born, date(2026, 12, 5)), 18);
        assert_eq!(reaches_age(born, 18), Some(date(2026, 12, 5)));
        assert_eq!(age_on(born, date(2008, 12, 5)), 0);
    }

    #[test]
    fn a_leap_day_birthday_comes_on_1_march_in_a_common_year() {
        let born = date(2008, 2, 29);
        assert_eq!(reaches_age(born, 18), Some(date(2026, 3, 1)));
        assert_eq!(age_on(born, date(2026, 2, 28)), 17);
        assert_eq!(age_on(born, date(2026, 3, 1)), 18);
        assert_eq!(reaches_age(born, 16), Some(date(2024, 2, 29)), "a leap year");
        assert_eq!(age_on(born, date(2024, 2, 29)), 16);
    }

    #[test]
    fn only_a_year_of_birth_counts_from_its_last_day() {
        assert_eq!(born_on(None, 2008), Some(date(2008, 12, 31)));
        assert_eq!(born_on(Some(date(2008, 1, 2)), 2008), Some(date(2008, 1, 2)));
    }
}
