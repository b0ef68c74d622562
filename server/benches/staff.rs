//! The officers' queue page (issue 26) with 10,000 applications waiting: `GET /en/staff` rendered for a signed-in
//! supervisor, 32 at once over HTTP, on SQLite and PostgreSQL. Prints requests per second, p50 and p99; asserts
//! nothing.

mod common;

use common::{account, load_page, on_both_engines_as, session_cookie, Serving};

const WAITING: usize = 10_000;
const CONCURRENCY: usize = 32;
const REQUESTS: usize = 3_200;

#[tokio::main]
async fn main() {
    on_both_engines_as(Serving::WithSandboxes, |engine, state| async move {
        account(&state, "applicant", "28123456").await;
        account(&state, "supervisor", "31234567").await;
        let now = state.clock.now();
        let mut tx = state.pool.begin().await.unwrap();
        for n in 0..WAITING {
            sqlx::query(
                "INSERT INTO applications (id, account_id, service, status, answers, reference, created_at, \
                 updated_at) VALUES ($1, 'applicant', $2, 'in_review', '{}', $3, $4, $4)",
            )
            .bind(format!("{n:032x}"))
            .bind(if n % 3 == 0 { "registration" } else { "dl-renewal" })
            .bind(format!("UR{n:08}"))
            .bind(now - (n as i64) * 60)
            .execute(&mut *tx)
            .await
            .unwrap();
        }
        sqlx::query("INSERT INTO staff (account_id, role, services, created_at, updated_at) VALUES ('supervisor', 'supervisor', '', 1, 1)")
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();

        let client = reqwest::Client::new();
        let cookie = session_cookie(&state, "supervisor", r#"{"staff":true}"#).await;
        // The first page (what an officer opens) and a deep one (page 41: 2,000 rows skipped).
        for page in [0, 40] {
            let url = format!("{}/en/staff?page={page}", state.origin);
            let first = client.get(&url).header("cookie", &cookie).send().await.unwrap();
            assert_eq!(first.status(), 200, "the queue page renders");
            let body = first.text().await.unwrap();
            assert!(body.contains(&format!("{WAITING} applications")), "all waiting are counted");
            let (rate, p50, p99) = load_page(&url, &cookie, CONCURRENCY, REQUESTS).await;
            println!(
                "{engine}: staff queue page {} with {WAITING} waiting, {CONCURRENCY} at once: {:.0} pages/s, p50 {:.1} ms, p99 {:.1} ms",
                page + 1,
                rate, p50, p99,
            );
        }
    })
    .await;
}
