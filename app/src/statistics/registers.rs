//! The statistics read from the registers as they stand today: what expires in the next 90 days by county, and
//! PSV licences in force by route and by SACCO.

use std::collections::BTreeMap;

use super::{db::Named, figures::count_figure};
use crate::{
    figures::{chart::Figure, words},
    i18n::Lang,
};

/// Driving licences and inspection certificates expiring, by county (bars: both together).
pub fn expiring(lang: Lang, licences: &[Named], certificates: &[Named]) -> Figure {
    let mut counties: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for l in licences {
        counties.entry(&l.name).or_default().0 += l.n;
    }
    for c in certificates {
        counties.entry(&c.name).or_default().1 += c.n;
    }
    let county = |name: &str| {
        if name.is_empty() {
            lang.t("statistics-county-unknown")
        } else {
            name.to_string()
        }
    };
    let labels: Vec<String> = counties.keys().map(|name| county(name)).collect();
    let totals: Vec<i64> = counties.values().map(|(l, c)| l + c).collect();
    let mut expiring = count_figure(
        lang,
        "expiring",
        &["county", "licences", "certificates"],
        labels,
        &totals,
    );
    expiring.rows = counties
        .iter()
        .map(|(name, (l, c))| vec![county(name), words::count(lang, *l), words::count(lang, *c)])
        .collect();
    expiring
}

/// PSV licences in force, by route or SACCO (`code` says which), the most first.
pub fn in_force(lang: Lang, code: &'static str, counts: &[Named]) -> Figure {
    let mut sorted: Vec<&Named> = counts.iter().collect();
    sorted.sort_by(|a, b| b.n.cmp(&a.n).then(a.name.cmp(&b.name)));
    let labels = sorted.iter().map(|n| n.name.clone()).collect();
    let values: Vec<i64> = sorted.iter().map(|n| n.n).collect();
    let first = if code == "psv-routes" { "route" } else { "sacco" };
    count_figure(lang, code, &[first, "psv-licences"], labels, &values)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn named(name: &str, n: i64) -> Named {
        Named { name: name.into(), n }
    }

    #[test]
    fn expiring_adds_both_registers_by_county_and_hides_small_counts() {
        let figure = expiring(Lang::En, &[named("Nairobi", 12), named("", 3)], &[named("Nairobi", 40)]);
        assert_eq!(
            figure.rows,
            [
                vec!["County not recorded".to_string(), "fewer than 10".into(), "0".into()],
                vec!["Nairobi".into(), "12".into(), "40".into()],
            ]
        );
        assert_eq!(figure.bars[1].text, "52");
        assert_eq!(figure.bars[0].length, None, "fewer than 10 has no bar");
    }

    #[test]
    fn in_force_lists_the_most_first() {
        let figure = in_force(
            Lang::En,
            "psv-saccos",
            &[named("Embassava Sacco", 11), named("Super Metro Sacco", 30)],
        );
        assert_eq!(figure.rows[0], ["Super Metro Sacco", "30"]);
        assert_eq!(figure.head[0], "SACCO");
    }
}
