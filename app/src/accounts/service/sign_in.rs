//! Signing in: email or ID number and password, then a code by SMS or email unless this browser is remembered.
//!
//! Unknown accounts and wrong passwords get the same message after the same work (a dummy hash is verified), and
//! throttling is keyed on what was typed, so neither the answer nor its timing tells whether an account exists.

use serde::{Deserialize, Serialize};

use crate::{
    accounts::{
        db::{self, Account},
        domain::Channel,
    },
    error::{AppError, FieldError},
    ids::AccountId,
    state::AppState,
    web::{
        challenges::Purpose,
        context::Caller,
        outbox::{self, Message},
        secrets,
        session::{Entry, REMEMBER_SECONDS},
        throttle::{self, Reservation},
    },
};

use super::verification::{check, lang_of, send_code};

/// How long the second step may take after the password.
const PENDING_SECONDS: i64 = 15 * 60;

/// Password accepted, second step not yet done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingSignIn {
    pub account_id: AccountId,
    pub started_at: i64,
}

impl Entry for PendingSignIn {
    const KEY: &'static str = "sign_in";
}

/// What a person types to sign in, normalised: an email lower-cased, a document number compacted.
pub fn normalise_login(raw: &str) -> String {
    let raw = raw.trim();
    if raw.contains('@') {
        raw.to_lowercase()
    } else {
        raw.chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect::<String>()
            .to_uppercase()
    }
}

/// A right password's outcome.
#[derive(Debug, Clone)]
pub enum Signing {
    /// Signed in now: a remembered browser, or an account with no verified channel yet (it can only prove its
    /// email).
    Done(Box<Account>),
    /// A code went to `channel` (or the one sent moments ago still works); the second step is `pending`.
    CodeSent { pending: PendingSignIn, channel: Channel },
}

pub async fn sign_in(state: &AppState, caller: &Caller, login: &str, password: &str) -> Result<Signing, AppError> {
    let login = normalise_login(login);
    let mut errors = vec![];
    if login.is_empty() {
        errors.push(FieldError::new("login", "accounts-error-login-missing"));
    }
    if password.is_empty() {
        errors.push(FieldError::new("password", "accounts-error-password-missing"));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let pool = &state.pool;
    let now = state.clock.now();
    let account = db::by_login(pool, &login).await?;
    // One budget per account, whichever identifier was typed; an unknown identifier gets one of its own.
    let account_key = match &account {
        Some(account) => throttle::account_key(&account.id),
        None => throttle::login_key(&login),
    };
    let client_key = throttle::client_key(&caller.client);
    // A browser the owner asked us to remember is not held back by a stranger's wrong passwords on the account
    // (the address's budget still applies).
    let remembered = match &account {
        Some(account) => trusted_device(state, caller, &account.id, false).await?,
        None => false,
    };
    let client_wait = throttle::locked_for(pool, &client_key, now).await?;
    if client_wait > 0 {
        return Err(throttle::too_many("login", client_wait).into());
    }
    let mut attempt = 0;
    if !remembered {
        match throttle::reserve(pool, &account_key, throttle::LOGIN, now).await? {
            Reservation::Granted(n) => attempt = n,
            Reservation::Locked(wait) => return Err(throttle::too_many("login", wait).into()),
        }
    }
    let right = state
        .passwords
        .verify(account.as_ref().map(|a| a.password_hash.as_str()), password)
        .await?;
    let account = match account {
        Some(account) if right => account,
        other => {
            throttle::count_failure(pool, &client_key, throttle::CLIENT, now).await?;
            if let (Some(account), true) = (other, attempt == throttle::LOGIN.threshold) {
                tell_owner(state, &account).await?;
            }
            return Err(AppError::field("login", "accounts-error-sign-in"));
        }
    };
    throttle::clear(pool, &account_key).await?;
    // Staff always give the second step: a remembered browser does not skip it.
    let staff = db::is_staff(pool, &account.id).await?;
    if remembered && !staff && trusted_device(state, caller, &account.id, true).await? {
        return Ok(Signing::Done(Box::new(account)));
    }
    if account.email_verified_at.is_none() {
        // Nothing verified to send a code to: straight to proving the email, which is all such an account can do.
        return Ok(Signing::Done(Box::new(account)));
    }
    let wanted = account.code_channel;
    // The email is verified here (checked above), so there is always a verified channel.
    let channel = account.verified_channel(wanted).unwrap_or(Channel::Email);
    // Within the resend cooldown (a second sign-in right after the first) the code already sent still works.
    match send_code(state, &account, Purpose::SignIn, channel, "code").await {
        Ok(()) | Err(AppError::Invalid(_)) => Ok(Signing::CodeSent {
            pending: PendingSignIn {
                account_id: account.id,
                started_at: now,
            },
            channel,
        }),
        Err(other) => Err(other),
    }
}

/// At the threshold-th failure in a row on a real account, its owner is told by email.
async fn tell_owner(state: &AppState, account: &Account) -> Result<(), AppError> {
    let mut conn = state.pool.acquire().await?;
    let message = Message {
        lang: lang_of(account),
        channel: Channel::Email,
        to: &account.email,
        key: "message-failures",
        args: &[],
        secret: None,
    };
    outbox::enqueue(&mut conn, state, message).await.map_err(AppError::from)
}

/// Is the caller's browser remembered for the account (a live device-trust token)? `touch` records the use.
async fn trusted_device(state: &AppState, caller: &Caller, account_id: &str, touch: bool) -> Result<bool, AppError> {
    let Some(token) = &caller.device_token else {
        return Ok(false);
    };
    db::devices::is_trusted(&state.pool, account_id, &secrets::hash(token), state.clock.now(), touch)
        .await
        .map_err(AppError::from)
}

/// The account waiting for its second step, if the wait has not run out.
pub async fn pending_account(state: &AppState, pending: Option<PendingSignIn>) -> Result<Account, AppError> {
    let pending = pending.ok_or(AppError::SignInRequired)?;
    if state.clock.now() - pending.started_at > PENDING_SECONDS {
        return Err(AppError::SignInRequired);
    }
    db::by_id(&state.pool, &pending.account_id)
        .await?
        .ok_or(AppError::SignInRequired)
}

/// "Send the code by email instead" (or by SMS): a new code on the other channel, within the resend rules.
/// Only to a verified channel: a person past the password cannot move the second step anywhere else.
pub async fn resend_code(state: &AppState, account: &Account, via: Channel) -> Result<Channel, AppError> {
    let channel = account.verified_channel(via).ok_or(AppError::SignInRequired)?;
    send_code(state, account, Purpose::SignIn, channel, "code").await?;
    Ok(channel)
}

/// The second step done: the token of the browser to remember, when the person asked for it.
pub async fn enter_code(
    state: &AppState,
    caller: &Caller,
    account: &Account,
    code: &str,
    remember: bool,
) -> Result<Option<String>, AppError> {
    check(state, caller, account, Purpose::SignIn, code, "code").await?;
    // A staff member's browser is never remembered.
    if !remember || db::is_staff(&state.pool, &account.id).await? {
        return Ok(None);
    }
    remember_device(state, caller, &account.id).await.map(Some)
}

/// Stores a device-trust token (hashed) with a 30-day absolute expiry; answers the token for the cookie.
async fn remember_device(state: &AppState, caller: &Caller, account_id: &str) -> Result<String, AppError> {
    let token = secrets::token();
    let now = state.clock.now();
    let device = db::devices::NewDevice {
        account_id,
        token_hash: &secrets::hash(&token),
        label: &caller.browser,
        now,
        expires_at: now + REMEMBER_SECONDS,
    };
    db::devices::remember(&state.pool, device).await?;
    Ok(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_are_normalised_like_the_stored_values() {
        assert_eq!(normalise_login(" Wanjiku@Example.com "), "wanjiku@example.com");
        assert_eq!(normalise_login("28 123 456"), "28123456");
        assert_eq!(normalise_login("ak-123456"), "AK123456");
    }
}
