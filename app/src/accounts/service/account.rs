//! The account page's changes: password, email, phone, code channel, remembered devices.
//!
//! Every sensitive change asks for the password again (throttled like sign-in, so a stolen session cannot guess
//! it), and the owner is told on the channels they had before (OWASP ASVS 5.0 V6.2.2, V6.3.7). A new email
//! address or phone number also needs a code sent to a channel that is already verified, and is held as pending
//! until its own link or code proves it: the old one keeps working, and the account never has an unproven
//! channel for its second step.

use serde::{Deserialize, Serialize};

use crate::{
    accounts::{
        db::{self, contact::Pending, devices::Device, Account},
        domain::{display_phone, Channel},
        notify,
    },
    error::AppError,
    state::AppState,
    web::{
        challenges::Purpose,
        context::Caller,
        session::{self, Entry},
        throttle::{self, Reservation},
    },
};

use super::{
    registration::check_new_password,
    verification::{check, lang_of, send_code, send_code_to, send_link},
};

/// How long the code of a change may take.
const CHANGE_SECONDS: i64 = 15 * 60;

/// A change of email or phone waiting for the code sent to a verified channel (the step-up).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingChange {
    /// "email" or "phone".
    pub field: String,
    /// The new address or number, parsed.
    pub value: String,
    /// Where the step-up code went.
    pub channel: String,
    pub started_at: i64,
}

impl Entry for PendingChange {
    const KEY: &'static str = "change";
}

/// Hashes and stores a new password, forgets every remembered device and tells the owner, in one transaction.
pub async fn replace_password(
    state: &AppState,
    tx: &mut sqlx::AnyConnection,
    account: &Account,
    password: &str,
) -> Result<(), AppError> {
    let hash = state.passwords.hash(password).await?;
    db::set_password(tx, &account.id, &hash).await?;
    notify::tell_owner(tx, state, account, "message-changed-password", &[])
        .await
        .map_err(AppError::from)
}

/// The password typed again before a change, on the account's sign-in budget.
pub async fn check_current(state: &AppState, account: &Account, password: &str, field: &str) -> Result<(), AppError> {
    let (pool, key) = (&state.pool, throttle::account_key(&account.id));
    if let Reservation::Locked(wait) = throttle::reserve(pool, &key, throttle::LOGIN, state.clock.now()).await? {
        return Err(throttle::too_many(field, wait).into());
    }
    let right = state.passwords.verify(Some(&account.password_hash), password).await?;
    if !right {
        return Err(AppError::field(field, "accounts-error-current-password"));
    }
    throttle::clear(pool, &key).await.map_err(AppError::from)
}

/// A new password; every other session of the account ends (the caller's stays).
pub async fn change_password(
    state: &AppState,
    caller: &Caller,
    account: &Account,
    current_password: &str,
    password: &str,
    confirm: &str,
) -> Result<(), AppError> {
    check_current(state, account, current_password, "current_password").await?;
    check_new_password(password, confirm, &account.id_number, &account.email)?;
    let mut tx = crate::db::begin_write(&state.pool).await?;
    replace_password(state, &mut tx, account, password).await?;
    session::end_others(&mut tx, &account.id, &caller.session).await?;
    tx.commit().await.map_err(AppError::from)
}

/// A new email address: the password, then a code to a verified channel (`confirm_change`).
pub async fn change_email(
    state: &AppState,
    account: &Account,
    password: &str,
    email: &str,
) -> Result<PendingChange, AppError> {
    let email = crate::ids::Email::parse(email)?;
    check_current(state, account, password, "email_password").await?;
    if email == account.email {
        return Err(AppError::field("email", "accounts-error-email-same"));
    }
    if !db::taken(&state.pool, None, &email, "").await?.is_empty() {
        return Err(AppError::field("email", "accounts-error-email-taken"));
    }
    start_change(state, account, "email", email.into_string()).await
}

/// A new mobile number: the password, then a code to a verified channel (`confirm_change`).
pub async fn change_phone(
    state: &AppState,
    account: &Account,
    password: &str,
    phone: &str,
) -> Result<PendingChange, AppError> {
    let phone = crate::ids::PhoneNumber::parse(phone)?;
    check_current(state, account, password, "phone_password").await?;
    if phone == account.phone {
        return Err(AppError::field("phone", "accounts-error-phone-same"));
    }
    if !db::taken(&state.pool, None, "", &phone).await?.is_empty() {
        return Err(AppError::field("phone", "accounts-error-phone-taken"));
    }
    start_change(state, account, "phone", phone.into_string()).await
}

/// Sends the step-up code to the account's code channel (verified: only verified accounts reach this page); the
/// change waits (in the caller's keeping) until the code comes back.
async fn start_change(
    state: &AppState,
    account: &Account,
    field: &str,
    value: String,
) -> Result<PendingChange, AppError> {
    let wanted = account.code_channel;
    let channel = account.verified_channel(wanted).ok_or(AppError::NotFound)?;
    send_code(state, account, Purpose::StepUp, channel, field).await?;
    Ok(PendingChange {
        field: field.into(),
        value,
        channel: channel.code().into(),
        started_at: state.clock.now(),
    })
}

/// The change waiting for its code, if it has not run out.
pub fn live(state: &AppState, change: Option<PendingChange>) -> Option<PendingChange> {
    change.filter(|change| state.clock.now() - change.started_at <= CHANGE_SECONDS)
}

/// What a right step-up code set going.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changing {
    /// The new address's link is on its way.
    Email,
    /// The new number's code is on its way.
    Phone,
}

/// The step-up code came back right: the new address gets its link, or the new number its code. Until that
/// proof, the new value is only pending.
pub async fn confirm_change(
    state: &AppState,
    caller: &Caller,
    account: &Account,
    change: &PendingChange,
    code: &str,
) -> Result<Changing, AppError> {
    check(state, caller, account, Purpose::StepUp, code, "code").await?;
    if change.field == "email" {
        // The address and its link in one transaction.
        let mut tx = crate::db::begin_write(&state.pool).await?;
        db::contact::set_pending(&mut tx, &account.id, Pending::Email, &change.value).await?;
        send_link(&mut tx, state, lang_of(account), &account.id, &change.value).await?;
        tx.commit().await?;
        Ok(Changing::Email)
    } else {
        // The send rules first (a refused send writes nothing), then the number is held as pending.
        send_code_to(
            state,
            account,
            Purpose::VerifyPhone,
            Channel::Sms,
            &change.value,
            "code",
        )
        .await?;
        let mut conn = state.pool.acquire().await?;
        db::contact::set_pending(&mut conn, &account.id, Pending::Phone, &change.value).await?;
        Ok(Changing::Phone)
    }
}

/// Which verified channel second-step codes go to: the password again, and the owner is told.
pub async fn set_channel(state: &AppState, account: &Account, password: &str, channel: &str) -> Result<(), AppError> {
    let channel = Channel::parse(channel).ok_or_else(|| AppError::field("channel", "accounts-error-channel"))?;
    check_current(state, account, password, "channel_password").await?;
    if account.verified_channel(channel) != Some(channel) {
        return Err(AppError::field("channel", "accounts-error-channel"));
    }
    let mut tx = crate::db::begin_write(&state.pool).await?;
    db::contact::set_code_channel(&mut tx, &account.id, channel.code()).await?;
    let args = [(
        "channel",
        lang_of(account).t(&format!("accounts-channel-{}", channel.code())),
    )];
    notify::tell_owner(&mut tx, state, account, "message-changed-channel", &args).await?;
    tx.commit().await.map_err(AppError::from)
}

pub async fn forget_device(state: &AppState, account: &Account, device: &str) -> Result<(), AppError> {
    db::devices::forget(&state.pool, &account.id, device)
        .await
        .map_err(AppError::from)
}

/// The remembered devices still in date, the newest first.
pub async fn devices(state: &AppState, account_id: &str) -> Result<Vec<Device>, AppError> {
    db::devices::of_account(&state.pool, account_id, state.clock.now())
        .await
        .map_err(AppError::from)
}

/// Where the step-up code of a change went, for the page that asks for it: the channel and the masked address.
pub fn step_up_destination(account: &Account, change: &PendingChange) -> String {
    match Channel::parse(&change.channel) {
        Some(Channel::Email) => mask_email(&account.email),
        _ => display_phone(&account.phone),
    }
}

/// `wanjiku@example.com` → `w*****u@example.com`: enough to recognise, not enough to harvest.
pub fn mask_email(email: &str) -> String {
    let Some((name, domain)) = email.split_once('@') else {
        return email.to_string();
    };
    let chars: Vec<char> = name.chars().collect();
    let masked = match chars.len() {
        0..=2 => "*".repeat(chars.len()),
        n => format!("{}{}{}", chars[0], "*".repeat(n - 2), chars[n - 1]),
    };
    format!("{masked}@{domain}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_addresses_are_masked_but_recognisable() {
        assert_eq!(mask_email("wanjiku@example.com"), "w*****u@example.com");
        assert_eq!(mask_email("jo@example.com"), "**@example.com");
    }
}
