//! The Kenyan calendar: dates in Nairobi, adding years, months and working days, and dates as Kenyans write them.
//!
//! Arithmetic is jiff's (leap days and month ends are its job, not ours); the zone is Africa/Nairobi from the time
//! zone database embedded in the binary, so a server in UTC, or a container without `/usr/share/zoneinfo`, still
//! puts 22:30 UTC on the next day. Services take "now" from [`crate::clock::Clock`], which tests can move.

use std::sync::LazyLock;

use jiff::{
    civil::{Date, Weekday},
    tz::TimeZone,
    Timestamp, ToSpan,
};

use crate::i18n::Lang;

/// East Africa Time. The database is compiled in, so the lookup cannot fail at run time; the fixed UTC+3 it falls
/// back to is what Nairobi has kept since 1942.
static NAIROBI: LazyLock<TimeZone> =
    LazyLock::new(|| TimeZone::get("Africa/Nairobi").unwrap_or_else(|_| TimeZone::fixed(jiff::tz::offset(3))));

pub fn nairobi() -> &'static TimeZone {
    &NAIROBI
}

/// A unix time as a date and time in Nairobi; times outside jiff's range (year ±9999) are clamped to its ends.
fn zoned(seconds: i64) -> jiff::ZonedDateTime {
    let at = Timestamp::from_second(seconds).unwrap_or(if seconds < 0 { Timestamp::MIN } else { Timestamp::MAX });
    at.to_zoned_datetime(nairobi().clone())
}

/// The calendar date in Nairobi at a unix time.
pub fn date_of(seconds: i64) -> Date {
    zoned(seconds).date()
}

/// The hour (0 to 23) in Nairobi at a unix time.
pub fn hour_of(seconds: i64) -> i8 {
    zoned(seconds).hour()
}

/// The unix time at which a Nairobi date begins (midnight EAT).
pub fn start_of(date: Date) -> i64 {
    date.to_zoned_datetime(nairobi().clone())
        .map(|zoned| zoned.timestamp().as_second())
        .unwrap_or_default()
}

/// `date` plus whole years. 29 February plus a year is 28 February (jiff clamps to the month's end, as the
/// Traffic Act's "valid for one year" is read), and plus four years is 29 February again.
pub fn add_years(date: Date, years: i16) -> Option<Date> {
    date.checked_add(years.years()).ok()
}

/// `date` plus whole months, clamped to the end of a shorter month (31 January plus one month is 28 or 29 February).
pub fn add_months(date: Date, months: i32) -> Option<Date> {
    date.checked_add(months.months()).ok()
}

pub fn add_days(date: Date, days: i32) -> Option<Date> {
    date.checked_add(days.days()).ok()
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i32 {
    from.until(to).map(|span| span.get_days()).unwrap_or_default()
}

/// A date typed as day, month and year (a form's three boxes, spaces around each allowed); `None` when it is not
/// a real date (31 February) or the year is not four digits.
pub fn parse_parts(day: &str, month: &str, year: &str) -> Option<Date> {
    let [day, month, year] = [day, month, year].map(|p| p.trim().parse::<i16>().ok());
    match (day, month, year) {
        (Some(day), Some(month), Some(year)) if (1900..=9999).contains(&year) => {
            Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
        }
        _ => None,
    }
}

/// An ISO-8601 date as the registers store it (`2027-06-30`).
pub fn parse_iso(text: &str) -> Option<Date> {
    text.parse().ok()
}

/// The public holidays of the Public Holidays Act (Cap. 110) that follow a rule: the fixed dates, Good Friday and
/// Easter Monday, and the Monday after a holiday that falls on a Sunday. Idd-ul-Fitr and one-off holidays are
/// gazetted each year by the Cabinet Secretary, so they cannot be computed; a service that books days ahead takes them
/// from its own table through `extra`.
pub fn is_public_holiday(date: Date) -> bool {
    let fixed = |d: Date| {
        matches!(
            (d.month(), d.day()),
            // New Year, Labour Day, Madaraka, Mazingira, Mashujaa, Jamhuri, Christmas, Boxing Day.
            (1, 1) | (5, 1) | (6, 1) | (10, 10) | (10, 20) | (12, 12) | (12, 25) | (12, 26)
        )
    };
    let easter = computus::gregorian(i32::from(date.year()))
        .ok()
        .and_then(|e| Date::new(date.year(), e.month as i8, e.day as i8).ok());
    let easter_holiday =
        easter.is_some_and(|sunday| add_days(sunday, -2) == Some(date) || add_days(sunday, 1) == Some(date));
    let sunday_moved = (date.weekday() == Weekday::Monday && add_days(date, -1).is_some_and(fixed))
        // Christmas on a Sunday makes Boxing Day the Monday already; the Tuesday after is the one off.
        || (date.weekday() == Weekday::Tuesday && date.month() == 12 && date.day() == 27);
    fixed(date) || easter_holiday || sunday_moved
}

/// Monday to Friday, and neither a public holiday nor one of `extra` (gazetted holidays).
pub fn is_working_day(date: Date, extra: &[Date]) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) && !is_public_holiday(date) && !extra.contains(&date)
}

/// The `n`-th working day after `date` (`n` = 0: `date` itself if it is one, else the next).
pub fn add_working_days(date: Date, n: u32, extra: &[Date]) -> Option<Date> {
    let mut day = date;
    let mut left = n;
    while !is_working_day(day, extra) {
        day = day.tomorrow().ok()?;
    }
    while left > 0 {
        day = day.tomorrow().ok()?;
        if is_working_day(day, extra) {
            left -= 1;
        }
    }
    Some(day)
}

fn month_name(lang: Lang, date: Date) -> String {
    lang.t(&format!("date-month-{}", date.month()))
}

fn weekday_name(lang: Lang, date: Date) -> String {
    lang.t(&format!("date-weekday-{}", date.weekday() as i8))
}

/// "14 March 2025" / "14 Machi 2025".
pub fn long_date(lang: Lang, date: Date) -> String {
    lang.t_with(
        "date-long",
        &[
            ("day", date.day().to_string()),
            ("month", month_name(lang, date)),
            ("year", date.year().to_string()),
        ],
    )
}

/// With the weekday, for bookings: "Monday 14 March 2025" / "Jumatatu, 14 Machi 2025".
pub fn date_with_weekday(lang: Lang, date: Date) -> String {
    lang.t_with(
        "date-with-weekday",
        &[("weekday", weekday_name(lang, date)), ("date", long_date(lang, date))],
    )
}

/// A unix time's Nairobi date: "14 March 2025".
pub fn day_of(lang: Lang, seconds: i64) -> String {
    long_date(lang, date_of(seconds))
}

/// A unix time in Nairobi on the 24-hour clock: "14 March 2025 at 14:30" / "14 Machi 2025, saa 14:30".
pub fn moment(lang: Lang, seconds: i64) -> String {
    let zoned = zoned(seconds);
    let time = format!("{:02}:{:02}", zoned.hour(), zoned.minute());
    lang.t_with(
        "date-at-time",
        &[("date", long_date(lang, zoned.date())), ("time", time)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn leap_days_and_month_ends_follow_the_calendar() {
        assert_eq!(add_years(date(2024, 2, 29), 1), Some(date(2025, 2, 28)));
        assert_eq!(add_years(date(2024, 2, 29), 3), Some(date(2027, 2, 28)));
        assert_eq!(add_years(date(2024, 2, 29), 4), Some(date(2028, 2, 29)));
        assert_eq!(add_months(date(2025, 1, 31), 1), Some(date(2025, 2, 28)));
        assert_eq!(add_months(date(2024, 1, 31), 1), Some(date(2024, 2, 29)));
        assert_eq!(add_months(date(2025, 8, 31), 1), Some(date(2025, 9, 30)));
        assert_eq!(add_days(date(2025, 12, 31), 1), Some(date(2026, 1, 1)));
        assert_eq!(add_years(date(9999, 1, 1), 1), None);
    }

    #[test]
    fn days_between_counts_across_years_and_backwards() {
        assert_eq!(days_between(date(2026, 11, 29), date(2027, 2, 27)), 90);
        assert_eq!(days_between(date(2026, 11, 29), date(2026, 11, 1)), -28);
        assert_eq!(days_between(date(2024, 2, 28), date(2024, 3, 1)), 2);
        assert_eq!(parse_iso("2027-06-30"), Some(date(2027, 6, 30)));
        assert_eq!(parse_iso("30/06/2027"), None);
    }

    #[test]
    fn nairobi_is_three_hours_ahead_of_utc() {
        // 2025-03-13 22:30 UTC is already 14 March, 01:30, in Nairobi.
        let late_utc = 1_741_905_000;
        assert_eq!(date_of(late_utc), date(2025, 3, 14));
        assert_eq!(moment(Lang::En, late_utc), "14 March 2025 at 01:30");
        assert_eq!(moment(Lang::Sw, late_utc), "14 Machi 2025, saa 01:30");
        // 20:59:59 UTC is still the same day; 21:00 UTC is midnight in Nairobi.
        assert_eq!(date_of(1_741_899_599), date(2025, 3, 13));
        assert_eq!(date_of(1_741_899_600), date(2025, 3, 14));
        assert_eq!(start_of(date(2025, 3, 14)), 1_741_899_600);
        // Out of range stays a date rather than a panic.
        assert_eq!(date_of(i64::MAX).year(), 9999);
    }

    #[test]
    fn dates_are_written_as_kenyans_write_them() {
        let day = date(2025, 3, 14);
        assert_eq!(long_date(Lang::En, day), "14 March 2025");
        assert_eq!(long_date(Lang::Sw, day), "14 Machi 2025");
        assert_eq!(date_with_weekday(Lang::En, date(2025, 3, 17)), "Monday 17 March 2025");
        assert_eq!(
            date_with_weekday(Lang::Sw, date(2025, 3, 17)),
            "Jumatatu, 17 Machi 2025"
        );
        assert_eq!(
            date_with_weekday(Lang::Sw, date(2025, 3, 16)),
            "Jumapili, 16 Machi 2025"
        );
        let months: Vec<String> = (1..=12).map(|m| long_date(Lang::Sw, date(2025, m, 1))).collect();
        assert_eq!(months[0], "1 Januari 2025");
        assert_eq!(months[11], "1 Desemba 2025");
        for lang in Lang::ALL {
            for m in 1..=12 {
                assert!(
                    !long_date(lang, date(2025, m, 1)).contains("date-month"),
                    "{lang:?} {m}"
                );
            }
        }
    }

    #[test]
    fn working_days_skip_weekends_and_public_holidays() {
        // Easter 2025 was 20 April: Good Friday 18 April, Easter Monday 21 April.
        assert!(is_public_holiday(date(2025, 4, 18)));
        assert!(is_public_holiday(date(2025, 4, 21)));
        assert!(!is_public_holiday(date(2025, 4, 22)));
        // Madaraka Day 2025 fell on a Sunday, so Monday 2 June was a holiday.
        assert!(is_public_holiday(date(2025, 6, 2)));
        // Christmas 2022 was a Sunday: Monday is Boxing Day, Tuesday 27 December the day off.
        assert!(is_public_holiday(date(2022, 12, 27)));
        assert!(!is_public_holiday(date(2023, 12, 27)));
        // Thursday 17 April 2025 + 1 working day skips Good Friday, the weekend and Easter Monday.
        assert_eq!(add_working_days(date(2025, 4, 17), 1, &[]), Some(date(2025, 4, 22)));
        // From a Saturday, 0 working days is the Monday.
        assert_eq!(add_working_days(date(2025, 3, 15), 0, &[]), Some(date(2025, 3, 17)));
        // A gazetted holiday (Idd-ul-Fitr, 31 March 2025) is skipped when the caller names it.
        let idd = [date(2025, 3, 31)];
        assert_eq!(add_working_days(date(2025, 3, 28), 1, &idd), Some(date(2025, 4, 1)));
        assert_eq!(add_working_days(date(2025, 3, 28), 1, &[]), Some(date(2025, 3, 31)));
        // 30 working days from Monday 1 December 2025 skip Jamhuri, Christmas, Boxing Day and New Year.
        assert_eq!(add_working_days(date(2025, 12, 1), 30, &[]), Some(date(2026, 1, 16)));
    }
}
