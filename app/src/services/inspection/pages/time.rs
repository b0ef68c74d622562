//! The day and time pages: the days with places left, then the day's times (and, when the one chosen was just
//! taken, the nearest free times on any day).

use leptos::{prelude::*, server_fn::ServerFn};

use super::{path_of, question, Field, StepRequest};
use crate::services::inspection::{
    api, db,
    domain::{self, Answers, Free},
    service::{self, Step},
};
use crate::{
    applications::pages::Hidden,
    calendar,
    error::AppError,
    i18n::Lang,
    ui::{Button, Choice, Radios},
    web::{
        context::Ctx,
        page::{redirect_to, PostForm},
        wizard::{Position, StepFrame},
    },
};

/// The chosen centre and the places left at it over the booking window.
async fn centre_and_free(ctx: &Ctx, answers: &Answers) -> Result<Option<(db::Centre, Vec<Free>)>, AppError> {
    let Some(code) = &answers.centre else {
        return Ok(None);
    };
    let centres = db::centres(&ctx.state.pool).await?;
    let Some(centre) = centres.into_iter().find(|c| &c.code == code) else {
        return Ok(None);
    };
    let days = domain::bookable_days(ctx.state.clock.today());
    let free = service::free_slots(&ctx.state, &centre, &days).await?;
    Ok(Some((centre, free)))
}

fn places_left(lang: Lang, left: i64) -> String {
    lang.t_with("inspection-places-left", &[("count", left.to_string())])
}

/// The bookable days from `today` that have places left, each with how many.
pub(super) fn day_choices(lang: Lang, today: jiff::civil::Date, free: &[Free]) -> Vec<Choice> {
    domain::bookable_days(today)
        .into_iter()
        .filter_map(|day| {
            let left: i64 = free.iter().filter(|f| f.day == day).map(|f| f.left).sum();
            (left > 0).then(|| Choice {
                value: day.to_string(),
                label: calendar::date_with_weekday(lang, day),
                hint: Some(places_left(lang, left)),
            })
        })
        .collect()
}

/// `day`'s times with places left, and those that are full.
pub(super) fn slot_choices(lang: Lang, free: &[Free], day: jiff::civil::Date) -> (Vec<Choice>, Vec<&'static str>) {
    let of_day: Vec<&Free> = free.iter().filter(|f| f.day == day).collect();
    let open = of_day
        .iter()
        .filter(|f| f.left > 0)
        .map(|f| time_choice(lang, f, false))
        .collect();
    let full = of_day.iter().filter(|f| f.left == 0).map(|f| f.slot).collect();
    (open, full)
}

pub(super) async fn day_page(
    request: StepRequest<'_>,
    answers: &Answers,
    position: Position,
) -> Result<AnyView, AppError> {
    let lang = request.ctx.lang;
    let Some((centre, free)) = centre_and_free(request.ctx, answers).await? else {
        return Ok(redirect_to(request.ctx, &path_of(request.application, Step::Centre)));
    };
    let options = day_choices(lang, request.ctx.state.clock.today(), &free);
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
pub(super) fn time_choice(lang: Lang, free: &Free, with_day: bool) -> Choice {
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

pub(super) async fn slot_page(
    request: StepRequest<'_>,
    answers: &Answers,
    position: Position,
) -> Result<AnyView, AppError> {
    let lang = request.ctx.lang;
    let Some((_, free)) = centre_and_free(request.ctx, answers).await? else {
        return Ok(redirect_to(request.ctx, &path_of(request.application, Step::Centre)));
    };
    let Some(day) = answers.day.as_deref().and_then(calendar::parse_iso) else {
        return Ok(redirect_to(request.ctx, &path_of(request.application, Step::Day)));
    };
    let state = request.state;
    let (options, full) = slot_choices(lang, &free, day);
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
