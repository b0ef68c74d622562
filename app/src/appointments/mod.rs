//! Timed appointments at a place with a daily capacity: inspections at a centre, driving tests at a test unit. A
//! slot's places are counted in one row and taken by one conditional UPDATE, so no race books past capacity; a
//! place is held 15 minutes until payment, then booked; a booking moves or is cancelled until 24 hours before it
//! starts. One live place per subject (a vehicle, a learner's class). A service describes its tables, subject and
//! slip as a `Desk`; the steps, pages and changes here serve every kind. Server-only.

pub mod booking;
pub mod changes;
pub mod db;
pub mod domain;
pub mod forms;
pub mod pages;
pub mod places;

use sqlx::AnyConnection;

use crate::{
    applications::domain::Application,
    documents::domain::{Kind, ServiceDocument},
};

/// One kind of appointment, as its service describes it.
#[async_trait::async_trait]
pub trait Desk: Sync {
    /// The service's catalogue code.
    fn code(&self) -> &'static str;
    fn tables(&self) -> &'static db::Tables;
    /// The prefix of the service's own messages: `{prefix}-no-days`, `-change-intro`, `-result-heading`,
    /// `-slip-not-proof`, `-field-centre`.
    fn messages(&self) -> &'static str;
    /// The booking slip's kind (withdrawn when the booking is cancelled).
    fn slip_kind(&self) -> Kind;
    /// What may have one live place at a time, from the application's answers.
    fn subject(&self, application: &Application) -> Option<String>;
    /// The place chosen, from the application's answers.
    fn place(&self, application: &Application) -> Option<String>;
    /// The booking slip of a booked place.
    async fn slip(
        &self,
        conn: &mut AnyConnection,
        application: &Application,
    ) -> anyhow::Result<Option<ServiceDocument>>;
}

/// The plug-in of a service that books a place (inspection, driving test): paid, the place is booked and the
/// application completes; a deleted draft gives its held place back at once. `booked_at_a_place!(Name)` in the
/// service's `plugin.rs`, beside modules `pages` (`next_path`, `step`, `path_of`, `summary`, `result`) and
/// `service` (`DESK`, `ready` giving the fee or the step to fix, `slip`).
#[macro_export]
macro_rules! booked_at_a_place {
    ($name:ident) => {
        pub struct $name;

        #[async_trait::async_trait]
        impl $crate::applications::plugin::Service for $name {
            fn code(&self) -> &'static str {
                $crate::appointments::Desk::code(&super::service::DESK)
            }

            fn next_path(&self, application: &$crate::applications::domain::Application) -> String {
                super::pages::next_path(application)
            }

            async fn step(
                &self,
                request: $crate::applications::pages::StepRequest<'_>,
                step: &str,
            ) -> Result<leptos::prelude::AnyView, $crate::error::AppError> {
                super::pages::step(request, step).await
            }

            async fn ready(
                &self,
                state: &$crate::state::AppState,
                who: &$crate::web::guard::SignedIn,
                application: &$crate::applications::domain::Application,
            ) -> Result<$crate::applications::plugin::Ready, $crate::error::AppError> {
                use $crate::applications::plugin::Ready;
                Ok(match super::service::ready(state, who, application).await? {
                    Ok(fee) => Ready::Fee(fee),
                    Err(step) => Ready::Fix(super::pages::path_of(application, step)),
                })
            }

            async fn summary(
                &self,
                ctx: &$crate::web::context::Ctx,
                _applicant: &$crate::web::guard::SignedIn,
                application: &$crate::applications::domain::Application,
            ) -> Result<Vec<$crate::applications::plugin::Answer>, $crate::error::AppError> {
                super::pages::summary(ctx, application).await
            }

            async fn result(
                &self,
                ctx: &$crate::web::context::Ctx,
                form: &$crate::web::page::FormState,
                application: &$crate::applications::domain::Application,
            ) -> Result<leptos::prelude::AnyView, $crate::error::AppError> {
                super::pages::result(ctx, form, application).await
            }

            async fn on_paid(
                &self,
                conn: &mut sqlx::AnyConnection,
                application: &$crate::applications::domain::Application,
                now: i64,
            ) -> anyhow::Result<$crate::applications::plugin::Effect> {
                use $crate::applications::plugin::Effect;
                // Booked, it completes; if its hold lapsed and the time filled meanwhile, an officer offers another.
                let booked =
                    $crate::appointments::places::on_paid(conn, &super::service::DESK, application, now).await?;
                Ok(if booked { Effect::Completed } else { Effect::Review })
            }

            async fn on_discard(
                &self,
                conn: &mut sqlx::AnyConnection,
                application: &$crate::applications::domain::Application,
                _now: i64,
            ) -> anyhow::Result<()> {
                let tables = $crate::appointments::Desk::tables(&super::service::DESK);
                $crate::appointments::places::on_discard(conn, tables, application).await
            }

            /// The place that deals with it: the centre or unit booked.
            fn centre(&self, application: &$crate::applications::domain::Application) -> Option<String> {
                $crate::appointments::Desk::place(&super::service::DESK, application)
            }

            async fn document(
                &self,
                conn: &mut sqlx::AnyConnection,
                application: &$crate::applications::domain::Application,
            ) -> anyhow::Result<Option<$crate::documents::domain::ServiceDocument>> {
                super::service::slip(conn, application).await
            }

            /// A cancelled booking is cancelled, not "complete".
            async fn panel_key(
                &self,
                ctx: &$crate::web::context::Ctx,
                application: &$crate::applications::domain::Application,
            ) -> Result<String, $crate::error::AppError> {
                Ok(
                    if $crate::appointments::booking::cancelled(ctx, &super::service::DESK, application).await? {
                        "appointment-panel-cancelled".into()
                    } else {
                        self.status_key(application.status, application.waiting, "panel")
                    },
                )
            }

            /// How long the place is held.
            async fn payment_note(
                &self,
                ctx: &$crate::web::context::Ctx,
                application: &$crate::applications::domain::Application,
            ) -> Result<Option<String>, $crate::error::AppError> {
                $crate::appointments::booking::hold_note(ctx, &super::service::DESK, application).await
            }
        }
    };
}
