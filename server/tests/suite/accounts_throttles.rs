//! Issue 9, points 3, 4, 5 and 8: throttles that a burst of parallel requests cannot outrun, one budget per
//! account, code tries counted before the comparison, no lock-out of the owner by a stranger, and client
//! addresses behind a trusted proxy.

use crate::common;

use axum::{body::Body, http::Request};
use common::browser::{
    code_in, errors, last_message, register_citizen, sign_in, sign_in_with_code, Browser, E164, EMAIL, PASSWORD, PHONE,
};
use tower::ServiceExt;

const WRONG: &str = "Wrong#pass-2026";
const TOO_MANY: &str = "You have tried too many times. Wait a minute, then try again";

/// Sends all `requests` at once through the router and waits for every answer.
async fn all_at_once(app: &common::TestApp, requests: Vec<Request<Body>>) {
    let handles: Vec<_> = requests
        .into_iter()
        .map(|request| {
            let router = app.router.clone();
            tokio::spawn(async move { router.oneshot(request).await.unwrap().status() })
        })
        .collect();
    for handle in handles {
        let status = handle.await.unwrap();
        assert!(status.is_redirection(), "{status}");
    }
}

on_both_engines!(
    two_hundred_parallel_wrong_passwords_get_at_most_five_hash_checks,
    |app| {
        let mut browser = Browser::new(&app);
        register_citizen(&mut browser, EMAIL, PHONE).await;
        let before = app.state.passwords.verifications();
        let attacker = Browser::new(&app);
        let requests = (0..200)
            .map(|_| attacker.form_request("/api/accounts/sign-in", &[("login", EMAIL), ("password", WRONG)]))
            .collect();
        all_at_once(&app, requests).await;
        let checks = app.state.passwords.verifications() - before;
        println!("200 parallel wrong passwords: {checks} hash checks");
        assert!(checks <= 5, "{checks} hash checks");
        assert!(checks >= 1);
    }
);

on_both_engines!(the_email_and_the_id_number_share_one_budget, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    for login in [EMAIL, "28123456", EMAIL, "28 123 456", EMAIL] {
        let (_, problems) = sign_in(&mut Browser::new(&app), login, WRONG).await;
        assert_eq!(
            problems,
            vec!["Enter a correct email address or ID number and password"]
        );
    }
    let (_, problems) = sign_in(&mut Browser::new(&app), "28123456", PASSWORD).await;
    assert_eq!(problems, vec![TOO_MANY]);
});

on_both_engines!(fifty_parallel_code_guesses_get_at_most_five_comparisons, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let mut other = Browser::new(&app);
    sign_in(&mut other, EMAIL, PASSWORD).await;
    let right = code_in(&last_message(&app, E164).await);
    let requests = (0..50)
        .map(|n| {
            let guess = format!("{:06}", (right.parse::<u32>().unwrap() + 1 + n) % 1_000_000);
            other.form_request("/api/accounts/sign-in/code", &[("code", &guess), ("via", "sms")])
        })
        .collect();
    all_at_once(&app, requests).await;
    let compared: i64 = sqlx::query_scalar("SELECT MAX(attempts) FROM challenges WHERE purpose = 'sign_in'")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    println!("50 parallel code guesses: {compared} comparisons");
    assert!(compared <= 5, "{compared} comparisons");
    // The right code no longer works: the code is finished.
    let (_, page) = other
        .submit("/api/accounts/sign-in/code", &[("code", &right), ("via", "sms")])
        .await;
    assert!(!errors(&page.body).is_empty());
});

on_both_engines!(
    a_resend_never_renews_tries_and_wrong_codes_count_across_codes,
    |settings| {
        settings.test_mode = true;
    },
    |app| {
        let mut browser = Browser::new(&app);
        register_citizen(&mut browser, EMAIL, PHONE).await;
        let mut other = Browser::new(&app);
        sign_in(&mut other, EMAIL, PASSWORD).await;
        let first = code_in(&last_message(&app, E164).await);
        let wrong = if first == "000000" { "111111" } else { "000000" };
        for _ in 0..5 {
            other
                .submit("/api/accounts/sign-in/code", &[("code", wrong), ("via", "sms")])
                .await;
        }
        // After the cooldown a resend is refused: a new code would come with no tries left.
        assert!(app.state.clock.advance(61));
        let (_, page) = other.submit("/api/accounts/sign-in/resend", &[("via", "sms")]).await;
        assert_eq!(
            errors(&page.body),
            vec!["You have entered a wrong code too many times. Wait 10 minutes, then ask for a new code"]
        );
        // Ten minutes on, a new code, then a reset code: wrong codes on the account add up across them.
        assert!(app.state.clock.advance(11 * 60));
        let mut again = Browser::new(&app);
        sign_in(&mut again, EMAIL, PASSWORD).await;
        for _ in 0..4 {
            again
                .submit("/api/accounts/sign-in/code", &[("code", wrong), ("via", "sms")])
                .await;
        }
        let mut forgetful = Browser::new(&app);
        forgetful
            .submit("/api/accounts/reset", &[("login", EMAIL), ("channel", "sms")])
            .await;
        let reset = code_in(&last_message(&app, E164).await);
        let wrong = if reset == "000000" { "111111" } else { "000000" };
        let (_, page) = forgetful.submit("/api/accounts/reset/code", &[("code", wrong)]).await;
        assert_eq!(
            errors(&page.body),
            vec!["The code is not right. Check the message and try again"]
        );
        // The tenth wrong code on the account: even the right reset code now waits.
        let (_, page) = forgetful.submit("/api/accounts/reset/code", &[("code", &reset)]).await;
        assert_eq!(errors(&page.body), vec![TOO_MANY]);
    }
);

on_both_engines!(
    a_stranger_cannot_lock_the_owner_out,
    |settings| {
        settings.test_mode = true;
    },
    |app| {
        let mut owner = Browser::new(&app);
        register_citizen(&mut owner, EMAIL, PHONE).await;
        // The owner's phone is remembered.
        let mut phone = Browser::new(&app);
        sign_in_with_code(&mut phone, EMAIL, PASSWORD, true).await;
        phone.submit("/api/accounts/sign-out", &[]).await;
        for _ in 0..6 {
            sign_in(&mut Browser::new(&app), EMAIL, WRONG).await;
        }
        let (_, problems) = sign_in(&mut Browser::new(&app), EMAIL, PASSWORD).await;
        assert!(problems[0].starts_with("You have tried too many times"), "{problems:?}");
        // The remembered phone still signs in with the right password.
        let (location, _) = sign_in(&mut phone, EMAIL, PASSWORD).await;
        assert_eq!(location, "/en/dashboard");
        // Counters decay: a quiet day later, four wrong tries do not lock.
        assert!(app.state.clock.advance(86_400 + 3_600));
        for _ in 0..4 {
            sign_in(&mut Browser::new(&app), EMAIL, WRONG).await;
        }
        let (location, _) = sign_in(&mut Browser::new(&app), EMAIL, PASSWORD).await;
        assert!(location.starts_with("/en/login/code"), "{location}");
        // A completed reset clears a lock.
        for _ in 0..5 {
            sign_in(&mut Browser::new(&app), EMAIL, WRONG).await;
        }
        let mut forgetful = Browser::new(&app);
        forgetful
            .submit("/api/accounts/reset", &[("login", EMAIL), ("channel", "sms")])
            .await;
        let code = code_in(&last_message(&app, E164).await);
        forgetful.submit("/api/accounts/reset/code", &[("code", &code)]).await;
        let (location, _) = forgetful
            .submit(
                "/api/accounts/reset/password",
                &[("password", "Kwaheri#Zamani-99"), ("confirm", "Kwaheri#Zamani-99")],
            )
            .await;
        assert_eq!(location, "/en/login");
        let (location, _) = sign_in(&mut Browser::new(&app), EMAIL, "Kwaheri#Zamani-99").await;
        assert!(location.starts_with("/en/login/code"), "{location}");
    }
);

on_both_engines!(
    behind_a_trusted_proxy_each_citizen_has_a_budget_of_their_own,
    |settings| {
        settings.security.trusted_proxies = vec!["10.0.0.0/8".into()];
    },
    |app| {
        let proxy: std::net::SocketAddr = "10.0.0.5:40000".parse().unwrap();
        let from = |forwarded: &str| {
            let mut browser = Browser::new(&app);
            browser.peer = Some(proxy);
            browser.extra = vec![("x-forwarded-for", forwarded.to_string())];
            browser
        };
        for n in 0..30 {
            sign_in(&mut from("203.0.113.9"), &format!("person{n}@example.com"), WRONG).await;
        }
        let (_, problems) = sign_in(&mut from("203.0.113.9"), "someone@example.com", WRONG).await;
        assert_eq!(problems, vec![TOO_MANY]);
        // Another citizen behind the same proxy is not held back.
        let (_, problems) = sign_in(&mut from("203.0.113.10"), "someone@example.com", WRONG).await;
        assert_eq!(
            problems,
            vec!["Enter a correct email address or ID number and password"]
        );
        // An untrusted peer's X-Forwarded-For is ignored: the peer itself is the client.
        for n in 0..30 {
            let mut browser = Browser::new(&app);
            browser.peer = Some(std::net::SocketAddr::new("2001:db8:5:6:aaaa::1".parse().unwrap(), 443));
            browser.extra = vec![("x-forwarded-for", format!("198.51.100.{n}"))];
            sign_in(&mut browser, &format!("other{n}@example.com"), WRONG).await;
        }
        // ... and an IPv6 client is keyed by its /64: another address in it shares the lock.
        let mut neighbour = Browser::new(&app);
        neighbour.peer = Some(std::net::SocketAddr::new("2001:db8:5:6:bbbb::9".parse().unwrap(), 443));
        let (_, problems) = sign_in(&mut neighbour, "someone@example.com", WRONG).await;
        assert_eq!(problems, vec![TOO_MANY]);
    }
);
