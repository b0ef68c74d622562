//! The 404 page and the error page with its reference.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use super::layout::Frame;
use crate::{
    error::AppError,
    i18n::{use_lang, Lang},
};

/// The header a page's own status travels in to the server's middleware (`server::every_response`), which makes it
/// the response's status. A status set while an asynchronous page body resolves can miss the response, which
/// takes its status early; headers travel with it whenever they are set.
pub const STATUS_HEADER: &str = "x-uraia-status";

/// Sets the HTTP status of the page being rendered on the server.
fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(response), Ok(status)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(code),
    ) {
        response.set_status(status);
        response.insert_header(
            http::HeaderName::from_static(STATUS_HEADER),
            http::HeaderValue::from(code),
        );
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// Page not found, with status 404, in the language of the path (English when the path names none).
#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_status(404);
    let lang = use_context::<Lang>().unwrap_or_else(|| Lang::from_path(&use_location().pathname.get_untracked()));
    let body = view! { <NotFoundBody lang /> };
    if use_context::<Lang>().is_some() {
        body.into_any()
    } else {
        view! { <Frame lang>{body}</Frame> }.into_any()
    }
}

#[component]
fn NotFoundBody(lang: Lang) -> impl IntoView {
    view! {
        <Title text=format!("{} – {}", lang.t("not-found-title"), lang.t("service-name")) />
        <h1 class="heading-l">{lang.t("not-found-title")}</h1>
        <p class="body">{lang.t("not-found-typed")}</p>
        <p class="body">{lang.t("not-found-pasted")}</p>
        <p class="body"><a href=lang.href("")>{lang.t("not-found-home")}</a></p>
        <HelpAndContact lang />
    }
}

/// Where to turn next: the help pages and "Contact us".
#[component]
fn HelpAndContact(lang: Lang) -> impl IntoView {
    view! {
        <p class="body">
            <a href=lang.href("help")>{lang.t("help-link")}</a>" · "<a href=lang.href("contact")>{lang.t("support-contact-title")}</a>
        </p>
    }
}

/// A page that could not be shown. Internal errors give only the reference that was logged.
#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    let lang = use_lang();
    if error == AppError::NotFound {
        set_status(404);
        return view! { <NotFoundBody lang /> }.into_any();
    }
    set_status(match error {
        AppError::Network | AppError::Unavailable => 503,
        _ => 500,
    });
    view! {
        <Title text=format!("{} – {}", lang.t("error-title"), lang.t("service-name")) />
        <h1 class="heading-l">{lang.t("error-title")}</h1>
        <p class="body">{error.message(lang)}</p>
        <p class="body">{lang.t("error-try-later")}</p>
        <HelpAndContact lang />
    }
    .into_any()
}
