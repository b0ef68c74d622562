//! What must hold after every crash: each acknowledged write is in the database, the SQLite file is sound, no
//! payment is counted twice and no application decided twice; and once the storm is over and M-Pesa's late answers
//! are in, every payment M-Pesa took is credited exactly once, or listed for supervisors when a crash lost what
//! M-Pesa answered.

use std::collections::HashSet;

use app::{calendar, db::begin_write, reconciliation};
use sqlx::Row;

use super::storm::{Acknowledged, Way};
use crate::common::{Engine, TestApp};

async fn column(app: &TestApp, sql: &str) -> HashSet<String> {
    sqlx::query(sql)
        .fetch_all(&app.state.pool)
        .await
        .unwrap()
        .iter()
        .map(|row| row.get::<String, _>(0))
        .collect()
}

async fn number(app: &TestApp, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&app.state.pool).await.unwrap();
    n
}

/// Acknowledged `what` missing from `found`: a lost write each.
fn missing<'a>(what: &str, acknowledged: impl Iterator<Item = &'a String>, found: &HashSet<String>) -> Vec<String> {
    acknowledged
        .filter(|key| !found.contains(*key))
        .map(|key| format!("{what} {key} was acknowledged and is gone"))
        .collect()
}

/// Every invariant that holds at any moment, the server running or not; what broke.
pub async fn after_crash(app: &TestApp, engine: Engine, acknowledged: &Acknowledged) -> Vec<String> {
    let mut broken = Vec::new();
    if engine == Engine::Sqlite {
        let (verdict,): (String,) = sqlx::query_as("PRAGMA integrity_check")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
        if verdict != "ok" {
            broken.push(format!("integrity_check: {verdict}"));
        }
    }
    let accounts = column(app, "SELECT id_number FROM accounts").await;
    broken.extend(missing("account", acknowledged.accounts.iter(), &accounts));
    let submitted = column(app, "SELECT id FROM applications WHERE status <> 'draft'").await;
    broken.extend(missing("submission", acknowledged.submitted.iter(), &submitted));
    let prompts = column(app, "SELECT id FROM mpesa_requests").await;
    broken.extend(missing("prompt", acknowledged.prompts.iter().map(|p| &p.0), &prompts));
    let confirmations = column(app, "SELECT trans_id FROM mpesa_confirmations").await;
    broken.extend(missing(
        "Paybill confirmation",
        acknowledged.paybills.iter().map(|p| &p.0),
        &confirmations,
    ));
    let approved = column(
        app,
        "SELECT a.id FROM applications a JOIN vehicle_registrations r ON r.application_id = a.id \
         WHERE a.status = 'completed' AND r.plate IS NOT NULL",
    )
    .await;
    let rejected = column(app, "SELECT id FROM applications WHERE status = 'rejected'").await;
    let audited = column(
        app,
        "SELECT subject FROM audit_log WHERE action IN ('approve', 'reject')",
    )
    .await;
    let (approvals, rejections): (Vec<_>, Vec<_>) = acknowledged.decisions.iter().partition(|d| d.1);
    broken.extend(missing(
        "approval (with its plate) of",
        approvals.iter().map(|d| &d.0),
        &approved,
    ));
    broken.extend(missing("rejection of", rejections.iter().map(|d| &d.0), &rejected));
    broken.extend(missing(
        "audit entry of the decision on",
        acknowledged.decisions.iter().map(|d| &d.0),
        &audited,
    ));
    let counted_twice = [
        (
            "an application paid twice",
            "SELECT COUNT(*) FROM (SELECT application_id FROM payment_events WHERE kind = 'paid' \
             GROUP BY application_id HAVING COUNT(*) > 1) twice",
        ),
        (
            "an application credited twice",
            "SELECT COUNT(*) FROM (SELECT application_id FROM payment_credits \
             GROUP BY application_id HAVING COUNT(*) > 1) twice",
        ),
        (
            "a place held by nobody (or a booking without its place)",
            "SELECT COUNT(*) FROM inspection_slots s WHERE s.taken <> (SELECT COUNT(*) FROM inspection_bookings b \
             WHERE b.centre = s.centre AND b.day = s.day AND b.slot = s.slot AND b.status IN ('held', 'booked'))",
        ),
        (
            "an application decided twice",
            "SELECT COUNT(*) FROM (SELECT subject FROM audit_log WHERE action IN ('approve', 'reject') \
             GROUP BY subject HAVING COUNT(*) > 1) twice",
        ),
        (
            "a completed application without its payment",
            "SELECT COUNT(*) FROM applications a WHERE a.status = 'completed' \
             AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.application_id = a.id)",
        ),
    ];
    for (what, sql) in counted_twice {
        let n = number(app, sql).await;
        if n > 0 {
            broken.push(format!("{n} × {what}"));
        }
    }
    broken
}

/// Whether every acknowledged payment has reached its end: each one M-Pesa took is the application's payment,
/// the cancelled prompt failed and left its application unpaid. What has not (yet).
pub async fn settled(app: &TestApp, acknowledged: &Acknowledged) -> Vec<String> {
    let paid = column(app, "SELECT application_id FROM payments").await;
    let failed = column(app, "SELECT id FROM mpesa_requests WHERE status = 'failed'").await;
    let mut open = Vec::new();
    for (request, application, way) in &acknowledged.prompts {
        let done = if way.pays() {
            paid.contains(application)
        } else {
            failed.contains(request) && !paid.contains(application)
        };
        if !done {
            open.push(format!("prompt {request} ({way:?}) for {application}"));
        }
    }
    for (trans_id, application) in &acknowledged.paybills {
        if !paid.contains(application) {
            open.push(format!("Paybill {trans_id} for {application}"));
        }
    }
    open
}

/// M-Pesa's late answers: waits (up to 150 s: the reconciler asks about a prompt 60 s after it was sent, every
/// 15 s) until every acknowledged payment has reached its end, then checks everything again. How long it took.
pub async fn all_settled(app: &TestApp, engine: Engine, acknowledged: &Acknowledged) -> std::time::Duration {
    const SETTLE_SECONDS: u64 = 150;
    let waited = std::time::Instant::now();
    let mut open = settled(app, acknowledged).await;
    while !open.is_empty() && waited.elapsed().as_secs() < SETTLE_SECONDS {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        open = settled(app, acknowledged).await;
    }
    assert!(open.is_empty(), "not settled after {SETTLE_SECONDS} s: {open:#?}");
    let broken = after_crash(app, engine, acknowledged).await;
    assert!(broken.is_empty(), "at the end: {broken:#?}");
    waited.elapsed()
}

/// How the acknowledged paid prompts were settled: (by their callback, by asking M-Pesa about a prompt whose
/// callback M-Pesa never sends, by asking M-Pesa about one whose callback came while the server was down).
pub async fn settled_by(app: &TestApp, acknowledged: &Acknowledged) -> (usize, usize, usize) {
    // "(callback, confirmed by status query)" against "(status query)".
    let asked = column(
        app,
        "SELECT request_id FROM payment_events WHERE kind = 'paid' AND detail LIKE '%(status query)%'",
    )
    .await;
    let paid = acknowledged.prompts.iter().filter(|(_, _, way)| way.pays());
    let (mut by_callback, mut lost, mut while_down) = (0, 0, 0);
    for (request, _, way) in paid {
        match (asked.contains(request), *way == Way::Prompt('6')) {
            (false, _) => by_callback += 1,
            (true, true) => lost += 1,
            (true, false) => while_down += 1,
        }
    }
    (by_callback, lost, while_down)
}

/// What a crash can leave behind that the checks above do not fail on: prompts whose M-Pesa answer was never
/// written (the crash came between asking M-Pesa and writing its answer; still `sending`, the application never
/// paid). How many, how many of them M-Pesa took money for, and how many of those the reconciliation of their day
/// does not list for supervisors.
pub async fn loose_ends(app: &TestApp) -> (usize, usize, usize) {
    let lost: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT r.phone, a.reference, r.created_at FROM mpesa_requests r \
           JOIN applications a ON a.id = r.application_id WHERE r.status = 'sending' \
            AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.application_id = r.application_id)",
    )
    .fetch_all(&app.state.pool)
    .await
    .unwrap();
    let days: HashSet<_> = lost.iter().map(|(_, _, at)| calendar::date_of(*at)).collect();
    for day in days {
        let next = calendar::add_days(day, 1).unwrap();
        let mut tx = begin_write(&app.state.pool).await.unwrap();
        reconciliation::db::gather(
            &mut tx,
            &day.to_string(),
            calendar::start_of(day),
            calendar::start_of(next),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
    }
    let listed = column(
        app,
        &format!(
            "SELECT receipt FROM reconciliation_items WHERE why LIKE '{} %'",
            reconciliation::why::LOST_PROMPT
        ),
    )
    .await;
    // Each journey has a phone of its own: what the sandbox took from it and the server never credited.
    let paid: Vec<_> = lost
        .iter()
        .filter(|(phone, _, _)| server::sandbox::prompts_paid_by(phone) > 0)
        .collect();
    let unlisted = paid
        .iter()
        .filter(|(_, reference, _)| !listed.contains(reference))
        .count();
    (lost.len(), paid.len(), unlisted)
}
