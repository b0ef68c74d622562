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
    ids::AccountId,
    state::AppState,
    web::{
        challenges::{self, CodeRequest, Purpose, Trier},
        context::Caller,
        outbox::{self, Message},
    },
};

/// The account behind a session (verified or not), or `SignInRequired`.
pub async fn account(state: &AppState, id: Option<&str>) -> Result<Account, AppError> {
    let id = id.ok_or(AppError::SignInRequired)?;
    db::by_id(&state.pool, id).await?.ok_or(AppError::SignInRequired)
}

pub fn lang_of(account: &Account) -> Lang {
    Lang::parse(&account.language).unwrap_or_default()
}

/// Queues the email with a new confirmation link. Links are built from the configured origin, never from the
/// request's Host header (which anyone can forge into a genuine email).
pub async fn send_link(
    conn: &mut sqlx::AnyConnection,
    state: &AppState,
    lang: Lang,
    account_id: &str,
    email: &str,
) -> anyhow::Result<()> {
    let token = challenges::new_link(conn, account_id, email, state.clock.now()).await?;
    let link = format!("{}{}?token={token}", state.origin, lang.href("verify/email/confirm"));
    let hours = (challenges::LINK_SECONDS / 3_600).to_string();
    let message = Message {
        lang,
        channel: Channel::Email,
        to: email,
        key: "message-verify-email",
        args: &[("link", link), ("hours", hours)],
        secret: Some(("link", challenges::LINK_SECONDS)),
    };
    outbox::enqueue(conn, state, message).await
}

/// Queues a code to `channel`'s address of the account, within the resend rules.
pub async fn send_code(
    state: &AppState,
    account: &Account,
    purpose: Purpose,
    channel: Channel,
    field: &str,
) -> Result<(), AppError> {
    send_code_to(state, account, purpose, channel, account.address(channel), field).await
}

/// Queues a code to `to` (the account's own address, or a number it is moving to), within the resend rules.
pub async fn send_code_to(
    state: &AppState,
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
        Purpose::Reset
        | Purpose::VerifyEmail
        | Purpose::TimsLink
        | Purpose::TransferAccept
        | Purpose::OrganisationJoin => "message-reset-code",
    };
    challenges::send_code(
        state,
        CodeRequest {
            account_id: &account.id,
            purpose,
            channel,
            to,
            subject: "",
            lang: lang_of(account),
            message,
            field,
        },
    )
    .await
}

/// Checks a code the account typed in `field`; answers the address it was sent to.
pub async fn check(
    state: &AppState,
    caller: &Caller,
    account: &Account,
    purpose: Purpose,
    code: &str,
    field: &str,
) -> Result<String, AppError> {
    let who = Trier {
        account_id: &account.id,
        client: &caller.client,
    };
    check_typed(state, who, (purpose, ""), code, field).await
}

/// Checks a code as typed in `field` (any spacing) by `who`, for any purpose and what it authorises (a TIMS record,
/// a transfer offer; empty for the account's own codes); answers the address it was sent to, or the field's
/// message.
pub async fn check_typed(
    state: &AppState,
    who: Trier<'_>,
    scope: (Purpose, &str),
    code: &str,
    field: &str,
) -> Result<String, AppError> {
    let code = domain::parse_code(code)?;
    challenges::check_code(&state.pool, &state.code_key, who, scope, &code, state.clock.now())
        .await?
        .right(field)
}

/// The address a link is waiting on: the unverified one of a new account, or a pending new address.
fn awaited_email(account: &Account) -> Option<&str> {
    match (&account.email_verified_at, &account.pending_email) {
        (None, _) => Some(&account.email),
        (Some(_), Some(pending)) => Some(pending),
        (Some(_), None) => None,
    }
}

/// Which address a resent link went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkSent {
    /// A new account's address.
    Registered,
    /// A pending new address of a verified account.
    Changed,
    /// No address is waiting for a link.
    NoneAwaited,
}

pub async fn resend_link(state: &AppState, account: &Account) -> Result<LinkSent, AppError> {
    let Some(email) = awaited_email(account) else {
        return Ok(LinkSent::NoneAwaited);
    };
    let mut tx = crate::db::begin_write(&state.pool).await?;
    challenges::may_send(&mut tx, &account.id, Purpose::VerifyEmail, "resend", state.clock.now()).await??;
    send_link(&mut tx, state, lang_of(account), &account.id, email).await?;
    tx.commit().await?;
    Ok(match account.email_verified_at {
        Some(_) => LinkSent::Changed,
        None => LinkSent::Registered,
    })
}

/// Corrects a mistyped address during registration: only while the account's email has never been verified.
/// Every later change goes through the account page (password and a code to a verified channel).
pub async fn change_unverified_email(state: &AppState, account: &Account, email: &str) -> Result<(), AppError> {
    if account.email_verified_at.is_some() {
        return Err(AppError::NotFound);
    }
    let email = crate::ids::Email::parse(email)?;
    let taken = db::taken(&state.pool, None, &email, "").await?;
    if email != account.email && !taken.is_empty() {
        return Err(AppError::field("email", "accounts-error-email-taken"));
    }
    let mut tx = crate::db::begin_write(&state.pool).await?;
    challenges::may_send(&mut tx, &account.id, Purpose::VerifyEmail, "email", state.clock.now()).await??;
    // Conditional: a verification that lands meanwhile wins, and the address stays.
    let updated = db::contact::replace_unverified_email(&mut tx, &account.id, &email)
        .await
        .map_err(unique_email)?;
    if updated != 1 {
        return Err(AppError::NotFound);
    }
    send_link(&mut tx, state, lang_of(account), &account.id, &email).await?;
    tx.commit().await.map_err(AppError::from)
}

fn unique_email(error: anyhow::Error) -> AppError {
    if db::is_unique_violation(&error) {
        AppError::field("email", "accounts-error-email-taken")
    } else {
        AppError::internal(error)
    }
}

/// What a used link proved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmailProven {
    /// A new account's address; `phone_verified` says whether its number is proven too (else its code went out).
    Registered { account: AccountId, phone_verified: bool },
    /// A pending new address, which is now the account's.
    Changed { account: AccountId },
}

/// Uses an email link. A link proves the address it was sent to: a new account's address (then the phone's
/// code goes out), or a pending new address, which then replaces the old one (and the old one is told).
pub async fn confirm_email(state: &AppState, token: &str) -> Result<EmailProven, AppError> {
    let now = state.clock.now();
    let used = challenges::use_link(&state.pool, token.trim(), now).await?;
    let Some(used) = used else {
        return Err(AppError::field("token", "accounts-error-link"));
    };
    let account = db::by_id(&state.pool, &used.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if awaited_email(&account) != Some(used.sent_to.as_str()) {
        return Err(AppError::field("token", "accounts-error-link"));
    }
    if account.email_verified_at.is_some() {
        replace_email(state, &account, &used.sent_to).await?;
        return Ok(EmailProven::Changed { account: account.id });
    }
    db::contact::mark_email_verified(&state.pool, &account.id, now).await?;
    if account.phone_verified_at.is_none() {
        send_code(state, &account, Purpose::VerifyPhone, Channel::Sms, "code").await?;
    }
    Ok(EmailProven::Registered {
        phone_verified: account.phone_verified_at.is_some(),
        account: account.id,
    })
}

/// The pending address, now proven, becomes the account's; the old address and the phone are told.
async fn replace_email(state: &AppState, account: &Account, email: &str) -> Result<(), AppError> {
    let mut tx = crate::db::begin_write(&state.pool).await?;
    db::contact::adopt_email(&mut tx, &account.id, email, state.clock.now())
        .await
        .map_err(unique_email)?;
    let args = [("address", email.to_string())];
    notify::tell_owner(&mut tx, state, account, "message-changed-email", &args).await?;
    tx.commit().await.map_err(AppError::from)
}

/// The number a code is waiting on: a new account's, or a pending new number.
pub fn awaited_phone(account: &Account) -> &str {
    match (&account.phone_verified_at, &account.pending_phone) {
        (Some(_), Some(pending)) => pending,
        _ => &account.phone,
    }
}

pub async fn resend_phone_code(state: &AppState, account: &Account) -> Result<(), AppError> {
    let to = awaited_phone(account);
    send_code_to(state, account, Purpose::VerifyPhone, Channel::Sms, to, "code").await
}

/// What a right phone code proved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneProven {
    /// A new account's number: the account is verified.
    Registered,
    /// A pending new number, which is now the account's.
    Changed,
}

pub async fn verify_phone(
    state: &AppState,
    caller: &Caller,
    account: &Account,
    code: &str,
) -> Result<PhoneProven, AppError> {
    let sent_to = check(state, caller, account, Purpose::VerifyPhone, code, "code").await?;
    let now = state.clock.now();
    if sent_to != awaited_phone(account) {
        // A code sent to a number the account has since moved away from.
        return Err(AppError::field("code", "accounts-error-code-expired"));
    }
    if account.phone_verified_at.is_none() {
        db::contact::mark_phone_verified(&state.pool, &account.id, now).await?;
        return Ok(PhoneProven::Registered);
    }
    let mut tx = crate::db::begin_write(&state.pool).await?;
    db::contact::adopt_phone(&mut tx, &account.id, &sent_to, now)
        .await
        .map_err(|e| match e {
            e if db::is_unique_violation(&e) => AppError::field("code", "accounts-error-phone-taken"),
            e => AppError::internal(e),
        })?;
    let args = [("number", display_phone(&sent_to))];
    notify::tell_owner(&mut tx, state, account, "message-changed-phone", &args).await?;
    tx.commit().await?;
    Ok(PhoneProven::Changed)
}
