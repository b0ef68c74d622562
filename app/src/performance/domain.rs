//! The range of days a performance page shows, read from the form's boxes: the last 30 days by default, never a
//! day that is not over yet (the rollups stop at yesterday), at most a year.

use jiff::civil::Date;

use crate::{calendar, error::FieldError, ui::DateValue};

/// Days shown when none are asked for.
pub const DEFAULT_DAYS: i32 = 30;
/// The longest range, so one view never sums more than a year of rollups.
pub const LONGEST_DAYS: i32 = 366;

/// From `from` to `to`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub from: Date,
    pub to: Date,
}

impl Range {
    /// The 30 days that ended yesterday.
    pub fn last_days(yesterday: Date, days: i32) -> Range {
        Range {
            from: calendar::add_days(yesterday, 1 - days).unwrap_or(yesterday),
            to: yesterday,
        }
    }

    /// The range as it goes into an address: `from=2026-11-01&to=2026-11-30`.
    pub fn query(&self) -> String {
        format!("from={}&to={}", self.from, self.to)
    }
}

/// The last day with figures: yesterday in Nairobi (today's are counted tonight).
pub fn yesterday(now: i64) -> Date {
    let today = calendar::date_of(now);
    calendar::add_days(today, -1).unwrap_or(today)
}

/// The range a CSV link asks for in ISO dates, if the page would show it.
pub fn from_iso(from: &str, to: &str, yesterday: Date) -> Option<Range> {
    let boxes = |iso: &str| calendar::parse_iso(iso.trim()).map(boxes).unwrap_or_default();
    parse(&boxes(from), &boxes(to), yesterday).ok()
}

/// The range the boxes ask for (the default when all six are empty), or what is wrong with them.
pub fn parse(from: &DateValue, to: &DateValue, yesterday: Date) -> Result<Range, Vec<FieldError>> {
    let empty = |d: &DateValue| d.day.trim().is_empty() && d.month.trim().is_empty() && d.year.trim().is_empty();
    if empty(from) && empty(to) {
        return Ok(Range::last_days(yesterday, DEFAULT_DAYS));
    }
    let read = |d: &DateValue| calendar::parse_parts(&d.day, &d.month, &d.year);
    let mut errors = vec![];
    let (first, last) = (read(from), read(to));
    if first.is_none() {
        errors.push(FieldError::new("from", "performance-error-from"));
    }
    match last {
        None => errors.push(FieldError::new("to", "performance-error-to")),
        Some(last) if last > yesterday => errors.push(FieldError::new("to", "performance-error-future")),
        Some(_) => {}
    }
    let (Some(first), Some(last)) = (first, last) else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    if first > last {
        errors.push(FieldError::new("from", "performance-error-order"));
    } else if calendar::days_between(first, last) >= LONGEST_DAYS {
        errors.push(FieldError::new("from", "performance-error-long"));
    }
    if errors.is_empty() {
        Ok(Range { from: first, to: last })
    } else {
        Err(errors)
    }
}

/// The boxes of a date, filled from a range's date (what the form shows when nothing was typed).
pub fn boxes(date: Date) -> DateValue {
    DateValue {
        day: date.day().to_string(),
        month: date.month().to_string(),
        year: date.year().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn typed(day: &str, month: &str, year: &str) -> DateValue {
        DateValue {
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    fn keys(result: Result<Range, Vec<FieldError>>) -> Vec<String> {
        result
            .unwrap_err()
            .into_iter()
            .map(|e| format!("{}:{}", e.field, e.key))
            .collect()
    }

    #[test]
    fn nothing_typed_is_the_last_thirty_days() {
        let yesterday = date(2026, 12, 5);
        let range = parse(&DateValue::default(), &DateValue::default(), yesterday).unwrap();
        assert_eq!((range.from, range.to), (date(2026, 11, 6), yesterday));
        assert_eq!(range.query(), "from=2026-11-06&to=2026-12-05");
    }

    #[test]
    fn a_range_is_over_and_in_order_and_at_most_a_year() {
        let yesterday = date(2026, 12, 5);
        let ok = parse(&typed("1", "11", "2026"), &typed("30", "11", "2026"), yesterday).unwrap();
        assert_eq!((ok.from, ok.to), (date(2026, 11, 1), date(2026, 11, 30)));
        assert_eq!(
            keys(parse(&typed("31", "11", "2026"), &typed("", "", ""), yesterday)),
            ["from:performance-error-from", "to:performance-error-to"]
        );
        assert_eq!(
            keys(parse(&typed("1", "12", "2026"), &typed("6", "12", "2026"), yesterday)),
            ["to:performance-error-future"]
        );
        assert_eq!(
            keys(parse(&typed("31", "11", "2026"), &typed("1", "1", "2999"), yesterday)),
            ["from:performance-error-from", "to:performance-error-future"]
        );
        assert_eq!(
            keys(parse(&typed("2", "12", "2026"), &typed("1", "12", "2026"), yesterday)),
            ["from:performance-error-order"]
        );
        assert_eq!(
            keys(parse(&typed("1", "12", "2025"), &typed("5", "12", "2026"), yesterday)),
            ["from:performance-error-long"]
        );
        assert!(parse(&typed("6", "12", "2025"), &typed("5", "12", "2026"), yesterday).is_ok());
    }
}
