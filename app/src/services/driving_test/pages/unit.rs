//! `/staff/tests`: a test unit's day (the unit and the day chosen with plain GET forms and links), each test with
//! its result or a link to record it; `/staff/tests/<id>`: one test with the result form (pass or fail, notes).
//! Officers for driving tests at a unit (or every unit) and supervisors; anyone else gets the 404 page.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::services::driving_test::{
    api,
    results::{self, Test},
};
use crate::{
    applications::pages::Hidden,
    calendar,
    error::AppError,
    i18n::Lang,
    staff::{
        domain::Permission,
        pages::{staff_page, StaffNav, StaffPage},
    },
    ui::{Button, Choice, Radios, SummaryList, SummaryRow, TextArea},
    web::page::{BackLink, Notice, PageHead, PostForm},
};

/// The day's page of a unit.
pub fn address(unit: &str, day: &str) -> String {
    format!("staff/tests?unit={unit}&day={day}")
}

/// A test's page.
pub fn test_address(id: &str) -> String {
    format!("staff/tests/{id}")
}

fn result_text(lang: Lang, test: &Test) -> String {
    match &test.result {
        Some((true, _)) => lang.t("test-passed"),
        Some((false, _)) => lang.t("test-failed"),
        None if test.started => lang.t("test-awaiting"),
        None => lang.t("test-not-started"),
    }
}

#[component]
pub fn TestDayPage() -> impl IntoView {
    let (unit, day) = use_query_map().with_untracked(|q| (q.get("unit"), q.get("day")));
    staff_page(Permission::Decide, move |page| async move {
        let StaffPage {
            ctx,
            state,
            staff,
            notice,
        } = page;
        let lang = ctx.lang;
        let units = results::units(&ctx.state, &staff).await?;
        let Some(unit) = units
            .iter()
            .find(|u| Some(&u.code) == unit.as_ref())
            .or_else(|| units.first())
            .cloned()
        else {
            return Err(AppError::NotFound);
        };
        let today = ctx.state.clock.today();
        let day = day.as_deref().and_then(calendar::parse_iso).unwrap_or(today);
        let tests = results::day(&ctx.state, &unit, day).await?;
        let title = lang.t("test-day-title");
        let heading = lang.t_with(
            "test-day-heading",
            &[
                ("unit", unit.name.clone()),
                ("date", calendar::date_with_weekday(lang, day)),
            ],
        );
        let step = |d: Option<jiff::civil::Date>| d.map(|d| lang.href(&address(&unit.code, &d.to_string())));
        let (before, after) = (step(day.yesterday().ok()), step(day.tomorrow().ok()));
        let choose = (units.len() > 1).then(|| {
            let options = units
                .iter()
                .map(|u| Choice {
                    value: u.code.clone(),
                    label: u.name.clone(),
                    hint: Some(u.county.clone()),
                })
                .collect();
            view! {
                <form method="get" action=lang.href("staff/tests") class="form" novalidate>
                    <input type="hidden" name="day" value=day.to_string() />
                    <Radios name="unit" legend=lang.t("test-field-centre") options selected=Some(unit.code.clone()) />
                    <Button text=lang.t("test-show") />
                </form>
            }
        });
        let rows = tests
            .iter()
            .map(|test| {
                let link = lang.href(&test_address(&test.application_id));
                let label = lang.t_with("test-open", &[("name", test.name.clone())]);
                view! {
                    <tr>
                        <td class="table__cell">{test.slot.clone()}</td>
                        <td class="table__cell"><a href=link>{label}</a></td>
                        <td class="table__cell">{test.id_number.clone()}</td>
                        <td class="table__cell">{test.class.clone()}</td>
                        <td class="table__cell">{result_text(lang, test)}</td>
                    </tr>
                }
            })
            .collect_view();
        let empty = tests
            .is_empty()
            .then(|| view! { <p class="body">{lang.t("test-day-empty")}</p> });
        Ok(view! {
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <StaffNav lang staff />
            {choose}
            <h2 class="heading-m">{heading}</h2>
            <ul class="list">
                {before.map(|href| view! { <li><a href=href>{lang.t("test-day-before")}</a></li> })}
                {(day != today).then(|| view! { <li><a href=lang.href(&address(&unit.code, &today.to_string()))>{lang.t("test-day-today")}</a></li> })}
                {after.map(|href| view! { <li><a href=href>{lang.t("test-day-after")}</a></li> })}
            </ul>
            {empty}
            {(!tests.is_empty()).then(|| view! {
                <table class="table">
                    <caption class="table__caption">{lang.t("test-day-caption")}</caption>
                    <thead><tr>
                        <th scope="col" class="table__cell">{lang.t("appointment-field-time")}</th>
                        <th scope="col" class="table__cell">{lang.t("test-learner")}</th>
                        <th scope="col" class="table__cell">{lang.t("test-id-number")}</th>
                        <th scope="col" class="table__cell">{lang.t("test-field-class")}</th>
                        <th scope="col" class="table__cell">{lang.t("test-result")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            })}
        }
        .into_any())
    })
}

#[component]
pub fn TestPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id")).unwrap_or_default();
    staff_page(Permission::Decide, move |page| async move {
        let StaffPage {
            ctx,
            state,
            staff,
            notice,
        } = page;
        let lang = ctx.lang;
        let (unit, test) = results::test(&ctx.state, &staff, &id)
            .await?
            .ok_or(AppError::NotFound)?;
        let title = lang.t_with("test-title", &[("name", test.name.clone())]);
        let rows = vec![
            SummaryRow::new(lang.t("test-learner"), test.name.clone()),
            SummaryRow::new(lang.t("test-id-number"), test.id_number.clone()),
            SummaryRow::new(
                lang.t("test-field-class"),
                lang.t(&format!("provisional-class-{}", test.class)),
            ),
            SummaryRow::new(lang.t("test-field-centre"), unit.name.clone()),
            SummaryRow::new(
                lang.t("appointment-fact-when"),
                crate::appointments::pages::when(lang, test.day, &test.slot),
            ),
            SummaryRow::new(lang.t("test-reference"), test.reference.clone()),
            SummaryRow::new(lang.t("test-result"), result_text(lang, &test)),
        ];
        let back = address(&unit.code, &test.day.to_string());
        let errors = state.errors();
        let body = match &test.result {
            Some((_, notes)) if !notes.is_empty() => {
                let notes = notes.clone();
                view! {
                    <h2 class="heading-s">{lang.t("test-result-notes")}</h2>
                    <p class="body thread__body">{notes}</p>
                }
                .into_any()
            }
            Some(_) => ().into_any(),
            None if !test.started => {
                view! { <p class="body">{lang.t_with("test-from", &[("time", test.slot.clone())])}</p> }.into_any()
            }
            None => {
                let options = ["pass", "fail"]
                    .into_iter()
                    .map(|code| Choice {
                        value: code.into(),
                        label: lang.t(&format!("test-result-{code}")),
                        hint: None,
                    })
                    .collect();
                view! {
                    <PostForm action=api::StaffTestResult::url()>
                        <Hidden name="id" value=test.application_id.clone() />
                        <Radios name="result" legend=lang.t("test-result") options selected=Some(state.value("result")) error=state.error("result") />
                        <TextArea id="notes" label=lang.t("test-notes") hint=Some(lang.t("test-notes-hint")) error=state.error("notes") value=state.value("notes") />
                        <Button text=lang.t("test-record") />
                    </PostForm>
                }
                .into_any()
            }
        };
        Ok(view! {
            <Notice lang notice />
            <PageHead title=title.clone() lang errors />
            <BackLink lang to=back />
            <h1 class="heading-l">{title}</h1>
            <StaffNav lang staff />
            <SummaryList rows />
            {body}
        }
        .into_any())
    })
}
