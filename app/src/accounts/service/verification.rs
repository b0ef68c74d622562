//! Proving the email address (a link) and the mobile number (a code by SMS), after registration or a change.

use crate::{
    accounts::{
        challenges::{self, CodeCheck, Purpose},
        context::Ctx,
        db::{self, Account},
        domain::{self, Channel},
        outbox,
    },
    error::AppError,
    i18n::Lang,
};

/// The account behind a signed-in session (verified or not).
pub async fn current(ctx: &Ctx) -> Result<Account, AppError> {
    let id = ctx.account_id()?;
    db::by_id(&ctx.state.pool, &id)
        .await
        .map_err(AppError::internal)?
        .ok_or(AppError::SignInRequired)
}

pub fn lang_of(account: &Account) -> Lang {
    Lang::parse(&account.language).unwrap_or_default()
}

/// Queues the email with a new confirmation link.
pub async fn send_link(
    conn: &mut sqlx::AnyConnection,
    ctx: &Ctx,
    lang: Lang,
    account_id: &str,
    email: &str,
) -> anyhow::Result<()> {
    let token = challenges::new_link(conn, account_id, email, ctx.now()).await?;
    let origin = origin(ctx);
    let link = format!("{origin}{}?token={token}", lang.href("verify/email/confirm"));
    let hours = (challenges::LINK_SECONDS / 3_600).to_string();
    outbox::enqueue(
        conn,
        &ctx.state,
        lang,
        Channel::Email,
        email,
        "message-verify-email",
        &[("link", link), ("hours", hours)],
    )
    .await
}

/// Where links in messages point: the configured public origin, else the host the request came to.
fn origin(ctx: &Ctx) -> String {
    let configured = ctx.state.settings.public_origin.trim_end_matches('/');
    if !configured.is_empty() {
        return configured.to_string();
    }
    let host = ctx
        .headers
        .get(http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    format!("http://{host}")
}

/// Queues a code to `channel`'s address of the account, within the resend rules.
pub async fn send_code(
    ctx: &Ctx,
    account: &Account,
    purpose: Purpose,
    channel: Channel,
    field: &str,
) -> Result<(), AppError> {
    let pool = &ctx.state.pool;
    let mut tx = crate::db::begin_write(pool).await.map_err(AppError::internal)?;
    let now = ctx.now();
    if let Err(error) = challenges::may_send(&mut tx, &account.id, purpose, field, now)
        .await
        .map_err(AppError::internal)?
    {
        return Err(error.into());
    }
    let to = match channel {
        Channel::Sms => account.phone.clone(),
        Channel::Email => account.email.clone(),
    };
    let code = challenges::new_code(&mut tx, &account.id, purpose, channel.code(), &to, now)
        .await
        .map_err(AppError::internal)?;
    let minutes = (challenges::CODE_SECONDS / 60).to_string();
    let key = match purpose {
        Purpose::VerifyPhone => "message-phone-code",
        Purpose::SignIn => "message-sign-in-code",
        _ => "message-reset-code",
    };
    outbox::enqueue(
        &mut tx,
        &ctx.state,
        lang_of(account),
        channel,
        &to,
        key,
        &[("code", code), ("minutes", minutes)],
    )
    .await
    .map_err(AppError::internal)?;
    tx.commit().await.map_err(AppError::internal)?;
    Ok(())
}

/// Where a signed-in person with an unverified account must go first, if anywhere.
pub fn pending_step(account: &Account) -> Option<&'static str> {
    if account.email_verified_at.is_none() {
        Some("verify/email")
    } else if account.phone_verified_at.is_none() {
        Some("verify/phone")
    } else {
        None
    }
}

pub async fn resend_link(ctx: &mut Ctx) -> Result<String, AppError> {
    let account = current(ctx).await?;
    if account.email_verified_at.is_some() {
        return Ok("verify/phone".into());
    }
    let mut tx = crate::db::begin_write(&ctx.state.pool)
        .await
        .map_err(AppError::internal)?;
    if let Err(error) = challenges::may_send(&mut tx, &account.id, Purpose::VerifyEmail, "resend", ctx.now())
        .await
        .map_err(AppError::internal)?
    {
        return Err(error.into());
    }
    send_link(&mut tx, ctx, lang_of(&account), &account.id, &account.email)
        .await
        .map_err(AppError::internal)?;
    tx.commit().await.map_err(AppError::internal)?;
    ctx.session.data.notice = Some("accounts-notice-link-sent".into());
    Ok("verify/email".into())
}

/// Corrects the address before it is verified.
pub async fn change_unverified_email(ctx: &mut Ctx, email: &str) -> Result<String, AppError> {
    let account = current(ctx).await?;
    let email = domain::parse_email(email)?;
    replace_email(ctx, &account, &email).await?;
    Ok("verify/email".into())
}

/// Gives the account a new, unverified email address and sends it a link (within the resend rules). Links sent
/// to the old address stop working: each is bound to the address it went to.
pub async fn replace_email(ctx: &mut Ctx, account: &Account, email: &str) -> Result<(), AppError> {
    let taken = db::taken(&ctx.state.pool, "", email, "")
        .await
        .map_err(AppError::internal)?;
    if email != account.email && !taken.is_empty() {
        return Err(AppError::field("email", "accounts-error-email-taken"));
    }
    let mut tx = crate::db::begin_write(&ctx.state.pool)
        .await
        .map_err(AppError::internal)?;
    if let Err(error) = challenges::may_send(&mut tx, &account.id, Purpose::VerifyEmail, "email", ctx.now())
        .await
        .map_err(AppError::internal)?
    {
        return Err(error.into());
    }
    let updated = sqlx::query("UPDATE accounts SET email = $1, email_verified_at = NULL WHERE id = $2")
        .bind(email)
        .bind(&account.id)
        .execute(&mut *tx)
        .await;
    if let Err(error) = updated {
        let error = anyhow::Error::from(error);
        if db::is_unique_violation(&error) {
            return Err(AppError::field("email", "accounts-error-email-taken"));
        }
        return Err(AppError::internal(error));
    }
    send_link(&mut tx, ctx, lang_of(account), &account.id, email)
        .await
        .map_err(AppError::internal)?;
    tx.commit().await.map_err(AppError::internal)?;
    ctx.session.data.notice = Some("accounts-notice-link-sent".into());
    Ok(())
}

/// Uses an email link. The address must still be the account's (a changed address needs a new link). Then the
/// code for the phone goes out.
pub async fn confirm_email(ctx: &mut Ctx, token: &str) -> Result<String, AppError> {
    let now = ctx.now();
    let used = challenges::use_link(&ctx.state.pool, token.trim(), now)
        .await
        .map_err(AppError::internal)?;
    let Some((account_id, sent_to)) = used else {
        return Err(AppError::field("token", "accounts-error-link"));
    };
    let account = db::by_id(&ctx.state.pool, &account_id)
        .await
        .map_err(AppError::internal)?
        .ok_or(AppError::NotFound)?;
    if account.email != sent_to {
        return Err(AppError::field("token", "accounts-error-link"));
    }
    sqlx::query("UPDATE accounts SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL")
        .bind(now)
        .bind(&account.id)
        .execute(&ctx.state.pool)
        .await
        .map_err(AppError::internal)?;
    if account.phone_verified_at.is_none() {
        send_code(ctx, &account, Purpose::VerifyPhone, Channel::Sms, "code").await?;
    }
    if ctx.session.account_id.as_deref() == Some(account.id.as_str()) {
        ctx.session.data.notice = Some("accounts-notice-email-verified".into());
        Ok(if account.phone_verified_at.is_none() {
            "verify/phone"
        } else {
            "dashboard"
        }
        .into())
    } else {
        // Opened in another browser (a phone's mail app): sign in there to carry on.
        ctx.session.data.notice = Some("accounts-notice-email-verified-sign-in".into());
        Ok("login".into())
    }
}

pub async fn resend_phone_code(ctx: &mut Ctx) -> Result<String, AppError> {
    let account = current(ctx).await?;
    send_code(ctx, &account, Purpose::VerifyPhone, Channel::Sms, "code").await?;
    ctx.session.data.notice = Some("accounts-notice-code-sent".into());
    Ok("verify/phone".into())
}

pub async fn verify_phone(ctx: &mut Ctx, code: &str) -> Result<String, AppError> {
    let account = current(ctx).await?;
    let code = domain::parse_code(code)?;
    let now = ctx.now();
    let check = challenges::check_code(&ctx.state.pool, &account.id, Purpose::VerifyPhone, &code, now)
        .await
        .map_err(AppError::internal)?;
    if check != CodeCheck::Right {
        return Err(AppError::field("code", check.error_key()));
    }
    sqlx::query("UPDATE accounts SET phone_verified_at = $1 WHERE id = $2")
        .bind(now)
        .bind(&account.id)
        .execute(&ctx.state.pool)
        .await
        .map_err(AppError::internal)?;
    ctx.session.data.notice = Some("accounts-notice-phone-verified".into());
    // Verified: next, the passport photo (which can be skipped).
    Ok(pending_step(&Account {
        phone_verified_at: Some(now),
        ..account
    })
    .unwrap_or("welcome/photo")
    .into())
}
