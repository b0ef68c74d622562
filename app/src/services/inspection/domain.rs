//! Inspection booking's rules, with no I/O: the inspection types and the booking's answers (the slots, window,
//! hold and 24-hour rule are every appointment's: `appointments::domain`).

use serde::{Deserialize, Serialize};

use crate::ids::PlateNumber;

/// The catalogue code of the service, and its fee's.
pub const CODE: &str = "inspection";
pub const FEE: &str = "inspection";

/// What the inspection is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Type {
    /// The yearly inspection of a PSV or commercial vehicle: only for vehicles the register has a due date for.
    Annual,
    /// After a change of body, colour, engine or use.
    Particulars,
    /// After a failed inspection.
    Reinspection,
}

impl Type {
    pub const ALL: [Type; 3] = [Type::Annual, Type::Particulars, Type::Reinspection];

    pub fn code(self) -> &'static str {
        match self {
            Type::Annual => "annual",
            Type::Particulars => "particulars",
            Type::Reinspection => "reinspection",
        }
    }

    pub fn parse(code: &str) -> Option<Type> {
        Type::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// The booking's answers, saved on every step (the place itself is held in the database).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub plate: Option<PlateNumber>,
    #[serde(rename = "type")]
    pub kind: Option<Type>,
    pub centre: Option<String>,
    /// ISO date and start time of the held place.
    pub day: Option<String>,
    pub slot: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_round_trip() {
        for kind in Type::ALL {
            assert_eq!(Type::parse(kind.code()), Some(kind));
        }
        assert_eq!(Type::parse("psv"), None);
    }
}
