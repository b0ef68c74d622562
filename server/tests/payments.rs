//! M-Pesa payments through the real router and the Daraja sandbox, over real HTTP, on both databases: a prompt
//! paid by its callback; the same callback ten times at once paying once; a lost callback settled by the
//! reconciler, and two reconcilers settling it once; a failed prompt's message; a wrong amount and an unknown
//! reference refused and logged; a second payment of a paid invoice kept as a credit; another person's prompt a 404.

mod common;

use std::time::Duration;

use app::payments::service::{self as payments, Confirmation, Settled, StkResult};
use common::browser::{last_message, main, register_citizen, register_person, Browser, EMAIL, PHONE};

/// An app in development mode (the sandbox mounted) served on a real port, so that the M-Pesa client reaches the
/// sandbox and the sandbox posts its callback over HTTP, as they will in production.
/// The sandbox decides (the person's PIN) after `delay_ms`.
async fn served_with_delay(engine: common::Engine, delay_ms: u64) -> Option<common::TestApp> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let app = common::TestApp::start_with(engine, |settings| {
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

macro_rules! served_on_both_engines {
    ($name:ident, |$app:ident| $body:block) => {
        served_on_both_engines!($name, delay_ms = 100, |$app| $body);
    };
    ($name:ident, delay_ms = $delay:expr, |$app:ident| $body:block) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let $app = served_with_delay(common::Engine::Sqlite, $delay).await.unwrap();
                $body
                $app.stop().await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some($app) = served_with_delay(common::Engine::Postgres, $delay).await else {
                    return;
                };
                $body
                $app.stop().await;
            }
        }
    };
}

/// Wanjiku's 1-year renewal, submitted: awaiting payment of KES 620. Its id.
async fn awaiting_payment(browser: &mut Browser<'_>) -> String {
    register_citizen(browser, EMAIL, PHONE).await;
    let (at, _) = browser
        .submit("/api/applications/start", &[("service", "dl-renewal")])
        .await;
    let id = at
        .trim_start_matches("/en/applications/")
        .trim_end_matches("/period")
        .to_string();
    browser
        .submit("/api/renewal/period", &[("id", &id), ("period", "1y")])
        .await;
    browser
        .submit("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
        .await;
    id
}

/// Sends a prompt to `phone` (its last digit is the sandbox's outcome); the request's id.
async fn prompt(browser: &mut Browser<'_>, id: &str, phone: &str) -> String {
    let response = browser
        .post("/api/payments/mpesa", &[("id", id), ("phone", phone)])
        .await;
    let location = response.header("location").to_string();
    // In the language of the page the form was on.
    let tail = format!("/applications/{id}/pay/mpesa/");
    let (_, request) = location
        .split_once(&tail)
        .unwrap_or_else(|| panic!("{location}: {}", response.body));
    request.to_string()
}

async fn scalar(app: &common::TestApp, sql: &str, bind: &str) -> String {
    let row: Option<(String,)> = sqlx::query_as(sql)
        .bind(bind)
        .fetch_optional(&app.state.pool)
        .await
        .unwrap();
    row.map(|r| r.0).unwrap_or_default()
}

async fn count(app: &common::TestApp, sql: &str, bind: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).bind(bind).fetch_one(&app.state.pool).await.unwrap();
    n
}

/// Waits (up to 10 s) for `probe` to give something; what it gave.
async fn wait_for<F, Fut>(probe: F) -> String
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
async fn pay_through_the_sandbox(app: &common::TestApp, reference: &str, amount: &str, phone: &str, validated: bool) {
    let mut form = vec![("reference", reference), ("amount", amount), ("phone", phone)];
    if !validated {
        form.push(("unvalidated", "yes"));
    }
    let response = Browser::new(app).post("/sandbox/daraja/c2b", &form).await;
    let said = response.header("location").to_string();
    assert!(said.contains("sent=Sent"), "{said}");
}

/// Waits (up to 10 s) for the request to leave `pending`; its status.
async fn settled(app: &common::TestApp, request: &str) -> String {
    for _ in 0..100 {
        let status = scalar(app, "SELECT status FROM mpesa_requests WHERE id = $1", request).await;
        if status != "pending" && status != "sending" {
            return status;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("request {request} was never settled");
}

async fn application_status(app: &common::TestApp, id: &str) -> String {
    scalar(app, "SELECT status FROM applications WHERE id = $1", id).await
}

served_on_both_engines!(a_prompt_is_paid_by_its_callback, |app| {
    let mut browser = Browser::new(&app);
    let id = awaiting_payment(&mut browser).await;
    let page = browser.get(&format!("/en/applications/{id}/pay")).await;
    let html = main(&page.body);
    assert!(html.contains("KES 620") && html.contains("0712 345 678"), "{html}");
    let request = prompt(&mut browser, &id, "0712 345 678").await;
    let page = browser.get(&format!("/en/applications/{id}/pay/mpesa/{request}")).await;
    let html = main(&page.body);
    assert!(
        html.contains("Check your phone") && html.contains("2547•••••678"),
        "{html}"
    );
    assert_eq!(settled(&app, &request).await, "paid");
    // A renewal completes itself when paid; the receipt is the sandbox's.
    assert_eq!(application_status(&app, &id).await, "completed");
    let receipt = scalar(&app, "SELECT receipt FROM payments WHERE application_id = $1", &id).await;
    assert!(app::payments::domain::is_receipt(&receipt), "{receipt}");
    // The page now goes to the application, which says it is complete.
    let page = browser.get(&format!("/en/applications/{id}/pay/mpesa/{request}")).await;
    assert_eq!(page.header("location"), format!("/en/applications/{id}"));
    let kinds = count(
        &app,
        "SELECT COUNT(*) FROM payment_events WHERE application_id = $1",
        &id,
    )
    .await;
    assert_eq!(kinds, 3, "prompt, accepted, paid");
    // The applicant is told by SMS and email, with the reference and the receipt.
    let reference = scalar(&app, "SELECT reference FROM applications WHERE id = $1", &id).await;
    for to in ["+254712345678", EMAIL] {
        let message = last_message(&app, to).await;
        assert!(
            message.contains("we received KES 620") && message.contains(&reference),
            "{message}"
        );
    }
});

served_on_both_engines!(the_same_callback_ten_times_at_once_pays_once, |app| {
    let mut browser = Browser::new(&app);
    let id = awaiting_payment(&mut browser).await;
    // Last digit 6: the sandbox sends no callback; this test sends it, ten times at once.
    let request = prompt(&mut browser, &id, "0712 345 676").await;
    let checkout = scalar(
        &app,
        "SELECT checkout_request_id FROM mpesa_requests WHERE id = $1",
        &request,
    )
    .await;
    let result = StkResult {
        checkout_request_id: checkout,
        result_code: 0,
        amount: Some(620),
        receipt: Some("OEB44R5U3U".into()),
        phone: Some("254712345676".into()),
    };
    // Each "paid" is confirmed by a status query; the sandbox has decided after its delay (100 ms).
    tokio::time::sleep(Duration::from_millis(300)).await;
    let outcomes = futures_util::future::join_all((0..10).map(|_| payments::on_callback(&app.state, &result))).await;
    let paid = outcomes
        .iter()
        .filter(|o| matches!(o.as_ref().unwrap(), Settled::Paid(_)))
        .count();
    assert_eq!(paid, 1, "{outcomes:?}");
    assert!(outcomes
        .iter()
        .all(|o| matches!(o.as_ref().unwrap(), Settled::Paid(_) | Settled::Duplicate)));
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM payments WHERE application_id = $1", &id).await,
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM payment_credits WHERE application_id = $1",
            &id
        )
        .await,
        0
    );
    // Over HTTP too: the token in the address is checked, and a repeat changes nothing.
    let token = app.state.mpesa_callback_token.clone();
    let body = format!(
        r#"{{"Body":{{"stkCallback":{{"CheckoutRequestID":"{}","ResultCode":0,"CallbackMetadata":{{"Item":[{{"Name":"Amount","Value":620}},{{"Name":"MpesaReceiptNumber","Value":"OEB44R5U3U"}}]}}}}}}}}"#,
        result.checkout_request_id
    );
    let post = |path: String| {
        axum::http::Request::post(path)
            .header("content-type", "application/json")
            .body(axum::body::Body::from(body.clone()))
            .unwrap()
    };
    assert_eq!(
        app.send(post(format!("/payments/mpesa/callback/{token}"))).await.status,
        200
    );
    assert_eq!(
        app.send(post("/payments/mpesa/callback/wrong".into())).await.status,
        404
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM payments WHERE application_id = $1", &id).await,
        1
    );
});

served_on_both_engines!(a_lost_callback_is_settled_by_one_reconciler, |app| {
    let mut browser = Browser::new(&app);
    let id = awaiting_payment(&mut browser).await;
    let request = prompt(&mut browser, &id, "0712 345 676").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    // Within the minute a callback is given, nothing is asked.
    assert_eq!(app::payments::mpesa::reconcile(&app.state).await.unwrap(), 0);
    assert!(app.state.clock.advance(61));
    // Two server processes reconcile at once: the request is settled once.
    let other = app.second_process().await;
    let (one, two) = tokio::join!(
        app::payments::mpesa::reconcile(&app.state),
        app::payments::mpesa::reconcile(&other.state)
    );
    assert_eq!(one.unwrap() + two.unwrap(), 1);
    assert_eq!(settled(&app, &request).await, "paid");
    assert_eq!(application_status(&app, &id).await, "completed");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM payments WHERE application_id = $1", &id).await,
        1
    );
    let via = scalar(
        &app,
        "SELECT detail FROM payment_events WHERE application_id = $1 AND kind = 'paid'",
        &id,
    )
    .await;
    assert!(via.contains("status query"), "{via}");
});

served_on_both_engines!(a_cancelled_prompt_says_so_and_another_can_follow, |app| {
    let mut browser = Browser::new(&app);
    let id = awaiting_payment(&mut browser).await;
    // Last digit 2: the person cancels (1032).
    let request = prompt(&mut browser, &id, "0712 345 672").await;
    assert_eq!(settled(&app, &request).await, "failed");
    assert_eq!(application_status(&app, &id).await, "awaiting_payment");
    let page = browser.get(&format!("/en/applications/{id}/pay/mpesa/{request}")).await;
    assert_eq!(page.header("location"), format!("/en/applications/{id}/pay"));
    let page = browser.get(&format!("/en/applications/{id}/pay")).await;
    let html = main(&page.body);
    assert!(
        html.contains("You cancelled the payment request on your phone"),
        "{html}"
    );
    // In Kiswahili too.
    let page = browser.get(&format!("/sw/applications/{id}/pay")).await;
    assert!(
        main(&page.body).contains("Ulighairi kidirisha cha malipo"),
        "{}",
        main(&page.body)
    );
    // A new prompt pays.
    let again = prompt(&mut browser, &id, "0712 345 678").await;
    assert_eq!(settled(&app, &again).await, "paid");
    assert_eq!(application_status(&app, &id).await, "completed");
});

served_on_both_engines!(wrong_amounts_and_unknown_references_are_refused_and_logged, |app| {
    let mut browser = Browser::new(&app);
    let id = awaiting_payment(&mut browser).await;
    let request = prompt(&mut browser, &id, "0712 345 676").await;
    let checkout = scalar(
        &app,
        "SELECT checkout_request_id FROM mpesa_requests WHERE id = $1",
        &request,
    )
    .await;
    let wrong = StkResult {
        checkout_request_id: checkout,
        result_code: 0,
        amount: Some(1),
        receipt: Some("OEB44R5U3U".into()),
        phone: Some("254712345676".into()),
    };
    assert_eq!(
        payments::on_callback(&app.state, &wrong).await.unwrap(),
        Settled::Refused
    );
    // Money for a prompt nobody sent is kept for staff, with what M-Pesa said of it.
    let unknown = StkResult {
        checkout_request_id: "ws_CO_0000".into(),
        amount: Some(500),
        ..wrong.clone()
    };
    assert_eq!(
        payments::on_callback(&app.state, &unknown).await.unwrap(),
        Settled::Investigate
    );
    let kept: (String, i64, String) =
        sqlx::query_as("SELECT receipt, amount_kes, phone FROM payment_investigations WHERE kind = 'unknown-prompt'")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(kept, ("OEB44R5U3U".into(), 500, "254712345676".into()));
    // A failed result for no prompt is only logged.
    let unknown_failure = StkResult {
        result_code: 1032,
        amount: None,
        receipt: None,
        ..unknown.clone()
    };
    assert_eq!(
        payments::on_callback(&app.state, &unknown_failure).await.unwrap(),
        Settled::Refused
    );
    assert_eq!(application_status(&app, &id).await, "awaiting_payment");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM payments WHERE application_id = $1", &id).await,
        0
    );
    let refused: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM payment_events WHERE kind = 'refused'")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(refused.0, 2);
    // The history is append-only.
    assert!(sqlx::query("DELETE FROM payment_events")
        .execute(&app.state.pool)
        .await
        .is_err());
});

served_on_both_engines!(a_second_payment_of_a_paid_invoice_becomes_a_credit, |app| {
    let mut browser = Browser::new(&app);
    let id = awaiting_payment(&mut browser).await;
    let reference = scalar(&app, "SELECT reference FROM applications WHERE id = $1", &id).await;
    let paybill = |trans_id: &str| Confirmation {
        trans_id: trans_id.into(),
        bill_reference: reference.to_lowercase(),
        amount: 620,
        msisdn: "254712345678".into(),
    };
    // M-Pesa asked first, and we accepted: the confirmation is believed.
    assert_eq!(
        payments::validate(&app.state, &paybill("QWE1234567")).await.unwrap(),
        payments::Validation::Accept
    );
    assert!(matches!(
        payments::on_confirmation(&app.state, &paybill("QWE1234567"))
            .await
            .unwrap(),
        Settled::Paid(_)
    ));
    // M-Pesa repeats the confirmation: nothing changes.
    assert_eq!(
        payments::on_confirmation(&app.state, &paybill("QWE1234567"))
            .await
            .unwrap(),
        Settled::Duplicate
    );
    // The person pays again by mistake (from a shortcode that does not validate): once M-Pesa's books confirm
    // it, the money is kept as a credit to refund.
    pay_through_the_sandbox(&app, &reference, "620", "254712345678", false).await;
    let trans_id = wait_for(|| {
        scalar(
            &app,
            "SELECT trans_id FROM mpesa_confirmations WHERE status = $1 AND trans_id <> 'QWE1234567'",
            "settled",
        )
    })
    .await;
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM payments WHERE application_id = $1", &id).await,
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM payment_credits WHERE application_id = $1",
            &id
        )
        .await,
        1
    );
    assert_eq!(application_status(&app, &id).await, "completed");
    // The person sees it on the application's page.
    let page = browser.get(&format!("/en/applications/{id}")).await;
    let html = main(&page.body);
    assert!(html.contains("Money to refund") && html.contains(&trans_id), "{html}");
});

served_on_both_engines!(another_persons_prompt_is_not_found, |app| {
    let mut browser = Browser::new(&app);
    let id = awaiting_payment(&mut browser).await;
    let request = prompt(&mut browser, &id, "0712 345 676").await;
    assert_eq!(
        browser.get(&format!("/payments/mpesa/status/{request}")).await.body,
        "pending"
    );
    let mut stranger = Browser::new(&app);
    register_person(
        &mut stranger,
        ("31234567", "Otieno", "1985"),
        "otieno@example.com",
        "0722 000 001",
    )
    .await;
    assert_eq!(
        stranger.get(&format!("/payments/mpesa/status/{request}")).await.status,
        404
    );
    assert_eq!(stranger.get(&format!("/en/applications/{id}/pay")).await.status, 404);
    let (_, page) = stranger
        .submit("/api/payments/mpesa", &[("id", &id), ("phone", "0722 000 001")])
        .await;
    assert_eq!(page.status, 404);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM mpesa_requests WHERE application_id = $1",
            &id
        )
        .await,
        1
    );
    // Signed out: nothing either.
    assert_eq!(app.get(&format!("/payments/mpesa/status/{request}")).await.status, 404);
});

/// The query of an address as pairs.
fn query_of(url: &str) -> Vec<(String, String)> {
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
    serde_urlencoded::from_str(query).unwrap()
}

/// "Pay by card": the card sandbox's page for a new session, as its query.
async fn open_checkout(app: &common::TestApp, browser: &mut Browser<'_>, id: &str) -> Vec<(String, String)> {
    let response = browser.post("/api/payments/card", &[("id", id)]).await;
    let location = response.header("location").to_string();
    assert!(
        location.starts_with(&format!("{}/sandbox/card?session=", app.state.origin)),
        "{location}"
    );
    query_of(&location)
}

/// Types a test card on the sandbox's page; where the browser is sent back to (an address on this server).
async fn pay_with(
    app: &common::TestApp,
    browser: &mut Browser<'_>,
    checkout: &[(String, String)],
    card: &str,
) -> String {
    let mut form: Vec<(&str, &str)> = checkout.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    form.extend([("number", card), ("expiry", "12/29"), ("cvv", "123")]);
    let response = browser.post("/sandbox/card", &form).await;
    let back = response.header("location").to_string();
    back.strip_prefix(app.state.origin.as_str())
        .unwrap_or_else(|| panic!("{back}"))
        .to_string()
}

served_on_both_engines!(card_results_are_checked_and_used_once, |app| {
    let mut browser = Browser::new(&app);
    let id = awaiting_payment(&mut browser).await;
    // Declined: nothing paid, and the payment page says why.
    let checkout = open_checkout(&app, &mut browser, &id).await;
    let back = pay_with(&app, &mut browser, &checkout, "4000 0000 0000 0002").await;
    let landed = browser.get(&back).await;
    assert_eq!(
        landed.header("location"),
        format!("/en/applications/{id}/pay?card=declined")
    );
    let page = browser.get(&format!("/en/applications/{id}/pay?card=declined")).await;
    assert!(
        main(&page.body).contains("Your card was declined"),
        "{}",
        main(&page.body)
    );
    // A result changed on its way back (a smaller amount) is refused.
    let checkout = open_checkout(&app, &mut browser, &id).await;
    let back = pay_with(&app, &mut browser, &checkout, "4242 4242 4242 4242").await;
    let tampered = back.replace("amount=620", "amount=1");
    assert_ne!(tampered, back);
    let landed = browser.get(&tampered).await;
    assert_eq!(
        landed.header("location"),
        format!("/en/applications/{id}/pay?card=refused")
    );
    // The genuine result pays (with the browser, or by the provider's notification, whichever comes first); the
    // same result again changes nothing and still lands on the application.
    let landed = browser.get(&back).await;
    assert_eq!(landed.header("location"), format!("/en/applications/{id}"));
    assert_eq!(application_status(&app, &id).await, "completed");
    let replayed = browser.get(&back).await;
    assert_eq!(replayed.header("location"), format!("/en/applications/{id}"));
    // Another session's result is a replay here: refused.
    let other_session = back.replace(&format!("session={}", checkout[0].1), "session=0000");
    assert_ne!(other_session, back);
    let landed = browser.get(&other_session).await;
    assert_eq!(landed.header("location"), "/en");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM payments WHERE application_id = $1", &id).await,
        1
    );
    let method = scalar(&app, "SELECT method FROM payments WHERE application_id = $1", &id).await;
    assert_eq!(method, "card");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM documents WHERE application_id = $1", &id).await,
        2
    );
    let refused = count(
        &app,
        "SELECT COUNT(*) FROM payment_events WHERE application_id = $1 AND kind = 'refused'",
        &id,
    )
    .await;
    assert!(refused >= 1, "the tampered result is in the history");
});

served_on_both_engines!(a_card_payment_arrives_without_the_browser, |app| {
    let mut browser = Browser::new(&app);
    let id = awaiting_payment(&mut browser).await;
    // Paid, and the tab closed: the provider's notification alone settles it.
    let checkout = open_checkout(&app, &mut browser, &id).await;
    pay_with(&app, &mut browser, &checkout, "4242 4242 4242 4242").await;
    let paid = wait_for(|| async {
        let status = application_status(&app, &id).await;
        if status == "completed" {
            status
        } else {
            String::new()
        }
    })
    .await;
    assert_eq!(paid, "completed");
    let via = scalar(
        &app,
        "SELECT detail FROM payment_events WHERE application_id = $1 AND kind = 'paid'",
        &id,
    )
    .await;
    assert!(
        via.contains("notified by the provider") || via.ends_with("(card)"),
        "{via}"
    );
    // A forged notification (no valid signature) is refused.
    let forged = browser
        .post(
            "/payments/card/notify",
            &[
                ("session", &checkout[0].1),
                ("reference", "UR23456789"),
                ("amount", "620"),
                ("outcome", "paid"),
                ("transaction", "FORGED"),
                ("sig", "00"),
            ],
        )
        .await;
    assert_eq!(forged.status, 400);
});

served_on_both_engines!(an_open_card_session_is_asked_about_and_a_stale_one_expires, |app| {
    let mut browser = Browser::new(&app);
    let id = awaiting_payment(&mut browser).await;
    // Paid, but neither the browser nor the notification comes back.
    let checkout = open_checkout(&app, &mut browser, &id).await;
    pay_with_no_return(&mut browser, &checkout).await;
    // Not asked within the first minutes; then asked, and settled.
    assert_eq!(app::payments::card::reconcile(&app.state).await.unwrap(), 0);
    assert_eq!(application_status(&app, &id).await, "awaiting_payment");
    assert!(app.state.clock.advance(301));
    let other = app.second_process().await;
    let (one, two) = tokio::join!(
        app::payments::card::reconcile(&app.state),
        app::payments::card::reconcile(&other.state)
    );
    assert_eq!(one.unwrap() + two.unwrap(), 1, "asked once, by one process");
    assert_eq!(application_status(&app, &id).await, "completed");
    // A session nobody finished expires after a day.
    sqlx::query("INSERT INTO card_sessions (id, application_id, reference, amount_kes, lang, status, created_at) SELECT 'stale', id, 'URSTALE234', 620, 'en', 'open', $1 FROM applications WHERE id = $2")
        .bind(app.state.clock.now() - 86_401)
        .bind(&id)
        .execute(&app.state.pool)
        .await
        .unwrap();
    app::payments::card::reconcile(&app.state).await.unwrap();
    assert_eq!(
        scalar(&app, "SELECT status FROM card_sessions WHERE id = $1", "stale").await,
        "expired"
    );
});

/// Pays on the sandbox's page with the card whose result never comes back by itself.
async fn pay_with_no_return(browser: &mut Browser<'_>, checkout: &[(String, String)]) {
    let mut form: Vec<(&str, &str)> = checkout.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    form.extend([("number", "4000 0000 0000 0077"), ("expiry", "12/29"), ("cvv", "123")]);
    let response = browser.post("/sandbox/card", &form).await;
    assert!(response.body.contains("Payment received"), "{}", response.body);
}

served_on_both_engines!(
    paybill_validation_accepts_only_a_waiting_reference_and_its_amount,
    |app| {
        let mut browser = Browser::new(&app);
        let id = awaiting_payment(&mut browser).await;
        let reference = scalar(&app, "SELECT reference FROM applications WHERE id = $1", &id).await;
        let token = app.state.mpesa_callback_token.clone();
        let ask = |reference: &str, amount: &str| {
            let body = format!(
                r#"{{"TransID":"QWE1234567","TransAmount":"{amount}","BillRefNumber":"{reference}","MSISDN":"254712345678"}}"#
            );
            axum::http::Request::post(format!("/payments/mpesa/c2b/{token}/validation"))
                .header("content-type", "application/json")
                .body(axum::body::Body::from(body))
                .unwrap()
        };
        assert!(app
            .send(ask(&reference, "620"))
            .await
            .body
            .contains(r#""ResultCode":"0""#));
        assert!(app.send(ask(&reference, "600")).await.body.contains("C2B00013"));
        assert!(app.send(ask("URZZZZZZZZ", "620")).await.body.contains("C2B00012"));
    }
);

/// The payment events of an application, as `kind` lines.
async fn event_kinds(app: &common::TestApp, id: &str) -> Vec<String> {
    sqlx::query_scalar("SELECT kind FROM payment_events WHERE application_id = $1 ORDER BY id")
        .bind(id)
        .fetch_all(&app.state.pool)
        .await
        .unwrap()
}

/// Posts `body` to one of M-Pesa's addresses (`callback`, `c2b/confirmation`, ...) with this server's token.
async fn post_as_mpesa(app: &common::TestApp, what: &str, body: String) -> common::TestResponse {
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

served_on_both_engines!(a_forged_stk_paid_is_not_believed, |app| {
    let mut browser = Browser::new(&app);
    let id = awaiting_payment(&mut browser).await;
    // Last digit 2: the person will cancel on the phone (1032), 100 ms from now.
    let request = prompt(&mut browser, &id, "0712 345 672").await;
    let checkout = scalar(
        &app,
        "SELECT checkout_request_id FROM mpesa_requests WHERE id = $1",
        &request,
    )
    .await;
    // "Paid" with no amount and no receipt: refused as it stands.
    let bare = format!(r#"{{"Body":{{"stkCallback":{{"CheckoutRequestID":"{checkout}","ResultCode":0}}}}}}"#);
    assert_eq!(post_as_mpesa(&app, "callback", bare).await.status, 200);
    // "Paid" with the right amount and a receipt: M-Pesa's status query does not confirm it.
    let forged = format!(
        r#"{{"Body":{{"stkCallback":{{"CheckoutRequestID":"{checkout}","ResultCode":0,"CallbackMetadata":{{"Item":[{{"Name":"Amount","Value":620}},{{"Name":"MpesaReceiptNumber","Value":"FORGED1234"}},{{"Name":"PhoneNumber","Value":254712345672}}]}}}}}}}}"#
    );
    assert_eq!(post_as_mpesa(&app, "callback", forged.clone()).await.status, 200);
    // M-Pesa's own "cancelled" arrives and settles it.
    assert_eq!(settled(&app, &request).await, "failed");
    // The forgery again, now that M-Pesa has decided: a contradiction, raised for staff.
    assert_eq!(post_as_mpesa(&app, "callback", forged).await.status, 200);
    assert_eq!(application_status(&app, &id).await, "awaiting_payment");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM payments WHERE application_id = $1", &id).await,
        0
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM documents WHERE application_id = $1", &id).await,
        0
    );
    let kinds = event_kinds(&app, &id).await;
    for kind in ["refused", "unconfirmed", "failed", "contradiction"] {
        assert!(kinds.iter().any(|k| k == kind), "{kind}: {kinds:?}");
    }
    let raised = count(
        &app,
        "SELECT COUNT(*) FROM payment_investigations WHERE kind = 'contradiction' AND application_id = $1",
        &id,
    )
    .await;
    assert_eq!(raised, 1);
});

served_on_both_engines!(a_paid_result_after_a_cancel_is_raised_not_dropped, |app| {
    let mut browser = Browser::new(&app);
    let id = awaiting_payment(&mut browser).await;
    let request = prompt(&mut browser, &id, "0712 345 678").await;
    assert_eq!(settled(&app, &request).await, "paid");
    // A "cancelled" for the same prompt after it was paid: kept and raised, the payment stands.
    let checkout = scalar(
        &app,
        "SELECT checkout_request_id FROM mpesa_requests WHERE id = $1",
        &request,
    )
    .await;
    let cancelled = StkResult {
        checkout_request_id: checkout,
        result_code: 1032,
        amount: None,
        receipt: None,
        phone: None,
    };
    assert_eq!(
        payments::on_callback(&app.state, &cancelled).await.unwrap(),
        Settled::Investigate
    );
    assert_eq!(application_status(&app, &id).await, "completed");
    assert!(event_kinds(&app, &id).await.contains(&"contradiction".to_string()));
});

served_on_both_engines!(a_paybill_confirmation_is_believed_only_when_m_pesa_confirms_it, |app| {
    let mut browser = Browser::new(&app);
    let id = awaiting_payment(&mut browser).await;
    let reference = scalar(&app, "SELECT reference FROM applications WHERE id = $1", &id).await;
    // Anyone who knows the reference and its amount posts a confirmation that M-Pesa never sent.
    let forged = format!(
        r#"{{"TransID":"FORGED0001","TransAmount":"620","BillRefNumber":"{reference}","MSISDN":"254700000000"}}"#
    );
    assert_eq!(post_as_mpesa(&app, "confirmation", forged).await.status, 200);
    // M-Pesa's books (the Transaction Status API) know no such payment: refused.
    let refused = wait_for(|| {
        scalar(
            &app,
            "SELECT status FROM mpesa_confirmations WHERE trans_id = $1 AND status <> 'unverified'",
            "FORGED0001",
        )
    })
    .await;
    assert_eq!(refused, "refused");
    assert_eq!(application_status(&app, &id).await, "awaiting_payment");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM payments WHERE application_id = $1", &id).await,
        0
    );
    // A real payment from a shortcode that does not validate: M-Pesa's books confirm it, and it pays.
    pay_through_the_sandbox(&app, &reference, "620", "254712345678", false).await;
    let paid = wait_for(|| async {
        let status = application_status(&app, &id).await;
        if status == "completed" {
            status
        } else {
            String::new()
        }
    })
    .await;
    assert_eq!(paid, "completed");
    let via = scalar(
        &app,
        "SELECT detail FROM payment_events WHERE application_id = $1 AND kind = 'paid'",
        &id,
    )
    .await;
    assert!(via.contains("confirmed by transaction status"), "{via}");
});

served_on_both_engines!(a_validated_paybill_payment_pays_at_once, |app| {
    let mut browser = Browser::new(&app);
    let id = awaiting_payment(&mut browser).await;
    let reference = scalar(&app, "SELECT reference FROM applications WHERE id = $1", &id).await;
    pay_through_the_sandbox(&app, &reference, "620", "254712345678", true).await;
    // The sandbox returns once the confirmation was answered: no status query was needed.
    assert_eq!(application_status(&app, &id).await, "completed");
    let via = scalar(
        &app,
        "SELECT detail FROM payment_events WHERE application_id = $1 AND kind = 'paid'",
        &id,
    )
    .await;
    assert!(via.ends_with("(paybill)"), "{via}");
    // Money under a reference nobody has, confirmed by M-Pesa: kept for staff, with the payer's phone.
    pay_through_the_sandbox(&app, "URZZZZZZZZ", "620", "254712345670", false).await;
    let phone = wait_for(|| {
        scalar(
            &app,
            "SELECT phone FROM payment_investigations WHERE kind = $1",
            "unknown-reference",
        )
    })
    .await;
    assert_eq!(phone, "254712345670");
});

served_on_both_engines!(a_prompt_m_pesa_did_not_answer_is_still_settled_by_its_callback, |app| {
    let mut browser = Browser::new(&app);
    let id = awaiting_payment(&mut browser).await;
    // Last digit 6: paid, but no callback. Then, as if the push had timed out here: no CheckoutRequestID known.
    let request = prompt(&mut browser, &id, "0712 345 676").await;
    let checkout = scalar(
        &app,
        "SELECT checkout_request_id FROM mpesa_requests WHERE id = $1",
        &request,
    )
    .await;
    sqlx::query("UPDATE mpesa_requests SET status = 'sending', checkout_request_id = NULL WHERE id = $1")
        .bind(&request)
        .execute(&app.state.pool)
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let late = StkResult {
        checkout_request_id: checkout,
        result_code: 0,
        amount: Some(620),
        receipt: Some("OEB44R5U3U".into()),
        phone: Some("254712345676".into()),
    };
    assert!(matches!(
        payments::on_callback(&app.state, &late).await.unwrap(),
        Settled::Paid(_)
    ));
    assert_eq!(settled(&app, &request).await, "paid");
    assert_eq!(application_status(&app, &id).await, "completed");
});

// The sandbox takes a minute to decide: every query in this test finds the prompt still processing.
served_on_both_engines!(
    the_wait_page_asks_m_pesa_at_most_every_15_seconds,
    delay_ms = 60_000,
    |app| {
        let mut browser = Browser::new(&app);
        let id = awaiting_payment(&mut browser).await;
        // Last digit 6: no callback comes, so the page asks once the prompt is 20 s old.
        let request = prompt(&mut browser, &id, "0712 345 676").await;
        assert!(app.state.clock.advance(20));
        let page = format!("/en/applications/{id}/pay/mpesa/{request}");
        let asked = || {
            scalar(
                &app,
                "SELECT CAST(last_queried_at AS TEXT) FROM mpesa_requests WHERE id = $1",
                &request,
            )
        };
        browser.get(&page).await;
        let first = asked().await;
        assert!(!first.is_empty(), "the first late load asks");
        for _ in 0..19 {
            browser.get(&page).await;
        }
        assert_eq!(asked().await, first, "twenty loads within 15 s ask once");
        assert!(app.state.clock.advance(15));
        browser.get(&page).await;
        assert_ne!(asked().await, first, "15 s later it may ask again");
    }
);

/// A callback from outside `payments.mpesa_callback_sources` is the 404 of an unknown address, whatever its token;
/// the token being rotated out is still accepted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn callbacks_come_only_from_m_pesa_with_a_live_token() {
    let old = "0ld-t0ken-0ld-t0ken-0ld-t0ken-0ld".to_string();
    let previous = old.clone();
    let app = common::TestApp::start_with(common::Engine::Sqlite, move |settings| {
        settings.payments.mpesa_callback_token = "n3w-t0ken-n3w-t0ken-n3w-t0ken-n3w".into();
        settings.payments.mpesa_previous_callback_token = previous;
        settings.payments.mpesa_callback_sources = vec!["196.201.214.0/24".into()];
    })
    .await
    .unwrap();
    let body = r#"{"Body":{"stkCallback":{"CheckoutRequestID":"ws_CO_1","ResultCode":1032}}}"#;
    let from = |address: &str, token: &str| {
        let mut request = axum::http::Request::post(format!("/payments/mpesa/callback/{token}"))
            .header("content-type", "application/json")
            .body(axum::body::Body::from(body))
            .unwrap();
        let peer: std::net::SocketAddr = format!("{address}:443").parse().unwrap();
        request.extensions_mut().insert(axum::extract::ConnectInfo(peer));
        request
    };
    let new = app.state.mpesa_callback_token.clone();
    assert_eq!(new, "n3w-t0ken-n3w-t0ken-n3w-t0ken-n3w");
    assert_eq!(app.send(from("196.201.214.200", &new)).await.status, 200);
    assert_eq!(
        app.send(from("196.201.214.200", &old)).await.status,
        200,
        "the old token during its rotation"
    );
    assert_eq!(app.send(from("196.201.214.200", "wrong")).await.status, 404);
    assert_eq!(app.send(from("203.0.113.9", &new)).await.status, 404, "not from M-Pesa");
    app.stop().await;
}
