//! What a service is to the framework: one value implementing [`Service`]. The server (the composition root) hands
//! the list to the framework once, in [`Services`]; the framework looks a service up by an application's code and
//! never imports one. A new service is a folder under `services/` and one line in the server's list.

use std::sync::Arc;

use leptos::prelude::*;
use sqlx::AnyConnection;

use super::{
    domain::{Application, Status, Waiting},
    pages::StepRequest,
};
use crate::{
    documents::domain::ServiceDocument,
    error::AppError,
    state::AppState,
    web::{context::Ctx, guard::SignedIn, page::FormState},
};

/// Whether a draft may be submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ready {
    /// Yes: invoice this fee code of the fee table.
    Fee(&'static str),
    /// Not yet: the address of what to fix first.
    Fix(String),
}

/// What paying an application did to the registers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The service completed it at once (a renewal updates the register).
    Completed,
    /// An officer decides next.
    Review,
    /// Another party decides next (a transfer's buyer); not in the officers' queue.
    OtherParty,
}

/// One answer of a draft, labelled: "check your answers" prints it with a change link to `step`, the officer's
/// view without.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub label: String,
    pub value: String,
    /// The wizard step that asks it; `None` for what the register says (not the applicant's answer).
    pub step: Option<&'static str>,
}

impl Answer {
    pub fn asked(label: String, value: String, step: &'static str) -> Answer {
        Answer {
            label,
            value,
            step: Some(step),
        }
    }

    pub fn found(label: String, value: String) -> Answer {
        Answer {
            label,
            value,
            step: None,
        }
    }
}

/// A service of the application framework. Every method takes the application it concerns; the framework has
/// already checked who may see or change it. Defaults are what a service without that part does.
#[async_trait::async_trait]
pub trait Service: Send + Sync + 'static {
    /// The code its applications are stored under (`applications.service`).
    fn code(&self) -> &'static str;

    /// Where a draft continues: its first unanswered step.
    fn next_path(&self, application: &Application) -> String;

    /// A draft's question page `step` (or the redirect to the step the person must answer first).
    async fn step(&self, request: StepRequest<'_>, step: &str) -> Result<AnyView, AppError>;

    /// Whether `who`'s draft may be submitted, checked on this copy of its answers (the fee is frozen on them).
    async fn ready(&self, state: &AppState, who: &SignedIn, application: &Application) -> Result<Ready, AppError>;

    /// The answers, labelled, with what the registers say of them for `applicant` (whose application it is: the
    /// person asking on the check page, the applicant on an officer's view; `ctx` gives only the language).
    async fn summary(
        &self,
        ctx: &Ctx,
        applicant: &SignedIn,
        application: &Application,
    ) -> Result<Vec<Answer>, AppError>;

    /// Whether an officer's approval completes an application (a transfer completes only by its buyer's acceptance:
    /// an officer rejects one whose offer failed, so the seller can correct it).
    fn officer_approves(&self) -> bool {
        true
    }

    /// Whether an application an officer rejected may be corrected and sent back to review without paying again.
    fn resubmittable(&self) -> bool {
        false
    }

    /// The centre that deals with a paid application (an inspection's centre, a licence's collection centre);
    /// `None`: any centre's officers.
    fn centre(&self, _application: &Application) -> Option<String> {
        None
    }

    /// What a completed application's page says about its result (the renewal: the new expiry; a booking: when,
    /// and the forms to move or cancel it, their errors in `form`).
    async fn result(&self, _ctx: &Ctx, _form: &FormState, _application: &Application) -> Result<AnyView, AppError> {
        Ok(().into_any())
    }

    /// What paying does to the registers, in the payment's transaction.
    async fn on_paid(
        &self,
        _conn: &mut AnyConnection,
        _application: &Application,
        _now: i64,
    ) -> anyhow::Result<Effect> {
        Ok(Effect::Review)
    }

    /// What an officer's approval does to the registers (a registration: the vehicle and its plate), in the
    /// decision's transaction.
    async fn on_approved(
        &self,
        _conn: &mut AnyConnection,
        _application: &Application,
        _now: i64,
    ) -> anyhow::Result<()> {
        Ok(())
    }

    /// What deleting a draft lets go of (an inspection draft: its held place), in the deletion's transaction.
    async fn on_discard(&self, _conn: &mut AnyConnection, _application: &Application, _now: i64) -> anyhow::Result<()> {
        Ok(())
    }

    /// The service's own document for a paid (or approved) application, if it issues one.
    async fn document(
        &self,
        _conn: &mut AnyConnection,
        _application: &Application,
    ) -> anyhow::Result<Option<ServiceDocument>> {
        Ok(None)
    }

    /// The names of the files its applications carry (a transfer: its logbook), for an officer to download.
    fn files(&self) -> &'static [&'static str] {
        &[]
    }

    /// The file `name` of an application: its content type and bytes, if it has one by that name.
    async fn file(
        &self,
        _state: &AppState,
        _application: &Application,
        _name: &str,
    ) -> anyhow::Result<Option<(&'static str, Vec<u8>)>> {
        Ok(None)
    }

    /// The message key naming `status` reached waiting for `waiting` (`what`: `status` for its tag and timeline,
    /// `panel` for its page's banner).
    fn status_key(&self, status: Status, waiting: Waiting, what: &str) -> String {
        let _ = waiting;
        format!("applications-{what}-{}", status.code())
    }

    /// The banner an application's page opens with.
    async fn panel_key(&self, _ctx: &Ctx, application: &Application) -> Result<String, AppError> {
        Ok(self.status_key(application.status, application.waiting, "panel"))
    }

    /// What the payment pages say beyond the amount (an inspection: how long its place is held).
    async fn payment_note(&self, _ctx: &Ctx, _application: &Application) -> Result<Option<String>, AppError> {
        Ok(None)
    }
}

/// The plug-in of a service an officer decides, whose approval writes the register and issues its document (the
/// provisional licence, the PSV badge): `officer_decided!(Name)` in the service's `plugin.rs`, beside modules
/// `domain` (`CODE`), `pages` (`next_path`, `step`, `fix_path`, `summary`, `result`) and `service` (`ready`
/// giving the fee or `Err(())`, `on_approved`, `slip`); `officer_decided!(Name, centre = f)` routes an
/// application to the centre `f(application)` names. Rejected, such an application may be corrected and sent
/// again without paying twice.
#[macro_export]
macro_rules! officer_decided {
    ($name:ident $(, centre = $centre:expr)?) => {
        pub struct $name;

        #[async_trait::async_trait]
        impl $crate::applications::plugin::Service for $name {
            fn code(&self) -> &'static str {
                super::domain::CODE
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
                    Err(()) => Ready::Fix(super::pages::fix_path(application)),
                })
            }

            async fn summary(
                &self,
                ctx: &$crate::web::context::Ctx,
                applicant: &$crate::web::guard::SignedIn,
                application: &$crate::applications::domain::Application,
            ) -> Result<Vec<$crate::applications::plugin::Answer>, $crate::error::AppError> {
                super::pages::summary(ctx, applicant, application).await
            }

            async fn result(
                &self,
                ctx: &$crate::web::context::Ctx,
                _form: &$crate::web::page::FormState,
                application: &$crate::applications::domain::Application,
            ) -> Result<leptos::prelude::AnyView, $crate::error::AppError> {
                super::pages::result(ctx, application).await
            }

            fn resubmittable(&self) -> bool {
                true
            }

            $(
                fn centre(&self, application: &$crate::applications::domain::Application) -> Option<String> {
                    $centre(application)
                }
            )?

            async fn on_approved(
                &self,
                conn: &mut sqlx::AnyConnection,
                application: &$crate::applications::domain::Application,
                now: i64,
            ) -> anyhow::Result<()> {
                super::service::on_approved(conn, application, now).await
            }

            async fn document(
                &self,
                conn: &mut sqlx::AnyConnection,
                application: &$crate::applications::domain::Application,
            ) -> anyhow::Result<Option<$crate::documents::domain::ServiceDocument>> {
                super::service::slip(conn, application).await
            }
        }
    };
}

/// The services this server offers, given once by the server.
#[derive(Clone, Default)]
pub struct Services(Arc<Vec<&'static dyn Service>>);

impl Services {
    /// The list; two services with one code would make applications ambiguous, so that is refused at start.
    pub fn new(services: Vec<&'static dyn Service>) -> Services {
        let mut codes: Vec<_> = services.iter().map(|service| service.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), services.len(), "two services share a code");
        Services(Arc::new(services))
    }

    /// The service with this code.
    pub fn get(&self, code: &str) -> Option<&'static dyn Service> {
        self.0.iter().copied().find(|service| service.code() == code)
    }

    /// An application's service; an application of a service this server does not offer is not found.
    pub fn of(&self, application: &Application) -> Result<&'static dyn Service, AppError> {
        self.get(&application.service).ok_or(AppError::NotFound)
    }

    /// An application's service, or for a code without a plug-in (an "opening soon" service whose applications
    /// came from elsewhere) the plain one: paid, it goes to an officer; it has no steps, no result, no document.
    pub fn serving(&self, application: &Application) -> &'static dyn Service {
        self.get(&application.service).unwrap_or(&UNLISTED)
    }

    /// The message key naming an application's status, through its service.
    pub fn status_key(&self, service: &str, status: Status, waiting: Waiting, what: &str) -> String {
        self.get(service).unwrap_or(&UNLISTED).status_key(status, waiting, what)
    }

    pub fn all(&self) -> impl Iterator<Item = &'static dyn Service> + '_ {
        self.0.iter().copied()
    }
}

/// A service that is only a code: everything at its default, no steps, and an officer decides.
struct Plain(&'static str);

static UNLISTED: Plain = Plain("");

#[async_trait::async_trait]
impl Service for Plain {
    fn code(&self) -> &'static str {
        self.0
    }

    fn next_path(&self, application: &Application) -> String {
        super::api::page_of(&application.id)
    }

    async fn step(&self, _: StepRequest<'_>, _: &str) -> Result<AnyView, AppError> {
        Err(AppError::NotFound)
    }

    async fn ready(&self, _: &AppState, _: &SignedIn, _: &Application) -> Result<Ready, AppError> {
        Err(AppError::NotFound)
    }

    async fn summary(&self, _: &Ctx, _: &SignedIn, _: &Application) -> Result<Vec<Answer>, AppError> {
        Ok(vec![])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static A: Plain = Plain("a");
    static B: Plain = Plain("b");

    #[test]
    fn a_service_is_found_by_its_code_and_an_unknown_one_is_not() {
        let services = Services::new(vec![&A, &B]);
        assert_eq!(services.get("b").map(|s| s.code()), Some("b"));
        assert!(services.get("c").is_none());
        assert_eq!(
            services.status_key("c", Status::Paid, Waiting::Officer, "status"),
            "applications-status-paid"
        );
    }

    #[test]
    #[should_panic(expected = "two services share a code")]
    fn two_services_with_one_code_are_refused() {
        Services::new(vec![&A, &A]);
    }
}
