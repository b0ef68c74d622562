//! A booking's own page and what the payment pages say of its hold: by its status the hold, the cancellation, or
//! (paid, until 24 hours before) the forms to move or cancel it.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{
    changes,
    db::Booking,
    domain,
    pages::{day_choices, slot_choices},
    places::{free_slots, place},
    Desk,
};
use crate::{
    applications::{
        domain::Application,
        pages::{answer_rows, Hidden},
        plugin::Answer,
    },
    calendar,
    error::AppError,
    ui::{Button, Checkboxes, Choice, Radios, SummaryList},
    web::{
        context::Ctx,
        page::{FormState, PostForm},
    },
};

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
