//! The server's clock, in unix seconds. In test mode (never in production) it can be moved forward, so the
//! end-to-end tests can check what happens after 24 hours or 30 days without waiting for them.

use std::sync::atomic::{AtomicI64, Ordering};

#[derive(Debug, Default)]
pub struct Clock {
    offset_seconds: AtomicI64,
    movable: bool,
}

impl Clock {
    pub fn new(movable: bool) -> Clock {
        Clock {
            offset_seconds: AtomicI64::new(0),
            movable,
        }
    }

    pub fn now(&self) -> i64 {
        let real = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or_default();
        real + self.offset_seconds.load(Ordering::Relaxed)
    }

    /// Moves the clock forward; refused (false) unless the server runs in test mode.
    pub fn advance(&self, seconds: i64) -> bool {
        if self.movable && seconds > 0 {
            // Saturating: repeated steps can never wrap the clock round to the past.
            let _ = self
                .offset_seconds
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |offset| {
                    Some(offset.saturating_add(seconds).min(i64::MAX / 4))
                });
        }
        self.movable
    }

    /// The calendar year now (UTC), for rules such as "at least 16 years old".
    pub fn year(&self) -> i64 {
        civil_date(self.now()).0
    }
}

/// A unix time's UTC calendar date (year, month, day): Howard Hinnant's days-to-civil algorithm, to avoid a date
/// crate for two small uses.
pub fn civil_date(seconds: i64) -> (i64, i64, i64) {
    let z = seconds.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// A unix time as YYYY-MM-DD (UTC).
pub fn iso_date(seconds: i64) -> String {
    let (year, month, day) = civil_date(seconds);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_test_mode_clock_moves() {
        let fixed = Clock::new(false);
        let before = fixed.now();
        assert!(!fixed.advance(86_400));
        assert!(fixed.now() - before < 5);
        let movable = Clock::new(true);
        assert!(movable.advance(30 * 86_400));
        assert!(movable.now() - before >= 30 * 86_400);
    }

    #[test]
    fn the_year_is_the_calendar_year() {
        let clock = Clock::new(true);
        let year = clock.year();
        assert!((2025..2100).contains(&year), "{year}");
        // Day 20,088 since 1970 is 2024-12-31; day 20,089 is 2025-01-01.
        let at = |days: i64| {
            let c = Clock::new(true);
            c.offset_seconds
                .store(days * 86_400 - c.now() + 3_600, Ordering::Relaxed);
            c.year()
        };
        assert_eq!(at(20_088), 2024);
        assert_eq!(at(20_089), 2025);
        assert_eq!(iso_date(20_089 * 86_400), "2025-01-01");
        assert_eq!(iso_date(951_782_400), "2000-02-29");
    }
}
