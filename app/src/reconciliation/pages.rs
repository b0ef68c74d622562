//! `/staff/reconciliation?day=YYYY-MM-DD`: the days reconciled lately (how many receipts, how many differences)
//! and the differences of the chosen day, with its CSV. Supervisors only; anyone else gets the 404 page.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{service, why};
use crate::{
    calendar,
    fees::domain::format_kes,
    staff::{
        domain::Permission,
        pages::{staff_page, StaffNav, StaffPage},
    },
    web::page::{Notice, PageHead},
};

#[component]
pub fn ReconciliationPage() -> impl IntoView {
    let asked = use_query_map().with_untracked(|q| q.get("day")).unwrap_or_default();
    staff_page(Permission::Refund, move |page| async move {
        let StaffPage {
            ctx,
            state,
            staff,
            notice,
        } = page;
        let lang = ctx.lang;
        let chosen = calendar::parse_iso(asked.trim()).map(|d| d.to_string());
        let (days, differences) = service::report(&ctx.state, chosen.as_deref()).await?;
        let shown = chosen.or(days.first().map(|d| d.day.clone()));
        let title = lang.t("reconciliation-title");
        let day_rows = days
            .into_iter()
            .map(|day| {
                let href = lang.href(&format!("staff/reconciliation?day={}", day.day));
                let label = calendar::parse_iso(&day.day)
                    .map_or(day.day.clone(), |d| calendar::day_of(lang, calendar::start_of(d)));
                let status = match day.finished_at {
                    Some(_) => lang.t_with(
                        "reconciliation-done",
                        &[
                            ("items", day.items.to_string()),
                            ("differences", day.differences.to_string()),
                        ],
                    ),
                    None => lang.t_with(
                        "reconciliation-running",
                        &[("since", calendar::moment(lang, day.started_at))],
                    ),
                };
                view! {
                    <tr>
                        <th scope="row" class="table__cell"><a href=href>{label}</a></th>
                        <td class="table__cell">{status}</td>
                    </tr>
                }
            })
            .collect_view();
        let amount = |kes: Option<i64>| kes.map(format_kes).unwrap_or_else(|| "–".into());
        let none = differences
            .is_empty()
            .then(|| view! { <p class="body">{lang.t("reconciliation-no-differences")}</p> });
        let rows = differences
            .into_iter()
            .map(|d| {
                view! {
                    <tr>
                        <td class="table__cell">{lang.t(&format!("reconciliation-method-{}", d.method))}</td>
                        <th scope="row" class="table__cell">{d.receipt}</th>
                        <td class="table__cell">{amount(d.recorded_kes)}</td>
                        <td class="table__cell">{amount(d.confirmed_kes)}</td>
                        <td class="table__cell">{why::shown(lang, d.why.as_deref().unwrap_or_default())}</td>
                    </tr>
                }
            })
            .collect_view();
        let chosen_view = shown.map(|day| {
            let csv = format!("/staff/reconciliation.csv?day={day}");
            let caption = lang.t_with("reconciliation-differences", &[("day", day)]);
            view! {
                <table class="table">
                    <caption class="table__caption">{caption}</caption>
                    <thead><tr>
                        <th scope="col" class="table__cell">{lang.t("reconciliation-method")}</th>
                        <th scope="col" class="table__cell">{lang.t("reconciliation-receipt")}</th>
                        <th scope="col" class="table__cell">{lang.t("reconciliation-recorded")}</th>
                        <th scope="col" class="table__cell">{lang.t("reconciliation-confirmed")}</th>
                        <th scope="col" class="table__cell">{lang.t("reconciliation-why")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                {none}
                <p class="body"><a href=csv download="">{lang.t("reconciliation-csv")}</a></p>
            }
        });
        Ok(view! {
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <StaffNav lang staff />
            <p class="body">{lang.t("reconciliation-intro")}</p>
            <table class="table">
                <caption class="table__caption">{lang.t("reconciliation-days")}</caption>
                <tbody>{day_rows}</tbody>
            </table>
            {chosen_view}
        }
        .into_any())
    })
}
