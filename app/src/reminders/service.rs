//! Sending reminders: each pass (from the sweep, in the daytime only) takes the reminders due at each lead, claims
//! each in its own transaction with its message, so that two processes never send the same one twice.

use super::{
    db,
    domain::{self, Kind},
};
use crate::{
    calendar,
    state::AppState,
    web::{guard::SignedIn, outbox},
};

/// How many reminders of one lead a pass sends at most (the next pass, 10 minutes later, takes the rest).
const PER_PASS: i64 = 500;

/// Sends the reminders due now; how many went. Nothing at night.
pub async fn send_due(state: &AppState) -> anyhow::Result<u64> {
    let now = state.clock.now();
    if !domain::daytime(now) {
        return Ok(0);
    }
    let today = calendar::date_of(now);
    let mut sent = 0;
    for window in domain::windows(today) {
        let (from, to) = (window.from.to_string(), window.to.to_string());
        let lead = i64::from(window.lead);
        for due in db::due(&state.pool, &from, &to, lead, PER_PASS).await? {
            let Some(kind) = Kind::parse(&due.kind) else {
                continue;
            };
            let mut tx = crate::db::begin_write(&state.pool).await?;
            if !db::claim(&mut tx, &due, lead, now).await? {
                continue;
            }
            let expires_on = calendar::parse_iso(&due.expires_on);
            outbox::tell_account(
                &mut tx,
                now,
                &due.account_id,
                &format!("message-reminder-{}", kind.code()),
                |lang| {
                    vec![
                        ("what", due.label.clone()),
                        (
                            "date",
                            expires_on.map(|d| calendar::long_date(lang, d)).unwrap_or_default(),
                        ),
                        (
                            "link",
                            format!("{}{}", state.origin, lang.href(&format!("services/{}", kind.service()))),
                        ),
                    ]
                },
            )
            .await?;
            tx.commit().await?;
            sent += 1;
        }
    }
    Ok(sent)
}

/// Keeps the kinds in `on` on and turns the others off (a code that names no kind is ignored).
pub async fn save(state: &AppState, who: &SignedIn, on: &[String]) -> anyhow::Result<()> {
    let now = state.clock.now();
    for kind in Kind::ALL {
        if on.iter().any(|code| code == kind.code()) {
            db::turn_on(&state.pool, who.id.as_str(), kind.code()).await?;
        } else {
            db::turn_off(&state.pool, who.id.as_str(), kind.code(), now).await?;
        }
    }
    Ok(())
}
