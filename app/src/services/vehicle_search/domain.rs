//! The vehicle search's answers and what its record says, with no I/O.

use serde::{Deserialize, Serialize};

use crate::{
    documents::domain::{mask_name, Fact},
    ids::PlateNumber,
};

/// The catalogue code of the service, and its fee's.
pub const CODE: &str = "vehicle-search";
pub const FEE: &str = "vehicle-search";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub plate: Option<PlateNumber>,
}

/// A caveat on the register: someone else's interest in the vehicle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caveat {
    /// `financier`, `police` or `court`.
    pub kind: String,
    pub party: String,
    /// ISO date.
    pub noted_on: String,
}

/// The register's record of a vehicle, as a search shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub plate: PlateNumber,
    pub make: String,
    pub model: String,
    pub year: i64,
    /// Not recorded for vehicles registered before Uraia.
    pub colour: Option<String>,
    /// A person's or an organisation's name, in full: `facts` masks it.
    pub owner: String,
    /// ISO date; `None`: private vehicles have no periodic inspection.
    pub inspection_due_on: Option<String>,
    pub caveats: Vec<Caveat>,
}

impl Record {
    /// The document's lines. The owner's name is masked: a search tells a buyer whom to expect, not who it is.
    pub fn facts(&self) -> Vec<Fact> {
        let mut facts = vec![
            Fact::text("registration-fact-plate", self.plate.to_string()),
            Fact::text("registration-field-make", &self.make),
            Fact::text("registration-field-model", &self.model),
            Fact::text("registration-field-year", self.year.to_string()),
            match &self.colour {
                Some(colour) => Fact::message("registration-field-colour", format!("registration-colour-{colour}")),
                None => Fact::message("registration-field-colour", "search-not-recorded"),
            },
            Fact::text("search-fact-owner", mask_name(&self.owner)),
            match &self.inspection_due_on {
                Some(due) => Fact::date("search-fact-inspection", due),
                None => Fact::message("search-fact-inspection", "search-inspection-none"),
            },
        ];
        if self.caveats.is_empty() {
            facts.push(Fact::message("search-fact-caveats", "search-caveats-none"));
        }
        for caveat in &self.caveats {
            facts.push(Fact::text(&format!("search-caveat-{}", caveat.kind), &caveat.party));
            facts.push(Fact::date("search-fact-caveat-since", &caveat.noted_on));
        }
        facts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::domain::FactValue;

    #[test]
    fn the_owner_is_masked_and_caveats_listed() {
        let record = Record {
            plate: PlateNumber::parse("kad040z").unwrap(),
            make: "Volkswagen".into(),
            model: "Golf".into(),
            year: 2013,
            colour: None,
            owner: "Wanjiku Njeri Kamau".into(),
            inspection_due_on: None,
            caveats: vec![Caveat {
                kind: "financier".into(),
                party: "Equity Bank Kenya Ltd".into(),
                noted_on: "2023-04-12".into(),
            }],
        };
        let facts = record.facts();
        let owner = facts.iter().find(|f| f.label == "search-fact-owner").unwrap();
        assert_eq!(owner.value, FactValue::Text("W****** N**** K****".into()));
        assert_eq!(facts[0].value, FactValue::Text("KAD 040Z".into()));
        assert!(facts.iter().any(|f| f.label == "search-caveat-financier"));
        assert!(!facts.iter().any(|f| f.label == "search-fact-caveats"));
    }
}
