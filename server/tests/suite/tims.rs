//! Linking an old TIMS account through the real router, on both databases: by a code to the legacy phone (an
//! organisation's fleet then shows on the dashboard), by first name and year of birth, refusals of another
//! identity's record and of a record linked already, and wrong details limited like codes.

use crate::common;

use common::browser::{code_in, errors, last_message, main, register_citizen, register_person, Browser, EMAIL, PHONE};

on_both_engines!(a_director_links_the_organisations_tims_account_by_code, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let html = browser.get("/en/dashboard").await.body;
    assert!(
        !html.contains("Safari Fleet Logistics Ltd"),
        "the fleet before the link"
    );
    // Wanjiku is a director of Safari Fleet Logistics (P051234567K), whose TIMS account is TIMS200000.
    let (at, page) = browser
        .submit("/api/tims/find", &[("identifier", "p051-234567k")])
        .await;
    assert_eq!(at, "/en/tims/prove", "{:?}", errors(&page.body));
    assert!(main(&page.body).contains("TIMS200000") && main(&page.body).contains("0740 *** 278"));
    assert!(
        !page.body.contains("value=\"details\""),
        "an organisation has no first name to answer with"
    );
    let (at, _) = browser.submit("/api/tims/method", &[("method", "code")]).await;
    assert_eq!(at, "/en/tims/code");
    let (_, page) = browser.submit("/api/tims/code", &[("code", "000000")]).await;
    assert_eq!(
        errors(&page.body),
        ["The code is not right. Check the message and try again"]
    );
    let code = code_in(&last_message(&app, "+254740330278").await);
    let (at, page) = browser.submit("/api/tims/code", &[("code", &code)]).await;
    assert_eq!(at, "/en/dashboard");
    let html = main(&page.body);
    assert!(
        html.contains("Your TIMS account is linked") && html.contains("Safari Fleet Logistics Ltd"),
        "{html}"
    );
    // Linked once: again is refused.
    let (_, page) = browser.submit("/api/tims/find", &[("identifier", "P051234567K")]).await;
    assert_eq!(
        errors(&page.body),
        ["That TIMS account is already linked to your account"]
    );
});

on_both_engines!(a_person_links_by_details_and_only_their_own, |app| {
    let mut browser = Browser::new(&app);
    register_person(
        &mut browser,
        ("22345678", "Chebet", "1978"),
        "chebet@example.com",
        "0722 000 333",
    )
    .await;
    // Another person's record, and one that does not exist.
    let (_, page) = browser.submit("/api/tims/find", &[("identifier", "11055074")]).await;
    assert_eq!(
        errors(&page.body),
        ["You cannot link that TIMS account. It must be under your own ID number, or under an organisation you act for or direct"]
    );
    let (_, page) = browser.submit("/api/tims/find", &[("identifier", "99999999")]).await;
    assert_eq!(
        errors(&page.body),
        ["No TIMS account was found for that KRA PIN or ID number. Check it and try again"]
    );
    assert!(page.body.contains("value=\"99999999\""), "what was typed comes back");
    browser.submit("/api/tims/find", &[("identifier", "22 345 678")]).await;
    let (at, _) = browser.submit("/api/tims/method", &[("method", "details")]).await;
    assert_eq!(at, "/en/tims/details");
    let (_, page) = browser
        .submit(
            "/api/tims/details",
            &[("first_name", "Faith"), ("year_of_birth", "1978")],
        )
        .await;
    assert_eq!(
        errors(&page.body),
        ["The first name and year of birth do not match the TIMS account"]
    );
    let (at, _) = browser
        .submit(
            "/api/tims/details",
            &[("first_name", " chebet "), ("year_of_birth", "1978")],
        )
        .await;
    assert_eq!(at, "/en/dashboard");
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM tims_links WHERE account_number = 'TIMS100000' AND proved_by = 'details'")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(n, 1);
});

on_both_engines!(wrong_tries_are_limited, |app| {
    let mut browser = Browser::new(&app);
    register_person(
        &mut browser,
        ("22345678", "Chebet", "1978"),
        "chebet@example.com",
        "0722 000 333",
    )
    .await;
    for _ in 0..5 {
        browser.submit("/api/tims/find", &[("identifier", "99999999")]).await;
    }
    let (_, page) = browser.submit("/api/tims/find", &[("identifier", "22345678")]).await;
    let problems = errors(&page.body);
    assert!(problems[0].starts_with("You have tried too many times"), "{problems:?}");
});

on_both_engines!(
    a_code_proves_only_the_record_it_was_sent_for,
    |settings| {
        settings.test_mode = true;
    },
    |app| {
        // David holds TIMS100005 (his own phone) and directs P339526720K, whose record TIMS200001 has another phone.
        let mut browser = Browser::new(&app);
        register_person(
            &mut browser,
            ("21031746", "David", "1982"),
            "david@example.com",
            "0711 000 555",
        )
        .await;
        browser.submit("/api/tims/find", &[("identifier", "21031746")]).await;
        browser.submit("/api/tims/method", &[("method", "code")]).await;
        let own_code = code_in(&last_message(&app, "+254778903187").await);
        // The pending record changes to the company's after the code went to his own phone.
        let (at, _) = browser.submit("/api/tims/find", &[("identifier", "P339526720K")]).await;
        assert_eq!(at, "/en/tims/prove");
        let (_, page) = browser.submit("/api/tims/code", &[("code", &own_code)]).await;
        assert_eq!(errors(&page.body).len(), 1, "{}", main(&page.body));
        let linked: Vec<String> = sqlx::query_scalar("SELECT account_number FROM tims_links")
            .fetch_all(&app.state.pool)
            .await
            .unwrap();
        assert!(linked.is_empty(), "{linked:?}");
        // The company's own code, to the company's phone (a minute on: the resend rules), links it.
        assert!(app.state.clock.advance(61));
        browser.submit("/api/tims/method", &[("method", "code")]).await;
        let company_code = code_in(&last_message(&app, "+254763193556").await);
        let (at, _) = browser.submit("/api/tims/code", &[("code", &company_code)]).await;
        assert_eq!(at, "/en/dashboard");
    }
);
