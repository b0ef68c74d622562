//! The provisional licence's pages on the shared wizard: the classes (each with what the register says of it for
//! this person), and check your answers with the fee and the declaration; a completed one shows its permit.

use jiff::civil::Date;
use leptos::{prelude::*, server_fn::ServerFn};

use super::{
    api,
    domain::{self, Answers, Bar, Learner, FEE, VALID_MONTHS},
    service::{self, Refusal},
};
use crate::{
    applications::{
        domain::Application,
        pages::{position, step_path, Draft, Hidden, StepRequest},
        plugin::Answer,
    },
    calendar,
    error::AppError,
    fees::db as fees,
    i18n::Lang,
    records::classes::LicenceClass,
    ui::{Button, Checkboxes, Choice, SummaryList, SummaryRow},
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
        vec!["classes", CHECK]
    }

    fn answered(&self, step: &str) -> bool {
        step == "classes" && !self.answers.classes.is_empty() && self.answers.holder.is_some()
    }
}

/// The first unanswered step of a draft.
pub fn next_path(application: &Application) -> String {
    crate::applications::pages::next_path::<Form>(application)
}

/// The classes step's address (where a draft no longer ready is sent).
pub fn fix_path(application: &Application) -> String {
    step_path::<Form>(application, "classes")
}

pub async fn step(request: StepRequest<'_>, step: &str) -> Result<AnyView, AppError> {
    let (ctx, application) = (request.ctx, request.application);
    let (form, position) = match position::<Form>(ctx, application, step) {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    match step {
        "classes" => classes_page(request, &form.answers, position).await,
        _ => check_page(request, position).await,
    }
}

/// What a class's hint says for this person today: its age, or why it is not open.
fn class_hint(lang: Lang, learner: &Learner, class: LicenceClass, today: Date) -> String {
    let date = |date: Date| calendar::long_date(lang, date);
    match learner.bar(class, today) {
        None => lang.t_with("provisional-class-age", &[("age", class.minimum_age().to_string())]),
        Some(Bar::TooYoung(from)) => lang.t_with("provisional-class-from", &[("date", date(from))]),
        Some(Bar::Licensed) => lang.t("provisional-class-licensed"),
        Some(Bar::Provisional(until)) => lang.t_with("provisional-class-held", &[("date", date(until))]),
    }
}

async fn classes_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let StepRequest {
        ctx,
        state,
        who,
        application,
    } = request;
    let lang = ctx.lang;
    let body = match service::learner(&ctx.state, who).await? {
        Err(Refusal::NotOnRegister) => view! {
            <p class="body">{lang.t("provisional-not-on-register")}</p>
            <p class="body"><a href=lang.href("dashboard")>{lang.t("applications-back-to-dashboard")}</a></p>
        }
        .into_any(),
        Ok(learner) => {
            let today = ctx.state.clock.today();
            let options = LicenceClass::ALL
                .into_iter()
                .map(|class| Choice {
                    value: class.code().into(),
                    label: lang.t(&format!("provisional-class-{}", class.code())),
                    hint: Some(class_hint(lang, &learner, class, today)),
                })
                .collect();
            let saved: Vec<String> = answers.classes.iter().map(|c| c.code().to_string()).collect();
            let checked = state
                .value_or("classes", Some(&saved.join(" ")))
                .split_whitespace()
                .map(str::to_string)
                .collect();
            // Every problem with the classes beside them, not only the first.
            let messages: Vec<String> = state
                .errors()
                .iter()
                .filter(|e| e.field == "classes")
                .map(|e| e.message(lang))
                .collect();
            let error = (!messages.is_empty()).then(|| messages.join(" "));
            let schedule = fees::schedule(&ctx.state.pool).await?;
            let fee = schedule.quoted(lang, FEE, "provisional-fee");
            let id = application.id.as_str().to_string();
            view! {
                <p class="body">{lang.t_with("provisional-intro", &[("months", VALID_MONTHS.to_string())])}</p>
                {fee.map(|fee| view! { <p class="body">{fee}</p> })}
                <PostForm action=api::ProvisionalClasses::url()>
                    <Hidden name="id" value=id />
                    <Checkboxes name="classes" many=true legend=lang.t("provisional-classes-legend")
                        hint=lang.t("provisional-classes-hint") options checked error />
                    <Button text=lang.t("continue") />
                </PostForm>
            }
            .into_any()
        }
    };
    Ok(view! {
        <StepFrame lang position title_key="provisional-title" errors=state.errors() outside="dashboard">
            {body}
        </StepFrame>
    }
    .into_any())
}

async fn check_page(request: StepRequest<'_>, position: Position) -> Result<AnyView, AppError> {
    let hint = request
        .ctx
        .lang
        .t_with("provisional-check-hint", &[("months", VALID_MONTHS.to_string())]);
    crate::applications::pages::ready_check_page(request, position, hint).await
}

/// The holder, their date of birth as the register has it, and the classes.
pub async fn summary(ctx: &Ctx, who: &SignedIn, application: &Application) -> Result<Vec<Answer>, AppError> {
    let lang = ctx.lang;
    let answers: Answers = crate::applications::service::answers(application);
    let mut rows = vec![Answer::found(
        lang.t("records-licence-holder"),
        answers.holder.clone().unwrap_or_else(|| who.id_number.clone()),
    )];
    if let Ok(learner) = service::learner(&ctx.state, who).await? {
        rows.push(Answer::found(
            lang.t("provisional-check-born"),
            calendar::long_date(lang, learner.born_on),
        ));
    }
    rows.push(Answer::asked(
        lang.t("provisional-check-classes"),
        domain::printed(&answers.classes),
        "classes",
    ));
    Ok(rows)
}

/// A completed application's permit: its classes and its last day.
pub async fn result(ctx: &Ctx, application: &Application) -> Result<AnyView, AppError> {
    let lang = ctx.lang;
    let permits = service::issued(&ctx.state, application).await?;
    let Some(first) = permits.first() else {
        return Ok(().into_any());
    };
    let date = |text: &str| {
        calendar::parse_iso(text)
            .map(|d| calendar::long_date(lang, d))
            .unwrap_or_default()
    };
    let classes: Vec<&str> = permits.iter().map(|p| p.class.as_str()).collect();
    let rows = vec![
        SummaryRow::new(lang.t("records-licence-classes"), classes.join(", ")),
        SummaryRow::new(lang.t("provisional-result-issued"), date(&first.issued_on)),
        SummaryRow::new(lang.t("provisional-result-until"), date(&first.expires_on)),
    ];
    Ok(view! {
        <h2 class="heading-m">{lang.t("provisional-result-heading")}</h2>
        <SummaryList rows />
        <p class="body">{lang.t("provisional-result-next")}</p>
    }
    .into_any())
}
