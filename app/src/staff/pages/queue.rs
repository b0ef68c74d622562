//! `/staff`: the queue. Oldest first, filtered by service, status, centre and age, with counts and pages of 50.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{staff_page, StaffNav, StaffPage};
use crate::{
    calendar,
    i18n::Lang,
    staff::{
        domain::{Permission, Shown, AGES, PAGE_SIZE},
        service::{self, QueueFilter},
    },
    web::page::{Notice, PageHead},
};

#[component]
pub fn QueuePage() -> impl IntoView {
    let query = use_query_map().with_untracked(|q| {
        let given = |name: &str| q.get(name).filter(|s| !s.is_empty());
        (
            given("service"),
            given("status"),
            given("centre"),
            given("age"),
            given("page"),
        )
    });
    staff_page(Permission::See, move |page| async move {
        let StaffPage { ctx, staff, notice, .. } = page;
        let lang = ctx.lang;
        let (service, status, centre, age, number) = query;
        let offered = service::queue_services(&ctx.state, &staff, None);
        let centres = service::centres(&ctx.state).await?;
        let filter = QueueFilter {
            service: service.filter(|s| offered.contains(s)),
            shown: status.as_deref().and_then(Shown::parse).unwrap_or(Shown::InReview),
            centre: centre.filter(|c| centres.iter().any(|(code, _)| code == c)),
            older_than_days: age
                .and_then(|a| a.parse().ok())
                .filter(|a| AGES.contains(a))
                .unwrap_or(0),
            page: number.and_then(|p| p.parse().ok()).unwrap_or(0_i64).max(0),
        };
        let queue = service::queue(&ctx.state, &staff, &filter).await?;
        let number = filter.page;
        let title = lang.t("staff-queue-title");
        let now = ctx.state.clock.now();
        let service_title = move |code: &str| lang.t(&format!("catalogue-{code}-title"));
        let counts = queue
            .counts
            .iter()
            .map(|(code, n)| view! { <li>{service_title(code)}": "<strong>{n.to_string()}</strong></li> })
            .collect_view();
        let names: std::collections::HashMap<String, String> = centres.iter().cloned().collect();
        let rows = queue
            .rows
            .iter()
            .map(|row| {
                let reference = row.reference.clone().unwrap_or_default();
                let held = match (&row.holder, row.claimed_until) {
                    (Some(holder), Some(until)) if until > now => lang.t_with(
                        "staff-held-by",
                        &[("name", holder.clone()), ("until", calendar::moment(lang, until))],
                    ),
                    _ => String::new(),
                };
                view! {
                    <tr>
                        <th scope="row" class="table__cell">
                            <a href=lang.href(&format!("staff/applications/{}", row.id))>{reference}</a>
                        </th>
                        <td class="table__cell">{service_title(&row.service)}</td>
                        <td class="table__cell">{row.centre.clone().and_then(|c| names.get(&c).cloned())}</td>
                        <td class="table__cell">{calendar::moment(lang, row.updated_at)}</td>
                        <td class="table__cell">{held}</td>
                    </tr>
                }
            })
            .collect_view();
        let link = {
            let service = filter.service.clone().unwrap_or_default();
            let centre = filter.centre.clone().unwrap_or_default();
            let (status, age) = (filter.shown.code(), filter.older_than_days);
            move |page: i64| {
                lang.href(&format!(
                    "staff?service={service}&status={status}&centre={centre}&age={age}&page={page}"
                ))
            }
        };
        let pages = (queue.total + PAGE_SIZE - 1) / PAGE_SIZE;
        let previous = (number > 0).then(|| view! { <a href=link(number - 1)>{lang.t("staff-page-previous")}</a>" " });
        let next = (number + 1 < pages).then(|| view! { <a href=link(number + 1)>{lang.t("staff-page-next")}</a> });
        let empty = queue.rows.is_empty();
        Ok(view! {
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=vec![] />
            <h1 class="heading-l">{title}</h1>
            <StaffNav lang staff=staff.clone() />
            <Filters lang offered centres=staff.centre.is_none().then_some(centres) filter />
            <p class="body">{lang.t_with("staff-queue-total", &[("count", queue.total.to_string())])}</p>
            <ul class="list">{counts}</ul>
            {if empty {
                view! { <p class="body">{lang.t("staff-queue-empty")}</p> }.into_any()
            } else {
                view! {
                    <table class="table">
                        <caption class="table__caption">{lang.t("staff-queue-caption")}</caption>
                        <thead><tr>
                            <th scope="col" class="table__cell">{lang.t("staff-column-reference")}</th>
                            <th scope="col" class="table__cell">{lang.t("staff-column-service")}</th>
                            <th scope="col" class="table__cell">{lang.t("staff-column-centre")}</th>
                            <th scope="col" class="table__cell">{lang.t("staff-column-since")}</th>
                            <th scope="col" class="table__cell">{lang.t("staff-column-held")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }.into_any()
            }}
            <p class="body">{previous}{next}</p>
        }
        .into_any())
    })
}

/// The queue's filters: a GET form, so a filtered queue is an address an officer can keep. `centres`: `None` for
/// an officer at a centre (theirs is always the filter).
#[component]
fn Filters(
    lang: Lang,
    offered: Vec<String>,
    centres: Option<Vec<(String, String)>>,
    filter: QueueFilter,
) -> impl IntoView {
    let services = offered
        .into_iter()
        .map(|code| {
            let selected = filter.service.as_deref() == Some(code.as_str());
            let label = lang.t(&format!("catalogue-{code}-title"));
            view! { <option value=code selected=selected>{label}</option> }
        })
        .collect_view();
    let statuses = Shown::ALL
        .into_iter()
        .map(|s| view! { <option value=s.code() selected=s == filter.shown>{lang.t(&format!("staff-shown-{}", s.code()))}</option> })
        .collect_view();
    let centres = centres.map(|centres| {
        let options = centres
            .into_iter()
            .map(|(code, name)| {
                let selected = filter.centre.as_deref() == Some(code.as_str());
                view! { <option value=code selected=selected>{name}</option> }
            })
            .collect_view();
        view! {
            <div class="field">
                <label class="label" for="centre">{lang.t("staff-filter-centre")}</label>
                <select class="select" id="centre" name="centre">
                    <option value="">{lang.t("staff-filter-all-centres")}</option>
                    {options}
                </select>
            </div>
        }
    });
    let age = filter.older_than_days;
    let ages = std::iter::once(0)
        .chain(AGES)
        .map(|days| {
            let label = if days == 0 {
                lang.t("staff-age-any")
            } else {
                lang.t_with("staff-age-days", &[("days", days.to_string())])
            };
            view! { <option value=days.to_string() selected=days == age>{label}</option> }
        })
        .collect_view();
    view! {
        <form method="get" action=lang.href("staff") class="form staff-filters">
            <div class="field">
                <label class="label" for="service">{lang.t("staff-filter-service")}</label>
                <select class="select" id="service" name="service">
                    <option value="">{lang.t("staff-filter-all")}</option>
                    {services}
                </select>
            </div>
            <div class="field">
                <label class="label" for="status">{lang.t("staff-filter-status")}</label>
                <select class="select" id="status" name="status">{statuses}</select>
            </div>
            {centres}
            <div class="field">
                <label class="label" for="age">{lang.t("staff-filter-age")}</label>
                <select class="select" id="age" name="age">{ages}</select>
            </div>
            <button type="submit" class="button button--secondary">{lang.t("staff-filter-apply")}</button>
        </form>
    }
}
