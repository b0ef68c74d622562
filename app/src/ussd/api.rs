//! The USSD PIN's server functions: plain form posts from its page, with or without JavaScript.

use leptos::prelude::*;

use crate::error::AppError;

/// Sets (or changes) the USSD PIN: the PIN twice and the password.
#[server(endpoint = "ussd/pin")]
#[tracing::instrument(skip_all)]
pub async fn ussd_set_pin(
    pin: Option<String>,
    confirm_pin: Option<String>,
    pin_password: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        accounts::api::account,
        web::{context::Ctx, guard::signed_in},
    };
    let mut ctx = Ctx::load().await?;
    let [pin, confirm, password] = [pin, confirm_pin, pin_password].map(Option::unwrap_or_default);
    if let Err(page) = signed_in(&ctx).await? {
        return ctx
            .finish(Ok(page.path()), super::pages::FORM, super::pages::PATH, &[])
            .await;
    }
    let result = match account(&ctx).await {
        Ok(account) => super::service::set_pin(&ctx.state, &account, &pin, &confirm, &password).await,
        Err(error) => Err(error),
    };
    if result.is_ok() {
        ctx.notice("ussd-notice-set");
    }
    // A PIN is a secret: never typed back into the form.
    let result = result.map(|()| super::pages::PATH.to_string());
    ctx.finish(result, super::pages::FORM, super::pages::PATH, &[]).await
}

/// Removes the USSD PIN.
#[server(endpoint = "ussd/pin/remove")]
#[tracing::instrument(skip_all)]
pub async fn ussd_remove_pin() -> Result<(), AppError> {
    use crate::web::{context::Ctx, guard::signed_in};
    let mut ctx = Ctx::load().await?;
    let who = match signed_in(&ctx).await? {
        Err(page) => {
            return ctx
                .finish(Ok(page.path()), super::pages::FORM, super::pages::PATH, &[])
                .await
        }
        Ok(who) => who,
    };
    let result = super::service::remove_pin(&ctx.state, &who).await;
    if let Ok(true) = result {
        ctx.notice("ussd-notice-removed");
    }
    let result = result.map(|_| super::pages::PATH.to_string()).map_err(AppError::from);
    ctx.finish(result, super::pages::FORM, super::pages::PATH, &[]).await
}
