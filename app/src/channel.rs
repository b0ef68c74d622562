//! The two ways Uraia reaches a person: email and SMS. Codes, links and every notice travel one of them.

use serde::{Deserialize, Serialize};

/// How a code or a message travels.
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

crate::ids::stored_as_code!(Channel);
