//! Email and SMS go into the outbox table, in the same transaction as the change that caused them, in the
//! account's language. A background task delivers them when SMTP or an SMS provider is configured; in development
//! they stay there and /dev/outbox shows them.

use crate::{i18n::Lang, state::AppState};

use super::domain::Channel;

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
    sqlx::query(
        "INSERT INTO outbox (id, channel, recipient, subject, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    // Time-ordered ids (UUID v7): the outbox lists messages in the order they were queued.
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(channel.code())
    .bind(recipient)
    .bind(subject)
    .bind(body)
    .bind(state.clock.now())
    .execute(conn)
    .await?;
    Ok(())
}
