//! A national year of applications for the figures (issue 29): `uraia demo year [--applications N]` writes N
//! applications (a million by default) over the 365 days that ended yesterday, with their timelines, payments,
//! M-Pesa prompts and card checkouts, then rolls the days up. Deterministic (one seed), for benchmarks and demos.
//!
//! The mix follows what NTSA's counters see: renewals and inspections most, the other services less; more in
//! January (renewals after the holidays) and mid-year, less in April and December; weekdays busy, Saturday half,
//! Sunday and public holidays quiet. A tenth of the applications are left as drafts, a few unpaid; about one M-Pesa
//! prompt in six fails first (cancelled, timed out, wrong PIN) and is paid on the second; about one reviewed
//! application in twelve is rejected, with one of a few reasons.
//!
//! Rows are written as literal multi-row inserts (every value is made here: numbers and fixed words), a day per
//! transaction: a million applications is about six million rows.

use jiff::civil::Date;
use rand::{rngs::StdRng, Rng, SeedableRng};

use crate::{calendar, state::AppState};

/// The services and their shares (per mille) of all applications.
const MIX: [(&str, u32); 11] = [
    ("dl-renewal", 330),
    ("inspection", 170),
    ("transfer", 120),
    ("vehicle-search", 90),
    ("provisional-dl", 70),
    ("driving-test", 60),
    ("registration", 50),
    ("first-dl", 40),
    ("psv-badge", 30),
    ("dl-replacement", 25),
    ("psv-licence", 15),
];

/// The services an officer decides (the others complete when paid).
const REVIEWED: [&str; 7] = [
    "transfer",
    "provisional-dl",
    "registration",
    "first-dl",
    "psv-badge",
    "dl-replacement",
    "psv-licence",
];

/// Why an officer rejected one (the reason's code, as the decision form stores it), with shares per hundred.
const REASONS: [(&str, u32); 4] = [("documents", 45), ("particulars", 30), ("other", 15), ("duplicate", 10)];

/// The M-Pesa result codes of a failed prompt (Daraja: cancelled by the person, timed out, wrong PIN) with their
/// shares per hundred.
const FAILURES: [(i64, u32); 3] = [(1032, 60), (1037, 25), (2001, 15)];

/// Demo accounts the applications belong to (they cannot sign in: their password hash is not a hash): enough that
/// no account has two open drafts of one service (drafts of a service go to the accounts in turn).
fn accounts_for(applications: u64) -> u32 {
    u32::try_from(applications / 20).unwrap_or(u32::MAX).max(50_000)
}

/// A month's share against the mean month, per hundred.
fn month_factor(month: i8) -> u32 {
    [125, 105, 100, 90, 95, 100, 105, 100, 100, 95, 100, 85][(month - 1) as usize]
}

/// A day's weight: its month, its weekday, a public holiday.
pub fn weight(date: Date) -> u32 {
    let weekday = match date.weekday().to_monday_zero_offset() {
        0 => 115,
        1..=3 => 110,
        4 => 105,
        5 => 50,
        _ => 25,
    };
    let holiday = if calendar::is_public_holiday(date) { 30 } else { 100 };
    month_factor(date.month()) * weekday * holiday / 100
}

/// How many applications each of `days` gets, summing to `total` exactly.
pub fn volumes(days: &[Date], total: u64) -> Vec<u64> {
    let weights: Vec<u64> = days.iter().map(|d| u64::from(weight(*d))).collect();
    let sum: u64 = weights.iter().sum::<u64>().max(1);
    let mut given = 0;
    let mut out: Vec<u64> = weights
        .iter()
        .map(|w| {
            let n = total * w / sum;
            given += n;
            n
        })
        .collect();
    if let Some(last) = out.last_mut() {
        *last += total - given;
    }
    out
}

/// What one application left behind, as SQL value tuples.
#[derive(Default)]
struct Rows {
    applications: Vec<String>,
    events: Vec<String>,
    payments: Vec<String>,
    prompts: Vec<String>,
    checkouts: Vec<String>,
    tests: Vec<String>,
}

/// Writes the year; how many applications.
pub async fn generate(state: &AppState, applications: u64) -> anyhow::Result<u64> {
    let today = calendar::date_of(state.clock.now());
    let days: Vec<Date> = (1..=365).rev().filter_map(|n| calendar::add_days(today, -n)).collect();
    let mut rng = StdRng::seed_from_u64(29);
    let mut made = Made {
        accounts: accounts_for(applications),
        now: state.clock.now(),
        ..Made::default()
    };
    accounts(state, made.accounts).await?;
    let collection: Vec<String> = sqlx::query_scalar("SELECT code FROM collection_centres ORDER BY code")
        .fetch_all(&state.pool)
        .await?;
    let inspection: Vec<String> = sqlx::query_scalar("SELECT code FROM inspection_centres ORDER BY code")
        .fetch_all(&state.pool)
        .await?;
    let units: Vec<String> = sqlx::query_scalar("SELECT code FROM test_units ORDER BY code")
        .fetch_all(&state.pool)
        .await?;
    for (day, volume) in days.iter().zip(volumes(&days, applications)) {
        let start = calendar::start_of(*day);
        let mut rows = Rows::default();
        for _ in 0..volume {
            made.serial += 1;
            one(
                &mut rng,
                &mut rows,
                &mut made,
                start,
                [&collection, &inspection, &units],
            );
        }
        let mut tx = crate::db::begin_write(&state.pool).await?;
        insert(&mut tx, "applications (id, account_id, service, status, answers, reference, fee_kes, decision_reason, centre, created_at, updated_at, submitted_at)", &rows.applications).await?;
        insert(&mut tx, "application_events (application_id, status, at)", &rows.events).await?;
        insert(
            &mut tx,
            "payments (id, application_id, method, receipt, amount_kes, paid_at)",
            &rows.payments,
        )
        .await?;
        insert(&mut tx, "mpesa_requests (id, application_id, phone, amount_kes, status, result_code, receipt, created_at, settled_at)", &rows.prompts).await?;
        insert(
            &mut tx,
            "card_sessions (id, application_id, reference, amount_kes, lang, status, created_at, closed_at)",
            &rows.checkouts,
        )
        .await?;
        tx.commit().await?;
    }
    // Days rolled up before this data existed are counted again.
    sqlx::query("DELETE FROM daily_figures").execute(&state.pool).await?;
    sqlx::query("DELETE FROM daily_rollups").execute(&state.pool).await?;
    Ok(made.serial)
}

/// The counters one application is numbered from.
#[derive(Default)]
struct Made {
    serial: u64,
    accounts: u32,
    now: i64,
    /// Drafts given so far, by service: the next goes to the next account.
    drafts: std::collections::HashMap<&'static str, u32>,
}

/// One application and what it left: its timeline, payment attempts and decision.
/// `places`: collection centres, inspection centres, test units.
fn one(rng: &mut StdRng, rows: &mut Rows, made: &mut Made, day: i64, places: [&[String]; 3]) {
    let n = made.serial;
    let service = weighted(rng, &MIX);
    let reviewed = REVIEWED.contains(&service);
    let id = format!("gen-{n:08}");
    let roll = rng.random_range(0..100);
    let account = if roll < 10 {
        let next = made.drafts.entry(service).or_default();
        *next += 1;
        *next % made.accounts
    } else {
        rng.random_range(0..made.accounts)
    };
    let account = format!("gen-account-{account:07}");
    // Most start between 07:00 and 21:00.
    let created = day + rng.random_range(7 * 3_600..21 * 3_600);
    let centre = match service {
        "inspection" => pick(rng, places[1]),
        "driving-test" => pick(rng, places[2]),
        "dl-renewal" | "first-dl" | "dl-replacement" => pick(rng, places[0]),
        _ => None,
    };
    let centre_sql = centre.map_or("NULL".into(), |c| format!("'{c}'"));
    let fee = 650;
    let event = |rows: &mut Rows, status: &str, at: i64| rows.events.push(format!("('{id}', '{status}', {at})"));
    event(rows, "draft", created);
    if roll < 10 {
        rows.applications.push(format!(
            "('{id}', '{account}', '{service}', 'draft', '{{}}', NULL, NULL, NULL, NULL, {created}, {created}, NULL)"
        ));
        return;
    }
    let submitted = created + rng.random_range(120..1_800);
    event(rows, "submitted", submitted);
    let reference = format!("UG{n:08}");
    let phone = format!("2547{:08}", rng.random_range(0..100_000_000u32));
    let mut at = submitted + rng.random_range(30..600);
    let method = match rng.random_range(0..100) {
        0..78 => "mpesa",
        78..93 => "card",
        _ => "counter",
    };
    // A first attempt that fails (and, for the few never paid, the only one).
    let unpaid = roll < 14;
    if method == "mpesa" && (unpaid || rng.random_range(0..6) == 0) {
        let code = weighted(rng, &FAILURES);
        rows.prompts.push(format!(
            "('gen-m1-{n}', '{id}', '{phone}', {fee}, 'failed', {code}, NULL, {at}, {})",
            at + 45
        ));
        at += rng.random_range(90..900);
    } else if method == "card" && (unpaid || rng.random_range(0..16) == 0) {
        rows.checkouts.push(format!(
            "('gen-c1-{n}', '{id}', '{reference}', {fee}, 'en', 'declined', {at}, {})",
            at + 120
        ));
        at += rng.random_range(120..900);
    }
    if unpaid {
        rows.applications.push(format!(
            "('{id}', '{account}', '{service}', 'awaiting_payment', '{{}}', '{reference}', {fee}, NULL, {centre_sql}, {created}, {at}, {submitted})"
        ));
        return;
    }
    let receipt = format!("G{n:09}");
    match method {
        "mpesa" => rows.prompts.push(format!(
            "('gen-m2-{n}', '{id}', '{phone}', {fee}, 'paid', 0, '{receipt}', {at}, {})",
            at + 20
        )),
        "card" => rows.checkouts.push(format!(
            "('gen-c2-{n}', '{id}', '{reference}', {fee}, 'en', 'paid', {at}, {})",
            at + 90
        )),
        _ => {}
    }
    let paid = at + 30;
    rows.payments
        .push(format!("('gen-p-{n}', '{id}', '{method}', '{receipt}', {fee}, {paid})"));
    event(rows, "paid", paid);
    let (status, reason, end) = if reviewed {
        event(rows, "in_review", paid);
        // Decided within hours mostly, within days sometimes: a long tail, as queues have.
        let wait = (rng.random_range(0.0f64..1.0).powi(3) * 5.0 * 86_400.0) as i64 + rng.random_range(600..7_200);
        // Nothing is decided in the future: the last days' long waits end now.
        let decided = (paid + wait).min(made.now - 60);
        if rng.random_range(0..12) == 0 {
            let reason = weighted(rng, &REASONS);
            event(rows, "rejected", decided);
            ("rejected", format!("'applications-reason-{reason}'"), decided)
        } else {
            event(rows, "approved", decided);
            event(rows, "completed", decided);
            ("completed", "NULL".into(), decided)
        }
    } else {
        event(rows, "completed", paid);
        ("completed", "NULL".into(), paid)
    };
    // A booked driving test is taken 3 to 20 days later; a little over half pass (NTSA's published rate).
    let test_day = paid + rng.random_range(3..=20) * 86_400;
    if let (Some(unit), true) = (
        centre.filter(|_| service == "driving-test"),
        test_day < made.now - 86_400,
    ) {
        let passed = u8::from(rng.random_range(0..100) < 55);
        let date = calendar::date_of(test_day);
        let recorded = calendar::start_of(date) + 11 * 3_600;
        rows.tests.push(format!(
            "('{id}', 'GEN{n:07}', 'B', '{unit}', '{date}', {passed}, 'Generated', NULL, 'gen-account-0000000', {recorded})"
        ));
    }
    rows.applications.push(format!(
        "('{id}', '{account}', '{service}', '{status}', '{{}}', '{reference}', {fee}, {reason}, {centre_sql}, {created}, {end}, {submitted})"
    ));
}

/// One of `choices`, each as likely as its share.
fn weighted<T: Copy>(rng: &mut StdRng, choices: &[(T, u32)]) -> T {
    let total: u32 = choices.iter().map(|(_, share)| share).sum();
    let mut roll = rng.random_range(0..total.max(1));
    for (choice, share) in choices {
        if roll < *share {
            return *choice;
        }
        roll -= share;
    }
    choices[0].0
}

fn pick<'a>(rng: &mut StdRng, codes: &'a [String]) -> Option<&'a str> {
    (!codes.is_empty()).then(|| codes[rng.random_range(0..codes.len())].as_str())
}

/// The demo accounts, once.
async fn accounts(state: &AppState, count: u32) -> anyhow::Result<()> {
    let now = state.clock.now();
    let rows: Vec<String> = (0..count)
        .map(|n| {
            format!(
                "('gen-account-{n:07}', 'citizen', 'national_id', 'GEN{n:07}', 'Demo', 'Person', 'gen-{n:07}@demo.invalid', \
                 '+2540{n:08}', '!', 'en', 'demo', {now}, {now})"
            )
        })
        .collect();
    let mut tx = crate::db::begin_write(&state.pool).await?;
    for chunk in rows.chunks(1_000) {
        sqlx::query(&format!(
            "INSERT INTO accounts (id, account_type, document_type, id_number, first_name, last_name, email, phone, password_hash, \
             language, terms_version, terms_accepted_at, created_at) VALUES {} ON CONFLICT DO NOTHING",
            chunk.join(", ")
        ))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Inserts `rows` into `table (columns)`, a thousand at a time.
async fn insert(conn: &mut sqlx::AnyConnection, table: &str, rows: &[String]) -> anyhow::Result<()> {
    for chunk in rows.chunks(1_000) {
        sqlx::query(&format!("INSERT INTO {table} VALUES {}", chunk.join(", ")))
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_days_share_the_total_exactly_with_quiet_sundays_and_a_busy_january() {
        let days: Vec<Date> = (0..365)
            .filter_map(|n| calendar::add_days(date(2026, 1, 1), n))
            .collect();
        let volumes = volumes(&days, 1_000_000);
        assert_eq!(volumes.iter().sum::<u64>(), 1_000_000);
        let on = |d: Date| volumes[days.iter().position(|x| *x == d).unwrap()];
        // Monday 12 January against Sunday 11 January; a Monday in January against one in December.
        assert!(on(date(2026, 1, 12)) > 4 * on(date(2026, 1, 11)));
        assert!(on(date(2026, 1, 12)) > on(date(2026, 12, 7)));
        // Christmas is quiet.
        assert!(on(date(2026, 12, 25)) < on(date(2026, 12, 22)) / 2);
    }

    #[test]
    fn the_mix_adds_up_to_everything() {
        assert_eq!(MIX.iter().map(|(_, share)| share).sum::<u32>(), 1_000);
        assert!(REVIEWED
            .iter()
            .all(|code| MIX.iter().any(|(service, _)| service == code)));
        assert_eq!(FAILURES.iter().map(|(_, share)| share).sum::<u32>(), 100);
    }
}
