//! The support agents' pages: `/staff/cases` (cases waiting for an agent, oldest first, by topic) and
//! `/staff/cases/{reference}` (the thread, the reply, the close). Support agents and supervisors; anyone else gets
//! the 404 page. Plain forms: no script needed.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    api,
    domain::{CaseStatus, Topic},
    pages::{status_text, thread, topics},
    service,
};
use crate::{
    applications::pages::Hidden,
    calendar,
    error::AppError,
    ids::display_phone,
    staff::{
        domain::Permission,
        pages::{staff_page, StaffNav, StaffPage},
    },
    ui::{Button, Select, SummaryList, SummaryRow, TextArea},
    web::page::{BackLink, Notice, PageHead, PostForm},
};

#[component]
pub fn CasesPage() -> impl IntoView {
    let asked = use_query_map().with_untracked(|q| q.get("topic")).unwrap_or_default();
    staff_page(Permission::Support, move |page| async move {
        let StaffPage {
            ctx,
            state,
            staff,
            notice,
        } = page;
        let lang = ctx.lang;
        let topic = Topic::parse(&asked);
        let cases = service::queue(&ctx.state, topic).await?;
        let title = lang.t("support-queue-title");
        let none = cases
            .is_empty()
            .then(|| view! { <p class="body">{lang.t("support-queue-empty")}</p> });
        let rows = cases
            .into_iter()
            .map(|case| {
                let href = lang.href(&format!("staff/cases/{}", case.reference));
                view! {
                    <tr>
                        <th scope="row" class="table__cell"><a href=href>{case.reference.clone()}</a></th>
                        <td class="table__cell">{lang.t(&format!("support-topic-{}", case.topic.code()))}</td>
                        <td class="table__cell">{case.name.clone()}</td>
                        <td class="table__cell">{calendar::moment(lang, case.updated_at)}</td>
                    </tr>
                }
            })
            .collect_view();
        Ok(view! {
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <StaffNav lang staff />
            <form method="get" action=lang.href("staff/cases") class="form">
                <Select id="topic" label=lang.t("support-topic") placeholder=lang.t("support-queue-all-topics")
                    options=topics(lang) selected=topic.map(|t| t.code().to_string()) />
                <Button text=lang.t("support-queue-filter") secondary=true />
            </form>
            <table class="table">
                <caption class="table__caption">{lang.t("support-queue-caption")}</caption>
                <thead><tr>
                    <th scope="col" class="table__cell">{lang.t("support-reference")}</th>
                    <th scope="col" class="table__cell">{lang.t("support-topic")}</th>
                    <th scope="col" class="table__cell">{lang.t("support-name")}</th>
                    <th scope="col" class="table__cell">{lang.t("support-waiting-since")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {none}
        }
        .into_any())
    })
}

#[component]
pub fn StaffCasePage() -> impl IntoView {
    let reference = use_params_map()
        .with_untracked(|p| p.get("reference"))
        .unwrap_or_default();
    staff_page(Permission::Support, move |page| async move {
        let StaffPage {
            ctx,
            state,
            staff,
            notice,
        } = page;
        let lang = ctx.lang;
        let case = service::for_agent(&ctx.state, &staff, &reference)
            .await?
            .ok_or(AppError::NotFound)?;
        let messages = service::thread(&ctx.state, &case).await?;
        let title = lang.t_with("support-case-title", &[("reference", case.reference.clone())]);
        let mut rows = vec![
            SummaryRow::new(lang.t("support-status"), status_text(lang, &case)),
            SummaryRow::new(
                lang.t("support-topic"),
                lang.t(&format!("support-topic-{}", case.topic.code())),
            ),
            SummaryRow::new(lang.t("support-name"), case.name.clone()),
            SummaryRow::new(lang.t("support-opened"), calendar::moment(lang, case.created_at)),
        ];
        let account = if case.account_id.is_some() {
            lang.t("support-answer-account")
        } else {
            let email = case.email.clone().unwrap_or_default();
            let phone = case.phone.as_deref().map(display_phone).unwrap_or_default();
            [email, phone]
                .into_iter()
                .filter(|a| !a.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        };
        rows.push(SummaryRow::new(lang.t("support-answer-to"), account));
        if let Some(reference) = &case.application_reference {
            rows.push(SummaryRow::new(lang.t("support-application"), reference.clone()));
        }
        let application = case.application_id.clone().map(|id| {
            let href = lang.href(&format!("staff/applications/{id}"));
            view! { <p class="body"><a href=href>{lang.t("support-open-application")}</a></p> }
        });
        let (typed, error, close_error, errors) = (
            state.value("message"),
            state.error("message"),
            state.error("close"),
            state.errors(),
        );
        let act = (case.status != CaseStatus::Closed).then(|| {
            let (reply_ref, close_ref) = (case.reference.clone(), case.reference.clone());
            view! {
                <PostForm action=api::StaffCaseReply::url()>
                    <Hidden name="reference" value=reply_ref />
                    <TextArea id="message" label=lang.t("support-agent-reply") value=typed
                        hint=Some(lang.t("support-agent-reply-hint")) error />
                    <Button text=lang.t("support-agent-send") />
                </PostForm>
                <PostForm action=api::StaffCaseClose::url()>
                    <Hidden name="reference" value=close_ref />
                    {close_error.map(|e| view! { <p class="error-message" id="close-error">{e}</p> })}
                    <Button text=lang.t("support-agent-close") secondary=true />
                </PostForm>
            }
        });
        let person = case.name.clone();
        Ok(view! {
            <BackLink lang to="staff/cases" />
            <Notice lang notice />
            <PageHead title=title.clone() lang errors />
            <h1 class="heading-l">{title}</h1>
            <StaffNav lang staff />
            <SummaryList rows />
            {application}
            {thread(lang, messages, &person)}
            {act}
        }
        .into_any())
    })
}
