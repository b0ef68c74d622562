//! What an account's answers must look like. No I/O: these parse on the server (the check that counts) and are
//! small enough for the browser. Each error is a translation key naming the field and what to do.
//!
//! Formats are from ../shared/DOMAIN.md: national ID digits (up to 14 for Maisha Namba), KRA PIN
//! `[AP]` + 9 digits + letter, Kenyan mobiles stored as E.164.

use serde::{Deserialize, Serialize};

use crate::error::FieldError;

/// Who the account is for (product document, step 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccountType {
    Citizen,
    Resident,
    Diplomat,
    Visitor,
    Business,
}

impl AccountType {
    pub const ALL: [AccountType; 5] = [
        AccountType::Citizen,
        AccountType::Resident,
        AccountType::Diplomat,
        AccountType::Visitor,
        AccountType::Business,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AccountType::Citizen => "citizen",
            AccountType::Resident => "resident",
            AccountType::Diplomat => "diplomat",
            AccountType::Visitor => "visitor",
            AccountType::Business => "business",
        }
    }

    pub fn parse(code: &str) -> Option<AccountType> {
        AccountType::ALL.into_iter().find(|t| t.code() == code)
    }
}

fn error(field: &str, key: &str) -> FieldError {
    FieldError::new(field, key)
}

/// Upper-case, without spaces or dashes: how people type document numbers from a card.
fn compact(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_uppercase()
}

/// A Kenyan national ID number: digits only, 1 to 14 of them (8 today, 14 for Maisha Namba).
pub fn parse_national_id(raw: &str, field: &str) -> Result<String, FieldError> {
    let id = compact(raw);
    if id.is_empty() {
        return Err(error(field, "accounts-error-id-missing"));
    }
    if id.len() > 14 || !id.chars().all(|c| c.is_ascii_digit()) {
        return Err(error(field, "accounts-error-id-format"));
    }
    Ok(id)
}

/// Another identity document's number (alien certificate, diplomatic ID, passport): 5 to 20 letters and digits.
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

/// A name as written on a document: letters (any script), spaces, hyphens and apostrophes, up to 50 characters.
pub fn parse_name(raw: &str, field: &str, missing_key: &str) -> Result<String, FieldError> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(error(field, missing_key));
    }
    let allowed = |c: char| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'' || c == '.';
    if name.chars().count() > 50 || !name.chars().all(allowed) {
        return Err(error(field, "accounts-error-name-format"));
    }
    Ok(name)
}

/// Free text such as a nationality, a diplomatic mission or a role: 2 to 80 characters.
pub fn parse_text(raw: &str, field: &str, missing_key: &str) -> Result<String, FieldError> {
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err(error(field, missing_key));
    }
    if !(2..=80).contains(&text.chars().count()) || text.chars().any(char::is_control) {
        return Err(error(field, "accounts-error-text-format"));
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

/// An organisation's KRA PIN: `P` + 9 digits + a letter (`A…` PINs belong to individuals, not organisations).
pub fn parse_kra_pin(raw: &str) -> Result<String, FieldError> {
    let pin = compact(raw);
    if pin.is_empty() {
        return Err(error("kra_pin", "accounts-error-pin-missing"));
    }
    let bytes = pin.as_bytes();
    let well_formed = bytes.len() == 11
        && bytes[0] == b'P'
        && bytes[1..10].iter().all(u8::is_ascii_digit)
        && bytes[10].is_ascii_uppercase();
    if !well_formed {
        return Err(error("kra_pin", "accounts-error-pin-format"));
    }
    Ok(pin)
}

/// An email address, lower-cased. Deliberately simple (one `@`, a dotted domain, no spaces): the link we send is
/// the real check.
pub fn parse_email(raw: &str) -> Result<String, FieldError> {
    let email = raw.trim().to_lowercase();
    if email.is_empty() {
        return Err(error("email", "accounts-error-email-missing"));
    }
    let valid = email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && local.len() <= 64
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains("..")
        });
    if !valid {
        return Err(error("email", "accounts-error-email-format"));
    }
    Ok(email)
}

/// A Kenyan mobile number in E.164 (`+254712345678`). Accepts `07…`, `01…`, `7…`, `1…`, `254…` and `+254…`, with
/// spaces, dashes or brackets. Mobile ranges: 7xx and 10x/11x (DOMAIN.md).
pub fn parse_phone(raw: &str) -> Result<String, FieldError> {
    let digits: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '(' | ')'))
        .collect();
    if digits.is_empty() {
        return Err(error("phone", "accounts-error-phone-missing"));
    }
    let digits = digits.strip_prefix('+').unwrap_or(&digits);
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(error("phone", "accounts-error-phone-format"));
    }
    let national = if let Some(rest) = digits.strip_prefix("254") {
        rest
    } else if let Some(rest) = digits.strip_prefix('0') {
        rest
    } else {
        digits
    };
    let mobile = national.len() == 9 && (national.starts_with('7') || national.starts_with('1'));
    if !mobile {
        return Err(error("phone", "accounts-error-phone-format"));
    }
    Ok(format!("+254{national}"))
}

/// How a phone number is shown back: `0712 345 678`.
pub fn display_phone(e164: &str) -> String {
    match e164.strip_prefix("+254") {
        Some(n) if n.len() == 9 => format!("0{} {} {}", &n[..3], &n[3..6], &n[6..]),
        _ => e164.to_string(),
    }
}

/// The product's password rule (at least 8 characters with letters, numbers and symbols) plus NIST SP 800-63B's:
/// long passphrases welcome (up to 128), nothing built from the person's own ID number or email name.
/// The common-password list is checked on the server, where the list lives.
pub fn check_password(password: &str, id_number: &str, email: &str) -> Result<(), FieldError> {
    let field = "password";
    if password.is_empty() {
        return Err(error(field, "accounts-error-password-missing"));
    }
    let length = password.chars().count();
    if length < 8 {
        return Err(error(field, "accounts-error-password-short"));
    }
    if length > 128 {
        return Err(error(field, "accounts-error-password-long"));
    }
    let has_letter = password.chars().any(char::is_alphabetic);
    let has_digit = password.chars().any(|c| c.is_ascii_digit());
    let has_symbol = password.chars().any(|c| !c.is_alphanumeric() && !c.is_whitespace());
    if !(has_letter && has_digit && has_symbol) {
        return Err(error(field, "accounts-error-password-mix"));
    }
    let lower = password.to_lowercase();
    let email_name = email.split('@').next().unwrap_or_default();
    let personal = [id_number, email_name]
        .into_iter()
        .filter(|part| part.chars().count() >= 3)
        .any(|part| lower.contains(&part.to_lowercase()));
    if personal {
        return Err(error(field, "accounts-error-password-personal"));
    }
    Ok(())
}

/// A rough strength for the hint shown while typing: 0 (weak) to 3 (strong). Advice only; the rules above decide.
pub fn password_strength(password: &str) -> u8 {
    let length = password.chars().count();
    let classes = [
        password.chars().any(char::is_lowercase),
        password.chars().any(char::is_uppercase),
        password.chars().any(|c| c.is_ascii_digit()),
        password.chars().any(|c| !c.is_alphanumeric()),
    ]
    .into_iter()
    .filter(|present| *present)
    .count();
    match (length, classes) {
        (0..=7, _) => 0,
        (_, 0..=2) if length < 12 => 1,
        (8..=11, _) => 2,
        (12..=15, 0..=2) => 2,
        _ => 3,
    }
}

/// A six-digit code as typed (spaces allowed: people copy "123 456").
pub fn parse_code(raw: &str) -> Result<String, FieldError> {
    let code: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if code.is_empty() {
        return Err(error("code", "accounts-error-code-missing"));
    }
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return Err(error("code", "accounts-error-code-format"));
    }
    Ok(code)
}

/// How a one-time code travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Sms,
    Email,
}

impl Channel {
    pub fn code(self) -> &'static str {
        match self {
            Channel::Sms => "sms",
            Channel::Email => "email",
        }
    }

    pub fn parse(code: &str) -> Option<Channel> {
        [Channel::Sms, Channel::Email].into_iter().find(|c| c.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_stored_in_e164() {
        for raw in [
            "0712 345 678",
            "712345678",
            "+254 712-345-678",
            "254712345678",
            "(0712) 345678",
        ] {
            assert_eq!(parse_phone(raw).unwrap(), "+254712345678", "{raw}");
        }
        assert_eq!(parse_phone("0110 123 456").unwrap(), "+254110123456");
        assert_eq!(display_phone("+254712345678"), "0712 345 678");
    }

    #[test]
    fn landlines_short_numbers_and_letters_are_not_mobiles() {
        for raw in ["020 222 2222", "0712 345", "07123456789", "07l2345678", "+255712345678"] {
            assert_eq!(
                parse_phone(raw).unwrap_err().key,
                "accounts-error-phone-format",
                "{raw}"
            );
        }
        assert_eq!(parse_phone("  ").unwrap_err().key, "accounts-error-phone-missing");
    }

    #[test]
    fn emails_are_lower_cased_and_need_a_dotted_domain() {
        assert_eq!(parse_email(" Wanjiku@Example.CO.KE ").unwrap(), "wanjiku@example.co.ke");
        for raw in [
            "wanjiku",
            "wanjiku@",
            "@example.com",
            "a@b",
            "a b@example.com",
            "a@@example.com",
            "a@.com",
        ] {
            assert_eq!(
                parse_email(raw).unwrap_err().key,
                "accounts-error-email-format",
                "{raw}"
            );
        }
    }

    #[test]
    fn national_ids_are_digits_and_kra_pins_are_organisation_pins() {
        assert_eq!(parse_national_id("28 123 456", "id_number").unwrap(), "28123456");
        assert!(parse_national_id("2812345A", "id_number").is_err());
        assert!(parse_national_id("123456789012345", "id_number").is_err());
        assert_eq!(parse_kra_pin("p051-234 567k").unwrap(), "P051234567K");
        assert_eq!(
            parse_kra_pin("A051234567K").unwrap_err().key,
            "accounts-error-pin-format"
        );
        assert!(parse_kra_pin("P05123456K").is_err());
    }

    #[test]
    fn document_numbers_and_names_are_tidied() {
        assert_eq!(parse_document_number("ak 123-456", "id_number").unwrap(), "AK123456");
        assert!(parse_document_number("A1", "id_number").is_err());
        assert_eq!(
            parse_name("  Mary   Wanjiku ", "first_name", "k").unwrap(),
            "Mary Wanjiku"
        );
        assert_eq!(parse_name("O'Brien-Ngugi", "first_name", "k").unwrap(), "O'Brien-Ngugi");
        assert_eq!(
            parse_name("R2D2", "first_name", "k").unwrap_err().key,
            "accounts-error-name-format"
        );
    }

    #[test]
    fn years_of_birth_are_four_digits_and_at_least_sixteen_years_ago() {
        assert_eq!(parse_year_of_birth("1990", 2026).unwrap(), 1990);
        assert!(parse_year_of_birth("2011", 2026).is_err());
        assert!(parse_year_of_birth("90", 2026).is_err());
        assert!(parse_year_of_birth("1899", 2026).is_err());
    }

    #[test]
    fn passwords_follow_the_product_rule_and_accept_long_passphrases() {
        assert!(check_password("Nairobi#2026", "28123456", "wanjiku@example.com").is_ok());
        let long = format!("{}1!", "safari njema ".repeat(9));
        assert!(long.chars().count() >= 64 && check_password(&long, "1", "x@y.ke").is_ok());
        let key = |p: &str| check_password(p, "28123456", "wanjiku@example.com").unwrap_err().key;
        assert_eq!(key(""), "accounts-error-password-missing");
        assert_eq!(key("Ab1!"), "accounts-error-password-short");
        assert_eq!(key("abcdefgh1"), "accounts-error-password-mix");
        assert_eq!(key("abcdefgh!"), "accounts-error-password-mix");
        assert_eq!(key("x#28123456"), "accounts-error-password-personal");
        assert_eq!(key("Wanjiku#2026"), "accounts-error-password-personal");
        assert_eq!(key(&"a1!".repeat(43)), "accounts-error-password-long");
    }

    #[test]
    fn strength_grows_with_length_and_variety() {
        assert_eq!(password_strength("abc"), 0);
        assert_eq!(password_strength("abcdefgh"), 1);
        assert_eq!(password_strength("Nairobi#2026"), 3);
        assert!(password_strength("Nairobi#20") >= 2);
    }

    #[test]
    fn codes_are_six_digits() {
        assert_eq!(parse_code("123 456").unwrap(), "123456");
        assert_eq!(parse_code("12345").unwrap_err().key, "accounts-error-code-format");
        assert_eq!(parse_code("").unwrap_err().key, "accounts-error-code-missing");
    }

    #[test]
    fn account_types_and_channels_round_trip() {
        for t in AccountType::ALL {
            assert_eq!(AccountType::parse(t.code()), Some(t));
        }
        assert_eq!(Channel::parse("email"), Some(Channel::Email));
        assert_eq!(Channel::parse("fax"), None);
    }
}
