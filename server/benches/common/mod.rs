//! What every benchmark shares: the app on SQLite and then on PostgreSQL (a database of its own, when
#![allow(dead_code)] // each bench uses the part it needs
//! TEST_DATABASE_URL or DATABASE_URL names a server), and percentiles.

use std::future::Future;

use app::{settings::Settings, state::AppState};
use sqlx::Executor;

/// Runs `bench` against a fresh SQLite file, then a fresh PostgreSQL database if one is configured.
pub async fn on_both_engines<F, Fut>(bench: F)
where
    F: Fn(&'static str, AppState) -> Fut,
    Fut: Future<Output = ()>,
{
    on_both_engines_as(Serving::No, bench).await
}

/// Whether the app is served on a port of its own with the development sandboxes (the M-Pesa client then reaches
/// the Daraja sandbox over HTTP, as it reaches Safaricom).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Serving {
    No,
    WithSandboxes,
}

/// `on_both_engines`, served or not.
pub async fn on_both_engines_as<F, Fut>(serving: Serving, bench: F)
where
    F: Fn(&'static str, AppState) -> Fut,
    Fut: Future<Output = ()>,
{
    sqlx::any::install_default_drivers();
    let state = |url: String| async move {
        match serving {
            Serving::No => state(&url).await,
            Serving::WithSandboxes => served(&url).await,
        }
    };
    let dir = std::env::temp_dir().join(format!("uraia-bench-{}", uuid::Uuid::new_v4().simple()));
    bench("SQLite", state(format!("sqlite://{}/bench.db", dir.display())).await).await;
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
            bench("PostgreSQL", state(format!("{base}/{name}")).await).await;
            let _ = admin
                .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                .await;
        }
        None => println!("PostgreSQL: skipped (set DATABASE_URL=postgres://... to run it)"),
    }
}

async fn state(database_url: &str) -> AppState {
    state_with(database_url, |_| {}).await
}

async fn state_with(database_url: &str, adjust: impl FnOnce(&mut Settings)) -> AppState {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../Leptos.toml");
    let options = leptos_config::get_configuration(Some(path)).unwrap().leptos_options;
    let mut settings = Settings {
        database_url: database_url.into(),
        public_origin: "http://localhost".into(),
        ..Settings::default()
    };
    settings.security.code_key = "5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7".into();
    adjust(&mut settings);
    server::build_state(options, settings).await.expect("the app starts")
}

/// The app served on a free loopback port in development (the sandboxes mounted; the Daraja sandbox decides at
/// once).
async fn served(database_url: &str) -> AppState {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = state_with(database_url, |settings| {
        settings.development = true;
        settings.public_origin = format!("http://{addr}");
        settings.payments.sandbox_delay_ms = 0;
    })
    .await;
    tokio::spawn(server::serve(
        listener,
        server::router(state.clone()),
        std::future::pending(),
    ));
    state
}

/// A signed-up, verified account made directly (signing up is not what a bench measures); `id_number`: 8 digits.
pub async fn account(state: &AppState, id: &str, id_number: &str) {
    sqlx::query(
        "INSERT INTO accounts (id, account_type, document_type, id_number, first_name, last_name, email, \
         email_verified_at, phone, phone_verified_at, password_hash, language, terms_version, terms_accepted_at, \
         created_at) VALUES ($1, 'citizen', 'national_id', $2, 'Bench', 'Person', $3, 1, $4, 1, 'x', 'en', 't', 1, 1) \
         ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(id_number)
    .bind(format!("{id}@example.com"))
    .bind(format!("+2547{id_number}"))
    .execute(&state.pool)
    .await
    .unwrap();
}

/// The `q` quantile of `took` (sorted in place).
pub fn percentile(took: &mut [f64], q: f64) -> f64 {
    took.sort_by(|a, b| a.total_cmp(b));
    took[((took.len() as f64 * q) as usize).min(took.len() - 1)]
}

/// Pages per second, p50 and p99 (ms) of `requests` GETs of `url` with `cookie`, `concurrency` at once; every
/// answer must be 200.
pub async fn load_page(url: &str, cookie: &str, concurrency: usize, requests: usize) -> (f64, f64, f64) {
    let client = reqwest::Client::new();
    let started = std::time::Instant::now();
    let tasks = (0..concurrency).map(|_| {
        let (client, url, cookie) = (client.clone(), url.to_string(), cookie.to_string());
        tokio::spawn(async move {
            let mut took = Vec::with_capacity(requests / concurrency);
            for _ in 0..requests / concurrency {
                let at = std::time::Instant::now();
                let response = client.get(&url).header("cookie", &cookie).send().await.unwrap();
                assert_eq!(response.status(), 200);
                response.bytes().await.unwrap();
                took.push(at.elapsed().as_secs_f64() * 1000.0);
            }
            took
        })
    });
    let mut took: Vec<f64> = futures_util::future::join_all(tasks)
        .await
        .into_iter()
        .flat_map(Result::unwrap)
        .collect();
    let seconds = started.elapsed().as_secs_f64();
    (
        took.len() as f64 / seconds,
        percentile(&mut took, 0.50),
        percentile(&mut took, 0.99),
    )
}

/// A signed-in session for `account_id` with session `data` (JSON), good for a day: its cookie.
pub async fn session_cookie(state: &AppState, account_id: &str, data: &str) -> String {
    let token = app::web::secrets::token();
    let now = state.clock.now();
    sqlx::query(
        "INSERT INTO sessions (id_hash, account_id, data, label, created_at, last_seen_at, expires_at) \
         VALUES ($1, $2, $3, 'bench', $4, $4, $5)",
    )
    .bind(app::web::secrets::hash(&token))
    .bind(account_id)
    .bind(data)
    .bind(now)
    .bind(now + 86_400)
    .execute(&state.pool)
    .await
    .unwrap();
    format!("uraia_session={token}")
}
