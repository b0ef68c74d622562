//! The smart driving licence card's particulars, with no I/O: what the card asks (place of birth, blood group,
//! county, address, collection centre) and how the answers are checked. The renewal's smart option, the first
//! licence and a replacement all ask them.

use serde::{Deserialize, Serialize};

use crate::error::FieldError;

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
            errors.push(FieldError::new(field, &format!("card-error-{field}-missing")));
        } else if value.chars().count() > max {
            errors.push(FieldError::new(field, &format!("card-error-{field}-long")).with_arg("max", max.to_string()));
        }
        value
    };
    let place_of_birth = text(&form.place_of_birth, "place_of_birth", 60, &mut errors);
    let blood_group = match form.blood_group.trim() {
        "" | "unknown" => None,
        group if BLOOD_GROUPS.contains(&group) => Some(group.to_string()),
        _ => {
            errors.push(FieldError::new("blood_group", "card-error-blood_group"));
            None
        }
    };
    let county = COUNTIES
        .iter()
        .find(|c| c.eq_ignore_ascii_case(form.county.trim()))
        .map(|c| c.to_string());
    if county.is_none() {
        errors.push(FieldError::new("county", "card-error-county"));
    }
    let address = text(&form.address, "address", 120, &mut errors);
    let centre = form.centre.trim().to_string();
    if !centres.contains(&centre) {
        errors.push(FieldError::new("centre", "card-error-centre"));
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
        assert_eq!(errors[0].key, "card-error-place_of_birth-missing");
    }

    #[test]
    fn there_are_47_counties() {
        assert_eq!(COUNTIES.len(), 47);
    }
}
