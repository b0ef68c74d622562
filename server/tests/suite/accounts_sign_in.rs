//! Sign-in through the real router on both databases: registration to the dashboard, identical answers for
//! unknown accounts and wrong passwords, throttling that holds across processes, codes, remembered devices, reset.

use crate::common;

use common::browser::{
    code_in, errors, last_message, main, messages_to, register_citizen, sign_in, sign_in_with_code, Browser, E164,
    EMAIL, PASSWORD, PHONE,
};

on_both_engines!(a_citizen_registers_verifies_and_signs_in_with_a_code, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let dashboard = browser.get("/en/dashboard").await;
    assert!(dashboard.body.contains("Welcome, Wanjiku"), "{}", dashboard.body);
    let stored: String = sqlx::query_scalar("SELECT password_hash FROM accounts WHERE email = $1")
        .bind(EMAIL)
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{stored}");

    // A new browser signs in by ID number, gets a code by SMS (the default), and lands on the dashboard.
    let mut other = Browser::new(&app);
    let (location, problems) = sign_in(&mut other, "28 123 456", PASSWORD).await;
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(location, "/en/login/code?via=sms");
    let code = code_in(&last_message(&app, E164).await);
    let (location, _) = other
        .submit("/api/accounts/sign-in/code", &[("code", &code), ("via", "sms")])
        .await;
    assert_eq!(location, "/en/dashboard");
    assert!(other.cookie("uraia_device").is_none(), "not remembered unless asked");
    // The same code cannot be used twice.
    let mut third = Browser::new(&app);
    sign_in(&mut third, EMAIL, PASSWORD).await;
    let (_, page) = third
        .submit("/api/accounts/sign-in/code", &[("code", &code), ("via", "sms")])
        .await;
    assert!(!errors(&page.body).is_empty());
});

on_both_engines!(unknown_accounts_and_wrong_passwords_get_the_same_answer, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let mut a = Browser::new(&app);
    let mut b = Browser::new(&app);
    let known = a
        .post(
            "/api/accounts/sign-in",
            &[("login", EMAIL), ("password", "Wrong#pass-2026")],
        )
        .await;
    let unknown = b
        .post(
            "/api/accounts/sign-in",
            &[("login", "nobody@example.com"), ("password", "Wrong#pass-2026")],
        )
        .await;
    assert_eq!(known.status, unknown.status);
    assert_eq!(known.header("location"), unknown.header("location"));
    let (known_page, unknown_page) = (a.get("/en/login").await, b.get("/en/login").await);
    assert_eq!(
        errors(&known_page.body),
        vec!["Enter a correct email address or ID number and password"]
    );
    assert_eq!(errors(&known_page.body), errors(&unknown_page.body));
    // Reset says the same too.
    let known = a
        .submit("/api/accounts/reset", &[("login", EMAIL), ("channel", "email")])
        .await;
    let unknown = b
        .submit(
            "/api/accounts/reset",
            &[("login", "nobody@example.com"), ("channel", "email")],
        )
        .await;
    assert_eq!(known.0, unknown.0);
    assert_eq!(main(&known.1.body), main(&unknown.1.body));
});

on_both_engines!(
    five_failures_slow_an_identifier_down_across_processes_and_tell_the_owner,
    |app| {
        let mut browser = Browser::new(&app);
        register_citizen(&mut browser, EMAIL, PHONE).await;
        let second = app.second_process().await;
        for attempt in 0..5 {
            // Alternate between two server processes sharing the database.
            let process = if attempt % 2 == 0 { &app } else { &second };
            let mut attacker = Browser::new(process);
            let (_, errors) = sign_in(&mut attacker, EMAIL, "Wrong#pass-2026").await;
            assert_eq!(
                errors,
                vec!["Enter a correct email address or ID number and password"],
                "attempt {attempt}"
            );
        }
        // Now even the right password waits, on either process, and the owner has been told.
        for process in [&app, &second] {
            let mut owner = Browser::new(process);
            let (location, errors) = sign_in(&mut owner, EMAIL, PASSWORD).await;
            assert_eq!(location, "/en/login");
            assert_eq!(
                errors,
                vec!["You have tried too many times. Wait a minute, then try again"]
            );
        }
        assert!(messages_to(&app, EMAIL)
            .await
            .iter()
            .any(|m| m.contains("5 times in a row")));
        // An identifier with no account is throttled the same way, so the lock does not reveal accounts.
        for _ in 0..5 {
            sign_in(&mut Browser::new(&app), "nobody@example.com", "Wrong#pass-2026").await;
        }
        let (_, errors) = sign_in(&mut Browser::new(&second), "nobody@example.com", "Wrong#pass-2026").await;
        assert_eq!(
            errors,
            vec!["You have tried too many times. Wait a minute, then try again"]
        );
        // After the delay the owner gets in.
        sqlx::query("UPDATE sign_in_throttles SET locked_until = 0")
            .execute(&app.state.pool)
            .await
            .unwrap();
        let (location, _) = sign_in(&mut Browser::new(&app), EMAIL, PASSWORD).await;
        assert!(location.starts_with("/en/login/code"), "{location}");
    }
);

on_both_engines!(one_client_address_is_throttled_after_many_failures, |app| {
    for n in 0..30 {
        sign_in(
            &mut Browser::new(&app),
            &format!("person{n}@example.com"),
            "Wrong#pass-2026",
        )
        .await;
    }
    let (_, errors) = sign_in(&mut Browser::new(&app), "someone.new@example.com", "Any#pass-2026").await;
    assert_eq!(
        errors,
        vec!["You have tried too many times. Wait a minute, then try again"]
    );
});

on_both_engines!(
    a_remembered_device_skips_the_code_for_thirty_days,
    |settings| {
        settings.test_mode = true;
    },
    |app| {
        let mut browser = Browser::new(&app);
        register_citizen(&mut browser, EMAIL, PHONE).await;
        let mut phone = Browser::new(&app);
        sign_in_with_code(&mut phone, EMAIL, PASSWORD, true).await;
        let token = phone.cookie("uraia_device").cloned().expect("a device cookie");
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM trusted_devices WHERE token_hash = $1")
            .bind(&token)
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
        assert_eq!(stored, 0, "the device token is stored hashed, never as sent");
        // Signed out, the next sign-in skips the code.
        phone.submit("/api/accounts/sign-out", &[]).await;
        let (location, _) = sign_in(&mut phone, EMAIL, PASSWORD).await;
        assert_eq!(location, "/en/dashboard");
        // 31 days later the device is no longer remembered, and the session has ended too.
        assert!(app.state.clock.advance(31 * 86_400));
        let page = phone.get("/en/dashboard").await;
        assert_eq!(page.header("location"), "/en/login");
        let (location, _) = sign_in(&mut phone, EMAIL, PASSWORD).await;
        assert!(location.starts_with("/en/login/code"), "{location}");
    }
);

on_both_engines!(
    codes_end_after_five_wrong_tries_and_a_resend_does_not_reset_them,
    |app| {
        let mut browser = Browser::new(&app);
        register_citizen(&mut browser, EMAIL, PHONE).await;
        let mut other = Browser::new(&app);
        sign_in(&mut other, EMAIL, PASSWORD).await;
        let right = code_in(&last_message(&app, E164).await);
        let wrong = if right == "000000" { "111111" } else { "000000" };
        let mut last = vec![];
        for _ in 0..4 {
            let (_, page) = other
                .submit("/api/accounts/sign-in/code", &[("code", wrong), ("via", "sms")])
                .await;
            last = errors(&page.body);
        }
        assert_eq!(last, vec!["The code is not right. Check the message and try again"]);
        // A resend within the cooldown is refused with its own message.
        let (_, page) = other.submit("/api/accounts/sign-in/resend", &[("via", "sms")]).await;
        assert_eq!(
            errors(&page.body),
            vec!["We sent you a code less than a minute ago. Wait a minute, then ask for a new one"]
        );
        let (_, page) = other
            .submit("/api/accounts/sign-in/code", &[("code", wrong), ("via", "sms")])
            .await;
        assert_eq!(
            errors(&page.body),
            vec!["You have entered a wrong code too many times. Wait 10 minutes, then ask for a new code"]
        );
        let (_, page) = other
            .submit("/api/accounts/sign-in/code", &[("code", &right), ("via", "sms")])
            .await;
        assert_eq!(
            errors(&page.body),
            vec!["You have entered a wrong code too many times. Wait 10 minutes, then ask for a new code"]
        );
    }
);

on_both_engines!(a_password_reset_ends_every_session_and_forgets_devices, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let mut forgetful = Browser::new(&app);
    forgetful
        .submit("/api/accounts/reset", &[("login", "28123456"), ("channel", "sms")])
        .await;
    let code = code_in(&last_message(&app, E164).await);
    let (location, _) = forgetful.submit("/api/accounts/reset/code", &[("code", &code)]).await;
    assert_eq!(location, "/en/reset/password");
    let (location, _) = forgetful
        .submit(
            "/api/accounts/reset/password",
            &[("password", "Kwaheri#Zamani-99"), ("confirm", "Kwaheri#Zamani-99")],
        )
        .await;
    assert_eq!(location, "/en/login");
    // The browser that was signed in is signed out.
    assert_eq!(browser.get("/en/dashboard").await.header("location"), "/en/login");
    let (location, _) = sign_in(&mut Browser::new(&app), EMAIL, "Kwaheri#Zamani-99").await;
    assert!(location.starts_with("/en/login/code"));
});
