//! Issue 11's benchmark: applications submitted per second with 32 at once, on SQLite and on PostgreSQL (the
//! target is at least 300 a second on each). Prints numbers; asserts nothing. PostgreSQL runs when
//! TEST_DATABASE_URL or DATABASE_URL names one (a scratch database is created and dropped).
//!
//! Each submission is the whole service-layer operation a browser's post ends in: the fee table read, the quote,
//! a fresh reference, the conditional update and two timeline rows in one write transaction.

use std::{sync::Arc, time::Instant};

use app::{
    applications::service::{self as applications, Submitted},
    ids::AccountId,
    settings::Settings,
    web::guard::SignedIn,
};
use sqlx::Executor;

const PEOPLE: usize = 2_000;
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

    // People with a draft renewal each, made directly (registration and argon2 are not what is measured).
    let mut drafts = Vec::with_capacity(PEOPLE);
    for n in 0..PEOPLE {
        let id = format!("bench-{n}");
        sqlx::query(
            "INSERT INTO accounts (id, account_type, document_type, id_number, first_name, last_name, email, \
             email_verified_at, phone, phone_verified_at, password_hash, language, terms_version, terms_accepted_at, \
             created_at) VALUES ($1, 'citizen', 'national_id', $2, 'Bench', 'Person', $3, 1, $4, 1, 'x', 'en', 't', 1, 1)",
        )
        .bind(&id)
        .bind(format!("9{n:07}"))
        .bind(format!("bench{n}@example.com"))
        .bind(format!("+2547009{n:05}"))
        .execute(&state.pool)
        .await
        .unwrap();
        let who = SignedIn {
            id: AccountId::from_stored(id),
            account_type: app::account_type::AccountType::Citizen,
            id_number: format!("9{n:07}"),
            first_name: "Bench".into(),
        };
        let draft = applications::start(&state, &who, "dl-renewal").await.unwrap();
        applications::save(
            &state,
            &who,
            &draft,
            &serde_json::json!({"holder": who.id_number, "period": "1y"}),
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
    state.pool.close().await;
}
