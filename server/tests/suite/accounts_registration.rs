//! Registration through the real router on both databases: answers kept and each problem explained, duplicates,
//! used links, and the register throttle.

use crate::common;

use common::browser::{errors, messages_to, register_citizen, token_in, Browser, EMAIL, PASSWORD, PHONE};

on_both_engines!(registration_keeps_answers_and_explains_each_problem, |app| {
    let mut browser = Browser::new(&app);
    browser
        .submit("/api/accounts/register/type", &[("account_type", "citizen")])
        .await;
    let (location, page) = browser
        .submit(
            "/api/accounts/register/identity",
            &[
                ("id_number", "99999999"),
                ("first_name", "Wanjiku"),
                ("year_of_birth", "1990"),
            ],
        )
        .await;
    assert_eq!(location, "/en/register/identity");
    assert_eq!(
        errors(&page.body),
        vec!["We could not find this ID number in the national register. Check it against your ID card"]
    );
    assert!(page.body.contains(r#"value="99999999""#), "what was typed comes back");
    let (_, page) = browser
        .submit(
            "/api/accounts/register/identity",
            &[
                ("id_number", "28123456"),
                ("first_name", "Wanjiru"),
                ("year_of_birth", "1990"),
            ],
        )
        .await;
    assert_eq!(
        errors(&page.body)[0],
        "The first name does not match the national register for this ID number. Enter it exactly as on your ID card"
    );
    assert!(!page.body.contains("Wanjiku"), "the register's data is never shown");
    browser
        .submit(
            "/api/accounts/register/identity",
            &[
                ("id_number", "28123456"),
                ("first_name", "wanjiku"),
                ("year_of_birth", "1990"),
            ],
        )
        .await;
    let (_, page) = browser
        .submit(
            "/api/accounts/register/contact",
            &[("email", "wanjiku@"), ("phone", "020 123 4567")],
        )
        .await;
    assert_eq!(errors(&page.body).len(), 2, "{:?}", errors(&page.body));
    assert!(page.body.contains(r#"value="wanjiku@""#) && page.body.contains(r#"value="020 123 4567""#));
    browser
        .submit("/api/accounts/register/contact", &[("email", EMAIL), ("phone", PHONE)])
        .await;
    for (password, confirm, message) in [
        (
            "password1!",
            "password1!",
            "This password is too common and easy to guess. Choose another",
        ),
        ("short1!", "short1!", "Your password must be at least 8 characters long"),
        (
            "Wanjiku#2026",
            "Wanjiku#2026",
            "Your password must not contain your ID number or the first part of your email address",
        ),
        (
            "Safari#Njema-2026",
            "Safari#Njema-2027",
            "The passwords do not match. Type the same password twice",
        ),
    ] {
        let (_, page) = browser
            .submit(
                "/api/accounts/register/password",
                &[("password", password), ("confirm", confirm)],
            )
            .await;
        assert_eq!(errors(&page.body), vec![message]);
        assert!(!page.body.contains(password), "a password is never sent back");
    }
    browser
        .submit(
            "/api/accounts/register/password",
            &[("password", PASSWORD), ("confirm", PASSWORD)],
        )
        .await;
    let (_, page) = browser.submit("/api/accounts/register/terms", &[]).await;
    assert_eq!(
        errors(&page.body),
        vec!["Accept the terms and conditions to create an account"]
    );
    let (_, page) = browser
        .submit("/api/accounts/register/terms", &[("accept", "yes")])
        .await;
    assert!(
        page.body.contains("Check your answers") && page.body.contains("0712 345 678"),
        "{}",
        page.body
    );
    // A reload of any step resumes the draft.
    let page = browser.get("/en/register/contact").await;
    assert!(page.body.contains(EMAIL));
});

on_both_engines!(duplicates_and_used_links_are_refused_with_a_way_forward, |app| {
    register_citizen(&mut Browser::new(&app), EMAIL, PHONE).await;
    let mut again = Browser::new(&app);
    again
        .submit("/api/accounts/register/type", &[("account_type", "citizen")])
        .await;
    let (_, page) = again
        .submit(
            "/api/accounts/register/identity",
            &[
                ("id_number", "28123456"),
                ("first_name", "Wanjiku"),
                ("year_of_birth", "1990"),
            ],
        )
        .await;
    assert_eq!(
        errors(&page.body),
        vec!["An account already uses this ID number. Sign in, or reset your password if you have forgotten it"]
    );
    let mut visitor = Browser::new(&app);
    visitor
        .submit("/api/accounts/register/type", &[("account_type", "visitor")])
        .await;
    visitor
        .submit(
            "/api/accounts/register/identity",
            &[
                ("id_number", "AB123456"),
                ("first_name", "Ama"),
                ("last_name", "Mensah"),
                ("nationality", "Ghanaian"),
            ],
        )
        .await;
    let (_, page) = visitor
        .submit(
            "/api/accounts/register/contact",
            &[("email", EMAIL), ("phone", "0722 000 999")],
        )
        .await;
    assert_eq!(
        errors(&page.body),
        vec!["An account already uses this email address. Sign in, or reset your password if you have forgotten it"]
    );
    // The link used at registration cannot be used again.
    let link = messages_to(&app, EMAIL)
        .await
        .into_iter()
        .find(|m| m.contains("token="))
        .unwrap();
    let (_, page) = visitor
        .submit("/api/accounts/verify/email/confirm", &[("token", &token_in(&link))])
        .await;
    assert!(
        page.body
            .contains("This link has expired or has already been used. Ask for a new link."),
        "{}",
        page.body
    );
});

on_both_engines!(walking_through_id_numbers_is_slowed_down, |app| {
    let mut browser = Browser::new(&app);
    browser
        .submit("/api/accounts/register/type", &[("account_type", "citizen")])
        .await;
    for n in 0..10 {
        let id = format!("9000000{n}");
        let form = [
            ("id_number", id.as_str()),
            ("first_name", "Wanjiku"),
            ("year_of_birth", "1990"),
        ];
        let (_, page) = browser.submit("/api/accounts/register/identity", &form).await;
        assert_eq!(
            errors(&page.body)[0],
            "We could not find this ID number in the national register. Check it against your ID card"
        );
    }
    // Even the right details now wait: the register is not a lookup service.
    let form = [
        ("id_number", "28123456"),
        ("first_name", "Wanjiku"),
        ("year_of_birth", "1990"),
    ];
    let (_, page) = browser.submit("/api/accounts/register/identity", &form).await;
    assert_eq!(
        errors(&page.body),
        vec!["You have tried too many times. Wait a minute, then try again"]
    );
});
