//! A process that loses PostgreSQL (issue 30): while the database cannot be reached, `/healthz` and the pages that
//! need it answer 503 with "not available for a moment" (never a 500, never the database's words), and the process
//! recovers by itself once the database answers again, without a restart.

use std::net::SocketAddr;
use std::sync::{
    atomic::{AtomicBool, Ordering},
    Arc, Mutex,
};

use crate::common;

use common::browser::{main, register_citizen, Browser, EMAIL, PHONE};
use tokio::{net::TcpListener, task::JoinHandle};

/// A TCP link in front of PostgreSQL that can be cut (open connections dropped, new ones refused) and mended.
struct Link {
    addr: SocketAddr,
    cut: Arc<AtomicBool>,
    open: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Link {
    async fn to(upstream: String) -> Link {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (cut, open) = (Arc::new(AtomicBool::new(false)), Arc::new(Mutex::new(Vec::new())));
        let (is_cut, opened) = (cut.clone(), open.clone());
        tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                if is_cut.load(Ordering::SeqCst) {
                    continue; // dropped: the connection is refused
                }
                let upstream = upstream.clone();
                opened.lock().unwrap().push(tokio::spawn(async move {
                    if let Ok(mut server) = tokio::net::TcpStream::connect(&upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                }));
            }
        });
        Link { addr, cut, open }
    }

    fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
        for connection in self.open.lock().unwrap().drain(..) {
            connection.abort();
        }
    }

    fn mend(&self) {
        self.cut.store(false, Ordering::SeqCst);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_process_that_loses_postgresql_answers_503_and_recovers_by_itself() {
    // The test database is made on the server DATABASE_URL names; a second process reaches it through the link.
    let Some(first) = common::TestApp::start(common::Engine::Postgres).await else {
        return;
    };
    let database_url = first.state.settings.database_url.clone();
    let (_, rest) = database_url.split_once('@').expect("postgres://user@host:port/db");
    let (upstream, _) = rest.split_once('/').unwrap();
    let link = Link::to(upstream.to_string()).await;
    let app = first
        .same_settings_on(database_url.replacen(upstream, &link.addr.to_string(), 1))
        .await;
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    assert_eq!(browser.get("/en/dashboard").await.status, 200);

    link.cut();
    assert_eq!(app.get("/healthz").await.status, 503);
    for lang in ["en", "sw"] {
        let page = browser.get(&format!("/{lang}/dashboard")).await;
        assert_eq!(page.status, 503, "{lang}: {}", main(&page.body));
        let text = main(&page.body);
        let expected = if lang == "en" {
            "not available for a moment"
        } else {
            "haipatikani kwa muda"
        };
        assert!(text.contains(expected), "{lang}: {text}");
        for internal in ["sqlx", "Pool", "pool timed", "postgres", "database"] {
            assert!(!text.contains(internal), "{lang}: {internal} in {text}");
        }
    }

    link.mend();
    let mut healthy = false;
    for _ in 0..60 {
        if app.get("/healthz").await.status == 200 {
            healthy = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    assert!(healthy, "the process recovers by itself once the database is back");
    assert_eq!(browser.get("/en/dashboard").await.status, 200);
    app.state.pool.close().await;
    first.stop().await;
}
