//! Issue 13's benchmark: inspection places. The slot race (100 people taking a slot's last place at once: how
//! long until all have their answer, one place and 99 offers of the nearest free times), then places held per
//! second with 32 at once across centres, days and times. On SQLite and on PostgreSQL (when TEST_DATABASE_URL or
//! DATABASE_URL names one). Prints numbers; asserts nothing beyond the race having one winner.

use std::{sync::Arc, time::Instant};

use app::{
    applications::{domain::ApplicationId, service as applications},
    inspection::{
        domain,
        service::{self as inspection, Held},
    },
    settings::Settings,
};
use sqlx::Executor;

const RACERS: usize = 100;
const RACES: usize = 5;
const HOLDS: usize = 2_000;
const AT_ONCE: usize = 32;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    sqlx::any::install_default_drivers();
    let dir = std::env::temp_dir().join(format!("uraia-bench-{}", uuid::Uuid::new_v4().simple()));
    run("SQLite", &format!("sqlite://{}/bench.db", dir.display())).await;
    let _ = std::fs::remove_dir_all(dir);
    let admin_url = std::env::var("TEST_DATABASE_URL")
        .ok()
        .or_else(|| std::env::var("DATABASE_URL").ok())
        .filter(|url| url.starts_with("postgres"));
    match admin_url {
        Some(admin_url) => {
            let admin = sqlx::AnyPool::connect(&admin_url).await.expect("PostgreSQL");
            let name = format!("uraia_bench_{}", uuid::Uuid::new_v4().simple());
            admin.execute(format!("CREATE DATABASE {name}").as_str()).await.unwrap();
            let (base, _) = admin_url.rsplit_once('/').unwrap();
            run("PostgreSQL", &format!("{base}/{name}")).await;
            let _ = admin
                .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                .await;
        }
        None => println!("PostgreSQL: skipped (set DATABASE_URL=postgres://... to run it)"),
    }
}

/// `n` applications awaiting payment, made directly (one account: starting and paying is not what is measured).
async fn applications_of(state: &app::state::AppState, n: usize) -> Vec<app::applications::domain::Application> {
    sqlx::query(
        "INSERT INTO accounts (id, account_type, document_type, id_number, first_name, last_name, email, \
         email_verified_at, phone, phone_verified_at, password_hash, language, terms_version, terms_accepted_at, \
         created_at) VALUES ('bench', 'citizen', 'national_id', '90000000', 'Bench', 'Person', 'b@example.com', 1, \
         '+254700900000', 1, 'x', 'en', 't', 1, 1) ON CONFLICT DO NOTHING",
    )
    .execute(&state.pool)
    .await
    .unwrap();
    let mut conn = state.pool.acquire().await.unwrap();
    let mut made = Vec::with_capacity(n);
    for _ in 0..n {
        let id = uuid::Uuid::new_v4().simple().to_string();
        sqlx::query(
            "INSERT INTO applications (id, account_id, service, status, answers, created_at, updated_at) \
             VALUES ($1, 'bench', 'inspection', 'awaiting_payment', '{}', 0, 0)",
        )
        .bind(&id)
        .execute(&mut *conn)
        .await
        .unwrap();
        let id = ApplicationId::parse(&id).unwrap();
        made.push(applications::by_id_in(&mut conn, &id).await.unwrap().unwrap());
    }
    made
}

fn percentile(took: &mut [f64], q: f64) -> f64 {
    took.sort_by(|a, b| a.total_cmp(b));
    took[((took.len() as f64 * q) as usize).min(took.len() - 1)]
}

async fn run(engine: &str, database_url: &str) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../Leptos.toml");
    let options = leptos_config::get_configuration(Some(path)).unwrap().leptos_options;
    let mut settings = Settings {
        database_url: database_url.into(),
        public_origin: "http://localhost".into(),
        ..Settings::default()
    };
    settings.security.code_key = "5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7".into();
    let state = server::build_state(options, settings).await.expect("the app starts");
    let days = domain::bookable_days(state.clock.today());

    // The race: Meru's centre has 5 places a slot; 4 go first, then 100 race for the last.
    let mut races = Vec::new();
    for day in days.iter().copied().take(RACES) {
        let people = applications_of(&state, RACERS + 4).await;
        let slot = "10:00";
        for early in &people[..4] {
            inspection::hold(&state, early, "IC-MRU", day, slot).await.unwrap();
        }
        let started = Instant::now();
        let outcomes = futures_util::future::join_all(
            people[4..]
                .iter()
                .map(|application| inspection::hold(&state, application, "IC-MRU", day, slot)),
        )
        .await;
        races.push(started.elapsed().as_secs_f64() * 1000.0);
        let won = outcomes.into_iter().filter(|o| matches!(o, Ok(Held::Held))).count();
        assert_eq!(won, 1, "one winner");
    }
    println!(
        "{engine}: {RACERS} people racing for a slot's last place ({RACES} races): median {:.0} ms, worst {:.0} ms to answer all",
        percentile(&mut races.clone(), 0.5),
        percentile(&mut races, 1.0)
    );

    // Places held per second, 32 at once, spread over centres, days and times (none runs out).
    let people = applications_of(&state, HOLDS).await;
    let centres = ["IC-LKR", "IC-IND", "IC-MSA", "IC-KSM", "IC-NKR", "IC-ELD", "IC-NYR"];
    let work: Vec<_> = people
        .into_iter()
        .enumerate()
        .map(|(n, application)| {
            let centre = centres[n % centres.len()];
            let day = days[5 + (n / centres.len()) % 25];
            let slot = domain::SLOTS[(n / (centres.len() * 25)) % domain::SLOTS.len()];
            (application, centre, day, slot)
        })
        .collect();
    let queue = Arc::new(std::sync::Mutex::new(work));
    let started = Instant::now();
    let workers = (0..AT_ONCE).map(|_| {
        let (state, queue) = (state.clone(), queue.clone());
        tokio::spawn(async move {
            let mut took = Vec::new();
            loop {
                let Some((application, centre, day, slot)) = queue.lock().unwrap().pop() else {
                    return took;
                };
                let one = Instant::now();
                let held = inspection::hold(&state, &application, centre, day, slot).await.unwrap();
                assert_eq!(held, Held::Held);
                took.push(one.elapsed().as_secs_f64() * 1000.0);
            }
        })
    });
    let mut took: Vec<f64> = Vec::new();
    for worker in workers {
        took.extend(worker.await.unwrap());
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{engine}: {} places held, {AT_ONCE} at once: {:.0}/s; per hold p50 {:.1} ms, p99 {:.1} ms",
        took.len(),
        took.len() as f64 / seconds,
        percentile(&mut took, 0.5),
        percentile(&mut took, 0.99)
    );
    state.pool.close().await;
}
