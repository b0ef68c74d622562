//! Refunds through the real router, the Daraja sandbox and the card sandbox, on both databases: ten simultaneous
//! approvals make one B2C payment; the refund ends from M-Pesa's books and the person is told; a B2C failure leaves
//! the money owed with M-Pesa's reason; a card refund is made once; money under an unknown reference is attached
//! by a supervisor and the application completes; a document is withdrawn; only supervisors reach any of it.

use crate::common;

use app::refunds::{
    domain::Source,
    service::{self, Approved},
};
use common::{
    browser::{errors, main, Browser},
    payments::*,
    refunds::*,
    staff::{staff, SECOND, SECOND_EMAIL, SECOND_PHONE},
};

served_on_both_engines!(ten_approvals_at_once_make_one_b2c_payment, |app| {
    let mut citizen = Browser::new(&app);
    let phone = own_phone('0');
    let (id, credit) = paid_twice(&app, &mut citizen, &phone).await;
    let (_, supervisor) = supervisor(&app).await;
    let approvals = (0..10).map(|_| service::approve(&app.state, &supervisor, "test", Source::Credit, &credit));
    let outcomes: Vec<Approved> = futures_util::future::join_all(approvals)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let sent = outcomes.iter().filter(|o| matches!(o, Approved::Sent(_))).count();
    assert_eq!(sent, 1, "{outcomes:?}");
    assert!(outcomes
        .iter()
        .all(|o| matches!(o, Approved::Sent(_) | Approved::Taken | Approved::NotOwed)));
    assert_eq!(server::sandbox::payouts_to(&phone), 1);
    // The B2C result comes; M-Pesa's books are asked; they say it was paid.
    assert_eq!(refund_ended(&app, &credit).await, "refunded");
    let refunded_at = scalar(
        &app,
        "SELECT CAST(refunded_at AS TEXT) FROM payment_credits WHERE id = $1",
        &credit,
    )
    .await;
    assert!(!refunded_at.is_empty());
    let kinds = event_kinds(&app, &id).await;
    for kind in ["credit", "refund-approved", "refund-sent", "refund-result", "refunded"] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
    }
    assert!(
        common::browser::last_message(&app, &common::staff::e164(common::browser::PHONE))
            .await
            .contains("refunded KES 620"),
    );
    // The person sees it on the application's page.
    let page = citizen.get(&format!("/en/applications/{id}")).await;
    assert!(
        main(&page.body).contains("We refunded KES 620 to M-Pesa 2547"),
        "{}",
        main(&page.body)
    );
    // Nothing is owed any more: approving again does nothing.
    assert_eq!(
        service::approve(&app.state, &supervisor, "test", Source::Credit, &credit)
            .await
            .unwrap(),
        Approved::NotOwed
    );
    let audit = count(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE action = $1",
        "refund-approve",
    )
    .await;
    assert_eq!(audit, 1);
});

served_on_both_engines!(a_b2c_failure_leaves_the_money_owed_with_the_reason, |app| {
    let mut citizen = Browser::new(&app);
    let phone = own_phone('9');
    let (_, credit) = paid_twice(&app, &mut citizen, &phone).await;
    let (mut browser, _) = supervisor(&app).await;
    let (location, _) = browser
        .submit("/api/staff/refund", &[("source", "credit"), ("id", &credit)])
        .await;
    assert_eq!(location, "/en/staff/refunds");
    assert_eq!(refund_ended(&app, &credit).await, "failed");
    // Still owed, with M-Pesa's words, and nothing marked refunded.
    let page = browser.get("/en/staff/refunds").await;
    let body = main(&page.body);
    assert!(
        body.contains("The last refund failed: M-Pesa: Credit Party customer type"),
        "{body}"
    );
    assert!(body.contains("(2040)"), "{body}");
    let unrefunded = count(
        &app,
        "SELECT COUNT(*) FROM payment_credits WHERE id = $1 AND refunded_at IS NULL",
        &credit,
    )
    .await;
    assert_eq!(unrefunded, 1);
    // A supervisor may try again: the same row is taken again, under a new id (M-Pesa refuses a repeated one).
    let supervisor = common::staff::member(&app, common::staff::OFFICER_EMAIL).await;
    assert!(matches!(
        service::approve(&app.state, &supervisor, "test", Source::Credit, &credit)
            .await
            .unwrap(),
        Approved::Sent(_)
    ));
    assert_eq!(server::sandbox::payouts_to(&phone), 2);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM refunds WHERE source_id = $1", &credit).await,
        1
    );
});

served_on_both_engines!(a_rejected_card_payment_is_refunded_to_the_card_once, |app| {
    let mut citizen = Browser::new(&app);
    let id = awaiting_payment(&mut citizen).await;
    let checkout = open_checkout(&app, &mut citizen, &id).await;
    pay_with(&app, &mut citizen, &checkout, "4242424242424242").await;
    wait_for(|| scalar(&app, "SELECT receipt FROM payments WHERE application_id = $1", &id)).await;
    // An officer rejected it (the decision itself is tested with the staff pages).
    sqlx::query("UPDATE applications SET status = 'rejected', decided_by = 'an officer' WHERE id = $1")
        .bind(&id)
        .execute(&app.state.pool)
        .await
        .unwrap();
    let (_, supervisor) = supervisor(&app).await;
    let refunded = service::approve(&app.state, &supervisor, "test", Source::Application, &id)
        .await
        .unwrap();
    assert_eq!(refunded, Approved::Sent(app::refunds::domain::RefundStatus::Refunded));
    assert_eq!(
        service::approve(&app.state, &supervisor, "test", Source::Application, &id)
            .await
            .unwrap(),
        Approved::NotOwed
    );
    let message = common::browser::last_message(&app, &common::staff::e164(common::browser::PHONE)).await;
    assert!(message.contains("to the card you paid with"), "{message}");
    // Refunded, it cannot be corrected and sent again for nothing.
    let who = common::browser::signed_in(&app, common::browser::EMAIL).await;
    let application = app::applications::domain::ApplicationId::from_stored(id.clone());
    let mut conn = app.state.pool.acquire().await.unwrap();
    let now = app.state.clock.now();
    assert!(!app::applications::db::reopen(&mut conn, &application, &who.id, now)
        .await
        .unwrap());
    drop(conn);
    // The provider's books: one refund of the whole amount; nothing more can be taken from the transaction.
    let transaction = scalar(&app, "SELECT paid_receipt FROM refunds WHERE source_id = $1", &id).await;
    let again = app
        .state
        .card
        .as_ref()
        .unwrap()
        .refund("another-refund", &transaction, 620)
        .await
        .unwrap();
    assert_eq!(
        (again.outcome.as_str(), again.reason.as_str()),
        ("declined", "more than is left of the transaction")
    );
});

served_on_both_engines!(
    money_under_an_unknown_reference_is_attached_and_the_application_completes,
    |app| {
        let mut citizen = Browser::new(&app);
        let id = awaiting_payment(&mut citizen).await;
        let reference = scalar(&app, "SELECT reference FROM applications WHERE id = $1", &id).await;
        let phone = own_phone('0');
        // A digit typed wrong: M-Pesa takes it (this shortcode does not validate), and its books confirm it.
        pay_through_the_sandbox(&app, "UR00000001", "620", &phone, false).await;
        let investigation = wait_for(|| {
            scalar(
                &app,
                "SELECT id FROM payment_investigations WHERE kind = $1",
                "unknown-reference",
            )
        })
        .await;
        let (mut browser, _) = supervisor(&app).await;
        let page = browser.get("/en/staff/money").await;
        assert!(main(&page.body).contains("KES 620 paid by Paybill under an unknown account number"));
        // Nothing typed, and a reference nobody has: each said next to the field, and what was typed comes back.
        let field = format!("reference-{investigation}");
        for (typed, said) in [
            ("", "Enter the application's reference"),
            ("UR99999999", "No application has that reference."),
        ] {
            let (location, page) = browser
                .follow("/api/staff/attach", &[("id", &investigation), ("reference", typed)])
                .await;
            assert_eq!(location, "/en/staff/money");
            assert!(
                errors(&page.body).iter().any(|e| e.starts_with(said)),
                "{:?}",
                errors(&page.body)
            );
            assert!(page.body.contains(&format!("id=\"{field}\"")));
            assert!(typed.is_empty() || page.body.contains(&format!("value=\"{typed}\"")));
        }
        let (location, _) = browser
            .submit(
                "/api/staff/attach",
                &[("id", &investigation), ("reference", &reference.to_lowercase())],
            )
            .await;
        assert_eq!(location, "/en/staff/money");
        assert_eq!(application_status(&app, &id).await, "completed");
        assert!(paid_via(&app, &id).await.ends_with("(attached by staff)"));
        // Once: attaching again (or refunding it now) finds nothing open.
        let (_, page) = browser
            .follow(
                "/api/staff/attach",
                &[("id", &investigation), ("reference", &reference)],
            )
            .await;
        assert!(errors(&page.body)
            .iter()
            .any(|e| e.starts_with("This has already been dealt with")));
        let audit = count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = $1", "money-attach").await;
        assert_eq!(audit, 1);
    }
);

served_on_both_engines!(a_supervisor_withdraws_a_document_and_its_check_says_so, |app| {
    let mut citizen = Browser::new(&app);
    let phone = own_phone('0');
    let (id, _) = paid(&app, &mut citizen, &phone).await;
    let code = scalar(
        &app,
        "SELECT code FROM documents WHERE application_id = $1 AND kind = 'renewal_slip'",
        &id,
    )
    .await;
    let (mut browser, _) = supervisor(&app).await;
    let field = format!("withdraw-{code}");
    let (_, page) = browser
        .follow("/api/staff/withdraw", &[("id", &id), ("code", &code), ("reason", " ")])
        .await;
    assert!(errors(&page.body)
        .iter()
        .any(|e| e.starts_with("Write why the document is withdrawn")));
    assert!(page.body.contains(&format!("id=\"{field}\"")));
    let reason = "Issued on a forged identity document";
    let (location, _) = browser
        .submit(
            "/api/staff/withdraw",
            &[("id", &id), ("code", &code), ("reason", reason)],
        )
        .await;
    assert_eq!(location, format!("/en/staff/applications/{id}"));
    let check = Browser::new(&app).get(&format!("/en/verify/{code}")).await;
    assert!(main(&check.body).contains("withdrew it on"), "{}", main(&check.body));
    assert!(
        !check.body.contains(reason),
        "the reason stays with staff and the holder"
    );
    let told = common::browser::last_message(&app, &common::staff::e164(common::browser::PHONE)).await;
    assert!(told.contains(reason), "{told}");
    let audit = count(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE action = $1",
        "document-withdraw",
    )
    .await;
    assert_eq!(audit, 1);
});

served_on_both_engines!(only_supervisors_reach_refunds_money_and_withdrawals, |app| {
    let mut citizen = Browser::new(&app);
    let phone = own_phone('0');
    let (id, credit) = paid_twice(&app, &mut citizen, &phone).await;
    let code = scalar(
        &app,
        "SELECT code FROM documents WHERE application_id = $1 AND kind = 'receipt'",
        &id,
    )
    .await;
    let officer = staff(&app, SECOND, SECOND_EMAIL, SECOND_PHONE, "officer").await;
    let support = staff(
        &app,
        common::staff::SUPPORT,
        common::staff::SUPPORT_EMAIL,
        common::staff::SUPPORT_PHONE,
        "support",
    )
    .await;
    for mut browser in [officer, support, citizen] {
        for page in ["/en/staff/refunds", "/en/staff/money"] {
            assert_eq!(browser.get(page).await.status, 404, "{page}");
        }
        for (post, form) in [
            ("/api/staff/refund", vec![("source", "credit"), ("id", credit.as_str())]),
            ("/api/staff/attach", vec![("id", "x"), ("reference", "UR23456789")]),
            ("/api/staff/close-money", vec![("id", "x"), ("note", "found it")]),
            (
                "/api/staff/withdraw",
                vec![("id", id.as_str()), ("code", code.as_str()), ("reason", "no")],
            ),
        ] {
            let (_, page) = browser.follow(post, &form).await;
            assert_eq!(page.status, 404, "{post}");
        }
    }
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM refunds WHERE source_id = $1", &credit).await,
        0
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM documents WHERE revoked_at IS NOT NULL AND code = $1",
            &code
        )
        .await,
        0
    );
    assert_eq!(server::sandbox::payouts_to(&phone), 0);
});

/// A refund to a number ending in 6: the sandbox pays it, but its result never comes. The refund's id.
async fn refund_without_a_result(app: &common::TestApp) -> (String, String) {
    let mut citizen = Browser::new(app);
    let phone = own_phone('6');
    let (_, credit) = paid_twice(app, &mut citizen, &phone).await;
    let (_, supervisor) = supervisor(app).await;
    let sent = service::approve(&app.state, &supervisor, "test", Source::Credit, &credit)
        .await
        .unwrap();
    assert_eq!(sent, Approved::Sent(app::refunds::domain::RefundStatus::Sent));
    let id = scalar(app, "SELECT id FROM refunds WHERE source_id = $1", &credit).await;
    (id, credit)
}

served_on_both_engines!(a_refund_whose_result_never_comes_is_asked_about, |app| {
    let (_, credit) = refund_without_a_result(&app).await;
    assert_eq!(service::ask_unanswered(&app.state).await.unwrap(), 0, "not yet");
    assert!(app.state.clock.advance(service::UNANSWERED_SECONDS + 1));
    assert_eq!(service::ask_unanswered(&app.state).await.unwrap(), 1);
    assert_eq!(refund_ended(&app, &credit).await, "refunded");
});

served_on_both_engines!(books_without_a_record_fail_a_refund_only_after_an_hour, |app| {
    let (id, credit) = refund_without_a_result(&app).await;
    let unknown = app::gateways::results::TransactionStatus {
        trans_id: id.clone(),
        result_code: -1,
        receipt: None,
        amount: None,
        completed: false,
        description: "The transaction receipt number does not exist.".into(),
    };
    // Asked too early, M-Pesa's books may not have it yet: it stays open, and cannot be approved (paid) again.
    assert!(service::on_status(&app.state, &unknown).await.unwrap().is_none());
    assert_eq!(
        scalar(&app, "SELECT status FROM refunds WHERE id = $1", &id).await,
        "sent"
    );
    let supervisor = common::staff::member(&app, common::staff::OFFICER_EMAIL).await;
    assert_eq!(
        service::approve(&app.state, &supervisor, "test", Source::Credit, &credit)
            .await
            .unwrap(),
        Approved::NotOwed
    );
    // An hour on, no record means it did not happen: owed again, with M-Pesa's words.
    assert!(app.state.clock.advance(service::NO_RECORD_SECONDS));
    assert!(service::on_status(&app.state, &unknown).await.unwrap().is_some());
    let failure = scalar(&app, "SELECT failure FROM refunds WHERE id = $1", &id).await;
    assert!(failure.contains("does not exist"), "{failure}");
});
