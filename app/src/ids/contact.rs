//! Contact details parse themselves: email addresses and Kenyan mobile numbers, for every feature that meets them.

use super::{Email, PhoneNumber};
use crate::error::FieldError;

fn error(field: &str, key: &str) -> FieldError {
    FieldError::new(field, key)
}

impl Email {
    /// An email address, lower-cased. Deliberately simple (one `@`, a dotted domain, no spaces): the link we send is
    /// the real check.
    pub fn parse(raw: &str) -> Result<Email, FieldError> {
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
        Ok(Email::from_stored(email))
    }
}

/// A Kenyan mobile number in E.164 (`+254712345678`). Accepts `07…`, `01…`, `7…`, `1…`, `254…` and `+254…`, with
/// spaces, dashes or brackets. Mobile ranges: 7xx and 10x/11x (DOMAIN.md).
impl PhoneNumber {
    pub fn parse(raw: &str) -> Result<PhoneNumber, FieldError> {
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
        Ok(PhoneNumber::from_stored(format!("+254{national}")))
    }
}

/// How a phone number is shown back: `0712 345 678`.
pub fn display_phone(e164: &str) -> String {
    match e164.strip_prefix("+254") {
        Some(n) if n.len() == 9 => format!("0{} {} {}", &n[..3], &n[3..6], &n[6..]),
        _ => e164.to_string(),
    }
}

/// `+254712345678` → `0712 *** 678`: enough to recognise, not enough to learn the number.
pub fn mask_phone(e164: &str) -> String {
    display_phone(e164)
        .chars()
        .enumerate()
        .map(|(i, c)| if (5..8).contains(&i) { '*' } else { c })
        .collect()
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
            assert_eq!(PhoneNumber::parse(raw).unwrap().as_str(), "+254712345678", "{raw}");
        }
        assert_eq!(PhoneNumber::parse("0110 123 456").unwrap().as_str(), "+254110123456");
        assert_eq!(display_phone("+254712345678"), "0712 345 678");
        assert_eq!(mask_phone("+254712345678"), "0712 *** 678");
    }

    #[test]
    fn landlines_short_numbers_and_letters_are_not_mobiles() {
        for raw in ["020 222 2222", "0712 345", "07123456789", "07l2345678", "+255712345678"] {
            assert_eq!(
                PhoneNumber::parse(raw).unwrap_err().key,
                "accounts-error-phone-format",
                "{raw}"
            );
        }
        assert_eq!(
            PhoneNumber::parse("  ").unwrap_err().key,
            "accounts-error-phone-missing"
        );
    }

    #[test]
    fn emails_are_lower_cased_and_need_a_dotted_domain() {
        assert_eq!(
            Email::parse(" Wanjiku@Example.CO.KE ").unwrap().as_str(),
            "wanjiku@example.co.ke"
        );
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
                Email::parse(raw).unwrap_err().key,
                "accounts-error-email-format",
                "{raw}"
            );
        }
    }
}
