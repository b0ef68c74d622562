//! Staff (issue 26) on both engines: every staff endpoint refuses whoever has no role for it; staff always give the
//! second step; two officers deciding at once give one decision; every action is in the audit log, which the
//! database will not let anyone change.

use crate::common;

use app::applications::domain::ApplicationId;
use common::{
    browser::{count, last_message, main, register_citizen, register_person, signed_in, Browser, EMAIL, PHONE},
    registration::paid_registration,
    staff::{
        member, staff, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, SECOND, SECOND_EMAIL, SECOND_PHONE, SUPPORT,
        SUPPORT_EMAIL, SUPPORT_PHONE,
    },
    TestApp,
};

/// Wanjiku's paid vehicle registration, waiting for an officer.
async fn waiting(app: &TestApp) -> ApplicationId {
    let mut browser = Browser::new(app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let who = signed_in(app, EMAIL).await;
    paid_registration(app, &who, "1HGCM82633A004352", "24MSAIM4012345").await
}

async fn status(app: &TestApp, id: &ApplicationId) -> String {
    let (status,): (String,) = sqlx::query_as("SELECT status FROM applications WHERE id = $1")
        .bind(id.as_str())
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    status
}

on_both_engines!(every_staff_endpoint_refuses_whoever_has_no_role_for_it, |app| {
    let id = waiting(&app).await;
    let id = id.as_str();
    let pages = [
        "/en/staff".to_string(),
        "/sw/staff".to_string(),
        format!("/en/staff/applications/{id}"),
        "/en/staff/audit".to_string(),
        "/en/staff/people".to_string(),
        "/staff/audit.csv".to_string(),
        format!("/staff/applications/{id}/files/photo"),
    ];
    let decisions: [(&str, Vec<(&str, &str)>); 5] = [
        ("/api/staff/claim", vec![("id", id)]),
        ("/api/staff/approve", vec![("id", id)]),
        ("/api/staff/reject", vec![("id", id), ("reason", "documents")]),
        ("/api/staff/ask", vec![("id", id), ("question", "Why?")]),
        ("/api/staff/grant", vec![("email", EMAIL), ("role", "administrator")]),
    ];
    // A visitor, and the applicant (a citizen signed in): the ordinary 404, and nothing decided.
    let mut visitor = Browser::new(&app);
    let mut citizen = Browser::new(&app);
    common::browser::sign_in_with_code(&mut citizen, EMAIL, common::browser::PASSWORD, false).await;
    for browser in [&mut visitor, &mut citizen] {
        for page in &pages {
            assert_eq!(browser.get(page).await.status, 404, "{page}");
        }
        for (path, form) in &decisions {
            let (location, _) = browser.submit(path, form).await;
            assert!(location.ends_with("/not-found"), "{path} → {location}");
        }
    }
    // A support agent sees the queue and the application, but neither decides nor reads the audit log.
    let mut support = staff(&app, SUPPORT, SUPPORT_EMAIL, SUPPORT_PHONE, "support").await;
    assert_eq!(support.get("/en/staff").await.status, 200);
    assert_eq!(support.get(&pages[2]).await.status, 200);
    assert_eq!(support.get("/en/staff/audit").await.status, 404);
    assert_eq!(support.get("/en/staff/people").await.status, 404);
    assert_eq!(support.get("/staff/audit.csv").await.status, 404);
    for (path, form) in &decisions {
        let (location, _) = support.submit(path, form).await;
        assert!(location.ends_with("/not-found"), "support {path} → {location}");
    }
    // An officer decides but does not read the audit log.
    let mut officer = staff(&app, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, "officer").await;
    assert_eq!(officer.get("/en/staff/audit").await.status, 404);
    assert_eq!(officer.get("/en/staff/people").await.status, 404);
    assert_eq!(officer.get("/staff/audit.csv").await.status, 404);
    assert_eq!(status(&app, &ApplicationId::parse(id).unwrap()).await, "in_review");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('claim', 'approve', 'reject')"
        )
        .await,
        0
    );
});

on_both_engines!(an_officer_claims_approves_and_the_applicant_is_told, |app| {
    let id = waiting(&app).await;
    let mut officer = staff(&app, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, "officer").await;
    let queue = officer.get("/en/staff").await;
    assert!(
        main(&queue.body).contains(&format!("staff/applications/{}", id.as_str())),
        "{}",
        queue.body
    );
    let page = format!("/en/staff/applications/{}", id.as_str());
    let (_, shown) = officer.visit(&page).await;
    for answer in ["1HGCM82633A004352", "24MSAIM4012345", "Wanjiku (28123456)", "KES 1,750"] {
        assert!(main(&shown.body).contains(answer), "{answer}: {}", main(&shown.body));
    }
    // Deciding without holding it first changes nothing.
    let (_, refused) = officer.follow("/api/staff/approve", &[("id", id.as_str())]).await;
    assert!(main(&refused.body).contains("ran out"), "{}", main(&refused.body));
    officer.follow("/api/staff/claim", &[("id", id.as_str())]).await;
    // A second officer sees who holds it and cannot take it.
    let mut second = staff(&app, SECOND, SECOND_EMAIL, SECOND_PHONE, "officer").await;
    let (_, held) = second.visit(&page).await;
    assert!(
        main(&held.body).contains("Otieno is deciding this application"),
        "{}",
        main(&held.body)
    );
    let (_, taken) = second.follow("/api/staff/claim", &[("id", id.as_str())]).await;
    assert!(
        main(&taken.body).contains("Another officer is deciding"),
        "{}",
        main(&taken.body)
    );
    let (_, approved) = officer.follow("/api/staff/approve", &[("id", id.as_str())]).await;
    assert!(main(&approved.body).contains("Approved."), "{}", main(&approved.body));
    assert_eq!(status(&app, &id).await, "completed");
    let plate = count(
        &app,
        "SELECT COUNT(*) FROM vehicles WHERE chassis_number = '1HGCM82633A004352'",
    )
    .await;
    assert_eq!(plate, 1);
    let told = last_message(&app, EMAIL).await;
    assert!(told.contains("approved your application"), "{told}");
    let actions: Vec<(String, String)> =
        sqlx::query_as("SELECT actor_email, action FROM audit_log WHERE subject = $1 ORDER BY id")
            .bind(id.as_str())
            .fetch_all(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(
        actions,
        [
            (OFFICER_EMAIL.to_string(), "claim".to_string()),
            (OFFICER_EMAIL.to_string(), "approve".to_string())
        ]
    );
});

on_both_engines!(two_officers_deciding_at_once_make_one_decision, |app| {
    use app::{
        applications::domain::Decision,
        staff::decisions::{self as service, StaffDecided},
    };
    let id = waiting(&app).await;
    staff(&app, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, "officer").await;
    staff(&app, SECOND, SECOND_EMAIL, SECOND_PHONE, "supervisor").await;
    let (first, second) = (member(&app, OFFICER_EMAIL).await, member(&app, SECOND_EMAIL).await);
    let mut conn = app.state.pool.acquire().await.unwrap();
    let application = app::applications::service::by_id_in(&mut conn, &id)
        .await
        .unwrap()
        .unwrap();
    drop(conn);
    assert!(matches!(
        service::claim(&app.state, &first, "test", &application).await.unwrap(),
        service::Claimed::Held { .. }
    ));
    // The second's claim lapses nothing: it is refused; a stale claim row lets both try to decide at once.
    sqlx::query("UPDATE applications SET claimed_by = $1 WHERE id = $2")
        .bind(first.account.as_str())
        .bind(id.as_str())
        .execute(&app.state.pool)
        .await
        .unwrap();
    let reject = Decision::Reject {
        reason: "applications-reason-documents".into(),
    };
    let (a, b, c) = tokio::join!(
        service::decide(&app.state, &first, "test", &application, &Decision::Approve),
        service::decide(&app.state, &first, "test", &application, &reject),
        service::decide(&app.state, &second, "test", &application, &Decision::Approve),
    );
    let outcomes = [a.unwrap(), b.unwrap(), c.unwrap()];
    let done = outcomes.iter().filter(|o| matches!(o, StaffDecided::Done(_))).count();
    assert_eq!(done, 1, "{outcomes:?}");
    assert!(outcomes.iter().all(|o| matches!(
        o,
        StaffDecided::Done(_) | StaffDecided::NotInReview | StaffDecided::NotClaimed
    )));
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('approve', 'reject')"
        )
        .await,
        1
    );
});

on_both_engines!(the_audit_log_cannot_be_changed_or_emptied, |app| {
    staff(&app, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, "administrator").await;
    let before = count(&app, "SELECT COUNT(*) FROM audit_log").await;
    assert!(before >= 1, "the role change is recorded");
    for statement in ["UPDATE audit_log SET action = 'nothing'", "DELETE FROM audit_log"] {
        assert!(
            sqlx::query(statement).execute(&app.state.pool).await.is_err(),
            "{statement} was allowed"
        );
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_log").await, before);
    let (after,): (String,) = sqlx::query_as("SELECT after FROM audit_log WHERE action = 'role-change'")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert!(after.starts_with("administrator"), "{after}");
});

on_both_engines!(staff_always_give_the_second_step_and_the_export_is_csv, |app| {
    let mut supervisor = staff(&app, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, "supervisor").await;
    // "Remember this browser" was asked for at sign-in: a staff member's browser is never remembered.
    assert_eq!(count(&app, "SELECT COUNT(*) FROM trusted_devices").await, 0);
    let csv = supervisor.get("/staff/audit.csv?action=role-change").await;
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").starts_with("text/csv"));
    assert!(
        csv.body.starts_with("id,at,actor,action,subject,client,before,after"),
        "{}",
        csv.body
    );
    assert!(
        csv.body.contains("role-change") && csv.body.contains(OFFICER_EMAIL),
        "{}",
        csv.body
    );
    let (_, page) = supervisor.visit("/sw/staff/audit").await;
    assert!(main(&page.body).contains("Daftari la matendo"), "{}", main(&page.body));
    assert!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('audit-export', 'audit-read')"
        )
        .await
            >= 2
    );
});

on_both_engines!(
    a_question_is_asked_answered_and_the_application_returns_to_the_queue,
    |app| {
        let id = waiting(&app).await;
        let page = format!("/en/staff/applications/{}", id.as_str());
        let mut officer = staff(&app, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, "officer").await;
        // Asking needs the hold, as deciding does.
        let (_, refused) = officer
            .follow("/api/staff/ask", &[("id", id.as_str()), ("question", "Which colour?")])
            .await;
        assert!(main(&refused.body).contains("ran out"), "{}", main(&refused.body));
        officer.follow("/api/staff/claim", &[("id", id.as_str())]).await;
        let (_, empty) = officer
            .follow("/api/staff/ask", &[("id", id.as_str()), ("question", "  ")])
            .await;
        assert_eq!(common::browser::errors(&empty.body), ["Enter your question"]);
        let (_, asked) = officer
            .follow(
                "/api/staff/ask",
                &[("id", id.as_str()), ("question", "Is the vehicle red or maroon?")],
            )
            .await;
        assert!(
            main(&asked.body).contains("Your question was sent"),
            "{}",
            main(&asked.body)
        );
        // Out of the queue, in "waiting for the applicant".
        let queue = officer.get("/en/staff").await;
        assert!(!queue.body.contains(id.as_str()), "still queued");
        let waiting_list = officer.get("/en/staff?status=asked").await;
        assert!(waiting_list.body.contains(id.as_str()), "not among the waiting");
        let told = last_message(&app, EMAIL).await;
        assert!(told.contains("Is the vehicle red or maroon?"), "{told}");

        // The applicant answers on the application's page, in Kiswahili.
        let mut citizen = Browser::new(&app);
        common::browser::sign_in_with_code(&mut citizen, EMAIL, common::browser::PASSWORD, false).await;
        let mine = format!("/sw/applications/{}", id.as_str());
        let (_, shown) = citizen.visit(&mine).await;
        assert!(
            main(&shown.body).contains("Is the vehicle red or maroon?"),
            "{}",
            main(&shown.body)
        );
        assert!(
            main(&shown.body).contains("Maswali kutoka NTSA"),
            "{}",
            main(&shown.body)
        );
        let (_, blank) = citizen
            .follow("/api/applications/answer", &[("id", id.as_str()), ("answer", " ")])
            .await;
        assert_eq!(common::browser::errors(&blank.body), ["Andika jibu lako"]);
        let (_, answered) = citizen
            .follow("/api/applications/answer", &[("id", id.as_str()), ("answer", "Red.")])
            .await;
        assert!(main(&answered.body).contains("Red."), "{}", main(&answered.body));
        // Back in the queue; the officer sees the answer.
        assert!(officer.get("/en/staff").await.body.contains(id.as_str()));
        let (_, seen) = officer.visit(&page).await;
        assert!(main(&seen.body).contains("Red."), "{}", main(&seen.body));
        // A second answer (another tab) changes nothing.
        citizen
            .follow(
                "/api/applications/answer",
                &[("id", id.as_str()), ("answer", "Maroon.")],
            )
            .await;
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM application_questions WHERE answer = 'Maroon.'"
            )
            .await,
            0
        );
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'question'").await,
            1
        );
        // Every notice stays in "Messages".
        let (_, messages) = citizen.visit("/en/messages").await;
        assert!(
            main(&messages.body).contains("A question about your application"),
            "{}",
            main(&messages.body)
        );
    }
);

on_both_engines!(
    an_administrator_gives_a_role_on_the_page_and_only_an_administrator_can,
    |app| {
        let mut admin = staff(&app, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, "administrator").await;
        let mut registering = Browser::new(&app);
        register_person(&mut registering, SECOND, SECOND_EMAIL, SECOND_PHONE).await;
        let (_, page) = admin
            .follow(
                "/api/staff/grant",
                &[
                    ("email", "nobody@ntsa.go.ke"),
                    ("role", "chief"),
                    ("services", "flying"),
                ],
            )
            .await;
        assert_eq!(
            common::browser::errors(&page.body),
            [
                "Choose a role",
                "Name only services Uraia offers, for example registration or dl-renewal"
            ]
        );
        assert!(
            main(&page.body).contains("value=\"nobody@ntsa.go.ke\""),
            "what was typed comes back"
        );
        let (_, page) = admin
            .follow(
                "/api/staff/grant",
                &[("email", "nobody@ntsa.go.ke"), ("role", "officer"), ("services", "")],
            )
            .await;
        assert_eq!(
            common::browser::errors(&page.body),
            ["No account has proven this email address. The person registers and verifies it first."]
        );
        let (_, page) = admin
            .follow(
                "/api/staff/grant",
                &[
                    ("email", SECOND_EMAIL),
                    ("role", "officer"),
                    ("services", "registration"),
                ],
            )
            .await;
        assert!(main(&page.body).contains("The role was saved"), "{}", main(&page.body));
        assert!(main(&page.body).contains(SECOND_EMAIL), "listed");
        let officer = member(&app, SECOND_EMAIL).await;
        assert_eq!(officer.services, ["registration"]);
        let (_, sw) = admin.visit("/sw/staff/people").await;
        assert!(
            main(&sw.body).contains("Watumishi na nyadhifa zao"),
            "{}",
            main(&sw.body)
        );
        // A supervisor (and anyone else) gets the 404 page and changes nothing.
        let mut supervisor = staff(&app, SUPPORT, SUPPORT_EMAIL, SUPPORT_PHONE, "supervisor").await;
        assert_eq!(supervisor.get("/en/staff/people").await.status, 404);
        let (location, _) = supervisor
            .submit(
                "/api/staff/grant",
                &[("email", SUPPORT_EMAIL), ("role", "administrator")],
            )
            .await;
        assert!(location.ends_with("/not-found"), "{location}");
        assert_eq!(
            member(&app, SUPPORT_EMAIL).await.role,
            app::staff::domain::Role::Supervisor
        );
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'role-change'").await,
            3,
            "the console's two and the administrator's one"
        );
    }
);
