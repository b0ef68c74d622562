//! Transfer of ownership as a service of the application framework: the buyer decides; an officer only when the
//! offer could not be made.

use leptos::prelude::*;
use sqlx::AnyConnection;

use super::{domain::CODE, pages, service};
use crate::{
    applications::{
        domain::{Application, Status, Waiting},
        pages::StepRequest,
        plugin::{Answer, Effect, Ready, Service},
    },
    documents::domain::ServiceDocument,
    error::AppError,
    state::AppState,
    web::{context::Ctx, guard::SignedIn, page::FormState},
};

pub struct Transfer;

#[async_trait::async_trait]
impl Service for Transfer {
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
        Ok(pages::summary(ctx, application))
    }

    fn officer_approves(&self) -> bool {
        false
    }

    /// A rejected transfer (an officer's: the offer could not be made) may name another buyer and go again.
    fn resubmittable(&self) -> bool {
        true
    }

    async fn result(&self, ctx: &Ctx, _form: &FormState, application: &Application) -> Result<AnyView, AppError> {
        pages::result(ctx, application).await
    }

    async fn on_paid(&self, conn: &mut AnyConnection, application: &Application, now: i64) -> anyhow::Result<Effect> {
        service::on_paid(conn, application, now).await
    }

    async fn document(
        &self,
        conn: &mut AnyConnection,
        application: &Application,
    ) -> anyhow::Result<Option<ServiceDocument>> {
        super::offers::slip(conn, application).await
    }

    fn files(&self) -> &'static [&'static str] {
        &["logbook"]
    }

    async fn file(
        &self,
        state: &AppState,
        application: &Application,
        name: &str,
    ) -> anyhow::Result<Option<(&'static str, Vec<u8>)>> {
        match name {
            "logbook" => service::logbook(state, application.account.as_str(), application.id.as_str()).await,
            _ => Ok(None),
        }
    }

    /// Its review is the buyer's answer, named as what it is: waiting for the buyer, accepted by the buyer. A
    /// transfer whose offer could not be made is in an officer's review like any other.
    fn status_key(&self, status: Status, waiting: Waiting, what: &str) -> String {
        match (status, waiting) {
            (Status::InReview, Waiting::OtherParty) | (Status::Approved, _) => {
                format!("transfer-application-{what}-{}", status.code())
            }
            _ => format!("applications-{what}-{}", status.code()),
        }
    }
}
