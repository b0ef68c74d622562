//! The first licence's pages on the shared wizard: the classes the passes give (or why none), the card's
//! particulars, and check your answers with the fee; a completed one shows its card.

use leptos::{prelude::*, server_fn::ServerFn};

use super::{
    api,
    domain::{self, Answers, FEE, VALID_YEARS},
    service::{self, Refusal},
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
    ui::{Button, SummaryList, SummaryRow},
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
        vec!["classes", "smart", CHECK]
    }

    fn answered(&self, step: &str) -> bool {
        match step {
            "classes" => !self.answers.classes.is_empty() && self.answers.holder.is_some(),
            "smart" => self.answers.smart.is_some(),
            _ => false,
        }
    }
}

/// The first unanswered step of a draft.
pub fn next_path(application: &Application) -> String {
    crate::applications::pages::next_path::<Form>(application)
}

/// The classes step's address (where a draft no longer ready is sent: its page says why).
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
        "classes" => classes_page(request, position).await,
        "smart" => {
            let action = api::FirstDlSmart::url();
            cards::pages::details_page(request, form.answers.smart.as_ref(), action, position).await
        }
        _ => check_page(request, position).await,
    }
}

async fn classes_page(request: StepRequest<'_>, position: Position) -> Result<AnyView, AppError> {
    let StepRequest {
        ctx,
        state,
        who,
        application,
    } = request;
    let lang = ctx.lang;
    let back =
        view! { <p class="body"><a href=lang.href("dashboard")>{lang.t("applications-back-to-dashboard")}</a></p> };
    let body = match service::standing(&ctx.state, who).await? {
        Err(Refusal::NotOnRegister) => view! {
            <p class="body">{lang.t("first-dl-not-on-register")}</p>
            {back}
        }
        .into_any(),
        Err(Refusal::NoPass) => view! {
            <div class="warning" role="alert">
                <p class="body"><strong>{lang.t("first-dl-no-pass")}</strong></p>
                <p class="body">{lang.t("first-dl-no-pass-what-to-do")}</p>
            </div>
            <p class="body"><a href=lang.href("services/driving-test")>{lang.t("first-dl-book-test")}</a></p>
            {back}
        }
        .into_any(),
        Ok(standing) => {
            let rows: Vec<SummaryRow> = standing
                .classes
                .iter()
                .filter_map(|class| {
                    let pass = standing
                        .passes
                        .iter()
                        .filter(|p| p.class == *class)
                        .max_by_key(|p| p.valid_until)?;
                    Some(SummaryRow::new(
                        lang.t_with("first-dl-class", &[("class", class.code().to_string())]),
                        lang.t_with(
                            "first-dl-pass-until",
                            &[("date", calendar::long_date(lang, pass.valid_until))],
                        ),
                    ))
                })
                .collect();
            let held = (!standing.licensed.is_empty()).then(|| {
                view! { <p class="body">{lang.t_with("first-dl-endorse", &[("classes", standing.licensed.join(", "))])}</p> }
            });
            let schedule = fees::schedule(&ctx.state.pool).await?;
            let fee = schedule.quoted(lang, FEE, "first-dl-fee");
            let id = application.id.as_str().to_string();
            view! {
                <p class="body">{lang.t_with("first-dl-intro", &[("years", VALID_YEARS.to_string())])}</p>
                <SummaryList rows />
                {held}
                {fee.map(|fee| view! { <p class="body">{fee}</p> })}
                <PostForm action=api::FirstDlClasses::url()>
                    <Hidden name="id" value=id />
                    <Button text=lang.t("continue") />
                </PostForm>
            }
            .into_any()
        }
    };
    Ok(view! {
        <StepFrame lang position title_key="first-dl-title" errors=state.errors() outside="dashboard">
            {body}
        </StepFrame>
    }
    .into_any())
}

async fn check_page(request: StepRequest<'_>, position: Position) -> Result<AnyView, AppError> {
    let hint = request.ctx.lang.t("first-dl-check-hint");
    crate::applications::pages::ready_check_page(request, position, hint).await
}

/// The holder, the classes, and the card's particulars.
pub async fn summary(ctx: &Ctx, who: &SignedIn, application: &Application) -> Result<Vec<Answer>, AppError> {
    let lang = ctx.lang;
    let answers: Answers = crate::applications::service::answers(application);
    let mut rows = vec![
        Answer::found(
            lang.t("records-licence-holder"),
            answers.holder.clone().unwrap_or_else(|| who.id_number.clone()),
        ),
        Answer::found(lang.t("first-dl-check-classes"), domain::printed(&answers.classes)),
    ];
    if let Some(smart) = &answers.smart {
        rows.extend(cards::pages::detail_rows(ctx, smart, "smart").await?);
    }
    Ok(rows)
}

/// A completed application's card.
pub async fn result(ctx: &Ctx, application: &Application) -> Result<AnyView, AppError> {
    cards::pages::result(ctx, application).await
}
