//! Inspection booking as a service of the application framework: a held place, let go when the draft is deleted.

use leptos::prelude::*;
use sqlx::AnyConnection;

use super::{domain::CODE, pages, service};
use crate::{
    applications::{
        domain::Application,
        pages::StepRequest,
        plugin::{Answer, Boxed, Effect, Ready, Service},
    },
    documents::domain::ServiceDocument,
    error::AppError,
    state::AppState,
    web::{context::Ctx, guard::SignedIn, page::FormState},
};

pub struct Inspection;

impl Service for Inspection {
    fn code(&self) -> &'static str {
        CODE
    }

    fn next_path(&self, application: &Application) -> String {
        pages::next_path(application)
    }

    fn step<'a>(&'a self, request: StepRequest<'a>, step: &'a str) -> Boxed<'a, Result<AnyView, AppError>> {
        Box::pin(pages::step(request, step))
    }

    fn ready<'a>(
        &'a self,
        state: &'a AppState,
        who: &'a SignedIn,
        application: &'a Application,
    ) -> Boxed<'a, Result<Ready, AppError>> {
        Box::pin(async move {
            Ok(match service::ready(state, who, application).await? {
                Ok(fee) => Ready::Fee(fee),
                Err(next) => Ready::Fix(pages::path_of(application, next)),
            })
        })
    }

    fn summary<'a>(
        &'a self,
        ctx: &'a Ctx,
        applicant: &'a SignedIn,
        application: &'a Application,
    ) -> Boxed<'a, Result<Vec<Answer>, AppError>> {
        let _ = applicant;
        Box::pin(pages::summary(ctx, application))
    }

    fn result<'a>(
        &'a self,
        ctx: &'a Ctx,
        form: &'a FormState,
        application: &'a Application,
    ) -> Boxed<'a, Result<AnyView, AppError>> {
        Box::pin(pages::result(ctx, form, application))
    }

    fn on_paid<'a>(
        &'a self,
        conn: &'a mut AnyConnection,
        application: &'a Application,
        now: i64,
    ) -> Boxed<'a, anyhow::Result<Effect>> {
        Box::pin(service::on_paid(conn, application, now))
    }

    fn document<'a>(
        &'a self,
        conn: &'a mut AnyConnection,
        application: &'a Application,
    ) -> Boxed<'a, anyhow::Result<Option<ServiceDocument>>> {
        Box::pin(service::slip(conn, application))
    }

    fn on_discard<'a>(
        &'a self,
        conn: &'a mut AnyConnection,
        application: &'a Application,
        now: i64,
    ) -> Boxed<'a, anyhow::Result<()>> {
        Box::pin(service::on_discard(conn, application, now))
    }

    /// A cancelled booking is cancelled, not "complete".
    fn panel_key<'a>(&'a self, ctx: &'a Ctx, application: &'a Application) -> Boxed<'a, Result<String, AppError>> {
        Box::pin(async move {
            Ok(if pages::cancelled(ctx, application).await? {
                "inspection-panel-cancelled".into()
            } else {
                self.status_key(application.status, "panel")
            })
        })
    }

    /// How long the place is held.
    fn payment_note<'a>(
        &'a self,
        ctx: &'a Ctx,
        application: &'a Application,
    ) -> Boxed<'a, Result<Option<String>, AppError>> {
        Box::pin(pages::hold_note(ctx, application))
    }
}
