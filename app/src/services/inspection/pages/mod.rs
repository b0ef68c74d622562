//! Inspection booking's pages on the shared wizard: the vehicle, the type, the centre, the day (with the places
//! left), the time (with the nearest free times when the one chosen was just taken), check your answers with the
//! hold; and on the booking's page, moving or cancelling it. Plain forms: no island, nothing to download.

mod booking;

pub use booking::{result, summary};

use leptos::{prelude::*, server_fn::ServerFn};

use super::{
    api,
    domain::{Answers, Type},
    service::{Step, DESK},
};
use crate::{
    applications::{
        domain::Application,
        pages::{position, step_path, Draft, StepRequest},
    },
    appointments::pages::{day_page, place_choices, question, slot_page, Asked, Field},
    calendar,
    error::AppError,
    records::service as records,
    ui::Choice,
    web::{
        page::redirect_to,
        wizard::{Position, Steps, CHECK},
    },
};

pub type Form = Draft<Answers>;

impl Steps for Form {
    fn base(&self) -> String {
        self.page()
    }

    fn steps(&self) -> Vec<&'static str> {
        vec![
            Step::Vehicle.code(),
            Step::Type.code(),
            Step::Centre.code(),
            Step::Day.code(),
            Step::Slot.code(),
            CHECK,
        ]
    }

    fn answered(&self, step: &str) -> bool {
        let a = &self.answers;
        match step {
            "vehicle" => a.plate.is_some(),
            "type" => a.kind.is_some(),
            "centre" => a.centre.is_some(),
            "day" => a.day.is_some(),
            "slot" => a.slot.is_some(),
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
        "type" => type_page(request, &answers, position).await,
        "centre" => centre_page(request, &answers, position).await,
        "day" | "slot" => time_page(request, &answers, position, step).await,
        _ => booking::check_page(request, &answers, position).await,
    }
}

/// The day and time pages are every appointment's; without a centre (or a day) they send the person back.
async fn time_page(
    request: StepRequest<'_>,
    answers: &Answers,
    position: Position,
    step: &str,
) -> Result<AnyView, AppError> {
    let (ctx, application) = (request.ctx, request.application);
    let asked = |action| Asked {
        position,
        place: answers.centre.as_deref(),
        day: answers.day.as_deref(),
        slot: answers.slot.as_deref(),
        until: None,
        action,
    };
    let page = if step == "day" {
        day_page(request, &DESK, asked(api::InspectionDay::url())).await?
    } else {
        slot_page(request, &DESK, asked(api::InspectionSlot::url())).await?
    };
    Ok(page.unwrap_or_else(|| {
        let back = if answers.centre.is_none() {
            Step::Centre
        } else {
            Step::Day
        };
        redirect_to(ctx, &path_of(application, back))
    }))
}

async fn vehicle_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let lang = request.ctx.lang;
    let vehicles = records::vehicles(&request.ctx.state, request.who).await?;
    let options = vehicles
        .into_iter()
        .map(|v| Choice {
            value: v.plate.to_string(),
            label: format!("{} – {} {}", v.plate, v.make, v.model),
            hint: Some(match v.inspection_due_on {
                Some(due) => lang.t_with("inspection-due", &[("date", calendar::long_date(lang, due))]),
                None => lang.t("inspection-due-none"),
            }),
        })
        .collect();
    let field = Field {
        name: "plate",
        legend_key: "inspection-field-plate",
        empty_key: "inspection-no-vehicles".into(),
        options,
        saved: answers.plate.as_ref().map(|p| p.to_string()),
    };
    Ok(question(
        &request,
        position,
        "inspection-vehicle-title",
        api::InspectionVehicle::url(),
        field,
        None,
    ))
}

/// The types this vehicle can have: an annual inspection only for a vehicle the register gives a due date (PSVs and
/// commercial vehicles), so a private car is never offered what it would be refused after Continue; the page says
/// why it is not there.
async fn type_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let lang = request.ctx.lang;
    let vehicles = records::vehicles(&request.ctx.state, request.who).await?;
    let annual = vehicles
        .iter()
        .any(|v| Some(&v.plate) == answers.plate.as_ref() && v.inspection_due_on.is_some());
    let options = Type::ALL
        .iter()
        .filter(|t| annual || **t != Type::Annual)
        .map(|t| Choice {
            value: t.code().into(),
            label: lang.t(&format!("inspection-type-{}", t.code())),
            hint: Some(lang.t(&format!("inspection-type-{}-hint", t.code()))),
        })
        .collect();
    let field = Field {
        name: "type",
        legend_key: "inspection-field-type",
        empty_key: "inspection-field-type".into(),
        options,
        saved: answers.kind.map(|t| t.code().to_string()),
    };
    let why = (!annual).then(|| view! { <p class="body">{lang.t("inspection-type-no-annual")}</p> }.into_any());
    Ok(question(
        &request,
        position,
        "inspection-type-title",
        api::InspectionType::url(),
        field,
        why,
    ))
}

async fn centre_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let field = Field {
        name: "centre",
        legend_key: "inspection-field-centre",
        empty_key: "inspection-field-centre".into(),
        options: place_choices(request.ctx, &DESK).await?,
        saved: answers.centre.clone(),
    };
    Ok(question(
        &request,
        position,
        "inspection-centre-title",
        api::InspectionCentre::url(),
        field,
        None,
    ))
}
