//! Issue 9, points 1, 2 and 11: a change of email, phone or code channel needs the password (and for a new
//! address or number, a code to a channel already verified); the new one is pending until proven; the owner is
//! told; codes only ever go to verified channels; signed-in browsers can be listed and ended.

use crate::common;

use common::browser::{
    code_in, errors, last_message, messages_to, register_citizen, sign_in, sign_in_with_code, token_in, Browser, E164,
    EMAIL, PASSWORD, PHONE,
};

async fn column(app: &common::TestApp, sql: &str) -> Option<String> {
    sqlx::query_scalar(sql).fetch_one(&app.state.pool).await.unwrap()
}

const NEW_EMAIL: &str = "wanjiku.new@example.com";

on_both_engines!(a_verified_email_cannot_be_corrected_without_the_password, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    // The registration-time "correct my address" form, posted by someone holding the signed-in session.
    browser
        .post(
            "/api/accounts/verify/email/change",
            &[("email", "attacker@example.com")],
        )
        .await;
    let email = column(&app, "SELECT email FROM accounts").await;
    assert_eq!(email.as_deref(), Some(EMAIL));
    assert!(messages_to(&app, "attacker@example.com").await.is_empty());
});

on_both_engines!(
    a_new_email_needs_the_password_and_a_code_and_stays_pending_until_its_link,
    |app| {
        let mut browser = Browser::new(&app);
        register_citizen(&mut browser, EMAIL, PHONE).await;
        let (location, page) = browser
            .submit(
                "/api/accounts/account/email",
                &[("email", NEW_EMAIL), ("email_password", "Wrong#pass-2026")],
            )
            .await;
        assert_eq!(location, "/en/account");
        assert_eq!(
            errors(&page.body),
            vec!["The password is not right. Enter your current password"]
        );
        let (location, page) = browser
            .submit(
                "/api/accounts/account/email",
                &[("email", NEW_EMAIL), ("email_password", PASSWORD)],
            )
            .await;
        assert_eq!(location, "/en/account/confirm");
        assert!(
            page.body.contains("0712 345 678"),
            "the code went to the verified phone"
        );
        let step_up = code_in(&last_message(&app, E164).await);
        assert!(
            messages_to(&app, NEW_EMAIL).await.is_empty(),
            "nothing to the new address yet"
        );
        let wrong = if step_up == "000000" { "111111" } else { "000000" };
        let (_, page) = browser
            .submit("/api/accounts/account/confirm", &[("code", wrong)])
            .await;
        assert_eq!(
            errors(&page.body),
            vec!["The code is not right. Check the message and try again"]
        );
        let (location, page) = browser
            .submit("/api/accounts/account/confirm", &[("code", &step_up)])
            .await;
        assert_eq!(location, "/en/account");
        assert!(page.body.contains(NEW_EMAIL), "the page says what is pending");
        // Pending: the old address is still the account's and still signs in.
        assert_eq!(column(&app, "SELECT email FROM accounts").await.as_deref(), Some(EMAIL));
        assert_eq!(
            column(&app, "SELECT pending_email FROM accounts").await.as_deref(),
            Some(NEW_EMAIL)
        );
        let (location, _) = sign_in(&mut Browser::new(&app), EMAIL, PASSWORD).await;
        assert!(location.starts_with("/en/login/code"), "{location}");
        // The new address's own link makes the change, and the old address and the phone hear of it.
        let token = token_in(&last_message(&app, NEW_EMAIL).await);
        let (location, _) = browser
            .submit("/api/accounts/verify/email/confirm", &[("token", &token)])
            .await;
        assert_eq!(location, "/en/account");
        assert_eq!(
            column(&app, "SELECT email FROM accounts").await.as_deref(),
            Some(NEW_EMAIL)
        );
        assert_eq!(column(&app, "SELECT pending_email FROM accounts").await, None);
        for old in [EMAIL, E164] {
            let told = last_message(&app, old).await;
            assert!(told.contains(&format!("changed to {NEW_EMAIL}")), "{old}: {told}");
        }
        let (location, _) = sign_in(&mut Browser::new(&app), NEW_EMAIL, PASSWORD).await;
        assert!(location.starts_with("/en/login/code"), "{location}");
    }
);

on_both_engines!(a_new_phone_needs_the_password_and_a_code_and_its_own_code, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let (location, _) = browser
        .submit(
            "/api/accounts/account/phone",
            &[("phone", "0722 000 111"), ("phone_password", PASSWORD)],
        )
        .await;
    assert_eq!(location, "/en/account/confirm");
    let step_up = code_in(&last_message(&app, E164).await);
    assert!(messages_to(&app, "+254722000111").await.is_empty());
    let (location, page) = browser
        .submit("/api/accounts/account/confirm", &[("code", &step_up)])
        .await;
    assert_eq!(location, "/en/verify/phone");
    assert!(page.body.contains("0722 000 111"), "{}", page.body);
    // Until the new number proves itself, codes still go to the old one.
    assert_eq!(column(&app, "SELECT phone FROM accounts").await.as_deref(), Some(E164));
    let code = code_in(&last_message(&app, "+254722000111").await);
    let (location, _) = browser.submit("/api/accounts/verify/phone", &[("code", &code)]).await;
    assert_eq!(location, "/en/account");
    assert_eq!(
        column(&app, "SELECT phone FROM accounts").await.as_deref(),
        Some("+254722000111")
    );
    for old in [EMAIL, E164] {
        let told = last_message(&app, old).await;
        assert!(told.contains("changed to 0722 000 111"), "{old}: {told}");
    }
});

on_both_engines!(
    the_code_channel_and_the_password_changes_need_the_password_and_are_told,
    |app| {
        let mut browser = Browser::new(&app);
        register_citizen(&mut browser, EMAIL, PHONE).await;
        let (_, page) = browser
            .submit("/api/accounts/account/channel", &[("channel", "email")])
            .await;
        assert_eq!(
            errors(&page.body),
            vec!["The password is not right. Enter your current password"]
        );
        assert_eq!(
            column(&app, "SELECT code_channel FROM accounts").await.as_deref(),
            Some("sms")
        );
        browser
            .submit(
                "/api/accounts/account/channel",
                &[("channel", "email"), ("channel_password", PASSWORD)],
            )
            .await;
        assert_eq!(
            column(&app, "SELECT code_channel FROM accounts").await.as_deref(),
            Some("email")
        );
        assert!(last_message(&app, E164)
            .await
            .contains("we will send your sign-in codes this way"));
        browser
            .submit(
                "/api/accounts/account/password",
                &[
                    ("current_password", PASSWORD),
                    ("password", "Kwaheri#Zamani-99"),
                    ("confirm", "Kwaheri#Zamani-99"),
                ],
            )
            .await;
        assert!(last_message(&app, EMAIL)
            .await
            .contains("password of your account was changed"));
        assert!(last_message(&app, E164)
            .await
            .contains("password of your account was changed"));
    }
);

on_both_engines!(codes_only_go_to_verified_channels, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    // An account whose phone is not (or no longer) proven.
    sqlx::query("UPDATE accounts SET phone_verified_at = NULL")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let before = messages_to(&app, E164).await.len();
    // A reset asked for by SMS goes by email instead.
    let mut forgetful = Browser::new(&app);
    forgetful
        .submit("/api/accounts/reset", &[("login", "28123456"), ("channel", "sms")])
        .await;
    assert!(last_message(&app, EMAIL).await.contains("reset code"));
    // Past the password, the second step cannot be moved to the unverified phone.
    let mut other = Browser::new(&app);
    let (location, _) = sign_in(&mut other, EMAIL, PASSWORD).await;
    assert_eq!(location, "/en/login/code?via=email");
    sqlx::query("UPDATE challenges SET created_at = created_at - 120")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let (location, _) = other.submit("/api/accounts/sign-in/resend", &[("via", "sms")]).await;
    assert_eq!(location, "/en/login/code?via=email");
    assert_eq!(
        messages_to(&app, E164).await.len(),
        before,
        "nothing went to the unverified phone"
    );
});

on_both_engines!(signed_in_browsers_are_listed_and_can_be_ended, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let mut laptop = Browser::new(&app);
    laptop.user_agent = "Mozilla/5.0 (Windows NT 10.0) Firefox/128.0".into();
    sign_in_with_code(&mut laptop, EMAIL, PASSWORD, false).await;
    let page = browser.get("/en/account").await;
    assert!(page.body.contains("Firefox on Windows"), "the laptop is listed");
    assert!(page.body.contains("this browser"));
    browser
        .submit("/api/accounts/account/end-session", &[("session", "others")])
        .await;
    assert_eq!(laptop.get("/en/dashboard").await.header("location"), "/en/login");
    assert_eq!(browser.get("/en/dashboard").await.status, 200, "this one stays");
});

on_both_engines!(
    a_session_ends_twelve_hours_after_sign_in_however_active,
    |settings| {
        settings.test_mode = true;
    },
    |app| {
        let mut browser = Browser::new(&app);
        register_citizen(&mut browser, EMAIL, PHONE).await;
        // Active every 29 minutes (inside the idle limit) for 11.6 hours: still signed in.
        for _ in 0..24 {
            assert!(app.state.clock.advance(29 * 60));
            assert_eq!(browser.get("/en/dashboard").await.status, 200);
        }
        // Past 12 hours since sign-in: signed out, however active.
        assert!(app.state.clock.advance(29 * 60));
        assert_eq!(browser.get("/en/dashboard").await.header("location"), "/en/login");
    }
);
