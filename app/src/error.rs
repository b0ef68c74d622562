//! `AppError`: the one error type that crosses the wire between server functions and pages.
//!
//! It carries translation keys, never text, so the page renders it in the reader's language; and it never carries
//! internals: an unexpected failure is logged on the server once, with a reference the citizen can quote.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// A problem with one answer: the field's `id` (the error summary links to it) and the message key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub key: String,
    /// Figures the message states ("Your photo is { $width } x { $height } pixels").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, String)>,
}

impl FieldError {
    pub fn new(field: &str, key: &str) -> Self {
        FieldError {
            field: field.into(),
            key: key.into(),
            args: Vec::new(),
        }
    }

    /// A figure the message states (`{ $name }` in the .ftl file).
    pub fn with_arg(mut self, name: &str, value: impl Into<String>) -> Self {
        self.args.push((name.into(), value.into()));
        self
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        if self.args.is_empty() {
            return lang.t(&self.key);
        }
        let args: Vec<(&str, String)> = self.args.iter().map(|(k, v)| (k.as_str(), shown(lang, k, v))).collect();
        lang.t_with(&self.key, &args)
    }
}

/// A figure as the message shows it: one named `date`, given as an ISO date (a service knows no language), is
/// written as the language writes a date.
fn shown(lang: Lang, name: &str, value: &str) -> String {
    #[cfg(feature = "ssr")]
    if name == "date" {
        if let Some(date) = crate::calendar::parse_iso(value) {
            return crate::calendar::long_date(lang, date);
        }
    }
    let _ = (lang, name);
    value.to_string()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Answers that need correcting: an error summary plus a message by each field.
    #[error("There is a problem")]
    Invalid(Vec<FieldError>),
    #[error("Sign in to continue")]
    SignInRequired,
    #[error("Page not found")]
    NotFound,
    /// The browser could not reach the server (a slow or lost connection).
    #[error("Could not reach the service")]
    Network,
    /// The database cannot be reached for now (it is restarting, or the network to it is down): a 503, and the
    /// process recovers by itself when it answers again.
    #[error("The service is not available for a moment")]
    Unavailable,
    /// Something unexpected; the string is the reference logged with the details.
    #[error("Sorry, something went wrong (reference {0})")]
    Internal(String),
}

/// One problem with one field is an invalid answer: lets `parse(...)?` end a service function.
impl From<FieldError> for AppError {
    fn from(error: FieldError) -> AppError {
        AppError::Invalid(vec![error])
    }
}

impl AppError {
    /// One problem with one field.
    pub fn field(field: &str, key: &str) -> AppError {
        AppError::Invalid(vec![FieldError::new(field, key)])
    }

    /// The message shown as a page's heading or banner, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AppError::Invalid(_) => lang.t("error-summary-title"),
            AppError::SignInRequired => lang.t("error-sign-in-required"),
            AppError::NotFound => lang.t("not-found-title"),
            AppError::Network => lang.t("error-network"),
            AppError::Unavailable => lang.t("error-unavailable"),
            AppError::Internal(reference) => lang.t_with("error-internal", &[("reference", reference.clone())]),
        }
    }

    /// The error a page failed with: our own as it is, anything else as an unexpected failure (logged).
    pub fn from_view_error(error: &leptos::error::Error) -> AppError {
        if let Some(error) = error.downcast_ref::<AppError>() {
            return error.clone();
        }
        #[cfg(feature = "ssr")]
        return AppError::internal(error);
        #[cfg(not(feature = "ssr"))]
        AppError::Internal(String::new())
    }

    /// Logs an unexpected failure with a fresh reference and returns the error the citizen sees.
    #[cfg(feature = "ssr")]
    pub fn internal(error: impl std::fmt::Display) -> AppError {
        let reference = reference();
        tracing::error!(reference = %reference, error = %error, "unexpected failure");
        AppError::Internal(reference)
    }
}

/// Internal failures convert once: `.context("what we were doing")?` ends a service function with the citizen's
/// "something went wrong" (with a reference) and the whole chain in the log.
#[cfg(feature = "ssr")]
impl From<anyhow::Error> for AppError {
    fn from(error: anyhow::Error) -> AppError {
        if error
            .chain()
            .any(|cause| cause.downcast_ref::<sqlx::Error>().is_some_and(unreachable))
        {
            return unavailable(format_args!("{error:#}"));
        }
        AppError::internal(format_args!("{error:#}"))
    }
}

/// A failed query is an internal failure (its text is logged, never shown), unless the database could not be
/// reached at all.
#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> AppError {
        if unreachable(&error) {
            return unavailable(error);
        }
        AppError::internal(error)
    }
}

/// The database did not answer: no connection could be had in time, or the one in hand broke.
#[cfg(feature = "ssr")]
fn unreachable(error: &sqlx::Error) -> bool {
    matches!(
        error,
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) | sqlx::Error::Tls(_)
    )
}

#[cfg(feature = "ssr")]
fn unavailable(error: impl std::fmt::Display) -> AppError {
    tracing::warn!(error = %error, "the database is not answering");
    AppError::Unavailable
}

/// A short reference a citizen can read out on the phone: 8 upper-case hex characters of a random UUID.
#[cfg(feature = "ssr")]
pub fn reference() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..8].to_uppercase()
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => AppError::Network,
            // Bad arguments to a public endpoint are treated as unexpected: the real forms cannot send them.
            other => {
                #[cfg(feature = "ssr")]
                return AppError::internal(other);
                #[cfg(not(feature = "ssr"))]
                {
                    let _ = other;
                    AppError::Internal(String::new())
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_show_only_a_reference() {
        let text = AppError::Internal("AB12CD34".into()).message(Lang::En);
        assert!(text.contains("AB12CD34"), "{text}");
        let text = AppError::Internal("AB12CD34".into()).message(Lang::Sw);
        assert!(text.contains("AB12CD34"), "{text}");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn references_are_short_and_readable() {
        let r = reference();
        assert_eq!(r.len(), 8);
        assert!(r.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_lowercase()));
        assert_ne!(r, reference());
    }
}
