//! Issues 11 and 12's benchmark: applications submitted per second with 32 at once (the target is at least 300 a
//! second), then M-Pesa callbacks settled per second with every callback sent twice (duplicates mixed in), each
//! "paid" confirmed by an STK status query to the Daraja sandbox over HTTP before it settles (issue 25), on
//! SQLite and on PostgreSQL. Prints numbers; asserts nothing. PostgreSQL runs when TEST_DATABASE_URL or
//! DATABASE_URL names one (a scratch database is created and dropped).
//!
//! Each submission is the whole service-layer operation a browser's post ends in: the fee table read, the quote,
//! a fresh reference, the conditional update and two timeline rows in one write transaction. Each callback is
//! the whole settlement: the request found, settled once, the payment recorded, the renewal completed (the
//! register updated, the slip kept) and the history appended, in one transaction.

use std::{sync::Arc, time::Instant};

use app::{
    applications::service::{self as applications, Submitted},
    ids::AccountId,
    web::guard::SignedIn,
};

const PEOPLE: usize = 2_000;
const AT_ONCE: usize = 32;

mod common;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    common::on_both_engines_as(common::Serving::WithSandboxes, run).await;
}

async fn run(engine: &'static str, state: app::state::AppState) {
    // People with a draft renewal each, made directly (registration and argon2 are not what is measured).
    let mut drafts = Vec::with_capacity(PEOPLE);
    for n in 0..PEOPLE {
        let id = format!("bench-{n}");
        common::account(&state, &id, &format!("9{n:07}")).await;
        // A licence on the register, which the paid renewal moves on.
        sqlx::query("INSERT INTO register_people (id_number, first_name, other_names, year_of_birth, sex) VALUES ($1, 'Bench', 'Person', 1990, 'F')")
            .bind(format!("9{n:07}"))
            .execute(&state.pool)
            .await
            .unwrap();
        sqlx::query("INSERT INTO driving_licences VALUES ($1, 'B', '2027-06-30', 0)")
            .bind(format!("9{n:07}"))
            .execute(&state.pool)
            .await
            .unwrap();
        let who = SignedIn {
            id: AccountId::from_stored(id),
            account_type: app::account_type::AccountType::Citizen,
            id_number: format!("9{n:07}"),
            first_name: "Bench".into(),
            phone: app::ids::PhoneNumber::from_stored(format!("+2547009{n:05}")),
        };
        let draft = applications::start(&state, &who, "dl-renewal").await.unwrap();
        applications::save(
            &state,
            &who,
            &draft,
            &serde_json::json!({"holder": who.id_number, "period": "one-year"}),
        )
        .await
        .unwrap();
        let application = applications::owned(&state, &who, draft.as_str()).await.unwrap();
        drafts.push((who, application));
    }

    let queue = Arc::new(std::sync::Mutex::new(drafts));
    let started = Instant::now();
    let workers = (0..AT_ONCE).map(|_| {
        let (state, queue) = (state.clone(), queue.clone());
        tokio::spawn(async move {
            let mut took = Vec::new();
            loop {
                let Some((who, application)) = queue.lock().unwrap().pop() else {
                    return took;
                };
                let one = Instant::now();
                let submitted = applications::submit(&state, &who, &application, "dl-renewal-1y")
                    .await
                    .unwrap();
                assert!(matches!(submitted, Submitted::Now(_)));
                took.push(one.elapsed().as_secs_f64() * 1000.0);
            }
        })
    });
    let mut took: Vec<f64> = Vec::new();
    for worker in workers {
        took.extend(worker.await.unwrap());
    }
    let seconds = started.elapsed().as_secs_f64();
    took.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| took[((took.len() as f64 * q) as usize).min(took.len() - 1)];
    println!(
        "{engine}: {} applications submitted, {AT_ONCE} at once: {:.0}/s (target >= 300); per submit p50 {:.1} ms, p99 {:.1} ms",
        took.len(),
        took.len() as f64 / seconds,
        at(0.5),
        at(0.99)
    );
    callbacks(engine, &state).await;
    slips(engine, &state).await;
    state.pool.close().await;
}

/// A renewal slip's PDF made again and again (each paid renewal above issued one): what a download costs.
async fn slips(engine: &str, state: &app::state::AppState) {
    use app::documents::service as documents;
    let (code, account): (String, String) = sqlx::query_as(
        "SELECT d.code, a.account_id FROM documents d JOIN applications a ON a.id = d.application_id \
         WHERE d.kind = 'renewal_slip' LIMIT 1",
    )
    .fetch_one(&state.pool)
    .await
    .unwrap();
    let document = documents::owned(state, &code, &account).await.unwrap().unwrap();
    let mut took = Vec::new();
    let mut bytes = 0;
    for _ in 0..300 {
        let one = Instant::now();
        bytes = documents::pdf(state, app::i18n::Lang::En, &document).unwrap().len();
        took.push(one.elapsed().as_secs_f64() * 1000.0);
    }
    took.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| took[((took.len() as f64 * q) as usize).min(took.len() - 1)];
    println!(
        "{engine}: renewal slip PDF ({bytes} bytes) made {} times: p50 {:.2} ms, p95 {:.2} ms",
        took.len(),
        at(0.5),
        at(0.95)
    );
}

/// Every submitted application gets a real prompt through the Daraja sandbox (a phone ending in 6: paid, but the
/// sandbox sends no callback); then each result arrives twice, 32 at once, and each is confirmed by a status query.
async fn callbacks(engine: &str, state: &app::state::AppState) {
    use app::{
        ids::PhoneNumber,
        payments::{
            mpesa::{self, Prompted},
            service::{on_callback, Settled, StkResult},
        },
    };
    let ids: Vec<(String, String)> =
        sqlx::query_as("SELECT id, account_id FROM applications WHERE status = 'awaiting_payment'")
            .fetch_all(&state.pool)
            .await
            .unwrap();
    let mut results = Vec::with_capacity(ids.len() * 2);
    for (n, (id, account)) in ids.iter().enumerate() {
        let who = SignedIn {
            id: AccountId::from_stored(account.clone()),
            account_type: app::account_type::AccountType::Citizen,
            id_number: String::new(),
            first_name: "Bench".into(),
            phone: PhoneNumber::from_stored(format!("+2547{n:07}6")),
        };
        let application = applications::owned(state, &who, id).await.unwrap();
        let Prompted::Sent(request) = mpesa::prompt(state, &who, &application, &who.phone).await.unwrap() else {
            panic!("no prompt for {id}");
        };
        let (checkout,): (String,) = sqlx::query_as("SELECT checkout_request_id FROM mpesa_requests WHERE id = $1")
            .bind(&request)
            .fetch_one(&state.pool)
            .await
            .unwrap();
        let result = StkResult {
            checkout_request_id: checkout,
            result_code: 0,
            amount: Some(620),
            receipt: Some(format!("B{n:09}")),
            phone: Some(format!("2547{n:07}6")),
        };
        results.push(result.clone());
        results.push(result);
    }
    // Duplicates arrive at any time, not only straight after their original.
    results.rotate_left(AT_ONCE / 2);
    let total = results.len();
    let queue = Arc::new(std::sync::Mutex::new(results));
    let started = Instant::now();
    let workers = (0..AT_ONCE).map(|_| {
        let (state, queue) = (state.clone(), queue.clone());
        tokio::spawn(async move {
            let (mut paid, mut took) = (0usize, Vec::new());
            loop {
                let Some(result) = queue.lock().unwrap().pop() else {
                    return (paid, took);
                };
                let one = Instant::now();
                if let Settled::Paid(_) = on_callback(&state, &result).await.unwrap() {
                    paid += 1;
                }
                took.push(one.elapsed().as_secs_f64() * 1000.0);
            }
        })
    });
    let (mut paid, mut took) = (0, Vec::new());
    for worker in workers {
        let (p, t) = worker.await.unwrap();
        paid += p;
        took.extend(t);
    }
    let seconds = started.elapsed().as_secs_f64();
    took.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| took[((took.len() as f64 * q) as usize).min(took.len() - 1)];
    println!(
        "{engine}: {total} M-Pesa callbacks (each twice), {AT_ONCE} at once: {:.0}/s; {paid} payments recorded; \
         per callback p50 {:.1} ms, p99 {:.1} ms",
        total as f64 / seconds,
        at(0.5),
        at(0.99)
    );
}
