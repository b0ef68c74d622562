//! Inspection booking's pages on the shared wizard: the vehicle, the type, the centre, the day (with the places
//! left), the time (with the nearest free times when the one chosen was just taken), check your answers with the
//! hold; and on the booking's page, moving or cancelling it. Plain forms: no island, nothing to download.

use leptos::{prelude::*, server_fn::ServerFn};

use super::{
    api, db,
    domain::{self, Answers, Free, Type},
    service::{self, Step},
};
use crate::{
    applications::{
        api::page_of,
        domain::{Application, ApplicationId},
        pages::{fee_rows, CheckForm, Hidden, StepRequest},
        service as applications,
    },
    calendar,
    error::AppError,
    i18n::Lang,
    records::service as records,
    ui::{Button, Choice, Radios, Select, SummaryList, SummaryRow},
    web::{
        context::Ctx,
        page::{redirect_to, FormState, PostForm},
        wizard::{self, Position, StepFrame, Steps, CHECK},
    },
};

pub struct Form<'a> {
    pub id: &'a ApplicationId,
    pub answers: &'a Answers,
}

impl Steps for Form<'_> {
    fn base(&self) -> String {
        page_of(self.id)
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
        let a = self.answers;
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
    let answers: Answers = applications::answers(application);
    let form = Form {
        id: &application.id,
        answers: &answers,
    };
    wizard::path(&form, wizard::next(&form))
}

pub fn path_of(application: &Application, step: Step) -> String {
    let answers: Answers = applications::answers(application);
    let form = Form {
        id: &application.id,
        answers: &answers,
    };
    wizard::path(&form, step.code())
}

pub async fn step(request: StepRequest<'_>, step: &str) -> Result<AnyView, AppError> {
    let (ctx, application) = (request.ctx, request.application);
    let answers: Answers = applications::answers(application);
    let form = Form {
        id: &application.id,
        answers: &answers,
    };
    let position = match wizard::guard(&form, step) {
        Ok(position) => position,
        Err(path) => return Ok(redirect_to(ctx, &path)),
    };
    match step {
        "vehicle" => vehicle_page(request, &answers, position).await,
        "type" => Ok(type_page(request, &answers, position)),
        "centre" => centre_page(request, &answers, position).await,
        "day" => day_page(request, &answers, position).await,
        "slot" => slot_page(request, &answers, position).await,
        _ => check_page(request, &answers, position).await,
    }
}

/// A question page: one set of radios (or a message when there is nothing to choose) and Continue.
fn question(
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

struct Field {
    name: &'static str,
    legend_key: &'static str,
    empty_key: &'static str,
    options: Vec<Choice>,
    saved: Option<String>,
}

async fn vehicle_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let lang = request.ctx.lang;
    let vehicles = records::vehicles(&request.ctx.state, request.who)
        .await
        .map_err(AppError::internal)?;
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

fn type_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> AnyView {
    let lang = request.ctx.lang;
    let options = Type::ALL
        .iter()
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
    question(
        &request,
        position,
        "inspection-type-title",
        api::InspectionType::url(),
        field,
        None,
    )
}

async fn centre_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let centres = db::centres(&request.ctx.state.pool).await.map_err(AppError::internal)?;
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

/// The chosen centre and the places left at it over the booking window.
async fn centre_and_free(ctx: &Ctx, answers: &Answers) -> Result<Option<(db::Centre, Vec<Free>)>, AppError> {
    let Some(code) = &answers.centre else {
        return Ok(None);
    };
    let centres = db::centres(&ctx.state.pool).await.map_err(AppError::internal)?;
    let Some(centre) = centres.into_iter().find(|c| &c.code == code) else {
        return Ok(None);
    };
    let days = domain::bookable_days(ctx.state.clock.today());
    let free = service::free_slots(&ctx.state, &centre, &days)
        .await
        .map_err(AppError::internal)?;
    Ok(Some((centre, free)))
}

fn places_left(lang: Lang, left: i64) -> String {
    lang.t_with("inspection-places-left", &[("count", left.to_string())])
}

async fn day_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let lang = request.ctx.lang;
    let Some((centre, free)) = centre_and_free(request.ctx, answers).await? else {
        return Ok(redirect_to(request.ctx, &path_of(request.application, Step::Centre)));
    };
    let options = domain::bookable_days(request.ctx.state.clock.today())
        .into_iter()
        .filter_map(|day| {
            let left: i64 = free.iter().filter(|f| f.day == day).map(|f| f.left).sum();
            (left > 0).then(|| Choice {
                value: day.to_string(),
                label: calendar::date_with_weekday(lang, day),
                hint: Some(places_left(lang, left)),
            })
        })
        .collect();
    let field = Field {
        name: "day",
        legend_key: "inspection-field-day",
        empty_key: "inspection-no-days",
        options,
        saved: answers.day.clone(),
    };
    let intro =
        view! { <p class="body">{lang.t_with("inspection-day-intro", &[("centre", centre.name)])}</p> }.into_any();
    Ok(question(
        &request,
        position,
        "inspection-day-title",
        api::InspectionDay::url(),
        field,
        Some(intro),
    ))
}

/// A time as a choice: `2026-12-01T08:00`, labelled with the day when it is not the chosen one.
fn time_choice(lang: Lang, free: &Free, with_day: bool) -> Choice {
    let label = if with_day {
        lang.t_with(
            "inspection-time-on",
            &[
                ("date", calendar::date_with_weekday(lang, free.day)),
                ("time", free.slot.into()),
            ],
        )
    } else {
        free.slot.to_string()
    };
    Choice {
        value: format!("{}T{}", free.day, free.slot),
        label,
        hint: Some(places_left(lang, free.left)),
    }
}

async fn slot_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let lang = request.ctx.lang;
    let Some((_, free)) = centre_and_free(request.ctx, answers).await? else {
        return Ok(redirect_to(request.ctx, &path_of(request.application, Step::Centre)));
    };
    let Some(day) = answers.day.as_deref().and_then(calendar::parse_iso) else {
        return Ok(redirect_to(request.ctx, &path_of(request.application, Step::Day)));
    };
    let state = request.state;
    let of_day: Vec<&Free> = free.iter().filter(|f| f.day == day).collect();
    let options: Vec<Choice> = of_day
        .iter()
        .filter(|f| f.left > 0)
        .map(|f| time_choice(lang, f, false))
        .collect();
    let full: Vec<&str> = of_day.iter().filter(|f| f.left == 0).map(|f| f.slot).collect();
    // The time just taken from under the person: offer the nearest free ones, on any day.
    let tried = state.value("time");
    let nearest = tried
        .split_once('T')
        .filter(|_| state.error("time").is_some())
        .and_then(|(d, s)| Some(domain::nearest(&free, calendar::parse_iso(d)?, s, 3)))
        .unwrap_or_default();
    let selected = Some(state.value_or("time", answers.slot.as_ref().map(|s| format!("{day}T{s}")).as_deref()));
    let id = request.application.id.as_str().to_string();
    let nearest_group = (!nearest.is_empty()).then(|| {
        let options = nearest.iter().map(|f| time_choice(lang, f, true)).collect();
        view! { <Radios name="time" legend=lang.t("inspection-nearest") options selected=None /> }
    });
    let full_note = (!full.is_empty()).then(|| {
        view! { <p class="hint">{lang.t_with("inspection-full-times", &[("times", full.join(", "))])}</p> }
    });
    let heading = calendar::date_with_weekday(lang, day);
    Ok(view! {
        <StepFrame lang position title_key="inspection-slot-title" errors=state.errors()>
            <p class="body">{lang.t_with("inspection-slot-intro", &[("date", heading)])}</p>
            <PostForm action=api::InspectionSlot::url()>
                <Hidden name="id" value=id />
                {nearest_group}
                <Radios name="time" legend=lang.t("inspection-field-time") options selected error=state.error("time") />
                {full_note}
                <Button text=lang.t("continue") />
            </PostForm>
        </StepFrame>
    }
    .into_any())
}

/// The booking's rows: what is inspected, where and when.
async fn booking_rows(
    ctx: &Ctx,
    answers: &Answers,
    day: &str,
    slot: &str,
    centre_code: &str,
) -> Result<Vec<SummaryRow>, AppError> {
    let lang = ctx.lang;
    let centre = db::centres(&ctx.state.pool)
        .await
        .map_err(AppError::internal)?
        .into_iter()
        .find(|c| c.code == centre_code)
        .map_or_else(|| centre_code.to_string(), |c| c.name);
    let mut rows = vec![];
    if let Some(plate) = &answers.plate {
        rows.push(SummaryRow::new(lang.t("inspection-field-plate"), plate.to_string()));
    }
    if let Some(kind) = answers.kind {
        rows.push(SummaryRow::new(
            lang.t("inspection-field-type"),
            lang.t(&format!("inspection-type-{}", kind.code())),
        ));
    }
    rows.push(SummaryRow::new(lang.t("inspection-field-centre"), centre));
    let when = calendar::parse_iso(day)
        .map(|d| {
            lang.t_with(
                "inspection-time-on",
                &[("date", calendar::date_with_weekday(lang, d)), ("time", slot.into())],
            )
        })
        .unwrap_or_default();
    rows.push(SummaryRow::new(lang.t("inspection-fact-when"), when));
    Ok(rows)
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
    let (Some(day), Some(slot), Some(centre)) = (&answers.day, &answers.slot, &answers.centre) else {
        return Ok(redirect_to(ctx, &next_path(application)));
    };
    let form = Form {
        id: &application.id,
        answers,
    };
    let steps = [Step::Vehicle, Step::Type, Step::Centre, Step::Day];
    let rows = booking_rows(ctx, answers, day, slot, centre)
        .await?
        .into_iter()
        .zip(steps)
        .map(|(row, step)| SummaryRow {
            change: Some(wizard::change_link(lang, &form, step.code())),
            ..row
        })
        .collect::<Vec<_>>();
    let fees = fee_rows(ctx, fee).await?;
    let held_until = calendar::moment(lang, ctx.state.clock.now() + domain::HOLD_SECONDS);
    let (id, error) = (application.id.clone(), state.error("declaration"));
    Ok(view! {
        <StepFrame lang position title_key="applications-check-title" errors=state.errors()>
            <SummaryList rows />
            <p class="hint">{lang.t_with("inspection-held", &[("until", held_until)])}</p>
            <CheckForm lang id fees error />
        </StepFrame>
    }
    .into_any())
}

/// A paid booking's page: where and when, and (until 24 hours before) forms to move or cancel it.
pub async fn result(ctx: &Ctx, state: &FormState, application: &Application) -> Result<AnyView, AppError> {
    let lang = ctx.lang;
    let Some(booking) = service::booking(&ctx.state, application)
        .await
        .map_err(AppError::internal)?
    else {
        return Ok(().into_any());
    };
    let answers: Answers = applications::answers(application);
    let rows = booking_rows(ctx, &answers, &booking.day, &booking.slot, &booking.centre).await?;
    if booking.status == "cancelled" {
        return Ok(view! {
            <h2 class="heading-m">{lang.t("inspection-result-heading")}</h2>
            <SummaryList rows />
            <p class="body"><strong>{lang.t("inspection-cancelled")}</strong></p>
        }
        .into_any());
    }
    let starts = calendar::parse_iso(&booking.day).and_then(|d| domain::starts_at(d, &booking.slot));
    let changeable =
        booking.status == "booked" && starts.is_some_and(|at| domain::changeable(at, ctx.state.clock.now()));
    let change = changeable.then(|| {
        let days = domain::bookable_days(ctx.state.clock.today())
            .into_iter()
            .flat_map(|day| domain::SLOTS.iter().map(move |slot| (day, *slot)))
            .map(|(day, slot)| Choice {
                value: format!("{day}T{slot}"),
                label: lang.t_with(
                    "inspection-time-on",
                    &[("date", calendar::date_with_weekday(lang, day)), ("time", slot.into())],
                ),
                hint: None,
            })
            .collect();
        let (id, cancel_id) = (application.id.as_str().to_string(), application.id.as_str().to_string());
        let (selected, error) = (Some(state.value("time")), state.error("time"));
        view! {
            <h2 class="heading-m">{lang.t("inspection-change-heading")}</h2>
            <p class="body">{lang.t("inspection-change-intro")}</p>
            <PostForm action=api::InspectionReschedule::url()>
                <Hidden name="id" value=id />
                <Select id="time" label=lang.t("inspection-field-new-time") placeholder=lang.t("inspection-choose-time")
                    options=days selected error />
                <Button text=lang.t("inspection-reschedule") />
            </PostForm>
            <PostForm action=api::InspectionCancel::url()>
                <Hidden name="id" value=cancel_id />
                <button type="submit" class="button button--warning">{lang.t("inspection-cancel")}</button>
            </PostForm>
        }
    });
    Ok(view! {
        <h2 class="heading-m">{lang.t("inspection-result-heading")}</h2>
        <SummaryList rows />
        <p class="body">{lang.t("inspection-slip-not-proof")}</p>
        {change}
        {(!changeable && booking.status == "booked").then(|| view! { <p class="hint">{lang.t("inspection-change-closed")}</p> })}
    }
    .into_any())
}
