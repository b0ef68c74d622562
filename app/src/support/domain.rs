//! What a help-desk case is: its reference, its topic, where it stands, and the limits on what a person may open
//! and write. No I/O.

use crate::ids::readable;

/// A case's reference: `SUP-` and 6 characters a person can read out on the phone (no 0/O, 1/I/L, U/V).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CaseRef(String);

impl CaseRef {
    pub fn generate(pick: impl FnMut(usize) -> usize) -> CaseRef {
        CaseRef(format!("SUP-{}", readable::generate(6, pick)))
    }

    /// Reads a reference as people type it: any case, spaces and dashes anywhere (`sup 7kq 2mx`).
    pub fn parse(text: &str) -> Option<CaseRef> {
        let compact = readable::compact(text);
        let tail = compact.strip_prefix("SUP")?;
        (tail.len() == 6 && readable::is(tail)).then(|| CaseRef(format!("SUP-{tail}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a case is about (the queue is worked by topic).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Topic {
    Application,
    Payment,
    Account,
    Document,
    Other,
}

impl Topic {
    pub const ALL: [Topic; 5] = [
        Topic::Application,
        Topic::Payment,
        Topic::Account,
        Topic::Document,
        Topic::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Topic::Application => "application",
            Topic::Payment => "payment",
            Topic::Account => "account",
            Topic::Document => "document",
            Topic::Other => "other",
        }
    }

    pub fn parse(code: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseStatus {
    /// Waiting for an agent.
    Open,
    /// An agent answered: waiting for the person (or for an agent to close it).
    Answered,
    Closed,
}

impl CaseStatus {
    pub fn code(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::Answered => "answered",
            CaseStatus::Closed => "closed",
        }
    }

    pub fn parse(code: &str) -> Option<CaseStatus> {
        [CaseStatus::Open, CaseStatus::Answered, CaseStatus::Closed]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

crate::ids::stored_as_code!(CaseStatus, Topic);

/// The longest message a person or an agent may write, in characters.
pub const MESSAGE_CHARS: usize = 2_000;
/// A name, as typed by someone signed out.
pub const NAME_CHARS: usize = 100;
/// The link sent to the person stays live this long (the case's life, with room).
pub const LINK_SECONDS: i64 = 90 * 86_400;

/// A message as written: trimmed, not empty, not too long. Kept as typed otherwise (never rendered as markup).
pub fn message(text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    match text.chars().count() {
        0 => Err("support-error-message-missing"),
        n if n > MESSAGE_CHARS => Err("support-error-message-long"),
        _ => Ok(text.replace("\r\n", "\n")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_read_back_however_they_are_typed() {
        let mut n = 0;
        let made = CaseRef::generate(|len| {
            n += 1;
            n % len
        });
        assert!(made.as_str().starts_with("SUP-") && made.as_str().len() == 10);
        assert_eq!(
            CaseRef::parse(&made.as_str().to_lowercase().replace('-', " ")),
            Some(made.clone())
        );
        assert_eq!(CaseRef::parse("SUP-7KQ2MX").unwrap().as_str(), "SUP-7KQ2MX");
        for wrong in ["SUP-7KQ2M", "SUP-7KQ2MXX", "SUP-OKQ2MX", "UR7KQ2MXAB", ""] {
            assert_eq!(CaseRef::parse(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn topics_and_statuses_round_trip() {
        for topic in Topic::ALL {
            assert_eq!(Topic::parse(topic.code()), Some(topic));
        }
        assert_eq!(Topic::parse("refund"), None);
        assert_eq!(CaseStatus::parse("answered"), Some(CaseStatus::Answered));
    }

    #[test]
    fn a_message_is_trimmed_and_bounded_and_kept_as_typed() {
        assert_eq!(message("  <b>help</b>\r\nplease "), Ok("<b>help</b>\nplease".into()));
        assert_eq!(message(" \n "), Err("support-error-message-missing"));
        assert_eq!(
            message(&"a".repeat(MESSAGE_CHARS + 1)),
            Err("support-error-message-long")
        );
        assert!(
            message(&"ü".repeat(MESSAGE_CHARS)).is_ok(),
            "counted in characters, not bytes"
        );
    }
}
