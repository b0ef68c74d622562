//! The dashboard's records through the real router on both databases: a licence's standing from its expiry, the
//! person's vehicles and their organisations', records brought in by a linked TIMS account, and empty states.

use crate::common;

use app::calendar;
use common::browser::{main, register_citizen, register_person, Browser, EMAIL, PHONE};

/// Moves Wanjiku's licence (demo register: 28123456) to expire `days` from today.
async fn licence_expires_in(app: &common::TestApp, days: i32) {
    let expires = calendar::add_days(app.state.clock.today(), days).unwrap();
    sqlx::query("UPDATE driving_licences SET expires_on = $1 WHERE holder_id_number = '28123456'")
        .bind(expires.to_string())
        .execute(&app.state.pool)
        .await
        .unwrap();
}

on_both_engines!(a_licence_shows_its_standing_and_what_to_do, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;

    licence_expires_in(&app, 200).await;
    let page = browser.get("/en/dashboard").await;
    let html = main(&page.body);
    assert!(html.contains("My driving licences") && html.contains("B, C1"), "{html}");
    assert!(
        html.contains(">Valid<") && !html.contains("Renew your driving licence"),
        "{html}"
    );

    licence_expires_in(&app, 30).await;
    let html = browser.get("/en/dashboard").await.body;
    assert!(
        html.contains(">Expires soon<") && html.contains("Renew it before then"),
        "{html}"
    );

    licence_expires_in(&app, -1).await;
    let html = browser.get("/sw/dashboard").await.body;
    assert!(
        html.contains(">Imeisha muda<") && html.contains("Usiendeshe gari"),
        "{html}"
    );
});

on_both_engines!(vehicles_are_the_persons_and_show_inspections, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let page = browser.get("/en/dashboard").await;
    let html = main(&page.body);
    assert!(html.contains("KDA 123A") && html.contains("Toyota Axio"), "{html}");
    assert!(
        html.contains("KBB 051K") && html.contains("Not required (private vehicle)"),
        "{html}"
    );
    assert!(!html.contains("KCB 456B"), "another person's vehicle: {html}");
});

on_both_engines!(a_linked_tims_account_brings_its_records, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let html = browser.get("/en/dashboard").await.body;
    assert!(!html.contains("B, C1, D1"), "Chebet's licence before the link: {html}");
    // Chebet's legacy account (TIMS100000, ID 22345678), linked by hand here; the linking flow has its own tests.
    sqlx::query(
        "INSERT INTO tims_links (account_number, account_id, proved_by, linked_at) \
         SELECT 'TIMS100000', id, 'details', 0 FROM accounts WHERE email = $1",
    )
    .bind(EMAIL)
    .execute(&app.state.pool)
    .await
    .unwrap();
    let html = browser.get("/en/dashboard").await.body;
    assert!(html.contains("B, C1, D1") && html.contains("KES 3,000"), "{html}");
});

on_both_engines!(no_records_says_what_to_do, |app| {
    let mut browser = Browser::new(&app);
    register_person(
        &mut browser,
        ("28340534", "Titus", "1962"),
        "titus@example.com",
        "0733 111 222",
    )
    .await;
    let page = browser.get("/en/dashboard").await;
    let html = main(&page.body);
    assert!(
        html.contains("No driving licence is recorded under ID number 28340534"),
        "{html}"
    );
    assert!(html.contains("No vehicle is registered to you"), "{html}");
});
