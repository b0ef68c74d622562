//! Reminders' rules, with no I/O (issue 29): what expires, which reminder is due how long before, and when a
//! message may go out (never at night, Nairobi time).

use jiff::civil::Date;

/// What a reminder is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    DrivingLicence,
    Inspection,
    PsvLicence,
    PsvBadge,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::DrivingLicence, Kind::Inspection, Kind::PsvLicence, Kind::PsvBadge];

    pub fn code(self) -> &'static str {
        match self {
            Kind::DrivingLicence => "driving_licence",
            Kind::Inspection => "inspection",
            Kind::PsvLicence => "psv_licence",
            Kind::PsvBadge => "psv_badge",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// The service the reminder's link starts: the renewal, or the booking.
    pub fn service(self) -> &'static str {
        match self {
            Kind::DrivingLicence => "dl-renewal",
            Kind::Inspection => "inspection",
            Kind::PsvLicence => "psv-licence",
            Kind::PsvBadge => "psv-badge",
        }
    }
}

/// Days before the expiry that a reminder goes, the earliest first.
pub const LEADS: [i32; 3] = [90, 30, 7];

/// The reminder due with `days_left` until the expiry: the nearest lead not yet passed (a record that appears 25
/// days before gets the 30-day reminder, not the 90-day one as well). None once it has expired.
pub fn lead_for(days_left: i32) -> Option<i32> {
    if days_left < 0 {
        return None;
    }
    LEADS.into_iter().rev().find(|lead| days_left <= *lead)
}

/// The days from `today` to `expires_on` (negative once it has passed).
pub fn days_left(today: Date, expires_on: Date) -> i32 {
    crate::calendar::days_between(today, expires_on)
}

/// The expiry dates whose reminder is the one of `lead` days, from `from` to `to` inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub lead: i32,
    pub from: Date,
    pub to: Date,
}

/// Today's windows, the nearest first: what expires within 7 days gets the 7-day reminder, from 8 to 30 days the
/// 30-day one, from 31 to 90 the 90-day one (`lead_for` says the same day by day).
pub fn windows(today: Date) -> Vec<Window> {
    let day = |n: i32| crate::calendar::add_days(today, n).unwrap_or(today);
    let mut start = 0;
    LEADS
        .into_iter()
        .rev()
        .map(|lead| {
            let window = Window {
                lead,
                from: day(start),
                to: day(lead),
            };
            start = lead + 1;
            window
        })
        .collect()
}

/// Messages go out from 08:00 to 20:00 Nairobi time, never at night.
pub const FIRST_HOUR: i8 = 8;
pub const LAST_HOUR: i8 = 20;

/// Whether a reminder may be sent at the unix time `now`.
pub fn daytime(now: i64) -> bool {
    let hour = crate::calendar::hour_of(now);
    (FIRST_HOUR..LAST_HOUR).contains(&hour)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_lead_not_yet_passed() {
        assert_eq!(lead_for(120), None);
        assert_eq!(lead_for(91), None);
        assert_eq!(lead_for(90), Some(90));
        assert_eq!(lead_for(31), Some(90));
        assert_eq!(lead_for(30), Some(30));
        assert_eq!(lead_for(25), Some(30));
        assert_eq!(lead_for(8), Some(30));
        assert_eq!(lead_for(7), Some(7));
        assert_eq!(lead_for(0), Some(7));
        assert_eq!(lead_for(-1), None);
    }

    #[test]
    fn the_windows_agree_with_the_leads_day_by_day() {
        let today = jiff::civil::date(2026, 12, 7);
        let windows = windows(today);
        assert_eq!(windows.len(), 3);
        for n in -3..120 {
            let day = crate::calendar::add_days(today, n).unwrap();
            let found: Vec<i32> = windows
                .iter()
                .filter(|w| w.from <= day && day <= w.to)
                .map(|w| w.lead)
                .collect();
            assert_eq!(found.first().copied(), lead_for(days_left(today, day)), "{n} days");
            assert!(found.len() <= 1, "{n} days in two windows");
        }
    }

    #[test]
    fn never_at_night_in_nairobi() {
        // 2026-12-07 05:00 UTC is 08:00 in Nairobi; 17:00 UTC is 20:00.
        let day = crate::calendar::start_of(jiff::civil::date(2026, 12, 7));
        assert!(!daytime(day + 7 * 3_600 + 59 * 60));
        assert!(daytime(day + 8 * 3_600));
        assert!(daytime(day + 19 * 3_600 + 59 * 60));
        assert!(!daytime(day + 20 * 3_600));
        assert!(!daytime(day + 3 * 3_600));
    }

    #[test]
    fn every_kind_reads_back() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.code()), Some(kind));
        }
        assert_eq!(Kind::parse("passport"), None);
    }
}
