//! The replacement's pages on the shared wizard: the licence and what happened to the card (with the police
//! abstract for a lost or stolen one), the card's particulars, and check your answers with the fee; a completed
//! one shows its new card.

use leptos::{prelude::*, server_fn::ServerFn};

use super::{
    api,
    domain::{Answers, Reason, FEE},
    service::{self, Held, Refusal},
};
use crate::{
    applications::{
        domain::Application,
        pages::{position, step_path, Draft, Hidden, StepRequest},
        plugin::Answer,
    },
    calendar, cards,
    error::AppError,
    fees::db as fees,
    i18n::Lang,
    ui::{Button, Choice, Radios, SummaryList, SummaryRow, TextInput},
    web::{
        context::Ctx,
        guard::SignedIn,
        page::PostForm,
        wizard::{Position, StepFrame, Steps, CHECK},
    },
};

pub type Form = Draft<Answers>;

impl Steps for Form {
    fn base(&self) -> String {
        self.page()
    }

    fn steps(&self) -> Vec<&'static str> {
        vec!["reason", "smart", CHECK]
    }

    fn answered(&self, step: &str) -> bool {
        match step {
            "reason" => self.answers.reason.is_some() && self.answers.holder.is_some(),
            "smart" => self.answers.smart.is_some(),
            _ => false,
        }
    }
}

/// The first unanswered step of a draft.
pub fn next_path(application: &Application) -> String {
    crate::applications::pages::next_path::<Form>(application)
}

/// The reason step's address (where a draft no longer ready is sent: its page says why).
pub fn fix_path(application: &Application) -> String {
    step_path::<Form>(application, "reason")
}

pub async fn step(request: StepRequest<'_>, step: &str) -> Result<AnyView, AppError> {
    let (ctx, application) = (request.ctx, request.application);
    let (form, position) = match position::<Form>(ctx, application, step) {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    match step {
        "reason" => reason_page(request, &form.answers, position).await,
        "smart" => {
            let action = api::ReplacementSmart::url();
            cards::pages::details_page(request, form.answers.smart.as_ref(), action, position).await
        }
        _ => check_page(request, position).await,
    }
}

/// The licence as the register has it, and its card if Uraia issued one.
fn licence_rows(lang: Lang, held: &Held) -> Vec<SummaryRow> {
    let mut rows = vec![
        SummaryRow::new(lang.t("records-licence-holder"), held.holder.clone()),
        SummaryRow::new(
            lang.t("records-licence-classes"),
            held.classes.split_whitespace().collect::<Vec<_>>().join(", "),
        ),
        SummaryRow::new(
            lang.t("records-licence-expires"),
            calendar::long_date(lang, held.expires_on),
        ),
    ];
    if let Some(card) = &held.card {
        rows.push(SummaryRow::new(
            lang.t("replacement-card-issued"),
            calendar::day_of(lang, card.issued_at),
        ));
    }
    rows
}

async fn reason_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let StepRequest {
        ctx,
        state,
        who,
        application,
    } = request;
    let lang = ctx.lang;
    let back =
        view! { <p class="body"><a href=lang.href("dashboard")>{lang.t("applications-back-to-dashboard")}</a></p> };
    let body = match service::licence(&ctx.state, who).await? {
        Err(Refusal::NoLicence) => view! {
            <p class="body">{lang.t_with("records-licences-none", &[("id", who.id_number.clone())])}</p>
            <p class="body"><a href=lang.href("tims")>{lang.t("tims-link")}</a></p>
            {back}
        }
        .into_any(),
        Err(Refusal::Expired(on)) => view! {
            <div class="warning" role="alert">
                <p class="body"><strong>{lang.t_with("replacement-expired", &[("date", calendar::long_date(lang, on))])}</strong></p>
            </div>
            <p class="body"><a href=lang.href("services/dl-renewal")>{lang.t("replacement-renew")}</a></p>
            {back}
        }
        .into_any(),
        Ok(held) => {
            let options = Reason::ALL
                .iter()
                .map(|reason| Choice {
                    value: reason.code().into(),
                    label: lang.t(&format!("replacement-reason-{}", reason.code())),
                    hint: Some(lang.t(&format!("replacement-reason-{}-hint", reason.code()))),
                })
                .collect();
            let selected = Some(state.value_or("reason", answers.reason.map(|r| r.code())));
            let typed = state.value_or("police_abstract", answers.police_abstract.as_deref());
            let schedule = fees::schedule(&ctx.state.pool).await?;
            let fee = schedule.quoted(lang, FEE, "replacement-fee");
            let id = application.id.as_str().to_string();
            let (reason_error, abstract_error) = (state.error("reason"), state.error("police_abstract"));
            view! {
                <SummaryList rows=licence_rows(lang, &held) />
                {fee.map(|fee| view! { <p class="body">{fee}</p> })}
                <PostForm action=api::ReplacementReason::url()>
                    <Hidden name="id" value=id />
                    <Radios name="reason" legend=lang.t("replacement-reason-legend") options selected error=reason_error />
                    <TextInput id="police_abstract" name="police_abstract" label=lang.t("replacement-field-abstract")
                        value=typed error=abstract_error hint=Some(lang.t("replacement-field-abstract-hint")) />
                    <Button text=lang.t("continue") />
                </PostForm>
            }
            .into_any()
        }
    };
    Ok(view! {
        <StepFrame lang position title_key="replacement-title" errors=state.errors() outside="dashboard">
            {body}
        </StepFrame>
    }
    .into_any())
}

async fn check_page(request: StepRequest<'_>, position: Position) -> Result<AnyView, AppError> {
    let hint = request.ctx.lang.t("replacement-check-hint");
    crate::applications::pages::ready_check_page(request, position, hint).await
}

/// The licence, what happened to the card, the abstract, and the new card's particulars.
pub async fn summary(ctx: &Ctx, who: &SignedIn, application: &Application) -> Result<Vec<Answer>, AppError> {
    let lang = ctx.lang;
    let answers: Answers = crate::applications::service::answers(application);
    let mut rows: Vec<Answer> = match service::licence(&ctx.state, who).await? {
        Ok(held) => licence_rows(lang, &held)
            .into_iter()
            .map(|row| Answer::found(row.key, row.value))
            .collect(),
        Err(_) => Vec::new(),
    };
    if let Some(reason) = answers.reason {
        rows.push(Answer::asked(
            lang.t("replacement-check-reason"),
            lang.t(&format!("replacement-reason-{}", reason.code())),
            "reason",
        ));
    }
    if let Some(number) = &answers.police_abstract {
        rows.push(Answer::asked(
            lang.t("replacement-field-abstract"),
            number.clone(),
            "reason",
        ));
    }
    if let Some(smart) = &answers.smart {
        rows.extend(cards::pages::detail_rows(ctx, smart, "smart").await?);
    }
    Ok(rows)
}

/// A completed application's new card.
pub async fn result(ctx: &Ctx, application: &Application) -> Result<AnyView, AppError> {
    cards::pages::result(ctx, application).await
}
