//! Signing in (password, then a code unless the browser is remembered), signing out, and a forgotten password.

use leptos::prelude::*;

use super::{end, sign_in_here};
use crate::{
    accounts::{
        db::Account,
        domain::Channel,
        routes,
        service::{
            self,
            reset::PendingReset,
            sign_in::{PendingSignIn, Signing},
        },
    },
    error::AppError,
    web::{
        context::Ctx,
        routes::{Next, Page},
        session::{cookie_name, set_cookie, DEVICE_COOKIE, REMEMBER_SECONDS},
    },
};

#[server(endpoint = "accounts/sign-in")]
#[tracing::instrument(skip_all)]
pub async fn sign_in(login: Option<String>, password: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let login = login.unwrap_or_default();
    let result = match service::sign_in::sign_in(&ctx.state, &ctx.caller(), &login, &password.unwrap_or_default()).await
    {
        Ok(outcome) => {
            let next = routes::sign_in(&outcome);
            match outcome {
                Signing::Done(account) => sign_in_here(&mut ctx, &account.id).await.map(|()| next),
                Signing::CodeSent { pending, .. } => {
                    ctx.session.data.set(&pending);
                    Ok(next)
                }
            }
        }
        Err(error) => Err(error),
    };
    end(ctx, result, "sign-in", "login", &[("login", &login)]).await
}

/// The account past its password and waiting for the second step.
pub async fn pending_sign_in(ctx: &Ctx) -> Result<Account, AppError> {
    service::sign_in::pending_account(&ctx.state, ctx.session.data.get::<PendingSignIn>()).await
}

#[server(endpoint = "accounts/sign-in/code")]
#[tracing::instrument(skip_all)]
pub async fn sign_in_code(code: Option<String>, remember: Option<String>, via: Option<String>) -> Result<(), AppError> {
    let via = channel_param(via)?;
    let mut ctx = Ctx::load().await?;
    let code = code.unwrap_or_default();
    let remember = remember.as_deref() == Some("yes");
    let result = match pending_sign_in(&ctx).await {
        Ok(account) => match service::sign_in::enter_code(&ctx.state, &ctx.caller(), &account, &code, remember).await {
            Ok(device) => {
                if let Some(token) = device {
                    let name = cookie_name(&ctx.state, DEVICE_COOKIE);
                    set_cookie(&ctx.state, ctx.response(), &name, &token, Some(REMEMBER_SECONDS));
                }
                sign_in_here(&mut ctx, &account.id)
                    .await
                    .map(|()| routes::signed_in(&account))
            }
            Err(error) => Err(error),
        },
        Err(error) => Err(error),
    };
    let back = format!("login/code?via={}", via.code());
    let values = [("code", code.as_str()), ("remember", if remember { "yes" } else { "" })];
    end(ctx, result, "sign-in-code", &back, &values).await
}

#[server(endpoint = "accounts/sign-in/resend")]
pub async fn sign_in_resend(via: Option<String>) -> Result<(), AppError> {
    let via = channel_param(via)?;
    let ctx = Ctx::load().await?;
    let result = match pending_sign_in(&ctx).await {
        Ok(account) => service::sign_in::resend_code(&ctx.state, &account, via)
            .await
            .map(|channel| Next::with(Page::LoginCode(channel), "accounts-notice-code-sent")),
        Err(error) => Err(error),
    };
    end(
        ctx,
        result,
        "sign-in-code",
        &format!("login/code?via={}", via.code()),
        &[],
    )
    .await
}

/// The `via` of the code forms: a channel, or (only from a hand-made request) 400. Its value goes into the
/// address of the next page, so nothing else may pass.
fn channel_param(via: Option<String>) -> Result<Channel, AppError> {
    match via.as_deref().map(Channel::parse) {
        None => Ok(Channel::Sms),
        Some(Some(channel)) => Ok(channel),
        Some(None) => {
            expect_context::<leptos_axum::ResponseOptions>().set_status(http::StatusCode::BAD_REQUEST);
            Err(AppError::NotFound)
        }
    }
}

#[server(endpoint = "accounts/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let result = ctx
        .session
        .sign_out(&ctx.state)
        .await
        .map_err(AppError::from)
        .map(|()| Next::with(Page::Login, "accounts-notice-signed-out"));
    end(ctx, result, "sign-out", "", &[]).await
}

#[server(endpoint = "accounts/reset")]
#[tracing::instrument(skip_all)]
pub async fn reset_start(login: Option<String>, channel: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let (login, channel) = (login.unwrap_or_default(), channel.unwrap_or_default());
    let result = service::reset::start(&ctx.state, &login, &channel).await.map(|reset| {
        ctx.session.data.set(&reset);
        Next::to(Page::ResetCode)
    });
    end(
        ctx,
        result,
        "reset",
        "reset",
        &[("login", &login), ("channel", &channel)],
    )
    .await
}

/// The session's password reset, if it has not run out.
fn pending_reset(ctx: &Ctx) -> Option<PendingReset> {
    service::reset::live(&ctx.state, ctx.session.data.get())
}

#[server(endpoint = "accounts/reset/code")]
#[tracing::instrument(skip_all)]
pub async fn reset_code(code: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let code = code.unwrap_or_default();
    let result = match pending_reset(&ctx) {
        None => Ok(Next::to(Page::Reset)),
        Some(reset) => service::reset::enter_code(&ctx.state, &ctx.caller(), reset, &code)
            .await
            .map(|reset| {
                ctx.session.data.set(&reset);
                Next::to(Page::ResetPassword)
            }),
    };
    end(ctx, result, "reset-code", "reset/code", &[("code", &code)]).await
}

#[server(endpoint = "accounts/reset/password")]
#[tracing::instrument(skip_all)]
pub async fn reset_password(password: Option<String>, confirm: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let [password, confirm] = [password, confirm].map(Option::unwrap_or_default);
    let result = match pending_reset(&ctx) {
        Some(reset) if reset.verified => service::reset::new_password(&ctx.state, &reset, &password, &confirm)
            .await
            .map(|()| {
                ctx.session.data.remove::<PendingReset>();
                Next::with(Page::Login, "accounts-notice-password-reset")
            }),
        _ => Ok(Next::to(Page::Reset)),
    };
    end(ctx, result, "reset-password", "reset/password", &[]).await
}
