//! The check page every service ends with: the answers as labelled rows with their change links, the fee (or, for
//! an application being corrected, what was paid), the declaration and the submit button.

use leptos::{prelude::*, server_fn::ServerFn};

use super::{reason_text, Hidden};
use crate::{
    applications::{
        api,
        domain::{Application, ApplicationId},
        plugin::{Answer, Ready},
    },
    error::AppError,
    fees::{db as fees, domain::format_kes},
    i18n::Lang,
    ui::{Button, Checkboxes, Choice, SummaryList, SummaryRow},
    web::{
        context::Ctx,
        page::{FormState, PostForm},
        routes::Page,
        wizard::{Position, StepFrame},
    },
};

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
pub(crate) fn invoice_rows(lang: Lang, application: &Application) -> Option<Vec<SummaryRow>> {
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

/// The check page of a draft the service says is ready (its summary, its fee, `hint` on what happens next), or
/// the address the service gives to fix first: something on the registers changed since the step was answered,
/// and that step's page says what.
pub async fn ready_check_page(
    request: super::StepRequest<'_>,
    position: Position,
    hint: String,
) -> Result<AnyView, AppError> {
    let super::StepRequest {
        ctx,
        state,
        who,
        application,
    } = request;
    let service = ctx.state.services.of(application)?;
    match service.ready(&ctx.state, who, application).await? {
        Ready::Fix(path) => Ok(crate::web::page::redirect_to(ctx, &path)),
        Ready::Fee(fee_code) => {
            let rows = service.summary(ctx, who, application).await?;
            check_page(ctx, &state, application, position, rows, hint, fee_code).await
        }
    }
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
