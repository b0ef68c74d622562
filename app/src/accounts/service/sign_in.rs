//! Signing in: email or ID number and password, then a code by SMS or email unless this browser is remembered.
//!
//! Unknown accounts and wrong passwords get the same message after the same work (a dummy hash is verified), and
//! throttling is keyed on what was typed, so neither the answer nor its timing tells whether an account exists.

use crate::{
    accounts::{
        challenges::{self, CodeCheck, Purpose},
        context::Ctx,
        db::{self, Account},
        domain::{self, Channel},
        outbox, secrets,
        session::{cookie_name, read_cookie, set_cookie, PendingSignIn, REMEMBER_SECONDS},
        throttle,
    },
    error::AppError,
};

use super::verification::{current, lang_of, pending_step, send_code};

/// How long the second step may take after the password.
const PENDING_SECONDS: i64 = 15 * 60;

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

fn too_many(wait: i64) -> AppError {
    let key = if wait > 60 {
        "accounts-error-throttled-minutes"
    } else {
        "accounts-error-throttled"
    };
    AppError::field("login", key)
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
    let keys = [throttle::login_key(&login), throttle::client_key(&ctx.client)];
    let wait = throttle::wait_seconds(pool, &keys, now)
        .await
        .map_err(AppError::internal)?;
    if wait > 0 {
        return Err(too_many(wait));
    }
    let account = db::by_login(pool, &login).await.map_err(AppError::internal)?;
    let right = ctx
        .state
        .passwords
        .verify(account.as_ref().map(|a| a.password_hash.as_str()), password)
        .await
        .map_err(AppError::internal)?;
    let Some(account) = account.filter(|_| right) else {
        return Err(failed(ctx, &keys, &login).await?);
    };
    throttle::clear(pool, &keys[0]).await.map_err(AppError::internal)?;
    if trusted_device(ctx, &account.id).await? {
        ctx.session
            .sign_in(&ctx.state, &account.id, true)
            .await
            .map_err(AppError::internal)?;
        return Ok(pending_step(&account).unwrap_or("dashboard").into());
    }
    if account.email_verified_at.is_none() {
        // Nothing verified to send a code to: straight to proving the email, which is all such an account can do.
        ctx.session
            .sign_in(&ctx.state, &account.id, false)
            .await
            .map_err(AppError::internal)?;
        return Ok("verify/email".into());
    }
    ctx.session.data.pending = Some(PendingSignIn {
        account_id: account.id.clone(),
        started_at: now,
    });
    let channel = usable_channel(&account, Channel::parse(&account.code_channel).unwrap_or(Channel::Sms));
    // Within the resend cooldown (a second sign-in right after the first) the code already sent still works.
    match send_code(ctx, &account, Purpose::SignIn, channel, "code").await {
        Ok(()) | Err(AppError::Invalid(_)) => Ok(format!("login/code?via={}", channel.code())),
        Err(other) => Err(other),
    }
}

/// Counts the failure on both keys; at the fifth in a row on a real account, its owner is told by email.
async fn failed(ctx: &Ctx, keys: &[String; 2], login: &str) -> Result<AppError, AppError> {
    let pool = &ctx.state.pool;
    let now = ctx.now();
    let failures = throttle::record_failure(pool, &keys[0], throttle::LOGIN_THRESHOLD, now)
        .await
        .map_err(AppError::internal)?;
    throttle::record_failure(pool, &keys[1], throttle::CLIENT_THRESHOLD, now)
        .await
        .map_err(AppError::internal)?;
    if failures == throttle::LOGIN_THRESHOLD {
        if let Some(account) = db::by_login(pool, login).await.map_err(AppError::internal)? {
            let mut conn = pool.acquire().await.map_err(AppError::internal)?;
            outbox::enqueue(
                &mut conn,
                &ctx.state,
                lang_of(&account),
                Channel::Email,
                &account.email,
                "message-failures",
                &[],
            )
            .await
            .map_err(AppError::internal)?;
        }
    }
    Ok(AppError::field("login", "accounts-error-sign-in"))
}

/// SMS needs a verified phone; otherwise codes go by email.
fn usable_channel(account: &Account, wanted: Channel) -> Channel {
    if wanted == Channel::Sms && account.phone_verified_at.is_none() {
        Channel::Email
    } else {
        wanted
    }
}

/// Is this browser remembered for the account (a live device-trust cookie)?
async fn trusted_device(ctx: &Ctx, account_id: &str) -> Result<bool, AppError> {
    let Some(token) = read_cookie(&ctx.headers, &cookie_name(&ctx.state, "uraia_device")) else {
        return Ok(false);
    };
    let now = ctx.now();
    let found = sqlx::query(
        "UPDATE trusted_devices SET last_used_at = $1 WHERE token_hash = $2 AND account_id = $3 AND expires_at > $1",
    )
    .bind(now)
    .bind(secrets::hash(&token))
    .bind(account_id)
    .execute(&ctx.state.pool)
    .await
    .map_err(AppError::internal)?;
    Ok(found.rows_affected() == 1)
}

/// The account waiting for its second step, if the wait has not run out.
pub async fn pending_account(ctx: &Ctx) -> Result<Account, AppError> {
    let pending = ctx.session.data.pending.clone().ok_or(AppError::SignInRequired)?;
    if ctx.now() - pending.started_at > PENDING_SECONDS {
        return Err(AppError::SignInRequired);
    }
    db::by_id(&ctx.state.pool, &pending.account_id)
        .await
        .map_err(AppError::internal)?
        .ok_or(AppError::SignInRequired)
}

/// "Send the code by email instead" (or by SMS): a new code on the other channel, within the resend rules.
pub async fn resend_code(ctx: &mut Ctx, via: &str) -> Result<String, AppError> {
    let account = pending_account(ctx).await?;
    let channel = usable_channel(&account, Channel::parse(via).unwrap_or(Channel::Sms));
    send_code(ctx, &account, Purpose::SignIn, channel, "code").await?;
    ctx.session.data.notice = Some("accounts-notice-code-sent".into());
    Ok(format!("login/code?via={}", channel.code()))
}

pub async fn enter_code(ctx: &mut Ctx, code: &str, remember: bool) -> Result<String, AppError> {
    let account = pending_account(ctx).await?;
    let code = domain::parse_code(code)?;
    let now = ctx.now();
    let check = challenges::check_code(&ctx.state.pool, &account.id, Purpose::SignIn, &code, now)
        .await
        .map_err(AppError::internal)?;
    if check != CodeCheck::Right {
        return Err(AppError::field("code", check.error_key()));
    }
    ctx.session
        .sign_in(&ctx.state, &account.id, remember)
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
    sqlx::query(
        "INSERT INTO trusted_devices (id, account_id, token_hash, label, created_at, last_used_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $5, $6)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(account_id)
    .bind(secrets::hash(&token))
    .bind(label)
    .bind(now)
    .bind(now + REMEMBER_SECONDS)
    .execute(&ctx.state.pool)
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

/// The signed-in, fully verified account, or where to send the person instead.
pub async fn verified_account(ctx: &Ctx) -> Result<Result<Account, &'static str>, AppError> {
    let account = match current(ctx).await {
        Ok(account) => account,
        Err(AppError::SignInRequired) => return Ok(Err("login")),
        Err(other) => return Err(other),
    };
    Ok(match pending_step(&account) {
        Some(step) => Err(step),
        None => Ok(account),
    })
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
