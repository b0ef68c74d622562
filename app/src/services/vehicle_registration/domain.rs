//! Vehicle registration's rules, with no I/O: the questions and their checks, the fee band an engine falls in,
//! and the plates of a series in the order NTSA issues them.

use serde::{Deserialize, Serialize};

use super::vin;
use crate::error::FieldError;

/// The catalogue code of the service.
pub const CODE: &str = "registration";

/// Body types as the logbook names them.
pub const BODY_TYPES: [&str; 12] = [
    "saloon",
    "station-wagon",
    "hatchback",
    "suv",
    "pick-up",
    "double-cabin",
    "van",
    "minibus",
    "bus",
    "lorry",
    "motorcycle",
    "tractor",
];

/// Colours as the logbook names them.
pub const COLOURS: [&str; 14] = [
    "white", "silver", "grey", "black", "blue", "red", "maroon", "green", "beige", "brown", "yellow", "orange", "gold",
    "multi",
];

/// The fee for an engine's size: every band with a published fee (DOMAIN.md: up to 1,000 cc, 1,001 to 1,200 cc,
/// over 3,000 cc). NTSA publishes no figure for 1,201 to 3,000 cc, so such a vehicle is registered at an NTSA
/// office rather than charged an invented fee (README).
pub fn fee_code(engine_cc: i64) -> Option<&'static str> {
    match engine_cc {
        ..=1000 => Some("registration-under-1000cc"),
        1001..=1200 => Some("registration-1001-1200cc"),
        3001.. => Some("registration-over-3000cc"),
        _ => None,
    }
}

/// The vehicle itself (step 1).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vehicle {
    pub make: String,
    pub model: String,
    pub year: i64,
    pub body_type: String,
    pub colour: String,
}

/// What identifies it (step 2).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub chassis_number: String,
    pub engine_number: String,
    pub engine_cc: i64,
    pub customs_entry: String,
}

/// Who it is registered to (step 3): the person, or an organisation they act for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "kra_pin")]
pub enum Owner {
    Myself,
    Organisation(String),
}

/// The registration's answers, saved on every step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub vehicle: Option<Vehicle>,
    pub identity: Option<Identity>,
    pub owner: Option<Owner>,
}

/// Step 1 as posted (a field left out is empty).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct VehicleForm {
    pub make: String,
    pub model: String,
    pub year: String,
    pub body_type: String,
    pub colour: String,
}

/// Step 2 as posted (a field left out is empty).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct IdentityForm {
    pub chassis_number: String,
    pub engine_number: String,
    pub engine_cc: String,
    pub customs_entry: String,
}

/// Collapses runs of spaces; empty or too long is the field's error.
fn text(value: &str, field: &str, max: usize, errors: &mut Vec<FieldError>) -> String {
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.is_empty() {
        errors.push(FieldError::new(field, &format!("registration-error-{field}-missing")));
    } else if value.chars().count() > max {
        errors
            .push(FieldError::new(field, &format!("registration-error-{field}-long")).with_arg("max", max.to_string()));
    }
    value
}

/// A whole number typed with or without thousands separators (`1,496`).
fn number(value: &str) -> Option<i64> {
    let digits: String = value.chars().filter(|c| !matches!(c, ',' | ' ' | '_')).collect();
    digits.parse().ok()
}

/// The oldest year of manufacture accepted: older vehicles are registered at an office, with an inspection.
pub const OLDEST_YEAR: i64 = 1950;

/// Checks step 1; `this_year` bounds the year of manufacture (next year's models are sold from mid-year).
pub fn parse_vehicle(form: &VehicleForm, this_year: i64) -> Result<Vehicle, Vec<FieldError>> {
    let mut errors = Vec::new();
    let make = text(&form.make, "make", 40, &mut errors);
    let model = text(&form.model, "model", 40, &mut errors);
    let year = match number(&form.year) {
        _ if form.year.trim().is_empty() => {
            errors.push(FieldError::new("year", "registration-error-year-missing"));
            0
        }
        Some(year) if (OLDEST_YEAR..=this_year + 1).contains(&year) => year,
        _ => {
            errors.push(
                FieldError::new("year", "registration-error-year")
                    .with_arg("oldest", OLDEST_YEAR.to_string())
                    .with_arg("newest", (this_year + 1).to_string()),
            );
            0
        }
    };
    let body_type = form.body_type.trim().to_string();
    if !BODY_TYPES.contains(&body_type.as_str()) {
        errors.push(FieldError::new("body_type", "registration-error-body_type"));
    }
    let colour = form.colour.trim().to_string();
    if !COLOURS.contains(&colour.as_str()) {
        errors.push(FieldError::new("colour", "registration-error-colour"));
    }
    if errors.is_empty() {
        Ok(Vehicle {
            make,
            model,
            year,
            body_type,
            colour,
        })
    } else {
        Err(errors)
    }
}

/// Customs stations whose entries clear vehicles: the port of Mombasa, JKIA, the inland container depots and
/// the border posts.
pub const CUSTOMS_STATIONS: [&str; 9] = ["MSA", "JKA", "ICD", "NKU", "KSM", "MLB", "BSA", "NMG", "TVT"];

/// A customs entry number as KRA's system prints it: the year (2 digits), the station, `IM4` (entered for home
/// use) and a serial of 6 to 8 digits, e.g. `24MSAIM4012345`. Any case, spaces or dashes between the parts.
pub fn parse_customs_entry(text: &str) -> Option<String> {
    let entry: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '/')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let bytes = entry.as_bytes();
    // 14 to 16 characters: 2 + 3 + 3 + 6..=8 (ASCII first, so the slices below fall on characters).
    let ok = entry.is_ascii()
        && (14..=16).contains(&bytes.len())
        && bytes[..2].iter().all(u8::is_ascii_digit)
        && CUSTOMS_STATIONS.iter().any(|s| entry[2..5] == **s)
        && &entry[5..8] == "IM4"
        && bytes[8..].iter().all(u8::is_ascii_digit);
    ok.then_some(entry)
}

/// An engine number: letters, digits and dashes, as stamped on the block.
fn parse_engine_number(text: &str) -> Option<String> {
    let value: String = text.split_whitespace().collect::<String>().to_ascii_uppercase();
    ((5..=20).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')).then_some(value)
}

/// The engine sizes accepted: a moped's 49 cc to a prime mover's 20 litres.
pub const ENGINE_CC: std::ops::RangeInclusive<i64> = 49..=20_000;

/// Checks step 2, every problem at once. The fee band is checked here, so the person learns before paying that
/// an engine of 1,201 to 3,000 cc is registered at an office.
pub fn parse_identity(form: &IdentityForm) -> Result<Identity, Vec<FieldError>> {
    let mut errors = Vec::new();
    let chassis_number = vin::parse(&form.chassis_number).unwrap_or_else(|error| {
        errors.push(FieldError::new("chassis_number", error.key()));
        String::new()
    });
    let engine_number = if form.engine_number.trim().is_empty() {
        errors.push(FieldError::new(
            "engine_number",
            "registration-error-engine_number-missing",
        ));
        String::new()
    } else {
        parse_engine_number(&form.engine_number).unwrap_or_else(|| {
            errors.push(FieldError::new("engine_number", "registration-error-engine_number"));
            String::new()
        })
    };
    let engine_cc = match number(&form.engine_cc) {
        _ if form.engine_cc.trim().is_empty() => {
            errors.push(FieldError::new("engine_cc", "registration-error-engine_cc-missing"));
            0
        }
        Some(cc) if ENGINE_CC.contains(&cc) && fee_code(cc).is_some() => cc,
        Some(cc) if ENGINE_CC.contains(&cc) => {
            errors.push(FieldError::new("engine_cc", "registration-error-engine_cc-unpublished"));
            0
        }
        _ => {
            errors.push(FieldError::new("engine_cc", "registration-error-engine_cc"));
            0
        }
    };
    let customs_entry = if form.customs_entry.trim().is_empty() {
        errors.push(FieldError::new(
            "customs_entry",
            "registration-error-customs_entry-missing",
        ));
        String::new()
    } else {
        parse_customs_entry(&form.customs_entry).unwrap_or_else(|| {
            errors.push(FieldError::new("customs_entry", "registration-error-customs_entry"));
            String::new()
        })
    };
    if errors.is_empty() {
        Ok(Identity {
            chassis_number,
            engine_number,
            engine_cc,
            customs_entry,
        })
    } else {
        Err(errors)
    }
}

/// Letters of a plate's series and suffix: I and O are never used.
const LETTERS: &[u8; 24] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
/// Plates of one prefix: 001 to 999 under each of the 24 suffix letters.
const PER_PREFIX: i64 = 999 * 24;

/// The `n`th plate (from 0) of a series that starts at `first` (`KDZ`, or `KMGZ` for motorcycles): `KDZ 001A` …
/// `KDZ 999A`, `KDZ 001B` … `KDZ 999Z`, then `KEA 001A`. `None` past the last prefix, or for a prefix that is not
/// K and letters.
pub fn plate_at(first: &str, n: i64) -> Option<String> {
    if n < 0 || !first.starts_with('K') {
        return None;
    }
    let mut prefix: Vec<u8> = first.bytes().collect();
    // The prefix's letters after K are a number in base 24; add the prefixes used up.
    let mut carry = n / PER_PREFIX;
    for letter in prefix.iter_mut().skip(1).rev() {
        let digit = LETTERS.iter().position(|l| l == letter)? as i64 + carry;
        *letter = LETTERS[(digit % 24) as usize];
        carry = digit / 24;
    }
    if carry > 0 {
        return None;
    }
    let within = n % PER_PREFIX;
    let suffix = LETTERS[(within / 999) as usize] as char;
    Some(format!(
        "{} {:03}{suffix}",
        String::from_utf8(prefix).ok()?,
        within % 999 + 1
    ))
}

/// Which series a vehicle's plate comes from.
pub fn series(body_type: &str) -> &'static str {
    if body_type == "motorcycle" {
        "motorcycle"
    } else {
        "vehicle"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plates_follow_the_series() {
        assert_eq!(plate_at("KDZ", 0).as_deref(), Some("KDZ 001A"));
        assert_eq!(plate_at("KDZ", 998).as_deref(), Some("KDZ 999A"));
        assert_eq!(plate_at("KDZ", 999).as_deref(), Some("KDZ 001B"));
        assert_eq!(plate_at("KDZ", 999 * 8).as_deref(), Some("KDZ 001J"), "no I");
        assert_eq!(plate_at("KDZ", PER_PREFIX - 1).as_deref(), Some("KDZ 999Z"));
        assert_eq!(plate_at("KDZ", PER_PREFIX).as_deref(), Some("KEA 001A"));
        assert_eq!(plate_at("KDH", PER_PREFIX).as_deref(), Some("KDJ 001A"));
        assert_eq!(plate_at("KMGZ", PER_PREFIX).as_deref(), Some("KMHA 001A"));
        assert_eq!(plate_at("KZZ", PER_PREFIX), None, "the series is used up");
        assert_eq!(plate_at("GK", 0), None);
        for n in [0, 5000, PER_PREFIX * 3 + 17] {
            let plate = plate_at("KDZ", n).unwrap();
            assert!(crate::ids::PlateNumber::parse(&plate).is_some(), "{plate}");
        }
    }

    #[test]
    fn fee_bands_are_the_published_ones() {
        assert_eq!(fee_code(999), Some("registration-under-1000cc"));
        assert_eq!(fee_code(1000), Some("registration-under-1000cc"));
        assert_eq!(fee_code(1001), Some("registration-1001-1200cc"));
        assert_eq!(fee_code(1200), Some("registration-1001-1200cc"));
        assert_eq!(fee_code(1201), None);
        assert_eq!(fee_code(3000), None);
        assert_eq!(fee_code(3001), Some("registration-over-3000cc"));
    }

    #[test]
    fn customs_entries_have_their_shape() {
        assert_eq!(
            parse_customs_entry("24msa im4 012345").as_deref(),
            Some("24MSAIM4012345")
        );
        assert_eq!(
            parse_customs_entry("25-JKA-IM4-01234567").as_deref(),
            Some("25JKAIM401234567")
        );
        assert_eq!(parse_customs_entry("24XYZIM4012345"), None, "unknown station");
        assert_eq!(parse_customs_entry("24MSAEX1012345"), None, "an export entry");
        assert_eq!(parse_customs_entry("24MSAIM412345"), None, "serial too short");
        assert_eq!(parse_customs_entry("24MSAIM40123456789"), None, "serial too long");
        assert_eq!(parse_customs_entry("2éMSAIM4012345"), None);
    }

    #[test]
    fn step_two_reports_every_problem() {
        let errors = parse_identity(&IdentityForm {
            chassis_number: "1HGCM82633A004353".into(),
            engine_number: "#".into(),
            engine_cc: "1,496".into(),
            customs_entry: "nope".into(),
        })
        .unwrap_err();
        let keys: Vec<_> = errors.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "registration-error-vin-check",
                "registration-error-engine_number",
                "registration-error-engine_cc-unpublished",
                "registration-error-customs_entry"
            ]
        );
        let identity = parse_identity(&IdentityForm {
            chassis_number: "1hgcm82633a004352".into(),
            engine_number: " k24a 1234567 ".into(),
            engine_cc: "3,456".into(),
            customs_entry: "24MSAIM4012345".into(),
        })
        .unwrap();
        assert_eq!(identity.engine_number, "K24A1234567");
        assert_eq!(identity.engine_cc, 3456);
    }

    #[test]
    fn step_one_checks_the_year_and_the_lists() {
        let form = VehicleForm {
            make: " Toyota ".into(),
            model: "Land  Cruiser".into(),
            year: "2027".into(),
            body_type: "suv".into(),
            colour: "white".into(),
        };
        let vehicle = parse_vehicle(&form, 2026).unwrap();
        assert_eq!(
            (vehicle.make.as_str(), vehicle.model.as_str()),
            ("Toyota", "Land Cruiser")
        );
        let errors = parse_vehicle(
            &VehicleForm {
                year: "2028".into(),
                body_type: "spaceship".into(),
                ..VehicleForm::default()
            },
            2026,
        )
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["make", "model", "year", "body_type", "colour"]);
    }
}
