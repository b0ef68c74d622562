//! Graceful shutdown: a request in flight when the signal comes still gets its answer; the binary stops on SIGTERM.

use crate::common;

use std::time::Duration;

use axum::routing::get;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_flight_requests_finish_after_the_shutdown_signal() {
    let app = common::TestApp::start(common::Engine::Sqlite).await.unwrap();
    // A slow route beside the real ones: the request is still running when shutdown begins.
    let router = app.router.clone().route(
        "/test-slow",
        get(|| async {
            tokio::time::sleep(Duration::from_millis(500)).await;
            "finished"
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(server::serve(listener, router, async {
        let _ = stopped.await;
    }));
    let request = tokio::spawn(async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
        stream
            .write_all(b"GET /test-slow HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n")
            .await
            .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).await.unwrap();
        response
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    stop.send(()).unwrap();
    let response = request.await.unwrap();
    assert!(
        response.starts_with("HTTP/1.1 200") && response.ends_with("finished"),
        "{response}"
    );
    tokio::time::timeout(Duration::from_secs(5), server)
        .await
        .expect("the server stops")
        .unwrap()
        .unwrap();
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_stops_cleanly_on_sigterm() {
    let dir = std::env::temp_dir().join(format!("uraia-sigterm-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let env = [
        ("URAIA_DATABASE_URL", format!("sqlite://{}/u.db", dir.display())),
        (
            "URAIA_SECURITY__CODE_KEY_FILE",
            dir.join("code.key").display().to_string(),
        ),
    ];
    let mut server = common::process::ServerProcess::new(common::process::free_port(), &env, dir.join("log"));
    server.start().await;
    let status = server
        .terminate()
        .await
        .expect("the server exits within 5 s of SIGTERM");
    assert!(status.success(), "{status:?}");
    let _ = std::fs::remove_dir_all(dir);
}
