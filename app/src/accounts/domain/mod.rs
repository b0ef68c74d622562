//! What an account's answers must look like. No I/O: these parse on the server (the check that counts) and are
//! small enough for the browser. Each error is a translation key naming the field and what to do.
//!
//! Formats are from ../shared/DOMAIN.md: national ID digits (up to 14 for Maisha Namba), KRA PIN
//! `[AP]` + 9 digits + letter, Kenyan mobiles stored as E.164.

mod identity;
mod password;

pub use crate::ids::{display_phone, mask_phone};
pub use identity::{
    looks_like_national_id, parse_document_number, parse_name, parse_national_id, parse_text, parse_year_of_birth,
    DocumentType,
};
pub use password::{check_password, parse_code, password_strength};

use crate::error::FieldError;

/// Who the account is for: shared, since a signed-in person's type travels to every feature.
pub use crate::account_type::AccountType;

pub(super) fn error(field: &str, key: &str) -> FieldError {
    FieldError::new(field, key)
}

/// How a code or a message travels: shared by every feature that writes to people.
pub use crate::channel::Channel;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_types_and_channels_round_trip() {
        for t in AccountType::ALL {
            assert_eq!(AccountType::parse(t.code()), Some(t));
        }
        assert_eq!(Channel::parse("email"), Some(Channel::Email));
        assert_eq!(Channel::parse("fax"), None);
    }
}
