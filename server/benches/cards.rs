//! Smart licence cards (issue 28): replacements approved per second, 32 officers at once, each approval issuing a
//! new card, marking the holder's current card replaced and withdrawing its slip in the decision's transaction;
//! then the public check of a replaced card's slip (`GET /en/verify/{code}`, what anyone at a roadside opens),
//! 32 at once over HTTP. On SQLite and PostgreSQL. Prints numbers; asserts nothing but that each worked.

mod common;

use std::time::Instant;

use app::applications::{
    domain::{ApplicationId, Decision},
    service::{decide, Decided},
};
use common::{account, load_page, on_both_engines_as, percentile, Serving};

const HOLDERS: usize = 1_000;
const AT_ONCE: usize = 32;
const CHECKS: usize = 3_200;
/// What a paid card application's documents say (`documents::domain::Details`).
const DETAILS: &str = r#"{"holder":"Bench Person","reference":"UR1","service":"dl-replacement","fee_code":"smart-dl","amount_kes":3100,"method":"M-Pesa","receipt":"X","paid_at":0,"classes":"B","valid_until":"2029-06-30","smart":true}"#;

#[tokio::main]
async fn main() {
    on_both_engines_as(Serving::WithSandboxes, |engine, state| async move {
        let now = state.clock.now();
        account(&state, "holder", "80000000").await;
        let mut tx = state.pool.begin().await.unwrap();
        for n in 0..HOLDERS {
            let id_number = format!("8{n:07}");
            for sql in [
                "INSERT INTO register_people (id_number, first_name, other_names, year_of_birth, sex) VALUES ($1, 'Bench', 'Person', 1990, 'F')",
                "INSERT INTO driving_licences (holder_id_number, classes, expires_on) VALUES ($1, 'B', '2029-06-30')",
            ] {
                sqlx::query(sql).bind(&id_number).execute(&mut *tx).await.unwrap();
            }
            // The holder's first card (a completed application with its slip), and a replacement in review.
            let (first, second) = (format!("{n:031x}a"), format!("{n:031x}b"));
            let answers = format!(
                r#"{{"holder":"{id_number}","reason":"lost","police_abstract":"OB1/2026","smart":{{"place_of_birth":"Nyeri","blood_group":null,"county":"Nairobi","address":"P.O. Box 1","centre":"CC-NRB-HQ"}}}}"#
            );
            for (id, status) in [(&first, "completed"), (&second, "in_review")] {
                sqlx::query(
                    "INSERT INTO applications (id, account_id, service, status, answers, reference, created_at, \
                     updated_at) VALUES ($1, 'holder', 'dl-replacement', $2, $3, $4, $5, $5)",
                )
                .bind(id)
                .bind(status)
                .bind(&answers)
                .bind(format!("UR{}", &id[24..]).to_uppercase())
                .bind(now)
                .execute(&mut *tx)
                .await
                .unwrap();
            }
            sqlx::query(
                "INSERT INTO smart_cards (application_id, holder_id_number, slip_kind, centre, classes, expires_on, \
                 issued_at) VALUES ($1, $2, 'smart_licence', 'CC-NRB-HQ', 'B', '2029-06-30', $3)",
            )
            .bind(&first)
            .bind(&id_number)
            .bind(now)
            .execute(&mut *tx)
            .await
            .unwrap();
            // The first card's slip, and the replacement's receipt (its slip is issued from it).
            for (code, id, kind) in [(n, &first, "smart_licence"), (HOLDERS + n, &second, "receipt")] {
                sqlx::query(
                    "INSERT INTO documents (code, application_id, kind, details, issued_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(to_code(code))
                .bind(id)
                .bind(kind)
                .bind(DETAILS)
                .bind(now)
                .execute(&mut *tx)
                .await
                .unwrap();
            }
        }
        tx.commit().await.unwrap();

        // Every replacement approved, 32 at a time.
        let mut took = Vec::with_capacity(HOLDERS);
        let started = Instant::now();
        let ids: Vec<ApplicationId> = (0..HOLDERS)
            .map(|n| ApplicationId::parse(&format!("{n:031x}b")).unwrap())
            .collect();
        for batch in ids.chunks(AT_ONCE) {
            let decided = batch.iter().map(|id| {
                let state = state.clone();
                async move {
                    let at = Instant::now();
                    let outcome = decide(&state, id, &Decision::Approve).await.unwrap();
                    assert_eq!(outcome, Decided::Completed);
                    at.elapsed().as_secs_f64() * 1000.0
                }
            });
            took.extend(futures_util::future::join_all(decided).await);
        }
        let seconds = started.elapsed().as_secs_f64();
        let replaced: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM documents WHERE replaced_by IS NOT NULL")
            .fetch_one(&state.pool)
            .await
            .unwrap();
        assert_eq!(replaced, HOLDERS as i64, "every old slip withdrawn");
        println!(
            "{engine}: {HOLDERS} replacements approved, {AT_ONCE} at once: {:.0}/s, p50 {:.1} ms, p99 {:.1} ms",
            HOLDERS as f64 / seconds,
            percentile(&mut took, 0.50),
            percentile(&mut took, 0.99),
        );

        let url = format!("{}/en/verify/{}", state.origin, to_code(7));
        let body = reqwest::get(&url).await.unwrap().text().await.unwrap();
        assert!(body.contains("its card was replaced"), "the check says replaced");
        let (rate, p50, p99) = load_page(&url, "", AT_ONCE, CHECKS).await;
        println!(
            "{engine}: public check of a replaced slip, {AT_ONCE} at once: {rate:.0} pages/s, p50 {p50:.1} ms, p99 {p99:.1} ms"
        );
    })
    .await;
}

/// A document code for bench card `n`: its number in the codes' alphabet, so that it parses.
fn to_code(mut n: usize) -> String {
    use app::ids::readable::ALPHABET;
    let mut code = String::new();
    loop {
        code.insert(0, ALPHABET[n % ALPHABET.len()] as char);
        n /= ALPHABET.len();
        if n == 0 {
            return format!("{code:2>12}");
        }
    }
}
