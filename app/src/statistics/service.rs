//! The statistics for a range and a place, in one language: read from the rollups (and, for what is in force or
//! expiring, from the registers), then drawn by `figures`. What the page shows and its CSV links download are the
//! same `Figure`s.

use super::{
    db,
    domain::{Centre, Place},
    figures::{self as draw, Read},
};
use crate::{
    calendar,
    figures::{
        chart::Figure,
        db::{self as rollups, Sums},
        rollup::figure,
    },
    i18n::Lang,
    performance::domain::Range,
    state::AppState,
};

/// What is asked: the days and the place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub range: Range,
    pub place: Place,
}

/// The figures' codes, in the page's order.
pub const FIGURES: [&str; 11] = [
    "weekly",
    "decisions",
    "reasons",
    "decision-time",
    "decision-time-centres",
    "payments",
    "tests",
    "inspections",
    "expiring",
    "psv-routes",
    "psv-saccos",
];

/// Days ahead in which a licence or certificate counts as expiring.
pub const EXPIRING_DAYS: i32 = 90;

pub async fn figures(state: &AppState, lang: Lang, filter: &Filter, centres: &[Centre]) -> anyhow::Result<Vec<Figure>> {
    let (from, to) = (filter.range.from.to_string(), filter.range.to.to_string());
    let codes = filter.place.codes(centres);
    let county = filter.place.county(centres);
    let sums = |figures, places, by_day, by_place| Sums {
        figures,
        from: &from,
        to: &to,
        places,
        by_day,
        by_place,
    };
    let places = codes.as_deref();
    let counted = [
        figure::DECIDED,
        figure::REJECTED_FOR,
        figure::DECISION_TIME,
        figure::TESTS,
        figure::INSPECTIONS,
    ];
    let today = calendar::date_of(state.clock.now());
    let until = calendar::add_days(today, EXPIRING_DAYS).unwrap_or(today);
    let (today, until) = (today.to_string(), until.to_string());
    let county = county.as_deref();
    let read = Read {
        counted: rollups::sums(&state.pool, &sums(&counted, places, false, true)).await?,
        weekly: rollups::sums(&state.pool, &sums(&[figure::STARTED], places, true, false)).await?,
        attempts: rollups::sums(&state.pool, &sums(&[figure::ATTEMPTS], None, false, false)).await?,
        licences: db::licences_expiring(&state.pool, &today, &until, county).await?,
        certificates: db::inspections_due(&state.pool, &today, &until, county).await?,
        routes: db::psv_licences(&state.pool, &today, false, county).await?,
        saccos: db::psv_licences(&state.pool, &today, true, county).await?,
    };
    Ok(draw::all(lang, &read, centres, filter.place != Place::Kenya))
}

/// One figure, for its CSV.
pub async fn one(
    state: &AppState,
    lang: Lang,
    filter: &Filter,
    centres: &[Centre],
    code: &str,
) -> anyhow::Result<Option<Figure>> {
    Ok(figures(state, lang, filter, centres)
        .await?
        .into_iter()
        .find(|f| f.code == code))
}
