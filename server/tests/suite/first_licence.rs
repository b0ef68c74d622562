//! The first smart licence through the real router, on both databases: refused without a pass (and with a lapsed
//! one), the classes a valid pass gives, the photo detour, the card's answers all wrong then right, the smart
//! licence's fee, a pass lapsing before submission, routing to the collection centre's officers, and approval
//! putting the licence, its classes' first day and the card on the register, with a slip the public check
//! accepts; a class already on the licence is not offered again.

use crate::common;

use app::{calendar, photo::check::samples::jpeg};
use common::browser::{count, errors, main, register_person, Browser};
use common::payments::{approved, paid_at_counter, scalar};

/// A 16-year-old on the demo register with no licence.
const BARAKA: (&str, &str, &str) = ("40112233", "Baraka", "2010");

async fn start(browser: &mut Browser<'_>) -> String {
    let (at, _) = browser
        .follow("/api/applications/start", &[("service", "first-dl")])
        .await;
    assert!(at.ends_with("/classes"), "{at}");
    at.trim_start_matches("/en/applications/")
        .trim_end_matches("/classes")
        .to_string()
}

/// Records a test result for the person at Kisumu's unit, as an officer there would.
async fn result(app: &common::TestApp, id_number: &str, class: &str, passed: bool, valid_until: &str) {
    let seed = format!("seed-{id_number}-{class}-{valid_until}");
    sqlx::query(
        "INSERT INTO applications (id, account_id, service, status, answers, created_at, updated_at) \
         SELECT $1, id, 'driving-test', 'completed', '{}', 0, 0 FROM accounts LIMIT 1",
    )
    .bind(&seed)
    .execute(&app.state.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO driving_tests (application_id, id_number, class, unit, day, passed, notes, valid_until, \
         recorded_by, recorded_at) SELECT $1, $2, $3, 'TU-KSM', '2026-11-01', $4, '', $5, id, 0 FROM accounts LIMIT 1",
    )
    .bind(&seed)
    .bind(id_number)
    .bind(class)
    .bind(i64::from(passed))
    .bind(valid_until)
    .execute(&app.state.pool)
    .await
    .unwrap();
}

const CARD: [(&str, &str); 5] = [
    ("place_of_birth", "Kisumu"),
    ("blood_group", "unknown"),
    ("county", "Kisumu"),
    ("address", "P.O. Box 77-40100 Kisumu"),
    ("centre", "CC-MSA"),
];

on_both_engines!(
    a_valid_pass_becomes_a_licence_on_the_register_with_a_card_and_its_slip,
    |app| {
        let mut browser = Browser::new(&app);
        register_person(&mut browser, BARAKA, "baraka@example.com", "0722 000 111").await;
        let today = app.state.clock.today();
        let yesterday = calendar::add_days(today, -1).unwrap().to_string();
        let in_a_month = calendar::add_days(today, 30).unwrap().to_string();

        // No pass, then only a lapsed one and a fail: nothing to apply for, and the way to a test.
        let id = start(&mut browser).await;
        result(&app, BARAKA.0, "A1", true, &yesterday).await;
        let page = browser.get(&format!("/en/applications/{id}/classes")).await;
        assert!(main(&page.body).contains("You have no driving test pass to turn into a licence."));
        assert!(main(&page.body).contains(r#"href="/en/services/driving-test""#));
        let (_, page) = browser.follow("/api/first-dl/classes", &[("id", &id)]).await;
        assert_eq!(
            errors(&page.body),
            ["You have no driving test pass with a valid certificate of competence for a class your licence lacks"]
        );
        let page = browser.get(&format!("/sw/applications/{id}/classes")).await;
        assert!(main(&page.body).contains("Huna mtihani wa udereva uliofaulu"));

        // A pass valid a month more: class A2, then the photo page and back to the card.
        result(&app, BARAKA.0, "A2", true, &in_a_month).await;
        let page = browser.get(&format!("/en/applications/{id}/classes")).await;
        assert!(main(&page.body).contains("Class A2"), "{}", main(&page.body));
        assert!(!main(&page.body).contains("Class A1"), "a lapsed pass gives nothing");
        let (at, _) = browser.follow("/api/first-dl/classes", &[("id", &id)]).await;
        assert_eq!(at, format!("/en/account/photo?then=applications/{id}/smart"));
        let response = browser
            .upload(
                &format!("/api/photo/upload?from=account&then=applications/{id}/smart"),
                "me.jpg",
                &jpeg(400, 400),
                true,
            )
            .await;
        assert_eq!(response.header("location"), format!("/en/applications/{id}/smart"));
        let (_, page) = browser
            .follow("/api/first-dl/smart", &[("id", &id), ("place_of_birth", "Kisumu")])
            .await;
        assert_eq!(errors(&page.body).len(), 3, "{:?}", errors(&page.body));
        assert!(
            main(&page.body).contains(r#"value="Kisumu""#),
            "what was typed comes back"
        );
        let mut form = vec![("id", id.as_str())];
        form.extend(CARD);
        let (at, page) = browser.follow("/api/first-dl/smart", &form).await;
        assert!(at.ends_with("/check"), "{at}");
        let html = main(&page.body);
        assert!(
            html.contains("A2") && html.contains("Mombasa Office") && html.contains("KES 3,100"),
            "{html}"
        );

        // The pass lapses before submission: back to the first step, which says why.
        let lapse = "UPDATE driving_tests SET valid_until = $1 WHERE id_number = $2 AND class = 'A2'";
        sqlx::query(lapse)
            .bind(&yesterday)
            .bind(BARAKA.0)
            .execute(&app.state.pool)
            .await
            .unwrap();
        let (at, _) = browser
            .follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
            .await;
        assert!(at.ends_with("/classes"), "{at}");
        sqlx::query(lapse)
            .bind(&in_a_month)
            .bind(BARAKA.0)
            .execute(&app.state.pool)
            .await
            .unwrap();
        let (at, _) = browser
            .follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
            .await;
        assert!(at.ends_with(&format!("/applications/{id}")), "{at}");

        // Paid, it waits for the Mombasa centre's officers; approved, the licence is on the register.
        let application = paid_at_counter(&app, &id, 3100).await;
        assert_eq!(
            scalar(&app, "SELECT centre FROM applications WHERE id = $1", &id).await,
            "CC-MSA"
        );
        approved(&app, &application).await;
        let expires = calendar::add_years(today, 3).unwrap().to_string();
        assert_eq!(
            scalar(
                &app,
                "SELECT classes || ' ' || expires_on FROM driving_licences WHERE holder_id_number = $1",
                BARAKA.0
            )
            .await,
            format!("A2 {expires}")
        );
        assert_eq!(
            scalar(
                &app,
                "SELECT since FROM licence_classes WHERE holder_id_number = $1 AND class = 'A2'",
                BARAKA.0
            )
            .await,
            today.to_string()
        );
        assert_eq!(
            count(
                &app,
                &format!("SELECT COUNT(*) FROM smart_cards WHERE application_id = '{id}' AND replaced_by IS NULL")
            )
            .await,
            1
        );
        let code = scalar(
            &app,
            "SELECT code FROM documents WHERE application_id = $1 AND kind = 'smart_licence'",
            &id,
        )
        .await;
        let page = browser.get(&format!("/en/verify/{code}")).await;
        assert!(main(&page.body).contains("it is valid today"), "{}", main(&page.body));
        assert!(main(&page.body).contains("Smart driving licence slip"));
        let page = browser.get(&format!("/en/applications/{id}")).await;
        assert!(main(&page.body).contains("Your licence") && main(&page.body).contains("Mombasa Office"));
        let page = browser.get("/en/dashboard").await;
        assert!(main(&page.body).contains("A2"), "the licence is on the dashboard");

        // A2 is now on the licence: a second application has nothing to apply for.
        let second = start(&mut browser).await;
        let page = browser.get(&format!("/en/applications/{second}/classes")).await;
        assert!(main(&page.body).contains("You have no driving test pass to turn into a licence."));
    }
);
