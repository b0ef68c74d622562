//! Who an account is for (product document, step 2). Shared ground: every feature reads a signed-in person's type
//! (a visitor's dashboard, a business's fleet), and only accounts sets it.

use serde::{Deserialize, Serialize};

/// Who the account is for (product document, step 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccountType {
    Citizen,
    Resident,
    Diplomat,
    Visitor,
    Business,
}

impl AccountType {
    pub const ALL: [AccountType; 5] = [
        AccountType::Citizen,
        AccountType::Resident,
        AccountType::Diplomat,
        AccountType::Visitor,
        AccountType::Business,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AccountType::Citizen => "citizen",
            AccountType::Resident => "resident",
            AccountType::Diplomat => "diplomat",
            AccountType::Visitor => "visitor",
            AccountType::Business => "business",
        }
    }

    pub fn parse(code: &str) -> Option<AccountType> {
        AccountType::ALL.into_iter().find(|t| t.code() == code)
    }
}

crate::ids::stored_as_code!(AccountType);
