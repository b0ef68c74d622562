//! The provisional driving licence through the real router, on both databases: the classes step's errors (none
//! chosen, too young with the day it opens, already licensed), what was ticked coming back, submission and payment
//! to review, an officer's approval putting the permit on the register, the dashboard and its document, a second
//! application refused while it is valid, and the 18th birthday as the boundary.

use crate::common;

use app::calendar;
use common::browser::{count, errors, main, register_citizen, register_person, Browser, EMAIL, PHONE};
use common::payments::{approved, paid_at_counter, scalar};

/// A 16-year-old on the demo register (born 14 March 2010).
const BARAKA: (&str, &str, &str) = ("40112233", "Baraka", "2010");

/// Starts a provisional licence application; the draft's id, from the address of its first step.
async fn start(browser: &mut Browser<'_>) -> String {
    let (at, _) = browser
        .follow("/api/applications/start", &[("service", "provisional-dl")])
        .await;
    assert!(at.ends_with("/classes"), "{at}");
    at.trim_start_matches("/en/applications/")
        .trim_end_matches("/classes")
        .to_string()
}

/// Posts the classes step with these boxes ticked: where it leads, and the page there.
async fn choose(browser: &mut Browser<'_>, id: &str, classes: &[&str]) -> (String, common::TestResponse) {
    let mut form = vec![("id", id)];
    form.extend(classes.iter().map(|class| ("classes[]", *class)));
    browser.follow("/api/provisional/classes", &form).await
}

/// Sets a register person's date of birth.
async fn born(app: &common::TestApp, id_number: &str, date: impl std::fmt::Display) {
    sqlx::query("UPDATE register_people SET born_on = $1 WHERE id_number = $2")
        .bind(date.to_string())
        .bind(id_number)
        .execute(&app.state.pool)
        .await
        .unwrap();
}

on_both_engines!(
    a_learner_gets_the_classes_open_to_them_and_an_officer_puts_the_permit_on_the_register,
    |app| {
        let mut browser = Browser::new(&app);
        register_person(&mut browser, BARAKA, "baraka@example.com", "0722 000 111").await;
        let id = start(&mut browser).await;

        let (at, page) = choose(&mut browser, &id, &[]).await;
        assert!(at.ends_with("/classes"), "{at}");
        assert_eq!(errors(&page.body), ["Select at least one class to learn"]);

        // A car at 16: refused with the day it opens; what was ticked comes back.
        let (at, page) = choose(&mut browser, &id, &["B", "A2"]).await;
        assert!(at.ends_with("/classes"), "{at}");
        assert_eq!(
            errors(&page.body),
            ["Class B is from the age of 18: you can apply for it from 14 March 2028"]
        );
        let body = main(&page.body);
        assert!(body.contains(r#"value="A2" checked"#), "{body}");
        assert!(
            body.contains("You can apply for this class from 14 March 2028"),
            "{body}"
        );

        let (at, page) = choose(&mut browser, &id, &["A2"]).await;
        assert!(at.ends_with("/check"), "{at}");
        assert!(
            main(&page.body).contains("14 March 2010"),
            "the register's date of birth"
        );
        assert!(page.body.contains("KES 670"), "the fee and access fee");
        let (at, _) = browser
            .follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
            .await;
        assert_eq!(at, format!("/en/applications/{id}"));

        let application = paid_at_counter(&app, &id, 670).await;
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM provisional_licences").await,
            0,
            "nothing before the officer decides"
        );
        approved(&app, &application).await;

        let today = app.state.clock.today();
        let until = scalar(
            &app,
            "SELECT expires_on FROM provisional_licences WHERE holder_id_number = $1 AND class = 'A2'",
            BARAKA.0,
        )
        .await;
        let expected = calendar::add_months(calendar::add_days(today, -1).unwrap(), 3).unwrap();
        assert_eq!(until, expected.to_string());
        assert_eq!(
            scalar(
                &app,
                "SELECT kind FROM documents WHERE application_id = $1 AND kind <> 'receipt'",
                &id
            )
            .await,
            "provisional_licence"
        );
        let page = browser.get(&format!("/en/applications/{id}")).await;
        assert!(
            main(&page.body).contains("Your provisional licence"),
            "{}",
            main(&page.body)
        );
        let dashboard = browser.get("/en/dashboard").await;
        assert!(main(&dashboard.body).contains("My provisional licences"));

        // While it is valid, a second application for the class is refused, saying until when.
        let again = start(&mut browser).await;
        let (_, page) = choose(&mut browser, &again, &["A2"]).await;
        assert_eq!(errors(&page.body).len(), 1);
        assert!(
            errors(&page.body)[0].starts_with("You already have a provisional licence for class A2, valid until"),
            "{:?}",
            errors(&page.body)
        );
    }
);

on_both_engines!(a_class_already_on_the_licence_is_refused_and_kiswahili_says_so, |app| {
    let mut browser = Browser::new(&app);
    // Wanjiku holds B and C1.
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let id = start(&mut browser).await;
    let (_, page) = choose(&mut browser, &id, &["b", "C1"]).await;
    assert_eq!(
        errors(&page.body),
        [
            "Class B is already on your driving licence",
            "Class C1 is already on your driving licence"
        ]
    );
    let page = browser.get(&format!("/sw/applications/{id}/classes")).await;
    assert!(
        page.body.contains("Tayari liko kwenye leseni yako ya udereva"),
        "the hint in Kiswahili"
    );
    let (at, _) = choose(&mut browser, &id, &["A2"]).await;
    assert!(at.ends_with("/check"), "{at}");
});

on_both_engines!(
    the_eighteenth_birthday_opens_a_car_class_and_the_day_before_does_not,
    |app| {
        let mut browser = Browser::new(&app);
        register_person(&mut browser, BARAKA, "baraka@example.com", "0722 000 111").await;
        let today = app.state.clock.today();
        let eighteen = calendar::add_years(today, -18).unwrap();
        born(&app, BARAKA.0, calendar::add_days(eighteen, 1).unwrap()).await;
        let id = start(&mut browser).await;
        let (at, page) = choose(&mut browser, &id, &["B"]).await;
        assert!(at.ends_with("/classes"), "{at}");
        assert_eq!(errors(&page.body).len(), 1, "turns 18 tomorrow");

        born(&app, BARAKA.0, eighteen).await;
        let (at, _) = choose(&mut browser, &id, &["B"]).await;
        assert!(at.ends_with("/check"), "18 today: {at}");

        // A birthday moved after the step (the register corrected): submission sends the person back to the step.
        born(&app, BARAKA.0, calendar::add_days(eighteen, 1).unwrap()).await;
        let (at, _) = browser
            .follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
            .await;
        assert!(at.ends_with("/classes"), "{at}");
    }
);
