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
use leptos_meta::Title;

use crate::{
    accounts::{context::Ctx, db::Account, domain::Channel, service::sign_in::verified_account, session::Flash},
    error::{AppError, FieldError},
    i18n::Lang,
    ui::{Choice, ErrorSummary, NotificationBanner},
};

/// A form's last answers and errors.
pub struct FormState {
    lang: Lang,
    flash: Flash,
}

impl FormState {
    pub fn value(&self, name: &str) -> String {
        self.flash.values.get(name).cloned().unwrap_or_default()
    }

    /// What was typed, else `fallback` (a saved answer).
    pub fn value_or(&self, name: &str, fallback: Option<&str>) -> String {
        self.flash
            .values
            .get(name)
            .cloned()
            .unwrap_or_else(|| fallback.unwrap_or_default().to_string())
    }

    pub fn error(&self, field: &str) -> Option<String> {
        self.flash
            .errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message(self.lang))
    }

    pub fn errors(&self) -> Vec<FieldError> {
        self.flash.errors.clone()
    }
}

/// Loads the page's session and the flash of `form`.
pub async fn load_form(form: &str) -> Result<(Ctx, FormState), AppError> {
    let mut ctx = Ctx::load().await?;
    let flash = ctx.take_flash(form).await?;
    let state = FormState { lang: ctx.lang, flash };
    Ok((ctx, state))
}

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

/// Sends the browser elsewhere and renders nothing.
pub fn redirect_to(ctx: &Ctx, path: &str) -> AnyView {
    ctx.go(path);
    ().into_any()
}

/// The page's title (tab and heading share it) and the error summary.
#[component]
pub fn PageHead(#[prop(into)] title: String, lang: Lang, errors: Vec<FieldError>) -> impl IntoView {
    let prefix = if errors.is_empty() {
        String::new()
    } else {
        format!("{}: ", lang.t("error-prefix"))
    };
    view! {
        <Title text=format!("{prefix}{title} – {}", lang.t("service-name")) />
        <ErrorSummary errors />
    }
}

/// A one-time success message from the last step.
#[component]
pub fn Notice(lang: Lang, notice: Option<String>) -> impl IntoView {
    notice.map(|key| {
        view! {
            <NotificationBanner title=lang.t("accounts-notice-title") success=true>
                <p class="body">{lang.t(&key)}</p>
            </NotificationBanner>
        }
    })
}

/// A form posting to a server function: `action` is its URL.
#[component]
pub fn PostForm(action: &'static str, children: Children) -> impl IntoView {
    view! { <form method="post" action=action class="form" novalidate>{children()}</form> }
}

#[component]
pub fn BackLink(lang: Lang, #[prop(into)] to: String) -> impl IntoView {
    view! { <a href=lang.href(&to) class="back-link">{lang.t("back")}</a> }
}

/// A page body that loads asynchronously (the session is in the database) and may fail into the error page.
pub fn page(body: impl std::future::Future<Output = Result<AnyView, AppError>> + Send + 'static) -> impl IntoView {
    view! { <Suspense>{Suspend::new(body)}</Suspense> }
}
