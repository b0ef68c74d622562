//! Test harness: a fresh database per test (a temporary SQLite file, or a new PostgreSQL database), the same
//! `router(state)` that main serves, and requests sent to it in-process.
#![allow(dead_code)]

pub mod browser;
#[macro_use]
pub mod payments;
pub mod people;
pub mod process;
pub mod refunds;
pub mod registration;
pub mod staff;
pub mod transfer;

use app::{settings::Settings, state::AppState};
use axum::{
    body::Body,
    http::{HeaderMap, Request, StatusCode},
    Router,
};
use http_body_util::BodyExt;
use sqlx::Executor;
use tower::ServiceExt;

pub use app::db::Engine;

pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    cleanup: Cleanup,
    /// A server in another process that requests go to (over HTTP) instead of `router`; `state` then reads the
    /// same database.
    remote: Option<Remote>,
}

struct Remote {
    origin: String,
    http: reqwest::Client,
    /// How long each answer took (a load test's percentiles).
    timings: std::sync::Mutex<Vec<std::time::Duration>>,
}

enum Cleanup {
    None,
    Dir(std::path::PathBuf),
    Database { admin_url: String, name: String },
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// The body as it came (for pictures).
    pub bytes: Vec<u8>,
}

impl TestResponse {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default()
    }
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// PostgreSQL is required in CI (a missing or unreachable server fails the test loudly); elsewhere it is
/// optional and its absence skips the PostgreSQL half with a printed notice.
fn postgres_unavailable(why: &str) -> Option<sqlx::AnyPool> {
    if in_ci() {
        panic!("CI requires PostgreSQL: {why} (see README, 'Against PostgreSQL')");
    }
    eprintln!("NOTICE: PostgreSQL tests skipped: {why}");
    None
}

/// The PostgreSQL server to test against: TEST_DATABASE_URL, else DATABASE_URL when it is a postgres:// URL.
fn postgres_admin_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .or_else(|| std::env::var("DATABASE_URL").ok())
        .filter(|url| url.starts_with("postgres"))
}

async fn postgres_admin(url: Option<&str>) -> Option<sqlx::AnyPool> {
    let Some(url) = url else {
        return postgres_unavailable("set DATABASE_URL=postgres://user@host/db to run them");
    };
    sqlx::any::install_default_drivers();
    match sqlx::AnyPool::connect(url).await {
        Ok(pool) => Some(pool),
        Err(error) => postgres_unavailable(&format!("{url} is unreachable: {error}")),
    }
}

fn leptos_options() -> leptos::config::LeptosOptions {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../Leptos.toml");
    leptos_config::get_configuration(Some(path))
        .expect("Leptos.toml")
        .leptos_options
}

/// A new, empty database (a path in a new temporary folder, or a new PostgreSQL database) and what removes it;
/// `None` when PostgreSQL is not there to test against.
async fn empty_database(engine: Engine) -> Option<(String, Cleanup)> {
    Some(match engine {
        Engine::Sqlite => {
            let dir = std::env::temp_dir().join(format!("uraia-test-{}", uuid::Uuid::new_v4().simple()));
            (format!("sqlite://{}/uraia.db", dir.display()), Cleanup::Dir(dir))
        }
        Engine::Postgres => {
            let admin_url = postgres_admin_url();
            let admin = postgres_admin(admin_url.as_deref()).await?;
            let admin_url = admin_url.unwrap_or_default();
            let name = format!("uraia_test_{}", uuid::Uuid::new_v4().simple());
            admin.execute(format!("CREATE DATABASE {name}").as_str()).await.unwrap();
            admin.close().await;
            let (base, _) = admin_url.rsplit_once('/').expect("a database URL has a path");
            (format!("{base}/{name}"), Cleanup::Database { admin_url, name })
        }
    })
}

impl TestApp {
    pub async fn start(engine: Engine) -> Option<TestApp> {
        Self::start_with(engine, |_| {}).await
    }

    /// Starts the app on a fresh database, after `adjust` has had its say on the settings.
    pub async fn start_with(engine: Engine, adjust: impl FnOnce(&mut Settings)) -> Option<TestApp> {
        let (database_url, cleanup) = empty_database(engine).await?;
        let mut settings = Settings {
            database_url,
            // Outside development the public origin is required; the test browser posts from it.
            public_origin: "http://localhost".into(),
            ..Settings::default()
        };
        // A fixed key, so no key file is written into the source tree.
        settings.security.code_key = "5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7".into();
        adjust(&mut settings);
        let state = server::build_state(leptos_options(), settings)
            .await
            .expect("the app starts");
        Some(TestApp {
            router: server::router(state.clone()),
            state,
            cleanup,
            remote: None,
        })
    }

    /// Another server process on the same database: its own state (clock, caches), shared tables.
    pub async fn second_process(&self) -> TestApp {
        self.same_settings_on(self.state.settings.database_url.clone()).await
    }

    /// A new process with this one's settings (its keys among them) on a new database that `backup` is restored
    /// into, as a deployment restores after losing its database.
    pub async fn restored(&self, backup: &std::path::Path) -> TestApp {
        let engine = Engine::of(&self.state.settings.database_url).unwrap();
        let (url, cleanup) = empty_database(engine).await.expect("the engine answered before");
        server::backup::restore(&url, backup)
            .await
            .expect("the backup restores");
        TestApp {
            cleanup,
            ..self.same_settings_on(url).await
        }
    }

    /// Another process with this one's settings on the database at `database_url` (left in place when it stops).
    pub async fn same_settings_on(&self, database_url: String) -> TestApp {
        // One deployment's processes share their configured secrets (here, the one this process drew).
        let mut settings = self.state.settings.clone();
        settings.payments.mpesa_callback_token = self.state.mpesa_callback_token.clone();
        settings.database_url = database_url;
        let state = server::build_state(leptos_options(), settings)
            .await
            .expect("another process starts");
        TestApp {
            router: server::router(state.clone()),
            state,
            cleanup: Cleanup::None,
            remote: None,
        }
    }

    /// This app's requests go to the server process at `origin` (its public origin) instead; the state stays,
    /// to read the database they share.
    pub fn sending_to(mut self, origin: &str) -> TestApp {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .expect("an HTTP client");
        self.remote = Some(Remote {
            origin: origin.to_string(),
            http,
            timings: Default::default(),
        });
        self
    }

    /// How long each answer from the other process took since the last call.
    pub fn take_timings(&self) -> Vec<std::time::Duration> {
        self.remote
            .as_ref()
            .map(|remote| std::mem::take(&mut *remote.timings.lock().unwrap()))
            .unwrap_or_default()
    }

    /// The site's own origin, which a browser's form posts carry.
    pub fn origin(&self) -> String {
        let configured = match &self.remote {
            Some(remote) => &remote.origin,
            None => &self.state.settings.public_origin,
        };
        match configured.trim_end_matches('/') {
            "" => "http://localhost".to_string(),
            origin => origin.to_string(),
        }
    }

    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        if let Some(remote) = &self.remote {
            return remote.send(request).await;
        }
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.send(
            Request::get(path)
                .header("host", "localhost")
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    /// Closes the pool and removes the database.
    pub async fn stop(self) {
        self.state.pool.close().await;
        match self.cleanup {
            Cleanup::None => {}
            Cleanup::Dir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Database { admin_url, name } => {
                if let Ok(admin) = sqlx::AnyPool::connect(&admin_url).await {
                    let _ = admin
                        .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                        .await;
                    admin.close().await;
                }
            }
        }
    }
}

impl Remote {
    /// The request over HTTP; a server that cannot be reached (stopped, killed) answers 503 with the reason.
    async fn send(&self, request: Request<Body>) -> TestResponse {
        let (parts, body) = request.into_parts();
        let bytes = body.collect().await.unwrap().to_bytes();
        let mut headers = parts.headers;
        headers.remove("host");
        let url = format!("{}{}", self.origin, parts.uri);
        let began = std::time::Instant::now();
        let sent = self
            .http
            .request(parts.method, url)
            .headers(headers)
            .body(bytes)
            .send()
            .await;
        let failed = |why: String| TestResponse {
            status: StatusCode::SERVICE_UNAVAILABLE,
            headers: HeaderMap::new(),
            body: why.clone(),
            bytes: why.into_bytes(),
        };
        match sent {
            Ok(response) => {
                let (status, headers) = (response.status(), response.headers().clone());
                let read = response.bytes().await;
                self.timings.lock().unwrap().push(began.elapsed());
                match read {
                    Ok(bytes) => TestResponse {
                        status,
                        headers,
                        body: String::from_utf8_lossy(&bytes).into_owned(),
                        bytes: bytes.to_vec(),
                    },
                    Err(error) => failed(format!("unreachable: {error}")),
                }
            }
            Err(error) => failed(format!("unreachable: {error}")),
        }
    }
}

/// Runs the same test body on SQLite and on PostgreSQL: `on_both_engines!(name, |app| { ... });`
#[macro_export]
macro_rules! on_both_engines {
    ($name:ident, |$app:ident| $body:block) => {
        on_both_engines!($name, |_settings| {}, |$app| $body);
    };
    ($name:ident, |$settings:ident| $adjust:block, |$app:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let $app = common::TestApp::start_with(common::Engine::Sqlite, |$settings| $adjust).await.unwrap();
                $body
                $app.stop().await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some($app) = common::TestApp::start_with(common::Engine::Postgres, |$settings| $adjust).await
                else {
                    return;
                };
                $body
                $app.stop().await;
            }
        }
    };
}
