//! The daily reconciliation: what the payment gateways say was received against what Uraia recorded. Each Nairobi
//! day is reconciled once, from 01:00 the next day (late callbacks have settled by then), by whichever server
//! process claims it first: its receipts are gathered; the card provider's signed list of the day is compared at
//! once; every M-Pesa receipt is asked about with the Transaction Status API, whose answers arrive at
//! `on_status`. Half an hour after it began, a receipt M-Pesa has not answered for is a difference too, and the
//! day is closed with its counts. Differences are for supervisors (`/staff/reconciliation`, and as CSV).
//!
//! Asking per receipt finds money recorded here that M-Pesa does not confirm; money M-Pesa took that Uraia never
//! heard of reaches Uraia as a confirmation or a callback (and is then recorded or investigated), or only through
//! M-Pesa's account statement, which this does not read: a prompt whose answer was lost (M-Pesa may have taken the
//! money, and its callback went unheard) is therefore listed with what to look for in the statement.

use futures_util::stream::{self, StreamExt};

use super::{db, why};
use crate::{calendar, db::begin_write, gateways::results::TransactionStatus, state::AppState};

/// A day is reconciled from this long after the next day begins.
pub const START_AFTER_SECONDS: i64 = 3_600;
/// M-Pesa answers within this long, or the receipt is a difference.
pub const ANSWER_WITHIN_SECONDS: i64 = 1_800;
/// Transaction Status queries in flight at once.
const IN_FLIGHT: usize = 16;

/// What running a day did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ran {
    /// This process reconciled it: receipts gathered, and how many M-Pesa was asked about.
    Started { items: u64, asked: u64 },
    /// Another process has it (or had it).
    Claimed,
}

/// Reconciles `day` (`YYYY-MM-DD`, Nairobi), once whichever process asks.
pub async fn run(state: &AppState, day: jiff::civil::Date) -> anyhow::Result<Ran> {
    let now = state.clock.now();
    let name = day.to_string();
    let from = calendar::start_of(day);
    let to = calendar::add_days(day, 1).map_or(from + 86_400, calendar::start_of);
    let mut tx = begin_write(&state.pool).await?;
    if !db::claim(&mut tx, &name, now).await? {
        return Ok(Ran::Claimed);
    }
    let items = db::gather(&mut tx, &name, from, to).await?;
    tx.commit().await?;
    compare_cards(state, &name).await?;
    let asked = ask_mpesa(state, &name, now).await?;
    tracing::info!(day = %name, items, asked, "reconciliation started");
    Ok(Ran::Started { items, asked })
}

/// The card provider's list of the day against the card payments recorded: settled at once.
async fn compare_cards(state: &AppState, day: &str) -> anyhow::Result<()> {
    let Some(card) = state.card.as_ref() else {
        let mut tx = begin_write(&state.pool).await?;
        db::close_asked(&mut tx, day, "card", why::CARD_OFF).await?;
        return Ok(tx.commit().await?);
    };
    let list = card.transactions(day).await?;
    let mut tx = begin_write(&state.pool).await?;
    for entry in list.iter().filter(|entry| entry.outcome == "paid") {
        let amount = entry.amount.parse::<i64>().ok();
        let known = db::answer(&mut tx, "card", &entry.transaction, amount, "").await?;
        if !known {
            db::unrecorded(&mut tx, day, "card", &entry.transaction, amount.unwrap_or_default()).await?;
        }
    }
    db::close_asked(&mut tx, day, "card", why::NOT_IN_CARD_LIST).await?;
    Ok(tx.commit().await?)
}

/// Asks M-Pesa about every receipt of the day still waiting, `IN_FLIGHT` at a time; how many were asked.
async fn ask_mpesa(state: &AppState, day: &str, now: i64) -> anyhow::Result<u64> {
    let Some(daraja) = state.daraja.as_ref() else {
        let mut tx = begin_write(&state.pool).await?;
        db::close_asked(&mut tx, day, "mpesa", why::MPESA_OFF).await?;
        tx.commit().await?;
        return Ok(0);
    };
    let url = &daraja.config.reconcile_result_url;
    let (mut after, mut asked) = (String::new(), 0);
    loop {
        let receipts = db::asked(&state.pool, day, "mpesa", &after, 1_000).await?;
        let Some(last) = receipts.last().cloned() else {
            return Ok(asked);
        };
        let sent = stream::iter(receipts)
            .map(|receipt| async move {
                daraja
                    .transaction_status_to(&receipt, url, "Daily reconciliation", now)
                    .await
            })
            .buffer_unordered(IN_FLIGHT)
            .collect::<Vec<_>>()
            .await;
        for failed in sent.iter().filter_map(|sent| sent.as_ref().err()) {
            // Left `asked`: at the deadline it is a difference (M-Pesa did not answer).
            tracing::warn!(error = %format!("{failed:#}"), "a reconciliation query M-Pesa did not take");
        }
        asked += sent.iter().filter(|sent| sent.is_ok()).count() as u64;
        after = last;
    }
}

/// M-Pesa's books on a receipt being reconciled.
pub async fn on_status(state: &AppState, status: &TransactionStatus) -> anyhow::Result<bool> {
    let completed = status.result_code == 0 && status.completed;
    let confirmed = status.amount.filter(|_| completed);
    let reason = why::kept(why::NOT_CONFIRMED, &[&status.description]);
    let mut conn = state.pool.acquire().await?;
    db::answer(&mut conn, "mpesa", &status.trans_id, confirmed, &reason).await
}

/// Closes the days whose answers had their time: what M-Pesa did not answer is a difference; the counts are kept.
pub async fn finish_due(state: &AppState) -> anyhow::Result<usize> {
    let now = state.clock.now();
    let due = db::unfinished(&state.pool, now - ANSWER_WITHIN_SECONDS).await?;
    for day in &due {
        let mut tx = begin_write(&state.pool).await?;
        let minutes = (ANSWER_WITHIN_SECONDS / 60).to_string();
        let no_answer = why::kept(why::MPESA_NO_ANSWER, &[&minutes]);
        db::close_asked(&mut tx, day, "mpesa", &no_answer).await?;
        db::close_asked(&mut tx, day, "card", why::CARD_LIST_UNREAD).await?;
        db::finish(&mut tx, day, now).await?;
        tx.commit().await?;
    }
    Ok(due.len())
}

/// One pass of the scheduler: yesterday once it is due, and the days whose answers had their time.
pub async fn tick(state: &AppState) -> anyhow::Result<()> {
    let now = state.clock.now();
    let today = calendar::date_of(now);
    if now >= calendar::start_of(today) + START_AFTER_SECONDS {
        if let Some(yesterday) = calendar::add_days(today, -1) {
            run(state, yesterday).await?;
        }
    }
    finish_due(state).await?;
    Ok(())
}

/// Runs the scheduler every 5 minutes, from start, until the process ends.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(300));
        loop {
            every.tick().await;
            if let Err(error) = tick(&state).await {
                tracing::warn!(error = %format!("{error:#}"), "the daily reconciliation failed");
            }
        }
    })
}

/// The days reconciled lately, and the differences of `day`.
pub async fn report(state: &AppState, day: Option<&str>) -> anyhow::Result<(Vec<db::Day>, Vec<db::Difference>)> {
    let days = db::days(&state.pool, 30).await?;
    let chosen = day.or(days.first().map(|d| d.day.as_str()));
    let differences = match chosen {
        Some(day) => db::differences(&state.pool, day, 1_000).await?,
        None => vec![],
    };
    Ok((days, differences))
}
