//! The frame of every page: skip link, header with the service name and language switch, main, footer.

use leptos::prelude::*;
use leptos_router::{
    components::Outlet,
    hooks::{use_location, use_params_map},
};

use super::{ErrorPage, NotFoundPage};
use crate::{error::AppError, i18n::Lang, site::use_site_info};

/// Provides the page's language (from `/:lang`) to everything below it. An unknown language is a 404.
#[component]
pub fn Layout() -> impl IntoView {
    let params = use_params_map();
    let lang = params.with_untracked(|p| p.get("lang").as_deref().and_then(Lang::parse));
    let Some(lang) = lang else {
        return NotFoundPage().into_any();
    };
    view! {
        <Frame lang>
            <ErrorBoundary fallback=move |errors| {
                let error = errors.get().into_iter().next().map(|(_, e)| AppError::from_view_error(&e));
                view! { <ErrorPage error=error.unwrap_or(AppError::NotFound) /> }
            }>
                <Outlet />
            </ErrorBoundary>
        </Frame>
    }
    .into_any()
}

/// Whether the request came with a session cookie (rendered on the server only: pages are not hydrated). A cookie
/// whose session has ended only leads to the sign-in page, so no database read is spent on the header.
pub fn has_session() -> bool {
    #[cfg(feature = "ssr")]
    {
        let (Some(parts), Some(state)) = (
            use_context::<http::request::Parts>(),
            use_context::<crate::state::AppState>(),
        ) else {
            return false;
        };
        let name = crate::web::session::cookie_name(&state, crate::web::session::SESSION_COOKIE);
        crate::web::session::read_cookie(&parts.headers, &name).is_some()
    }
    #[cfg(not(feature = "ssr"))]
    false
}

/// Signed in, every page says where "Your services" is and how to sign out (pages render on the server only).
fn account_nav(lang: Lang) -> Option<AnyView> {
    #[cfg(feature = "ssr")]
    {
        use leptos::server_fn::ServerFn;
        has_session().then(|| {
            view! {
                <nav class="header__account" aria-label=lang.t("accounts-nav-label")>
                    <a href=lang.href("dashboard") class="header__account-link">{lang.t("accounts-dashboard-title")}</a>
                    <form method="post" action=crate::accounts::api::SignOut::url() class="header__account-form">
                        <button type="submit" class="link-button header__account-link">{lang.t("accounts-sign-out")}</button>
                    </form>
                </nav>
            }
            .into_any()
        })
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = lang;
        None
    }
}

/// Header, main and footer around `children`; used by the layout and by pages outside it (404).
#[component]
pub fn Frame(lang: Lang, children: Children) -> impl IntoView {
    provide_context(lang);
    let official = use_site_info().official_address;
    let location = use_location();
    // The switch keeps the reader on the same page (and query) in the other language: an ordinary link.
    let other = lang.other();
    let switch_href = {
        let path = location.pathname.get_untracked();
        let rest = path
            .trim_start_matches('/')
            .split_once('/')
            .map(|(_, rest)| rest.to_string())
            .unwrap_or_default();
        let query = location.search.get_untracked();
        let query = if query.is_empty() {
            String::new()
        } else {
            format!("?{}", query.trim_start_matches('?'))
        };
        format!("{}{query}", other.href(&rest))
    };
    view! {
        <a href="#main-content" class="skip-link">{lang.t("skip-link")}</a>
        <header class="header">
            <div class="header__container width-container">
                <a href=lang.href("") class="header__service">{lang.t("service-name")}</a>
                <span class="header__tagline">{lang.t("service-tagline")}</span>
                {account_nav(lang)}
                <nav class="header__language" aria-label=lang.t("language-switch-label")>
                    <span class="visually-hidden">{lang.t("language-current")}" "</span>
                    <span class="header__language-current" aria-current="true">{lang.endonym()}</span>
                    <a href=switch_href hreflang=other.code() lang=other.code()
                        class="header__language-link">{other.endonym()}</a>
                </nav>
            </div>
        </header>
        <div class="width-container">
            <main class="main" id="main-content" tabindex="-1">{children()}</main>
        </div>
        <footer class="footer">
            <div class="width-container">
                <p class="footer__phishing">
                    {lang.t("footer-phishing")}" "<strong>{official}</strong>
                </p>
                <p class="footer__meta">{lang.t("footer-meta")}</p>
                <p class="footer__meta"><a href=lang.href("performance")>{lang.t("footer-performance")}</a></p>
            </div>
        </footer>
    }
}
