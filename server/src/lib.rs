//! The axum server around the app: one `router(state)` for `main` and for the tests, so what is tested is what runs.

pub mod assets;
pub mod backup;
pub mod caching;
pub mod card_sandbox;
pub mod cli;
pub mod delivery;
pub mod dev;
pub mod kept_assets;
pub mod language;
pub mod limits;
pub mod page_cache;
pub mod sandbox;
pub mod security;
pub mod services;
pub mod telemetry;

use app::{
    db, demo, i18n::Lang, island_code::IslandChunks, settings::Settings, shell, site::SiteInfo, state::AppState, App,
};
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
use page_cache::PageCache;
use tower_http::{
    catch_panic::CatchPanicLayer,
    compression::{CompressionLayer, CompressionLevel},
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    services::{ServeDir, ServeFile},
};

/// Opens the database (migrating it) and loads the demo registry when the settings ask for it.
pub async fn build_state(mut leptos_options: LeptosOptions, settings: Settings) -> anyhow::Result<AppState> {
    assets::check_hash_file(&mut leptos_options);
    // Checked before the database is touched: an unsafe deployment stops here, saying why.
    settings
        .check(leptos_options.site_addr)
        .map_err(|why| anyhow::anyhow!("unsafe settings: {why}"))?;
    let pool = db::connect_with(&settings.database_url, settings.database_max_connections).await?;
    if settings.demo_data {
        let inserted = demo::load(&pool).await?;
        tracing::info!(inserted, "demo registry loaded");
    }
    AppState::new(leptos_options, pool, settings, services::all())
}

/// The pages' routes, listed once per process. Listing runs the whole app with resource loading turned off
/// process-wide (leptos_server's `SuppressResourceLoad`, a global flag): a page rendering on another thread at that
/// moment creates its resource in the "never load" state and hangs until the request's time limit. One listing,
/// before any router exists, leaves no such window (tests and a second process used to list again while serving).
static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();

/// Every route, with the security and operations layers. A request meets them in this order: request id,
/// logging, panic page, body and time limits (by route), compression, `every_response` (cross-site check, security headers,
/// language cookie, whole-page bodies), then the route.
pub fn router(state: AppState) -> Router {
    let routes = ROUTES.get_or_init(|| generate_route_list(App)).clone();
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
        .merge(app::services::transfer::route::routes())
        .merge(app::payments::route::routes(&state))
        .merge(app::refunds::route::routes(&state))
        .merge(app::reconciliation::route::routes(&state))
        .merge(app::performance::route::routes())
        .merge(app::statistics::route::routes())
        .merge(app::documents::route::routes())
        .merge(app::staff::route::routes())
        .merge(app::ussd::route::routes(&state))
        // A document's QR code carries a language-neutral address: the reader's language is chosen here.
        .route("/verify/{code}", get(language::verify_redirect));
    let chunks = std::sync::Arc::new(assets::island_chunks(&state.leptos_options));
    let pages = (state.clone(), PageCache::default(), chunks);
    static_files(router, &state.leptos_options)
        .leptos_routes_with_context(&state, routes, context.clone(), app_shell)
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            context, shell,
        ))
        .layer(middleware::from_fn_with_state(pages, every_response))
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
fn static_files(mut router: Router<AppState>, options: &LeptosOptions) -> Router<AppState> {
    let root = std::path::Path::new(&*options.site_root);
    let pkg = (
        std::sync::Arc::new(root.join("pkg")),
        kept_assets::KeptAssets::new(root.join("pkg")),
    );
    let navigation = app::shell::NAVIGATION.path.trim_start_matches("/pkg");
    router = router.nest(
        "/pkg",
        Router::new()
            .route(navigation, get(assets::navigation_script))
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

/// Answers a hashed `/pkg` file from memory (`kept_assets`); otherwise drops the file's compressed copies when it
/// was rebuilt after them (the path is the part after `/pkg`), and says how long the browser may keep it (`caching`).
async fn fresh_assets(
    State((pkg, kept)): State<(std::sync::Arc<std::path::PathBuf>, kept_assets::KeptAssets)>,
    request: Request,
    next: middleware::Next,
) -> Response {
    let name = request.uri().path().trim_start_matches('/').to_string();
    if request.method() == axum::http::Method::GET || request.method() == axum::http::Method::HEAD {
        if let Some(response) = kept.answer(&name, request.headers()).await {
            return response;
        }
    }
    assets::refresh(&pkg, &name);
    let mut response = next.run(request).await;
    if response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED {
        let policy = caching::asset_policy(&name);
        response.headers_mut().insert(axum::http::header::CACHE_CONTROL, policy);
    }
    response
}

/// Serves until `shutdown` resolves, then stops accepting and lets in-flight requests finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use axum::serve::ListenerExt as _;
    // Nagle's algorithm held a response's last small write until the client's delayed ACK (~40 ms on every
    // small `/pkg` file and page); axum's `serve` leaves TCP_NODELAY off. A stream it cannot be set on is served anyway.
    let listener = listener.tap_io(|tcp| {
        if let Err(error) = tcp.set_nodelay(true) {
            tracing::debug!(%error, "TCP_NODELAY not set");
        }
    });
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
async fn every_response(
    State((state, pages, chunks)): State<(AppState, PageCache, std::sync::Arc<IslandChunks>)>,
    request: Request,
    next: middleware::Next,
) -> Response {
    if security::is_cross_site_write(&state, &request) {
        return security::forbidden();
    }
    if state.settings.test_mode {
        // Another process of this test deployment may have moved the clock (`/dev/clock`).
        if let Err(error) = app::clock::shared::catch_up(&state.clock, &state.pool).await {
            tracing::warn!(%error, "the shared test clock could not be read");
        }
    }
    let lang = Lang::of_path(request.uri().path());
    // Only whether the request came with a session is needed afterwards, not its headers.
    let session_cookie = app::web::session::cookie_name(&state, app::web::session::SESSION_COOKIE);
    let with_session = app::web::session::read_cookie(request.headers(), &session_cookie).is_some();
    let key = page_cache::key(&request);
    let mut response = match key.as_deref().and_then(|key| pages.get(key)) {
        Some(kept) => kept,
        None => {
            let response = page_status(next.run(request).await);
            if is_page(&response) {
                whole_page(response, &chunks, key.map(|key| (key, &pages))).await
            } else {
                response
            }
        }
    };
    if is_page(&response) {
        if let Some(lang) = lang.filter(|_| response.status().is_success()) {
            language::remember(lang, &mut response);
        }
        let policy = caching::page_policy(with_session, response.headers(), &session_cookie);
        response.headers_mut().insert(axum::http::header::CACHE_CONTROL, policy);
    }
    security::add_headers(&state, &mut response);
    response
}

/// Gives a page the status it asked for. Leptos takes a page's status before an asynchronous body has resolved,
/// so a page that failed into the 404 page, or redirected, while loading sometimes went out as 200 (with an empty
/// main, or with a `Location` a browser ignores). The page's status also travels in a header (headers arrive
/// whenever they are set), made the status here; a `Location` on a 200 is a redirect.
fn page_status(mut response: Response) -> Response {
    if let Some(code) = response.headers_mut().remove(app::pages::STATUS_HEADER) {
        if let Some(status) = code
            .to_str()
            .ok()
            .and_then(|c| c.parse().ok())
            .and_then(|c| StatusCode::from_u16(c).ok())
        {
            *response.status_mut() = status;
        }
    }
    if response.status() == StatusCode::OK && response.headers().contains_key(axum::http::header::LOCATION) {
        *response.status_mut() = StatusCode::FOUND;
    }
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
/// rendering becomes a proper 500 page instead of a page cut off half-way. The hydration scripts are rewritten
/// (`island_code`): no code for a page without an island, none for a browser with JavaScript off.
async fn whole_page(response: Response, chunks: &IslandChunks, keep: Option<(String, &PageCache)>) -> Response {
    let (mut parts, body) = response.into_parts();
    match axum::body::to_bytes(body, 4 * 1024 * 1024).await {
        Ok(bytes) => {
            let bytes = app::island_code::only_where_used(&bytes, chunks).map_or(bytes, axum::body::Bytes::from);
            // The body's length may have changed; hyper sets it from the body.
            parts.headers.remove(axum::http::header::CONTENT_LENGTH);
            if let Some((key, pages)) = keep {
                pages.keep(key, &parts, &bytes);
            }
            Response::from_parts(parts, axum::body::Body::from(bytes))
        }
        Err(error) => {
            let reference = app::error::reference();
            tracing::error!(reference = %reference, error = %error, "page body failed");
            security::error_page(&reference)
        }
    }
}
