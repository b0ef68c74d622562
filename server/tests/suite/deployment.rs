//! Issue 9, points 6, 7, 9 and 12: development aids that cannot reach production, links never built from the
//! Host header, no live secrets at rest (keyed codes, redacted messages, the sweep), and the smaller checks.

use crate::common;

use axum::{body::Body, http::Request};
use common::browser::{last_message, register_citizen, token_in, Browser, E164, EMAIL, PHONE};
use sqlx::Row;

fn leptos_options(addr: &str) -> leptos::config::LeptosOptions {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../Leptos.toml");
    let mut options = leptos_config::get_configuration(Some(path)).unwrap().leptos_options;
    options.site_addr = addr.parse().unwrap();
    options
}

#[tokio::test]
async fn the_server_refuses_to_start_with_development_aids_where_people_could_reach_them() {
    let dev = app::settings::Settings {
        development: true,
        database_url: "sqlite::memory:".into(),
        ..Default::default()
    };
    let cases = [
        ("0.0.0.0:3000", dev.clone(), "not a loopback address"),
        (
            "127.0.0.1:3000",
            app::settings::Settings {
                public_origin: "https://uraia.go.ke".into(),
                ..dev.clone()
            },
            "public_origin is https://uraia.go.ke",
        ),
        (
            "127.0.0.1:3000",
            app::settings::Settings {
                development: false,
                test_mode: true,
                public_origin: "http://127.0.0.1:3000".into(),
                mail: app::settings::Mail {
                    smtp_url: "smtp://mail.example:587".into(),
                    ..Default::default()
                },
                ..dev.clone()
            },
            "test_mode = true",
        ),
        (
            "127.0.0.1:3000",
            app::settings::Settings {
                development: false,
                ..dev.clone()
            },
            "public_origin must be",
        ),
    ];
    for (addr, settings, why) in cases {
        let error = server::build_state(leptos_options(addr), settings)
            .await
            .err()
            .unwrap_or_else(|| panic!("started on {addr} although {why}"));
        assert!(error.to_string().contains(why), "{error}");
    }
}

on_both_engines!(
    the_test_clock_refuses_overflow,
    |settings| {
        settings.test_mode = true;
    },
    |app| {
        for query in [
            "days=9223372036854775807",
            "days=1&seconds=9223372036854775807",
            "days=-1",
        ] {
            let request = Request::post(format!("/dev/clock?{query}"))
                .header("host", "localhost")
                .body(Body::empty())
                .unwrap();
            assert_eq!(app.send(request).await.status, 400, "{query}");
        }
    }
);

on_both_engines!(
    a_test_clock_moved_on_one_process_moves_them_all,
    |settings| {
        settings.test_mode = true;
    },
    |app| {
        let second = app.second_process().await;
        let before = second.state.clock.now();
        let request = Request::post("/dev/clock?days=31")
            .header("host", "localhost")
            .body(Body::empty())
            .unwrap();
        assert_eq!(app.send(request).await.status, 200);
        // The other process reads the shared offset before its next request and its next sweep.
        second.get("/healthz").await;
        assert!(second.state.clock.now() >= before + 31 * 86_400);
        let third = app.second_process().await;
        app::sweep::run(&third.state).await.unwrap();
        assert!(third.state.clock.now() >= before + 31 * 86_400);
        // A process further on moves the others on; one behind never takes the shared clock back.
        third.state.clock.advance(60);
        app::clock::shared::publish(&third.state.clock, &third.state.pool)
            .await
            .unwrap();
        app::clock::shared::publish(&app.state.clock, &app.state.pool)
            .await
            .unwrap();
        second.get("/healthz").await;
        assert!(second.state.clock.now() >= before + 31 * 86_400 + 60);
    }
);

on_both_engines!(
    links_in_email_never_come_from_the_host_header,
    |settings| {
        settings.development = true;
        settings.public_origin = String::new();
    },
    |app| {
        let mut browser = Browser::new(&app);
        browser.extra = vec![
            ("host", "evil.example".into()),
            ("origin", "http://evil.example".into()),
        ];
        register_citizen(&mut browser, EMAIL, PHONE).await;
        let sent: String = sqlx::query_scalar("SELECT body FROM outbox WHERE recipient = $1")
            .bind(EMAIL)
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
        assert!(!sent.contains("evil.example"), "{sent}");
        assert!(
            sent.contains("http://127.0.0.1:3000/en/verify/email/confirm?token="),
            "{sent}"
        );
    }
);

on_both_engines!(
    codes_are_keyed_and_expired_secrets_are_swept_from_the_outbox,
    |settings| {
        settings.test_mode = true;
    },
    |app| {
        let mut browser = Browser::new(&app);
        register_citizen(&mut browser, EMAIL, PHONE).await;
        // Keyed: the stored hash is not an unkeyed hash of salt and code (a million tries would reverse that).
        let code = common::browser::code_in(&last_message(&app, E164).await);
        let row = sqlx::query("SELECT secret_hash, salt FROM challenges WHERE purpose = 'verify_phone'")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
        let (stored, salt): (String, String) = (row.get("secret_hash"), row.get("salt"));
        assert_ne!(stored, app::web::secrets::hash(&format!("{salt}:{code}")));
        assert_eq!(stored, app.state.code_key.hash_code(&salt, &code));
        // A day and an hour later the sweep removes the link and the code from the messages, and what expired.
        let token = token_in(&last_message(&app, EMAIL).await);
        assert!(app.state.clock.advance(25 * 3_600));
        let swept = app::sweep::run(&app.state).await.unwrap();
        assert!(
            swept.redacted >= 2 && swept.sessions >= 1 && swept.challenges >= 2,
            "{swept:?}"
        );
        let bodies: Vec<String> = sqlx::query_scalar("SELECT body FROM outbox")
            .fetch_all(&app.state.pool)
            .await
            .unwrap();
        assert!(
            bodies.iter().all(|b| !b.contains(&token) && !b.contains(&code)),
            "{bodies:?}"
        );
        assert!(bodies.iter().any(|b| b.contains("[removed]")), "{bodies:?}");
        // Quiet throttle rows go after a day; a month on, the messages themselves.
        sqlx::query(
            "INSERT INTO sign_in_throttles (throttle_key, failures, locked_until, updated_at) VALUES ('x', 1, 0, 0)",
        )
        .execute(&app.state.pool)
        .await
        .unwrap();
        assert!(app.state.clock.advance(31 * 86_400));
        let swept = app::sweep::run(&app.state).await.unwrap();
        assert!(swept.throttles >= 1 && swept.messages >= 2, "{swept:?}");
    }
);

on_both_engines!(a_post_with_a_session_cookie_but_no_origin_is_refused, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let cookie = browser.cookie("uraia_session").cloned().unwrap();
    let request = Request::post("/api/accounts/sign-out")
        .header("host", "localhost")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", format!("uraia_session={cookie}"))
        .body(Body::empty())
        .unwrap();
    assert_eq!(app.send(request).await.status, 403);
    // Without a cookie (a machine's callback), the same request passes the check.
    let request = Request::post("/api/accounts/sign-out")
        .header("host", "localhost")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::empty())
        .unwrap();
    assert_ne!(app.send(request).await.status, 403);
});

on_both_engines!(a_control_character_in_via_is_a_bad_request, |app| {
    let mut browser = Browser::new(&app);
    let response = browser
        .post("/api/accounts/sign-in/resend", &[("via", "sms\r\nSet-Cookie: x=1")])
        .await;
    assert_eq!(response.status, 400);
    let response = browser
        .post("/api/accounts/sign-in/code", &[("code", "123456"), ("via", "\u{1}")])
        .await;
    assert_eq!(response.status, 400);
});
