//! A driving school's list of students (issue 28) with 5,000 enrolled: `GET /en/schools/{pin}` rendered for one of
//! its people, 32 at once over HTTP, on SQLite and PostgreSQL: the first page, a deep page, and a search by name.
//! Prints requests per second, p50 and p99; asserts nothing beyond the pages rendering.

mod common;

use common::{account, load_page, on_both_engines_as, session_cookie, Serving};

const STUDENTS: usize = 5_000;
const CONCURRENCY: usize = 32;
const REQUESTS: usize = 3_200;
const SCHOOL: &str = "P051987654Z";

#[tokio::main]
async fn main() {
    on_both_engines_as(Serving::WithSandboxes, |engine, state| async move {
        account(&state, "school", "28123456").await;
        let now = state.clock.now();
        let mut tx = state.pool.begin().await.unwrap();
        sqlx::query("INSERT INTO account_organisations (account_id, kra_pin, role, linked_at) VALUES ('school', $1, 'Instructor', 1)")
            .bind(SCHOOL)
            .execute(&mut *tx)
            .await
            .unwrap();
        let names = ["Wanjiku", "Otieno", "Akinyi", "Kiprono", "Zawadi", "Barasa", "Halima", "Mwangi"];
        for n in 0..STUDENTS {
            let id_number = format!("{}", 50_000_000 + n);
            sqlx::query(
                "INSERT INTO register_people (id_number, first_name, other_names, year_of_birth, sex, born_on) \
                 VALUES ($1, $2, 'Learner', 2004, 'F', '2004-05-01')",
            )
            .bind(&id_number)
            .bind(names[n % names.len()])
            .execute(&mut *tx)
            .await
            .unwrap();
            sqlx::query(
                "INSERT INTO school_students (id, school_kra_pin, id_number, class, course_started_on, enrolled_by, \
                 enrolled_at) VALUES ($1, $2, $3, 'B', '2026-11-01', 'school', $4)",
            )
            .bind(format!("{n:032x}"))
            .bind(SCHOOL)
            .bind(&id_number)
            .bind(now - n as i64)
            .execute(&mut *tx)
            .await
            .unwrap();
        }
        tx.commit().await.unwrap();

        let client = reqwest::Client::new();
        let cookie = session_cookie(&state, "school", r#"{}"#).await;
        for (what, query, count) in [
            ("first page", "", STUDENTS),
            ("page 51", "?page=50", STUDENTS),
            ("search by name", "?q=zawadi", STUDENTS / names.len()),
        ] {
            let url = format!("{}/en/schools/{SCHOOL}{query}", state.origin);
            let first = client.get(&url).header("cookie", &cookie).send().await.unwrap();
            assert_eq!(first.status(), 200, "the list renders");
            let body = first.text().await.unwrap();
            assert!(body.contains(&format!("{count} students")), "all are counted: {what}");
            let (rate, p50, p99) = load_page(&url, &cookie, CONCURRENCY, REQUESTS).await;
            println!(
                "{engine}: school's students, {what}, {STUDENTS} enrolled, {CONCURRENCY} at once: {:.0} pages/s, p50 {:.1} ms, p99 {:.1} ms",
                rate, p50, p99,
            );
        }
    })
    .await;
}
