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
    error::AppError,
    web::{
        challenges::Purpose,
        context::Ctx,
        outbox::{self, Message},
        secrets,
        session::{cookie_name, read_cookie, set_cookie, Entry, REMEMBER_SECONDS},
        throttle::{self, Reservation},
    },
};

use super::verification::{check, lang_of, pending_step, send_code};

/// How long the second step may take after the password.
const PENDING_SECONDS: i64 = 15 * 60;

/// Password accepted, second step not yet done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingSignIn {
    pub account_id: String,
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

pub async fn sign_in(ctx: &mut Ctx, login: &str, password: &str) -> Result<String, AppError> {
    let login = normalise_login(login);
    let mut errors = vec![];
    if login.is_empty() {
        errors.push(crate::error::FieldError::new("login", "accounts-error-login-missing"));
    }
    if password.is_empty() {
        errors.push(crate::error::FieldError::new(
            "password",
            "accounts-error-password-missing",
        ));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let pool = &ctx.state.pool;
    let now = ctx.now();
    let account = db::by_login(pool, &login).await.map_err(AppError::internal)?;
    // One budget per account, whichever identifier was typed; an unknown identifier gets one of its own.
    let account_key = match &account {
        Some(account) => throttle::account_key(&account.id),
        None => throttle::login_key(&login),
    };
    let client_key = throttle::client_key(&ctx.client);
    // A browser the owner asked us to remember is not held back by a stranger's wrong passwords on the account
    // (the address's budget still applies).
    let remembered = match &account {
        Some(account) => trusted_device(ctx, &account.id, false).await?,
        None => false,
    };
    let client_wait = throttle::locked_for(pool, &client_key, now)
        .await
        .map_err(AppError::internal)?;
    if client_wait > 0 {
        return Err(throttle::too_many("login", client_wait).into());
    }
    let mut attempt = 0;
    if !remembered {
        match throttle::reserve(pool, &account_key, throttle::LOGIN, now)
            .await
            .map_err(AppError::internal)?
        {
            Reservation::Granted(n) => attempt = n,
            Reservation::Locked(wait) => return Err(throttle::too_many("login", wait).into()),
        }
    }
    let right = ctx
        .state
        .passwords
        .verify(account.as_ref().map(|a| a.password_hash.as_str()), password)
        .await
        .map_err(AppError::internal)?;
    let account = match account {
        Some(account) if right => account,
        other => {
            throttle::count_failure(pool, &client_key, throttle::CLIENT, now)
                .await
                .map_err(AppError::internal)?;
            if let (Some(account), true) = (other, attempt == throttle::LOGIN.threshold) {
                tell_owner(ctx, &account).await?;
            }
            return Err(AppError::field("login", "accounts-error-sign-in"));
        }
    };
    throttle::clear(pool, &account_key).await.map_err(AppError::internal)?;
    if remembered && trusted_device(ctx, &account.id, true).await? {
        ctx.session
            .sign_in(&ctx.state, &account.id, device_label(&ctx.headers))
            .await
            .map_err(AppError::internal)?;
        return Ok(pending_step(&account).unwrap_or("dashboard").into());
    }
    if account.email_verified_at.is_none() {
        // Nothing verified to send a code to: straight to proving the email, which is all such an account can do.
        ctx.session
            .sign_in(&ctx.state, &account.id, device_label(&ctx.headers))
            .await
            .map_err(AppError::internal)?;
        return Ok("verify/email".into());
    }
    ctx.session.data.set(&PendingSignIn {
        account_id: account.id.clone(),
        started_at: now,
    });
    let wanted = Channel::parse(&account.code_channel).unwrap_or(Channel::Sms);
    // The email is verified here (checked above), so there is always a verified channel.
    let channel = account.verified_channel(wanted).unwrap_or(Channel::Email);
    // Within the resend cooldown (a second sign-in right after the first) the code already sent still works.
    match send_code(ctx, &account, Purpose::SignIn, channel, "code").await {
        Ok(()) | Err(AppError::Invalid(_)) => Ok(format!("login/code?via={}", channel.code())),
        Err(other) => Err(other),
    }
}

/// At the threshold-th failure in a row on a real account, its owner is told by email.
async fn tell_owner(ctx: &Ctx, account: &Account) -> Result<(), AppError> {
    let mut conn = ctx.state.pool.acquire().await.map_err(AppError::internal)?;
    let message = Message {
        lang: lang_of(account),
        channel: Channel::Email,
        to: &account.email,
        key: "message-failures",
        args: &[],
        secret: None,
    };
    outbox::enqueue(&mut conn, &ctx.state, message)
        .await
        .map_err(AppError::internal)
}

/// Is this browser remembered for the account (a live device-trust cookie)? `touch` records the use.
async fn trusted_device(ctx: &Ctx, account_id: &str, touch: bool) -> Result<bool, AppError> {
    let Some(token) = read_cookie(&ctx.headers, &cookie_name(&ctx.state, "uraia_device")) else {
        return Ok(false);
    };
    db::devices::is_trusted(&ctx.state.pool, account_id, &secrets::hash(&token), ctx.now(), touch)
        .await
        .map_err(AppError::internal)
}

/// The account waiting for its second step, if the wait has not run out.
pub async fn pending_account(ctx: &Ctx) -> Result<Account, AppError> {
    let pending: PendingSignIn = ctx.session.data.get().ok_or(AppError::SignInRequired)?;
    if ctx.now() - pending.started_at > PENDING_SECONDS {
        return Err(AppError::SignInRequired);
    }
    db::by_id(&ctx.state.pool, &pending.account_id)
        .await
        .map_err(AppError::internal)?
        .ok_or(AppError::SignInRequired)
}

/// "Send the code by email instead" (or by SMS): a new code on the other channel, within the resend rules.
/// Only to a verified channel: a person past the password cannot move the second step anywhere else.
pub async fn resend_code(ctx: &mut Ctx, via: Channel) -> Result<String, AppError> {
    let account = pending_account(ctx).await?;
    let channel = account.verified_channel(via).ok_or(AppError::SignInRequired)?;
    send_code(ctx, &account, Purpose::SignIn, channel, "code").await?;
    ctx.session.data.notice = Some("accounts-notice-code-sent".into());
    Ok(format!("login/code?via={}", channel.code()))
}

pub async fn enter_code(ctx: &mut Ctx, code: &str, remember: bool) -> Result<String, AppError> {
    let account = pending_account(ctx).await?;
    check(ctx, &account, Purpose::SignIn, code, "code").await?;
    let now = ctx.now();
    ctx.session
        .sign_in(&ctx.state, &account.id, device_label(&ctx.headers))
        .await
        .map_err(AppError::internal)?;
    if remember {
        remember_device(ctx, &account.id, now).await?;
    }
    Ok(pending_step(&account).unwrap_or("dashboard").into())
}

/// Stores a device-trust token (hashed) with a 30-day absolute expiry and sends its cookie.
async fn remember_device(ctx: &Ctx, account_id: &str, now: i64) -> Result<(), AppError> {
    let token = secrets::token();
    let label = device_label(&ctx.headers);
    let device = db::devices::NewDevice {
        account_id,
        token_hash: &secrets::hash(&token),
        label: &label,
        now,
        expires_at: now + REMEMBER_SECONDS,
    };
    db::devices::remember(&ctx.state.pool, device)
        .await
        .map_err(AppError::internal)?;
    set_cookie(
        &ctx.state,
        ctx.response(),
        &cookie_name(&ctx.state, "uraia_device"),
        &token,
        Some(REMEMBER_SECONDS),
    );
    Ok(())
}

/// A name a person recognises in the list of remembered devices: browser and system from the User-Agent.
pub fn device_label(headers: &http::HeaderMap) -> String {
    let agent = headers
        .get(http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let browser = ["Edg", "OPR", "Firefox", "Chrome", "Safari"]
        .into_iter()
        .find(|b| agent.contains(b))
        .map(|b| match b {
            "Edg" => "Edge",
            "OPR" => "Opera",
            other => other,
        })
        .unwrap_or("Browser");
    let system = ["Android", "iPhone", "Windows", "Mac OS", "Linux"]
        .into_iter()
        .find(|s| agent.contains(s))
        .unwrap_or("unknown system");
    format!("{browser} on {system}")
}

pub async fn sign_out(ctx: &mut Ctx) -> Result<String, AppError> {
    ctx.session.sign_out(&ctx.state).await.map_err(AppError::internal)?;
    ctx.session.data.notice = Some("accounts-notice-signed-out".into());
    Ok("login".into())
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

    #[test]
    fn devices_are_named_by_browser_and_system() {
        let mut headers = http::HeaderMap::new();
        headers.insert(
            http::header::USER_AGENT,
            "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"
                .parse()
                .unwrap(),
        );
        assert_eq!(device_label(&headers), "Chrome on Android");
    }
}
