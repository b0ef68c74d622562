//! Built assets under `cargo leptos watch`: a file rebuilt while the server runs must reach the browser at once,
//! whatever encoding the browser accepts, and the zero-CPU precompressed copies must come back afterwards.

use crate::common;

use std::time::{Duration, SystemTime};

use axum::{body::Body, http::Request};
use tower::ServiceExt;

/// GET `path` accepting `encoding`: the content-encoding sent and the body decoded.
async fn fetch(router: &axum::Router, path: &str, encoding: &str) -> (String, Vec<u8>) {
    let request = Request::get(path)
        .header("accept-encoding", encoding)
        .body(Body::empty())
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), 200, "{path}");
    let sent = response
        .headers()
        .get("content-encoding")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let bytes = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    let decoded = match sent.as_str() {
        "br" => {
            let mut out = Vec::new();
            brotli::BrotliDecompress(&mut bytes.as_ref(), &mut out).unwrap();
            out
        }
        "gzip" => {
            let mut out = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(bytes.as_ref()), &mut out).unwrap();
            out
        }
        _ => bytes.to_vec(),
    };
    (sent, decoded)
}

/// Waits (at most 10 s) until `/pkg/uraia.css` is sent as a brotli copy again.
async fn until_brotli(router: &axum::Router) -> Vec<u8> {
    for _ in 0..1_000 {
        let (sent, body) = fetch(router, "/pkg/uraia.css", "br").await;
        if sent == "br" {
            return body;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the brotli copy was never made");
}

/// A site folder of the test's own, holding `files` (name, contents) in its `pkg`, and the app's router serving it.
fn site_with(app: &common::TestApp, files: &[(&str, &str)]) -> (std::path::PathBuf, std::path::PathBuf, axum::Router) {
    let site = std::env::temp_dir().join(format!("uraia-site-{}", uuid::Uuid::new_v4().simple()));
    let pkg = site.join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    for (name, contents) in files {
        std::fs::write(pkg.join(name), contents).unwrap();
    }
    let mut options = app.state.leptos_options.clone();
    options.site_root = site.to_string_lossy().into_owned().into();
    let state = app::state::AppState::new(
        options,
        app.state.pool.clone(),
        app.state.settings.clone(),
        app.state.services.clone(),
    )
    .unwrap();
    (site, pkg, server::router(state))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rebuilt_stylesheet_reaches_the_browser_at_once_in_every_encoding() {
    let app = common::TestApp::start(common::Engine::Sqlite).await.unwrap();
    let old = "body { color: black; }\n".repeat(40);
    let (site, pkg, router) = site_with(&app, &[("uraia.css", &old)]);
    let css = pkg.join("uraia.css");

    // Start-up, as `cargo leptos watch` starts the server: copies are made and served.
    server::assets::precompress(pkg.clone());
    assert_eq!(until_brotli(&router).await, old.as_bytes());

    // The watcher rebuilds the stylesheet; the server keeps running. The file is dated a little ahead, as a
    // coarse file-system clock could otherwise give it the same time as its copies.
    let new = format!("{old}.added {{ color: green; }}\n");
    std::fs::write(&css, &new).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&css)
        .unwrap()
        .set_modified(SystemTime::now() + Duration::from_secs(2))
        .unwrap();
    for encoding in ["br", "gzip", "br, gzip", "identity"] {
        let (sent, body) = fetch(&router, "/pkg/uraia.css", encoding).await;
        assert_eq!(
            String::from_utf8(body).unwrap(),
            new,
            "accepting {encoding}, sent as {sent:?}"
        );
    }

    // The copies are remade in the background, from the new file: brotli at no CPU cost again.
    assert_eq!(until_brotli(&router).await, new.as_bytes());
    let (sent, body) = fetch(&router, "/pkg/uraia.css", "gzip").await;
    assert_eq!((sent.as_str(), body.as_slice()), ("gzip", new.as_bytes()));
    // The gzip copy is written in the background too, possibly just after the brotli one: waited for, as that is.
    for _ in 0..100 {
        if pkg.join("uraia.css.gz").exists() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(pkg.join("uraia.css.gz").exists(), "the gzip copy was remade");

    // Names that are not built assets are left alone (no copies made for them).
    std::fs::write(pkg.join("notes.txt"), "not compressed").unwrap();
    let _ = fetch(&router, "/pkg/notes.txt", "br").await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(!pkg.join("notes.txt.br").exists());

    std::fs::remove_dir_all(site).unwrap();
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn assets_named_by_their_content_are_kept_for_a_year_and_others_are_checked() {
    let app = common::TestApp::start(common::Engine::Sqlite).await.unwrap();
    let hashed = "uraia.Ab3_-xYz0123456789abcd.css";
    let css = "body { color: black; }";
    let (site, _, router) = site_with(&app, &[(hashed, css), ("uraia.css", css)]);

    let cache_control = |path: String| {
        let router = router.clone();
        async move {
            let request = Request::get(&path).body(Body::empty()).unwrap();
            let response = router.oneshot(request).await.unwrap();
            assert_eq!(response.status(), 200, "{path}");
            response.headers()["cache-control"].to_str().unwrap().to_string()
        }
    };
    assert_eq!(
        cache_control(format!("/pkg/{hashed}")).await,
        "public, max-age=31536000, immutable"
    );
    assert_eq!(cache_control("/pkg/uraia.css".into()).await, "no-cache");

    // The navigation script is not a file of the build: the server names it by its content and serves it.
    let navigation = &app::shell::NAVIGATION;
    assert_eq!(
        cache_control(navigation.path.clone()).await,
        "public, max-age=31536000, immutable"
    );
    for (accepted, expected) in [
        ("br", "br"),
        ("gzip, deflate, br", "br"),
        ("gzip", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("identity", ""),
    ] {
        let (sent, body) = fetch(&router, &navigation.path, accepted).await;
        assert_eq!(sent, expected, "accepting {accepted}");
        assert_eq!(
            String::from_utf8(body).unwrap(),
            navigation.body,
            "accepting {accepted}"
        );
    }
    assert!(!navigation.body.contains("\n//"), "sent without its comment lines");
    let response = router
        .clone()
        .oneshot(Request::get(&navigation.path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.headers()["content-type"], "text/javascript; charset=utf-8");

    std::fs::remove_dir_all(site).unwrap();
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_island_page_names_its_own_chunks_from_the_split_manifest() {
    let app = common::TestApp::start(common::Engine::Sqlite).await.unwrap();
    let manifest =
        r#"{"fee_total_loader_1":["chunk_1","split_fee"],"photo_picker_loader_2":["chunk_1","split_photo"]}"#;
    let (site, _, router) = site_with(&app, &[("__wasm_split_manifest.json", manifest)]);
    let page = |path: &'static str| {
        let router = router.clone();
        async move {
            let response = router
                .oneshot(Request::get(path).body(Body::empty()).unwrap())
                .await
                .unwrap();
            let bytes = http_body_util::BodyExt::collect(response.into_body())
                .await
                .unwrap()
                .to_bytes();
            String::from_utf8(bytes.to_vec()).unwrap()
        }
    };
    let hint = |file: &str| format!(r#"<link rel="preload" href="/pkg/{file}.wasm" as="fetch""#);
    let fees = page("/en/fees").await;
    assert!(fees.contains(&hint("split_fee")), "{fees}");
    assert_eq!(fees.matches(&hint("chunk_1")).count(), 1);
    assert!(fees.contains(r#"<link rel="modulepreload" href="/pkg/__wasm_split.______________________.js">"#));
    assert!(!fees.contains("split_photo"), "another island's chunk is not fetched");
    // A page without an island names no code at all.
    assert!(!page("/en").await.contains(".wasm"));

    std::fs::remove_dir_all(site).unwrap();
    app.stop().await;
}
