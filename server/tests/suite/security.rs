//! The security baseline: headers, cross-site protection, body limit, panics.

use crate::common;

use axum::{body::Body, http::Request};

fn post(path: &str, headers: &[(&str, &str)], body: impl Into<String>) -> Request<Body> {
    let body = body.into();
    let mut builder = Request::post(path)
        .header("host", "localhost")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("content-length", body.len());
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(Body::from(body)).unwrap()
}

on_both_engines!(pages_carry_a_nonce_policy_that_matches_their_scripts, |app| {
    // The sign-in page has an island, so it carries the hydration script.
    let page = app.get("/en/login").await;
    let csp = page.header("content-security-policy");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the policy");
    assert!(nonce.len() >= 16, "{nonce}");
    assert!(
        page.body.contains(&format!(r#"<script type="module" nonce="{nonce}""#)),
        "the hydration script carries the nonce"
    );
    assert!(
        page.body.contains(&navigation_tag(nonce)),
        "so does the navigation script"
    );
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_ne!(
        nonce,
        app.get("/en")
            .await
            .header("content-security-policy")
            .split("'nonce-")
            .nth(1)
            .unwrap()
            .split('\'')
            .next()
            .unwrap(),
        "a new nonce per response"
    );
    assert_eq!(page.header("x-content-type-options"), "nosniff");
    assert_eq!(page.header("referrer-policy"), "same-origin");
    assert!(
        page.header("x-request-id").len() >= 32,
        "every response has a request id"
    );
    assert_eq!(page.header("strict-transport-security"), "", "no HSTS over plain HTTP");
});

on_both_engines!(
    hsts_is_sent_when_served_over_tls,
    |settings| { settings.public_origin = "https://uraia.go.ke".into() },
    |app| {
        assert_eq!(
            app.get("/healthz").await.header("strict-transport-security"),
            "max-age=31536000; includeSubDomains"
        );
    }
);

on_both_engines!(non_page_responses_get_a_deny_all_policy, |app| {
    assert!(app
        .get("/healthz")
        .await
        .header("content-security-policy")
        .starts_with("default-src 'none'"));
});

on_both_engines!(cross_site_posts_are_refused, |app| {
    let from_elsewhere = app
        .send(post("/api/fees/schedule", &[("origin", "https://evil.example")], ""))
        .await;
    assert_eq!(from_elsewhere.status, 403);
    let fetch_metadata = app
        .send(post("/api/fees/schedule", &[("sec-fetch-site", "cross-site")], ""))
        .await;
    assert_eq!(fetch_metadata.status, 403);
    let null_origin = app.send(post("/api/fees/schedule", &[("origin", "null")], "")).await;
    assert_eq!(null_origin.status, 403);
    let same_site = app
        .send(post(
            "/api/fees/schedule",
            &[("origin", "http://localhost"), ("sec-fetch-site", "same-origin")],
            "",
        ))
        .await;
    assert_ne!(same_site.status, 403, "a same-origin request passes the check");
});

on_both_engines!(
    the_configured_public_origin_is_the_only_one_accepted,
    |settings| { settings.public_origin = "https://uraia.go.ke".into() },
    |app| {
        let proxied = app
            .send(post("/api/fees/schedule", &[("origin", "https://uraia.go.ke")], ""))
            .await;
        assert_ne!(proxied.status, 403);
        let host_only = app
            .send(post("/api/fees/schedule", &[("origin", "http://localhost")], ""))
            .await;
        assert_eq!(host_only.status, 403);
    }
);

on_both_engines!(oversized_bodies_are_refused, |app| {
    let big = "x".repeat(app.state.settings.body_limit_bytes + 1);
    let response = app
        .send(post("/api/fees/schedule", &[("origin", "http://localhost")], big))
        .await;
    assert_eq!(response.status, 413);
});

on_both_engines!(the_fee_schedule_is_public_json, |app| {
    let response = app.get("/api/fees/schedule").await;
    assert_eq!(response.status, 200, "{}", response.body);
    assert!(response.body.contains("dl-renewal-1y"), "{}", response.body);
});

on_both_engines!(only_pages_with_an_island_load_the_browser_code, |app| {
    for path in [
        "/en",
        "/sw",
        "/en/services",
        "/en/services/transfer",
        "/en/register",
        "/en/verify",
        "/en/nowhere",
    ] {
        let page = app.get(path).await;
        assert!(
            !page.body.contains("/pkg/uraia.js") && !page.body.contains(".wasm"),
            "{path} has no island: no JS, no wasm"
        );
        assert!(page.body.contains("/pkg/uraia.css"), "{path}");
    }
    // The password field's help, the fee calculator: their code, asked for by script alone (no preload hint in
    // the markup, which a browser with JavaScript off would still follow).
    for path in ["/en/login", "/en/fees", "/sw/fees"] {
        let page = app.get(path).await;
        assert!(
            page.body.contains("/pkg/uraia.js") && page.body.contains("/pkg/uraia.wasm"),
            "{path} has an island: its code"
        );
        assert!(
            page.body
                .contains("document.head.insertAdjacentHTML('beforeend','<link rel=\"modulepreload\"")
                && page.body.matches("<link rel=\"modulepreload\"").count() == 1,
            "{path}: {}",
            page.body
        );
    }
});

on_both_engines!(pages_with_personal_data_are_never_stored, |app| {
    use common::browser::{register_citizen, Browser};
    // A visitor's page may be kept, but is checked with the server before each use.
    assert_eq!(app.get("/en").await.header("cache-control"), "no-cache");
    // Once a session exists (a registration started, a sign-in), no page is written to the browser's disk: the
    // back button on a shared computer after sign-out must not show the dashboard, an ID number or a form's values.
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, "wanjiku@example.com", "0712345678").await;
    for path in ["/en/dashboard", "/en/account", "/en"] {
        let page = browser.get(path).await;
        assert_eq!(page.header("cache-control"), "private, no-store", "{path}");
    }
});

/// The page-swapping script's tag as a page with `nonce` carries it: a file of its own, deferred.
fn navigation_tag(nonce: &str) -> String {
    let path = &app::shell::NAVIGATION.path;
    format!(r#"<script id="uraia-navigation" src="{path}" nonce="{nonce}" defer></script>"#)
}

fn nonce_of(page: &common::TestResponse) -> String {
    let csp = page.header("content-security-policy");
    let rest = csp.split("'nonce-").nth(1).expect("a nonce in the policy");
    rest.split('\'').next().unwrap().to_string()
}

on_both_engines!(a_kept_page_is_sent_with_a_fresh_nonce_each_time, |app| {
    // The second and third views of the home page come from the page cache (a visitor without a session).
    let pages = [app.get("/en").await, app.get("/en").await, app.get("/en").await];
    let nonces: Vec<String> = pages.iter().map(nonce_of).collect();
    assert!(
        nonces[0] != nonces[1] && nonces[1] != nonces[2] && nonces[0] != nonces[2],
        "{nonces:?}"
    );
    for (page, nonce) in pages.iter().zip(&nonces) {
        assert!(page.body.contains(&navigation_tag(nonce)));
        for other in nonces.iter().filter(|other| *other != nonce) {
            assert!(
                !page.body.contains(other.as_str()),
                "an earlier nonce is never sent again"
            );
        }
        assert_eq!(page.header("cache-control"), "no-cache");
    }
    assert_eq!(
        pages[1].body.replace(&nonces[1], "N"),
        pages[0].body.replace(&nonces[0], "N")
    );

    // Kept for a few seconds: a changed fee shows at once only to a browser the cache does not serve.
    assert!(app.get("/en/fees").await.body.contains("KES 600"));
    sqlx::query("UPDATE fees SET amount_kes = 777 WHERE service_code = 'dl-renewal-1y'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    assert!(app.get("/en/fees").await.body.contains("KES 600"), "the kept page");
    let rendered = app
        .send(
            axum::http::Request::get("/en/fees")
                .header("host", "localhost")
                .header("cookie", "uraia_session=none")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert!(rendered.body.contains("KES 777"), "rendered afresh");
    assert_eq!(rendered.header("cache-control"), "private, no-store");
});
