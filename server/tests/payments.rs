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
async fn served(engine: common::Engine) -> Option<common::TestApp> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let app = common::TestApp::start_with(engine, |settings| {
        settings.development = true;
        settings.test_mode = true;
        settings.public_origin = format!("http://{addr}");
        settings.payments.sandbox_delay_ms = 100;
    })
    .await?;
    listener.set_nonblocking(true).unwrap();
    let listener = tokio::net::TcpListener::from_std(listener).unwrap();
    tokio::spawn(server::serve(listener, app.router.clone(), std::future::pending()));
    Some(app)
}

macro_rules! served_on_both_engines {
    ($name:ident, |$app:ident| $body:block) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let $app = served(common::Engine::Sqlite).await.unwrap();
                $body
                $app.stop().await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some($app) = served(common::Engine::Postgres).await else {
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
    };
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
    };
    assert_eq!(
        payments::on_callback(&app.state, &wrong).await.unwrap(),
        Settled::Refused
    );
    let unknown = StkResult {
        checkout_request_id: "ws_CO_0000".into(),
        ..wrong.clone()
    };
    assert_eq!(
        payments::on_callback(&app.state, &unknown).await.unwrap(),
        Settled::Refused
    );
    let paybill = Confirmation {
        trans_id: "QWE1234567".into(),
        bill_reference: "URZZZZZZZZ".into(),
        amount: 620,
        msisdn: "254712345678".into(),
    };
    assert_eq!(
        payments::on_confirmation(&app.state, &paybill).await.unwrap(),
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
    assert_eq!(refused.0, 3);
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
    // The person pays again by mistake: the money is kept as a credit to refund.
    assert_eq!(
        payments::on_confirmation(&app.state, &paybill("QWE7654321"))
            .await
            .unwrap(),
        Settled::Credit
    );
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
    assert!(
        html.contains("Money to refund") && html.contains("QWE7654321"),
        "{html}"
    );
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
    assert_eq!(application_status(&app, &id).await, "awaiting_payment");
    // The genuine result pays; the same result again changes nothing.
    let landed = browser.get(&back).await;
    assert_eq!(landed.header("location"), format!("/en/applications/{id}"));
    assert_eq!(application_status(&app, &id).await, "completed");
    let replayed = browser.get(&back).await;
    assert_eq!(
        replayed.header("location"),
        format!("/en/applications/{id}/pay?card=refused")
    );
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
    assert_eq!(refused, 2, "the tampered and the replayed result are in the history");
});

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
