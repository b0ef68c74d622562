//! The PSV badge through the real router, on both databases: each rule checked against the register and explained
//! with the day it will be met (a driver's age and the years a PSV class has been held, each on its boundary; a
//! conductor's 18th birthday), in English and Kiswahili; an expired licence found at submission; paid, approved,
//! the badge on the register with its slip.

use crate::common;

use app::calendar;
use common::browser::{errors, main, register_person, Browser};
use common::payments::{approved, paid_at_counter, scalar};

/// Born 30 April 2005, licence B C1 D1 with D1 only since 1 June 2025 (demo data).
const MWANGI: (&str, &str, &str) = ("6904743", "Mwangi", "2005");
/// Licence B C1 D1 valid to 31 December 2026, D1 since 2010.
const CHEBET: (&str, &str, &str) = ("22345678", "Chebet", "1978");

async fn start(browser: &mut Browser<'_>) -> String {
    let (at, _) = browser
        .follow("/api/applications/start", &[("service", "psv-badge")])
        .await;
    assert!(at.ends_with("/details"), "{at}");
    at.trim_start_matches("/en/applications/")
        .trim_end_matches("/details")
        .to_string()
}

async fn details(browser: &mut Browser<'_>, id: &str, role: &str, conduct: &str) -> (String, common::TestResponse) {
    browser
        .follow(
            "/api/badge/details",
            &[("id", id), ("role", role), ("conduct", conduct)],
        )
        .await
}

async fn set(app: &common::TestApp, sql: &str, value: impl std::fmt::Display, id_number: &str) {
    sqlx::query(sql)
        .bind(value.to_string())
        .bind(id_number)
        .execute(&app.state.pool)
        .await
        .unwrap();
}

on_both_engines!(
    a_driver_is_told_each_rule_with_its_day_and_a_conductor_gets_the_badge,
    |app| {
        let mut browser = Browser::new(&app);
        register_person(&mut browser, MWANGI, "mwangi@example.com", "0722 000 222").await;
        let id = start(&mut browser).await;

        let (_, page) = details(&mut browser, &id, "", "").await;
        assert_eq!(
            errors(&page.body),
            [
                "Select driver or conductor",
                "Enter your certificate of good conduct number"
            ]
        );
        let (at, page) = details(&mut browser, &id, "driver", "pcc/2026/001234").await;
        assert!(at.ends_with("/details"), "{at}");
        assert_eq!(
            errors(&page.body),
            ["A driver's badge needs class D1 held for 3 years: you can apply from 1 June 2028"]
        );
        assert!(
            main(&page.body).contains(r#"value="pcc/2026/001234""#),
            "what was typed comes back"
        );

        // Turning 21 tomorrow: the age too, with the day; and in Kiswahili.
        let today = app.state.clock.today();
        let twenty_one = calendar::add_years(today, -21).unwrap();
        set(
            &app,
            "UPDATE register_people SET born_on = $1 WHERE id_number = $2",
            calendar::add_days(twenty_one, 1).unwrap(),
            MWANGI.0,
        )
        .await;
        let (_, page) = details(&mut browser, &id, "driver", "PCC/2026/001234").await;
        let listed = errors(&page.body);
        assert_eq!(listed.len(), 2, "{listed:?}");
        assert!(
            listed[0].starts_with("This badge is from the age of 21: you can apply for it from"),
            "{listed:?}"
        );
        let page = browser.get(&format!("/sw/applications/{id}/details")).await;
        assert!(
            main(&page.body).contains("Kuanzia umri wa miaka 21"),
            "the rules in Kiswahili"
        );

        // A conductor needs only 18.
        let (at, _) = details(&mut browser, &id, "conductor", "PCC/2026/001234").await;
        assert!(at.ends_with("/check"), "{at}");
        let (at, _) = browser
            .follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
            .await;
        assert!(at.ends_with(&format!("/applications/{id}")), "{at}");
        let application = paid_at_counter(&app, &id, 1100).await;
        approved(&app, &application).await;
        let until = scalar(
            &app,
            "SELECT expires_on FROM psv_badges WHERE holder_id_number = $1 AND kind = 'conductor'",
            MWANGI.0,
        )
        .await;
        let expected = calendar::add_years(calendar::add_days(today, -1).unwrap(), 1).unwrap();
        assert_eq!(until, expected.to_string());
        assert_eq!(
            scalar(
                &app,
                "SELECT kind FROM documents WHERE application_id = $1 AND kind <> 'receipt'",
                &id
            )
            .await,
            "psv_badge"
        );
        let page = browser.get(&format!("/en/applications/{id}")).await;
        assert!(main(&page.body).contains("Your PSV badge"));
        assert!(main(&page.body).contains("Conductor"));
    }
);

on_both_engines!(
    three_years_of_a_psv_class_are_met_on_the_anniversary_and_an_expired_licence_stops_submission,
    |app| {
        let mut browser = Browser::new(&app);
        register_person(&mut browser, CHEBET, "chebet@example.com", "0722 000 333").await;
        let id = start(&mut browser).await;
        let today = app.state.clock.today();
        let three_years = calendar::add_years(today, -3).unwrap();
        let since = "UPDATE licence_classes SET since = $1 WHERE holder_id_number = $2 AND class = 'D1'";
        set(&app, since, calendar::add_days(three_years, 1).unwrap(), CHEBET.0).await;
        let (_, page) = details(&mut browser, &id, "driver", "PCC/2026/009876").await;
        assert_eq!(errors(&page.body).len(), 1, "held three years tomorrow");
        set(&app, since, three_years, CHEBET.0).await;
        let (at, _) = details(&mut browser, &id, "driver", "PCC/2026/009876").await;
        assert!(at.ends_with("/check"), "three years today: {at}");

        // The licence expires before submission: back to the step, which says so.
        let expiry = "UPDATE driving_licences SET expires_on = $1 WHERE holder_id_number = $2";
        set(&app, expiry, calendar::add_days(today, -1).unwrap(), CHEBET.0).await;
        let (at, _) = browser
            .follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
            .await;
        assert!(at.ends_with("/details"), "{at}");
        let (_, page) = details(&mut browser, &id, "driver", "PCC/2026/009876").await;
        assert!(
            errors(&page.body)[0].starts_with("Your driving licence expired on"),
            "{:?}",
            errors(&page.body)
        );
    }
);
