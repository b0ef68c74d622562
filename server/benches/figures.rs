//! Issue 29's benchmark for the published figures, on SQLite and PostgreSQL: a generated national year (a million
//! applications, `app::demo::year`), how long writing it and rolling its 365 days up take, and the public
//! performance page's and the analysts' statistics page's p50 and p95 over the last 30 days and over the whole
//! year, all of Kenya and one county (pages read only the rollups and the registers).
//! Prints numbers; asserts only that each page answered.

mod common;

use std::time::Instant;

use common::{account, percentile, session_cookie};

const APPLICATIONS: u64 = 1_000_000;
const REQUESTS: usize = 200;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let applications = std::env::var("BENCH_APPLICATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(APPLICATIONS);
    common::on_both_engines_as(common::Serving::WithSandboxes, move |engine, state| async move {
        let started = Instant::now();
        let made = app::demo::year::generate(&state, applications).await.unwrap();
        let written = started.elapsed().as_secs_f64();
        let started = Instant::now();
        let days = app::figures::rollup::roll_up_due(&state).await.unwrap();
        let rolled = started.elapsed().as_secs_f64();
        let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM daily_figures")
            .fetch_one(&state.pool)
            .await
            .unwrap();
        println!(
            "{engine}: {made} applications written in {written:.1} s; {days} days rolled up in {rolled:.1} s \
             ({:.0} ms a day, {rows} rollup rows)",
            rolled * 1000.0 / days.max(1) as f64
        );
        let today = app::calendar::date_of(state.clock.now());
        let year_ago = app::calendar::add_days(today, -365).unwrap();
        let yesterday = app::calendar::add_days(today, -1).unwrap();
        let year = format!(
            "?from-day={}&from-month={}&from-year={}&to-day={}&to-month={}&to-year={}",
            year_ago.day(),
            year_ago.month(),
            year_ago.year(),
            yesterday.day(),
            yesterday.month(),
            yesterday.year()
        );
        account(&state, "analyst", "90000009").await;
        sqlx::query("INSERT INTO staff (account_id, role, services, created_at, updated_at) VALUES ('analyst', 'analyst', '', 1, 1)")
            .execute(&state.pool)
            .await
            .unwrap();
        let cookie = session_cookie(&state, "analyst", r#"{"staff":true}"#).await;
        let client = reqwest::Client::new();
        let pages = [
            ("/en/performance over 30 days", "/en/performance".to_string()),
            ("/en/performance over a year", format!("/en/performance{year}")),
            ("/en/staff/statistics over 30 days", "/en/staff/statistics".to_string()),
            ("/en/staff/statistics over a year", format!("/en/staff/statistics{year}")),
            (
                "/en/staff/statistics over a year, Nairobi county",
                format!("/en/staff/statistics{year}&place=county%3ANairobi"),
            ),
        ];
        for (what, path) in pages {
            let url = format!("{}{path}", state.origin);
            let mut took = Vec::with_capacity(REQUESTS);
            for _ in 0..REQUESTS {
                let at = Instant::now();
                let response = client.get(&url).header("cookie", &cookie).send().await.unwrap();
                assert_eq!(response.status(), 200);
                response.bytes().await.unwrap();
                took.push(at.elapsed().as_secs_f64() * 1000.0);
            }
            println!(
                "{engine}: {what}, {REQUESTS} one at a time: p50 {:.1} ms, p95 {:.1} ms",
                percentile(&mut took, 0.50),
                percentile(&mut took, 0.95)
            );
        }
    })
    .await;
}
