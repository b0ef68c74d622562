//! Card payments through the real router and the card sandbox, on both databases: a declined card, a tampered
//! result refused, the genuine one paying once whether the browser or the provider's notification brings it, a
//! forged notification refused, an open session asked about and settled once by two processes, a stale one expired.

use crate::common;

use common::{
    browser::{main, Browser},
    payments::*,
};

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
    let via = completed_via(&app, &id).await;
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
