//! The chassis number of a new registration: a 17-character vehicle identification number (ISO 3779) with the
//! check digit in position 9. No I/O.

/// Why a chassis number is not a VIN, each with its own message (`registration-error-vin-…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VinError {
    Missing,
    /// Not 17 characters (after spaces and dashes are removed).
    Length,
    /// I, O and Q are never used (they read as 1 and 0); nor is anything but letters and digits.
    Letters,
    /// Position 9 is not the check digit of the others: a character was mistyped.
    CheckDigit,
}

impl VinError {
    pub fn key(self) -> &'static str {
        match self {
            VinError::Missing => "registration-error-vin-missing",
            VinError::Length => "registration-error-vin-length",
            VinError::Letters => "registration-error-vin-letters",
            VinError::CheckDigit => "registration-error-vin-check",
        }
    }
}

/// A letter's value in the check digit sum (ISO 3779 transliteration); `None` for I, O, Q and anything else.
fn value(c: u8) -> Option<u32> {
    Some(match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'A'..=b'H' => u32::from(c - b'A') + 1,
        b'J'..=b'N' => u32::from(c - b'J') + 1,
        b'P' => 7,
        b'R' => 9,
        b'S'..=b'Z' => u32::from(c - b'S') + 2,
        _ => return None,
    })
}

const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/// The check digit the other 16 characters call for (`X` stands for 10).
fn check_digit(vin: &[u8]) -> Option<u8> {
    let mut sum = 0;
    for (c, weight) in vin.iter().zip(WEIGHTS) {
        sum += value(*c)? * weight;
    }
    Some(match sum % 11 {
        10 => b'X',
        digit => b'0' + digit as u8,
    })
}

/// A chassis number as typed (any case, spaces or dashes between groups) as a VIN in capitals.
pub fn parse(text: &str) -> Result<String, VinError> {
    let vin: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if vin.is_empty() {
        return Err(VinError::Missing);
    }
    if vin.chars().count() != 17 {
        return Err(VinError::Length);
    }
    let bytes = vin.as_bytes();
    if bytes.iter().any(|c| value(*c).is_none()) {
        return Err(VinError::Letters);
    }
    if check_digit(bytes) != Some(bytes[8]) {
        return Err(VinError::CheckDigit);
    }
    Ok(vin)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// VINs published as examples (Wikipedia's, Honda's, Acura's, GM's): their check digits hold.
    #[test]
    fn published_vins_pass() {
        for vin in [
            "1M8GDM9AXKP042788",
            "1HGCM82633A004352",
            "JH4KA7561PC008269",
            "1G1ZT53826F109149",
            "1GNEK13ZX3R298984",
        ] {
            assert_eq!(parse(vin).as_deref(), Ok(vin), "{vin}");
        }
        assert_eq!(parse(" 1hgcm8-2633a-004352 ").as_deref(), Ok("1HGCM82633A004352"));
    }

    #[test]
    fn each_mistake_has_its_reason() {
        assert_eq!(parse("  "), Err(VinError::Missing));
        assert_eq!(parse("1HGCM82633A00435"), Err(VinError::Length));
        assert_eq!(
            parse("NZE161-1234567"),
            Err(VinError::Length),
            "a Japanese frame number"
        );
        assert_eq!(parse("1HGCM82633AOO4352"), Err(VinError::Letters), "O for 0");
        assert_eq!(parse("1HGCM82633A00435Q"), Err(VinError::Letters));
        assert_eq!(
            parse("1HGCM82633A004353"),
            Err(VinError::CheckDigit),
            "last digit mistyped"
        );
        assert_eq!(
            parse("1HGCM82643A004352"),
            Err(VinError::CheckDigit),
            "check digit mistyped"
        );
    }
}
