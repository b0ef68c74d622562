//! Proving the email address (a link) and the mobile number (a code by SMS): after registration, and for a new
//! address or number after a change (held as pending until proven, while the old one keeps working).

use crate::{
    accounts::{
        db::{self, Account},
        domain::{self, display_phone, Channel},
        notify,
    },
    error::AppError,
    i18n::Lang,
    web::{
        challenges::{self, CodeRequest, Purpose, Trier},
        context::Ctx,
        outbox::{self, Message},
    },
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

/// Queues the email with a new confirmation link. Links are built from the configured origin, never from the
/// request's Host header (which anyone can forge into a genuine email).
pub async fn send_link(
    conn: &mut sqlx::AnyConnection,
    ctx: &Ctx,
    lang: Lang,
    account_id: &str,
    email: &str,
) -> anyhow::Result<()> {
    let token = challenges::new_link(conn, account_id, email, ctx.now()).await?;
    let link = format!(
        "{}{}?token={token}",
        ctx.state.origin,
        lang.href("verify/email/confirm")
    );
    let hours = (challenges::LINK_SECONDS / 3_600).to_string();
    let message = Message {
        lang,
        channel: Channel::Email,
        to: email,
        key: "message-verify-email",
        args: &[("link", link), ("hours", hours)],
        secret: Some(("link", challenges::LINK_SECONDS)),
    };
    outbox::enqueue(conn, &ctx.state, message).await
}

/// Queues a code to `channel`'s address of the account, within the resend rules.
pub async fn send_code(
    ctx: &Ctx,
    account: &Account,
    purpose: Purpose,
    channel: Channel,
    field: &str,
) -> Result<(), AppError> {
    send_code_to(ctx, account, purpose, channel, account.address(channel), field).await
}

/// Queues a code to `to` (the account's own address, or a number it is moving to), within the resend rules.
pub async fn send_code_to(
    ctx: &Ctx,
    account: &Account,
    purpose: Purpose,
    channel: Channel,
    to: &str,
    field: &str,
) -> Result<(), AppError> {
    let message = match purpose {
        Purpose::VerifyPhone => "message-phone-code",
        Purpose::SignIn => "message-sign-in-code",
        Purpose::StepUp => "message-step-up-code",
        Purpose::Reset | Purpose::VerifyEmail | Purpose::TimsLink => "message-reset-code",
    };
    challenges::send_code(
        &ctx.state,
        CodeRequest {
            account_id: &account.id,
            purpose,
            channel,
            to,
            lang: lang_of(account),
            message,
            field,
        },
    )
    .await
}

/// Checks a code the signed-in (or half signed-in) account typed in `field`: the address it was sent to.
pub async fn check(
    ctx: &Ctx,
    account: &Account,
    purpose: Purpose,
    code: &str,
    field: &str,
) -> Result<String, AppError> {
    let code = domain::parse_code(code)?;
    let who = Trier {
        account_id: &account.id,
        client: &ctx.client,
    };
    challenges::check_code(&ctx.state.pool, &ctx.state.code_key, who, purpose, &code, ctx.now())
        .await
        .map_err(AppError::internal)?
        .right(field)
}

/// Where a signed-in person with an unverified account must go first, if anywhere.
pub fn pending_step(account: &Account) -> Option<&'static str> {
    crate::web::guard::pending_step(account.email_verified_at.is_some(), account.phone_verified_at.is_some())
}

/// The address a link is waiting on: the unverified one of a new account, or a pending new address.
fn awaited_email(account: &Account) -> Option<&str> {
    match (&account.email_verified_at, &account.pending_email) {
        (None, _) => Some(&account.email),
        (Some(_), Some(pending)) => Some(pending),
        (Some(_), None) => None,
    }
}

pub async fn resend_link(ctx: &mut Ctx) -> Result<String, AppError> {
    let account = current(ctx).await?;
    let Some(email) = awaited_email(&account) else {
        return Ok("verify/phone".into());
    };
    let mut tx = crate::db::begin_write(&ctx.state.pool)
        .await
        .map_err(AppError::internal)?;
    challenges::may_send(&mut tx, &account.id, Purpose::VerifyEmail, "resend", ctx.now())
        .await
        .map_err(AppError::internal)??;
    send_link(&mut tx, ctx, lang_of(&account), &account.id, email)
        .await
        .map_err(AppError::internal)?;
    tx.commit().await.map_err(AppError::internal)?;
    ctx.session.data.notice = Some("accounts-notice-link-sent".into());
    Ok(if account.email_verified_at.is_some() {
        "account"
    } else {
        "verify/email"
    }
    .into())
}

/// Corrects a mistyped address during registration: only while the account's email has never been verified.
/// Every later change goes through the account page (password and a code to a verified channel).
pub async fn change_unverified_email(ctx: &mut Ctx, email: &str) -> Result<String, AppError> {
    let account = current(ctx).await?;
    if account.email_verified_at.is_some() {
        return Err(AppError::NotFound);
    }
    let email = domain::parse_email(email)?;
    let taken = db::taken(&ctx.state.pool, None, email.as_str(), "")
        .await
        .map_err(AppError::internal)?;
    if email.as_str() != account.email && !taken.is_empty() {
        return Err(AppError::field("email", "accounts-error-email-taken"));
    }
    let mut tx = crate::db::begin_write(&ctx.state.pool)
        .await
        .map_err(AppError::internal)?;
    challenges::may_send(&mut tx, &account.id, Purpose::VerifyEmail, "email", ctx.now())
        .await
        .map_err(AppError::internal)??;
    // Conditional: a verification that lands meanwhile wins, and the address stays.
    let updated = db::contact::replace_unverified_email(&mut tx, &account.id, &email)
        .await
        .map_err(unique_email)?;
    if updated != 1 {
        return Err(AppError::NotFound);
    }
    send_link(&mut tx, ctx, lang_of(&account), &account.id, email.as_str())
        .await
        .map_err(AppError::internal)?;
    tx.commit().await.map_err(AppError::internal)?;
    ctx.session.data.notice = Some("accounts-notice-link-sent".into());
    Ok("verify/email".into())
}

fn unique_email(error: anyhow::Error) -> AppError {
    if db::is_unique_violation(&error) {
        AppError::field("email", "accounts-error-email-taken")
    } else {
        AppError::internal(error)
    }
}

/// Uses an email link. A link proves the address it was sent to: a new account's address (then the phone's
/// code goes out), or a pending new address, which then replaces the old one (and the old one is told).
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
    if awaited_email(&account) != Some(sent_to.as_str()) {
        return Err(AppError::field("token", "accounts-error-link"));
    }
    if account.email_verified_at.is_some() {
        replace_email(ctx, &account, &sent_to).await?;
    } else {
        db::contact::mark_email_verified(&ctx.state.pool, &account.id, now)
            .await
            .map_err(AppError::internal)?;
        if account.phone_verified_at.is_none() {
            send_code(ctx, &account, Purpose::VerifyPhone, Channel::Sms, "code").await?;
        }
    }
    if ctx.session.account_id.as_deref() == Some(account.id.as_str()) {
        let notice = match account.email_verified_at {
            Some(_) => "accounts-notice-email-changed",
            None => "accounts-notice-email-verified",
        };
        ctx.session.data.notice = Some(notice.into());
        Ok(match (account.email_verified_at, account.phone_verified_at) {
            (Some(_), _) => "account",
            (None, None) => "verify/phone",
            (None, Some(_)) => "dashboard",
        }
        .into())
    } else {
        // Opened in another browser (a phone's mail app): sign in there to carry on.
        ctx.session.data.notice = Some("accounts-notice-email-verified-sign-in".into());
        Ok("login".into())
    }
}

/// The pending address, now proven, becomes the account's; the old address and the phone are told.
async fn replace_email(ctx: &Ctx, account: &Account, email: &str) -> Result<(), AppError> {
    let mut tx = crate::db::begin_write(&ctx.state.pool)
        .await
        .map_err(AppError::internal)?;
    db::contact::adopt_email(&mut tx, &account.id, email, ctx.now())
        .await
        .map_err(unique_email)?;
    let args = [("address", email.to_string())];
    notify::tell_owner(&mut tx, &ctx.state, account, "message-changed-email", &args)
        .await
        .map_err(AppError::internal)?;
    tx.commit().await.map_err(AppError::internal)
}

/// The number a code is waiting on: a new account's, or a pending new number.
fn awaited_phone(account: &Account) -> &str {
    match (&account.phone_verified_at, &account.pending_phone) {
        (Some(_), Some(pending)) => pending,
        _ => &account.phone,
    }
}

pub async fn resend_phone_code(ctx: &mut Ctx) -> Result<String, AppError> {
    let account = current(ctx).await?;
    send_code_to(
        ctx,
        &account,
        Purpose::VerifyPhone,
        Channel::Sms,
        awaited_phone(&account),
        "code",
    )
    .await?;
    ctx.session.data.notice = Some("accounts-notice-code-sent".into());
    Ok("verify/phone".into())
}

pub async fn verify_phone(ctx: &mut Ctx, code: &str) -> Result<String, AppError> {
    let account = current(ctx).await?;
    let sent_to = check(ctx, &account, Purpose::VerifyPhone, code, "code").await?;
    let now = ctx.now();
    if sent_to != awaited_phone(&account) {
        // A code sent to a number the account has since moved away from.
        return Err(AppError::field("code", "accounts-error-code-expired"));
    }
    if account.phone_verified_at.is_some() {
        let mut tx = crate::db::begin_write(&ctx.state.pool)
            .await
            .map_err(AppError::internal)?;
        db::contact::adopt_phone(&mut tx, &account.id, &sent_to, now)
            .await
            .map_err(|e| match e {
                e if db::is_unique_violation(&e) => AppError::field("code", "accounts-error-phone-taken"),
                e => AppError::internal(e),
            })?;
        let args = [("number", display_phone(&sent_to))];
        notify::tell_owner(&mut tx, &ctx.state, &account, "message-changed-phone", &args)
            .await
            .map_err(AppError::internal)?;
        tx.commit().await.map_err(AppError::internal)?;
        ctx.session.data.notice = Some("accounts-notice-phone-changed".into());
        return Ok("account".into());
    }
    db::contact::mark_phone_verified(&ctx.state.pool, &account.id, now)
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
