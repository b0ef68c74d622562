//! A figure's numbers in words of a language: a count or "fewer than 10", a rate, a duration.

use super::domain::{self, Shown};
use crate::i18n::Lang;

/// A count as published.
pub fn count(lang: Lang, n: i64) -> String {
    match Shown::of(n) {
        Shown::Count(n) => domain::grouped(n),
        Shown::FewerThanTen => lang.t("figures-fewer-than-ten"),
    }
}

/// The rate `part / whole` as published: a dash when there was nothing to count.
pub fn rate(lang: Lang, part: i64, whole: i64) -> String {
    match domain::rate(part, whole) {
        _ if whole == 0 => "–".into(),
        Some(per_mille) => domain::percent(per_mille),
        None => lang.t("figures-fewer-than-ten"),
    }
}

/// A duration, to the minute under two days, then in days with one decimal.
pub fn duration(lang: Lang, seconds: i64) -> String {
    let minutes = (seconds + 30) / 60;
    if minutes < 60 {
        lang.t_with("figures-minutes", &[("minutes", minutes.to_string())])
    } else if minutes < 48 * 60 {
        lang.t_with(
            "figures-hours",
            &[
                ("hours", (minutes / 60).to_string()),
                ("minutes", (minutes % 60).to_string()),
            ],
        )
    } else {
        let tenths = (seconds + 4_320) / 8_640;
        lang.t_with("figures-days", &[("days", format!("{}.{}", tenths / 10, tenths % 10))])
    }
}

/// A service's name as the catalogue gives it.
pub fn service_name(lang: Lang, code: &str) -> String {
    lang.t(&format!("catalogue-{code}-title"))
}

/// Services with their names, in the order of their names in `lang`.
pub fn by_name<'a>(lang: Lang, services: impl Iterator<Item = &'a str>) -> Vec<(&'a str, String)> {
    let mut named: Vec<(&str, String)> = services.map(|code| (code, service_name(lang, code))).collect();
    named.sort_by(|a, b| a.1.cmp(&b.1));
    named
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(duration(Lang::En, 12 * 60), "12 min");
        assert_eq!(duration(Lang::En, 3 * 3_600 + 5 * 60), "3 h 5 min");
        assert_eq!(duration(Lang::Sw, 3 * 3_600 + 5 * 60), "saa 3 dakika 5");
        assert_eq!(duration(Lang::En, 5 * 86_400 / 2), "2.5 days");
        assert_eq!(duration(Lang::Sw, 3 * 86_400), "siku 3.0");
    }

    #[test]
    fn small_counts_are_words() {
        assert_eq!(count(Lang::En, 4), "fewer than 10");
        assert_eq!(count(Lang::Sw, 4), "chini ya 10");
        assert_eq!(count(Lang::En, 12_000), "12,000");
        assert_eq!(rate(Lang::En, 3, 40), "fewer than 10");
        assert_eq!(rate(Lang::En, 0, 0), "–");
        assert_eq!(rate(Lang::En, 30, 40), "75.0%");
    }
}
