//! The rules about records, with no I/O: when a licence or an inspection is due.

use jiff::civil::Date;

use crate::{calendar, ids::PlateNumber};

/// A licence expiring within this many days is flagged on the dashboard (the 90 days: enough for a
/// smart licence card to be made and collected).
pub const LICENCE_WARNING_DAYS: i32 = 90;
/// An inspection within this many days is flagged (centres book up about a month ahead).
pub const INSPECTION_WARNING_DAYS: i32 = 30;

/// Where a dated obligation stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    InGoodStanding,
    /// Due within the warning period: `days` left (0 = today is the last day).
    DueSoon {
        days: i32,
    },
    /// Past its date by `days`.
    Overdue {
        days: i32,
    },
}

impl Standing {
    /// Its word on a page or a phone's screen: valid, expires soon, expired.
    pub fn status_key(self) -> &'static str {
        match self {
            Standing::InGoodStanding => "records-status-valid",
            Standing::DueSoon { .. } => "records-status-expiring",
            Standing::Overdue { .. } => "records-status-expired",
        }
    }
}

/// A licence is valid through its expiry date; an inspection is due on its date.
pub fn standing(last_day: Date, today: Date, warning_days: i32) -> Standing {
    let days = calendar::days_between(today, last_day);
    if days < 0 {
        Standing::Overdue { days: -days }
    } else if days <= warning_days {
        Standing::DueSoon { days }
    } else {
        Standing::InGoodStanding
    }
}

/// A driving licence on the register. NTSA publishes no licence number format, so licences are keyed on the
/// holder's ID number (DOMAIN.md).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Licence {
    pub holder_id_number: String,
    /// Classes as printed on the licence (`B`, `C1`, ...).
    pub classes: Vec<String>,
    pub expires_on: Date,
    /// Traffic offences not yet paid, in shillings: a renewal waits for them.
    pub unpaid_offences_kes: i64,
}

impl Licence {
    pub fn standing(&self, today: Date) -> Standing {
        standing(self.expires_on, today, LICENCE_WARNING_DAYS)
    }
}

/// A learner's provisional licence for one class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provisional {
    pub class: String,
    /// Its last day.
    pub expires_on: Date,
}

/// A vehicle on the register, as its owner sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vehicle {
    pub plate: PlateNumber,
    pub make: String,
    pub model: String,
    pub year: i64,
    /// Commercial vehicles and PSVs only: private cars have no periodic inspection.
    pub inspection_due_on: Option<Date>,
    /// The organisation it is registered to, when not to the person: its name and KRA PIN.
    pub organisation: Option<String>,
    pub owner_kra_pin: Option<String>,
}

impl Vehicle {
    pub fn inspection(&self, today: Date) -> Option<Standing> {
        self.inspection_due_on
            .map(|due| standing(due, today, INSPECTION_WARNING_DAYS))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_licence_is_valid_through_its_last_day() {
        let today = date(2026, 11, 29);
        assert_eq!(standing(date(2026, 11, 29), today, 90), Standing::DueSoon { days: 0 });
        assert_eq!(standing(date(2026, 11, 28), today, 90), Standing::Overdue { days: 1 });
    }

    #[test]
    fn the_warning_starts_ninety_days_ahead() {
        let today = date(2026, 11, 29);
        assert_eq!(standing(date(2027, 2, 27), today, 90), Standing::DueSoon { days: 90 });
        assert_eq!(standing(date(2027, 2, 28), today, 90), Standing::InGoodStanding);
        assert_eq!(standing(date(2025, 3, 31), today, 90), Standing::Overdue { days: 608 });
    }
}
