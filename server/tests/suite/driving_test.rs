//! Driving test booking on both databases: a hundred learners racing for a unit's last place (one wins); through
//! the real router a learner refused while no school marked the course complete, then booking (class, unit, a day
//! within the permit, a time), paying, refused a second booking for the class; an officer at the unit recording
//! the result only after the start, a fail only with notes, once; the learner reading it; an officer of another
//! unit and a citizen getting the 404 page; and a missed test freeing the class for another booking.

use crate::common;

use app::{
    applications::{
        domain::{Application, ApplicationId, Payment},
        service::{self as applications, mark_paid, Paid},
    },
    appointments::domain,
    fees::domain::Shillings,
    services::driving_test::service::{self as driving_test, Held},
};
use common::browser::{count, errors, main, register_person, signed_in, Browser};
use common::staff::{staff, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, SECOND, SECOND_EMAIL, SECOND_PHONE};

/// Kisumu's unit: 30 a day, 3 places a slot.
const KISUMU: &str = "TU-KSM";
/// Kasarani: where Baraka books.
const KASARANI: &str = "TU-NBI-KAS";
/// A 16-year-old on the demo register (born 14 March 2010), learning a light motorcycle (A2).
const BARAKA: (&str, &str, &str) = ("40112233", "Baraka", "2010");
const BARAKA_EMAIL: &str = "baraka@example.com";
const SCHOOL: &str = "P051987654Z";

/// `n` driving test applications awaiting payment, each for a learner of its own (made directly).
async fn applications_of(app: &common::TestApp, account: &str, n: usize) -> Vec<Application> {
    let mut made = Vec::new();
    let mut conn = app.state.pool.acquire().await.unwrap();
    for i in 0..n {
        let id = uuid::Uuid::new_v4().simple().to_string();
        let answers = format!(r#"{{"holder":"L{i:07}","class":"B"}}"#);
        sqlx::query(
            "INSERT INTO applications (id, account_id, service, status, answers, created_at, updated_at) \
             VALUES ($1, $2, 'driving-test', 'awaiting_payment', $3, 0, 0)",
        )
        .bind(&id)
        .bind(account)
        .bind(answers)
        .execute(&mut *conn)
        .await
        .unwrap();
        let id = ApplicationId::parse(&id).unwrap();
        made.push(applications::by_id_in(&mut conn, &id).await.unwrap().unwrap());
    }
    made
}

/// Puts a provisional licence on the register, as an officer's approval would.
async fn permit(app: &common::TestApp, id_number: &str, class: &str, expires_on: &str) {
    sqlx::query(
        "INSERT INTO applications (id, account_id, service, status, answers, created_at, updated_at) \
         SELECT 'seed-' || $1, id, 'provisional-dl', 'completed', '{}', 0, 0 FROM accounts LIMIT 1",
    )
    .bind(id_number)
    .execute(&app.state.pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO provisional_licences (holder_id_number, class, application_id, issued_on, expires_on) \
         VALUES ($1, $2, 'seed-' || $1, '2026-01-01', $3)",
    )
    .bind(id_number)
    .bind(class)
    .bind(expires_on)
    .execute(&app.state.pool)
    .await
    .unwrap();
}

/// A school's course for the learner, started a month ago, as the school's pages record it.
async fn enrolled(app: &common::TestApp, id_number: &str, class: &str) {
    sqlx::query(
        "INSERT INTO school_students (id, school_kra_pin, id_number, class, course_started_on, enrolled_by, \
         enrolled_at) SELECT 'course-' || $1, $2, $1, $3, '2026-11-01', id, 0 FROM accounts LIMIT 1",
    )
    .bind(id_number)
    .bind(SCHOOL)
    .bind(class)
    .execute(&app.state.pool)
    .await
    .unwrap();
}

async fn completed(app: &common::TestApp, id_number: &str) {
    sqlx::query("UPDATE school_students SET completed_on = '2026-12-01' WHERE id = 'course-' || $1")
        .bind(id_number)
        .execute(&app.state.pool)
        .await
        .unwrap();
}

/// Starts a driving test application; the draft's id, from the address of its first step.
async fn start(browser: &mut Browser<'_>) -> String {
    let (at, _) = browser
        .follow("/api/applications/start", &[("service", "driving-test")])
        .await;
    assert!(at.ends_with("/class"), "{at}");
    at.trim_start_matches("/en/applications/")
        .trim_end_matches("/class")
        .to_string()
}

/// Gives the staff member a centre and the driving test, with the server's command.
async fn at_unit(app: &common::TestApp, email: &str, unit: &str) {
    let args: Vec<String> = [
        "staff",
        "add",
        "--email",
        email,
        "--role",
        "officer",
        "--centre",
        unit,
        "--services",
        "driving-test",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    server::cli::run(&app.state, &args).await.unwrap();
}

on_both_engines!(a_hundred_learners_race_for_the_last_place, |app| {
    let mut browser = Browser::new(&app);
    register_person(&mut browser, BARAKA, BARAKA_EMAIL, "0722 000 999").await;
    let who = signed_in(&app, BARAKA_EMAIL).await;
    let racers = applications_of(&app, who.id.as_str(), 102).await;
    let day = domain::bookable_days(app.state.clock.today())[0];
    // Two of the three places are gone.
    for early in &racers[..2] {
        assert_eq!(
            driving_test::hold(&app.state, early, KISUMU, day, "10:00")
                .await
                .unwrap(),
            Held::Held
        );
    }
    let holds = racers[2..]
        .iter()
        .map(|application| driving_test::hold(&app.state, application, KISUMU, day, "10:00"));
    let outcomes: Vec<Held> = futures_util::future::join_all(holds)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(outcomes.len(), 100);
    assert_eq!(outcomes.iter().filter(|o| **o == Held::Held).count(), 1, "one wins");
    for outcome in outcomes.iter().filter(|o| **o != Held::Held) {
        let Held::Full(nearest) = outcome else {
            panic!("{outcome:?}")
        };
        assert_eq!(nearest.len(), 3, "the nearest free times are offered");
    }
    let taken = count(
        &app,
        &format!("SELECT taken FROM test_slots WHERE centre = '{KISUMU}' AND day = '{day}' AND slot = '10:00'"),
    )
    .await;
    assert_eq!(taken, 3);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM test_bookings WHERE status = 'held'").await,
        3
    );
});

on_both_engines!(
    a_learner_books_when_the_course_is_complete_and_an_officer_at_the_unit_records_the_result,
    |settings| {
        settings.test_mode = true;
    },
    |app| {
        let mut learner = Browser::new(&app);
        register_person(&mut learner, BARAKA, BARAKA_EMAIL, "0722 000 999").await;
        let today = app.state.clock.today();
        let permit_ends = app::calendar::add_days(today, 20).unwrap();
        permit(&app, BARAKA.0, "A2", &permit_ends.to_string()).await;
        let id = start(&mut learner).await;

        // No school has enrolled him: the page says why, and so does Continue.
        let page = learner.get(&format!("/en/applications/{id}/class")).await;
        assert!(
            main(&page.body).contains("No driving school has enrolled you for this class"),
            "{}",
            main(&page.body)
        );
        let (at, page) = learner.follow("/api/test/class", &[("id", &id), ("class", "A2")]).await;
        assert!(at.ends_with("/class"), "{at}");
        assert_eq!(
            errors(&page.body),
            ["No driving school has enrolled you for this class"]
        );

        // Enrolled, not yet complete: still refused, with the reason.
        enrolled(&app, BARAKA.0, "A2").await;
        let (_, page) = learner.follow("/api/test/class", &[("id", &id), ("class", "A2")]).await;
        assert_eq!(
            errors(&page.body),
            ["Your driving school has not marked your course for this class complete yet"]
        );
        assert_eq!(count(&app, "SELECT COUNT(*) FROM test_bookings").await, 0);

        completed(&app, BARAKA.0).await;
        let (at, page) = learner.follow("/api/test/class", &[("id", &id), ("class", "A2")]).await;
        assert!(at.ends_with("/unit"), "{at}: {:?}", errors(&page.body));
        let (at, page) = learner
            .follow("/api/test/unit", &[("id", &id), ("unit", KASARANI)])
            .await;
        assert!(at.ends_with("/day"), "{at}");
        assert!(main(&page.body).contains("the last day of your provisional licence"));

        // A day after the permit ends is refused with its last day; one before it is taken.
        let days = domain::bookable_days(today);
        let late = days.iter().find(|d| **d > permit_ends).unwrap().to_string();
        let (_, page) = learner.follow("/api/test/day", &[("id", &id), ("day", &late)]).await;
        let last = app::calendar::long_date(app::i18n::Lang::En, permit_ends);
        assert_eq!(
            errors(&page.body),
            [format!(
                "Select a day on or before {last}, the last day of your provisional licence"
            )]
        );
        let day = days[1];
        let (at, _) = learner
            .follow("/api/test/day", &[("id", &id), ("day", &day.to_string())])
            .await;
        assert!(at.ends_with("/slot"), "{at}");
        let (at, page) = learner
            .follow("/api/test/slot", &[("id", &id), ("time", &format!("{day}T09:00"))])
            .await;
        assert!(at.ends_with("/check"), "{at}: {:?}", errors(&page.body));
        assert!(page.body.contains("KES 1,100"), "the fee and access fee");
        let (at, _) = learner
            .follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
            .await;
        assert_eq!(at, format!("/en/applications/{id}"));
        let application = ApplicationId::parse(&id).unwrap();
        let payment = Payment {
            method: "counter",
            receipt: "RTEST00001".into(),
            amount: Shillings(1_100),
        };
        assert_eq!(
            mark_paid(&app.state, &application, &payment).await.unwrap(),
            Paid::Completed
        );
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM documents WHERE kind = 'test_slip' AND revoked_at IS NULL"
            )
            .await,
            1
        );
        let page = learner.get(&format!("/en/applications/{id}")).await;
        assert!(main(&page.body).contains("Kasarani Driving Test Unit"));
        assert!(main(&page.body).contains("Move booking") || main(&page.body).contains("Move it to another day"));

        // One live booking per class: a second application is refused at the time.
        let second = start(&mut learner).await;
        learner
            .follow("/api/test/class", &[("id", &second), ("class", "A2")])
            .await;
        learner
            .follow("/api/test/unit", &[("id", &second), ("unit", KASARANI)])
            .await;
        learner
            .follow("/api/test/day", &[("id", &second), ("day", &day.to_string())])
            .await;
        let (_, page) = learner
            .follow("/api/test/slot", &[("id", &second), ("time", &format!("{day}T10:00"))])
            .await;
        assert_eq!(
            errors(&page.body),
            ["You already have a test for this class booked, or a time held for another application. Pay for that one or move it, instead of booking again"]
        );

        // The officer at Kasarani sees the day; the result waits for the start.
        let mut officer = staff(&app, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, "officer").await;
        at_unit(&app, OFFICER_EMAIL, KASARANI).await;
        let page = officer.get(&format!("/en/staff/tests?day={day}")).await;
        assert_eq!(page.status, 200);
        assert!(main(&page.body).contains("Baraka"), "{}", main(&page.body));
        let test_page = format!("/en/staff/tests/{id}");
        let page = officer.get(&test_page).await;
        assert!(main(&page.body).contains("once the test has started, from 09:00"));
        let (_, page) = officer
            .follow(
                "/api/staff/test-result",
                &[("id", &id), ("result", "pass"), ("notes", "")],
            )
            .await;
        assert_eq!(
            errors(&page.body),
            ["The test has not started yet, so no result can be recorded"]
        );

        let starts = domain::starts_at(day, "09:00").unwrap();
        assert!(app.state.clock.advance(starts - app.state.clock.now()));
        // A staff session lasts 8 hours: the officer signs in again on the day.
        let mut officer = common::staff::sign_in_by_sms(&app, OFFICER_EMAIL, OFFICER_PHONE).await;
        // A fail needs notes; what was chosen comes back.
        let (at, page) = officer
            .follow(
                "/api/staff/test-result",
                &[("id", &id), ("result", "fail"), ("notes", " ")],
            )
            .await;
        assert_eq!(at, test_page);
        assert_eq!(
            errors(&page.body),
            ["Write what the learner must practise: the notes are needed when the learner did not pass"]
        );
        assert!(main(&page.body).contains(r#"value="fail" checked"#));
        // An officer of another unit, and a citizen, get the 404 page; nothing is recorded.
        let mut other = staff(&app, SECOND, SECOND_EMAIL, SECOND_PHONE, "officer").await;
        at_unit(&app, SECOND_EMAIL, "TU-MSA").await;
        assert_eq!(other.get(&test_page).await.status, 404);
        let (at, _) = other
            .follow(
                "/api/staff/test-result",
                &[("id", &id), ("result", "pass"), ("notes", "")],
            )
            .await;
        assert_eq!(at, "/en/not-found");
        assert_eq!(learner.get("/en/staff/tests").await.status, 404);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM driving_tests").await, 0);

        let (_, page) = officer
            .follow(
                "/api/staff/test-result",
                &[("id", &id), ("result", "pass"), ("notes", "Smooth on the slow ride")],
            )
            .await;
        assert!(errors(&page.body).is_empty(), "{:?}", errors(&page.body));
        assert!(main(&page.body).contains("The result is recorded"));
        let told = common::browser::last_message(&app, "+254722000999").await;
        assert!(told.contains("you passed your driving test on"), "{told}");
        let (_, page) = officer
            .follow(
                "/api/staff/test-result",
                &[("id", &id), ("result", "fail"), ("notes", "again")],
            )
            .await;
        assert_eq!(errors(&page.body), ["A result is already recorded for this test"]);
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM driving_tests WHERE passed = 1").await,
            1
        );
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM audit_log WHERE action = 'test-result' AND after = 'pass'"
            )
            .await,
            1
        );

        // The learner (signed in again on the day) reads it; the class is no longer offered.
        let mut learner = common::staff::sign_in_by_sms(&app, BARAKA_EMAIL, "0722 000 999").await;
        let page = learner.get(&format!("/en/applications/{id}")).await;
        let body = main(&page.body);
        assert!(body.contains("You passed on"), "{body}");
        assert!(body.contains("Smooth on the slow ride"), "{body}");
        assert!(!body.contains("Move booking"), "a test taken cannot be moved");
        let page = learner.get(&format!("/en/applications/{second}/class")).await;
        assert!(
            main(&page.body).contains("You passed the test for this class"),
            "{}",
            main(&page.body)
        );
    }
);

on_both_engines!(
    a_missed_test_frees_the_class_for_another_booking,
    |settings| {
        settings.test_mode = true;
    },
    |app| {
        let mut browser = Browser::new(&app);
        register_person(&mut browser, BARAKA, BARAKA_EMAIL, "0722 000 999").await;
        let who = signed_in(&app, BARAKA_EMAIL).await;
        let mut both = applications_of(&app, who.id.as_str(), 1).await;
        // A second application for the same learner and class.
        let mut again = applications_of(&app, who.id.as_str(), 1).await;
        sqlx::query("UPDATE applications SET answers = $1 WHERE id = $2")
            .bind(r#"{"holder":"L0000000","class":"B"}"#)
            .bind(again[0].id.as_str())
            .execute(&app.state.pool)
            .await
            .unwrap();
        let mut conn = app.state.pool.acquire().await.unwrap();
        let reread = applications::by_id_in(&mut conn, &again[0].id).await.unwrap().unwrap();
        drop(conn);
        again[0] = reread;
        both.extend(again);
        let day = domain::bookable_days(app.state.clock.today())[0];
        assert_eq!(
            driving_test::hold(&app.state, &both[0], KISUMU, day, "08:00")
                .await
                .unwrap(),
            Held::Held
        );
        sqlx::query("UPDATE test_bookings SET status = 'booked' WHERE application_id = $1")
            .bind(both[0].id.as_str())
            .execute(&app.state.pool)
            .await
            .unwrap();
        assert_eq!(
            driving_test::hold(&app.state, &both[1], KISUMU, day, "09:00")
                .await
                .unwrap(),
            Held::AlreadyBooked
        );
        // The day goes by with no result: the learner books again.
        let after = domain::starts_at(day, "08:00").unwrap() + 2 * 24 * 3600;
        assert!(app.state.clock.advance(after - app.state.clock.now()));
        let next = domain::bookable_days(app.state.clock.today())[0];
        assert_eq!(
            driving_test::hold(&app.state, &both[1], KISUMU, next, "09:00")
                .await
                .unwrap(),
            Held::Held
        );
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM test_bookings WHERE status = 'past'").await,
            1
        );
    }
);
