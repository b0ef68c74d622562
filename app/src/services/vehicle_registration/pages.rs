//! Vehicle registration's pages on the shared wizard: the vehicle, what identifies it, its owner, and check your
//! answers with the fee (its engine's band) and the declaration.

use leptos::{prelude::*, server_fn::ServerFn};

use super::{
    api,
    domain::{Answers, Owner, BODY_TYPES, COLOURS},
    service::{self, Owners, Step},
};
use crate::{
    applications::{
        domain::Application,
        pages::{position, step_path, Draft, Hidden, StepRequest},
        plugin::Answer,
    },
    error::AppError,
    i18n::Lang,
    ui::{Button, Choice, Radios, Select, SummaryList, SummaryRow, TextInput},
    web::{
        context::Ctx,
        guard::SignedIn,
        page::{redirect_to, FormState, PostForm},
        wizard::{Position, StepFrame, Steps, CHECK},
    },
};

pub type Form = Draft<Answers>;

impl Steps for Form {
    fn base(&self) -> String {
        self.page()
    }

    fn steps(&self) -> Vec<&'static str> {
        vec![Step::Vehicle.code(), Step::Identity.code(), Step::Owner.code(), CHECK]
    }

    fn answered(&self, step: &str) -> bool {
        match step {
            "vehicle" => self.answers.vehicle.is_some(),
            "identity" => self.answers.identity.is_some(),
            "owner" => self.answers.owner.is_some(),
            _ => false,
        }
    }
}

/// The first unanswered step of a draft.
pub fn next_path(application: &Application) -> String {
    crate::applications::pages::next_path::<Form>(application)
}

/// A step's address.
pub fn path_of(application: &Application, step: Step) -> String {
    step_path::<Form>(application, step.code())
}

pub async fn step(request: StepRequest<'_>, step: &str) -> Result<AnyView, AppError> {
    let (ctx, application) = (request.ctx, request.application);
    let (form, position) = match position::<Form>(ctx, application, step) {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let answers = form.answers;
    match step {
        "vehicle" => Ok(vehicle_page(request, &answers, position)),
        "identity" => Ok(identity_page(request, &answers, position)),
        "owner" => owner_page(request, &answers, position).await,
        _ => check_page(request, &answers, position).await,
    }
}

/// A text question of this service: its label, hint (when the locale has one) and last value.
fn text_field(lang: Lang, state: &FormState, name: &'static str, saved: &str, hint: bool) -> impl IntoView {
    let value = state.value_or(name, Some(saved));
    let hint = hint.then(|| lang.t(&format!("registration-field-{name}-hint")));
    view! {
        <TextInput id=name name=name label=lang.t(&format!("registration-field-{name}")) value hint
            error=state.error(name) />
    }
}

fn listed(lang: Lang, prefix: &str, values: &[&str]) -> Vec<Choice> {
    values
        .iter()
        .map(|value| Choice {
            value: value.to_string(),
            label: lang.t(&format!("registration-{prefix}-{value}")),
            hint: None,
        })
        .collect()
}

fn vehicle_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> AnyView {
    let StepRequest {
        ctx,
        state,
        application,
        ..
    } = request;
    let lang = ctx.lang;
    let saved = answers.vehicle.clone().unwrap_or_default();
    let year = if saved.year == 0 {
        String::new()
    } else {
        saved.year.to_string()
    };
    let make = text_field(lang, &state, "make", &saved.make, true);
    let model = text_field(lang, &state, "model", &saved.model, false);
    let year_value = state.value_or("year", Some(&year));
    let body_type = Some(state.value_or("body_type", Some(&saved.body_type)));
    let colour = Some(state.value_or("colour", Some(&saved.colour)));
    let id = application.id.as_str().to_string();
    view! {
        <StepFrame lang position title_key="registration-vehicle-title" errors=state.errors() outside="dashboard">
            <p class="body">{lang.t("registration-vehicle-intro")}</p>
            <PostForm action=api::RegistrationVehicle::url()>
                <Hidden name="id" value=id />
                {make}
                {model}
                <TextInput id="year" name="year" label=lang.t("registration-field-year") value=year_value
                    inputmode="numeric" hint=Some(lang.t("registration-field-year-hint")) error=state.error("year") />
                <Select id="body_type" label=lang.t("registration-field-body_type")
                    placeholder=lang.t("registration-choose") options=listed(lang, "body", &BODY_TYPES)
                    selected=body_type error=state.error("body_type") />
                <Select id="colour" label=lang.t("registration-field-colour")
                    placeholder=lang.t("registration-choose") options=listed(lang, "colour", &COLOURS)
                    selected=colour error=state.error("colour") />
                <Button text=lang.t("continue") />
            </PostForm>
        </StepFrame>
    }
    .into_any()
}

fn identity_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> AnyView {
    let StepRequest {
        ctx,
        state,
        application,
        ..
    } = request;
    let lang = ctx.lang;
    let saved = answers.identity.clone().unwrap_or_default();
    let cc = if saved.engine_cc == 0 {
        String::new()
    } else {
        saved.engine_cc.to_string()
    };
    let chassis = text_field(lang, &state, "chassis_number", &saved.chassis_number, true);
    let engine = text_field(lang, &state, "engine_number", &saved.engine_number, true);
    let cc_value = state.value_or("engine_cc", Some(&cc));
    let entry = text_field(lang, &state, "customs_entry", &saved.customs_entry, true);
    let id = application.id.as_str().to_string();
    view! {
        <StepFrame lang position title_key="registration-identity-title" errors=state.errors()>
            <PostForm action=api::RegistrationIdentity::url()>
                <Hidden name="id" value=id />
                {chassis}
                {engine}
                <TextInput id="engine_cc" name="engine_cc" label=lang.t("registration-field-engine_cc")
                    value=cc_value inputmode="numeric" hint=Some(lang.t("registration-field-engine_cc-hint"))
                    error=state.error("engine_cc") />
                {entry}
                <Button text=lang.t("continue") />
            </PostForm>
        </StepFrame>
    }
    .into_any()
}

fn owner_choices(lang: Lang, who_name: &str, id_number: &str, owners: &Owners) -> Vec<Choice> {
    let myself = owners.myself.then(|| Choice {
        value: "myself".into(),
        label: lang.t_with("registration-owner-myself", &[("name", who_name.to_string())]),
        hint: Some(lang.t_with("registration-owner-myself-hint", &[("id", id_number.to_string())])),
    });
    myself
        .into_iter()
        .chain(owners.organisations.iter().map(|o| Choice {
            value: o.kra_pin.clone(),
            label: o.name.clone(),
            hint: Some(lang.t_with("registration-owner-organisation-hint", &[("pin", o.kra_pin.clone())])),
        }))
        .collect()
}

async fn owner_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let StepRequest {
        ctx,
        state,
        who,
        application,
    } = request;
    let lang = ctx.lang;
    let owners = service::owners(&ctx.state, who).await?;
    let options = owner_choices(lang, &who.first_name, &who.id_number, &owners);
    let errors = state.errors();
    let body = if options.is_empty() {
        view! { <p class="body">{lang.t("registration-owner-none")}</p> }.into_any()
    } else {
        let saved = answers.owner.as_ref().map(|owner| match owner {
            Owner::Myself => "myself".to_string(),
            Owner::Organisation(pin) => pin.clone(),
        });
        let selected = Some(state.value_or("owner", saved.as_deref()));
        let id = application.id.as_str().to_string();
        view! {
            <PostForm action=api::RegistrationOwner::url()>
                <Hidden name="id" value=id />
                <Radios name="owner" legend=lang.t("registration-owner-legend") options selected
                    error=state.error("owner") />
                <Button text=lang.t("continue") />
            </PostForm>
        }
        .into_any()
    };
    Ok(view! {
        <StepFrame lang position title_key="registration-owner-title" errors>
            {body}
        </StepFrame>
    }
    .into_any())
}

async fn check_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let StepRequest {
        ctx,
        state,
        who,
        application,
    } = request;
    let lang = ctx.lang;
    let fee = match service::ready(&ctx.state, who, application).await? {
        Ok(fee) => fee,
        Err(step) => return Ok(redirect_to(ctx, &path_of(application, step))),
    };
    if answers.vehicle.is_none() || answers.identity.is_none() || answers.owner.is_none() {
        return Ok(redirect_to(ctx, &next_path(application)));
    }
    let rows = summary(ctx, who, application).await?;
    crate::applications::pages::check_page(
        ctx,
        &state,
        application,
        position,
        rows,
        lang.t("registration-check-review"),
        fee,
    )
    .await
}

/// The vehicle, its identity and its owner as the applicant gave them.
pub async fn summary(ctx: &Ctx, who: &SignedIn, application: &Application) -> Result<Vec<Answer>, AppError> {
    let lang = ctx.lang;
    let answers: Answers = crate::applications::service::answers(application);
    let row = |key: &str, value: String, step: Step| {
        Answer::asked(lang.t(&format!("registration-field-{key}")), value, step.code())
    };
    let mut rows = vec![];
    if let Some(vehicle) = &answers.vehicle {
        rows.extend([
            row("make", vehicle.make.clone(), Step::Vehicle),
            row("model", vehicle.model.clone(), Step::Vehicle),
            row("year", vehicle.year.to_string(), Step::Vehicle),
            row(
                "body_type",
                lang.t(&format!("registration-body-{}", vehicle.body_type)),
                Step::Vehicle,
            ),
            row(
                "colour",
                lang.t(&format!("registration-colour-{}", vehicle.colour)),
                Step::Vehicle,
            ),
        ]);
    }
    if let Some(identity) = &answers.identity {
        rows.extend([
            row("chassis_number", identity.chassis_number.clone(), Step::Identity),
            row("engine_number", identity.engine_number.clone(), Step::Identity),
            row("engine_cc", format!("{} cc", identity.engine_cc), Step::Identity),
            row("customs_entry", identity.customs_entry.clone(), Step::Identity),
        ]);
    }
    if let Some(owner) = &answers.owner {
        let owner_name = match owner {
            Owner::Myself => format!("{} ({})", who.first_name, who.id_number),
            Owner::Organisation(pin) => service::owners(&ctx.state, who)
                .await?
                .organisations
                .iter()
                .find(|o| &o.kra_pin == pin)
                .map_or_else(|| pin.clone(), |o| format!("{} ({pin})", o.name)),
        };
        rows.push(row("owner", owner_name, Step::Owner));
    }
    Ok(rows)
}

/// A completed registration's result: its plate.
pub async fn result(ctx: &Ctx, application: &Application) -> Result<AnyView, AppError> {
    let lang = ctx.lang;
    let Some(plate) = service::plate(&ctx.state, application).await? else {
        return Ok(().into_any());
    };
    Ok(view! {
        <h2 class="heading-m">{lang.t("registration-result-heading")}</h2>
        <SummaryList rows=vec![SummaryRow::new(lang.t("registration-fact-plate"), plate)] />
        <p class="body">{lang.t("registration-result-next")}</p>
    }
    .into_any())
}
