//! Transfer of ownership as a service of the application framework: the buyer, not an officer, decides.

use leptos::prelude::*;
use sqlx::AnyConnection;

use super::{domain::CODE, pages, service};
use crate::{
    applications::{
        domain::{Application, Status},
        pages::StepRequest,
        plugin::{Answer, Boxed, Effect, Ready, Service},
    },
    documents::domain::ServiceDocument,
    error::AppError,
    state::AppState,
    web::{context::Ctx, guard::SignedIn, page::FormState},
};

pub struct Transfer;

impl Service for Transfer {
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
        Box::pin(super::offers::slip(conn, application))
    }

    /// The buyer decides, not an officer.
    fn officer_decides(&self) -> bool {
        false
    }

    /// Its review is the buyer's answer, named as what it is: waiting for the buyer, accepted by the buyer.
    fn status_key(&self, status: Status, what: &str) -> String {
        match status {
            Status::InReview | Status::Approved => format!("transfer-application-{what}-{}", status.code()),
            _ => format!("applications-{what}-{}", status.code()),
        }
    }
}
