//! The account page's changes: password, email, phone, code channel, remembered devices. Changing the email or
//! phone asks for the password again and sends the new one to be verified.

use crate::{
    accounts::{
        challenges::Purpose,
        context::Ctx,
        db::{self, Account},
        domain::{self, Channel},
    },
    error::AppError,
};

use super::{
    registration::check_new_password,
    verification::{current, replace_email, send_code},
};

/// Hashes and stores a new password and forgets every remembered device.
pub async fn replace_password(ctx: &Ctx, account_id: &str, password: &str) -> Result<(), AppError> {
    let hash = ctx.state.passwords.hash(password).await.map_err(AppError::internal)?;
    let mut conn = ctx.state.pool.acquire().await.map_err(AppError::internal)?;
    db::set_password(&mut conn, account_id, &hash)
        .await
        .map_err(AppError::internal)
}

async fn check_current(ctx: &Ctx, account: &Account, password: &str, field: &str) -> Result<(), AppError> {
    let right = ctx
        .state
        .passwords
        .verify(Some(&account.password_hash), password)
        .await
        .map_err(AppError::internal)?;
    if right {
        Ok(())
    } else {
        Err(AppError::field(field, "accounts-error-current-password"))
    }
}

pub async fn change_password(
    ctx: &mut Ctx,
    current_password: &str,
    password: &str,
    confirm: &str,
) -> Result<String, AppError> {
    let account = current(ctx).await?;
    check_current(ctx, &account, current_password, "current_password").await?;
    check_new_password(password, confirm, &account.id_number, &account.email)?;
    replace_password(ctx, &account.id, password).await?;
    ctx.session
        .end_others(&ctx.state, &account.id)
        .await
        .map_err(AppError::internal)?;
    ctx.session.data.notice = Some("accounts-notice-password-changed".into());
    Ok("account".into())
}

pub async fn change_email(ctx: &mut Ctx, password: &str, email: &str) -> Result<String, AppError> {
    let account = current(ctx).await?;
    let email = domain::parse_email(email)?;
    check_current(ctx, &account, password, "email_password").await?;
    if email == account.email {
        return Ok("account".into());
    }
    replace_email(ctx, &account, &email).await?;
    Ok("verify/email".into())
}

pub async fn change_phone(ctx: &mut Ctx, password: &str, phone: &str) -> Result<String, AppError> {
    let account = current(ctx).await?;
    let phone = domain::parse_phone(phone)?;
    check_current(ctx, &account, password, "phone_password").await?;
    if phone == account.phone {
        return Ok("account".into());
    }
    if !db::taken(&ctx.state.pool, "", "", &phone)
        .await
        .map_err(AppError::internal)?
        .is_empty()
    {
        return Err(AppError::field("phone", "accounts-error-phone-taken"));
    }
    sqlx::query("UPDATE accounts SET phone = $1, phone_verified_at = NULL WHERE id = $2")
        .bind(&phone)
        .bind(&account.id)
        .execute(&ctx.state.pool)
        .await
        .map_err(AppError::internal)?;
    let account = Account {
        phone,
        phone_verified_at: None,
        ..account
    };
    send_code(ctx, &account, Purpose::VerifyPhone, Channel::Sms, "phone").await?;
    Ok("verify/phone".into())
}

pub async fn set_channel(ctx: &mut Ctx, channel: &str) -> Result<String, AppError> {
    let account = current(ctx).await?;
    let channel = Channel::parse(channel).ok_or_else(|| AppError::field("channel", "accounts-error-channel"))?;
    sqlx::query("UPDATE accounts SET code_channel = $1 WHERE id = $2")
        .bind(channel.code())
        .bind(&account.id)
        .execute(&ctx.state.pool)
        .await
        .map_err(AppError::internal)?;
    ctx.session.data.notice = Some("accounts-notice-channel".into());
    Ok("account".into())
}

pub async fn forget_device(ctx: &mut Ctx, device: &str) -> Result<String, AppError> {
    let account = current(ctx).await?;
    sqlx::query("DELETE FROM trusted_devices WHERE id = $1 AND account_id = $2")
        .bind(device)
        .bind(&account.id)
        .execute(&ctx.state.pool)
        .await
        .map_err(AppError::internal)?;
    ctx.session.data.notice = Some("accounts-notice-device-forgotten".into());
    Ok("account".into())
}

/// The remembered devices still in date: id, label, remembered since, last used (unix seconds).
pub async fn devices(ctx: &Ctx, account_id: &str) -> Result<Vec<(String, String, i64, i64)>, AppError> {
    sqlx::query_as(
        "SELECT id, label, created_at, last_used_at FROM trusted_devices WHERE account_id = $1 AND expires_at > $2 \
         ORDER BY created_at DESC",
    )
    .bind(account_id)
    .bind(ctx.now())
    .fetch_all(&ctx.state.pool)
    .await
    .map_err(AppError::internal)
}
