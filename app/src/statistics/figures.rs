//! The statistics drawn: each figure's table, bars and CSV from what `service` read. Pure: a test gives it rows
//! and reads the tables.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::{db::Named, domain::Centre, registers};
use crate::{
    calendar,
    figures::{
        chart::{lengths, rate_row, Bar, Figure},
        db::Sum,
        domain::{self, Histogram},
        rollup::figure,
        words,
    },
    i18n::Lang,
};

/// What the statistics are drawn from.
pub struct Read {
    /// Decisions, reasons, decision times, tests and inspections, by service, place and item.
    pub counted: Vec<Sum>,
    /// Applications started, by day and service.
    pub weekly: Vec<Sum>,
    /// Payment attempts by method and outcome.
    pub attempts: Vec<Sum>,
    pub licences: Vec<Named>,
    pub certificates: Vec<Named>,
    pub routes: Vec<Named>,
    pub saccos: Vec<Named>,
}

/// Every figure, in the page's order; `filtered`: a county or centre was chosen (payments are not counted by
/// place, and say so).
pub fn all(lang: Lang, read: &Read, centres: &[Centre], filtered: bool) -> Vec<Figure> {
    vec![
        weekly(lang, &read.weekly),
        decisions(lang, &read.counted),
        reasons(lang, &read.counted),
        decision_time(lang, &read.counted, None),
        decision_time(lang, &read.counted, Some(centres)),
        payments(lang, &read.attempts, filtered),
        tests(lang, &read.counted, centres),
        inspections(lang, &read.counted, centres),
        registers::expiring(lang, &read.licences, &read.certificates),
        registers::in_force(lang, "psv-routes", &read.routes),
        registers::in_force(lang, "psv-saccos", &read.saccos),
    ]
}

/// A figure with its words from `statistics-{code}-*`: its title, its columns, an optional note.
pub(super) fn figure(
    lang: Lang,
    code: &'static str,
    columns: &[&str],
    rows: Vec<Vec<String>>,
    bars: Vec<Bar>,
) -> Figure {
    let note_key = format!("statistics-{code}-note");
    Figure {
        code,
        title: lang.t(&format!("statistics-{code}-title")),
        head: columns
            .iter()
            .map(|c| lang.t(&format!("statistics-column-{c}")))
            .collect(),
        rows,
        bars,
        note: lang.has(&note_key).then(|| lang.t(&note_key)),
    }
}

/// Bars for counts (lengths from `lengths`; none for "fewer than 10").
fn count_bars(lang: Lang, labels: &[String], counts: &[i64]) -> Vec<Bar> {
    let shown: Vec<Option<i64>> = counts
        .iter()
        .map(|n| (domain::Shown::of(*n) != domain::Shown::FewerThanTen).then_some(*n))
        .collect();
    labels
        .iter()
        .zip(lengths(&shown))
        .zip(counts)
        .map(|((label, length), n)| Bar {
            label: label.clone(),
            length,
            text: words::count(lang, *n),
        })
        .collect()
}

/// A figure of one count per label: a row and a bar each.
pub(super) fn count_figure(
    lang: Lang,
    code: &'static str,
    columns: &[&str],
    labels: Vec<String>,
    counts: &[i64],
) -> Figure {
    let bars = count_bars(lang, &labels, counts);
    let rows = labels
        .into_iter()
        .zip(counts)
        .map(|(label, n)| vec![label, words::count(lang, *n)])
        .collect();
    figure(lang, code, columns, rows, bars)
}

/// The Monday a day's week starts on.
fn week_of(day: Date) -> Date {
    let back = i32::from(day.weekday().to_monday_zero_offset());
    calendar::add_days(day, -back).unwrap_or(day)
}

fn weekly(lang: Lang, started: &[Sum]) -> Figure {
    let mut weeks: BTreeMap<Date, BTreeMap<&str, i64>> = BTreeMap::new();
    for sum in started {
        if let Some(day) = calendar::parse_iso(&sum.day) {
            *weeks.entry(week_of(day)).or_default().entry(&sum.service).or_default() += sum.value;
        }
    }
    let mut services: Vec<&str> = started.iter().map(|s| s.service.as_str()).collect();
    services.sort();
    services.dedup();
    let services = words::by_name(lang, services.into_iter());
    let mut head = vec![lang.t("statistics-column-week"), lang.t("statistics-column-all")];
    head.extend(services.iter().map(|(_, name)| name.clone()));
    let (mut rows, mut labels, mut totals) = (vec![], vec![], vec![]);
    for (week, counts) in &weeks {
        let total: i64 = counts.values().sum();
        let label = calendar::long_date(lang, *week);
        let mut row = vec![label.clone(), words::count(lang, total)];
        row.extend(
            services
                .iter()
                .map(|(code, _)| words::count(lang, counts.get(code).copied().unwrap_or(0))),
        );
        rows.push(row);
        labels.push(label);
        totals.push(total);
    }
    let mut weekly = figure(lang, "weekly", &[], rows, count_bars(lang, &labels, &totals));
    weekly.head = head;
    weekly
}

/// The sum of `name`'s counts by a key of each row.
fn sum_by<'a>(rows: &'a [Sum], name: &str, key: impl Fn(&'a Sum) -> &'a str) -> BTreeMap<&'a str, i64> {
    let mut sums = BTreeMap::new();
    for row in rows.iter().filter(|r| r.figure == name) {
        *sums.entry(key(row)).or_default() += row.value;
    }
    sums
}

fn decisions(lang: Lang, counted: &[Sum]) -> Figure {
    let approved = sum_by(counted, figure::DECIDED, |r| {
        if r.item == "approved" {
            &r.service
        } else {
            ""
        }
    });
    let rejected = sum_by(counted, figure::DECIDED, |r| {
        if r.item == "rejected" {
            &r.service
        } else {
            ""
        }
    });
    let services = words::by_name(
        lang,
        approved
            .keys()
            .chain(rejected.keys())
            .copied()
            .filter(|s| !s.is_empty())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter(),
    );
    let (mut rows, mut bars) = (vec![], vec![]);
    for (service, name) in services {
        let (a, r) = (
            approved.get(service).copied().unwrap_or(0),
            rejected.get(service).copied().unwrap_or(0),
        );
        let (row, bar) = rate_row(lang, name, &[a + r, a, r], r, a + r);
        rows.push(row);
        bars.push(bar);
    }
    figure(
        lang,
        "decisions",
        &["service", "decided", "approved", "rejected", "rejection-rate"],
        rows,
        bars,
    )
}

fn reasons(lang: Lang, counted: &[Sum]) -> Figure {
    let by_reason = sum_by(counted, figure::REJECTED_FOR, |r| &r.item);
    let mut reasons: Vec<(&str, i64)> = by_reason.into_iter().collect();
    reasons.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let labels: Vec<String> = reasons
        .iter()
        .map(|(code, _)| lang.t(&format!("applications-reason-{code}")))
        .collect();
    let counts: Vec<i64> = reasons.iter().map(|(_, n)| *n).collect();
    count_figure(lang, "reasons", &["reason", "rejected"], labels, &counts)
}

/// Median and 90th percentile from payment to decision: by service, or (`centres`) by centre.
fn decision_time(lang: Lang, counted: &[Sum], centres: Option<&[Centre]>) -> Figure {
    let mut histograms: BTreeMap<&str, Histogram> = BTreeMap::new();
    for row in counted.iter().filter(|r| r.figure == figure::DECISION_TIME) {
        let key = if centres.is_some() {
            row.place.as_str()
        } else {
            row.service.as_str()
        };
        if !key.is_empty() {
            histograms
                .entry(key)
                .or_default()
                .add(row.item.parse().unwrap_or(0), row.value);
        }
    }
    let named: Vec<(&str, String)> = match centres {
        None => words::by_name(lang, histograms.keys().copied()),
        Some(centres) => histograms
            .keys()
            .map(|code| (*code, centre_name(centres, code)))
            .collect(),
    };
    let medians: Vec<Option<i64>> = named.iter().map(|(k, _)| histograms[k].percentile(50)).collect();
    let (mut rows, mut bars) = (vec![], vec![]);
    for (((key, name), median), length) in named.iter().zip(&medians).zip(lengths(&medians)) {
        let histogram = &histograms[key];
        let time = |p: Option<i64>| p.map_or_else(|| lang.t("figures-fewer-than-ten"), |s| words::duration(lang, s));
        let text = time(*median);
        rows.push(vec![
            name.clone(),
            words::count(lang, histogram.count()),
            text.clone(),
            time(histogram.percentile(90)),
        ]);
        bars.push(Bar {
            label: name.clone(),
            length,
            text,
        });
    }
    let (code, first) = if centres.is_some() {
        ("decision-time-centres", "centre")
    } else {
        ("decision-time", "service")
    };
    figure(lang, code, &[first, "decided", "median", "p90"], rows, bars)
}

fn centre_name(centres: &[Centre], code: &str) -> String {
    centres
        .iter()
        .find(|c| c.code == code)
        .map_or_else(|| code.to_string(), |c| c.name.clone())
}

/// An outcome's words: paid, or why not (M-Pesa's result codes, a card declined or left to expire).
fn outcome(lang: Lang, outcome: &str) -> String {
    match outcome {
        "paid" | "1032" | "1037" | "2001" | "1" | "declined" | "expired" => {
            lang.t(&format!("statistics-outcome-{outcome}"))
        }
        code => lang.t_with("statistics-outcome-code", &[("code", code.to_string())]),
    }
}

fn payments(lang: Lang, attempts: &[Sum], filtered: bool) -> Figure {
    let mut rows = vec![];
    let (mut labels, mut counts) = (vec![], vec![]);
    let mut sorted: Vec<&Sum> = attempts.iter().collect();
    sorted.sort_by(|a, b| a.item.cmp(&b.item));
    for attempt in sorted {
        let (method, result) = attempt.item.split_once(':').unwrap_or((&attempt.item, ""));
        let method = lang.t(&format!("performance-method-{method}"));
        let result = outcome(lang, result);
        rows.push(vec![method.clone(), result.clone(), words::count(lang, attempt.value)]);
        labels.push(format!("{method}: {result}"));
        counts.push(attempt.value);
    }
    let mut payments = figure(
        lang,
        "payments",
        &["method", "outcome", "payments"],
        rows,
        count_bars(lang, &labels, &counts),
    );
    if filtered {
        payments.note = Some(lang.t("statistics-payments-everywhere"));
    }
    payments
}

fn tests(lang: Lang, counted: &[Sum], centres: &[Centre]) -> Figure {
    let passed = sum_by(
        counted,
        figure::TESTS,
        |r| if r.item == "passed" { &r.place } else { "" },
    );
    let all = sum_by(counted, figure::TESTS, |r| &r.place);
    let (mut rows, mut bars) = (vec![], vec![]);
    for (unit, n) in all {
        let name = centre_name(centres, unit);
        let p = passed.get(unit).copied().unwrap_or(0);
        let (row, bar) = rate_row(lang, name, &[n, p], p, n);
        rows.push(row);
        bars.push(bar);
    }
    figure(lang, "tests", &["unit", "tests", "passed", "pass-rate"], rows, bars)
}

fn inspections(lang: Lang, counted: &[Sum], centres: &[Centre]) -> Figure {
    let booked = sum_by(counted, figure::INSPECTIONS, |r| &r.place);
    let labels: Vec<String> = booked.keys().map(|code| centre_name(centres, code)).collect();
    let counts: Vec<i64> = booked.values().copied().collect();
    count_figure(lang, "inspections", &["centre", "inspections"], labels, &counts)
}
