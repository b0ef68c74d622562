//! Copy of records as a service of the application framework.

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

pub struct Search;

impl Service for Search {
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
        let _ = (state, who);
        let ready = match service::ready(application) {
            Some(fee) => Ready::Fee(fee),
            None => Ready::Fix(pages::next_path(application)),
        };
        Box::pin(async move { Ok(ready) })
    }

    fn summary<'a>(
        &'a self,
        ctx: &'a Ctx,
        applicant: &'a SignedIn,
        application: &'a Application,
    ) -> Boxed<'a, Result<Vec<Answer>, AppError>> {
        let rows = pages::summary(ctx, application);
        let _ = applicant;
        Box::pin(async move { Ok(rows) })
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
