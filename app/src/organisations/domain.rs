//! The rules of an organisation's people, with no I/O: the invitation form, how long an invitation waits, and who
//! may be removed.

use serde::{Deserialize, Serialize};

use crate::error::FieldError;

/// An invitation waits this long for its person to accept (a fortnight covers a person away upcountry).
pub const INVITATION_SECONDS: i64 = 14 * 86_400;

/// The longest role typed ("Fleet manager", "Sacco chairperson").
const ROLE_MAX: usize = 60;

/// "Add a person" as posted (a field left out is empty).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    pub organisation: String,
    pub id_number: String,
    pub first_name: String,
    pub role: String,
}

/// The role typed, with its spaces tidied: 2 to 60 characters, no control characters.
pub fn parse_role(raw: &str) -> Result<String, FieldError> {
    let role = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if role.is_empty() {
        return Err(FieldError::new("role", "organisations-error-role-missing"));
    }
    if !(2..=ROLE_MAX).contains(&role.chars().count()) || role.chars().any(char::is_control) {
        return Err(FieldError::new("role", "organisations-error-role-format"));
    }
    Ok(role)
}

/// Whether one of `people` may be removed: an organisation always keeps one person to act for it.
pub fn may_remove(people: i64) -> bool {
    people > 1
}

/// Whether an invitation sent to expire at `expires_at` may still be accepted at `now`.
pub fn live(expires_at: i64, now: i64) -> bool {
    now < expires_at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_is_tidied_and_bounded() {
        assert_eq!(parse_role("  Fleet   manager ").unwrap(), "Fleet manager");
        assert_eq!(parse_role("").unwrap_err().key, "organisations-error-role-missing");
        assert_eq!(parse_role("   ").unwrap_err().key, "organisations-error-role-missing");
        assert_eq!(parse_role("x").unwrap_err().key, "organisations-error-role-format");
        assert_eq!(
            parse_role(&"a".repeat(61)).unwrap_err().key,
            "organisations-error-role-format"
        );
        assert!(parse_role(&"a".repeat(60)).is_ok());
        assert_eq!(
            parse_role("Chair\u{7}").unwrap_err().key,
            "organisations-error-role-format"
        );
    }

    #[test]
    fn the_last_person_stays() {
        assert!(!may_remove(1));
        assert!(!may_remove(0));
        assert!(may_remove(2));
    }

    #[test]
    fn an_invitation_lapses_at_its_moment() {
        assert!(live(100, 99));
        assert!(!live(100, 100));
        assert_eq!(INVITATION_SECONDS, 1_209_600);
    }
}
