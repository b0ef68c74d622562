//! The USSD PIN: four digits, set on the website, asked before the personal steps of the USSD menu.

use crate::error::FieldError;

/// A PIN as typed, checked: four digits, not one a thief tries first.
#[derive(Clone, PartialEq, Eq)]
pub struct Pin(String);

impl std::fmt::Debug for Pin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pin(****)")
    }
}

impl Pin {
    pub const DIGITS: usize = 4;

    /// A new PIN (`field` names the form field for the message): exactly four digits, not all the same, not
    /// four in a row up or down (0000, 1234 and 9876 are the first a thief tries).
    pub fn parse_new(raw: &str, field: &str) -> Result<Pin, FieldError> {
        let pin = raw.trim();
        if pin.is_empty() {
            return Err(FieldError::new(field, "ussd-error-pin-missing"));
        }
        if pin.len() != Self::DIGITS || !pin.bytes().all(|b| b.is_ascii_digit()) {
            return Err(FieldError::new(field, "ussd-error-pin-format"));
        }
        let digits: Vec<i8> = pin.bytes().map(|b| (b - b'0') as i8).collect();
        let steps: Vec<i8> = digits.windows(2).map(|pair| pair[1] - pair[0]).collect();
        if steps.iter().all(|&step| step == steps[0] && matches!(step, -1..=1)) {
            return Err(FieldError::new(field, "ussd-error-pin-weak"));
        }
        Ok(Pin(pin.to_string()))
    }

    /// A PIN typed on the phone, to compare with the one set (no rules: a wrong one is just wrong).
    pub fn typed(raw: &str) -> Pin {
        Pin(raw.trim().to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(raw: &str) -> String {
        Pin::parse_new(raw, "pin")
            .map(|_| String::new())
            .unwrap_or_else(|error| error.key)
    }

    #[test]
    fn a_pin_is_four_digits() {
        assert_eq!(key("2580"), "");
        assert_eq!(key(" 7302 "), "");
        assert_eq!(key(""), "ussd-error-pin-missing");
        for raw in ["258", "25801", "25a0", "２５８０", "25 0"] {
            assert_eq!(key(raw), "ussd-error-pin-format", "{raw}");
        }
    }

    #[test]
    fn the_pins_a_thief_tries_first_are_refused() {
        for raw in ["0000", "7777", "1234", "0123", "6789", "9876", "3210"] {
            assert_eq!(key(raw), "ussd-error-pin-weak", "{raw}");
        }
        // Runs with a gap, or that turn, are allowed.
        for raw in ["1357", "1243", "8901", "1122"] {
            assert_eq!(key(raw), "", "{raw}");
        }
    }

    #[test]
    fn a_pin_never_shows_in_a_log() {
        assert_eq!(format!("{:?}", Pin::typed("2580")), "Pin(****)");
    }
}
