//! The vehicle search's pages: the plate, check your answers with the fee, and the record once paid.

use leptos::{prelude::*, server_fn::ServerFn};

use super::{api, domain::Answers};
use crate::{
    applications::{
        domain::Application,
        pages::{position, Draft, Hidden, StepRequest},
        plugin::Answer,
    },
    documents::{domain::Kind, service as documents},
    error::AppError,
    ui::{Button, SummaryList, SummaryRow, TextInput},
    web::{
        context::Ctx,
        page::{redirect_to, PostForm},
        wizard::{Position, StepFrame, Steps, CHECK},
    },
};

pub type Form = Draft<Answers>;

impl Steps for Form {
    fn base(&self) -> String {
        self.page()
    }

    fn steps(&self) -> Vec<&'static str> {
        vec!["plate", CHECK]
    }

    fn answered(&self, step: &str) -> bool {
        step == "plate" && self.answers.plate.is_some()
    }
}

pub fn next_path(application: &Application) -> String {
    crate::applications::pages::next_path::<Form>(application)
}

pub async fn step(request: StepRequest<'_>, step: &str) -> Result<AnyView, AppError> {
    let (ctx, application) = (request.ctx, request.application);
    let (form, position) = match position::<Form>(ctx, application, step) {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let answers = form.answers;
    match step {
        "plate" => Ok(plate_page(request, &answers, position)),
        _ => check_page(request, &answers, position).await,
    }
}

fn plate_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> AnyView {
    let StepRequest {
        ctx,
        state,
        application,
        ..
    } = request;
    let lang = ctx.lang;
    let saved = answers.plate.as_ref().map(|p| p.to_string());
    let value = state.value_or("plate", saved.as_deref());
    let id = application.id.as_str().to_string();
    view! {
        <StepFrame lang position title_key="search-plate-title" errors=state.errors() outside="dashboard">
            <p class="body">{lang.t("search-plate-intro")}</p>
            <PostForm action=api::VehicleSearchPlate::url()>
                <Hidden name="id" value=id />
                <TextInput id="plate" name="plate" label=lang.t("search-field-plate") value
                    hint=Some(lang.t("search-field-plate-hint")) error=state.error("plate") />
                <Button text=lang.t("continue") />
            </PostForm>
        </StepFrame>
    }
    .into_any()
}

async fn check_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let StepRequest {
        ctx,
        state,
        application,
        ..
    } = request;
    let lang = ctx.lang;
    if answers.plate.is_none() {
        return Ok(redirect_to(ctx, &next_path(application)));
    }
    let rows = summary(ctx, application);
    crate::applications::pages::check_page(
        ctx,
        &state,
        application,
        position,
        rows,
        lang.t("search-check-hint"),
        super::domain::FEE,
    )
    .await
}

/// The plate searched for.
pub fn summary(ctx: &Ctx, application: &Application) -> Vec<Answer> {
    let answers: Answers = crate::applications::service::answers(application);
    answers
        .plate
        .map(|plate| Answer::asked(ctx.lang.t("search-field-plate"), plate.to_string(), "plate"))
        .into_iter()
        .collect()
}

/// A paid search's result: the record as issued.
pub async fn result(ctx: &Ctx, application: &Application) -> Result<AnyView, AppError> {
    let lang = ctx.lang;
    let record = documents::of_application(&ctx.state, application)
        .await?
        .into_iter()
        .find(|d| d.kind == Kind::VehicleRecord);
    let Some(record) = record else {
        return Ok(().into_any());
    };
    let rows = documents::rows(lang, &record, false)
        .into_iter()
        .skip_while(|(key, _)| *key != lang.t("registration-fact-plate"))
        .map(|(key, value)| SummaryRow::new(key, value))
        .collect::<Vec<_>>();
    Ok(view! {
        <h2 class="heading-m">{lang.t("search-result-heading")}</h2>
        <SummaryList rows />
        <p class="body">{lang.t("search-result-hint")}</p>
    }
    .into_any())
}
