//! The generic pieces of a server-rendered form page: its last answers and errors (the flash), the title and error
//! summary, the one-time notice, a form posting to a server function, a back link, and an asynchronous body. Every
//! feature's pages use them; they work with JavaScript off.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{
    context::Ctx,
    guard::{signed_in, SignedIn},
    session::Flash,
};
use crate::{
    error::{AppError, FieldError},
    i18n::Lang,
    pages::ErrorPage,
    ui::{ErrorSummary, NotificationBanner},
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
        // "Error: Service performance" (the prefix carries its colon).
        format!("{} ", lang.t("error-prefix"))
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
            <NotificationBanner title=lang.t("notice-title") success=true>
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

/// A page body that loads asynchronously (the session is in the database) and may fail into the error page. The
/// error page is rendered here, as the body's own view, rather than by the layout's error boundary catching it:
/// caught there, the page sometimes went out before the boundary had swapped in the error page and set its
/// status (a 200 with an empty main, about one time in three).
pub fn page(body: impl std::future::Future<Output = Result<AnyView, AppError>> + Send + 'static) -> impl IntoView {
    view! {
        <Suspense>
            {Suspend::new(async move {
                match body.await {
                    Ok(view) => view,
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// What a signed-in page starts from: the session, its form's last answers and errors, who is signed in and the
/// one-time notice.
pub struct SignedInPage {
    pub ctx: Ctx,
    pub state: FormState,
    pub who: SignedIn,
    pub notice: Option<String>,
}

/// A signed-in page: `body` gets the loaded page, or the reader is sent first where they must go (sign in, or a
/// verification step).
pub fn signed_in_page<F, Fut>(form: &'static str, body: F) -> impl IntoView
where
    F: FnOnce(SignedInPage) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<AnyView, AppError>> + Send + 'static,
{
    page(async move {
        let (mut ctx, state) = load_form(form).await?;
        let who = match signed_in(&ctx).await? {
            Ok(who) => who,
            Err(page) => return Ok(redirect_to(&ctx, &page.path())),
        };
        let notice = ctx.take_notice().await?;
        body(SignedInPage {
            ctx,
            state,
            who,
            notice,
        })
        .await
    })
}

/// What a [`Block`] returns: its view, once the data it needs is loaded.
pub type BlockView<'a> = std::pin::Pin<Box<dyn std::future::Future<Output = Result<AnyView, AppError>> + Send + 'a>>;

/// One feature's part of another feature's page (the photo's line on the dashboard), rendered from the page's own
/// request and signed-in person, so the page imports no feature and loads the session once.
pub type Block = for<'a> fn(&'a Ctx, &'a SignedIn) -> BlockView<'a>;

/// Renders `blocks`, their queries at once (each takes its own pool connection), their views in order.
pub async fn render_blocks(blocks: &[Block], ctx: &Ctx, who: &SignedIn) -> Result<Vec<AnyView>, AppError> {
    futures_util::future::try_join_all(blocks.iter().map(|block| block(ctx, who))).await
}
