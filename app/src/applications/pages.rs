//! The framework's pages: an application's own page (its reference, invoice, timeline and result), the step page
//! that hands a draft's step to its service, "My applications" on the dashboard, and the pieces every service's
//! check page and start button use.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::use_params_map;

use super::{
    api::{self, FORM},
    domain::{Application, ApplicationId, Status},
    plugin::{Answer, Services},
    service,
};
use crate::{
    calendar,
    error::AppError,
    fees::{db as fees, domain::format_kes},
    i18n::Lang,
    ui::{Button, Checkboxes, Choice, Panel, SummaryList, SummaryRow, Tag, TagColour},
    web::{
        context::Ctx,
        guard::SignedIn,
        page::{redirect_to, signed_in_page, BackLink, BlockView, FormState, Notice, PageHead, PostForm, SignedInPage},
        routes::Page,
        wizard::{self, Position, StepFrame, Steps},
    },
};

/// What a draft's step page gets from the framework: the request, the step's last answers and errors, who is
/// asking and the draft (theirs: the framework checked).
pub struct StepRequest<'a> {
    pub ctx: &'a Ctx,
    pub state: FormState,
    pub who: &'a SignedIn,
    pub application: &'a Application,
}

/// A service's questions over a draft's saved answers (its wizard), built from the application.
pub trait Wizard: Steps + Sized {
    fn of(application: &Application) -> Self;
}

/// A draft's id and its answers in its service's shape: each service's wizard is `Draft<Answers>` with its own
/// `Steps` (which steps apply, which are answered).
pub struct Draft<A> {
    pub id: ApplicationId,
    pub answers: A,
}

impl<A> Draft<A> {
    /// The address the draft's steps hang from (`Steps::base`).
    pub fn page(&self) -> String {
        api::page_of(&self.id)
    }
}

impl<A: serde::de::DeserializeOwned + Default> Wizard for Draft<A>
where
    Draft<A>: Steps,
{
    fn of(application: &Application) -> Self {
        Draft {
            id: application.id.clone(),
            answers: service::answers(application),
        }
    }
}

/// The address of a draft's first unanswered step.
pub fn next_path<W: Wizard>(application: &Application) -> String {
    let form = W::of(application);
    wizard::path(&form, wizard::next(&form))
}

/// The address of one of a draft's steps.
pub fn step_path<W: Wizard>(application: &Application, step: &str) -> String {
    wizard::path(&W::of(application), step)
}

/// The wizard and where `step` stands in it, or the redirect to the step to answer first.
pub fn position<W: Wizard>(ctx: &Ctx, application: &Application, step: &str) -> Result<(W, Position), AnyView> {
    let form = W::of(application);
    match wizard::guard(&form, step) {
        Ok(position) => Ok((form, position)),
        Err(path) => Err(redirect_to(ctx, &path)),
    }
}

/// A hidden form field (the application a step belongs to).
#[component]
pub fn Hidden(name: &'static str, #[prop(into)] value: String) -> impl IntoView {
    view! { <input type="hidden" name=name value=value /> }
}

/// The fee, the access fee and the total for `fee_code`, as rows.
pub async fn fee_rows(ctx: &Ctx, fee_code: &str) -> Result<Vec<SummaryRow>, AppError> {
    let lang = ctx.lang;
    let schedule = fees::schedule(&ctx.state.pool).await?;
    let quote = schedule
        .quote(fee_code)
        .ok_or_else(|| AppError::internal(format!("no fee {fee_code}")))?;
    Ok(vec![
        SummaryRow::new(lang.t(&format!("service-{fee_code}")), format_kes(quote.fee_kes)),
        SummaryRow::new(lang.t("fees-row-access"), format_kes(quote.access_fee_kes)),
        SummaryRow::new(lang.t("fees-row-total"), format_kes(quote.total_kes)),
    ])
}

/// An application's invoice (the fee it was submitted for), if it has one.
fn invoice_rows(lang: Lang, application: &Application) -> Option<Vec<SummaryRow>> {
    let invoice = application.invoice?;
    let fee_label = application
        .fee_code
        .as_ref()
        .map_or_else(|| lang.t("fees-row-fee"), |code| lang.t(&format!("service-{code}")));
    Some(vec![
        SummaryRow::new(fee_label, invoice.fee.to_string()),
        SummaryRow::new(lang.t("fees-row-access"), invoice.access_fee.to_string()),
        SummaryRow::new(lang.t("fees-row-total"), invoice.total().to_string()),
    ])
}

/// The end of every check page: what it costs, the declaration, and the submit button.
#[component]
pub fn CheckForm(lang: Lang, id: ApplicationId, fees: Vec<SummaryRow>, error: Option<String>) -> impl IntoView {
    let declaration = vec![Choice {
        value: "yes".into(),
        label: lang.t("applications-declaration"),
        hint: None,
    }];
    view! {
        <h2 class="heading-m">{lang.t("applications-fee-heading")}</h2>
        <SummaryList rows=fees />
        <PostForm action=api::SubmitApplication::url()>
            <Hidden name="id" value=id.as_str().to_string() />
            <Checkboxes name="declaration" legend=lang.t("applications-declaration-legend") options=declaration
                error />
            <Button text=lang.t("applications-submit") />
        </PostForm>
    }
}

/// Answers as summary rows: each the applicant gave with its change link when `changeable` (check your answers),
/// without (an officer's view, a submitted application).
pub fn answer_rows(lang: Lang, application: &Application, answers: Vec<Answer>, changeable: bool) -> Vec<SummaryRow> {
    answers
        .into_iter()
        .map(|answer| SummaryRow {
            change: answer.step.filter(|_| changeable).map(|step| {
                let page = Page::ApplicationStep(application.id.as_str().into(), step.into());
                (lang.href(&page.path()), lang.t("change"))
            }),
            ..SummaryRow::new(answer.label, answer.value)
        })
        .collect()
}

/// The check page every service ends with: its answers (the service's summary, each with its change link), a
/// `hint` on what happens next, the fee of `fee_code`, the declaration and the submit button.
pub async fn check_page(
    ctx: &Ctx,
    state: &FormState,
    application: &Application,
    position: Position,
    answers: Vec<Answer>,
    hint: String,
    fee_code: &str,
) -> Result<AnyView, AppError> {
    let lang = ctx.lang;
    let rows = answer_rows(lang, application, answers, true);
    // A corrected application goes back for the fee it paid: that invoice, not today's fee.
    let (fees, correcting) = match invoice_rows(lang, application).filter(|_| application.correcting()) {
        Some(paid) => {
            let reason = application
                .decision_reason
                .as_deref()
                .map(|reason| reason_text(lang, reason));
            (paid, Some(reason))
        }
        None => (fee_rows(ctx, fee_code).await?, None),
    };
    let (id, error) = (application.id.clone(), state.error("declaration"));
    Ok(view! {
        <StepFrame lang position title_key="applications-check-title" errors=state.errors()>
            {correcting.map(|reason| view! {
                <div class="banner">
                    {reason.map(|reason| view! {
                        <p class="body"><strong>{lang.t("applications-rejected-reason")}</strong>" "{reason}</p>
                    })}
                    <p class="body">{lang.t("applications-correcting-paid")}</p>
                </div>
            })}
            <SummaryList rows />
            <p class="hint">{hint}</p>
            <CheckForm lang id fees error />
        </StepFrame>
    }
    .into_any())
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
