//! Telling an account's owner: a change made to the account goes to every channel it had before the change.

use super::db::Account;
use crate::{
    channel::Channel,
    i18n::Lang,
    state::AppState,
    web::outbox::{self, Message},
};

/// Tells an account's owner of a change made to it (password, email, phone, code channel), on the email address
/// and the phone it had before the change, each if verified (issue 9: the old address hears of a new one).
pub async fn tell_owner(
    conn: &mut sqlx::AnyConnection,
    state: &AppState,
    account: &Account,
    key: &str,
    args: &[(&'static str, String)],
) -> anyhow::Result<()> {
    let lang = Lang::parse(&account.language).unwrap_or_default();
    for channel in [Channel::Email, Channel::Sms] {
        if account.verified_channel(channel) == Some(channel) {
            let to = account.address(channel);
            let message = Message {
                lang,
                channel,
                to,
                key,
                args,
                secret: None,
            };
            outbox::enqueue(conn, state, message).await?;
        }
    }
    Ok(())
}
