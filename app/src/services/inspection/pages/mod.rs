//! Inspection booking's pages on the shared wizard: the vehicle, the type, the centre, the day (with the places
//! left), the time (with the nearest free times when the one chosen was just taken), check your answers with the
//! hold; and on the booking's page, moving or cancelling it. Plain forms: no island, nothing to download.

mod booking;
mod time;

pub use booking::{cancelled, hold_note, result, summary};

use leptos::{prelude::*, server_fn::ServerFn};

use super::{
    api, db,
    domain::{Answers, Type},
    service::Step,
};
use crate::{
    applications::{
        domain::Application,
        pages::{position, step_path, Draft, Hidden, StepRequest},
    },
    calendar,
    error::AppError,
    records::service as records,
    ui::{Button, Choice, Radios},
    web::{
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
        "day" => time::day_page(request, &answers, position).await,
        "slot" => time::slot_page(request, &answers, position).await,
        _ => booking::check_page(request, &answers, position).await,
    }
}

/// A question page: one set of radios (or a message when there is nothing to choose) and Continue.
pub(super) fn question(
    request: &StepRequest<'_>,
    position: Position,
    title_key: &'static str,
    action: &'static str,
    field: Field,
    body: Option<AnyView>,
) -> AnyView {
    let lang = request.ctx.lang;
    let id = request.application.id.as_str().to_string();
    let state = &request.state;
    let selected = Some(state.value_or(field.name, field.saved.as_deref()));
    let error = state.error(field.name);
    let form = if field.options.is_empty() {
        view! { <p class="body">{lang.t(field.empty_key)}</p> }.into_any()
    } else {
        view! {
            <PostForm action>
                <Hidden name="id" value=id />
                <Radios name=field.name legend=lang.t(field.legend_key) options=field.options selected error />
                <Button text=lang.t("continue") />
            </PostForm>
        }
        .into_any()
    };
    view! {
        <StepFrame lang position title_key errors=state.errors() outside="dashboard">
            {body}
            {form}
        </StepFrame>
    }
    .into_any()
}

pub(super) struct Field {
    pub name: &'static str,
    pub legend_key: &'static str,
    pub empty_key: &'static str,
    pub options: Vec<Choice>,
    pub saved: Option<String>,
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
        empty_key: "inspection-no-vehicles",
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
        empty_key: "inspection-field-type",
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
    let centres = db::centres(&request.ctx.state.pool).await?;
    let options = centres
        .into_iter()
        .map(|c| Choice {
            value: c.code,
            label: c.name,
            hint: Some(c.county),
        })
        .collect();
    let field = Field {
        name: "centre",
        legend_key: "inspection-field-centre",
        empty_key: "inspection-field-centre",
        options,
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
