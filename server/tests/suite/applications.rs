//! The application framework and the driving licence renewal through the real router, on both databases: starting
//! and resuming a draft, 50 simultaneous submissions making one application, another person's application being a
//! 404, unpaid offences refused with the amount, the smart licence sent to the photo page and back, and the
//! service-layer operations `mark_paid` and `decide`.

use crate::common;

use app::{
    applications::{
        domain::{ApplicationId, Decision, Payment},
        service::{self as applications, Decided, Paid, Submitted},
    },
    calendar,
    fees::domain::Shillings,
    photo::check::samples::jpeg,
};
use common::browser::{count, errors, main, register_citizen, register_person, signed_in, Browser, EMAIL, PHONE};

/// Starts a renewal; the draft's id, from the address of its first step.
async fn start_renewal(browser: &mut Browser<'_>) -> String {
    let (at, page) = browser
        .follow("/api/applications/start", &[("service", "dl-renewal")])
        .await;
    assert!(at.ends_with("/period"), "{at}: {} {}", page.status, main(&page.body));
    at.trim_start_matches("/en/applications/")
        .trim_end_matches("/period")
        .to_string()
}

on_both_engines!(fifty_parallel_submits_make_one_application, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    // Fifty "Start now" at once open one draft.
    let starts =
        (0..50).map(|_| app.send(browser.form_request("/api/applications/start", &[("service", "dl-renewal")])));
    futures_util::future::join_all(starts).await;
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 1);
    let id = start_renewal(&mut browser).await;
    let (at, _) = browser
        .follow("/api/renewal/period", &[("id", &id), ("period", "3y")])
        .await;
    assert!(at.ends_with("/check"), "{at}");

    let submits = (0..50)
        .map(|_| app.send(browser.form_request("/api/applications/submit", &[("id", &id), ("declaration", "yes")])));
    for response in futures_util::future::join_all(submits).await {
        assert!(
            response.status.is_redirection(),
            "{} {}",
            response.status,
            response.body
        );
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 1);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM applications WHERE reference IS NOT NULL").await,
        1
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM application_events").await,
        2,
        "submitted, awaiting payment"
    );
    let (_, page) = browser.visit(&format!("/en/applications/{id}")).await;
    let html = main(&page.body);
    assert!(
        html.contains("Awaiting payment") && html.contains("KES 1,450"),
        "{html}"
    );
});

on_both_engines!(another_persons_application_is_not_found, |app| {
    let mut owner = Browser::new(&app);
    register_citizen(&mut owner, EMAIL, PHONE).await;
    let id = start_renewal(&mut owner).await;
    let mut other = Browser::new(&app);
    register_person(
        &mut other,
        ("31234567", "Otieno", "1985"),
        "otieno@example.com",
        "0722 000 111",
    )
    .await;
    for path in [
        format!("/en/applications/{id}"),
        format!("/en/applications/{id}/period"),
        format!("/en/applications/{id}/check"),
    ] {
        assert_eq!(other.get(&path).await.status, 404, "{path}");
    }
    // Answering or submitting it changes nothing.
    other
        .follow("/api/renewal/period", &[("id", &id), ("period", "1y")])
        .await;
    other
        .follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
        .await;
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM applications WHERE answers <> '{}' OR reference IS NOT NULL"
        )
        .await,
        0
    );
    assert_eq!(
        Browser::new(&app)
            .get(&format!("/en/applications/{id}"))
            .await
            .header("location"),
        "/en/login"
    );
    assert_eq!(owner.get("/en/applications/not-an-id").await.status, 404);
});

on_both_engines!(unpaid_offences_refuse_the_renewal_with_the_amount, |app| {
    let mut browser = Browser::new(&app);
    register_person(
        &mut browser,
        ("22345678", "Chebet", "1978"),
        "chebet@example.com",
        "0722 000 333",
    )
    .await;
    let id = start_renewal(&mut browser).await;
    let (_, page) = browser.visit(&format!("/en/applications/{id}/period")).await;
    let html = main(&page.body);
    assert!(html.contains("unpaid traffic offences of KES 3,000"), "{html}");
    assert!(!html.contains("name=\"period\""), "no form: {html}");
    let (_, page) = browser
        .follow("/api/renewal/period", &[("id", &id), ("period", "1y")])
        .await;
    assert_eq!(
        errors(&page.body),
        ["You have unpaid traffic offences of KES 3,000. Pay them before you renew your licence"]
    );
});

on_both_engines!(a_smart_licence_goes_to_the_photo_page_and_back, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let id = start_renewal(&mut browser).await;
    let (at, page) = browser
        .follow("/api/renewal/period", &[("id", &id), ("period", "smart")])
        .await;
    assert_eq!(at, format!("/en/account/photo?then=applications/{id}/smart"));
    assert!(
        page.body.contains("A smart licence needs your passport photo"),
        "{}",
        page.body
    );
    let response = browser
        .upload(
            &format!("/api/photo/upload?from=account&then=applications/{id}/smart"),
            "me.jpg",
            &jpeg(400, 400),
            true,
        )
        .await;
    assert_eq!(response.header("location"), format!("/en/applications/{id}/smart"));
    // Every answer wrong at once, then right.
    let (_, page) = browser
        .follow("/api/renewal/smart", &[("id", &id), ("blood_group", "Z+")])
        .await;
    assert_eq!(errors(&page.body).len(), 5, "{}", page.body);
    let form = [
        ("id", id.as_str()),
        ("place_of_birth", "Nyeri"),
        ("blood_group", "O+"),
        ("county", "Nairobi"),
        ("address", "P.O. Box 1234-00100 Nairobi"),
        ("centre", "CC-NRB-HQ"),
    ];
    let (at, page) = browser.follow("/api/renewal/smart", &form).await;
    assert!(at.ends_with("/check"), "{at}");
    let html = main(&page.body);
    assert!(
        html.contains("Smart driving licence (Smart DL), for 3 years") && html.contains("KES 3,100"),
        "{html}"
    );
    // The declaration is required.
    let (_, page) = browser.follow("/api/applications/submit", &[("id", &id)]).await;
    assert_eq!(
        errors(&page.body),
        ["Confirm the declaration to submit your application"]
    );
});

on_both_engines!(a_paid_renewal_completes_itself_once, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let id = start_renewal(&mut browser).await;
    browser
        .follow("/api/renewal/period", &[("id", &id), ("period", "1y")])
        .await;
    browser
        .follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
        .await;
    let id = ApplicationId::parse(&id).unwrap();
    let payment = |amount: i64, receipt: &str| Payment {
        method: "mpesa",
        receipt: receipt.into(),
        amount: Shillings(amount),
    };
    assert_eq!(
        applications::mark_paid(&app.state, &id, &payment(600, "OEB44R5U3U"))
            .await
            .unwrap(),
        Paid::WrongAmount {
            expected: Shillings(620)
        }
    );
    assert_eq!(
        applications::mark_paid(&app.state, &id, &payment(620, "OEB44R5U3U"))
            .await
            .unwrap(),
        Paid::Completed
    );
    assert_eq!(
        applications::mark_paid(&app.state, &id, &payment(620, "OEB44R5U3V"))
            .await
            .unwrap(),
        Paid::Already
    );
    // Wanjiku's licence (demo: 30 June 2027) runs a year on from its old expiry.
    let (expires,): (String,) =
        sqlx::query_as("SELECT expires_on FROM driving_licences WHERE holder_id_number = '28123456'")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(expires, "2028-06-30");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM renewal_slips").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM payments").await, 1);
    let (_, page) = browser.visit(&format!("/en/applications/{}", id.as_str())).await;
    let html = main(&page.body);
    assert!(
        html.contains("Application complete") && html.contains("30 June 2028"),
        "{html}"
    );
    for status in ["Submitted", "Awaiting payment", "Paid", "Completed"] {
        assert!(html.contains(status), "{status}: {html}");
    }
});

on_both_engines!(a_decision_needs_a_reason_to_reject, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let who = signed_in(&app, EMAIL).await;
    // A service without its own completion goes to an officer once paid.
    let mut reviewed = Vec::new();
    // (Submitted here without their steps: the framework's part only.)
    for (service, fee) in [("driving-test", "driving-test"), ("psv-licence", "psv-6-8-seats")] {
        let id = applications::start(&app.state, &who, service).await.unwrap();
        let application = applications::owned(&app.state, &who, id.as_str()).await.unwrap();
        let Submitted::Now(_) = applications::submit(&app.state, &who, &application, fee).await.unwrap() else {
            panic!("submitted");
        };
        let schedule = app::fees::db::schedule(&app.state.pool).await.unwrap();
        let total = schedule.quote(fee).unwrap().total_kes;
        let payment = Payment {
            method: "counter",
            receipt: format!("R{service}"),
            amount: Shillings(total),
        };
        assert_eq!(
            applications::mark_paid(&app.state, &id, &payment).await.unwrap(),
            Paid::InReview
        );
        reviewed.push(id);
    }
    let reject = |reason: &str| Decision::Reject { reason: reason.into() };
    assert_eq!(
        applications::decide(&app.state, &reviewed[0], &reject("  "))
            .await
            .unwrap(),
        Decided::ReasonNeeded
    );
    assert_eq!(
        applications::decide(&app.state, &reviewed[0], &reject("The logbook number does not match"))
            .await
            .unwrap(),
        Decided::Rejected
    );
    assert_eq!(
        applications::decide(&app.state, &reviewed[0], &Decision::Approve)
            .await
            .unwrap(),
        Decided::NotInReview
    );
    // The licence's approval issues it from its answers (the steps that save them have their own tests).
    sqlx::query("UPDATE applications SET answers = $2 WHERE id = $1")
        .bind(reviewed[1].as_str())
        .bind(r#"{"plate":"KDE 789C","organisation":"P052468013M","route":"NBI-237","starts_on":"2026-12-01"}"#)
        .execute(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(
        applications::decide(&app.state, &reviewed[1], &Decision::Approve)
            .await
            .unwrap(),
        Decided::Completed
    );
    let (_, page) = browser
        .visit(&format!("/en/applications/{}", reviewed[0].as_str()))
        .await;
    assert!(main(&page.body).contains("The logbook number does not match"));
});

on_both_engines!(a_draft_resumes_in_another_browser, |app| {
    let mut first = Browser::new(&app);
    register_citizen(&mut first, EMAIL, PHONE).await;
    let id = start_renewal(&mut first).await;
    first
        .follow("/api/renewal/period", &[("id", &id), ("period", "3y")])
        .await;
    let mut second = Browser::new(&app);
    common::browser::sign_in_with_code(&mut second, EMAIL, common::browser::PASSWORD, false).await;
    let (_, page) = second.visit("/en/dashboard").await;
    let html = main(&page.body);
    assert!(
        html.contains("My applications") && html.contains("Not submitted") && html.contains("Continue"),
        "{html}"
    );
    let (at, _) = second.visit(&format!("/en/applications/{id}")).await;
    assert_eq!(at, format!("/en/applications/{id}/check"));
    let _ = calendar::parse_iso("2027-06-30");
});

/// An application's status, its invoiced fee code, and the fee code its answers call for.
async fn invoiced_and_answered(app: &common::TestApp, id: &str) -> (String, Option<String>, &'static str) {
    let (status, answers, fee_code): (String, String, Option<String>) =
        sqlx::query_as("SELECT status, answers, fee_code FROM applications WHERE id = $1")
            .bind(id)
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    let answered = match serde_json::from_str::<serde_json::Value>(&answers).unwrap()["period"].as_str() {
        Some("one-year") => "dl-renewal-1y",
        Some("three-years") => "dl-renewal-3y",
        other => panic!("period {other:?}"),
    };
    (status, fee_code, answered)
}

on_both_engines!(a_fee_is_never_frozen_on_answers_it_was_not_checked_on, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let mut sent_back = 0;
    for _ in 0..50 {
        let id = start_renewal(&mut browser).await;
        browser
            .follow("/api/renewal/period", &[("id", &id), ("period", "1y")])
            .await;
        // "Submit" on the check page of a 1-year renewal, while another tab changes it to 3 years.
        let submit = app.send(browser.form_request("/api/applications/submit", &[("id", &id), ("declaration", "yes")]));
        let changes =
            (0..4).map(|_| app.send(browser.form_request("/api/renewal/period", &[("id", &id), ("period", "3y")])));
        tokio::join!(submit, futures_util::future::join_all(changes));
        let (status, fee_code, _) = invoiced_and_answered(&app, &id).await;
        if status == "draft" {
            // Changed after the check: nothing invoiced; the person checks again and submits what it now says.
            sent_back += 1;
            assert_eq!(fee_code, None);
            let (at, _) = browser
                .follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
                .await;
            assert!(at.ends_with(&id), "{at}");
        }
        let (status, fee_code, answered) = invoiced_and_answered(&app, &id).await;
        assert_eq!(status, "awaiting_payment");
        assert_eq!(
            fee_code.as_deref(),
            Some(answered),
            "invoiced {fee_code:?} for {answered}"
        );
        // Out of the way of the next round (a person may have only 3 unpaid applications of a service).
        sqlx::query("UPDATE applications SET status = 'rejected' WHERE id = $1")
            .bind(&id)
            .execute(&app.state.pool)
            .await
            .unwrap();
    }
    eprintln!("of 50 races, {sent_back} were sent back to check their answers");
});

on_both_engines!(a_stale_copy_of_the_answers_submits_nothing, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let who = signed_in(&app, EMAIL).await;
    let id = start_renewal(&mut browser).await;
    browser
        .follow("/api/renewal/period", &[("id", &id), ("period", "1y")])
        .await;
    // The copy "submit" checked: 1 year. Then the answers change before the submission is written.
    let checked = applications::owned(&app.state, &who, &id).await.unwrap();
    browser
        .follow("/api/renewal/period", &[("id", &id), ("period", "3y")])
        .await;
    assert_eq!(
        applications::submit(&app.state, &who, &checked, "dl-renewal-1y")
            .await
            .unwrap(),
        Submitted::Changed
    );
    let (status, fee_code, _) = invoiced_and_answered(&app, &id).await;
    assert_eq!((status.as_str(), fee_code), ("draft", None));
    // The current copy submits, for its own fee.
    let current = applications::owned(&app.state, &who, &id).await.unwrap();
    assert!(matches!(
        applications::submit(&app.state, &who, &current, "dl-renewal-3y")
            .await
            .unwrap(),
        Submitted::Now(_)
    ));
    // The message the check page shows, in both languages.
    let tr = |lang: &str| app::i18n::Lang::parse(lang).unwrap().t("applications-error-changed");
    assert!(tr("en").starts_with("Your answers changed while you were submitting"));
    assert!(tr("sw").starts_with("Majibu yako yalibadilika"));
});

on_both_engines!(a_missing_or_anothers_application_is_the_same_404_every_time, |app| {
    let mut owner = Browser::new(&app);
    register_citizen(&mut owner, EMAIL, PHONE).await;
    let id = start_renewal(&mut owner).await;
    let mut stranger = Browser::new(&app);
    register_person(
        &mut stranger,
        ("31234567", "Otieno", "1985"),
        "otieno@example.com",
        "0722 000 001",
    )
    .await;
    // The review saw about one in three of these come back 200 with an empty main.
    for path in [
        format!("/en/applications/{id}"),
        "/en/applications/0123456789abcdef0123456789abcdef".to_string(),
    ] {
        for _ in 0..30 {
            let page = stranger.get(&path).await;
            assert_eq!(page.status, 404, "{path}");
            assert!(
                main(&page.body).contains("Page not found"),
                "{path}: {}",
                main(&page.body)
            );
        }
    }
    // Signed out, a signed-in page is a real redirect to sign in, every time.
    for _ in 0..30 {
        let page = app.get(&format!("/en/applications/{id}")).await;
        assert!(
            page.status.is_redirection(),
            "{} {}",
            page.status,
            page.header("location")
        );
        assert!(
            page.header("location").starts_with("/en/login"),
            "{}",
            page.header("location")
        );
    }
});

on_both_engines!(no_licence_to_renew_links_to_the_tims_page, |app| {
    let mut browser = Browser::new(&app);
    register_person(
        &mut browser,
        ("35678901", "Juma", "2001"),
        "juma@example.com",
        "0722 000 004",
    )
    .await;
    let id = start_renewal(&mut browser).await;
    let (_, page) = browser.visit(&format!("/en/applications/{id}/period")).await;
    let html = main(&page.body);
    assert!(
        html.contains("No driving licence is recorded under ID number 35678901"),
        "{html}"
    );
    assert!(
        html.contains("href=\"/en/tims\""),
        "told to link TIMS, with the link: {html}"
    );
});
