//! The seller's pages on the shared wizard: the vehicle, its logbook, the buyer, and check your answers with the
//! fee; once paid, where the offer stands. The buyer's pages are in `buyer`.

pub mod buyer;

use leptos::{prelude::*, server_fn::ServerFn};

use super::{
    api,
    domain::{Answers, OfferStatus, LOGBOOK_FIELD},
    service::{self, Step},
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
        page::{redirect_to, PostForm},
        wizard::{Position, StepFrame, Steps, CHECK},
    },
};

pub use buyer::{accept_path, decline_path, offer_path, FORM};

pub type Form = Draft<Answers>;

impl Steps for Form {
    fn base(&self) -> String {
        self.page()
    }

    fn steps(&self) -> Vec<&'static str> {
        vec![Step::Vehicle.code(), Step::Logbook.code(), Step::Buyer.code(), CHECK]
    }

    fn answered(&self, step: &str) -> bool {
        match step {
            "vehicle" => self.answers.plate.is_some(),
            "logbook" => self.answers.logbook.is_some(),
            "buyer" => self.answers.has_buyer(),
            _ => false,
        }
    }
}

pub fn next_path(application: &Application) -> String {
    crate::applications::pages::next_path::<Form>(application)
}

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
        "vehicle" => vehicle_page(request, &answers, position).await,
        "logbook" => Ok(logbook_page(request, &answers, position)),
        "buyer" => Ok(buyer_page(request, &answers, position)),
        _ => check_page(request, &answers, position).await,
    }
}

async fn vehicle_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let StepRequest {
        ctx,
        state,
        who,
        application,
    } = request;
    let lang = ctx.lang;
    let vehicles = service::vehicles(&ctx.state, who).await?;
    let errors = state.errors();
    let body = if vehicles.is_empty() {
        view! { <p class="body">{lang.t("transfer-vehicle-none")}</p> }.into_any()
    } else {
        let options = vehicles
            .iter()
            .map(|v| Choice {
                value: v.plate.clone(),
                label: {
                    let vehicle = format!("{} – {} {} ({})", v.plate, v.make, v.model, v.year);
                    match &v.organisation {
                        Some(name) => lang.t_with(
                            "transfer-vehicle-of",
                            &[("vehicle", vehicle), ("organisation", name.clone())],
                        ),
                        None => vehicle,
                    }
                },
                hint: Some(match v.availability() {
                    Ok(()) => format!("{} cc", v.engine_cc),
                    Err(why) => lang.t(&format!("{}-hint", why.key())),
                }),
            })
            .collect();
        let saved = answers.plate.as_ref().map(|p| p.to_string());
        let selected = Some(state.value_or("plate", saved.as_deref()));
        let id = application.id.as_str().to_string();
        view! {
            <PostForm action=api::TransferVehicle::url()>
                <Hidden name="id" value=id />
                <Radios name="plate" legend=lang.t("transfer-vehicle-legend") hint=lang.t("transfer-vehicle-hint")
                    options selected error=state.error("plate") />
                <Button text=lang.t("continue") />
            </PostForm>
        }
        .into_any()
    };
    Ok(view! {
        <StepFrame lang position title_key="transfer-vehicle-title" errors outside="dashboard">
            {body}
        </StepFrame>
    }
    .into_any())
}

fn logbook_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> AnyView {
    let StepRequest {
        ctx,
        state,
        application,
        ..
    } = request;
    let lang = ctx.lang;
    let action = format!("{}?id={}", api::TransferLogbook::url(), application.id.as_str());
    let keep = answers
        .logbook
        .is_some()
        .then(|| lang.href(&path_of(application, Step::Buyer)));
    let kept = answers.logbook.as_ref().map(|logbook| {
        let href = format!("/logbooks/{}", application.id.as_str());
        let size = crate::photo::domain::megabytes(logbook.bytes);
        view! {
            <p class="body">
                {lang.t_with("transfer-logbook-kept", &[("format", logbook.format.code().to_uppercase()), ("size", size)])}" "
                <a href=href>{lang.t("transfer-logbook-open")}</a>
            </p>
        }
    });
    view! {
        <StepFrame lang position title_key="transfer-logbook-title" errors=state.errors()>
            <p class="body">{lang.t("transfer-logbook-intro")}</p>
            {kept}
            <form method="post" action=action enctype="multipart/form-data" class="form" novalidate>
                <TextInput id=LOGBOOK_FIELD name=LOGBOOK_FIELD label=lang.t("transfer-field-logbook")
                    hint=Some(lang.t("transfer-field-logbook-hint")) input_type="file"
                    accept="application/pdf,image/jpeg,image/png" error=state.error(LOGBOOK_FIELD) />
                <Button text=lang.t("transfer-logbook-upload") />
            </form>
            {keep.map(|href| view! {
                <p class="body"><a href=href>{lang.t("transfer-logbook-keep")}</a></p>
            })}
        </StepFrame>
    }
    .into_any()
}

fn buyer_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> AnyView {
    let StepRequest {
        ctx,
        state,
        application,
        ..
    } = request;
    let lang = ctx.lang;
    let saved = answers.buyer.clone();
    let id_number = state.value_or("id_number", saved.as_ref().map(|b| b.id_number.as_str()));
    let first_name = state.value_or("first_name", saved.as_ref().map(|b| b.first_name.as_str()));
    let organisation = answers.buyer_organisation.as_ref().map(|o| o.kra_pin.as_str());
    let kra_pin = state.value_or("kra_pin", organisation);
    let id = application.id.as_str().to_string();
    let again = id.clone();
    let (id_error, name_error, pin_error) = (
        state.error("id_number"),
        state.error("first_name"),
        state.error("kra_pin"),
    );
    view! {
        <StepFrame lang position title_key="transfer-buyer-title" errors=state.errors()>
            <h2 class="heading-m">{lang.t("transfer-buyer-person-heading")}</h2>
            <p class="body">{lang.t("transfer-buyer-intro")}</p>
            <PostForm action=api::TransferBuyer::url()>
                <Hidden name="id" value=id />
                <TextInput id="id_number" name="id_number" label=lang.t("transfer-field-buyer-id") value=id_number
                    inputmode="numeric" error=id_error />
                <TextInput id="first_name" name="first_name" label=lang.t("transfer-field-buyer-name") value=first_name
                    hint=Some(lang.t("transfer-field-buyer-name-hint")) error=name_error />
                <Button text=lang.t("continue") />
            </PostForm>
            <h2 class="heading-m">{lang.t("transfer-buyer-organisation-heading")}</h2>
            <p class="body">{lang.t("transfer-buyer-organisation-intro")}</p>
            <PostForm action=api::TransferBuyerOrganisation::url()>
                <Hidden name="id" value=again />
                <TextInput id="kra_pin" name="kra_pin" label=lang.t("transfer-field-buyer-pin") value=kra_pin
                    hint=Some(lang.t("transfer-field-buyer-pin-hint")) autocomplete="off" error=pin_error />
                <Button text=lang.t("transfer-buyer-organisation-use") />
            </PostForm>
        </StepFrame>
    }
    .into_any()
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
    if answers.plate.is_none() || answers.logbook.is_none() || !answers.has_buyer() {
        return Ok(redirect_to(ctx, &next_path(application)));
    }
    let rows = summary(ctx, application);
    crate::applications::pages::check_page(
        ctx,
        &state,
        application,
        position,
        rows,
        lang.t("transfer-check-hint"),
        fee,
    )
    .await
}

/// The vehicle, its logbook and the buyer as the seller named them.
pub fn summary(ctx: &Ctx, application: &Application) -> Vec<Answer> {
    let lang = ctx.lang;
    let answers: Answers = crate::applications::service::answers(application);
    let row = |key: &str, value: String, step: Step| Answer::asked(lang.t(key), value, step.code());
    let mut rows = vec![];
    if let Some(plate) = &answers.plate {
        rows.push(row("transfer-field-vehicle", plate.to_string(), Step::Vehicle));
    }
    if let Some(logbook) = &answers.logbook {
        rows.push(row(
            "transfer-field-logbook",
            format!(
                "{} ({} MB)",
                logbook.format.code().to_uppercase(),
                crate::photo::domain::megabytes(logbook.bytes)
            ),
            Step::Logbook,
        ));
    }
    if let Some(buyer) = &answers.buyer {
        rows.push(row(
            "transfer-field-buyer",
            format!("{} ({})", buyer.first_name, buyer.id_number),
            Step::Buyer,
        ));
    }
    if let Some(organisation) = &answers.buyer_organisation {
        rows.push(row(
            "transfer-field-buyer",
            format!("{} ({})", organisation.name, organisation.kra_pin),
            Step::Buyer,
        ));
    }
    rows
}

/// A paid transfer's page: where the offer stands.
pub async fn result(ctx: &Ctx, application: &Application) -> Result<AnyView, AppError> {
    let lang = ctx.lang;
    let Some(offer) = super::offers::offer_of(&ctx.state, application).await? else {
        return Ok(().into_any());
    };
    let status = OfferStatus::parse(&offer.status).unwrap_or(OfferStatus::Offered);
    let args = [
        ("plate", offer.plate.clone()),
        ("buyer", offer.buyer_name.clone()),
        ("deadline", calendar::moment(lang, offer.deadline)),
        ("seller", offer.seller_name.clone()),
        ("seller_kind", offer.seller_kind().to_string()),
    ];
    let mut rows = vec![
        SummaryRow::new(
            lang.t("transfer-field-vehicle"),
            format!("{} – {} {}", offer.plate, offer.make, offer.model),
        ),
        SummaryRow::new(lang.t("transfer-fact-buyer"), offer.buyer_name.clone()),
    ];
    // The deadline matters only while the offer waits for the buyer's answer.
    if status == OfferStatus::Offered {
        rows.push(SummaryRow::new(
            lang.t("transfer-offer-deadline"),
            calendar::moment(lang, offer.deadline),
        ));
    }
    let logbook = format!("/logbooks/{}", application.id.as_str());
    Ok(view! {
        <h2 class="heading-m">{lang.t("transfer-result-heading")}</h2>
        <p class="body">{lang.t_with(&format!("transfer-seller-{}", status.code()), &args)}</p>
        <SummaryList rows />
        <p class="body"><a href=logbook>{lang.t("transfer-logbook-open")}</a></p>
    }
    .into_any())
}
