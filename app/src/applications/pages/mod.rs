//! The framework's pages: an application's own page (its reference, invoice, timeline and result), the step page
//! that hands a draft's step to its service, "My applications" on the dashboard, and the start button. The check
//! page is check.rs; a draft's wizard, draft.rs.

mod check;
mod draft;

pub(crate) use check::invoice_rows;
pub use check::{answer_rows, check_page, fee_rows, ready_check_page, CheckForm};
pub use draft::{next_path, position, step_path, Draft, StepRequest, Wizard};

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::use_params_map;

use super::{
    api::{self, FORM},
    domain::{Application, Status},
    plugin::Services,
    service,
};
use crate::{
    calendar,
    error::AppError,
    i18n::Lang,
    ui::{Button, Panel, SummaryList, Tag, TagColour},
    web::{
        context::Ctx,
        guard::SignedIn,
        page::{redirect_to, signed_in_page, BackLink, BlockView, FormState, Notice, PageHead, PostForm, SignedInPage},
        routes::Page,
    },
};

/// A hidden form field (the application a step belongs to).
#[component]
pub fn Hidden(name: &'static str, #[prop(into)] value: String) -> impl IntoView {
    view! { <input type="hidden" name=name value=value /> }
}

/// A service page's "Start now": a form, since it opens a draft.
#[component]
pub fn StartButton(lang: Lang, service: &'static str) -> impl IntoView {
    view! {
        <PostForm action=api::StartApplication::url()>
            <Hidden name="service" value=service />
            <button type="submit" class="button button--start">{lang.t("catalogue-service-start")}</button>
        </PostForm>
    }
}

pub fn status_tag(lang: Lang, services: &Services, application: &Application) -> impl IntoView {
    let status = application.status;
    let colour = match status {
        Status::Draft => TagColour::Grey,
        Status::Submitted | Status::AwaitingPayment => TagColour::Yellow,
        Status::Paid | Status::InReview => TagColour::Blue,
        Status::Approved | Status::Completed => TagColour::Green,
        Status::Rejected => TagColour::Red,
    };
    view! { <Tag text=lang.t(&services.status_key(&application.service, status, application.waiting, "status")) colour /> }
}

/// A stored reason as the applicant reads it: a listed reason (`applications-reason-<code>`) in their language,
/// then on the next line an officer's own words, if any.
pub fn reason_text(lang: Lang, reason: &str) -> String {
    let (first, rest) = reason.split_once('\n').unwrap_or((reason, ""));
    let first = if first.starts_with("applications-reason-") {
        lang.t(first)
    } else {
        first.to_string()
    };
    match rest.trim() {
        "" => first,
        rest => format!("{first} {rest}"),
    }
}

fn service_title(lang: Lang, application: &Application) -> String {
    lang.t(&format!("catalogue-{}-title", application.service))
}

/// Another feature's part of an application's page (its payments, its documents), passed in by the shell so the
/// framework imports no feature that imports it.
pub type ApplicationBlock = for<'a> fn(&'a Ctx, &'a Application) -> BlockView<'a>;

/// `/applications/<id>`: a draft goes on to its next step; anything else shows where it stands.
#[component]
pub fn ApplicationPage(blocks: &'static [ApplicationBlock]) -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id")).unwrap_or_default();
    signed_in_page(FORM, move |page| async move {
        let SignedInPage {
            ctx,
            who,
            notice,
            state,
            ..
        } = page;
        let application = service::owned(&ctx.state, &who, &id).await?;
        if application.status == Status::Draft {
            let service = ctx.state.services.of(&application)?;
            return Ok(redirect_to(&ctx, &service.next_path(&application)));
        }
        let parts = futures_util::future::try_join_all(blocks.iter().map(|block| block(&ctx, &application))).await?;
        status_page(&ctx, notice, &state, &application, parts).await
    })
}

async fn status_page(
    ctx: &Ctx,
    notice: Option<String>,
    state: &FormState,
    application: &Application,
    parts: Vec<AnyView>,
) -> Result<AnyView, AppError> {
    let lang = ctx.lang;
    let timeline = service::timeline(&ctx.state, application).await?;
    let service = ctx.state.services.serving(application);
    let result = service.result(ctx, state, application).await?;
    let questions = super::questions::of(&ctx.state.pool, &application.id).await?;
    let questions = super::questions::block(lang, &application.id, questions, Some(state));
    let panel = service.panel_key(ctx, application).await?;
    let title = service_title(lang, application);
    let reference = application
        .reference
        .as_ref()
        .map(|r| r.to_string())
        .unwrap_or_default();
    let invoice = invoice_rows(lang, application);
    let reopen = (application.rejected_by_officer() && service.resubmittable()).then(|| {
        let id = application.id.as_str().to_string();
        view! {
            <PostForm action=api::ReopenApplication::url()>
                <Hidden name="id" value=id />
                <p class="body">{lang.t("applications-reopen-hint")}</p>
                <Button text=lang.t("applications-reopen") />
            </PostForm>
        }
    });
    let total = application.invoice.map(|i| i.total().to_string()).unwrap_or_default();
    let events = timeline
        .into_iter()
        .map(|event| {
            view! {
                <li class="timeline__item">
                    <strong>{lang.t(&service.status_key(event.status, event.waiting, "status"))}</strong>
                    <span class="hint">" – "{calendar::moment(lang, event.at)}</span>
                </li>
            }
        })
        .collect_view();
    Ok(view! {
        <BackLink lang to="dashboard" />
        <Notice lang notice />
        <PageHead title=title.clone() lang errors=state.errors() />
        <Panel title=lang.t(&panel) reference=reference.clone() />
        <h2 class="heading-m">{title}</h2>
        <p class="body">{lang.t("applications-status-label")}" "{status_tag(lang, &ctx.state.services, application)}</p>
        {(application.status == Status::AwaitingPayment).then(|| view! {
            <p class="body">{lang.t_with("applications-awaiting-payment", &[("total", total.clone()), ("reference", reference.clone())])}</p>
            <p class="body">
                <a class="button" href=lang.href(&Page::Pay(application.id.as_str().into()).path())>{lang.t("payments-pay-now")}</a>
            </p>
        })}
        {application.decision_reason.as_deref().map(|reason| view! {
            <p class="body"><strong>{lang.t("applications-rejected-reason")}</strong>" "{reason_text(lang, reason)}</p>
        })}
        {reopen}
        {questions}
        {result}
        {parts}
        {invoice.map(|rows| view! {
            <h2 class="heading-m">{lang.t("applications-invoice-heading")}</h2>
            <SummaryList rows />
        })}
        <h2 class="heading-m">{lang.t("applications-timeline-heading")}</h2>
        <ol class="timeline">{events}</ol>
        <p class="body"><a href=lang.href("dashboard")>{lang.t("applications-back-to-dashboard")}</a></p>
    }
    .into_any())
}

/// `/applications/<id>/<step>`: a draft's question page, from its service.
#[component]
pub fn ApplicationStepPage() -> impl IntoView {
    let (id, step) =
        use_params_map().with_untracked(|p| (p.get("id").unwrap_or_default(), p.get("step").unwrap_or_default()));
    signed_in_page(FORM, move |page| async move {
        let SignedInPage { ctx, state, who, .. } = page;
        let application = service::owned(&ctx.state, &who, &id).await?;
        if application.status != Status::Draft {
            return Ok(redirect_to(&ctx, &api::page_of(&application.id)));
        }
        let request = StepRequest {
            ctx: &ctx,
            state,
            who: &who,
            application: &application,
        };
        ctx.state.services.of(&application)?.step(request, &step).await
    })
}

/// The dashboard's "My applications" (a `web::page::Block`).
pub fn dashboard_block<'a>(ctx: &'a Ctx, who: &'a SignedIn) -> BlockView<'a> {
    Box::pin(async move {
        let lang = ctx.lang;
        let applications = service::mine(&ctx.state, who).await?;
        let body = if applications.is_empty() {
            view! { <p class="body">{lang.t("applications-none")}" "<a href=lang.href("services")>{lang.t("catalogue-all-link")}</a></p> }
                .into_any()
        } else {
            let rows = applications
                .iter()
                .map(|application| {
                    // A draft's page goes on to its next step.
                    let link = api::page_of(&application.id);
                    let action = if application.status == Status::Draft {
                        "applications-continue"
                    } else {
                        "applications-view"
                    };
                    let title = service_title(lang, application);
                    let reference = application
                        .reference
                        .as_ref()
                        .map_or_else(|| lang.t("applications-no-reference"), |r| r.to_string());
                    // A draft may be deleted (a change of mind, or one that cannot go on).
                    let delete = (application.status == Status::Draft && !application.correcting()).then(|| {
                        let (id, title) = (application.id.as_str().to_string(), title.clone());
                        view! {
                            <form method="post" action=api::DeleteDraft::url() class="table__form">
                                <input type="hidden" name="id" value=id />
                                <button type="submit" class="link-button">
                                    {lang.t("applications-delete-draft")}<span class="visually-hidden">" "{title}</span>
                                </button>
                            </form>
                        }
                    });
                    view! {
                        <tr>
                            <th scope="row" class="table__cell">{reference}</th>
                            <td class="table__cell">{title.clone()}</td>
                            <td class="table__cell">{status_tag(lang, &ctx.state.services, application)}</td>
                            <td class="table__cell">{calendar::day_of(lang, application.updated_at)}</td>
                            <td class="table__cell">
                                <a href=lang.href(&link)>{lang.t(action)}<span class="visually-hidden">" "{title}</span></a>
                                {delete}
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            let head = [
                "applications-reference",
                "applications-service",
                "applications-status",
                "applications-updated",
                "applications-action",
            ]
            .map(|key| view! { <th scope="col" class="table__cell">{lang.t(key)}</th> })
            .into_iter()
            .collect_view();
            view! {
                <table class="table">
                    <caption class="table__caption visually-hidden">{lang.t("applications-heading")}</caption>
                    <thead><tr>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        };
        Ok(view! {
            <h2 class="heading-m">{lang.t("applications-heading")}</h2>
            {body}
        }
        .into_any())
    })
}
