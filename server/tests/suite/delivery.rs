//! The outbox delivery: an SMS provider stand-in records what the Africa's Talking-shaped client sends, and a
//! delivered message is marked sent once.

use crate::common;

use std::sync::{Arc, Mutex};

use axum::{extract::State, http::HeaderMap, routing::post, Form, Router};
use server::delivery::{deliver_once, SmsClient};

type Received = Arc<Mutex<Vec<(String, Vec<(String, String)>)>>>;

/// A fake SMS provider on a random local port: records the apiKey header and the form fields.
async fn provider() -> (String, Received) {
    let received: Received = Arc::default();
    let app = Router::new()
        .route(
            "/version1/messaging",
            post(
                |State(log): State<Received>, headers: HeaderMap, Form(form): Form<Vec<(String, String)>>| async move {
                    let key = headers
                        .get("apiKey")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or_default()
                        .to_string();
                    log.lock().unwrap().push((key, form));
                    "{\"SMSMessageData\":{\"Recipients\":[{\"status\":\"Success\"}]}}"
                },
            ),
        )
        .with_state(received.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/version1/messaging", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, received)
}

async fn queue(app: &common::TestApp, id: &str, channel: &str, recipient: &str, body: &str) {
    sqlx::query(
        "INSERT INTO outbox (id, channel, recipient, subject, body, created_at) VALUES ($1, $2, $3, '', $4, 1)",
    )
    .bind(id)
    .bind(channel)
    .bind(recipient)
    .bind(body)
    .execute(&app.state.pool)
    .await
    .unwrap();
}

on_both_engines!(queued_sms_are_sent_once_in_the_providers_shape, |app| {
    let (url, received) = provider().await;
    let sms = SmsClient::new(app::settings::Sms {
        api_url: url,
        username: "uraia".into(),
        api_key: "secret-key".into(),
        sender_id: "URAIA".into(),
    });
    queue(&app, "m1", "sms", "+254712345678", "Uraia: your code is 123456").await;
    assert_eq!(deliver_once(&app.state, None, Some(&sms)).await.unwrap(), 1);
    // Already sent: a second pass (or another process) sends nothing.
    assert_eq!(deliver_once(&app.state, None, Some(&sms)).await.unwrap(), 0);
    let received = received.lock().unwrap().clone();
    assert_eq!(received.len(), 1);
    let (key, form) = &received[0];
    assert_eq!(key, "secret-key");
    let field = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    assert_eq!(field("username"), Some("uraia"));
    assert_eq!(field("to"), Some("+254712345678"));
    assert_eq!(field("message"), Some("Uraia: your code is 123456"));
    assert_eq!(field("from"), Some("URAIA"));
    let sent: Option<i64> = sqlx::query_scalar("SELECT sent_at FROM outbox WHERE id = 'm1'")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert!(sent.is_some());
});

on_both_engines!(email_waits_when_no_mail_server_is_configured, |app| {
    queue(&app, "m2", "email", "a@example.com", "Body").await;
    let (url, _) = provider().await;
    let sms = SmsClient::new(app::settings::Sms {
        api_url: url,
        ..Default::default()
    });
    assert_eq!(deliver_once(&app.state, None, Some(&sms)).await.unwrap(), 0);
    let attempts: i64 = sqlx::query_scalar("SELECT attempts FROM outbox WHERE id = 'm2'")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(attempts, 0, "not claimed by a process that cannot send it");
});
