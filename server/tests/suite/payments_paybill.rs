//! Paybill (C2B) payments through the real router and the Daraja sandbox, on both databases: validation accepts only
//! a waiting reference and its amount; a validated payment pays at once; any other confirmation is believed only when
//! M-Pesa's Transaction Status API confirms it (a forged one is refused); money under no reference is kept for staff;
//! a second payment of a paid invoice becomes a credit.

use crate::common;

use app::payments::{
    paybill::{self, Confirmation, Validation},
    service::Settled,
};
use common::{
    browser::{main, Browser},
    payments::*,
};

served_on_both_engines!(a_second_payment_of_a_paid_invoice_becomes_a_credit, |app| {
    let mut browser = Browser::new(&app);
    let id = awaiting_payment(&mut browser).await;
    let reference = scalar(&app, "SELECT reference FROM applications WHERE id = $1", &id).await;
    let confirmation = |trans_id: &str| Confirmation {
        trans_id: trans_id.into(),
        bill_reference: reference.to_lowercase(),
        amount: 620,
        msisdn: "254712345678".into(),
    };
    // M-Pesa asked first, and we accepted: the confirmation is believed.
    assert_eq!(
        paybill::validate(&app.state, &confirmation("QWE1234567"))
            .await
            .unwrap(),
        Validation::Accept
    );
    assert!(matches!(
        paybill::on_confirmation(&app.state, &confirmation("QWE1234567"))
            .await
            .unwrap(),
        Settled::Paid(_)
    ));
    // M-Pesa repeats the confirmation: nothing changes.
    assert_eq!(
        paybill::on_confirmation(&app.state, &confirmation("QWE1234567"))
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
    let via = completed_via(&app, &id).await;
    assert!(via.contains("confirmed by transaction status"), "{via}");
});

served_on_both_engines!(a_validated_paybill_payment_pays_at_once, |app| {
    let mut browser = Browser::new(&app);
    let id = awaiting_payment(&mut browser).await;
    let reference = scalar(&app, "SELECT reference FROM applications WHERE id = $1", &id).await;
    pay_through_the_sandbox(&app, &reference, "620", "254712345678", true).await;
    // The sandbox returns once the confirmation was answered: no status query was needed.
    assert_eq!(application_status(&app, &id).await, "completed");
    let via = paid_via(&app, &id).await;
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
