//! The accounts pages. Server-rendered only (islands mode): each loads the session, shows what was typed and the
//! errors of its last post, and posts a plain form to a server function, so it works with JavaScript off.

mod account;
mod register;
mod sign_in;
mod verify;

pub use account::{AccountPage, Block, BlockView, DashboardPage};
pub use register::{
    RegisterCheckPage, RegisterContactPage, RegisterIdentityPage, RegisterPasswordPage, RegisterTermsPage,
    RegisterTypePage,
};
pub use sign_in::{ResetCodePage, ResetPage, ResetPasswordPage, SignInCodePage, SignInPage};
pub use verify::{ConfirmChangePage, ConfirmEmailPage, VerifyEmailPage, VerifyPhonePage};

use leptos::prelude::*;

use crate::{
    accounts::{db::Account, domain::Channel, service::sign_in::verified_account},
    error::AppError,
    i18n::Lang,
    ui::Choice,
    web::{
        context::Ctx,
        page::{load_form, page, redirect_to, FormState},
    },
};

/// What a signed-in page starts from: the session, its form's last answers and errors, the verified account and
/// the one-time notice.
pub struct AccountForm {
    pub ctx: Ctx,
    pub state: FormState,
    pub account: Account,
    pub notice: Option<String>,
}

/// A signed-in page: `body` gets the loaded page, or the reader is sent first where they must go (sign in, or a
/// verification step).
pub fn account_page<F, Fut>(form: &'static str, body: F) -> impl IntoView
where
    F: FnOnce(AccountForm) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<AnyView, AppError>> + Send + 'static,
{
    page(async move {
        let (mut ctx, state) = load_form(form).await?;
        let account = match verified_account(&ctx).await? {
            Ok(account) => account,
            Err(path) => return Ok(redirect_to(&ctx, path)),
        };
        let notice = ctx.take_notice().await?;
        body(AccountForm {
            ctx,
            state,
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
