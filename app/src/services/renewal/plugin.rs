//! The renewal as a service of the application framework: paying renews the licence at once.

use leptos::prelude::*;
use sqlx::AnyConnection;

use super::{domain::CODE, pages, service};
use crate::{
    applications::{
        domain::Application,
        pages::StepRequest,
        plugin::{Answer, Effect, Ready, Service},
    },
    documents::domain::ServiceDocument,
    error::AppError,
    state::AppState,
    web::{context::Ctx, guard::SignedIn, page::FormState},
};

pub struct Renewal;

#[async_trait::async_trait]
impl Service for Renewal {
    fn code(&self) -> &'static str {
        CODE
    }

    fn next_path(&self, application: &Application) -> String {
        pages::next_path(application)
    }

    async fn step(&self, request: StepRequest<'_>, step: &str) -> Result<AnyView, AppError> {
        pages::step(request, step).await
    }

    async fn ready(&self, state: &AppState, who: &SignedIn, application: &Application) -> Result<Ready, AppError> {
        Ok(match service::ready(state, who, application).await? {
            Ok(fee) => Ready::Fee(fee),
            Err(step) => Ready::Fix(pages::path_of(application, step)),
        })
    }

    async fn summary(
        &self,
        ctx: &Ctx,
        applicant: &SignedIn,
        application: &Application,
    ) -> Result<Vec<Answer>, AppError> {
        pages::summary(ctx, applicant, application).await
    }

    async fn result(&self, ctx: &Ctx, _form: &FormState, application: &Application) -> Result<AnyView, AppError> {
        pages::result(ctx, application).await
    }

    async fn on_paid(&self, conn: &mut AnyConnection, application: &Application, now: i64) -> anyhow::Result<Effect> {
        service::on_paid(conn, application, now).await
    }

    /// The centre that deals with it: the smart licence's collection centre.
    fn centre(&self, application: &Application) -> Option<String> {
        crate::cards::service::centre::<super::domain::Answers>(application)
    }

    async fn document(
        &self,
        conn: &mut AnyConnection,
        application: &Application,
    ) -> anyhow::Result<Option<ServiceDocument>> {
        service::slip(conn, application).await
    }
}
