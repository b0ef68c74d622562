//! Every timed appointment's rules, with no I/O (inspections at a centre, driving tests at a test unit): the day's
//! time slots and their places, the booking window, the 15-minute hold, the 24-hour rule and the nearest free times.

use jiff::civil::Date;

use crate::calendar;

/// The start times of a place's day (Nairobi time): hourly from 8, none at 1 pm (lunch).
pub const SLOTS: [&str; 8] = ["08:00", "09:00", "10:00", "11:00", "12:00", "14:00", "15:00", "16:00"];

/// A slot's places: the place's daily capacity shared by its slots (at least one).
pub fn places(daily_capacity: i64) -> i64 {
    (daily_capacity / SLOTS.len() as i64).max(1)
}

/// Bookable days: the next 30 working days, from tomorrow.
pub const WINDOW_WORKING_DAYS: u32 = 30;

pub fn bookable_days(today: Date) -> Vec<Date> {
    (1..=WINDOW_WORKING_DAYS)
        .filter_map(|n| calendar::add_working_days(today.tomorrow().ok()?, n - 1, &[]))
        .collect()
}

/// How long a chosen place is held for the person to pay.
pub const HOLD_SECONDS: i64 = 15 * 60;
/// A booking may be moved or cancelled until this long before it starts.
pub const CHANGE_UNTIL_SECONDS: i64 = 24 * 3600;

/// When a slot starts, in seconds since the epoch.
pub fn starts_at(day: Date, slot: &str) -> Option<i64> {
    let (hour, minute) = slot.split_once(':')?;
    let time = jiff::civil::time(hour.parse().ok()?, minute.parse().ok()?, 0, 0);
    let zoned = day
        .to_datetime(time)
        .to_zoned_datetime(calendar::nairobi().clone())
        .ok()?;
    Some(zoned.timestamp().as_second())
}

/// Whether a booking starting at `starts` may still be moved or cancelled at `now`.
pub fn changeable(starts: i64, now: i64) -> bool {
    starts - now >= CHANGE_UNTIL_SECONDS
}

/// A slot on a day and the places left in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Free {
    pub day: Date,
    pub slot: &'static str,
    pub left: i64,
}

/// Up to `n` free slots nearest in time to the one wanted (earlier or later), soonest first on a tie.
pub fn nearest(free: &[Free], day: Date, slot: &str, n: usize) -> Vec<Free> {
    let Some(wanted) = starts_at(day, slot) else {
        return Vec::new();
    };
    let mut candidates: Vec<(i64, i64, &Free)> = free
        .iter()
        .filter(|f| f.left > 0 && !(f.day == day && f.slot == slot))
        .filter_map(|f| starts_at(f.day, f.slot).map(|at| ((at - wanted).abs(), at, f)))
        .collect();
    candidates.sort_by_key(|(distance, at, _)| (*distance, *at));
    candidates.into_iter().take(n).map(|(_, _, f)| f.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_window_is_thirty_working_days_from_tomorrow() {
        // Friday 27 November 2026: Monday 30 November is the first; 12 December (Jamhuri Day) is a Saturday.
        let days = bookable_days(date(2026, 11, 27));
        assert_eq!(days.len(), 30);
        assert_eq!(days[0], date(2026, 11, 30));
        assert!(!days.contains(&date(2026, 12, 25)), "Christmas");
        assert!(!days.contains(&date(2026, 12, 5)), "a Saturday");
        assert!(days.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn slots_start_in_nairobi_time_and_change_closes_a_day_before() {
        let at = starts_at(date(2026, 12, 1), "08:00").unwrap();
        assert_eq!(at, 1_796_101_200, "05:00 UTC");
        assert!(changeable(at, at - 24 * 3600));
        assert!(!changeable(at, at - 24 * 3600 + 1));
        assert_eq!(starts_at(date(2026, 12, 1), "8"), None);
    }

    #[test]
    fn places_share_the_daily_capacity() {
        assert_eq!(places(120), 15);
        assert_eq!(places(50), 6);
        assert_eq!(places(3), 1);
    }

    #[test]
    fn the_nearest_free_times_come_from_either_side() {
        let day = date(2026, 12, 1);
        let free = vec![
            Free {
                day,
                slot: "08:00",
                left: 3,
            },
            Free {
                day,
                slot: "10:00",
                left: 0,
            },
            Free {
                day,
                slot: "11:00",
                left: 2,
            },
            Free {
                day,
                slot: "12:00",
                left: 1,
            },
            Free {
                day: date(2026, 12, 2),
                slot: "10:00",
                left: 9,
            },
        ];
        let found: Vec<_> = nearest(&free, day, "10:00", 3)
            .into_iter()
            .map(|f| (f.day, f.slot))
            .collect();
        assert_eq!(found, [(day, "11:00"), (day, "08:00"), (day, "12:00")]);
    }
}
