//! Every appointment's pages on the shared wizard: a question page of radios, the days with places left, the
//! day's times (with the nearest free times when the one chosen was just taken), and a paid booking's page with
//! the forms to move or cancel it. Plain forms: no island, nothing to download.

use jiff::civil::Date;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{
    changes,
    db::{self, Booking},
    domain::{self, Free},
    places::{free_slots, place},
    Desk,
};
use crate::{
    applications::{
        domain::Application,
        pages::{answer_rows, Hidden, StepRequest},
        plugin::Answer,
    },
    calendar,
    error::AppError,
    i18n::Lang,
    ui::{Button, Checkboxes, Choice, Radios, SummaryList},
    web::{
        context::Ctx,
        page::{FormState, PostForm},
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

/// The hold's own end (it is never renewed), not fifteen minutes from this page view: for check your answers.
pub async fn held_until(ctx: &Ctx, desk: &dyn Desk, application: &Application) -> Result<String, AppError> {
    let until = changes::booking(&ctx.state, desk, application)
        .await?
        .map_or(ctx.state.clock.now() + domain::HOLD_SECONDS, |b| b.held_until);
    Ok(ctx
        .lang
        .t_with("appointment-held", &[("until", calendar::moment(ctx.lang, until))]))
}

/// How long an unpaid booking's place is still held (or that the hold has ended); `None` once it is booked.
fn hold_of(ctx: &Ctx, booking: &Booking) -> Option<String> {
    let (lang, now) = (ctx.lang, ctx.state.clock.now());
    match booking.status.as_str() {
        "held" if booking.held_until > now => Some(lang.t_with(
            "appointment-held-pay",
            &[
                ("until", calendar::moment(lang, booking.held_until)),
                ("minutes", ((booking.held_until - now + 59) / 60).to_string()),
            ],
        )),
        "held" | "lapsed" => Some(lang.t("appointment-hold-lapsed")),
        _ => None,
    }
}

/// Whether the application's booking was cancelled.
pub async fn cancelled(ctx: &Ctx, desk: &dyn Desk, application: &Application) -> Result<bool, AppError> {
    let booking = changes::booking(&ctx.state, desk, application).await?;
    Ok(booking.is_some_and(|b| b.status == "cancelled"))
}

/// What the payment pages say of an unpaid booking: how long its place is still held.
pub async fn hold_note(ctx: &Ctx, desk: &dyn Desk, application: &Application) -> Result<Option<String>, AppError> {
    let booking = changes::booking(&ctx.state, desk, application).await?;
    Ok(booking.and_then(|booking| hold_of(ctx, &booking)))
}

/// The server functions a booking's page posts to.
pub struct Changes {
    pub reschedule: &'static str,
    pub cancel: &'static str,
}

/// A booking's page: its rows, and by its status the hold, the cancellation, or (paid, until 24 hours before)
/// forms to move or cancel it. `after` follows the slip's note (a test's result, say).
pub async fn result(
    ctx: &Ctx,
    desk: &dyn Desk,
    state: &FormState,
    application: &Application,
    rows: Vec<Answer>,
    changes: Changes,
) -> Result<AnyView, AppError> {
    let lang = ctx.lang;
    let Some(booking) = changes::booking(&ctx.state, desk, application).await? else {
        return Ok(().into_any());
    };
    let prefix = desk.messages();
    let heading = lang.t(&format!("{prefix}-result-heading"));
    let rows = answer_rows(lang, application, rows, false);
    let status_note = match booking.status.as_str() {
        "cancelled" => Some(lang.t("appointment-cancelled")),
        // Not paid yet: no slip exists, so no word about one; what matters is how long the place is held.
        _ => hold_of(ctx, &booking),
    };
    if let Some(note) = status_note {
        return Ok(view! {
            <h2 class="heading-m">{heading}</h2>
            <SummaryList rows />
            <p class="body"><strong>{note}</strong></p>
        }
        .into_any());
    }
    let starts = calendar::parse_iso(&booking.day).and_then(|d| domain::starts_at(d, &booking.slot));
    let changeable =
        booking.status == "booked" && starts.is_some_and(|at| domain::changeable(at, ctx.state.clock.now()));
    let change = if changeable {
        Some(change_forms(ctx, desk, state, application, &booking, changes).await?)
    } else {
        None
    };
    let closed = (!changeable && booking.status == "booked")
        .then(|| view! { <p class="hint">{lang.t("appointment-change-closed")}</p> });
    Ok(view! {
        <h2 class="heading-m">{heading}</h2>
        <SummaryList rows />
        <p class="body">{lang.t(&format!("{prefix}-slip-not-proof"))}</p>
        {change}
        {closed}
    }
    .into_any())
}

/// Moving uses the same days and times as booking, with only those that have places left: first a day (a plain
/// GET of this page with `?day=`), then that day's times. Cancelling asks first, saying what is lost.
async fn change_forms(
    ctx: &Ctx,
    desk: &dyn Desk,
    state: &FormState,
    application: &Application,
    booking: &Booking,
    changes: Changes,
) -> Result<AnyView, AppError> {
    let lang = ctx.lang;
    let place = place(&ctx.state, desk.tables(), &booking.centre)
        .await?
        .ok_or_else(|| AppError::internal("booking at an unknown place"))?;
    let days = domain::bookable_days(ctx.state.clock.today());
    let free = free_slots(&ctx.state, desk.tables(), &place, &days).await?;
    let chosen = use_query_map()
        .with_untracked(|q| q.get("day"))
        .and_then(|day| calendar::parse_iso(&day))
        .filter(|day| days.contains(day));
    let page = lang.href(&crate::web::routes::Page::Application(application.id.as_str().into()).path());
    let moving = match chosen {
        None => {
            let options = day_choices(lang, ctx.state.clock.today(), None, &free);
            view! {
                <form method="get" action=page class="form" novalidate>
                    <Radios name="day" legend=lang.t("appointment-move-day-legend") options selected=None />
                    <Button text=lang.t("appointment-move-day-button") />
                </form>
            }
            .into_any()
        }
        Some(day) => {
            let (options, _) = slot_choices(lang, &free, day);
            let legend = lang.t_with(
                "appointment-move-time-legend",
                &[("date", calendar::date_with_weekday(lang, day))],
            );
            let (id, error) = (application.id.as_str().to_string(), state.error("time"));
            let selected = Some(state.value("time"));
            view! {
                <PostForm action=changes.reschedule>
                    <Hidden name="id" value=id />
                    <Radios name="time" legend options selected error />
                    <Button text=lang.t("appointment-reschedule") />
                </PostForm>
                <p class="body"><a href=page>{lang.t("appointment-move-other-day")}</a></p>
            }
            .into_any()
        }
    };
    let total = application.invoice.map(|i| i.total().to_string()).unwrap_or_default();
    let cancel_id = application.id.as_str().to_string();
    let cancel_error = state.error("confirm");
    let confirm = vec![Choice {
        value: "yes".into(),
        label: lang.t_with("appointment-cancel-confirm", &[("total", total)]),
        hint: None,
    }];
    let intro = lang.t(&format!("{}-change-intro", desk.messages()));
    Ok(view! {
        <h2 class="heading-m">{lang.t("appointment-change-heading")}</h2>
        <p class="body">{intro}</p>
        {moving}
        <h2 class="heading-m">{lang.t("appointment-cancel-heading")}</h2>
        <PostForm action=changes.cancel>
            <Hidden name="id" value=cancel_id />
            <Checkboxes name="confirm" legend=lang.t("appointment-cancel-legend") options=confirm error=cancel_error />
            <button type="submit" class="button button--warning">{lang.t("appointment-cancel")}</button>
        </PostForm>
    }
    .into_any())
}
