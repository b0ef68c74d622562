//! The help desk's server functions, plain form posts: "Contact us", a person's reply and their answer to "did
//! this solve it?", and an agent's reply and close. Everything typed comes back with its error next to the field;
//! a case that is not the asker's is the 404 page.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// "Contact us" as posted (a field left out is empty; someone signed in sends no name or address).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactForm {
    pub topic: String,
    pub application: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub message: String,
}

/// Opens a case.
#[server(endpoint = "support/contact")]
#[tracing::instrument(skip_all)]
pub async fn support_contact(#[server(flatten)] form: ContactForm) -> Result<(), AppError> {
    use super::{
        domain::{message, Topic, NAME_CHARS},
        service::{self, NewContact, Writer},
    };
    use crate::{
        applications::service as applications,
        error::FieldError,
        ids::{Email, PhoneNumber},
        web::{context::Ctx, guard},
    };
    let mut ctx = Ctx::load().await?;
    let ContactForm {
        topic,
        application,
        name,
        email,
        phone,
        message: text,
    } = form;
    let values = [
        ("topic", topic.as_str()),
        ("application", application.as_str()),
        ("name", name.as_str()),
        ("email", email.as_str()),
        ("phone", phone.as_str()),
        ("message", text.as_str()),
    ];
    let who = guard::signed_in(&ctx).await?.ok();
    let mut errors = vec![];
    let parsed_topic = Topic::parse(&topic);
    if parsed_topic.is_none() {
        errors.push(FieldError::new("topic", "support-error-topic"));
    }
    let mut chosen = None;
    if let (Some(who), false) = (&who, application.is_empty()) {
        match applications::owned(&ctx.state, who, &application).await {
            Ok(found) => chosen = Some(found.id.as_str().to_string()),
            Err(AppError::NotFound) => errors.push(FieldError::new("application", "support-error-application")),
            Err(other) => return Err(other),
        }
    }
    let name = name.trim().to_string();
    let (email, phone) = (email.trim(), phone.trim());
    let (mut parsed_email, mut parsed_phone) = (None, None);
    if who.is_none() {
        if name.is_empty() || name.chars().count() > NAME_CHARS {
            errors.push(FieldError::new("name", "support-error-name"));
        }
        match (email.is_empty(), phone.is_empty()) {
            (true, true) => errors.push(FieldError::new("email", "support-error-address")),
            _ => {
                if !email.is_empty() {
                    parsed_email = Email::parse(email).map_err(|e| errors.push(e)).ok();
                }
                if !phone.is_empty() {
                    parsed_phone = PhoneNumber::parse(phone).map_err(|e| errors.push(e)).ok();
                }
            }
        }
    }
    let body = message(&text)
        .map_err(|key| errors.push(FieldError::new("message", key)))
        .ok();
    let (Some(topic), Some(body), true) = (parsed_topic, body, errors.is_empty()) else {
        return ctx
            .finish(Err(AppError::Invalid(errors)), super::FORM, "contact", &values)
            .await;
    };
    let writer = match &who {
        Some(who) => Writer::Account {
            id: who.id.as_str(),
            first_name: &who.first_name,
        },
        None => Writer::Visitor {
            name: &name,
            email: parsed_email.as_ref(),
            phone: parsed_phone.as_ref(),
        },
    };
    let contact = NewContact {
        writer,
        topic,
        application: chosen.as_deref(),
        message: &body,
        lang: ctx.lang,
    };
    let result = match service::open(&ctx.state, &contact, &ctx.client).await? {
        // Someone signed out is taken to the case through its link, as the message they were sent does.
        Ok(case) => {
            ctx.notice("support-notice-opened");
            Ok(service::path(&ctx.state, &case))
        }
        Err(limited) => Err(AppError::Invalid(vec![limited])),
    };
    ctx.finish(result, super::FORM, "contact", &values).await
}

/// The person writes again on their case.
#[server(endpoint = "support/reply")]
#[tracing::instrument(skip_all)]
pub async fn support_reply(
    reference: Option<String>,
    t: Option<String>,
    message: Option<String>,
) -> Result<(), AppError> {
    use super::service::{self, Worked};
    let (reference, text) = (reference.unwrap_or_default(), message.unwrap_or_default());
    let typed = text.clone();
    let values = [("message", typed.as_str())];
    as_person(&reference, t.as_deref(), &values, |state, case| async move {
        let body = super::domain::message(&text).map_err(|key| AppError::field("message", key))?;
        match service::reply_as_person(&state, &case, &body).await? {
            Worked::Done => Ok("support-notice-replied"),
            Worked::Closed => Err(AppError::field("message", "support-error-closed")),
            Worked::Limited(wait) => Err(AppError::Invalid(vec![crate::web::throttle::wait_error(
                "message",
                "support-error-limit",
                wait,
            )])),
            Worked::NotAllowed => Err(AppError::NotFound),
        }
    })
    .await
}

/// The person's answer to "did this solve it?" (`yes` or `no`).
#[server(endpoint = "support/solved")]
#[tracing::instrument(skip_all)]
pub async fn support_solved(
    reference: Option<String>,
    t: Option<String>,
    answer: Option<String>,
) -> Result<(), AppError> {
    let (reference, answer) = (reference.unwrap_or_default(), answer.unwrap_or_default());
    as_person(&reference, t.as_deref(), &[], |state, case| async move {
        let solved = match answer.as_str() {
            "yes" => true,
            "no" => false,
            _ => return Err(AppError::field("answer", "support-error-answer")),
        };
        match super::service::answer_solved(&state, &case, solved).await? {
            true => Ok("support-notice-thanks"),
            false => Err(AppError::field("answer", "support-error-answered")),
        }
    })
    .await
}

/// An agent answers a case.
#[server(endpoint = "staff/case-reply")]
#[tracing::instrument(skip_all)]
pub async fn staff_case_reply(reference: Option<String>, message: Option<String>) -> Result<(), AppError> {
    use super::service::{self, Worked};
    let (reference, text) = (reference.unwrap_or_default(), message.unwrap_or_default());
    let typed = text.clone();
    let values = [("message", typed.as_str())];
    as_agent(&reference, &values, |state, client, staff, case| async move {
        let body = super::domain::message(&text).map_err(|key| AppError::field("message", key))?;
        match service::reply_as_agent(&state, &staff, &client, &case, &body).await? {
            Worked::Done => Ok("support-notice-answered"),
            Worked::Closed => Err(AppError::field("message", "support-error-closed")),
            Worked::Limited(_) | Worked::NotAllowed => Err(AppError::NotFound),
        }
    })
    .await
}

/// An agent closes a case.
#[server(endpoint = "staff/case-close")]
#[tracing::instrument(skip_all)]
pub async fn staff_case_close(reference: Option<String>) -> Result<(), AppError> {
    use super::service::{self, Worked};
    let reference = reference.unwrap_or_default();
    as_agent(&reference, &[], |state, client, staff, case| async move {
        match service::close(&state, &staff, &client, &case).await? {
            Worked::Done => Ok("support-notice-closed"),
            Worked::Closed => Err(AppError::field("close", "support-error-closed")),
            Worked::Limited(_) | Worked::NotAllowed => Err(AppError::NotFound),
        }
    })
    .await
}

#[cfg(feature = "ssr")]
use ssr::*;

#[cfg(feature = "ssr")]
mod ssr {
    use std::future::Future;

    use crate::{
        error::AppError,
        staff::{
            domain::{Permission, Staff},
            pages::act_as,
        },
        state::AppState,
        support::{db::Case, service, FORM},
        web::{context::Ctx, guard},
    };

    /// Runs `act` on the case `reference` for its person (signed in, or holding its link's secret `t`), and ends
    /// the post on the case's page.
    pub async fn as_person<F, Fut>(
        reference: &str,
        t: Option<&str>,
        values: &[(&str, &str)],
        act: F,
    ) -> Result<(), AppError>
    where
        F: FnOnce(AppState, Case) -> Fut,
        Fut: Future<Output = Result<&'static str, AppError>>,
    {
        let mut ctx = Ctx::load().await?;
        let who = guard::signed_in(&ctx).await?.ok();
        let account = who.as_ref().map(|w| w.id.as_str());
        let case = service::for_person(&ctx.state, reference, account, t).await?;
        let back = match t.filter(|_| case.is_some()) {
            Some(t) => format!("contact/{reference}?t={t}"),
            None => format!("contact/{reference}"),
        };
        let Some(case) = case else {
            return ctx.finish(Err(AppError::NotFound), FORM, &back, values).await;
        };
        let result = act(ctx.state.clone(), case).await.map(|notice| {
            ctx.notice(notice);
            back.clone()
        });
        ctx.finish(result, FORM, &back, values).await
    }

    /// Runs `act` on the case `reference` for a support agent (or a supervisor), and ends on its staff page.
    pub async fn as_agent<F, Fut>(reference: &str, values: &[(&str, &str)], act: F) -> Result<(), AppError>
    where
        F: FnOnce(AppState, String, Staff, Case) -> Fut,
        Fut: Future<Output = Result<&'static str, AppError>>,
    {
        let back = format!("staff/cases/{reference}");
        act_as(Permission::Support, &back, values, |state, client, staff| async move {
            let case = service::for_agent(&state, &staff, reference)
                .await?
                .ok_or(AppError::NotFound)?;
            act(state, client, staff, case).await
        })
        .await
    }
}
