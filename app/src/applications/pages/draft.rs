//! A draft as its service's wizard: the request a step page gets, the draft's answers in the service's shape, and
//! the addresses of its steps.

use leptos::prelude::*;

use crate::{
    applications::{
        api,
        domain::{Application, ApplicationId},
        service,
    },
    web::{
        context::Ctx,
        guard::SignedIn,
        page::{redirect_to, FormState},
        wizard::{self, Position, Steps},
    },
};

/// What a draft's step page gets from the framework: the request, the step's last answers and errors, who is
/// asking and the draft (theirs: the framework checked).
pub struct StepRequest<'a> {
    pub ctx: &'a Ctx,
    pub state: FormState,
    pub who: &'a SignedIn,
    pub application: &'a Application,
}

/// A service's questions over a draft's saved answers (its wizard), built from the application.
pub trait Wizard: Steps + Sized {
    fn of(application: &Application) -> Self;
}

/// A draft's id and its answers in its service's shape: each service's wizard is `Draft<Answers>` with its own
/// `Steps` (which steps apply, which are answered).
pub struct Draft<A> {
    pub id: ApplicationId,
    pub answers: A,
}

impl<A> Draft<A> {
    /// The address the draft's steps hang from (`Steps::base`).
    pub fn page(&self) -> String {
        api::page_of(&self.id)
    }
}

impl<A: serde::de::DeserializeOwned + Default> Wizard for Draft<A>
where
    Draft<A>: Steps,
{
    fn of(application: &Application) -> Self {
        Draft {
            id: application.id.clone(),
            answers: service::answers(application),
        }
    }
}

/// The address of a draft's first unanswered step.
pub fn next_path<W: Wizard>(application: &Application) -> String {
    let form = W::of(application);
    wizard::path(&form, wizard::next(&form))
}

/// The address of one of a draft's steps.
pub fn step_path<W: Wizard>(application: &Application, step: &str) -> String {
    wizard::path(&W::of(application), step)
}

/// The wizard and where `step` stands in it, or the redirect to the step to answer first.
pub fn position<W: Wizard>(ctx: &Ctx, application: &Application, step: &str) -> Result<(W, Position), AnyView> {
    let form = W::of(application);
    match wizard::guard(&form, step) {
        Ok(position) => Ok((form, position)),
        Err(path) => Err(redirect_to(ctx, &path)),
    }
}
