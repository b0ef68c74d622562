//! Every appointment's pages on the shared wizard: a question page of radios, the days with places left, the
//! day's times (with the nearest free times when the one chosen was just taken), and the rows that say where and
//! when (a booking's own page: `booking`). Plain forms: no island, nothing to download.

use jiff::civil::Date;
use leptos::prelude::*;

use super::{
    db,
    domain::{self, Free},
    places::{free_slots, place},
    Desk,
};
use crate::{
    applications::{
        pages::{Hidden, StepRequest},
        plugin::Answer,
    },
    calendar,
    error::AppError,
    i18n::Lang,
    ui::{Button, Choice, Radios},
    web::{
        context::Ctx,
        page::PostForm,
        wizard::{Position, StepFrame},
    },
};

/// One question: a set of radios, with what was saved (or posted back) selected.
pub struct Field {
    pub name: &'static str,
    pub legend_key: &'static str,
    pub empty_key: String,
    pub options: Vec<Choice>,
    pub saved: Option<String>,
}

/// A question page: one set of radios (or a message when there is nothing to choose) and Continue.
pub fn question(
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
        view! { <p class="body">{lang.t(&field.empty_key)}</p> }.into_any()
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

/// The places of a kind as choices (name, county as the hint).
pub async fn place_choices(ctx: &Ctx, desk: &dyn Desk) -> Result<Vec<Choice>, AppError> {
    Ok(db::places(&ctx.state.pool, desk.tables())
        .await?
        .into_iter()
        .map(|p| Choice {
            value: p.code,
            label: p.name,
            hint: Some(p.county),
        })
        .collect())
}

/// The chosen place and the places left at it over the booking window.
async fn place_and_free(
    ctx: &Ctx,
    desk: &dyn Desk,
    code: Option<&str>,
) -> Result<Option<(db::Place, Vec<Free>)>, AppError> {
    let Some(code) = code else {
        return Ok(None);
    };
    let Some(place) = place(&ctx.state, desk.tables(), code).await? else {
        return Ok(None);
    };
    let days = domain::bookable_days(ctx.state.clock.today());
    let free = free_slots(&ctx.state, desk.tables(), &place, &days).await?;
    Ok(Some((place, free)))
}

fn places_left(lang: Lang, left: i64) -> String {
    lang.t_with("appointment-places-left", &[("count", left.to_string())])
}

/// The bookable days from `today` (up to `until`, when the booking must be by then) that have places left, each
/// with how many.
pub fn day_choices(lang: Lang, today: Date, until: Option<Date>, free: &[Free]) -> Vec<Choice> {
    domain::bookable_days(today)
        .into_iter()
        .filter(|day| until.is_none_or(|until| *day <= until))
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
pub fn slot_choices(lang: Lang, free: &[Free], day: Date) -> (Vec<Choice>, Vec<&'static str>) {
    let of_day: Vec<&Free> = free.iter().filter(|f| f.day == day).collect();
    let open = of_day
        .iter()
        .filter(|f| f.left > 0)
        .map(|f| time_choice(lang, f, false))
        .collect();
    let full = of_day.iter().filter(|f| f.left == 0).map(|f| f.slot).collect();
    (open, full)
}

/// A day and time as people read them.
pub fn when(lang: Lang, day: Date, slot: &str) -> String {
    lang.t_with(
        "appointment-time-on",
        &[("date", calendar::date_with_weekday(lang, day)), ("time", slot.into())],
    )
}

/// A time as a choice: `2026-12-01T08:00`, labelled with the day when it is not the chosen one.
fn time_choice(lang: Lang, free: &Free, with_day: bool) -> Choice {
    Choice {
        value: format!("{}T{}", free.day, free.slot),
        label: if with_day {
            when(lang, free.day, free.slot)
        } else {
            free.slot.to_string()
        },
        hint: Some(places_left(lang, free.left)),
    }
}

/// What the day and time pages are asked with.
pub struct Asked<'a> {
    pub position: Position,
    /// The place chosen (`None`: the page is not reached yet).
    pub place: Option<&'a str>,
    /// The day chosen, and the time saved on it.
    pub day: Option<&'a str>,
    pub slot: Option<&'a str>,
    /// The last day the booking may be on (a permit's end), if any.
    pub until: Option<Date>,
    /// The server function the form posts to.
    pub action: &'static str,
}

/// The day page; `None` when no place is chosen yet (the caller sends the person back to that step).
pub async fn day_page(
    request: StepRequest<'_>,
    desk: &dyn Desk,
    asked: Asked<'_>,
) -> Result<Option<AnyView>, AppError> {
    let lang = request.ctx.lang;
    let Some((place, free)) = place_and_free(request.ctx, desk, asked.place).await? else {
        return Ok(None);
    };
    let options = day_choices(lang, request.ctx.state.clock.today(), asked.until, &free);
    let field = Field {
        name: "day",
        legend_key: "appointment-field-day",
        empty_key: format!("{}-no-days", desk.messages()),
        options,
        saved: asked.day.map(str::to_string),
    };
    let mut intro = vec![lang.t_with("appointment-day-intro", &[("centre", place.name)])];
    if let Some(until) = asked.until {
        intro.push(lang.t_with(
            &format!("{}-day-until", desk.messages()),
            &[("date", calendar::long_date(lang, until))],
        ));
    }
    let intro = intro
        .into_iter()
        .map(|text| view! { <p class="body">{text}</p> })
        .collect_view()
        .into_any();
    Ok(Some(question(
        &request,
        asked.position,
        "appointment-day-title",
        asked.action,
        field,
        Some(intro),
    )))
}

/// The time page; `None` when the place or the day is not chosen yet.
pub async fn slot_page(
    request: StepRequest<'_>,
    desk: &dyn Desk,
    asked: Asked<'_>,
) -> Result<Option<AnyView>, AppError> {
    let lang = request.ctx.lang;
    let Some((_, free)) = place_and_free(request.ctx, desk, asked.place).await? else {
        return Ok(None);
    };
    let Some(day) = asked.day.and_then(calendar::parse_iso) else {
        return Ok(None);
    };
    let state = request.state;
    let (options, full) = slot_choices(lang, &free, day);
    // The time just taken from under the person: offer the nearest free ones, on any day.
    let tried = state.value("time");
    let nearest = tried
        .split_once('T')
        .filter(|_| state.error("time").is_some())
        .and_then(|(d, s)| Some(domain::nearest(&free, calendar::parse_iso(d)?, s, 3)))
        .unwrap_or_default()
        .into_iter()
        .filter(|f| asked.until.is_none_or(|until| f.day <= until))
        .collect::<Vec<_>>();
    let selected = Some(state.value_or("time", asked.slot.map(|s| format!("{day}T{s}")).as_deref()));
    let id = request.application.id.as_str().to_string();
    let nearest_group = (!nearest.is_empty()).then(|| {
        let options = nearest.iter().map(|f| time_choice(lang, f, true)).collect();
        view! { <Radios name="time" legend=lang.t("appointment-nearest") options selected=None /> }
    });
    let full_note = (!full.is_empty()).then(|| {
        view! { <p class="hint">{lang.t_with("appointment-full-times", &[("times", full.join(", "))])}</p> }
    });
    let heading = calendar::date_with_weekday(lang, day);
    let action = asked.action;
    Ok(Some(
        view! {
            <StepFrame lang position=asked.position title_key="appointment-slot-title" errors=state.errors()>
                <p class="body">{lang.t_with("appointment-slot-intro", &[("date", heading)])}</p>
                <PostForm action>
                    <Hidden name="id" value=id />
                    {nearest_group}
                    <Radios name="time" legend=lang.t("appointment-field-time") options selected error=state.error("time") />
                    {full_note}
                    <Button text=lang.t("continue") />
                </PostForm>
            </StepFrame>
        }
        .into_any(),
    ))
}

/// The rows every booking shows: where and when, each with the step that asks it.
pub async fn place_rows(
    ctx: &Ctx,
    desk: &dyn Desk,
    at: db::At<'_>,
    steps: (&'static str, &'static str),
) -> Result<Vec<Answer>, AppError> {
    let lang = ctx.lang;
    let mut conn = ctx.state.pool.acquire().await?;
    let name = db::place_name(&mut conn, desk.tables(), at.centre)
        .await?
        .unwrap_or_else(|| at.centre.to_string());
    let when = calendar::parse_iso(at.day)
        .map(|day| when(lang, day, at.slot))
        .unwrap_or_default();
    Ok(vec![
        Answer::asked(lang.t(&format!("{}-field-centre", desk.messages())), name, steps.0),
        Answer::asked(lang.t("appointment-fact-when"), when, steps.1),
    ])
}
