//! What the logs hold, in a test binary of its own: the log subscriber is set for this thread only, and tracing
//! caches per call site whether anyone listens, so another test's threads must not have met the same call sites
//! first. No log line of M-Pesa's callbacks holds the secret token in their address.

#[path = "suite/common/mod.rs"]
#[macro_use]
mod common;

use common::payments::post_as_mpesa;

/// No log line of M-Pesa's callbacks holds the secret token: the request log names the route template.
#[tokio::test(flavor = "current_thread")]
async fn callback_tokens_never_reach_the_log() {
    #[derive(Clone, Default)]
    struct Lines(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);
    impl std::io::Write for Lines {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let lines = Lines::default();
    let writer = lines.clone();
    // As `telemetry::init` logs in production: JSON, with the request's span.
    let subscriber = tracing_subscriber::fmt()
        .json()
        .with_current_span(true)
        .with_span_list(false)
        .with_max_level(tracing::Level::DEBUG)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    tracing::callsite::rebuild_interest_cache();
    let app = common::TestApp::start(common::Engine::Sqlite).await.unwrap();
    let token = app.state.mpesa_callback_token.clone();
    let callback = r#"{"Body":{"stkCallback":{"CheckoutRequestID":"ws_CO_1","ResultCode":1032}}}"#.to_string();
    assert_eq!(post_as_mpesa(&app, "callback", callback).await.status, 200);
    let c2b = r#"{"TransID":"QWE1234567","TransAmount":"620","BillRefNumber":"URZZZZZZZZ","MSISDN":"2547"}"#;
    assert_eq!(post_as_mpesa(&app, "validation", c2b.to_string()).await.status, 200);
    let logged = String::from_utf8(lines.0.lock().unwrap().clone()).unwrap();
    assert!(logged.contains("/payments/mpesa/callback/{token}"), "{logged}");
    assert!(logged.contains("/payments/mpesa/c2b/{token}/validation"), "{logged}");
    assert!(!logged.contains(&token), "the token is in the log: {logged}");
    app.stop().await;
}
