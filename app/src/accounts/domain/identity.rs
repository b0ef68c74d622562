//! Identity documents: national ID, other documents' numbers, names, year of birth, KRA PIN.

use super::error;
use crate::error::FieldError;

/// Upper-case, without spaces or dashes: how people type document numbers from a card.
fn compact(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_uppercase()
}

/// Which identity document an account's number comes from. An identity is unique per document type, so one
/// person's number under one type never blocks another's under another (issue 9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentType {
    NationalId,
    ForeignerCertificate,
    DiplomaticId,
    Passport,
}

impl DocumentType {
    pub fn code(self) -> &'static str {
        match self {
            DocumentType::NationalId => "national_id",
            DocumentType::ForeignerCertificate => "foreigner_certificate",
            DocumentType::DiplomaticId => "diplomatic_id",
            DocumentType::Passport => "passport",
        }
    }
}

/// Shaped like a Kenyan national ID number (digits only, at most 14): under another document type it is refused
/// unless that type's own register holds it, so nobody can take a citizen's number as a "passport" (issue 9).
pub fn looks_like_national_id(number: &str) -> bool {
    crate::ids::NationalId::parse(number).is_some()
}

/// A Kenyan national ID number: digits only, 1 to 14 of them (8 today, 14 for Maisha Namba).
pub fn parse_national_id(raw: &str, field: &str) -> Result<String, FieldError> {
    let id = compact(raw);
    if id.is_empty() {
        return Err(error(field, "accounts-error-id-missing"));
    }
    crate::ids::NationalId::parse(&id)
        .map(|id| id.as_str().to_string())
        .ok_or_else(|| error(field, "accounts-error-id-format"))
}

/// Another identity document's number (foreigner certificate, diplomatic ID, passport): 5 to 20 letters and digits.
pub fn parse_document_number(raw: &str, field: &str) -> Result<String, FieldError> {
    let number = compact(raw);
    if number.is_empty() {
        return Err(error(field, "accounts-error-document-missing"));
    }
    if !(5..=20).contains(&number.len()) || !number.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(error(field, "accounts-error-document-format"));
    }
    Ok(number)
}

/// The field's own message: `accounts-error-first-name-missing` for `first_name`, so each error names its field.
fn field_error(field: &str, problem: &str) -> FieldError {
    error(field, &format!("accounts-error-{}-{problem}", field.replace('_', "-")))
}

/// A name as written on a document: letters (any script), spaces, hyphens and apostrophes, up to 50 characters.
pub fn parse_name(raw: &str, field: &str) -> Result<String, FieldError> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(field_error(field, "missing"));
    }
    let allowed = |c: char| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'' || c == '.';
    if name.chars().count() > 50 || !name.chars().all(allowed) {
        return Err(field_error(field, "format"));
    }
    Ok(name)
}

/// Free text such as a nationality, a diplomatic mission or a role: 2 to 80 characters.
pub fn parse_text(raw: &str, field: &str) -> Result<String, FieldError> {
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err(field_error(field, "missing"));
    }
    if !(2..=80).contains(&text.chars().count()) || text.chars().any(char::is_control) {
        return Err(field_error(field, "format"));
    }
    Ok(text)
}

/// A year of birth: four digits, and the person at least 16 (`this_year` comes from the server's clock).
pub fn parse_year_of_birth(raw: &str, this_year: i64) -> Result<i64, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(error("year_of_birth", "accounts-error-year-missing"));
    }
    match raw.parse::<i64>() {
        Ok(year) if raw.len() == 4 && year >= 1900 && year <= this_year - 16 => Ok(year),
        _ => Err(error("year_of_birth", "accounts-error-year-format")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_ids_are_digits_and_kra_pins_are_organisation_pins() {
        assert_eq!(parse_national_id("28 123 456", "id_number").unwrap(), "28123456");
        assert!(parse_national_id("2812345A", "id_number").is_err());
        assert!(parse_national_id("123456789012345", "id_number").is_err());
        assert_eq!(
            crate::ids::KraPin::parse("p051-234 567k").unwrap().as_str(),
            "P051234567K"
        );
        assert_eq!(
            crate::ids::KraPin::parse("A051234567K").unwrap_err().key,
            "accounts-error-pin-format"
        );
        assert!(crate::ids::KraPin::parse("P05123456K").is_err());
    }

    #[test]
    fn document_numbers_and_names_are_tidied() {
        assert_eq!(parse_document_number("ak 123-456", "id_number").unwrap(), "AK123456");
        assert!(parse_document_number("A1", "id_number").is_err());
        assert_eq!(parse_name("  Mary   Wanjiku ", "first_name").unwrap(), "Mary Wanjiku");
        assert_eq!(parse_name("O'Brien-Ngugi", "first_name").unwrap(), "O'Brien-Ngugi");
        assert_eq!(
            parse_name("R2D2", "first_name").unwrap_err().key,
            "accounts-error-first-name-format"
        );
    }

    #[test]
    fn years_of_birth_are_four_digits_and_at_least_sixteen_years_ago() {
        assert_eq!(parse_year_of_birth("1990", 2026).unwrap(), 1990);
        assert!(parse_year_of_birth("2011", 2026).is_err());
        assert!(parse_year_of_birth("90", 2026).is_err());
        assert!(parse_year_of_birth("1899", 2026).is_err());
    }
}
