//! `/en/staff/statistics`: the filter (a GET: days and a county or centre), a list of the figures, then each figure
//! with its chart, table and CSV link. Supervisors and analysts; anyone else gets the 404 page.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{
    db,
    domain::{self as places, Centre, Place},
    service::{self, Filter},
};
use crate::{
    calendar,
    error::FieldError,
    figures::chart::FigureView,
    i18n::Lang,
    performance::{
        domain::{self as range, Range},
        pages::typed_date,
    },
    staff::{
        domain::Permission,
        pages::{staff_page, StaffNav, StaffPage},
    },
    ui::{Button, Choice, DateInput, DateValue, Select},
    web::page::PageHead,
};

/// What the form sent, as typed.
#[derive(Clone, Default)]
struct Typed {
    from: DateValue,
    to: DateValue,
    place: String,
}

#[component]
pub fn StatisticsPage() -> impl IntoView {
    let typed = use_query_map().with_untracked(|q| Typed {
        from: typed_date(q, "from"),
        to: typed_date(q, "to"),
        place: q.get("place").unwrap_or_default(),
    });
    staff_page(Permission::Statistics, move |page| async move {
        let StaffPage { ctx, staff, .. } = page;
        let lang = ctx.lang;
        let yesterday = range::yesterday(ctx.state.clock.now());
        let centres = db::centres(&ctx.state.pool).await?;
        let (filter, errors, typed) = read(typed, yesterday, &centres);
        let figures = service::figures(&ctx.state, lang, &filter, &centres).await?;
        let query = format!(
            "{}&place={}&lang={}",
            filter.range.query(),
            filter.place.value(),
            lang.code()
        );
        let contents = figures
            .iter()
            .map(|f| view! { <li><a href=format!("#{}-heading", f.code)>{f.title.clone()}</a></li> })
            .collect_view();
        let figures = figures
            .into_iter()
            .map(|figure| {
                let csv = format!("/staff/statistics.csv?figure={}&{query}", figure.code);
                view! { <FigureView figure lang csv /> }
            })
            .collect_view();
        let shown = lang.t_with(
            "performance-shown",
            &[
                ("from", calendar::long_date(lang, filter.range.from)),
                ("to", calendar::long_date(lang, filter.range.to)),
            ],
        );
        let title = lang.t("statistics-title");
        Ok(view! {
            <PageHead title=title.clone() lang errors=errors.clone() />
            <h1 class="heading-l">{title}</h1>
            <StaffNav lang staff />
            <p class="body">{lang.t("statistics-lead")}</p>
            <FilterForm lang errors typed centres />
            <p class="body" role="status">{shown}</p>
            <nav aria-labelledby="statistics-contents"><h2 class="heading-s" id="statistics-contents">{lang.t("statistics-contents")}</h2><ul class="list">{contents}</ul></nav>
            {figures}
        }
        .into_any())
    })
}

/// The filter the form asks for, its errors, and what to show in its boxes. A mistake shows the last 30 days
/// everywhere, with the mistake explained and what was typed kept.
fn read(typed: Typed, yesterday: jiff::civil::Date, centres: &[Centre]) -> (Filter, Vec<FieldError>, Typed) {
    let mut errors = vec![];
    let place = Place::parse(&typed.place, centres).unwrap_or_else(|| {
        errors.push(FieldError::new("place", "statistics-error-place"));
        Place::Kenya
    });
    let nothing_typed = typed.from.day.is_empty() && typed.to.day.is_empty();
    let range = match range::parse(&typed.from, &typed.to, yesterday) {
        Ok(range) => range,
        Err(more) => {
            errors.extend(more);
            Range::last_days(yesterday, range::DEFAULT_DAYS)
        }
    };
    let shown = if nothing_typed {
        Typed {
            from: range::boxes(range.from),
            to: range::boxes(range.to),
            place: typed.place,
        }
    } else {
        typed
    };
    let place = if errors.is_empty() { place } else { Place::Kenya };
    (Filter { range, place }, errors, shown)
}

#[component]
fn FilterForm(lang: Lang, errors: Vec<FieldError>, typed: Typed, centres: Vec<Centre>) -> impl IntoView {
    let error = |field: &str| errors.iter().find(|e| e.field == field).map(|e| e.message(lang));
    let mut options: Vec<Choice> = places::counties(&centres)
        .into_iter()
        .map(|county| Choice {
            value: Place::County(county.clone()).value(),
            label: lang.t_with("statistics-place-county", &[("county", county)]),
            hint: None,
        })
        .collect();
    options.extend(centres.iter().map(|c| Choice {
        value: Place::Centre(c.code.clone()).value(),
        label: c.name.clone(),
        hint: None,
    }));
    view! {
        <form method="get" action=lang.href("staff/statistics") class="form">
            <DateInput id="from" legend=lang.t("performance-from") hint=lang.t("performance-date-hint")
                error=error("from") value=typed.from />
            <DateInput id="to" legend=lang.t("performance-to") error=error("to") value=typed.to />
            <Select id="place" label=lang.t("statistics-place") hint=lang.t("statistics-place-hint")
                error=error("place") placeholder=lang.t("statistics-place-kenya") options
                selected=Some(typed.place) />
            <Button text=lang.t("performance-show") />
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_place_is_explained_and_kept_and_kenya_is_shown() {
        let centres = vec![Centre {
            code: "IC-LKR".into(),
            name: "Likoni Road".into(),
            county: "Nairobi".into(),
        }];
        let typed = Typed {
            place: "county:Atlantis".into(),
            ..Typed::default()
        };
        let (filter, errors, shown) = read(typed, jiff::civil::date(2026, 12, 5), &centres);
        assert_eq!(filter.place, Place::Kenya);
        assert_eq!(errors[0].key, "statistics-error-place");
        assert_eq!(shown.place, "county:Atlantis");
        assert_eq!(shown.from.day, "6", "the default range fills the boxes");
    }
}
