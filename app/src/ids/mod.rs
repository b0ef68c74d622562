//! Identifiers that are parsed once and then travel typed: a value of one of these types is known to be well
//! formed, so a function taking a `PlateNumber` need not check it again, and an account id cannot be passed where
//! an ID number is meant. Formats are from ../shared/DOMAIN.md.

mod contact;
#[cfg(all(test, feature = "ssr"))]
mod fuzz;
pub mod readable;
pub use contact::{display_phone, mask_phone};

use std::fmt;

use serde::{Deserialize, Serialize};

/// The number of a document another authority issued (a certificate of good conduct, a police abstract) as
/// typed: 5 to 20 letters, digits, `/` or `-` once spaces are dropped, in upper case. Neither the DCI nor the
/// police publish a format, so only the shape is checked; an officer checks the number itself. `None`: nothing
/// typed; `Some(Err(()))`: not that shape.
pub fn official_number(typed: &str) -> Option<Result<String, ()>> {
    let number: String = typed.split_whitespace().collect::<String>().to_uppercase();
    if number.is_empty() {
        return None;
    }
    let shaped = (5..=20).contains(&number.chars().count())
        && number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '/' || c == '-');
    Some(if shaped { Ok(number) } else { Err(()) })
}

/// An account's id (a random token, see `accounts::db`): never shown, never typed by a person, so it is only ever
/// read back from the database or the session (`from_stored`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AccountId(String);

/// A Kenyan national ID number as the register keys it: digits only, up to 14 (Maisha Namba).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NationalId(String);

impl NationalId {
    /// Accepts spaces or dashes between groups, as people copy the number from the card.
    pub fn parse(raw: &str) -> Option<NationalId> {
        let digits: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
        (!digits.is_empty() && digits.len() <= 14 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then_some(NationalId(digits))
    }
}

/// A number plate, stored upper-case with single spaces (`KDA 123A`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PlateNumber(String);

impl PlateNumber {
    /// The ordinary series `LLL NNNL` (K + two letters, I and O unused), motorcycles `KMxx NNNL` and government
    /// `GK NNNL`, typed in any case with or without the space.
    pub fn parse(raw: &str) -> Option<PlateNumber> {
        let compact: String = raw
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let letters = |s: &str| s.bytes().all(|b| b.is_ascii_uppercase() && b != b'I' && b != b'O');
        let tail_ok = |s: &str| {
            s.len() == 4 && s[..3].bytes().all(|b| b.is_ascii_digit()) && letters(&s[3..]) && &s[..3] != "000"
        };
        let prefix_len = if compact.starts_with("GK") {
            2
        } else if compact.starts_with("KM") {
            4
        } else {
            3
        };
        if compact.len() != prefix_len + 4 || !compact.is_char_boundary(prefix_len) {
            return None;
        }
        let (prefix, tail) = compact.split_at(prefix_len);
        let prefix_ok = prefix.starts_with('K') && letters(prefix) || prefix == "GK";
        (prefix_ok && tail_ok(tail)).then(|| PlateNumber(format!("{prefix} {tail}")))
    }
}

/// An email address as an account stores it: trimmed and lower-cased, checked by `Email::parse`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Email(String);

/// A Kenyan mobile number in E.164 (`+254712345678`), checked by `PhoneNumber::parse`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// The form M-Pesa's Daraja API wants: `254712345678` (DOMAIN.md).
    pub fn mpesa(&self) -> &str {
        self.0.trim_start_matches('+')
    }
}

/// An organisation's KRA PIN (`P` + 9 digits + a letter), checked by `KraPin::parse`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct KraPin(String);

impl KraPin {
    /// An organisation's KRA PIN: `P` + 9 digits + a letter (`A…` PINs belong to individuals, not organisations).
    pub fn parse(raw: &str) -> Result<KraPin, crate::error::FieldError> {
        let error = |key| crate::error::FieldError::new("kra_pin", key);
        let pin: String = raw
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect::<String>()
            .to_uppercase();
        if pin.is_empty() {
            return Err(error("accounts-error-pin-missing"));
        }
        let bytes = pin.as_bytes();
        let well_formed = bytes.len() == 11
            && bytes[0] == b'P'
            && bytes[1..10].iter().all(u8::is_ascii_digit)
            && bytes[10].is_ascii_uppercase();
        if !well_formed {
            return Err(error("accounts-error-pin-format"));
        }
        Ok(KraPin(pin))
    }
}

/// The accessors every text identifier has: wrap a value that was checked (by its parser, or when it was stored),
/// and read it back.
macro_rules! text_identifier {
    ($($t:ident),*) => {$(
        impl $t {
            /// Wraps a value already checked: read from the database, or made by its parser.
            pub fn from_stored(value: String) -> $t {
                $t(value)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_string(self) -> String {
                self.0
            }
        }

        /// Stored as text: a row decodes straight into the type, and the type binds as a query argument.
        #[cfg(feature = "ssr")]
        impl sqlx::Type<sqlx::Any> for $t {
            fn type_info() -> sqlx::any::AnyTypeInfo {
                <String as sqlx::Type<sqlx::Any>>::type_info()
            }
        }

        #[cfg(feature = "ssr")]
        impl<'r> sqlx::Decode<'r, sqlx::Any> for $t {
            fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                <String as sqlx::Decode<'r, sqlx::Any>>::decode(value).map($t)
            }
        }

        #[cfg(feature = "ssr")]
        impl<'q> sqlx::Encode<'q, sqlx::Any> for $t {
            fn encode_by_ref(
                &self,
                buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <String as sqlx::Encode<'q, sqlx::Any>>::encode_by_ref(&self.0, buf)
            }
        }

        /// Reads as the text it is, so a checked value goes wherever text is read (a query, a message).
        impl std::ops::Deref for $t {
            type Target = str;

            fn deref(&self) -> &str {
                &self.0
            }
        }
    )*};
}
text_identifier!(AccountId, NationalId, PlateNumber, Email, PhoneNumber, KraPin);

/// A closed set of values (an account type, a channel) stored as its code: the row decodes into the enum (an
/// unknown code is an error, never a silent default) and the enum binds as its code.
macro_rules! stored_as_code {
    ($($t:ty),*) => {$(
        #[cfg(feature = "ssr")]
        impl sqlx::Type<sqlx::Any> for $t {
            fn type_info() -> sqlx::any::AnyTypeInfo {
                <String as sqlx::Type<sqlx::Any>>::type_info()
            }
        }

        #[cfg(feature = "ssr")]
        impl<'r> sqlx::Decode<'r, sqlx::Any> for $t {
            fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                let code = <String as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
                <$t>::parse(&code).ok_or_else(|| format!("unknown {} {code:?}", stringify!($t)).into())
            }
        }

        #[cfg(feature = "ssr")]
        impl<'q> sqlx::Encode<'q, sqlx::Any> for $t {
            fn encode_by_ref(
                &self,
                buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <&str as sqlx::Encode<'q, sqlx::Any>>::encode(self.code(), buf)
            }
        }
    )*};
}
pub(crate) use stored_as_code;

macro_rules! display_as_str {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    )*};
}
display_as_str!(AccountId, NationalId, PlateNumber, Email, PhoneNumber, KraPin);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plates_are_stored_one_way_however_typed() {
        for typed in ["KDA 123A", "kda123a", " KDA-123A ", "kda 123 a"] {
            assert_eq!(PlateNumber::parse(typed).unwrap().as_str(), "KDA 123A", "{typed}");
        }
        assert_eq!(PlateNumber::parse("gk 123a").unwrap().as_str(), "GK 123A");
        assert_eq!(PlateNumber::parse("KMEA 123B").unwrap().as_str(), "KMEA 123B");
    }

    #[test]
    fn plates_outside_the_series_are_refused() {
        for typed in [
            "",
            "KDA 12A",
            "KDA 1234",
            "KIA 123A",
            "KDA 123O",
            "XDA 123A",
            "KDA 000A",
            "KDA 123ÄA",
        ] {
            assert_eq!(PlateNumber::parse(typed), None, "{typed}");
        }
    }

    #[test]
    fn mpesa_takes_the_number_without_the_plus() {
        assert_eq!(PhoneNumber::from_stored("+254712345678".into()).mpesa(), "254712345678");
    }

    #[test]
    fn national_ids_are_digits() {
        assert_eq!(NationalId::parse("28 123 456").unwrap().as_str(), "28123456");
        assert_eq!(NationalId::parse("28a23456"), None);
        assert_eq!(NationalId::parse("123456789012345"), None);
        assert_eq!(NationalId::parse(""), None);
    }
}
