//! The rules every published figure follows, with no I/O (issue 29): a count from fewer than 10 people is shown
//! as "fewer than 10" (and so is a rate made from one), and times are kept as a histogram so a median over any
//! range of days comes from the daily rollups without reading a single application again.

use std::collections::BTreeMap;

/// The smallest count shown as a number: smaller ones (but not 0) could point at a person (the Kenya National
/// Bureau of Statistics and the UK's ONS suppress cells under 10 in published tables).
pub const SMALLEST_SHOWN: i64 = 10;

/// A count as published: a number, or "fewer than 10".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Count(i64),
    FewerThanTen,
}

impl Shown {
    pub fn of(count: i64) -> Shown {
        if count > 0 && count < SMALLEST_SHOWN {
            Shown::FewerThanTen
        } else {
            Shown::Count(count)
        }
    }
}

/// A share `part / whole` in per mille (for one decimal of a percentage), unless either count is too small to
/// publish or the whole is 0.
pub fn rate(part: i64, whole: i64) -> Option<i64> {
    let small = |n: i64| Shown::of(n) == Shown::FewerThanTen;
    if whole <= 0 || small(part) || small(whole) {
        return None;
    }
    Some((part * 1_000 + whole / 2) / whole)
}

/// A per mille as a percentage with one decimal: 975 → "97.5%".
pub fn percent(per_mille: i64) -> String {
    format!("{}.{}%", per_mille / 10, per_mille % 10)
}

/// A count with thousands separators, as the fees are written: 1234567 → "1,234,567".
pub use crate::fees::domain::grouped;

/// A rejection's reason as a category: the code an officer picked (`applications-reason-documents` and their
/// words on the next line are stored), `other` for anything else. Only the category is counted: the officer's own
/// words may name the person.
pub fn reason_code(reason: &str) -> &'static str {
    let first = reason.lines().next().unwrap_or_default().trim();
    let code = first.strip_prefix("applications-reason-").unwrap_or_default();
    REASONS.into_iter().find(|known| *known == code).unwrap_or("other")
}

/// The reasons a rejection can carry: an officer's four, and a transfer's buyer who declined or never answered.
pub const REASONS: [&str; 6] = [
    "documents",
    "particulars",
    "duplicate",
    "other",
    "transfer-declined",
    "transfer-lapsed",
];

/// Each bucket is 10% wider than the one before: a median read from the buckets is within 5% of the true one.
const GROWTH: f64 = 1.1;

/// The bucket of a duration in seconds (0 and 1 second share bucket 0).
pub fn bucket_of(seconds: i64) -> i64 {
    if seconds <= 1 {
        return 0;
    }
    ((seconds as f64).ln() / GROWTH.ln()).floor() as i64
}

/// The middle of a bucket, in seconds (the geometric mean of its ends).
pub fn middle_of(bucket: i64) -> i64 {
    if bucket <= 0 {
        return 1;
    }
    GROWTH.powf(bucket as f64 + 0.5).round() as i64
}

/// Durations counted by bucket, from one day or many added together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Histogram(BTreeMap<i64, i64>);

impl Histogram {
    pub fn add(&mut self, bucket: i64, count: i64) {
        *self.0.entry(bucket).or_default() += count;
    }

    pub fn record(&mut self, seconds: i64) {
        self.add(bucket_of(seconds), 1);
    }

    pub fn count(&self) -> i64 {
        self.0.values().sum()
    }

    pub fn buckets(&self) -> impl Iterator<Item = (i64, i64)> + '_ {
        self.0.iter().map(|(bucket, count)| (*bucket, *count))
    }

    /// The duration under which `percent` of the counted durations fall (50: the median); None when fewer than
    /// 10 were counted.
    pub fn percentile(&self, percent: i64) -> Option<i64> {
        let total = self.count();
        if total < SMALLEST_SHOWN {
            return None;
        }
        // The smallest rank that covers `percent` of the total (nearest-rank method).
        let rank = (total * percent + 99) / 100;
        let mut seen = 0;
        for (bucket, count) in self.buckets() {
            seen += count;
            if seen >= rank.max(1) {
                return Some(middle_of(bucket));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_from_one_to_nine_are_fewer_than_ten() {
        assert_eq!(Shown::of(0), Shown::Count(0));
        assert_eq!(Shown::of(1), Shown::FewerThanTen);
        assert_eq!(Shown::of(9), Shown::FewerThanTen);
        assert_eq!(Shown::of(10), Shown::Count(10));
    }

    #[test]
    fn a_rate_from_a_small_count_is_not_published() {
        assert_eq!(rate(39, 40), Some(975));
        assert_eq!(rate(0, 40), Some(0));
        assert_eq!(rate(5, 40), None, "5 people");
        assert_eq!(rate(9, 9), None);
        assert_eq!(rate(0, 0), None);
        assert_eq!(percent(975), "97.5%");
        assert_eq!(percent(1_000), "100.0%");
    }

    #[test]
    fn a_reason_counts_by_its_category_never_its_words() {
        assert_eq!(
            reason_code("applications-reason-documents\nThe logbook is missing"),
            "documents"
        );
        assert_eq!(reason_code("applications-reason-particulars"), "particulars");
        assert_eq!(reason_code("John Kamau's ID does not match"), "other");
        assert_eq!(reason_code("applications-reason-<script>"), "other");
        assert_eq!(reason_code(""), "other");
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn a_median_from_buckets_is_within_five_per_cent() {
        for seconds in [2, 59, 3_600, 86_400, 3 * 86_400 + 7_200, 200 * 86_400] {
            let middle = middle_of(bucket_of(seconds));
            let error = (middle - seconds).abs() as f64 / seconds as f64;
            assert!(error <= 0.05, "{seconds}s read back as {middle}s");
        }
    }

    #[test]
    fn percentiles_come_from_the_added_days() {
        let mut first = Histogram::default();
        let mut second = Histogram::default();
        for minutes in 1..=10 {
            first.record(minutes * 60);
        }
        let near = |found: Option<i64>, seconds: i64| found.is_some_and(|s| (s - seconds).abs() * 20 <= seconds);
        assert!(near(first.percentile(50), 300), "{:?}", first.percentile(50));
        for _ in 0..10 {
            second.record(3_600);
        }
        for (bucket, count) in second.buckets() {
            first.add(bucket, count);
        }
        // 20 durations: ten of 1..10 minutes, ten of an hour; the median is the 10th, 10 minutes.
        assert!(near(first.percentile(50), 600));
        assert!(near(first.percentile(90), 3_600));
        let mut few = Histogram::default();
        few.record(60);
        assert_eq!(few.percentile(50), None, "one person");
    }
}
