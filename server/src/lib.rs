//! The axum server around the app: one `router(state)` for `main` and for the tests, so what is tested is what runs.

pub mod language;
pub mod security;
pub mod telemetry;

use std::{sync::Arc, time::Duration};

use app::{db, demo, i18n::Lang, settings::Settings, shell, state::AppState, App};
use axum::{
    extract::State,
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
    compression::CompressionLayer,
    limit::RequestBodyLimitLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    timeout::TimeoutLayer,
};

/// Opens the database (migrating it) and loads the demo registry when the settings ask for it.
pub async fn build_state(leptos_options: LeptosOptions, settings: Settings) -> anyhow::Result<AppState> {
    let pool = db::connect(&settings.database_url).await?;
    if settings.demo_data {
        let inserted = demo::load(&pool).await?;
        tracing::info!(inserted, "demo registry loaded");
    }
    Ok(AppState {
        leptos_options,
        pool,
        settings: Arc::new(settings),
    })
}

/// Every route, with the security and operations layers. Layers run outside-in: request id, logging, panics,
/// body limit, cross-site check, then the headers added on the way out.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
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
    router
        .leptos_routes_with_context(&state, routes, context.clone(), app_shell)
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            context, shell,
        ))
        .layer(middleware::from_fn(language::remember))
        .layer(middleware::from_fn_with_state(state.clone(), security::headers))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::reject_cross_site,
        ))
        .layer(CompressionLayer::new())
        .layer(RequestBodyLimitLayer::new(state.settings.body_limit_bytes))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .layer(CatchPanicLayer::custom(security::panic_response))
        .layer(telemetry::trace_layer())
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(state)
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
