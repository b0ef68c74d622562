//! Inspection booking as a service of the application framework: a held place, let go when the draft is deleted.

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

pub struct Inspection;

#[async_trait::async_trait]
impl Service for Inspection {
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
        let _ = applicant;
        pages::summary(ctx, application).await
    }

    async fn result(&self, ctx: &Ctx, form: &FormState, application: &Application) -> Result<AnyView, AppError> {
        pages::result(ctx, form, application).await
    }

    async fn on_paid(&self, conn: &mut AnyConnection, application: &Application, now: i64) -> anyhow::Result<Effect> {
        service::on_paid(conn, application, now).await
    }

    async fn on_discard(&self, conn: &mut AnyConnection, application: &Application, now: i64) -> anyhow::Result<()> {
        service::on_discard(conn, application, now).await
    }

    /// The centre that deals with it: the booked centre.
    fn centre(&self, application: &Application) -> Option<String> {
        let answers: super::domain::Answers = crate::applications::service::answers(application);
        answers.centre
    }

    async fn document(
        &self,
        conn: &mut AnyConnection,
        application: &Application,
    ) -> anyhow::Result<Option<ServiceDocument>> {
        service::slip(conn, application).await
    }

    /// A cancelled booking is cancelled, not "complete".
    async fn panel_key(&self, ctx: &Ctx, application: &Application) -> Result<String, AppError> {
        Ok(if pages::cancelled(ctx, application).await? {
            "inspection-panel-cancelled".into()
        } else {
            self.status_key(application.status, application.waiting, "panel")
        })
    }

    /// How long the place is held.
    async fn payment_note(&self, ctx: &Ctx, application: &Application) -> Result<Option<String>, AppError> {
        pages::hold_note(ctx, application).await
    }
}
