//! What every accounts server function and page starts from: the app state, the reader's language, the request's
//! headers and session, and where to send the answer.

use std::collections::BTreeMap;

use http::HeaderMap;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use super::session::{Flash, Session};
use crate::{error::AppError, i18n::Lang, state::AppState};

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
        let session = Session::load(&state, &parts.headers)
            .await
            .map_err(AppError::internal)?;
        Ok(Ctx {
            state,
            lang,
            headers: parts.headers,
            client,
            session,
            response: expect_context::<ResponseOptions>(),
        })
    }

    pub fn response(&self) -> &ResponseOptions {
        &self.response
    }

    pub fn now(&self) -> i64 {
        self.state.clock.now()
    }

    /// The signed-in account, or `SignInRequired`.
    pub fn account_id(&self) -> Result<String, AppError> {
        self.session.account_id.clone().ok_or(AppError::SignInRequired)
    }

    pub async fn save(&mut self) -> Result<(), AppError> {
        self.session
            .save(&self.state, &self.response)
            .await
            .map_err(AppError::internal)
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
            Err(AppError::SignInRequired) => Ok("login".into()),
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
