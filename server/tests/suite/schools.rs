//! Driving school records through the real router, on both databases: a school's person enrols a learner (each
//! mistake named, what was typed kept; the register's name, the provisional licence and its validity checked; once
//! per class), finds them by search and in pages, marks the course complete once; the learner sees it on the
//! dashboard; someone who does not act for the school gets the 404 page for its pages and its forms.

use crate::common;

use common::browser::{errors, main, register_person, Browser};

const SCHOOL: &str = "P051987654Z";
/// A learner on the demo register (16, born 14 March 2010), and another.
const BARAKA: (&str, &str, &str) = ("40112233", "Baraka", "2010");
const NEEMA: (&str, &str, &str) = ("40112234", "Neema", "2010");

/// A business account acting for Jamhuri Driving School (its director Priya Shah, a resident).
async fn school_person<'a>(app: &'a common::TestApp, certificate: &str, email: &str, phone: &str) -> Browser<'a> {
    let mut browser = Browser::new(app);
    browser.get("/en/register").await;
    let steps: [(&str, Vec<(&str, &str)>); 6] = [
        ("/api/accounts/register/type", vec![("account_type", "business")]),
        (
            "/api/accounts/register/identity",
            vec![
                ("kra_pin", SCHOOL),
                ("role", "Instructor"),
                ("person", "resident"),
                ("id_number", certificate),
                ("first_name", "Priya"),
                ("last_name", "Shah"),
                ("nationality", "Indian"),
            ],
        ),
        (
            "/api/accounts/register/contact",
            vec![("email", email), ("phone", phone)],
        ),
        (
            "/api/accounts/register/password",
            vec![
                ("password", common::browser::PASSWORD),
                ("confirm", common::browser::PASSWORD),
            ],
        ),
        ("/api/accounts/register/terms", vec![("accept", "yes")]),
        ("/api/accounts/register/create", vec![]),
    ];
    for (path, form) in steps {
        let (location, page) = browser.submit(path, &form).await;
        assert!(
            !page.body.contains("error-summary"),
            "{path} → {location}: {}",
            page.body
        );
    }
    let token = common::browser::token_in(&common::browser::last_message(app, email).await);
    browser
        .submit("/api/accounts/verify/email/confirm", &[("token", &token)])
        .await;
    let e164 = format!("+254{}", &phone.replace(' ', "")[1..]);
    let code = common::browser::code_in(&common::browser::last_message(app, &e164).await);
    let (location, _) = browser.submit("/api/accounts/verify/phone", &[("code", &code)]).await;
    assert_eq!(location, "/en/welcome/photo");
    browser
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

fn enrolment<'a>(id: &'a str, first: &'a str, class: &'a str, start: [&'a str; 3]) -> Vec<(&'a str, &'a str)> {
    vec![
        ("school", SCHOOL),
        ("id_number", id),
        ("first_name", first),
        ("class", class),
        ("started-day", start[0]),
        ("started-month", start[1]),
        ("started-year", start[2]),
    ]
}

on_both_engines!(
    a_school_enrols_a_learner_with_a_permit_and_marks_the_course_complete,
    |app| {
        let mut school = school_person(&app, "A1000002", "priya@example.com", "0733 100 200").await;
        let today = app.state.clock.today();
        let (d, m, y) = (
            today.day().to_string(),
            today.month().to_string(),
            today.year().to_string(),
        );
        let later = app::calendar::add_days(today, 90).unwrap().to_string();

        // Every mistake at once, what was typed kept.
        let (at, page) = school
            .follow("/api/schools/enrol", &enrolment("4011x", "", "", ["31", "2", "2026"]))
            .await;
        assert_eq!(at, format!("/en/schools/{SCHOOL}"));
        assert_eq!(
            errors(&page.body),
            [
                "Enter an ID number of digits only, like 12345678",
                "Enter the learner's first name",
                "Select the class the learner will learn",
                "Enter a real date, like 1 12 2026"
            ]
        );
        assert!(main(&page.body).contains(r#"value="4011x""#));

        // The register's name, then the permit: none, lapsed, valid.
        let (_, page) = school
            .follow("/api/schools/enrol", &enrolment(BARAKA.0, "Brian", "A2", [&d, &m, &y]))
            .await;
        assert_eq!(
        errors(&page.body),
        ["The ID number and first name do not match the national register. Check them against the learner's ID card"]
    );
        let (_, page) = school
            .follow("/api/schools/enrol", &enrolment(BARAKA.0, "baraka", "A2", [&d, &m, &y]))
            .await;
        assert_eq!(
            errors(&page.body),
            ["The learner has no provisional licence for class A2. They must apply for one before you enrol them"]
        );
        permit(&app, BARAKA.0, "A2", "2026-01-31").await;
        let (_, page) = school
            .follow("/api/schools/enrol", &enrolment(BARAKA.0, "baraka", "A2", [&d, &m, &y]))
            .await;
        assert_eq!(
        errors(&page.body),
        ["The learner's provisional licence for class A2 ended on 31 January 2026. They must apply for a new one"]
    );
        sqlx::query("UPDATE provisional_licences SET expires_on = $1")
            .bind(&later)
            .execute(&app.state.pool)
            .await
            .unwrap();
        let (at, page) = school
            .follow("/api/schools/enrol", &enrolment(BARAKA.0, "baraka", "A2", [&d, &m, &y]))
            .await;
        assert!(at.starts_with(&format!("/en/schools/{SCHOOL}/students/")), "{at}");
        assert!(main(&page.body).contains("The learner is enrolled."));
        assert!(main(&page.body).contains("In progress"));
        let student = at.rsplit('/').next().unwrap().to_string();

        // Once per class.
        let (_, page) = school
            .follow("/api/schools/enrol", &enrolment(BARAKA.0, "Baraka", "A2", [&d, &m, &y]))
            .await;
        assert_eq!(errors(&page.body), ["The learner is already your student for class A2"]);

        // Complete, once.
        let complete = [("school", SCHOOL), ("student", student.as_str())];
        let (_, page) = school.follow("/api/schools/complete", &complete).await;
        assert!(
            main(&page.body).contains("The course is marked complete."),
            "{}",
            main(&page.body)
        );
        let (_, page) = school.follow("/api/schools/complete", &complete).await;
        assert_eq!(errors(&page.body), ["The course is already marked complete"]);

        // The learner sees it on the dashboard.
        let mut learner = Browser::new(&app);
        register_person(&mut learner, BARAKA, "baraka@example.com", "0722 000 111").await;
        let dashboard = learner.get("/en/dashboard").await;
        let body = main(&dashboard.body);
        assert!(body.contains("My driving course"), "{body}");
        assert!(body.contains("Jamhuri Driving School"), "{body}");
        assert!(body.contains("Complete on"), "{body}");

        // The learner does not act for the school: its pages and forms are the 404 page.
        assert_eq!(learner.get(&format!("/en/schools/{SCHOOL}")).await.status, 404);
        assert_eq!(
            learner
                .get(&format!("/en/schools/{SCHOOL}/students/{student}"))
                .await
                .status,
            404
        );
        let (at, _) = learner.follow("/api/schools/complete", &complete).await;
        assert_eq!(at, "/en/not-found");
        let (at, _) = learner
            .follow("/api/schools/enrol", &enrolment(NEEMA.0, "Neema", "A2", [&d, &m, &y]))
            .await;
        assert_eq!(at, "/en/not-found");
    }
);

on_both_engines!(a_course_that_has_not_started_cannot_be_completed, |app| {
    let mut school = school_person(&app, "A1000003", "priya2@example.com", "0733 100 201").await;
    let today = app.state.clock.today();
    let start = app::calendar::add_days(today, 10).unwrap();
    let later = app::calendar::add_days(today, 90).unwrap().to_string();
    permit(&app, NEEMA.0, "A1", &later).await;
    let (at, _) = school
        .follow(
            "/api/schools/enrol",
            &enrolment(
                NEEMA.0,
                "Neema",
                "A1",
                [
                    &start.day().to_string(),
                    &start.month().to_string(),
                    &start.year().to_string(),
                ],
            ),
        )
        .await;
    let student = at.rsplit('/').next().unwrap().to_string();
    let (_, page) = school
        .follow("/api/schools/complete", &[("school", SCHOOL), ("student", &student)])
        .await;
    assert_eq!(errors(&page.body).len(), 1);
    assert!(
        errors(&page.body)[0].starts_with("The course starts on"),
        "{:?}",
        errors(&page.body)
    );
    assert!(main(&page.body).contains("Not started yet"));
});

on_both_engines!(a_school_finds_its_students_by_name_or_id_number_in_pages_of_50, |app| {
    let mut school = school_person(&app, "A1000002", "priya@example.com", "0733 100 200").await;
    let ids: Vec<String> = sqlx::query_scalar("SELECT id_number FROM register_people ORDER BY id_number LIMIT 120")
        .fetch_all(&app.state.pool)
        .await
        .unwrap();
    let account: String = sqlx::query_scalar("SELECT id FROM accounts LIMIT 1")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    for (n, id) in ids.iter().enumerate() {
        sqlx::query(
            "INSERT INTO school_students (id, school_kra_pin, id_number, class, course_started_on, enrolled_by, \
             enrolled_at) VALUES ($1, $2, $3, 'B', '2026-11-01', $4, $5)",
        )
        .bind(format!("s{n:04}"))
        .bind(SCHOOL)
        .bind(id)
        .bind(&account)
        .bind(n as i64)
        .execute(&app.state.pool)
        .await
        .unwrap();
    }
    let page = school.get(&format!("/en/schools/{SCHOOL}")).await;
    assert!(
        main(&page.body).contains("120 students: page 1 of 3"),
        "{}",
        main(&page.body)
    );
    assert_eq!(main(&page.body).matches("/students/s0").count(), 50);
    let page = school.get(&format!("/en/schools/{SCHOOL}?q=&page=2")).await;
    assert!(main(&page.body).contains("page 3 of 3"));
    assert_eq!(main(&page.body).matches("/students/s0").count(), 20);

    // By ID number (its start), and by a name, in any case.
    let page = school.get(&format!("/en/schools/{SCHOOL}?q={}", ids[7])).await;
    assert!(
        main(&page.body).contains("1 students: page 1 of 1"),
        "{}",
        main(&page.body)
    );
    let name: String = sqlx::query_scalar("SELECT first_name FROM register_people WHERE id_number = $1")
        .bind(&ids[7])
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    let page = school
        .get(&format!("/en/schools/{SCHOOL}?q={}", name.to_uppercase()))
        .await;
    assert!(main(&page.body).contains(&ids[7]), "{}", main(&page.body));
    // A search of wildcards is no search.
    let page = school.get(&format!("/en/schools/{SCHOOL}?q=%25%25")).await;
    assert!(main(&page.body).contains("120 students"));
});
