//! Pages render on the server, in both languages, with the right status codes.

use crate::common;

use common::browser::main;

on_both_engines!(the_home_page_renders_in_english, |app| {
    let page = app.get("/en").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(r#"<html lang="en""#), "{}", page.body);
    assert!(page
        .body
        .contains("Renew your licence, register a vehicle and book an inspection online"));
    assert!(page.body.contains("Skip to main content"));
    assert!(
        page.body.contains("https://uraia.go.ke"),
        "the anti-phishing note names the official address"
    );
    assert!(
        page.body.contains("Demonstration service"),
        "the demo banner shows while demo data is on"
    );
});

on_both_engines!(the_home_page_renders_in_kiswahili, |app| {
    let page = app.get("/sw").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(r#"<html lang="sw""#));
    assert!(page
        .body
        .contains("Huisha leseni, sajili gari na weka nafasi za huduma za NTSA mtandaoni"));
    assert!(page.body.contains("Ruka hadi maudhui makuu"));
    assert!(
        !page.body.contains("Skip to main content"),
        "no English left on a Kiswahili page"
    );
});

on_both_engines!(
    the_demo_banner_goes_when_demo_data_is_off,
    |settings| { settings.demo_data = false },
    |app| {
        let page = app.get("/en").await;
        assert_eq!(page.status, 200);
        assert!(!page.body.contains("Demonstration service"));
    }
);

on_both_engines!(the_root_redirects_to_the_preferred_language, |app| {
    assert_eq!(app.get("/").await.header("location"), "/en");
    let request = |headers: &[(&str, &str)]| {
        let mut builder = axum::http::Request::get("/");
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(axum::body::Body::empty()).unwrap()
    };
    let swahili_browser = app.send(request(&[("accept-language", "sw-KE,sw;q=0.9")])).await;
    assert_eq!(swahili_browser.header("location"), "/sw");
    let remembered = app
        .send(request(&[("cookie", "uraia_lang=sw"), ("accept-language", "en")]))
        .await;
    assert_eq!(remembered.header("location"), "/sw");
});

on_both_engines!(a_page_view_remembers_its_language, |app| {
    let page = app.get("/sw/fees").await;
    assert!(
        page.header("set-cookie").starts_with("uraia_lang=sw;"),
        "{:?}",
        page.headers
    );
});

on_both_engines!(unknown_pages_are_404_in_the_right_language, |app| {
    let english = app.get("/en/no-such-page").await;
    assert_eq!(english.status, 404);
    assert!(english.body.contains("Page not found"));
    let swahili = app.get("/sw/no-such-page").await;
    assert_eq!(swahili.status, 404);
    assert!(swahili.body.contains("Ukurasa haupatikani"));
    let unknown_language = app.get("/fr/").await;
    assert_eq!(unknown_language.status, 404);
    assert!(unknown_language.body.contains("Page not found"));
});

on_both_engines!(the_fee_checker_quotes_a_total_without_javascript, |app| {
    let page = app.get("/en/fees?service=dl-renewal-1y").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("KES 600") && page.body.contains("KES 20") && page.body.contains("KES 620"),
        "{}",
        page.body
    );
    let page = app.get("/sw/fees?service=smart-dl").await;
    assert!(
        page.body.contains("KES 3,100") && page.body.contains("Jumla"),
        "3,050 + 50: {}",
        page.body
    );
});

on_both_engines!(the_fee_checker_asks_for_a_choice, |app| {
    let page = app.get("/en/fees?show=total").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("There is a problem"));
    assert!(
        page.body.contains(r##"href="#service""##),
        "the summary links to the radios"
    );
    assert!(
        page.body.contains(r#"id="service-error""#),
        "the message also sits by the field"
    );
    let page = app.get("/en/fees?service=no-such-service").await;
    assert!(page.body.contains("Select a service to see what it costs"));
});

on_both_engines!(a_database_failure_shows_a_reference_and_no_internals, |app| {
    // A query that fails (the table it reads is gone): an unexpected failure, with a reference.
    sqlx::query("ALTER TABLE fees RENAME TO fees_gone")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let page = app.get("/en/fees").await;
    assert_eq!(page.status, 500, "{}", page.body);
    assert!(page.body.contains("quote reference"), "{}", page.body);
    for leak in ["sqlx", "SELECT", "fees_gone", "no such table", "relation", "panicked"] {
        assert!(!page.body.contains(leak), "{leak} leaked: {}", page.body);
    }
    // A database that cannot be reached at all is not a failure of ours to quote: 503, try again in a moment.
    app.state.pool.close().await;
    let page = app.get("/en/fees").await;
    assert_eq!(page.status, 503, "{}", page.body);
    assert!(main(&page.body).contains("not available for a moment"), "{}", page.body);
    for leak in ["sqlx", "pool", "PoolClosed", "panicked"] {
        assert!(!page.body.contains(leak), "{leak} leaked: {}", page.body);
    }
});

on_both_engines!(healthz_checks_the_database, |app| {
    let ok = app.get("/healthz").await;
    assert_eq!((ok.status.as_u16(), ok.body.as_str()), (200, "ok"));
    app.state.pool.close().await;
    assert_eq!(app.get("/healthz").await.status, 503);
});

on_both_engines!(a_trailing_slash_goes_to_the_one_address, |app| {
    let response = app.get("/sw/").await;
    assert_eq!(response.status, 308);
    assert_eq!(response.header("location"), "/sw");
});

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn built_assets_are_served_not_taken_for_a_language() {
    use tower::ServiceExt;
    let app = common::TestApp::start(common::Engine::Sqlite).await.unwrap();
    let site = std::env::temp_dir().join(format!("uraia-site-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    std::fs::write(site.join("favicon.svg"), "<svg/>").unwrap();
    std::fs::write(site.join("pkg/uraia.css"), "body{}").unwrap();
    let mut options = app.state.leptos_options.clone();
    options.site_root = site.to_string_lossy().into_owned().into();
    let router = server::router(
        app::state::AppState::new(
            options,
            app.state.pool.clone(),
            app.state.settings.clone(),
            app.state.services.clone(),
        )
        .unwrap(),
    );
    for (path, body) in [("/favicon.svg", "<svg/>"), ("/pkg/uraia.css", "body{}")] {
        let request = axum::http::Request::get(path).body(axum::body::Body::empty()).unwrap();
        let response = router.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        let bytes = http_body_util::BodyExt::collect(response.into_body())
            .await
            .unwrap()
            .to_bytes();
        assert_eq!(bytes, body.as_bytes(), "{path}");
    }
    // A precompressed copy is sent to a browser that accepts it, untouched by the compression layer.
    std::fs::write(site.join("pkg/uraia.css.br"), "brotli bytes").unwrap();
    let request = axum::http::Request::get("/pkg/uraia.css")
        .header("accept-encoding", "br, gzip")
        .body(axum::body::Body::empty())
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.headers()["content-encoding"], "br");
    let bytes = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    assert_eq!(bytes, "brotli bytes".as_bytes());
    std::fs::remove_dir_all(site).unwrap();
    app.stop().await;
}

on_both_engines!(pages_are_gzipped_for_browsers_that_accept_it, |app| {
    let request = axum::http::Request::get("/en")
        .header("accept-encoding", "br, gzip")
        .body(axum::body::Body::empty())
        .unwrap();
    let page = app.send(request).await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-encoding"),
        "gzip",
        "gzip, not brotli, for pages (see router)"
    );
});

// Another router built while pages render (a second process in tests, a restart) must not stall them: listing the
// routes once turned resource loading off process-wide, and a page whose data started loading at that moment hung
// until its 30-second limit.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn building_a_router_does_not_stall_pages_being_rendered() {
    let app = common::TestApp::start(common::Engine::Sqlite).await.unwrap();
    let state = app.state.clone();
    let builder = tokio::task::spawn_blocking(move || {
        for _ in 0..50 {
            drop(server::router(state.clone()));
        }
    });
    for _ in 0..50 {
        let page = tokio::time::timeout(std::time::Duration::from_secs(10), app.get("/en/fees"))
            .await
            .expect("the fees page renders within 10 s");
        assert!(page.body.contains("<leptos-island"), "{}", page.body);
    }
    builder.await.unwrap();
    app.stop().await;
}

on_both_engines!(a_signed_in_person_sees_where_they_are_and_how_to_sign_out, |app| {
    let mut browser = common::browser::Browser::new(&app);
    common::browser::register_citizen(&mut browser, common::browser::EMAIL, common::browser::PHONE).await;
    for path in ["/en", "/en/services/inspection", "/en/fees"] {
        let page = browser.get(path).await;
        assert!(
            page.body.contains("Sign out") && page.body.contains(">Your services<"),
            "{path}"
        );
    }
    // The home page sends them on to their services instead of offering an account; a service page does not tell
    // them to sign in, and says what they need before starting.
    let home = browser.get("/en").await.body;
    assert!(home.contains("Go to Your services") && !home.contains("Create an account"));
    let inspection = browser.get("/en/services/inspection").await.body;
    assert!(inspection.contains("Before you start") && inspection.contains("a vehicle registered in your name"));
    assert!(!inspection.contains("You need a verified Uraia account to apply"));
    // Signed out, the same pages offer an account and say nothing of signing out.
    let signed_out = app.get("/en").await.body;
    assert!(!signed_out.contains("Sign out") && signed_out.contains("Create an account"));
    let sw = browser.get("/sw").await.body;
    assert!(sw.contains("Nenda kwenye Huduma zako"));
});
