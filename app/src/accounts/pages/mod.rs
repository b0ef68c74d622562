//! The accounts pages. Server-rendered only (islands mode): each loads the session, shows what was typed and the
//! errors of its last post, and posts a plain form to a server function, so it works with JavaScript off.

mod account;
mod register;
mod sign_in;
mod verify;

pub use account::{AccountPage, DashboardPage};
pub use register::{
    RegisterCheckPage, RegisterContactPage, RegisterIdentityPage, RegisterPasswordPage, RegisterTermsPage,
    RegisterTypePage,
};
pub use sign_in::{ResetCodePage, ResetPage, ResetPasswordPage, SignInCodePage, SignInPage};
pub use verify::{ConfirmChangePage, ConfirmEmailPage, VerifyEmailPage, VerifyPhonePage};

use leptos::prelude::*;

use crate::{
    accounts::{
        db::{self, Account},
        domain::Channel,
    },
    error::AppError,
    i18n::Lang,
    ui::Choice,
    web::{
        context::Ctx,
        guard::SignedIn,
        page::{signed_in_page, FormState, SignedInPage},
    },
};

/// What an accounts page starts from: the signed-in page and the whole account (its contact details and
/// settings are what these pages show and change).
pub struct AccountForm {
    pub ctx: Ctx,
    pub state: FormState,
    pub who: SignedIn,
    pub account: Account,
    pub notice: Option<String>,
}

/// A signed-in accounts page: the shared guard, then the account's row.
pub fn account_page<F, Fut>(form: &'static str, body: F) -> impl IntoView
where
    F: FnOnce(AccountForm) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<AnyView, AppError>> + Send + 'static,
{
    signed_in_page(form, move |page| async move {
        let SignedInPage {
            ctx,
            state,
            who,
            notice,
        } = page;
        let account = db::by_id(&ctx.state.pool, who.id.as_str())
            .await?
            .ok_or(AppError::SignInRequired)?;
        body(AccountForm {
            ctx,
            state,
            who,
            account,
            notice,
        })
        .await
    })
}

/// The two ways a code can travel, as radio options.
pub fn channel_choices(lang: Lang) -> Vec<Choice> {
    [Channel::Sms, Channel::Email]
        .map(|c| Choice {
            value: c.code().into(),
            label: lang.t(&format!("accounts-channel-{}", c.code())),
            hint: None,
        })
        .to_vec()
}
