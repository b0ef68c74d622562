//! The first smart driving licence's rules, with no I/O: which classes a pass gives, what goes on the register,
//! and how long the card lasts.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::{calendar, cards::domain::SmartDetails, records::classes::LicenceClass};

/// The catalogue code of the service, and its fee in the fee table (the smart licence's, DOMAIN.md).
pub const CODE: &str = "first-dl";
pub const FEE: &str = "smart-dl";

/// A smart driving licence is valid three years from its issue (as a renewed one is).
pub const VALID_YEARS: i16 = 3;

/// The first licence's answers, saved on every step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    /// The ID number the licence is issued under (the applicant's, recorded with the classes).
    pub holder: Option<String>,
    /// The classes the tests passed give, as the first step showed them.
    pub classes: Vec<LicenceClass>,
    pub smart: Option<SmartDetails>,
}

impl crate::cards::service::WithCard for Answers {
    fn card(&mut self) -> &mut Option<SmartDetails> {
        &mut self.smart
    }
}

/// A pass recorded at a test unit: the class and the last day its certificate of competence is valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub class: LicenceClass,
    pub valid_until: Date,
}

/// The classes a licence may be issued for on `today`: each passed with a certificate still valid and not already
/// on the person's licence (`licensed`, as printed), once each, in the classification's order.
pub fn classes(passes: &[Pass], licensed: &[String], today: Date) -> Vec<LicenceClass> {
    let mut classes: Vec<LicenceClass> = passes
        .iter()
        .filter(|pass| pass.valid_until >= today)
        .map(|pass| pass.class)
        .filter(|class| !licensed.iter().any(|held| held == class.code()))
        .collect();
    classes.sort();
    classes.dedup();
    classes
}

/// The classes printed on the licence after the new ones are endorsed: those held first, in their order, then the
/// new ones not already there.
pub fn endorsed(licensed: &[String], new: &[LicenceClass]) -> String {
    let mut all: Vec<&str> = licensed.iter().map(String::as_str).collect();
    for class in new {
        if !all.contains(&class.code()) {
            all.push(class.code());
        }
    }
    all.join(" ")
}

/// The licence's last day when a card is issued on `issued`: three years on, or a later expiry the licence
/// already had (a class added never shortens a licence).
pub fn expires(issued: Date, held_until: Option<Date>) -> Option<Date> {
    let new = calendar::add_years(issued, VALID_YEARS)?;
    Some(held_until.map_or(new, |held| held.max(new)))
}

/// The classes as a person reads them (`B, C1`).
pub fn printed(classes: &[LicenceClass]) -> String {
    classes.iter().map(|c| c.code()).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn pass(class: LicenceClass, valid_until: Date) -> Pass {
        Pass { class, valid_until }
    }

    #[test]
    fn only_valid_passes_for_classes_not_held_count() {
        let today = date(2027, 1, 20);
        let passes = [
            pass(LicenceClass::C1, date(2027, 3, 1)),
            pass(LicenceClass::B, today),
            pass(LicenceClass::A2, date(2027, 1, 19)),
            pass(LicenceClass::B, date(2027, 2, 1)),
            pass(LicenceClass::G, date(2027, 4, 1)),
        ];
        assert_eq!(
            classes(&passes, &["G".to_string()], today),
            [LicenceClass::B, LicenceClass::C1],
            "the last valid day counts, the day after does not; held classes and repeats drop out"
        );
        assert!(classes(&passes, &[], date(2027, 4, 2)).is_empty());
    }

    #[test]
    fn new_classes_follow_those_held() {
        assert_eq!(endorsed(&[], &[LicenceClass::B]), "B");
        assert_eq!(
            endorsed(&["B".into(), "D2".into()], &[LicenceClass::A2, LicenceClass::B]),
            "B D2 A2"
        );
    }

    #[test]
    fn a_card_lasts_three_years_or_keeps_a_later_expiry() {
        let issued = date(2027, 1, 20);
        assert_eq!(expires(issued, None), Some(date(2030, 1, 20)));
        assert_eq!(expires(issued, Some(date(2028, 5, 1))), Some(date(2030, 1, 20)));
        assert_eq!(expires(issued, Some(date(2031, 5, 1))), Some(date(2031, 5, 1)));
        assert_eq!(expires(date(2028, 2, 29), None), Some(date(2031, 2, 28)));
    }
}
