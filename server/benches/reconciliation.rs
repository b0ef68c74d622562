//! The daily reconciliation (issue 27) of a day with 50,000 payments (45,000 by M-Pesa, 5,000 by card; ten of the
//! M-Pesa receipts unknown to M-Pesa), on SQLite and PostgreSQL, against the Daraja and card sandboxes over HTTP on
//! this machine: gathering the day, comparing the card provider's list, sending 45,000 Transaction Status queries,
//! and receiving M-Pesa's 45,000 answers. Prints the time of each step; asserts only that the work was done.

mod common;

use std::time::{Duration, Instant};

use common::{account, on_both_engines_as, Serving};

const MPESA: usize = 45_000;
const CARD: usize = 5_000;
const FORGED: usize = 10;

fn receipt(n: usize) -> String {
    // Ten capitals and digits, as M-Pesa writes them; unique per n.
    format!("RB{n:08}")
}

#[tokio::main]
async fn main() {
    on_both_engines_as(Serving::WithSandboxes, |engine, state| async move {
        account(&state, "payer", "28123456").await;
        let today = state.clock.today();
        let day = today.to_string();
        let start = app::calendar::start_of(today);
        let mut tx = state.pool.begin().await.unwrap();
        for n in 0..MPESA + CARD {
            let id = format!("{n:032x}");
            sqlx::query(
                "INSERT INTO applications (id, account_id, service, status, answers, reference, created_at, \
                 updated_at) VALUES ($1, 'payer', 'dl-renewal', 'completed', '{}', $2, $3, $3)",
            )
            .bind(&id)
            .bind(format!("UR{n:08}"))
            .bind(start)
            .execute(&mut *tx)
            .await
            .unwrap();
            let (method, receipt) = if n < MPESA {
                ("mpesa", receipt(n))
            } else {
                ("card", format!("CARD{n:08}"))
            };
            sqlx::query(
                "INSERT INTO payments (id, application_id, method, receipt, amount_kes, paid_at) \
                 VALUES ($1, $1, $2, $3, 620, $4)",
            )
            .bind(&id)
            .bind(method)
            .bind(&receipt)
            .bind(start + (n as i64) % 80_000)
            .execute(&mut *tx)
            .await
            .unwrap();
            // The gateways' books: every payment but the forged ones.
            match method {
                "mpesa" if n >= FORGED => server::sandbox::remember_paybill(&receipt, 620, "254712345678"),
                "card" => server::card_sandbox::remember(&state.origin, &day, &receipt, 620),
                _ => {}
            }
        }
        tx.commit().await.unwrap();

        let began = Instant::now();
        let ran = app::reconciliation::service::run(&state, today).await.unwrap();
        let sent = began.elapsed();
        let waiting = || async {
            let (n,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM reconciliation_items WHERE day = $1 AND method = 'mpesa' AND state = 'asked'",
            )
            .bind(&day)
            .fetch_one(&state.pool)
            .await
            .unwrap();
            n
        };
        let mut left = waiting().await;
        while left > 0 && began.elapsed() < Duration::from_secs(600) {
            tokio::time::sleep(Duration::from_millis(200)).await;
            left = waiting().await;
        }
        let answered = began.elapsed();
        let (differences,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM reconciliation_items WHERE day = $1 AND state = 'difference'")
                .bind(&day)
                .fetch_one(&state.pool)
                .await
                .unwrap();
        let listed = Instant::now();
        let rows = app::reconciliation::db::differences(&state.pool, &day, 1_000)
            .await
            .unwrap();
        let listing = listed.elapsed();
        assert_eq!(left, 0, "M-Pesa answered every query");
        assert_eq!(
            differences as usize, FORGED,
            "the forged receipts, and nothing else, differ"
        );
        assert_eq!(rows.len(), FORGED);
        println!(
            "{engine}: {ran:?}; gathered, cards compared and {MPESA} queries sent in {:.1} s; all answered after \
             {:.1} s ({:.0} answers/s); {differences} differences, listed in {:.1} ms",
            sent.as_secs_f64(),
            answered.as_secs_f64(),
            MPESA as f64 / answered.as_secs_f64(),
            listing.as_secs_f64() * 1_000.0,
        );
    })
    .await;
}
