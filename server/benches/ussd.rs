//! Issue 31's benchmark: USSD screens answered per second, 32 sessions at once, on SQLite and on PostgreSQL. Each
//! session is a whole "My driving licence" journey as a gateway posts it (the first screen, the language, the
//! item, the PIN), so it counts the session row's claim and store on every screen, and one argon2 check per
//! journey. A second run stops before the PIN: the screens without a hash. Prints numbers; asserts nothing.

use std::{sync::Arc, time::Instant};

use app::ussd::{
    pin::Pin,
    service::{answer, hashed, Post},
};

const PEOPLE: usize = 200;
const AT_ONCE: usize = 32;

mod common;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    common::on_both_engines(run).await;
}

async fn run(engine: &'static str, state: app::state::AppState) {
    let pin = Pin::parse_new("2580", "pin").unwrap();
    for n in 0..PEOPLE {
        let id = format!("bench-{n}");
        let id_number = format!("9{n:07}");
        common::account(&state, &id, &id_number).await;
        sqlx::query(
            "INSERT INTO register_people (id_number, first_name, other_names, year_of_birth, sex) \
             VALUES ($1, 'Bench', 'Person', 1990, 'F')",
        )
        .bind(&id_number)
        .execute(&state.pool)
        .await
        .unwrap();
        sqlx::query("INSERT INTO driving_licences VALUES ($1, 'B', '2027-06-30', 0)")
            .bind(&id_number)
            .execute(&state.pool)
            .await
            .unwrap();
        let hash = hashed(&state, &id, &pin).await.unwrap();
        let mut conn = state.pool.acquire().await.unwrap();
        app::ussd::db::set_pin(&mut conn, &id, &hash, 0).await.unwrap();
    }
    for (label, answers) in [
        ("licence journeys (4 screens, one PIN check)", &["1", "1", "2580"][..]),
        ("menus without a PIN (3 screens)", &["1", "1"][..]),
    ] {
        let queue = Arc::new(std::sync::Mutex::new((0..PEOPLE).collect::<Vec<_>>()));
        let started = Instant::now();
        let workers = (0..AT_ONCE).map(|_| {
            let (state, queue) = (state.clone(), queue.clone());
            tokio::spawn(async move {
                let mut took = Vec::new();
                loop {
                    let Some(n) = queue.lock().unwrap().pop() else {
                        return took;
                    };
                    let session = format!("{label}-{n}");
                    let phone = format!("+2547{:08}", 90_000_000 + n);
                    let mut text = String::new();
                    for step in 0..=answers.len() {
                        if step > 0 {
                            text = answers[..step].join("*");
                        }
                        let post = Post {
                            session_id: &session,
                            service_code: "*384*87242#",
                            phone: &phone,
                            text: &text,
                        };
                        let one = Instant::now();
                        let screen = answer(&state, &post).await.unwrap();
                        took.push(one.elapsed().as_secs_f64() * 1000.0);
                        assert!(!screen.contains("could not"), "{screen}");
                    }
                }
            })
        });
        let mut took: Vec<f64> = Vec::new();
        for worker in workers {
            took.extend(worker.await.unwrap());
        }
        let seconds = started.elapsed().as_secs_f64();
        let screens = took.len();
        println!(
            "{engine}: {PEOPLE} {label}, {AT_ONCE} at once: {:.0} screens/s, {:.0} journeys/s; per screen p50 {:.1} ms, p99 {:.1} ms",
            screens as f64 / seconds,
            PEOPLE as f64 / seconds,
            common::percentile(&mut took, 0.5),
            common::percentile(&mut took, 0.99),
        );
    }
    state.pool.close().await;
}
