//! The axum server around the app: one `router(state)` for `main` and for the tests, so what is tested is what runs.

pub mod assets;
pub mod card_sandbox;
pub mod delivery;
pub mod dev;
pub mod language;
pub mod limits;
pub mod sandbox;
pub mod security;
pub mod telemetry;

use app::{db, demo, i18n::Lang, settings::Settings, shell, site::SiteInfo, state::AppState, App};
use axum::{
    extract::{Request, State},
    http::StatusCode,
    middleware,
    response::{IntoResponse, Redirect, Response},
    routing::get,
    Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::{
    catch_panic::CatchPanicLayer,
    compression::{CompressionLayer, CompressionLevel},
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    services::{ServeDir, ServeFile},
};

/// Opens the database (migrating it) and loads the demo registry when the settings ask for it.
pub async fn build_state(leptos_options: LeptosOptions, settings: Settings) -> anyhow::Result<AppState> {
    // Checked before the database is touched: an unsafe deployment stops here, saying why.
    settings
        .check(leptos_options.site_addr)
        .map_err(|why| anyhow::anyhow!("unsafe settings: {why}"))?;
    let pool = db::connect(&settings.database_url).await?;
    if settings.demo_data {
        let inserted = demo::load(&pool).await?;
        tracing::info!(inserted, "demo registry loaded");
    }
    AppState::new(leptos_options, pool, settings)
}

/// Every route, with the security and operations layers. A request meets them in this order: request id,
/// logging, panic page, body and time limits (by route), compression, `every_response` (cross-site check, security headers,
/// language cookie, whole-page bodies), then the route.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let site = SiteInfo {
        official_address: state.settings.official_address.clone(),
        demo_data: state.settings.demo_data,
    };
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            provide_context(site.clone());
            leptos::nonce::provide_nonce();
        }
    };
    let app_shell = {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    };
    // `/en/` → `/en`: every page has one address.
    let mut router = Router::new()
        .route("/", get(language::root_redirect))
        .route("/healthz", get(healthz));
    for lang in Lang::ALL {
        let home = lang.href("");
        router = router.route(
            &format!("{home}/"),
            get(move || async move { Redirect::permanent(&home) }),
        );
    }
    router = router
        .merge(dev::routes(&state))
        .merge(app::photo::route::routes())
        .merge(app::transfer::route::routes())
        .merge(app::payments::route::routes())
        .merge(app::documents::route::routes())
        // A document's QR code carries a language-neutral address: the reader's language is chosen here.
        .route("/verify/{code}", get(language::verify_redirect));
    static_files(router, &state.leptos_options.site_root)
        .leptos_routes_with_context(&state, routes, context.clone(), app_shell)
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            context, shell,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), every_response))
        // Pages are gzipped as they go out, at the fastest level. Measured on GET /en (5 KB) with wrk: no
        // compression 13,000 pages/s; brotli at its default quality 7,800; gzip level 6 9,200 (2,135 bytes);
        // fastest 11,400 (2,789 bytes). 650 bytes is ~13 ms on slow 3G; brotli's set-up cost buys nothing on a
        // page this size. Built assets are brotli-compressed once at start instead (assets.rs).
        .layer(CompressionLayer::new().no_br().quality(CompressionLevel::Fastest))
        .layer(middleware::from_fn_with_state(state.clone(), limits::limit))
        .layer(CatchPanicLayer::custom(security::panic_response))
        .layer(telemetry::trace_layer())
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(state)
}

/// The built assets get routes of their own, ahead of the pages: a single-segment page route (`/{lang}`) would
/// otherwise take `/favicon.svg` for a language. `/pkg` holds the CSS, JS and wasm; brotli or gzip copies are
/// served where present and not older than their file (`cargo leptos watch` rebuilds files under a running server).
fn static_files(mut router: Router<AppState>, site_root: &str) -> Router<AppState> {
    let root = std::path::Path::new(site_root);
    let pkg = std::sync::Arc::new(root.join("pkg"));
    router = router.nest(
        "/pkg",
        Router::new()
            .fallback_service(ServeDir::new(root.join("pkg")).precompressed_br().precompressed_gzip())
            .layer(middleware::from_fn_with_state(pkg, fresh_assets)),
    );
    let files = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.path().is_file());
    for entry in files {
        if let Some(name) = entry.file_name().to_str() {
            router = router.route_service(&format!("/{name}"), ServeFile::new(entry.path()));
        }
    }
    router
}

/// Drops a `/pkg` file's compressed copies when the file was rebuilt after them (the path is the part after `/pkg`).
async fn fresh_assets(
    State(pkg): State<std::sync::Arc<std::path::PathBuf>>,
    request: Request,
    next: middleware::Next,
) -> Response {
    assets::refresh(&pkg, request.uri().path().trim_start_matches('/'));
    next.run(request).await
}

/// Serves until `shutdown` resolves, then stops accepting and lets in-flight requests finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}

/// For load balancers and CI: 200 when the database answers, 503 when it does not.
async fn healthz(State(state): State<AppState>) -> Response {
    if db::ping(&state.pool).await {
        (StatusCode::OK, "ok").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
    }
}

/// One layer for what every response needs (one layer, not four: each layer clones the service stack per
/// request). Cross-site writes are refused; pages are sent whole and remember their language; every response
/// gets the security headers.
async fn every_response(State(state): State<AppState>, request: Request, next: middleware::Next) -> Response {
    if security::is_cross_site_write(&state, &request) {
        return security::forbidden();
    }
    let lang = Lang::of_path(request.uri().path());
    let mut response = next.run(request).await;
    if is_page(&response) {
        response = whole_page(response).await;
        if let Some(lang) = lang.filter(|_| response.status().is_success()) {
            language::remember(lang, &mut response);
        }
    }
    security::add_headers(&state, &mut response);
    response
}

fn is_page(response: &Response) -> bool {
    response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"text/html"))
}

/// Sends a page as one body with a Content-Length instead of a chunked stream. Pages are rendered whole anyway
/// (`SsrMode::Async`); a known length lets a browser on a slow link show real progress, and a failure while
/// rendering becomes a proper 500 page instead of a page cut off half-way. A page without an island leaves without
/// the hydration scripts (`island_code`): it loads no JS and no wasm.
async fn whole_page(response: Response) -> Response {
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, 4 * 1024 * 1024).await {
        Ok(bytes) => {
            let body = match app::island_code::without_unused_code(&bytes) {
                Some(html) => axum::body::Body::from(html),
                None => axum::body::Body::from(bytes),
            };
            let mut parts = parts;
            // The body's length may have changed; hyper sets it from the body.
            parts.headers.remove(axum::http::header::CONTENT_LENGTH);
            Response::from_parts(parts, body)
        }
        Err(error) => {
            let reference = app::error::reference();
            tracing::error!(reference = %reference, error = %error, "page body failed");
            security::error_page(&reference)
        }
    }
}
