//! Check your answers with the held place, and a paid booking's page with the forms to move or cancel it.

use leptos::{prelude::*, server_fn::ServerFn};

use leptos_router::hooks::use_query_map;

use super::{next_path, path_of, time, StepRequest};
use crate::services::inspection::{
    api, db,
    domain::{self, Answers},
    service::{self, Step},
};
use crate::{
    applications::{domain::Application, pages::Hidden, plugin::Answer, service as applications},
    calendar,
    error::AppError,
    ui::{Button, Checkboxes, Choice, Radios, SummaryList},
    web::{
        context::Ctx,
        page::{redirect_to, FormState, PostForm},
        wizard::Position,
    },
};

/// The booking's rows: what is inspected, where and when, each with the step that asks it.
async fn booking_rows(
    ctx: &Ctx,
    answers: &Answers,
    day: &str,
    slot: &str,
    centre_code: &str,
) -> Result<Vec<Answer>, AppError> {
    let lang = ctx.lang;
    let centre = db::centres(&ctx.state.pool)
        .await?
        .into_iter()
        .find(|c| c.code == centre_code)
        .map_or_else(|| centre_code.to_string(), |c| c.name);
    let mut rows = vec![];
    if let Some(plate) = &answers.plate {
        rows.push(Answer::asked(
            lang.t("inspection-field-plate"),
            plate.to_string(),
            Step::Vehicle.code(),
        ));
    }
    if let Some(kind) = answers.kind {
        rows.push(Answer::asked(
            lang.t("inspection-field-type"),
            lang.t(&format!("inspection-type-{}", kind.code())),
            Step::Type.code(),
        ));
    }
    rows.push(Answer::asked(
        lang.t("inspection-field-centre"),
        centre,
        Step::Centre.code(),
    ));
    let when = calendar::parse_iso(day)
        .map(|d| {
            lang.t_with(
                "inspection-time-on",
                &[("date", calendar::date_with_weekday(lang, d)), ("time", slot.into())],
            )
        })
        .unwrap_or_default();
    rows.push(Answer::asked(lang.t("inspection-fact-when"), when, Step::Day.code()));
    Ok(rows)
}

/// The booking as the applicant chose it (nothing before a centre is chosen).
pub async fn summary(ctx: &Ctx, application: &Application) -> Result<Vec<Answer>, AppError> {
    let answers: Answers = applications::answers(application);
    match (&answers.day, &answers.slot, &answers.centre) {
        (Some(day), Some(slot), Some(centre)) => booking_rows(ctx, &answers, day, slot, centre).await,
        _ => Ok(vec![]),
    }
}

pub(super) async fn check_page(
    request: StepRequest<'_>,
    answers: &Answers,
    position: Position,
) -> Result<AnyView, AppError> {
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
    let rows = booking_rows(ctx, answers, day, slot, centre).await?;
    // The hold's own end (it is never renewed), not fifteen minutes from this page view.
    let held_until = service::booking(&ctx.state, application)
        .await?
        .map_or(ctx.state.clock.now() + domain::HOLD_SECONDS, |b| b.held_until);
    let held_until = calendar::moment(lang, held_until);
    crate::applications::pages::check_page(
        ctx,
        &state,
        application,
        position,
        rows,
        lang.t_with("inspection-held", &[("until", held_until)]),
        fee,
    )
    .await
}

/// How long an unpaid booking's place is still held (or that the hold has ended); `None` once it is booked.
fn hold_of(ctx: &Ctx, booking: &crate::services::inspection::db::Booking) -> Option<String> {
    let (lang, now) = (ctx.lang, ctx.state.clock.now());
    match booking.status.as_str() {
        "held" if booking.held_until > now => Some(lang.t_with(
            "inspection-held-pay",
            &[
                ("until", calendar::moment(lang, booking.held_until)),
                ("minutes", ((booking.held_until - now + 59) / 60).to_string()),
            ],
        )),
        "held" | "lapsed" => Some(lang.t("inspection-hold-lapsed")),
        _ => None,
    }
}

/// Whether the application's booking was cancelled.
pub async fn cancelled(ctx: &Ctx, application: &Application) -> Result<bool, AppError> {
    let booking = service::booking(&ctx.state, application).await?;
    Ok(booking.is_some_and(|b| b.status == "cancelled"))
}

/// What the payment pages say of an unpaid booking: how long its place is still held.
pub async fn hold_note(ctx: &Ctx, application: &Application) -> Result<Option<String>, AppError> {
    let booking = service::booking(&ctx.state, application).await?;
    Ok(booking.and_then(|booking| hold_of(ctx, &booking)))
}

/// A paid booking's page: where and when, and (until 24 hours before) forms to move or cancel it.
pub async fn result(ctx: &Ctx, state: &FormState, application: &Application) -> Result<AnyView, AppError> {
    let lang = ctx.lang;
    let Some(booking) = service::booking(&ctx.state, application).await? else {
        return Ok(().into_any());
    };
    let answers: Answers = applications::answers(application);
    let rows = booking_rows(ctx, &answers, &booking.day, &booking.slot, &booking.centre).await?;
    let rows = crate::applications::pages::answer_rows(lang, application, rows, false);
    if booking.status == "cancelled" {
        return Ok(view! {
            <h2 class="heading-m">{lang.t("inspection-result-heading")}</h2>
            <SummaryList rows />
            <p class="body"><strong>{lang.t("inspection-cancelled")}</strong></p>
        }
        .into_any());
    }
    // Not paid yet: no slip exists, so no word about one; what matters is how long the place is held.
    if let Some(note) = hold_of(ctx, &booking) {
        return Ok(view! {
            <h2 class="heading-m">{lang.t("inspection-result-heading")}</h2>
            <SummaryList rows />
            <p class="body"><strong>{note}</strong></p>
        }
        .into_any());
    }
    let total = application.invoice.map(|i| i.total().to_string()).unwrap_or_default();
    let starts = calendar::parse_iso(&booking.day).and_then(|d| domain::starts_at(d, &booking.slot));
    let changeable =
        booking.status == "booked" && starts.is_some_and(|at| domain::changeable(at, ctx.state.clock.now()));
    // Moving uses the same days and times as booking, with only those that have places left: first a day (a
    // plain GET of this page with `?day=`), then that day's times.
    let moving = if changeable {
        let centre = service::centre(&ctx.state, &booking.centre)
            .await?
            .ok_or_else(|| AppError::internal("booking at an unknown centre"))?;
        let days = domain::bookable_days(ctx.state.clock.today());
        let free = service::free_slots(&ctx.state, &centre, &days).await?;
        let chosen = use_query_map()
            .with_untracked(|q| q.get("day"))
            .and_then(|day| calendar::parse_iso(&day))
            .filter(|day| days.contains(day));
        let page = lang.href(&crate::web::routes::Page::Application(application.id.as_str().into()).path());
        Some(match chosen {
            None => {
                let options = time::day_choices(lang, ctx.state.clock.today(), &free);
                view! {
                    <form method="get" action=page class="form" novalidate>
                        <Radios name="day" legend=lang.t("inspection-move-day-legend") options selected=None />
                        <Button text=lang.t("inspection-move-day-button") />
                    </form>
                }
                .into_any()
            }
            Some(day) => {
                let (options, _) = time::slot_choices(lang, &free, day);
                let options = options
                    .into_iter()
                    .map(|choice| Choice {
                        value: format!("{day}T{}", choice.value.rsplit('T').next().unwrap_or_default()),
                        ..choice
                    })
                    .collect::<Vec<_>>();
                let legend = lang.t_with(
                    "inspection-move-time-legend",
                    &[("date", calendar::date_with_weekday(lang, day))],
                );
                let (id, error) = (application.id.as_str().to_string(), state.error("time"));
                let selected = Some(state.value("time"));
                view! {
                    <PostForm action=api::InspectionReschedule::url()>
                        <Hidden name="id" value=id />
                        <Radios name="time" legend options selected error />
                        <Button text=lang.t("inspection-reschedule") />
                    </PostForm>
                    <p class="body"><a href=page>{lang.t("inspection-move-other-day")}</a></p>
                }
                .into_any()
            }
        })
    } else {
        None
    };
    let change = moving.map(|moving| {
        let cancel_id = application.id.as_str().to_string();
        let cancel_error = state.error("confirm");
        let confirm = vec![Choice {
            value: "yes".into(),
            label: lang.t_with("inspection-cancel-confirm", &[("total", total.clone())]),
            hint: None,
        }];
        view! {
            <h2 class="heading-m">{lang.t("inspection-change-heading")}</h2>
            <p class="body">{lang.t("inspection-change-intro")}</p>
            {moving}
            <h2 class="heading-m">{lang.t("inspection-cancel-heading")}</h2>
            <PostForm action=api::InspectionCancel::url()>
                <Hidden name="id" value=cancel_id />
                // Asked first, saying what is lost: a cancelled booking's fee is not refunded.
                <Checkboxes name="confirm" legend=lang.t("inspection-cancel-legend") options=confirm
                    error=cancel_error />
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
