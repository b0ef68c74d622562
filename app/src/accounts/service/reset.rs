//! "Forgotten your password?": a code by SMS or email to the account found by ID number or email, then a new
//! password. The answer is the same whether or not an account matched.

use serde::{Deserialize, Serialize};

use crate::{
    accounts::{
        db,
        domain::{self, Channel},
    },
    error::{AppError, FieldError},
    ids::AccountId,
    state::AppState,
    web::{
        challenges::Purpose,
        context::Caller,
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
    pub account_id: Option<AccountId>,
    pub channel: String,
    pub verified: bool,
    pub started_at: i64,
}

impl Entry for PendingReset {
    const KEY: &'static str = "reset";
}

/// Sends the code (when an account matched) and answers the reset to keep until it comes back.
pub async fn start(state: &AppState, login: &str, channel: &str) -> Result<PendingReset, AppError> {
    let login = normalise_login(login);
    let mut errors = vec![];
    if login.is_empty() {
        errors.push(FieldError::new("login", "accounts-error-login-missing"));
    }
    let channel = Channel::parse(channel);
    if channel.is_none() {
        errors.push(FieldError::new("channel", "accounts-error-channel"));
    }
    let Some(channel) = channel.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let account = db::by_login(&state.pool, &login).await?;
    // Only to a verified channel (the other one if the chosen one is not proven; none, nothing is sent). A
    // cooldown or the hourly limit is not told either: it would say the account exists.
    if let Some((account, channel)) = account
        .as_ref()
        .and_then(|a| a.verified_channel(channel).map(|c| (a, c)))
    {
        match send_code(state, account, Purpose::Reset, channel, "code").await {
            Ok(()) | Err(AppError::Invalid(_)) => {}
            Err(other) => return Err(other),
        }
    }
    Ok(PendingReset {
        account_id: account.map(|a| a.id),
        channel: channel.code().into(),
        verified: false,
        started_at: state.clock.now(),
    })
}

/// The session's reset, if it has not run out.
pub fn live(state: &AppState, reset: Option<PendingReset>) -> Option<PendingReset> {
    reset.filter(|r| state.clock.now() - r.started_at <= RESET_SECONDS)
}

/// Checks the code; answers the reset, now verified.
pub async fn enter_code(
    state: &AppState,
    caller: &Caller,
    mut reset: PendingReset,
    code: &str,
) -> Result<PendingReset, AppError> {
    let account = match &reset.account_id {
        Some(id) => db::by_id(&state.pool, id).await?,
        None => None,
    };
    let Some(account) = account else {
        // No account: the same checks and the same answer as a wrong code.
        domain::parse_code(code)?;
        return Err(AppError::field("code", "accounts-error-code-wrong"));
    };
    check(state, caller, &account, Purpose::Reset, code, "code").await?;
    reset.verified = true;
    Ok(reset)
}

/// The new password, the end of every session and remembered device, the owner told and the throttles cleared:
/// one transaction. `reset` must be verified.
pub async fn new_password(
    state: &AppState,
    reset: &PendingReset,
    password: &str,
    confirm: &str,
) -> Result<(), AppError> {
    let account_id = match (&reset.account_id, reset.verified) {
        (Some(id), true) => id,
        _ => return Err(AppError::internal("reset not verified")),
    };
    let account = db::by_id(&state.pool, account_id).await?.ok_or(AppError::NotFound)?;
    check_new_password(password, confirm, &account.id_number, &account.email)?;
    let mut tx = crate::db::begin_write(&state.pool).await?;
    super::account::replace_password(state, &mut tx, &account, password).await?;
    // Every session of the account ends, wherever it is; this browser signs in afresh.
    session::end(&mut tx, &account.id, None).await?;
    // A completed reset proves the owner: the wrong passwords and codes a stranger typed are forgotten.
    for key in [throttle::account_key(&account.id), throttle::codes_key(&account.id)] {
        throttle::clear(&mut *tx, &key).await?;
    }
    tx.commit().await.map_err(AppError::from)
}
