//! An organisation's page (issue 28) for a big SACCO: 50 authorised people (20 more removed since) and 200
//! applications made for it, `GET /en/organisations/{pin}` rendered for one of its people, 32 at once over HTTP, on
//! SQLite and PostgreSQL. Prints pages per second, p50 and p99; asserts nothing beyond the page rendering.

mod common;

use common::{account, load_page, on_both_engines_as, session_cookie, Serving};

const PEOPLE: usize = 50;
const REMOVED: usize = 20;
const APPLICATIONS: usize = 200;
const CONCURRENCY: usize = 32;
const REQUESTS: usize = 3_200;
const SACCO: &str = "P052468013M";

#[tokio::main]
async fn main() {
    on_both_engines_as(Serving::WithSandboxes, |engine, state| async move {
        let everyone = PEOPLE + REMOVED;
        for n in 0..everyone {
            account(&state, &format!("person{n}"), &format!("{}", 60_000_000 + n)).await;
        }
        let mut tx = state.pool.begin().await.unwrap();
        for n in 0..PEOPLE {
            sqlx::query(
                "INSERT INTO account_organisations (account_id, kra_pin, role, linked_at) VALUES ($1, $2, 'Driver', $3)",
            )
            .bind(format!("person{n}"))
            .bind(SACCO)
            .bind(n as i64)
            .execute(&mut *tx)
            .await
            .unwrap();
        }
        // Each person made applications for the SACCO, the removed ones too.
        for n in 0..APPLICATIONS {
            sqlx::query(
                "INSERT INTO applications (id, account_id, service, status, answers, created_at, updated_at, \
                 organisation_kra_pin) VALUES ($1, $2, 'inspection', 'completed', '{}', $3, $3, $4)",
            )
            .bind(format!("{n:032x}"))
            .bind(format!("person{}", n % everyone))
            .bind(n as i64)
            .bind(SACCO)
            .execute(&mut *tx)
            .await
            .unwrap();
        }
        tx.commit().await.unwrap();

        let client = reqwest::Client::new();
        let cookie = session_cookie(&state, "person0", r#"{}"#).await;
        let url = format!("{}/en/organisations/{SACCO}", state.origin);
        let first = client.get(&url).header("cookie", &cookie).send().await.unwrap();
        assert_eq!(first.status(), 200, "the page renders");
        let body = first.text().await.unwrap();
        assert!(body.contains("Applications made for this organisation"));
        let (rate, p50, p99) = load_page(&url, &cookie, CONCURRENCY, REQUESTS).await;
        println!(
            "{engine}: organisation's page, {PEOPLE} people, {APPLICATIONS} applications (some by {REMOVED} removed), \
             {CONCURRENCY} at once: {rate:.0} pages/s, p50 {p50:.1} ms, p99 {p99:.1} ms",
        );
    })
    .await;
}
