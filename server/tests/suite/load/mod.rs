//! The `uraia` binary under load, as a process of its own (issue 30): `chaos` kills it again and again during a
//! write storm, `soak` keeps a steady load on it for a long while. Both run the storm's journeys (`storm`) against
//! a server on a fresh database, with M-Pesa played by the Daraja sandbox served by this test process (so its
//! books and its callbacks outlive the server), and look in the database for what must hold (`checks`).

mod chaos;
mod checks;
mod officers;
mod soak;
mod storm;

use std::{path::PathBuf, sync::Arc};

use crate::common::{
    self,
    process::{free_port, ServerProcess},
    Engine, TestApp,
};

/// The callback secret the server process and this test share.
const CALLBACK_TOKEN: &str = "c4a05c4a05c4a05c4a05c4a05c4a05c4a05c4a05";

/// A server process on a fresh database, the sandbox that plays M-Pesa for it, and this test's view of both.
pub struct Stage {
    /// Browsers reach the server through it; its pool reads the server's database.
    pub app: Arc<TestApp>,
    pub server: ServerProcess,
    mpesa: TestApp,
    dir: PathBuf,
}

impl Stage {
    /// The server started on `engine` with `people` on the register for the storm; None when the engine is not
    /// there to test against (PostgreSQL outside CI).
    pub async fn start(engine: Engine, people: usize) -> Option<Stage> {
        // M-Pesa: the sandbox, answering each prompt's PIN after 300 ms.
        let mpesa = common::payments::served_with_delay(Engine::Sqlite, 300).await.unwrap();
        let port = free_port();
        let origin = format!("http://127.0.0.1:{port}");
        // This test's view of the server's database (it migrates it first).
        let app = TestApp::start_with(engine, |settings| {
            settings.public_origin = origin.clone();
            settings.payments.mpesa_callback_token = CALLBACK_TOKEN.into();
        })
        .await?
        .sending_to(&origin);
        storm::register_people(&app, 0, people).await;
        let dir = std::env::temp_dir().join(format!("uraia-load-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        // As in production: no development aids, a real (sandbox) M-Pesa, behind a proxy on this machine.
        let env = [
            ("URAIA_DATABASE_URL", app.state.settings.database_url.clone()),
            ("URAIA_PUBLIC_ORIGIN", origin),
            ("URAIA_SECURITY__CODE_KEY", app.state.settings.security.code_key.clone()),
            ("URAIA_SECURITY__TRUSTED_PROXIES", "[\"127.0.0.1\"]".into()),
            (
                "URAIA_PAYMENTS__MPESA_BASE_URL",
                format!("{}/sandbox/daraja", mpesa.state.origin),
            ),
            ("URAIA_PAYMENTS__MPESA_CALLBACK_TOKEN", CALLBACK_TOKEN.into()),
            ("LEPTOS_HASH_FILES", "false".into()),
            ("URAIA_LOG", "warn".into()),
        ];
        let mut server = ServerProcess::new(port, &env, dir.join("server.log"));
        server.start().await;
        Some(Stage {
            app: Arc::new(app),
            server,
            mpesa,
            dir,
        })
    }

    /// Stops the server and removes both databases.
    pub async fn stop(self) {
        let Stage {
            app,
            mut server,
            mpesa,
            dir,
        } = self;
        server.kill();
        let _ = std::fs::remove_dir_all(dir);
        Arc::into_inner(app).expect("the workers are done").stop().await;
        mpesa.stop().await;
    }
}

/// The whole number a variable gives, or `default`.
fn setting(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}
