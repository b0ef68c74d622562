//! The performance page's figures, in one language, from the daily rollups: what the page shows and what its CSV
//! links download are the same `Figure`s.

use std::collections::{BTreeMap, BTreeSet};

use super::domain::Range;
use crate::{
    calendar,
    figures::{
        chart::{lengths, rate_row, Bar, Figure},
        db::{self, Sum, Sums},
        domain::{self, Histogram},
        rollup::figure,
        words,
    },
    i18n::Lang,
    state::AppState,
};

/// The figures' codes, in the page's order.
pub const FIGURES: [&str; 4] = ["completion", "time", "payments", "availability"];

/// The payment methods, in the order shown.
const METHODS: [&str; 3] = ["mpesa", "card", "counter"];

/// Every figure of the page for `range`; availability is always the 30 days that ended yesterday.
pub async fn figures(state: &AppState, lang: Lang, range: Range) -> anyhow::Result<Vec<Figure>> {
    let (from, to) = (range.from.to_string(), range.to.to_string());
    let wanted = [
        figure::STARTED,
        figure::PAID,
        figure::COMPLETED,
        figure::COMPLETION_TIME,
        figure::ATTEMPTS,
    ];
    let sums = |figures, from, to, by_day| Sums {
        figures,
        from,
        to,
        places: None,
        by_day,
        by_place: false,
    };
    let totals = db::sums(&state.pool, &sums(&wanted, &from, &to, false)).await?;
    let month = Range::last_days(super::domain::yesterday(state.clock.now()), 30);
    let (month_from, month_to) = (month.from.to_string(), month.to.to_string());
    let health = [figure::MINUTES_UP, figure::MINUTES_WATCHED];
    let health = db::sums(&state.pool, &sums(&health, &month_from, &month_to, true)).await?;
    Ok(vec![
        completion(lang, &totals),
        time(lang, &totals),
        payments(lang, &totals),
        availability(lang, &health),
    ])
}

/// One of the figures, for its CSV.
pub async fn one(state: &AppState, lang: Lang, range: Range, code: &str) -> anyhow::Result<Option<Figure>> {
    Ok(figures(state, lang, range).await?.into_iter().find(|f| f.code == code))
}

/// The sum of `name`'s counts by service (over places and items).
fn by_service(totals: &[Sum], name: &str) -> BTreeMap<String, i64> {
    let mut sums = BTreeMap::new();
    for count in totals.iter().filter(|c| c.figure == name) {
        *sums.entry(count.service.clone()).or_default() += count.value;
    }
    sums
}

fn completion(lang: Lang, totals: &[Sum]) -> Figure {
    let (started, paid, completed) = (
        by_service(totals, figure::STARTED),
        by_service(totals, figure::PAID),
        by_service(totals, figure::COMPLETED),
    );
    let services: BTreeSet<&String> = started.keys().chain(paid.keys()).chain(completed.keys()).collect();
    let services = words::by_name(lang, services.into_iter().map(String::as_str));
    let get = |map: &BTreeMap<String, i64>, s: &str| map.get(s).copied().unwrap_or(0);
    let mut rows = vec![];
    let mut bars = vec![];
    for (service, name) in services {
        let (s, p, c) = (get(&started, service), get(&paid, service), get(&completed, service));
        // An application started before the range and completed in it can take a rate past 100%.
        let (row, bar) = rate_row(lang, name, &[s, p, c], c.min(s), s);
        rows.push(row);
        bars.push(bar);
    }
    Figure {
        code: "completion",
        title: lang.t("performance-completion-title"),
        head: ["service", "started", "paid", "completed", "rate"]
            .map(|h| lang.t(&format!("performance-completion-{h}")))
            .to_vec(),
        rows,
        bars,
        note: None,
    }
}

fn time(lang: Lang, totals: &[Sum]) -> Figure {
    let mut histograms: BTreeMap<&str, Histogram> = BTreeMap::new();
    for count in totals.iter().filter(|c| c.figure == figure::COMPLETION_TIME) {
        let bucket = count.item.parse().unwrap_or(0);
        histograms.entry(&count.service).or_default().add(bucket, count.value);
    }
    let services = words::by_name(lang, histograms.keys().copied());
    let medians: Vec<Option<i64>> = services
        .iter()
        .map(|(code, _)| histograms[code].percentile(50))
        .collect();
    let lengths = lengths(&medians);
    let mut rows = vec![];
    let mut bars = vec![];
    for (((service, name), median), length) in services.into_iter().zip(&medians).zip(lengths) {
        let histogram = &histograms[service];
        let text = median.map_or_else(|| lang.t("figures-fewer-than-ten"), |m| words::duration(lang, m));
        rows.push(vec![name.clone(), words::count(lang, histogram.count()), text.clone()]);
        bars.push(Bar {
            label: name,
            length,
            text,
        });
    }
    Figure {
        code: "time",
        title: lang.t("performance-time-title"),
        head: ["service", "completed", "median"]
            .map(|h| lang.t(&format!("performance-time-{h}")))
            .to_vec(),
        rows,
        bars,
        note: None,
    }
}

fn payments(lang: Lang, totals: &[Sum]) -> Figure {
    let mut rows = vec![];
    let mut bars = vec![];
    for method in METHODS {
        let prefix = format!("{method}:");
        let mine = totals
            .iter()
            .filter(|c| c.figure == figure::ATTEMPTS && c.item.starts_with(&prefix));
        let (tries, paid) = mine.fold((0, 0), |(tries, paid), c| {
            let ok = c.item == format!("{method}:paid");
            (tries + c.value, paid + if ok { c.value } else { 0 })
        });
        let name = lang.t(&format!("performance-method-{method}"));
        let (row, bar) = rate_row(lang, name, &[tries, paid], paid, tries);
        rows.push(row);
        bars.push(bar);
    }
    Figure {
        code: "payments",
        title: lang.t("performance-payments-title"),
        head: ["method", "tries", "paid", "rate"]
            .map(|h| lang.t(&format!("performance-payments-{h}")))
            .to_vec(),
        rows,
        bars,
        note: None,
    }
}

/// Minutes up over minutes watched, day by day; a day nobody watched is not shown. Not a count of people, so
/// never "fewer than 10".
fn availability(lang: Lang, health: &[Sum]) -> Figure {
    let of = |name: &'static str| health.iter().filter(move |d| d.figure == name);
    let up: BTreeMap<&str, i64> = of(figure::MINUTES_UP).map(|d| (d.day.as_str(), d.value)).collect();
    let watched: Vec<&Sum> = of(figure::MINUTES_WATCHED).collect();
    let share = |up: i64, of: i64| (up * 1_000 + of / 2) / of.max(1);
    let (all_up, all_watched) = watched.iter().fold((0, 0), |(u, w), d| {
        (u + up.get(d.day.as_str()).copied().unwrap_or(0), w + d.value)
    });
    let mut rows = vec![];
    let mut bars = vec![];
    if all_watched > 0 {
        let overall = domain::percent(share(all_up, all_watched));
        rows.push(vec![lang.t("performance-availability-all"), overall.clone()]);
        bars.push(Bar {
            label: lang.t("performance-availability-all"),
            length: Some(share(all_up, all_watched)),
            text: overall,
        });
    }
    for day in watched.iter().filter(|d| d.value > 0) {
        let per_mille = share(up.get(day.day.as_str()).copied().unwrap_or(0), day.value);
        let label = calendar::parse_iso(&day.day).map_or(day.day.clone(), |d| calendar::long_date(lang, d));
        rows.push(vec![label.clone(), domain::percent(per_mille)]);
        bars.push(Bar {
            label,
            length: Some(per_mille),
            text: domain::percent(per_mille),
        });
    }
    Figure {
        code: "availability",
        title: lang.t("performance-availability-title"),
        head: vec![
            lang.t("performance-availability-day"),
            lang.t("performance-availability-share"),
        ],
        rows,
        bars,
        note: None,
    }
}
