//! The `uraia` binary as a process of its own: started on a port, stopped by a signal or killed outright, and
//! started again on the same port and settings (the crash and shutdown tests).

use std::{
    path::PathBuf,
    process::{Child, Command},
    time::Duration,
};

pub struct ServerProcess {
    child: Option<Child>,
    pub port: u16,
    env: Vec<(String, String)>,
    /// Where the process writes its log (appended across restarts).
    pub log: PathBuf,
}

/// A port nobody listens on now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl ServerProcess {
    /// A server on `port` with `env` beside the listening address; not started yet.
    pub fn new(port: u16, env: &[(&str, String)], log: PathBuf) -> ServerProcess {
        let mut all = vec![("LEPTOS_SITE_ADDR".to_string(), format!("127.0.0.1:{port}"))];
        all.extend(env.iter().map(|(k, v)| (k.to_string(), v.clone())));
        ServerProcess {
            child: None,
            port,
            env: all,
            log,
        }
    }

    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Starts the binary and waits (up to 60 s) until it accepts connections: it opens its port only once the
    /// database is migrated and the state is built.
    pub async fn start(&mut self) {
        assert!(self.child.is_none(), "the server is already running");
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .unwrap();
        // URAIA_BIN: another build of the binary (the optimised one, for a load test's figures).
        let binary = std::env::var("URAIA_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_uraia").to_string());
        let mut command = Command::new(binary);
        command
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
            // The server's own database setting, never the test runner's.
            .env_remove("DATABASE_URL")
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .stdout(log.try_clone().unwrap())
            .stderr(log);
        self.child = Some(command.spawn().expect("the uraia binary starts"));
        for _ in 0..600 {
            if tokio::net::TcpStream::connect(("127.0.0.1", self.port)).await.is_ok() {
                return;
            }
            if let Some(status) = self.child.as_mut().unwrap().try_wait().unwrap() {
                panic!("the server exited with {status}: see {}", self.log.display());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the server did not start listening in 60 s: see {}", self.log.display());
    }

    /// The running process's id.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// SIGKILL: the process ends at once, in whatever it was doing.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().unwrap();
            child.wait().unwrap();
        }
    }

    /// SIGTERM, and how the process ended (None: still running after 5 s).
    pub async fn terminate(&mut self) -> Option<std::process::ExitStatus> {
        let child = self.child.as_mut()?;
        let sent = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        for _ in 0..100 {
            tokio::time::sleep(Duration::from_millis(50)).await;
            if let Some(status) = child.try_wait().unwrap() {
                self.child = None;
                return Some(status);
            }
        }
        None
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}
