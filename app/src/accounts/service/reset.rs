//! "Forgotten your password?": a code by SMS or email to the account found by ID number or email, then a new
//! password. The answer is the same whether or not an account matched.

use serde::{Deserialize, Serialize};

use crate::{
    accounts::{
        db,
        domain::{self, Channel},
    },
    error::AppError,
    web::{
        challenges::Purpose,
        context::Ctx,
        session::{self, Entry},
        throttle,
    },
};

use super::{
    registration::check_new_password,
    sign_in::normalise_login,
    verification::{check, send_code},
};

const RESET_SECONDS: i64 = 30 * 60;

/// A password reset in progress: who (if anyone) it is for, and whether the code was right.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingReset {
    pub account_id: Option<String>,
    pub channel: String,
    pub verified: bool,
    pub started_at: i64,
}

impl Entry for PendingReset {
    const KEY: &'static str = "reset";
}

pub async fn start(ctx: &mut Ctx, login: &str, channel: &str) -> Result<String, AppError> {
    let login = normalise_login(login);
    let mut errors = vec![];
    if login.is_empty() {
        errors.push(crate::error::FieldError::new("login", "accounts-error-login-missing"));
    }
    let channel = Channel::parse(channel);
    if channel.is_none() {
        errors.push(crate::error::FieldError::new("channel", "accounts-error-channel"));
    }
    let Some(channel) = channel.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let account = db::by_login(&ctx.state.pool, &login)
        .await
        .map_err(AppError::internal)?;
    // Only to a verified channel (the other one if the chosen one is not proven; none, nothing is sent). A
    // cooldown or the hourly limit is not told either: it would say the account exists.
    if let Some((account, channel)) = account
        .as_ref()
        .and_then(|a| a.verified_channel(channel).map(|c| (a, c)))
    {
        match send_code(ctx, account, Purpose::Reset, channel, "code").await {
            Ok(()) | Err(AppError::Invalid(_)) => {}
            Err(other) => return Err(other),
        }
    }
    ctx.session.data.set(&PendingReset {
        account_id: account.map(|a| a.id),
        channel: channel.code().into(),
        verified: false,
        started_at: ctx.now(),
    });
    Ok("reset/code".into())
}

fn pending(ctx: &Ctx) -> Result<PendingReset, AppError> {
    ctx.session
        .data
        .get::<PendingReset>()
        .filter(|r| ctx.now() - r.started_at <= RESET_SECONDS)
        .ok_or_else(|| AppError::field("login", "accounts-error-reset-expired"))
}

pub async fn enter_code(ctx: &mut Ctx, code: &str) -> Result<String, AppError> {
    let Ok(mut reset) = pending(ctx) else {
        return Ok("reset".into());
    };
    let account = match &reset.account_id {
        Some(id) => db::by_id(&ctx.state.pool, id).await.map_err(AppError::internal)?,
        None => None,
    };
    match account {
        Some(account) => {
            check(ctx, &account, Purpose::Reset, code, "code").await?;
        }
        None => {
            // No account: the same checks and the same answer as a wrong code.
            domain::parse_code(code)?;
            return Err(AppError::field("code", "accounts-error-code-wrong"));
        }
    }
    reset.verified = true;
    ctx.session.data.set(&reset);
    Ok("reset/password".into())
}

/// The new password, the end of every session and remembered device, the owner told and the throttles cleared:
/// one transaction.
pub async fn new_password(ctx: &mut Ctx, password: &str, confirm: &str) -> Result<String, AppError> {
    let reset = match pending(ctx) {
        Ok(reset) if reset.verified => reset,
        _ => return Ok("reset".into()),
    };
    let account_id = reset
        .account_id
        .ok_or_else(|| AppError::internal("verified reset without an account"))?;
    let account = db::by_id(&ctx.state.pool, &account_id)
        .await
        .map_err(AppError::internal)?
        .ok_or(AppError::NotFound)?;
    check_new_password(password, confirm, &account.id_number, &account.email)?;
    let mut tx = crate::db::begin_write(&ctx.state.pool)
        .await
        .map_err(AppError::internal)?;
    super::account::replace_password(ctx, &mut tx, &account, password).await?;
    // Every session of the account ends, wherever it is; this browser signs in afresh.
    session::end(&mut tx, &account.id, None)
        .await
        .map_err(AppError::internal)?;
    // A completed reset proves the owner: the wrong passwords and codes a stranger typed are forgotten.
    for key in [throttle::account_key(&account.id), throttle::codes_key(&account.id)] {
        throttle::clear(&mut *tx, &key).await.map_err(AppError::internal)?;
    }
    tx.commit().await.map_err(AppError::internal)?;
    ctx.session.data.remove::<PendingReset>();
    ctx.session.data.notice = Some("accounts-notice-password-reset".into());
    Ok("login".into())
}
