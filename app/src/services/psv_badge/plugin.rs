//! The PSV badge as a service of the application framework: an officer decides, and approval puts the badge on
//! the register.

use leptos::prelude::*;
use sqlx::AnyConnection;

use super::{domain::CODE, pages, service};
use crate::{
    applications::{
        domain::Application,
        pages::StepRequest,
        plugin::{Answer, Ready, Service},
    },
    documents::domain::ServiceDocument,
    error::AppError,
    state::AppState,
    web::{context::Ctx, guard::SignedIn, page::FormState},
};

pub struct Badge;

#[async_trait::async_trait]
impl Service for Badge {
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
            Err(()) => Ready::Fix(pages::details_path(application)),
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

    /// Rejected by an officer (a certificate number that does not check out), it may be corrected and sent again.
    fn resubmittable(&self) -> bool {
        true
    }

    async fn on_approved(&self, conn: &mut AnyConnection, application: &Application, now: i64) -> anyhow::Result<()> {
        service::on_approved(conn, application, now).await
    }

    async fn document(
        &self,
        conn: &mut AnyConnection,
        application: &Application,
    ) -> anyhow::Result<Option<ServiceDocument>> {
        service::slip(conn, application).await
    }
}
