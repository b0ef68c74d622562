//! The road service licence's pages on the shared wizard: the vehicle (each of the fleet's with its seats and
//! inspection, and why one cannot be licensed here, with a link to book an inspection), the route, the first day,
//! and check your answers with the fee; a completed one shows its licence.

use leptos::{prelude::*, server_fn::ServerFn};

use super::{
    api,
    domain::{self, Answers},
    service,
};
use crate::{
    applications::{
        domain::Application,
        pages::{position, step_path, Draft, Hidden, StepRequest},
        plugin::Answer,
    },
    appointments::pages::{question, Field},
    calendar,
    error::AppError,
    i18n::Lang,
    ui::{Button, Choice, DateInput, DateValue, SummaryList, SummaryRow},
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
        vec!["vehicle", "route", "period", CHECK]
    }

    fn answered(&self, step: &str) -> bool {
        match step {
            "vehicle" => self.answers.plate.is_some(),
            "route" => self.answers.route.is_some(),
            "period" => self.answers.starts_on.is_some(),
            _ => false,
        }
    }
}

pub fn next_path(application: &Application) -> String {
    crate::applications::pages::next_path::<Form>(application)
}

/// The vehicle step's address (where a draft no longer ready is sent: its page says why for each vehicle).
pub fn fix_path(application: &Application) -> String {
    step_path::<Form>(application, "vehicle")
}

pub async fn step(request: StepRequest<'_>, step: &str) -> Result<AnyView, AppError> {
    let (ctx, application) = (request.ctx, request.application);
    let (form, position) = match position::<Form>(ctx, application, step) {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    match step {
        "vehicle" => vehicle_page(request, &form.answers, position).await,
        "route" => route_page(request, &form.answers, position).await,
        "period" => Ok(period_page(request, &form.answers, position)),
        _ => check_page(request, position).await,
    }
}

fn date_text(lang: Lang, text: Option<&str>) -> Option<String> {
    text.and_then(calendar::parse_iso).map(|d| calendar::long_date(lang, d))
}

async fn vehicle_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let lang = request.ctx.lang;
    let today = request.ctx.state.clock.today();
    let fleet = service::fleet(&request.ctx.state, request.who).await?;
    let options = fleet
        .iter()
        .map(|v| {
            let seats = v.seats.map_or_else(
                || lang.t("psv-seats-unknown"),
                |seats| lang.t_with("psv-seats", &[("seats", seats.to_string())]),
            );
            let inspection = date_text(lang, v.inspection_due_on.as_deref()).map_or_else(
                || lang.t("psv-inspection-none"),
                |date| lang.t_with("psv-inspection-until", &[("date", date)]),
            );
            let licence = date_text(lang, v.psv_licence_expires_on.as_deref())
                .map(|date| lang.t_with("psv-licensed-until", &[("date", date)]));
            // Why it cannot be licensed here, said before Continue rather than after.
            let unfit = service::fitness(v, today)
                .err()
                .map(|unfit| unfit.error(&v.plate).message(lang));
            let hint = [
                Some(v.organisation.clone()),
                Some(seats),
                Some(inspection),
                licence,
                unfit,
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(". ");
            Choice {
                value: v.plate.clone(),
                label: format!("{} – {} {}", v.plate, v.make, v.model),
                hint: Some(hint),
            }
        })
        .collect();
    let field = Field {
        name: "plate",
        legend_key: "psv-field-vehicle",
        empty_key: "psv-no-vehicles".into(),
        options,
        saved: answers.plate.as_ref().map(|p| p.to_string()),
    };
    // A refusal an inspection would lift comes with the way to book one.
    let book =
        request.state.errors().iter().any(|e| {
            e.field == "plate" && (e.key == "psv-error-inspection-lapsed" || e.key == "psv-error-not-inspected")
        });
    let intro = view! {
        <p class="body">{lang.t("psv-intro")}</p>
        {book.then(|| view! {
            <p class="body"><a href=lang.href("services/inspection")>{lang.t("psv-book-inspection")}</a></p>
        })}
    }
    .into_any();
    Ok(question(
        &request,
        position,
        "psv-vehicle-title",
        api::PsvVehicle::url(),
        field,
        Some(intro),
    ))
}

async fn route_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let options = super::db::routes(&request.ctx.state.pool)
        .await?
        .into_iter()
        .map(|r| Choice {
            value: r.code,
            label: r.name,
            hint: Some(r.county),
        })
        .collect();
    let field = Field {
        name: "route",
        legend_key: "psv-field-route",
        empty_key: "psv-no-routes".into(),
        options,
        saved: answers.route.clone(),
    };
    Ok(question(
        &request,
        position,
        "psv-route-title",
        api::PsvRoute::url(),
        field,
        None,
    ))
}

fn period_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> AnyView {
    let StepRequest {
        ctx,
        state,
        application,
        ..
    } = request;
    let lang = ctx.lang;
    let saved = answers.starts();
    let part = |name: &str, of: Option<String>| state.value_or(name, of.as_deref());
    let value = DateValue {
        day: part("starts-day", saved.map(|d| d.day().to_string())),
        month: part("starts-month", saved.map(|d| d.month().to_string())),
        year: part("starts-year", saved.map(|d| d.year().to_string())),
    };
    let id = application.id.as_str().to_string();
    let hint = lang.t_with(
        "psv-field-starts-hint",
        &[
            ("years", domain::PERIOD_YEARS.to_string()),
            ("days", domain::START_AHEAD_DAYS.to_string()),
        ],
    );
    view! {
        <StepFrame lang position title_key="psv-period-title" errors=state.errors() outside="dashboard">
            <PostForm action=api::PsvPeriod::url()>
                <Hidden name="id" value=id />
                <DateInput id="starts" legend=lang.t("psv-field-starts") hint error=state.error("starts") value />
                <Button text=lang.t("continue") />
            </PostForm>
        </StepFrame>
    }
    .into_any()
}

async fn check_page(request: StepRequest<'_>, position: Position) -> Result<AnyView, AppError> {
    let hint = request.ctx.lang.t("psv-check-hint");
    crate::applications::pages::ready_check_page(request, position, hint).await
}

/// The vehicle and its operator, the route, and the period.
pub async fn summary(ctx: &Ctx, who: &SignedIn, application: &Application) -> Result<Vec<Answer>, AppError> {
    let lang = ctx.lang;
    let answers: Answers = crate::applications::service::answers(application);
    let mut rows = Vec::new();
    if let Some(vehicle) = service::chosen(&ctx.state, who, &answers).await? {
        rows.push(Answer::asked(
            lang.t("psv-field-vehicle"),
            format!("{} – {} {}", vehicle.plate, vehicle.make, vehicle.model),
            "vehicle",
        ));
        rows.push(Answer::found(lang.t("psv-fact-operator"), vehicle.organisation.clone()));
        if let Some(seats) = vehicle.seats {
            rows.push(Answer::found(lang.t("psv-fact-seats"), seats.to_string()));
        }
    }
    if let Some(code) = &answers.route {
        let mut conn = ctx.state.pool.acquire().await?;
        let name = super::db::route(&mut conn, code)
            .await?
            .map_or_else(|| code.clone(), |r| r.name);
        rows.push(Answer::asked(lang.t("psv-field-route"), name, "route"));
    }
    if let Some(starts) = answers.starts() {
        let period = match domain::expires(starts) {
            Some(last) => lang.t_with(
                "psv-period",
                &[
                    ("from", calendar::long_date(lang, starts)),
                    ("to", calendar::long_date(lang, last)),
                ],
            ),
            None => calendar::long_date(lang, starts),
        };
        rows.push(Answer::asked(lang.t("psv-field-starts"), period, "period"));
    }
    Ok(rows)
}

/// A completed application's licence: the vehicle, the route, and its period.
pub async fn result(ctx: &Ctx, application: &Application) -> Result<AnyView, AppError> {
    let lang = ctx.lang;
    let Some(licence) = service::issued(&ctx.state, application).await? else {
        return Ok(().into_any());
    };
    let date = |text: &str| date_text(lang, Some(text)).unwrap_or_default();
    let rows = vec![
        SummaryRow::new(lang.t("registration-fact-plate"), licence.plate.clone()),
        SummaryRow::new(lang.t("psv-fact-operator"), licence.organisation.clone()),
        SummaryRow::new(lang.t("psv-fact-route"), licence.route.clone()),
        SummaryRow::new(lang.t("psv-fact-seats"), licence.seats.to_string()),
        SummaryRow::new(lang.t("psv-fact-starts"), date(&licence.starts_on)),
        SummaryRow::new(lang.t("provisional-result-until"), date(&licence.expires_on)),
    ];
    Ok(view! {
        <h2 class="heading-m">{lang.t("psv-result-heading")}</h2>
        <SummaryList rows />
    }
    .into_any())
}
