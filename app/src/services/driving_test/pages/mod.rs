//! The driving test's pages on the shared wizard: the class (each with what the register says of it), the test
//! unit, the day and time (`appointments::pages`), check your answers with the hold; the booking's page with its
//! result once recorded, or the forms to move or cancel it. `unit`: the officers' day at a unit.

pub mod unit;

use leptos::{prelude::*, server_fn::ServerFn};

use super::{
    api,
    domain::{Answers, Standing},
    results,
    service::{self, Step, DESK},
};
use crate::{
    applications::{
        domain::Application,
        pages::{position, step_path, Draft, StepRequest},
        plugin::Answer,
        service as applications,
    },
    appointments::{
        booking::{self as appointments, Changes},
        db::At,
        pages::{day_page, place_choices, place_rows, question, slot_page, Asked, Field},
    },
    calendar,
    error::AppError,
    i18n::Lang,
    ui::{Choice, SummaryList, SummaryRow},
    web::{
        context::Ctx,
        page::{redirect_to, FormState},
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
            Step::Class.code(),
            Step::Unit.code(),
            Step::Day.code(),
            Step::Slot.code(),
            CHECK,
        ]
    }

    fn answered(&self, step: &str) -> bool {
        let a = &self.answers;
        match step {
            "class" => a.class.is_some(),
            "unit" => a.unit.is_some(),
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
        "class" => class_page(request, &answers, position).await,
        "unit" => unit_page(request, &answers, position).await,
        "day" | "slot" => time_page(request, &answers, position, step).await,
        _ => check_page(request, &answers, position).await,
    }
}

/// What the register says of a class for this learner, in a sentence.
fn standing_text(lang: Lang, standing: Standing) -> String {
    match standing {
        Standing::Ready { until } => lang.t_with("test-class-ready", &[("date", calendar::long_date(lang, until))]),
        other => {
            let key = other.refusal_key().unwrap_or("test-error-class");
            match other.date() {
                Some(day) => lang.t_with(key, &[("date", calendar::long_date(lang, day))]),
                None => lang.t(key),
            }
        }
    }
}

/// The classes the learner may book, each with the permit's last day; those they may not are listed with why,
/// so nobody is refused after Continue for something the page could say.
async fn class_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let lang = request.ctx.lang;
    let classes = service::classes(&request.ctx.state, request.who).await?;
    let (ready, not_ready): (Vec<_>, Vec<_>) = classes
        .into_iter()
        .partition(|(_, standing)| matches!(standing, Standing::Ready { .. }));
    let options = ready
        .into_iter()
        .map(|(class, standing)| Choice {
            value: class.code().into(),
            label: lang.t(&format!("provisional-class-{}", class.code())),
            hint: Some(standing_text(lang, standing)),
        })
        .collect();
    let rows: Vec<SummaryRow> = not_ready
        .into_iter()
        .map(|(class, standing)| {
            SummaryRow::new(
                lang.t(&format!("provisional-class-{}", class.code())),
                standing_text(lang, standing),
            )
        })
        .collect();
    let body = view! {
        <p class="body">{lang.t("test-class-intro")}</p>
        {(!rows.is_empty()).then(|| view! {
            <h2 class="heading-s">{lang.t("test-class-not-yet")}</h2>
            <SummaryList rows />
        })}
    }
    .into_any();
    let field = Field {
        name: "class",
        legend_key: "test-field-class",
        empty_key: "test-no-classes".into(),
        options,
        saved: answers.class.map(|c| c.code().to_string()),
    };
    Ok(question(
        &request,
        position,
        "test-class-title",
        api::TestClass::url(),
        field,
        Some(body),
    ))
}

async fn unit_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let field = Field {
        name: "unit",
        legend_key: "test-field-centre",
        empty_key: "test-field-centre".into(),
        options: place_choices(request.ctx, &DESK).await?,
        saved: answers.unit.clone(),
    };
    Ok(question(
        &request,
        position,
        "test-unit-title",
        api::TestUnit::url(),
        field,
        None,
    ))
}

/// The day and time pages are every appointment's, with days up to the permit's last; without a unit (or a
/// day) they send the person back.
async fn time_page(
    request: StepRequest<'_>,
    answers: &Answers,
    position: Position,
    step: &str,
) -> Result<AnyView, AppError> {
    let (ctx, application) = (request.ctx, request.application);
    let until = service::until(&ctx.state, request.who, application).await?;
    if until.is_none() {
        return Ok(redirect_to(ctx, &path_of(application, Step::Class)));
    }
    let asked = |action| Asked {
        position,
        place: answers.unit.as_deref(),
        day: answers.day.as_deref(),
        slot: answers.slot.as_deref(),
        until,
        action,
    };
    let page = if step == "day" {
        day_page(request, &DESK, asked(api::TestDay::url())).await?
    } else {
        slot_page(request, &DESK, asked(api::TestSlot::url())).await?
    };
    Ok(page.unwrap_or_else(|| {
        let back = if answers.unit.is_none() { Step::Unit } else { Step::Day };
        redirect_to(ctx, &path_of(application, back))
    }))
}

/// The booking's rows: the class, where and when, each with the step that asks it.
async fn booking_rows(ctx: &Ctx, answers: &Answers, at: At<'_>) -> Result<Vec<Answer>, AppError> {
    let lang = ctx.lang;
    let mut rows = vec![];
    if let Some(class) = answers.class {
        rows.push(Answer::asked(
            lang.t("test-field-class"),
            lang.t(&format!("provisional-class-{}", class.code())),
            Step::Class.code(),
        ));
    }
    rows.extend(place_rows(ctx, &DESK, at, (Step::Unit.code(), Step::Day.code())).await?);
    Ok(rows)
}

/// The booking as the learner chose it (nothing before a unit and time are chosen).
pub async fn summary(ctx: &Ctx, application: &Application) -> Result<Vec<Answer>, AppError> {
    let answers: Answers = applications::answers(application);
    match (&answers.day, &answers.slot, &answers.unit) {
        (Some(day), Some(slot), Some(centre)) => booking_rows(ctx, &answers, At { centre, day, slot }).await,
        _ => Ok(vec![]),
    }
}

async fn check_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let StepRequest {
        ctx,
        state,
        who,
        application,
    } = request;
    let fee = match service::ready(&ctx.state, who, application).await? {
        Ok(fee) => fee,
        Err(step) => return Ok(redirect_to(ctx, &path_of(application, step))),
    };
    let (Some(day), Some(slot), Some(centre)) = (&answers.day, &answers.slot, &answers.unit) else {
        return Ok(redirect_to(ctx, &next_path(application)));
    };
    let rows = booking_rows(ctx, answers, At { centre, day, slot }).await?;
    let held = appointments::held_until(ctx, &DESK, application).await?;
    crate::applications::pages::check_page(ctx, &state, application, position, rows, held, fee).await
}

/// The booking's page: the result once an officer recorded it; before, where and when and the forms to move or
/// cancel it (until 24 hours before).
pub async fn result(ctx: &Ctx, state: &FormState, application: &Application) -> Result<AnyView, AppError> {
    let lang = ctx.lang;
    let Some(booking) = service::booking(&ctx.state, application).await? else {
        return Ok(().into_any());
    };
    let answers: Answers = applications::answers(application);
    let rows = booking_rows(ctx, &answers, booking.at()).await?;
    if let Some(result) = results::result_of(&ctx.state, application.id.as_str()).await? {
        let rows = crate::applications::pages::answer_rows(lang, application, rows, false);
        let day = calendar::parse_iso(&result.day)
            .map(|d| calendar::long_date(lang, d))
            .unwrap_or_default();
        let passed_until = result
            .valid_until
            .as_deref()
            .and_then(calendar::parse_iso)
            .filter(|_| result.passed == 1);
        let outcome = match passed_until {
            Some(until) => lang.t_with(
                "test-result-passed",
                &[("date", day), ("until", calendar::long_date(lang, until))],
            ),
            None => lang.t_with("test-result-failed", &[("date", day)]),
        };
        // A pass leads on to the licence it allows, while its certificate is valid.
        let apply = passed_until.filter(|until| *until >= ctx.state.clock.today()).map(
            |_| view! { <p class="body"><a href=lang.href("services/first-dl")>{lang.t("test-result-apply")}</a></p> },
        );
        let notes = (!result.notes.is_empty()).then(|| {
            let notes = result.notes.clone();
            view! {
                <h3 class="heading-s">{lang.t("test-result-notes")}</h3>
                <p class="body user-text">{notes}</p>
            }
        });
        return Ok(view! {
            <h2 class="heading-m">{lang.t("test-result-heading")}</h2>
            <SummaryList rows />
            <p class="body"><strong>{outcome}</strong></p>
            {apply}
            {notes}
        }
        .into_any());
    }
    let changes = Changes {
        reschedule: api::TestReschedule::url(),
        cancel: api::TestCancel::url(),
    };
    appointments::result(ctx, &DESK, state, application, rows, changes).await
}
