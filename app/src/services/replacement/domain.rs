//! The replacement card's rules, with no I/O: why the card is replaced, and the police abstract a lost or stolen
//! one needs.

use serde::{Deserialize, Serialize};

use crate::{cards::domain::SmartDetails, error::FieldError};

/// The catalogue code of the service, and its fee in the fee table: a replacement is a new smart card, at the
/// smart licence's fee (DOMAIN.md lists no other).
pub const CODE: &str = "dl-replacement";
pub const FEE: &str = "smart-dl";

/// What happened to the card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    Lost,
    Stolen,
    Damaged,
}

impl Reason {
    pub const ALL: [Reason; 3] = [Reason::Lost, Reason::Stolen, Reason::Damaged];

    pub fn code(self) -> &'static str {
        match self {
            Reason::Lost => "lost",
            Reason::Stolen => "stolen",
            Reason::Damaged => "damaged",
        }
    }

    pub fn parse(code: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.code() == code.trim())
    }

    /// A lost or stolen card is reported to the police first: the abstract they issue is the proof. A damaged
    /// card is handed in at collection instead.
    pub fn needs_abstract(self) -> bool {
        matches!(self, Reason::Lost | Reason::Stolen)
    }
}

/// The replacement's answers, saved on every step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    /// The ID number of the licence replaced (the applicant's, recorded with the reason).
    pub holder: Option<String>,
    pub reason: Option<Reason>,
    /// The police abstract's number (lost or stolen), upper case.
    pub police_abstract: Option<String>,
    pub smart: Option<SmartDetails>,
}

impl crate::cards::service::WithCard for Answers {
    fn card(&mut self) -> &mut Option<SmartDetails> {
        &mut self.smart
    }
}

/// The reason step as posted (a field left out is empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReasonForm {
    pub reason: String,
    pub police_abstract: String,
}

/// The reason and, when it needs one, the abstract's number; every problem at once. A damaged card's abstract,
/// if typed, is not kept.
pub fn parse_reason(form: &ReasonForm) -> Result<(Reason, Option<String>), Vec<FieldError>> {
    let Some(reason) = Reason::parse(&form.reason) else {
        let mut errors = vec![FieldError::new("reason", "replacement-error-reason")];
        if crate::ids::official_number(&form.police_abstract).is_some_and(|shape| shape.is_err()) {
            errors.push(FieldError::new("police_abstract", "replacement-error-abstract"));
        }
        return Err(errors);
    };
    if !reason.needs_abstract() {
        return Ok((reason, None));
    }
    match crate::ids::official_number(&form.police_abstract) {
        Some(Ok(number)) => Ok((reason, Some(number))),
        None => Err(vec![FieldError::new(
            "police_abstract",
            "replacement-error-abstract-missing",
        )]),
        Some(Err(())) => Err(vec![FieldError::new("police_abstract", "replacement-error-abstract")]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(reason: &str, police_abstract: &str) -> ReasonForm {
        ReasonForm {
            reason: reason.into(),
            police_abstract: police_abstract.into(),
        }
    }

    fn keys(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.key).collect()
    }

    #[test]
    fn a_lost_or_stolen_card_needs_the_abstract_and_a_damaged_one_does_not() {
        assert_eq!(
            parse_reason(&form("lost", " ob 12/03/12/2026 ")),
            Ok((Reason::Lost, Some("OB12/03/12/2026".into())))
        );
        assert_eq!(
            parse_reason(&form("stolen", "")).map_err(keys),
            Err(vec!["replacement-error-abstract-missing".to_string()])
        );
        assert_eq!(
            parse_reason(&form("stolen", "OB#1")).map_err(keys),
            Err(vec!["replacement-error-abstract".to_string()])
        );
        assert_eq!(parse_reason(&form("damaged", "whatever")), Ok((Reason::Damaged, None)));
    }

    #[test]
    fn no_reason_is_said_so_with_a_malformed_abstract_too() {
        assert_eq!(
            parse_reason(&form("", "")).map_err(keys),
            Err(vec!["replacement-error-reason".to_string()])
        );
        assert_eq!(
            parse_reason(&form("burnt", "#")).map_err(keys),
            Err(vec![
                "replacement-error-reason".to_string(),
                "replacement-error-abstract".to_string()
            ])
        );
    }
}
