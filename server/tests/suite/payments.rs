//! M-Pesa prompts (STK push) through the real router and the Daraja sandbox, over real HTTP, on both databases: a
//! prompt paid by its callback; the same callback ten times at once paying once; a lost callback settled by the
//! reconciler, and two reconcilers settling it once; a failed prompt's message; a forged "paid" not believed and a
//! contradiction raised; a push that timed out still settled; the wait page's queries rationed; callbacks only from
//! M-Pesa with a live token; another person's prompt a 404.

use crate::common;

use std::time::Duration;

use app::payments::service::{self as payments, Settled, StkResult};
use common::{
    browser::{last_message, main, register_person, Browser, EMAIL},
    payments::*,
};

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
    let checkout = checkout_of(&app, &request).await;
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
    let via = paid_via(&app, &id).await;
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
    let checkout = checkout_of(&app, &request).await;
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

served_on_both_engines!(a_forged_stk_paid_is_not_believed, |app| {
    let mut browser = Browser::new(&app);
    let id = awaiting_payment(&mut browser).await;
    // Last digit 2: the person will cancel on the phone (1032), 100 ms from now.
    let request = prompt(&mut browser, &id, "0712 345 672").await;
    let checkout = checkout_of(&app, &request).await;
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
    let checkout = checkout_of(&app, &request).await;
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

served_on_both_engines!(a_prompt_m_pesa_did_not_answer_is_still_settled_by_its_callback, |app| {
    let mut browser = Browser::new(&app);
    let id = awaiting_payment(&mut browser).await;
    // Last digit 6: paid, but no callback. Then, as if the push had timed out here: no CheckoutRequestID known.
    let request = prompt(&mut browser, &id, "0712 345 676").await;
    let checkout = checkout_of(&app, &request).await;
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
