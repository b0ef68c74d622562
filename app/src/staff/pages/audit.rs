//! `/staff/audit`: the audit log for supervisors and administrators, filtered, paged, exportable as CSV.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{staff_page, StaffNav, StaffPage};
use crate::{
    calendar,
    staff::{
        audit::{Filter, PAGE_ROWS},
        domain::Permission,
        service::{self, Actor},
    },
    ui::TextInput,
    web::page::{Notice, PageHead},
};

#[component]
pub fn AuditPage() -> impl IntoView {
    let filter = use_query_map().with_untracked(|q| Filter {
        actor: q.get("actor").unwrap_or_default(),
        action: q.get("action").unwrap_or_default(),
        from: q.get("from").unwrap_or_default(),
        to: q.get("to").unwrap_or_default(),
        page: q.get("page").and_then(|p| p.parse().ok()).unwrap_or(0).max(0),
    });
    staff_page(Permission::Audit, move |page| async move {
        let StaffPage { ctx, staff, notice, .. } = page;
        let lang = ctx.lang;
        let rows = service::audit_log(&ctx.state, &filter.query(PAGE_ROWS + 1, filter.page * PAGE_ROWS)).await?;
        // Reading the log is itself an action on it.
        service::note(
            &ctx.state,
            Actor::staff(&staff, &ctx.client),
            "audit-read",
            &filter.to_query(filter.page),
        )
        .await?;
        let more = rows.len() as i64 > PAGE_ROWS;
        let body = rows
            .into_iter()
            .take(PAGE_ROWS as usize)
            .map(|row| {
                view! {
                    <tr>
                        <th scope="row" class="table__cell">{calendar::moment(lang, row.at)}</th>
                        <td class="table__cell">{row.actor_email}</td>
                        <td class="table__cell">{row.action}</td>
                        <td class="table__cell">{row.subject}</td>
                        <td class="table__cell">{row.client}</td>
                        <td class="table__cell">{row.before}</td>
                        <td class="table__cell">{row.after}</td>
                    </tr>
                }
            })
            .collect_view();
        let title = lang.t("staff-audit-title");
        let export = format!("/staff/audit.csv?{}", filter.to_query(0));
        let link = |page: i64| lang.href(&format!("staff/audit?{}", filter.to_query(page)));
        let previous =
            (filter.page > 0).then(|| view! { <a href=link(filter.page - 1)>{lang.t("staff-page-previous")}</a>" " });
        let next = more.then(|| view! { <a href=link(filter.page + 1)>{lang.t("staff-page-next")}</a> });
        Ok(view! {
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=vec![] />
            <h1 class="heading-l">{title}</h1>
            <StaffNav lang staff=staff.clone() />
            <form method="get" action=lang.href("staff/audit") class="form staff-filters">
                <TextInput id="actor" name="actor" label=lang.t("staff-audit-actor") value=filter.actor.clone() />
                <TextInput id="action" name="action" label=lang.t("staff-audit-action") value=filter.action.clone() />
                <TextInput id="from" name="from" label=lang.t("staff-audit-from") value=filter.from.clone()
                    hint=Some(lang.t("staff-audit-date-hint")) />
                <TextInput id="to" name="to" label=lang.t("staff-audit-to") value=filter.to.clone()
                    hint=Some(lang.t("staff-audit-date-hint")) />
                <button type="submit" class="button button--secondary">{lang.t("staff-filter-apply")}</button>
            </form>
            <p class="body"><a href=export download="">{lang.t("staff-audit-export")}</a></p>
            <table class="table">
                <caption class="table__caption">{lang.t("staff-audit-caption")}</caption>
                <thead><tr>
                    <th scope="col" class="table__cell">{lang.t("staff-audit-at")}</th>
                    <th scope="col" class="table__cell">{lang.t("staff-audit-actor")}</th>
                    <th scope="col" class="table__cell">{lang.t("staff-audit-action")}</th>
                    <th scope="col" class="table__cell">{lang.t("staff-audit-subject")}</th>
                    <th scope="col" class="table__cell">{lang.t("staff-audit-client")}</th>
                    <th scope="col" class="table__cell">{lang.t("staff-audit-before")}</th>
                    <th scope="col" class="table__cell">{lang.t("staff-audit-after")}</th>
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
            <p class="body">{previous}{next}</p>
        }
        .into_any())
    })
}
