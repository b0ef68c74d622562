//! `/en/performance`: the range form (a GET, so it works without JavaScript and the address can be shared), then
//! each figure with its chart, table and CSV link. Public: no sign-in, no personal data.

use leptos::prelude::*;
use leptos_router::{hooks::use_query_map, params::ParamsMap};

use super::{
    domain::{self, Range},
    service,
};
use crate::{
    calendar,
    error::FieldError,
    figures::chart::FigureView,
    i18n::Lang,
    ui::{Button, DateInput, DateValue},
    web::{
        context::Ctx,
        page::{page, PageHead},
    },
};

#[component]
pub fn PerformancePage() -> impl IntoView {
    let typed = use_query_map().with_untracked(|q| (typed_date(q, "from"), typed_date(q, "to")));
    page(async move {
        let ctx = Ctx::load().await?;
        let lang = ctx.lang;
        let yesterday = domain::yesterday(ctx.state.clock.now());
        let (from, to) = typed;
        // A range with a mistake shows its errors and what was typed, and the last 30 days' figures below.
        let (range, errors, from, to) = match domain::parse(&from, &to, yesterday) {
            Ok(range) if from.day.is_empty() && to.day.is_empty() => {
                (range, vec![], domain::boxes(range.from), domain::boxes(range.to))
            }
            Ok(range) => (range, vec![], from, to),
            Err(errors) => (Range::last_days(yesterday, domain::DEFAULT_DAYS), errors, from, to),
        };
        let figures = service::figures(&ctx.state, lang, range)
            .await?
            .into_iter()
            .map(|figure| {
                let csv = format!(
                    "/performance.csv?figure={}&{}&lang={}",
                    figure.code,
                    range.query(),
                    lang.code()
                );
                view! { <FigureView figure lang csv /> }
            })
            .collect_view();
        let shown = lang.t_with(
            "performance-shown",
            &[
                ("from", calendar::long_date(lang, range.from)),
                ("to", calendar::long_date(lang, range.to)),
            ],
        );
        Ok(view! {
            <PageHead title=lang.t("performance-title") lang errors=errors.clone() />
            <h1 class="heading-l">{lang.t("performance-title")}</h1>
            <p class="lead">{lang.t("performance-lead")}</p>
            <p class="body">{lang.t("performance-privacy")}</p>
            <RangeForm lang errors from to />
            <p class="body" role="status">{shown}</p>
            {figures}
        }
        .into_any())
    })
}

/// A date's three boxes as a GET form sent them (`{id}-day`, `{id}-month`, `{id}-year`), as typed.
pub fn typed_date(query: &ParamsMap, id: &str) -> DateValue {
    DateValue {
        day: query.get(&format!("{id}-day")).unwrap_or_default(),
        month: query.get(&format!("{id}-month")).unwrap_or_default(),
        year: query.get(&format!("{id}-year")).unwrap_or_default(),
    }
}

/// The two dates, as a GET to this page.
#[component]
fn RangeForm(lang: Lang, errors: Vec<FieldError>, from: DateValue, to: DateValue) -> impl IntoView {
    let error = |field: &str| errors.iter().find(|e| e.field == field).map(|e| e.message(lang));
    view! {
        <form method="get" action=lang.href("performance") class="form">
            <DateInput id="from" legend=lang.t("performance-from") hint=lang.t("performance-date-hint")
                error=error("from") value=from />
            <DateInput id="to" legend=lang.t("performance-to") error=error("to") value=to />
            <Button text=lang.t("performance-show") />
        </form>
    }
}
