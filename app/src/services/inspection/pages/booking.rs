//! Check your answers with the held place, and a paid booking's page (`appointments::pages::result`).

use leptos::{prelude::*, server_fn::ServerFn};

use super::{next_path, path_of, StepRequest};
use crate::services::inspection::{
    api,
    domain::Answers,
    service::{self, Step, DESK},
};
use crate::{
    applications::{domain::Application, plugin::Answer, service as applications},
    appointments::{
        booking::{self as appointments, Changes},
        db::At,
        pages::place_rows,
    },
    error::AppError,
    web::{
        context::Ctx,
        page::{redirect_to, FormState},
        wizard::Position,
    },
};

/// The booking's rows: what is inspected, where and when, each with the step that asks it.
async fn booking_rows(ctx: &Ctx, answers: &Answers, at: At<'_>) -> Result<Vec<Answer>, AppError> {
    let lang = ctx.lang;
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
    rows.extend(place_rows(ctx, &DESK, at, (Step::Centre.code(), Step::Day.code())).await?);
    Ok(rows)
}

/// The booking as the applicant chose it (nothing before a centre is chosen).
pub async fn summary(ctx: &Ctx, application: &Application) -> Result<Vec<Answer>, AppError> {
    let answers: Answers = applications::answers(application);
    match (&answers.day, &answers.slot, &answers.centre) {
        (Some(day), Some(slot), Some(centre)) => booking_rows(ctx, &answers, At { centre, day, slot }).await,
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
    let fee = match service::ready(&ctx.state, who, application).await? {
        Ok(fee) => fee,
        Err(step) => return Ok(redirect_to(ctx, &path_of(application, step))),
    };
    let (Some(day), Some(slot), Some(centre)) = (&answers.day, &answers.slot, &answers.centre) else {
        return Ok(redirect_to(ctx, &next_path(application)));
    };
    let rows = booking_rows(ctx, answers, At { centre, day, slot }).await?;
    let held = appointments::held_until(ctx, &DESK, application).await?;
    crate::applications::pages::check_page(ctx, &state, application, position, rows, held, fee).await
}

/// A booking's page: where and when, and (until 24 hours before) forms to move or cancel it.
pub async fn result(ctx: &Ctx, state: &FormState, application: &Application) -> Result<AnyView, AppError> {
    let Some(booking) = service::booking(&ctx.state, application).await? else {
        return Ok(().into_any());
    };
    let answers: Answers = applications::answers(application);
    let rows = booking_rows(ctx, &answers, booking.at()).await?;
    let changes = Changes {
        reschedule: api::InspectionReschedule::url(),
        cancel: api::InspectionCancel::url(),
    };
    appointments::result(ctx, &DESK, state, application, rows, changes).await
}
