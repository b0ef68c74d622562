//! The payment server function: "Send payment request" (a plain form post, with or without JavaScript).

use leptos::prelude::*;

use super::{
    card,
    mpesa::{self, Prompted},
};
use crate::{
    applications::service as applications,
    error::AppError,
    ids::PhoneNumber,
    web::{context::Ctx, guard::signed_in, routes::Page},
};

/// The payment pages' flash name.
pub const FORM: &str = "payment";

/// Sends an M-Pesa prompt for the application's invoice to `phone`; on to "Check your phone".
#[server(endpoint = "payments/mpesa")]
#[tracing::instrument(skip_all)]
pub async fn pay_by_mpesa(id: Option<String>, phone: Option<String>) -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let (id, typed) = (id.unwrap_or_default(), phone.unwrap_or_default());
    let result = match signed_in(&ctx).await? {
        Err(page) => Ok(page.path()),
        Ok(who) => match (
            applications::owned(&ctx.state, &who, &id).await,
            PhoneNumber::parse(&typed),
        ) {
            // Another person's application, or none: its payment page, which is the same 404 as any.
            (Err(AppError::NotFound), _) => Ok(Page::Pay(id.clone()).path()),
            (Err(other), _) => Err(other),
            (Ok(_), Err(error)) => Err(error.into()),
            (Ok(application), Ok(phone)) => {
                mpesa::prompt(&ctx.state, &who, &application, &phone)
                    .await
                    .map(|prompted| match prompted {
                        Prompted::Sent(request) | Prompted::AlreadyWaiting(request) => {
                            Page::PayMpesa(application.id.as_str().into(), request).path()
                        }
                        Prompted::NotPayable => Page::Application(application.id.as_str().into()).path(),
                    })
            }
        },
    };
    let back = Page::Pay(id.clone()).path();
    ctx.finish(result, FORM, &back, &[("phone", &typed)]).await
}

/// "Pay by card": opens a checkout session and sends the person to the provider's page.
#[server(endpoint = "payments/card")]
#[tracing::instrument(skip_all)]
pub async fn pay_by_card(id: Option<String>) -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let id = id.unwrap_or_default();
    let back = Page::Pay(id.clone()).path();
    let opened = match signed_in(&ctx).await? {
        Err(page) => Ok(Err(page.path())),
        Ok(who) => match applications::owned(&ctx.state, &who, &id).await {
            Err(AppError::NotFound) => Ok(Err(back.clone())),
            Err(other) => Err(other),
            Ok(application) => card::open(&ctx.state, &application, ctx.lang)
                .await
                .map(|url| url.ok_or_else(|| Page::Application(id.clone()).path())),
        },
    };
    match opened {
        // Off to the provider's page: an address of its own, not one of ours.
        Ok(Ok(checkout)) => {
            ctx.settle(Ok(String::new()), FORM, &back, &[]).await?;
            leptos_axum::redirect(&checkout);
            Ok(())
        }
        Ok(Err(path)) => ctx.finish(Ok(path), FORM, &back, &[]).await,
        Err(error) => ctx.finish(Err(error), FORM, &back, &[]).await,
    }
}
