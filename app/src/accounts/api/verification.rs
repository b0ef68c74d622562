//! Proving the email address (its link) and the mobile number (its code).

use leptos::prelude::*;

use super::{account, end};
use crate::{
    accounts::{routes, service},
    error::AppError,
    web::{
        context::Ctx,
        routes::{Next, Page},
    },
};

#[server(endpoint = "accounts/verify/email/resend")]
pub async fn resend_email_link() -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let result = match account(&ctx).await {
        Ok(account) => service::verification::resend_link(&ctx.state, &account)
            .await
            .map(routes::link_sent),
        Err(error) => Err(error),
    };
    end(ctx, result, "verify-email", "verify/email", &[]).await
}

#[server(endpoint = "accounts/verify/email/change")]
pub async fn correct_email(email: Option<String>) -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let email = email.unwrap_or_default();
    let result = match account(&ctx).await {
        Ok(account) => service::verification::change_unverified_email(&ctx.state, &account, &email)
            .await
            .map(|()| Next::with(Page::VerifyEmail, "accounts-notice-link-sent")),
        Err(error) => Err(error),
    };
    end(ctx, result, "verify-email", "verify/email", &[("email", &email)]).await
}

#[server(endpoint = "accounts/verify/email/confirm")]
#[tracing::instrument(skip_all)]
pub async fn confirm_email(token: Option<String>) -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let token = token.unwrap_or_default();
    let result = service::verification::confirm_email(&ctx.state, &token)
        .await
        .map(|proven| {
            let account = match &proven {
                service::verification::EmailProven::Registered { account, .. }
                | service::verification::EmailProven::Changed { account } => account,
            };
            routes::email_proven(&proven, ctx.session.account_id.as_deref() == Some(account.as_str()))
        });
    let back = format!(
        "verify/email/confirm?token={}",
        token.chars().filter(char::is_ascii_hexdigit).collect::<String>()
    );
    end(ctx, result, "verify-email-confirm", &back, &[]).await
}

#[server(endpoint = "accounts/verify/phone")]
#[tracing::instrument(skip_all)]
pub async fn verify_phone(code: Option<String>) -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let code = code.unwrap_or_default();
    let result = match account(&ctx).await {
        Ok(account) => service::verification::verify_phone(&ctx.state, &ctx.caller(), &account, &code)
            .await
            .map(|proven| routes::phone_proven(proven, &account)),
        Err(error) => Err(error),
    };
    end(ctx, result, "verify-phone", "verify/phone", &[("code", &code)]).await
}

#[server(endpoint = "accounts/verify/phone/resend")]
pub async fn resend_phone_code() -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let result = match account(&ctx).await {
        Ok(account) => service::verification::resend_phone_code(&ctx.state, &account)
            .await
            .map(|()| Next::with(Page::VerifyPhone, "accounts-notice-code-sent")),
        Err(error) => Err(error),
    };
    end(ctx, result, "verify-phone", "verify/phone", &[]).await
}
