//! Passwords and one-time codes.

use super::error;
use crate::error::FieldError;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
