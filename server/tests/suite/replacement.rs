//! Replacing a smart licence through the real router, on both databases: a smart renewal's card replaced after it
//! was lost (the reason and the police abstract checked, what was typed coming back, both languages), routed to
//! the collection centre's officers, and on approval the old card marked replaced, its slip checking as replaced
//! and the new one as valid, the licence's classes and expiry unchanged; an expired licence sent to renewal.

use crate::common;

use app::{
    applications::{
        domain::{ApplicationId, Payment},
        service::{mark_paid, Paid},
    },
    calendar,
    fees::domain::Shillings,
    photo::check::samples::jpeg,
};
use common::browser::{count, errors, main, register_citizen, Browser, EMAIL, PHONE};
use common::payments::{approved, paid_at_counter, scalar};

/// Wanjiku, the default citizen: licence B under 28123456, valid to 30 June 2027 (demo data).
const WANJIKU: &str = "28123456";

async fn start(browser: &mut Browser<'_>, service: &str, first: &str) -> String {
    let (at, _) = browser.follow("/api/applications/start", &[("service", service)]).await;
    assert!(at.ends_with(&format!("/{first}")), "{at}");
    at.trim_start_matches("/en/applications/")
        .trim_end_matches(&format!("/{first}"))
        .to_string()
}

const CARD: [(&str, &str); 5] = [
    ("place_of_birth", "Nyeri"),
    ("blood_group", "O+"),
    ("county", "Nairobi"),
    ("address", "P.O. Box 1234-00100 Nairobi"),
    ("centre", "CC-NRB-LKR"),
];

async fn card(browser: &mut Browser<'_>, endpoint: &str, id: &str) -> String {
    let mut form = vec![("id", id)];
    form.extend(CARD);
    browser.follow(endpoint, &form).await.0
}

/// A smart renewal, paid: Wanjiku's first card, with its renewal slip. The renewal's id.
async fn smart_renewal(app: &common::TestApp, browser: &mut Browser<'_>) -> String {
    let id = start(browser, "dl-renewal", "period").await;
    let (at, _) = browser
        .follow("/api/renewal/period", &[("id", &id), ("period", "smart")])
        .await;
    assert!(at.starts_with("/en/account/photo"), "{at}");
    browser
        .upload(
            &format!("/api/photo/upload?from=account&then=applications/{id}/smart"),
            "me.jpg",
            &jpeg(400, 400),
            true,
        )
        .await;
    assert!(card(browser, "/api/renewal/smart", &id).await.ends_with("/check"));
    browser
        .follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
        .await;
    let payment = Payment {
        method: "mpesa",
        receipt: "OEB44R5U3U".into(),
        amount: Shillings(3100),
    };
    let paid = mark_paid(&app.state, &ApplicationId::parse(&id).unwrap(), &payment)
        .await
        .unwrap();
    assert_eq!(paid, Paid::Completed);
    id
}

on_both_engines!(a_lost_card_is_replaced_and_the_old_slip_checks_as_replaced, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let renewal = smart_renewal(&app, &mut browser).await;
    let licence = "SELECT classes || ' ' || expires_on FROM driving_licences WHERE holder_id_number = $1";
    let before = scalar(&app, licence, WANJIKU).await;
    let old_slip = scalar(
        &app,
        "SELECT code FROM documents WHERE application_id = $1 AND kind = 'renewal_slip'",
        &renewal,
    )
    .await;

    let id = start(&mut browser, "dl-replacement", "reason").await;
    let page = browser.get(&format!("/en/applications/{id}/reason")).await;
    assert!(
        main(&page.body).contains("Card issued"),
        "the card Uraia issued is shown"
    );
    let (_, page) = browser.follow("/api/replacement/reason", &[("id", &id)]).await;
    assert_eq!(errors(&page.body), ["Select what happened to your card"]);
    let (_, page) = browser
        .follow(
            "/api/replacement/reason",
            &[("id", &id), ("reason", "lost"), ("police_abstract", "")],
        )
        .await;
    assert_eq!(
        errors(&page.body),
        ["Enter the police abstract number: a lost or stolen card is replaced only once it is reported"]
    );
    let (_, page) = browser
        .follow(
            "/api/replacement/reason",
            &[("id", &id), ("reason", "stolen"), ("police_abstract", "OB#1")],
        )
        .await;
    assert_eq!(errors(&page.body).len(), 1);
    assert!(
        main(&page.body).contains(r#"value="OB#1""#),
        "what was typed comes back"
    );
    let page = browser.get(&format!("/sw/applications/{id}/reason")).await;
    assert!(
        main(&page.body).contains("Nini kilitokea kwa kadi yako?"),
        "the question in Kiswahili"
    );
    let (at, _) = browser
        .follow(
            "/api/replacement/reason",
            &[("id", &id), ("reason", "lost"), ("police_abstract", "ob 12/03/12/2026")],
        )
        .await;
    assert!(at.ends_with("/smart"), "the photo is on file: {at}");
    let at = card(&mut browser, "/api/replacement/smart", &id).await;
    assert!(at.ends_with("/check"), "{at}");
    let page = browser.get(&format!("/en/applications/{id}/check")).await;
    let html = main(&page.body);
    assert!(
        html.contains("It is lost") && html.contains("OB12/03/12/2026") && html.contains("KES 3,100"),
        "{html}"
    );
    let (at, _) = browser
        .follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
        .await;
    assert!(at.ends_with(&format!("/applications/{id}")), "{at}");

    // Paid, it waits for the Likoni Road centre; approved, the new card replaces the renewal's.
    let application = paid_at_counter(&app, &id, 3100).await;
    assert_eq!(
        scalar(&app, "SELECT centre FROM applications WHERE id = $1", &id).await,
        "CC-NRB-LKR"
    );
    let page = browser.get(&format!("/en/verify/{old_slip}")).await;
    assert!(
        main(&page.body).contains("it is valid today"),
        "valid until the replacement is approved"
    );
    approved(&app, &application).await;
    assert_eq!(
        scalar(&app, licence, WANJIKU).await,
        before,
        "the licence itself is unchanged"
    );
    assert_eq!(
        scalar(
            &app,
            "SELECT replaced_by FROM smart_cards WHERE application_id = $1",
            &renewal
        )
        .await,
        id
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM smart_cards WHERE replaced_by IS NULL").await,
        1,
        "one current card"
    );
    let page = browser.get(&format!("/en/verify/{old_slip}")).await;
    let html = main(&page.body);
    assert!(html.contains("Genuine, not valid"), "{html}");
    assert!(html.contains("its card was replaced by a new one on"), "{html}");
    let page = browser.get(&format!("/sw/verify/{old_slip}")).await;
    assert!(main(&page.body).contains("kadi yake ilibadilishwa kwa kadi mpya"));
    let new_slip = scalar(
        &app,
        "SELECT code FROM documents WHERE application_id = $1 AND kind = 'smart_licence'",
        &id,
    )
    .await;
    // The smart renewal moved the expiry 3 years on; the new card carries it as it is.
    let page = browser.get(&format!("/en/verify/{new_slip}")).await;
    let html = main(&page.body);
    assert!(
        html.contains("it is valid today") && html.contains("30 June 2030"),
        "{html}"
    );
    let page = browser.get(&format!("/en/applications/{renewal}")).await;
    assert!(
        main(&page.body).contains("card replaced on"),
        "the owner's list says so too"
    );
});

on_both_engines!(an_expired_licence_is_renewed_not_replaced, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let yesterday = calendar::add_days(app.state.clock.today(), -1).unwrap();
    sqlx::query("UPDATE driving_licences SET expires_on = $1 WHERE holder_id_number = $2")
        .bind(yesterday.to_string())
        .bind(WANJIKU)
        .execute(&app.state.pool)
        .await
        .unwrap();
    let id = start(&mut browser, "dl-replacement", "reason").await;
    let page = browser.get(&format!("/en/applications/{id}/reason")).await;
    let html = main(&page.body);
    assert!(
        html.contains("it cannot be replaced") && html.contains(r#"href="/en/services/dl-renewal""#),
        "{html}"
    );
    let (_, page) = browser
        .follow("/api/replacement/reason", &[("id", &id), ("reason", "damaged")])
        .await;
    assert_eq!(errors(&page.body), ["Your licence has expired: renew it instead"]);
    let page = browser.get(&format!("/sw/applications/{id}/reason")).await;
    assert!(main(&page.body).contains("haiwezi kubadilishwa"));
});
