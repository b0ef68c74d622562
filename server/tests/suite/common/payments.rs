//! The payments tests' harness: the app served on a real port with the Daraja and card sandboxes (so the clients
//! reach them over HTTP, as they reach Safaricom and the card provider), a renewal waiting for payment, and the
//! steps of paying it by prompt, by Paybill and by card.

use std::time::Duration;

use super::{
    browser::{register_citizen, Browser, EMAIL, PHONE},
    Engine, TestApp, TestResponse,
};

/// An app in development mode (the sandbox mounted) served on a real port, so that the M-Pesa client reaches the
/// sandbox and the sandbox posts its callback over HTTP, as they will in production.
/// The sandbox decides (the person's PIN) after `delay_ms`.
pub async fn served_with_delay(engine: Engine, delay_ms: u64) -> Option<TestApp> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let app = TestApp::start_with(engine, |settings| {
        settings.development = true;
        settings.test_mode = true;
        settings.public_origin = format!("http://{addr}");
        settings.payments.sandbox_delay_ms = delay_ms;
    })
    .await?;
    listener.set_nonblocking(true).unwrap();
    let listener = tokio::net::TcpListener::from_std(listener).unwrap();
    tokio::spawn(server::serve(listener, app.router.clone(), std::future::pending()));
    Some(app)
}

#[macro_export]
macro_rules! served_on_both_engines {
    ($name:ident, |$app:ident| $body:block) => {
        served_on_both_engines!($name, delay_ms = 100, |$app| $body);
    };
    ($name:ident, delay_ms = $delay:expr, |$app:ident| $body:block) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let $app = common::payments::served_with_delay(common::Engine::Sqlite, $delay).await.unwrap();
                $body
                $app.stop().await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some($app) = common::payments::served_with_delay(common::Engine::Postgres, $delay).await else {
                    return;
                };
                $body
                $app.stop().await;
            }
        }
    };
}

/// Wanjiku's 1-year renewal, submitted: awaiting payment of KES 620. Its id.
pub async fn awaiting_payment(browser: &mut Browser<'_>) -> String {
    register_citizen(browser, EMAIL, PHONE).await;
    try_renewal_submitted(browser)
        .await
        .unwrap_or_else(|why| panic!("{why}"))
}

/// A new application for `service`, started by the signed-in person: its id, or what came instead.
pub async fn try_started(browser: &mut Browser<'_>, service: &str) -> Result<String, String> {
    let (at, _) = browser
        .try_submit("/api/applications/start", &[("service", service)])
        .await?;
    // `/en/applications/{id}/{first step}`
    match at.trim_start_matches("/en/applications/").split('/').next() {
        Some(id) if !id.is_empty() && id != at => Ok(id.to_string()),
        _ => Err(format!("starting {service} led to {at}")),
    }
}

/// The signed-in person's 1-year renewal, started and submitted: its id, or where it stopped.
pub async fn try_renewal_submitted(browser: &mut Browser<'_>) -> Result<String, String> {
    let id = try_started(browser, "dl-renewal").await?;
    let steps = [
        ("/api/renewal/period", vec![("id", id.as_str()), ("period", "1y")]),
        (
            "/api/applications/submit",
            vec![("id", id.as_str()), ("declaration", "yes")],
        ),
    ];
    for (path, form) in steps {
        let (location, page) = browser.try_submit(path, &form).await?;
        if page.body.contains("error-summary") || !page.status.is_success() {
            return Err(format!("{path} → {location}: {} {}", page.status, page.body));
        }
    }
    Ok(id)
}

/// Sends a prompt to `phone` (its last digit is the sandbox's outcome); the request's id.
pub async fn prompt(browser: &mut Browser<'_>, id: &str, phone: &str) -> String {
    try_prompt(browser, id, phone)
        .await
        .unwrap_or_else(|why| panic!("{why}"))
}

/// `prompt`, saying what came instead of the request's page.
pub async fn try_prompt(browser: &mut Browser<'_>, id: &str, phone: &str) -> Result<String, String> {
    let response = browser
        .post("/api/payments/mpesa", &[("id", id), ("phone", phone)])
        .await;
    let location = response.header("location").to_string();
    // In the language of the page the form was on.
    let tail = format!("/applications/{id}/pay/mpesa/");
    match location.split_once(&tail) {
        Some((_, request)) => Ok(request.to_string()),
        None => Err(format!("{location}: {} {}", response.status, response.body)),
    }
}

pub async fn scalar(app: &TestApp, sql: &str, bind: &str) -> String {
    let row: Option<(String,)> = sqlx::query_as(sql)
        .bind(bind)
        .fetch_optional(&app.state.pool)
        .await
        .unwrap();
    row.map(|r| r.0).unwrap_or_default()
}

pub async fn count(app: &TestApp, sql: &str, bind: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).bind(bind).fetch_one(&app.state.pool).await.unwrap();
    n
}

/// Waits (up to 10 s) for `probe` to give something; what it gave.
pub async fn wait_for<F, Fut>(probe: F) -> String
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = String>,
{
    for _ in 0..100 {
        let found = probe().await;
        if !found.is_empty() {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("nothing came in 10 s");
}

/// A bank app pays `reference` to the Paybill: the sandbox asks us to validate (unless `validated` is false, a
/// shortcode that does not ask) and sends the confirmation.
pub async fn pay_through_the_sandbox(app: &TestApp, reference: &str, amount: &str, phone: &str, validated: bool) {
    let mut form = vec![("reference", reference), ("amount", amount), ("phone", phone)];
    if !validated {
        form.push(("unvalidated", "yes"));
    }
    let response = Browser::new(app).post("/sandbox/daraja/c2b", &form).await;
    let said = response.header("location").to_string();
    assert!(said.contains("sent=Sent"), "{said}");
}

/// Waits (up to 10 s) for the request to leave `pending`; its status.
pub async fn settled(app: &TestApp, request: &str) -> String {
    for _ in 0..100 {
        let status = scalar(app, "SELECT status FROM mpesa_requests WHERE id = $1", request).await;
        if status != "pending" && status != "sending" {
            return status;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("request {request} was never settled");
}

pub async fn application_status(app: &TestApp, id: &str) -> String {
    scalar(app, "SELECT status FROM applications WHERE id = $1", id).await
}

/// The query of an address as pairs.
pub fn query_of(url: &str) -> Vec<(String, String)> {
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
    serde_urlencoded::from_str(query).unwrap()
}

/// "Pay by card": the card sandbox's page for a new session, as its query.
pub async fn open_checkout(app: &TestApp, browser: &mut Browser<'_>, id: &str) -> Vec<(String, String)> {
    let response = browser.post("/api/payments/card", &[("id", id)]).await;
    let location = response.header("location").to_string();
    assert!(
        location.starts_with(&format!("{}/sandbox/card?session=", app.state.origin)),
        "{location}"
    );
    query_of(&location)
}

/// Types a test card on the sandbox's page; where the browser is sent back to (an address on this server).
pub async fn pay_with(app: &TestApp, browser: &mut Browser<'_>, checkout: &[(String, String)], card: &str) -> String {
    let mut form: Vec<(&str, &str)> = checkout.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    form.extend([("number", card), ("expiry", "12/29"), ("cvv", "123")]);
    let response = browser.post("/sandbox/card", &form).await;
    let back = response.header("location").to_string();
    back.strip_prefix(app.state.origin.as_str())
        .unwrap_or_else(|| panic!("{back}"))
        .to_string()
}

/// Pays on the sandbox's page with the card whose result never comes back by itself.
pub async fn pay_with_no_return(browser: &mut Browser<'_>, checkout: &[(String, String)]) {
    let mut form: Vec<(&str, &str)> = checkout.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    form.extend([("number", "4000 0000 0000 0077"), ("expiry", "12/29"), ("cvv", "123")]);
    let response = browser.post("/sandbox/card", &form).await;
    assert!(response.body.contains("Payment received"), "{}", response.body);
}

/// The payment events of an application, as `kind` lines.
pub async fn event_kinds(app: &TestApp, id: &str) -> Vec<String> {
    sqlx::query_scalar("SELECT kind FROM payment_events WHERE application_id = $1 ORDER BY id")
        .bind(id)
        .fetch_all(&app.state.pool)
        .await
        .unwrap()
}

/// Posts `body` to one of M-Pesa's addresses (`callback`, `c2b/confirmation`, ...) with this server's token.
pub async fn post_as_mpesa(app: &TestApp, what: &str, body: String) -> TestResponse {
    let token = &app.state.mpesa_callback_token;
    let path = match what {
        "callback" => format!("/payments/mpesa/callback/{token}"),
        c2b => format!("/payments/mpesa/c2b/{token}/{c2b}"),
    };
    app.send(
        axum::http::Request::post(path)
            .header("content-type", "application/json")
            .body(axum::body::Body::from(body))
            .unwrap(),
    )
    .await
}

/// How the application's payment came: its `paid` event's detail.
pub async fn paid_via(app: &TestApp, id: &str) -> String {
    scalar(
        app,
        "SELECT detail FROM payment_events WHERE application_id = $1 AND kind = 'paid'",
        id,
    )
    .await
}

/// Waits (up to 10 s) for the application to complete; how its payment came.
pub async fn completed_via(app: &TestApp, id: &str) -> String {
    let status = wait_for(|| async {
        let status = application_status(app, id).await;
        if status == "completed" {
            status
        } else {
            String::new()
        }
    })
    .await;
    assert_eq!(status, "completed");
    paid_via(app, id).await
}

/// The CheckoutRequestID M-Pesa gave a prompt.
pub async fn checkout_of(app: &TestApp, request: &str) -> String {
    scalar(
        app,
        "SELECT checkout_request_id FROM mpesa_requests WHERE id = $1",
        request,
    )
    .await
}

/// Pays application `id` at the counter (`amount`, the invoice's total): it goes to an officer. Its id.
pub async fn paid_at_counter(app: &TestApp, id: &str, amount: i64) -> app::applications::domain::ApplicationId {
    use app::applications::{
        domain::{ApplicationId, Payment},
        service::{mark_paid, Paid},
    };
    let application = ApplicationId::parse(id).unwrap();
    let payment = Payment {
        method: "counter",
        receipt: format!("RC{}", &id[..8]).to_uppercase(),
        amount: app::fees::domain::Shillings(amount),
    };
    assert_eq!(
        mark_paid(&app.state, &application, &payment).await.unwrap(),
        Paid::InReview
    );
    application
}

/// An officer approves the application in review: it completes.
pub async fn approved(app: &TestApp, application: &app::applications::domain::ApplicationId) {
    use app::applications::{
        domain::Decision,
        service::{decide, Decided},
    };
    assert_eq!(
        decide(&app.state, application, &Decision::Approve).await.unwrap(),
        Decided::Completed
    );
}
