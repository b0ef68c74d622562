//! The sweep: what has expired leaves the database (issue 9, "no live secrets at rest"). Codes and links in
//! outbox messages are replaced by their redacted copies once expired; expired sessions, challenges, remembered
//! devices and quiet throttle rows are deleted; messages older than 30 days go; transfer offers past their 14 days
//! lapse; reminders due are sent, and each day that is over is rolled up into the published figures (issue 29).
//! One pass every 10 minutes; each statement is idempotent, so several server processes may sweep at once.

use crate::state::AppState;

/// Old enough to go: an outbox message (delivered or given up on) after this long.
const OUTBOX_DAYS: i64 = 30;
/// Challenges stay an hour past expiry: the hourly send limit counts them.
const CHALLENGE_GRACE_SECONDS: i64 = 3_600;
/// The longest throttle window (a day; a lock is at most an hour from the last attempt): a row quiet for longer
/// is forgotten anyway.
const THROTTLE_QUIET_SECONDS: i64 = 86_400;

/// Rows changed by one pass, by what they were.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Swept {
    pub redacted: u64,
    pub sessions: u64,
    pub challenges: u64,
    pub devices: u64,
    pub throttles: u64,
    pub messages: u64,
    /// Transfers whose buyer did not answer within 14 days (their sellers are told).
    pub transfers: u64,
    /// Reminders sent before a licence, an inspection certificate or a badge expires (daytime only).
    pub reminders: u64,
    /// USSD sessions over (a session lasts at most 180 seconds; kept 10 minutes so a late repeat still gets its
    /// screen).
    pub ussd_sessions: u64,
    /// Days rolled up into `daily_figures` (the first pass after midnight rolls up yesterday).
    pub days: u64,
}

pub async fn run(state: &AppState) -> anyhow::Result<Swept> {
    // Test mode: the time another process of the deployment moved to.
    crate::clock::shared::catch_up(&state.clock, &state.pool).await?;
    let now = state.clock.now();
    let pool = &state.pool;
    let run = |sql: &'static str, at: i64| async move {
        anyhow::Ok(sqlx::query(sql).bind(at).execute(pool).await?.rows_affected())
    };
    Ok(Swept {
        redacted: run(
            "UPDATE outbox SET body = redacted_body, redacted_body = NULL \
             WHERE redacted_body IS NOT NULL AND secret_until <= $1",
            now,
        )
        .await?,
        sessions: run("DELETE FROM sessions WHERE expires_at <= $1", now).await?,
        challenges: run(
            "DELETE FROM challenges WHERE expires_at <= $1",
            now - CHALLENGE_GRACE_SECONDS,
        )
        .await?,
        devices: run("DELETE FROM trusted_devices WHERE expires_at <= $1", now).await?,
        throttles: run(
            "DELETE FROM sign_in_throttles WHERE updated_at <= $1",
            now - THROTTLE_QUIET_SECONDS,
        )
        .await?,
        messages: run("DELETE FROM outbox WHERE created_at <= $1", now - OUTBOX_DAYS * 86_400).await?,
        transfers: crate::services::transfer::offers::lapse_due(state).await?,
        reminders: crate::reminders::service::send_due(state).await?,
        ussd_sessions: crate::ussd::db::forget_before(pool, now - 600).await?,
        days: crate::figures::rollup::roll_up_due(state).await?,
    })
}

/// Sweeps every 10 minutes, from start, until the process ends.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(600));
        loop {
            every.tick().await;
            match run(&state).await {
                Ok(swept) => tracing::debug!(?swept, "swept"),
                Err(error) => tracing::warn!(%error, "sweep failed"),
            }
        }
    })
}
