//! Email and SMS go into the outbox table, in the same transaction as the change that caused them, in the
//! reader's language. A background task delivers them when SMTP or an SMS provider is configured; in development
//! they stay there and /dev/outbox shows them. A message that carries a secret (a code, a link) keeps a copy
//! without it, which replaces the body once the message is delivered or the secret has expired (issue 9).

use crate::{channel::Channel, i18n::Lang, state::AppState};

/// One message to queue.
pub struct Message<'a> {
    pub lang: Lang,
    pub channel: Channel,
    /// The address or number it goes to.
    pub to: &'a str,
    /// Names the subject (`<key>-subject`) and body (`<key>-body`) in the locale files; SMS use only the body.
    pub key: &'a str,
    pub args: &'a [(&'static str, String)],
    /// The argument that is a secret, and how many seconds it stays live.
    pub secret: Option<(&'static str, i64)>,
}

pub async fn enqueue(conn: &mut sqlx::AnyConnection, state: &AppState, message: Message<'_>) -> anyhow::Result<()> {
    enqueue_at(conn, state.clock.now(), message).await
}

/// Someone told on both channels: by SMS and by email, in their language.
pub struct Recipient<'a> {
    /// Their account: the notice is also kept for them to read again ("Messages").
    pub account: &'a str,
    pub lang: Lang,
    pub phone: &'a str,
    pub email: &'a str,
}

/// Queues the message `key` (without a secret) to `to`'s phone and email, and keeps it among their notices (the
/// outbox is emptied after 30 days; notices stay).
pub async fn tell(
    conn: &mut sqlx::AnyConnection,
    now: i64,
    to: Recipient<'_>,
    key: &str,
    args: &[(&'static str, String)],
) -> anyhow::Result<()> {
    for (channel, address) in [(Channel::Sms, to.phone), (Channel::Email, to.email)] {
        let message = Message {
            lang: to.lang,
            channel,
            to: address,
            key,
            args,
            secret: None,
        };
        enqueue_at(conn, now, message).await?;
    }
    sqlx::query("INSERT INTO notices (id, account_id, subject, body, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(to.account)
        .bind(to.lang.t_with(&format!("{key}-subject"), args))
        .bind(to.lang.t_with(&format!("{key}-body"), args))
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// `tell` an account's owner, at the phone, email and in the language the account has now; `args` are written
/// in that language.
pub async fn tell_account(
    conn: &mut sqlx::AnyConnection,
    now: i64,
    account: &str,
    key: &str,
    args: impl FnOnce(Lang) -> Vec<(&'static str, String)>,
) -> anyhow::Result<()> {
    let (email, phone, language): (String, String, String) =
        sqlx::query_as("SELECT email, phone, language FROM accounts WHERE id = $1")
            .bind(account)
            .fetch_one(&mut *conn)
            .await?;
    let lang = Lang::parse(&language).unwrap_or_default();
    let args = args(lang);
    let to = Recipient {
        account,
        lang,
        phone: &phone,
        email: &email,
    };
    tell(conn, now, to, key, &args).await
}

/// `enqueue` at the time `now` (a payment's or a sweep's transaction, without the app state).
pub async fn enqueue_at(conn: &mut sqlx::AnyConnection, now: i64, message: Message<'_>) -> anyhow::Result<()> {
    let Message {
        lang,
        channel,
        to,
        key,
        args,
        secret,
    } = message;
    let subject = match channel {
        Channel::Email => lang.t_with(&format!("{key}-subject"), args),
        Channel::Sms => String::new(),
    };
    let body = lang.t_with(&format!("{key}-body"), args);
    let redacted = secret.map(|(secret, _)| {
        let removed = lang.t("message-removed");
        let args: Vec<(&'static str, String)> = args
            .iter()
            .map(|(name, value)| {
                (
                    *name,
                    if *name == secret {
                        removed.clone()
                    } else {
                        value.clone()
                    },
                )
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
    .bind(to)
    .bind(subject)
    .bind(body)
    .bind(now)
    .bind(redacted)
    .bind(secret.map(|(_, seconds)| now + seconds))
    .execute(conn)
    .await?;
    Ok(())
}
