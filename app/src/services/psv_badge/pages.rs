//! The PSV badge's pages on the shared wizard: the role and the certificate number (each role with its rules), and
//! check your answers with the fee and the declaration; a completed one shows its badge.

use leptos::{prelude::*, server_fn::ServerFn};

use super::{
    api,
    domain::{Answers, Role},
    service,
};
use crate::{
    applications::{
        domain::Application,
        pages::{position, step_path, Draft, Hidden, StepRequest},
        plugin::Answer,
    },
    calendar,
    error::AppError,
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
        vec!["details", CHECK]
    }

    fn answered(&self, step: &str) -> bool {
        step == "details" && self.answers.role.is_some() && self.answers.conduct.is_some()
    }
}

pub fn next_path(application: &Application) -> String {
    crate::applications::pages::next_path::<Form>(application)
}

/// The step's address (where a draft no longer ready is sent).
pub fn fix_path(application: &Application) -> String {
    step_path::<Form>(application, "details")
}

pub async fn step(request: StepRequest<'_>, step: &str) -> Result<AnyView, AppError> {
    let (ctx, application) = (request.ctx, request.application);
    let (form, position) = match position::<Form>(ctx, application, step) {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    match step {
        "details" => Ok(details_page(request, &form.answers, position)),
        _ => check_page(request, position).await,
    }
}

fn details_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> AnyView {
    let StepRequest {
        ctx,
        state,
        application,
        ..
    } = request;
    let lang = ctx.lang;
    let options = Role::ALL
        .into_iter()
        .map(|role| Choice {
            value: role.code().into(),
            label: lang.t(&format!("badge-role-{}", role.code())),
            hint: Some(lang.t(&format!("badge-role-{}-rules", role.code()))),
        })
        .collect();
    let selected = Some(state.value_or("role", answers.role.map(Role::code)));
    // Every rule not met, beside the roles.
    let messages: Vec<String> = state
        .errors()
        .iter()
        .filter(|e| e.field == "role")
        .map(|e| e.message(lang))
        .collect();
    let error = (!messages.is_empty()).then(|| messages.join(" "));
    let conduct = state.value_or("conduct", answers.conduct.as_deref());
    let id = application.id.as_str().to_string();
    view! {
        <StepFrame lang position title_key="badge-title" errors=state.errors() outside="dashboard">
            <p class="body">{lang.t("badge-intro")}</p>
            <PostForm action=api::BadgeDetails::url()>
                <Hidden name="id" value=id />
                <Radios name="role" legend=lang.t("badge-role-legend") options selected error />
                <TextInput id="conduct" name="conduct" label=lang.t("badge-conduct") hint=Some(lang.t("badge-conduct-hint"))
                    value=conduct error=state.error("conduct") autocomplete="off" />
                <Button text=lang.t("continue") />
            </PostForm>
        </StepFrame>
    }
    .into_any()
}

async fn check_page(request: StepRequest<'_>, position: Position) -> Result<AnyView, AppError> {
    let hint = request.ctx.lang.t("badge-check-hint");
    crate::applications::pages::ready_check_page(request, position, hint).await
}

/// The holder, their date of birth as the register has it, the role and the certificate's number.
pub async fn summary(ctx: &Ctx, who: &SignedIn, application: &Application) -> Result<Vec<Answer>, AppError> {
    let lang = ctx.lang;
    let answers: Answers = crate::applications::service::answers(application);
    let mut rows = vec![Answer::found(
        lang.t("records-licence-holder"),
        answers.holder.clone().unwrap_or_else(|| who.id_number.clone()),
    )];
    if let Some(person) = service::person(&ctx.state, who).await? {
        rows.push(Answer::found(
            lang.t("provisional-check-born"),
            calendar::long_date(lang, person.born_on),
        ));
    }
    if let Some(role) = answers.role {
        rows.push(Answer::asked(
            lang.t("badge-role-legend"),
            lang.t(&format!("badge-role-{}", role.code())),
            "details",
        ));
    }
    if let Some(conduct) = answers.conduct {
        rows.push(Answer::asked(lang.t("badge-conduct"), conduct, "details"));
    }
    Ok(rows)
}

/// A completed application's badge: the role and its last day.
pub async fn result(ctx: &Ctx, application: &Application) -> Result<AnyView, AppError> {
    let lang = ctx.lang;
    let Some(badge) = service::issued(&ctx.state, application).await? else {
        return Ok(().into_any());
    };
    let date = |text: &str| {
        calendar::parse_iso(text)
            .map(|d| calendar::long_date(lang, d))
            .unwrap_or_default()
    };
    let rows = vec![
        SummaryRow::new(
            lang.t("badge-role-legend"),
            lang.t(&format!("badge-role-{}", badge.kind)),
        ),
        SummaryRow::new(lang.t("provisional-result-issued"), date(&badge.issued_on)),
        SummaryRow::new(lang.t("provisional-result-until"), date(&badge.expires_on)),
    ];
    Ok(view! {
        <h2 class="heading-m">{lang.t("badge-result-heading")}</h2>
        <SummaryList rows />
    }
    .into_any())
}
