//! Email and SMS go into the outbox table, in the same transaction as the change that caused them, in the
//! account's language. A background task delivers them when SMTP or an SMS provider is configured; in development
//! they stay there and /dev/outbox shows them. A message that carries a code or a link keeps a copy without it,
//! which replaces the body once the message is delivered or the secret has expired (issue 9).

use crate::{i18n::Lang, state::AppState};

use super::{
    challenges::{CODE_SECONDS, LINK_SECONDS},
    domain::Channel,
};

/// How long a message argument stays a live secret, if it is one.
fn secret_lifetime(name: &str) -> Option<i64> {
    match name {
        "code" => Some(CODE_SECONDS),
        "link" => Some(LINK_SECONDS),
        _ => None,
    }
}

/// Queues a message. `key` names the subject (`<key>-subject`) and body (`<key>-body`) in the locale files; SMS
/// use only the body.
pub async fn enqueue(
    conn: &mut sqlx::AnyConnection,
    state: &AppState,
    lang: Lang,
    channel: Channel,
    recipient: &str,
    key: &str,
    args: &[(&'static str, String)],
) -> anyhow::Result<()> {
    let subject = match channel {
        Channel::Email => lang.t_with(&format!("{key}-subject"), args),
        Channel::Sms => String::new(),
    };
    let body = lang.t_with(&format!("{key}-body"), args);
    let now = state.clock.now();
    let lifetime = args.iter().filter_map(|(name, _)| secret_lifetime(name)).max();
    let redacted = lifetime.map(|_| {
        let removed = lang.t("message-removed");
        let args: Vec<(&'static str, String)> = args
            .iter()
            .map(|(name, value)| match secret_lifetime(name) {
                Some(_) => (*name, removed.clone()),
                None => (*name, value.clone()),
            })
            .collect();
        lang.t_with(&format!("{key}-body"), &args)
    });
    sqlx::query(
        "INSERT INTO outbox (id, channel, recipient, subject, body, created_at, redacted_body, secret_until) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    // Time-ordered ids (UUID v7): the outbox lists messages in the order they were queued.
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(channel.code())
    .bind(recipient)
    .bind(subject)
    .bind(body)
    .bind(now)
    .bind(redacted)
    .bind(lifetime.map(|seconds| now + seconds))
    .execute(conn)
    .await?;
    Ok(())
}

/// Tells an account's owner of a change made to it (password, email, phone, code channel), on the email address
/// and the phone it had before the change, each if verified (issue 9: the old address hears of a new one).
pub async fn tell_owner(
    conn: &mut sqlx::AnyConnection,
    state: &AppState,
    account: &super::db::Account,
    key: &str,
    args: &[(&'static str, String)],
) -> anyhow::Result<()> {
    let lang = Lang::parse(&account.language).unwrap_or_default();
    for channel in [Channel::Email, Channel::Sms] {
        if account.verified_channel(channel) == Some(channel) {
            enqueue(conn, state, lang, channel, account.address(channel), key, args).await?;
        }
    }
    Ok(())
}
