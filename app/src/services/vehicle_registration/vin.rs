//! The chassis number of a new registration, as Kenya's vehicles carry it (DOMAIN.md): most are used imports from
//! Japan, whose chassis is a *frame number* (the model code, a dash and a serial: `NZE161-1234567`); others carry a
//! 17-character vehicle identification number (ISO 3779), whose position 9 is a check digit only on VINs made for
//! North America or China (first character 1 to 5, or L). A rule that refused frame numbers, or asked every VIN for a
//! check digit, would send most real cars to an office. No I/O.

/// Why a chassis number is neither, each with its own message (`registration-error-vin-…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VinError {
    Missing,
    /// Neither 17 characters nor a frame number's shape.
    Length,
    /// I, O and Q are never used in a VIN (they read as 1 and 0); nor is anything but letters and digits.
    Letters,
    /// Position 9 is not the check digit a North American or Chinese VIN must carry: a character was mistyped.
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

/// A Japanese frame number: a model code of 2 to 8 letters and digits starting with a letter, a dash, and a serial
/// of 5 to 8 digits (`NZE161-1234567`, `KDH200-0123456`, `GRS182-0012345`).
fn frame_number(text: &str) -> Option<String> {
    let (model, serial) = text.split_once('-')?;
    let model_ok = (2..=8).contains(&model.len())
        && model.starts_with(|c: char| c.is_ascii_uppercase())
        && model.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let serial_ok = (5..=8).contains(&serial.len()) && serial.bytes().all(|b| b.is_ascii_digit());
    (model_ok && serial_ok).then(|| format!("{model}-{serial}"))
}

/// Whether a VIN must carry its check digit: made for North America (1 to 5) or China (L).
fn check_digit_mandatory(vin: &[u8]) -> bool {
    matches!(vin[0], b'1'..=b'5' | b'L')
}

/// A chassis number as typed (any case, spaces around): a frame number as `MODEL-SERIAL`, or a VIN in capitals
/// (spaces and dashes between its groups dropped).
pub fn parse(text: &str) -> Result<String, VinError> {
    let typed: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if typed.is_empty() {
        return Err(VinError::Missing);
    }
    if let Some(frame) = frame_number(&typed) {
        return Ok(frame);
    }
    let vin: String = typed.chars().filter(|c| *c != '-').collect();
    if vin.chars().count() != 17 {
        return Err(VinError::Length);
    }
    let bytes = vin.as_bytes();
    if bytes.iter().any(|c| value(*c).is_none()) {
        return Err(VinError::Letters);
    }
    if check_digit_mandatory(bytes) && check_digit(bytes) != Some(bytes[8]) {
        return Err(VinError::CheckDigit);
    }
    Ok(vin)
}

#[cfg(test)]
#[path = "vin_fuzz.rs"]
mod fuzz;

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
    fn japanese_frame_numbers_pass_as_typed() {
        for (typed, stored) in [
            ("NZE161-1234567", "NZE161-1234567"),
            ("kdh200-0123456", "KDH200-0123456"),
            (" GRS182 - 0012345 ", "GRS182-0012345"),
            ("E12-7654321", "E12-7654321"),
        ] {
            assert_eq!(parse(typed).as_deref(), Ok(stored), "{typed}");
        }
    }

    #[test]
    fn a_check_digit_is_asked_only_where_it_is_mandatory() {
        // A European VIN (W: Germany) and a Japanese one (J) need not carry it.
        assert_eq!(parse("WVWZZZ1KZAW000001").as_deref(), Ok("WVWZZZ1KZAW000001"));
        assert_eq!(parse("JTDBR32E540012345").as_deref(), Ok("JTDBR32E540012345"));
        // North American and Chinese ones must.
        assert_eq!(parse("1HGCM82633A004353"), Err(VinError::CheckDigit));
        assert_eq!(parse("LSGWS52X3AS000001").as_deref(), Ok("LSGWS52X3AS000001"));
        assert_eq!(parse("LSGWS52X0AS000001"), Err(VinError::CheckDigit));
    }

    #[test]
    fn each_mistake_has_its_reason() {
        assert_eq!(parse("  "), Err(VinError::Missing));
        assert_eq!(parse("1HGCM82633A00435"), Err(VinError::Length));
        assert_eq!(
            parse("NZE161-12"),
            Err(VinError::Length),
            "a frame number's serial is 5 to 8 digits"
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
