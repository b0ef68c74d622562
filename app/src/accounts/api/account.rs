//! The account page's changes: password, email, phone, code channel, signed-in browsers, remembered devices.

use leptos::prelude::*;

use super::{account, end};
use crate::{
    accounts::{
        routes,
        service::{self, account::PendingChange},
    },
    error::AppError,
    web::{
        context::Ctx,
        routes::{Next, Page},
    },
};

#[server(endpoint = "accounts/account/password")]
#[tracing::instrument(skip_all)]
pub async fn change_password(
    current_password: Option<String>,
    password: Option<String>,
    confirm: Option<String>,
) -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let [current, password, confirm] = [current_password, password, confirm].map(Option::unwrap_or_default);
    let result = match account(&ctx).await {
        Ok(account) => {
            service::account::change_password(&ctx.state, &ctx.caller(), &account, &current, &password, &confirm)
                .await
                .map(|()| Next::with(Page::Account, "accounts-notice-password-changed"))
        }
        Err(error) => Err(error),
    };
    end(ctx, result, "account", "account", &[]).await
}

/// Keeps a change of email or phone waiting for its step-up code.
fn await_code(ctx: &mut Ctx, change: PendingChange) -> Next {
    ctx.session.data.set(&change);
    Next::to(Page::AccountConfirm)
}

#[server(endpoint = "accounts/account/email")]
#[tracing::instrument(skip_all)]
pub async fn change_email(email_password: Option<String>, email: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let [password, email] = [email_password, email].map(Option::unwrap_or_default);
    let result = match account(&ctx).await {
        Ok(account) => service::account::change_email(&ctx.state, &account, &password, &email).await,
        Err(error) => Err(error),
    }
    .map(|change| await_code(&mut ctx, change));
    end(ctx, result, "account", "account", &[("email", &email)]).await
}

#[server(endpoint = "accounts/account/phone")]
#[tracing::instrument(skip_all)]
pub async fn change_phone(phone_password: Option<String>, phone: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let [password, phone] = [phone_password, phone].map(Option::unwrap_or_default);
    let result = match account(&ctx).await {
        Ok(account) => service::account::change_phone(&ctx.state, &account, &password, &phone).await,
        Err(error) => Err(error),
    }
    .map(|change| await_code(&mut ctx, change));
    end(ctx, result, "account", "account", &[("phone", &phone)]).await
}

#[server(endpoint = "accounts/account/channel")]
#[tracing::instrument(skip_all)]
pub async fn change_channel(channel_password: Option<String>, channel: Option<String>) -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let [password, channel] = [channel_password, channel].map(Option::unwrap_or_default);
    let result = match account(&ctx).await {
        Ok(account) => service::account::set_channel(&ctx.state, &account, &password, &channel)
            .await
            .map(|()| Next::with(Page::Account, "accounts-notice-channel")),
        Err(error) => Err(error),
    };
    end(ctx, result, "account", "account", &[]).await
}

/// The change of email or phone waiting for its step-up code, if it has not run out.
pub fn pending_change(ctx: &Ctx) -> Option<PendingChange> {
    service::account::live(&ctx.state, ctx.session.data.get())
}

#[server(endpoint = "accounts/account/confirm")]
#[tracing::instrument(skip_all)]
pub async fn confirm_change(code: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let code = code.unwrap_or_default();
    let result = match (account(&ctx).await, pending_change(&ctx)) {
        (Err(error), _) => Err(error),
        (Ok(_), None) => Ok(Next::to(Page::Account)),
        (Ok(account), Some(change)) => {
            service::account::confirm_change(&ctx.state, &ctx.caller(), &account, &change, &code)
                .await
                .map(|changing| {
                    ctx.session.data.remove::<PendingChange>();
                    routes::changing(changing)
                })
        }
    };
    end(ctx, result, "account-confirm", "account/confirm", &[("code", &code)]).await
}

#[server(endpoint = "accounts/account/end-session")]
pub async fn end_session(session: Option<String>) -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let result = match account(&ctx).await {
        Ok(account) => service::browsers::end(&ctx.state, &ctx.caller(), &account.id, &session.unwrap_or_default())
            .await
            .map(|()| Next::with(Page::Account, "accounts-notice-sessions-ended")),
        Err(error) => Err(error),
    };
    end(ctx, result, "account", "account", &[]).await
}

#[server(endpoint = "accounts/account/forget-device")]
pub async fn forget_device(device: Option<String>) -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let result = match account(&ctx).await {
        Ok(account) => service::account::forget_device(&ctx.state, &account, &device.unwrap_or_default())
            .await
            .map(|()| Next::with(Page::Account, "accounts-notice-device-forgotten")),
        Err(error) => Err(error),
    };
    end(ctx, result, "account", "account", &[]).await
}
