//! The renewal as a service of the application framework.

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

pub struct Renewal;

impl Service for Renewal {
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
        Box::pin(pages::summary(ctx, applicant, application))
    }

    fn result<'a>(
        &'a self,
        ctx: &'a Ctx,
        _form: &'a FormState,
        application: &'a Application,
    ) -> Boxed<'a, Result<AnyView, AppError>> {
        Box::pin(pages::result(ctx, application))
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
}
