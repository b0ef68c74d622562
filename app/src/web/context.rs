//! What every server function and page starts from: the app state, the reader's language, the request's headers
//! and session, and where to send the answer. Services never see it: the api layer hands them `&AppState`, a
//! `Caller` and typed values.

use std::collections::BTreeMap;

use http::HeaderMap;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use super::session::{Flash, Session};
use crate::{error::AppError, i18n::Lang, state::AppState};

/// What a service may know of the request besides its answers: where it comes from (the throttles' key), the
/// reader's language, the browser's name and its remembered-device token. The api layer takes it from the
/// request; a test, an M-Pesa callback or an officer's action makes its own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Caller {
    pub client: String,
    pub lang: Lang,
    /// "Chrome on Android": how lists of sessions and devices name this browser.
    pub browser: String,
    /// The remembered-device cookie, if the browser sent one.
    pub device_token: Option<String>,
    /// The session asking (its hash): "this browser" in the list of sessions, the one a password change keeps.
    pub session: String,
}

pub struct Ctx {
    pub state: AppState,
    pub lang: Lang,
    pub headers: HeaderMap,
    pub client: String,
    pub session: Session,
    response: ResponseOptions,
}

impl Ctx {
    /// For a page, the language is its URL's; for a server function, the language of the page the form was on
    /// (remembered in the `uraia_lang` cookie by every page view).
    pub async fn load() -> Result<Ctx, AppError> {
        let state = expect_context::<AppState>();
        let parts = use_context::<http::request::Parts>().ok_or_else(|| AppError::internal("no request parts"))?;
        let lang = use_context::<Lang>()
            .or_else(|| super::session::read_cookie(&parts.headers, "uraia_lang").and_then(|c| Lang::parse(&c)))
            .unwrap_or_default();
        let peer = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|info| info.0.ip());
        let client = crate::client::address(peer, &parts.headers, &state.settings.security.trusted_proxies)
            .map(crate::client::key)
            .unwrap_or_else(|| "unknown".into());
        let session = Session::load(&state, &parts.headers).await?;
        Ok(Ctx {
            state,
            lang,
            headers: parts.headers,
            client,
            session,
            response: expect_context::<ResponseOptions>(),
        })
    }

    pub fn caller(&self) -> Caller {
        Caller {
            client: self.client.clone(),
            lang: self.lang,
            browser: browser_name(&self.headers),
            device_token: super::session::read_cookie(
                &self.headers,
                &super::session::cookie_name(&self.state, super::session::DEVICE_COOKIE),
            ),
            session: self.session.id_hash().to_string(),
        }
    }

    /// Shows `key` once on the next page.
    pub fn notice(&mut self, key: &str) {
        self.session.data.notice = Some(key.into());
    }

    pub fn response(&self) -> &ResponseOptions {
        &self.response
    }

    pub fn now(&self) -> i64 {
        self.state.clock.now()
    }

    pub async fn save(&mut self) -> Result<(), AppError> {
        self.session
            .save(&self.state, &self.response)
            .await
            .map_err(AppError::from)
    }

    /// Sends the browser to `path` under the reader's language (a 302 after a form post: post/redirect/get).
    pub fn go(&self, path: &str) {
        leptos_axum::redirect(&self.lang.href(path));
    }

    /// Ends a form post: on success to `next`; on invalid answers back to the form at `back` with the errors and
    /// what was typed (passwords are never kept). Other errors reach the error page.
    pub async fn finish(
        self,
        result: Result<String, AppError>,
        form: &str,
        back: &str,
        values: &[(&str, &str)],
    ) -> Result<(), AppError> {
        let lang = self.lang;
        let path = self.settle(result, form, back, values).await?;
        leptos_axum::redirect(&lang.href(&path));
        Ok(())
    }

    /// `finish` without the redirect: saves the outcome in the session and returns the path to show it on
    /// (for a script that navigates itself).
    pub async fn settle(
        mut self,
        result: Result<String, AppError>,
        form: &str,
        back: &str,
        values: &[(&str, &str)],
    ) -> Result<String, AppError> {
        match result {
            Ok(next) => {
                self.session.data.flash = None;
                self.save().await?;
                Ok(next)
            }
            Err(AppError::Invalid(errors)) => {
                let values: BTreeMap<String, String> =
                    values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
                self.session.data.flash = Some(Flash {
                    form: form.into(),
                    values,
                    errors,
                });
                self.save().await?;
                Ok(back.into())
            }
            Err(AppError::SignInRequired) => Ok(super::routes::Page::Login.path()),
            // A form naming something that is not the person's (another's vehicle): the 404 page, as for its address.
            Err(AppError::NotFound) => Ok(super::routes::Page::NotFound.path()),
            Err(other) => Err(other),
        }
    }

    /// The flash for `form` (taken: it shows once).
    pub async fn take_flash(&mut self, form: &str) -> Result<Flash, AppError> {
        match self.session.data.flash.take() {
            Some(flash) if flash.form == form => {
                self.save().await?;
                Ok(flash)
            }
            other => {
                self.session.data.flash = other;
                Ok(Flash::default())
            }
        }
    }

    /// The one-time success message, if any (taken).
    pub async fn take_notice(&mut self) -> Result<Option<String>, AppError> {
        let notice = self.session.data.notice.take();
        if notice.is_some() {
            self.save().await?;
        }
        Ok(notice)
    }
}

/// A name a person recognises in the lists of sessions and remembered devices: browser and system, from the
/// User-Agent.
pub fn browser_name(headers: &HeaderMap) -> String {
    let agent = headers
        .get(http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let browser = ["Edg", "OPR", "Firefox", "Chrome", "Safari"]
        .into_iter()
        .find(|b| agent.contains(b))
        .map(|b| match b {
            "Edg" => "Edge",
            "OPR" => "Opera",
            other => other,
        })
        .unwrap_or("Browser");
    let system = ["Android", "iPhone", "Windows", "Mac OS", "Linux"]
        .into_iter()
        .find(|s| agent.contains(s))
        .unwrap_or("unknown system");
    format!("{browser} on {system}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browsers_are_named_by_browser_and_system() {
        let mut headers = HeaderMap::new();
        headers.insert(
            http::header::USER_AGENT,
            "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"
                .parse()
                .unwrap(),
        );
        assert_eq!(browser_name(&headers), "Chrome on Android");
    }
}
