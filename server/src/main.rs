//! Uraia's server: reads its settings, opens the database, serves, and finishes in-flight requests on SIGTERM.

use anyhow::Context;
use app::settings::Settings;

/// Server-side rendering allocates many small strings per page; glibc's allocator spent a quarter of the CPU of
/// a page view (measured with perf), mimalloc a fraction of that.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    server::telemetry::init();
    let config = std::env::var("URAIA_CONFIG").unwrap_or_else(|_| "Leptos.toml".into());
    // cargo-leptos passes its settings as LEPTOS_* variables, which override the file either way.
    let file = std::path::Path::new(&config).exists().then_some(config.as_str());
    let leptos_options = leptos_config::get_configuration(file)
        .context("reading the Leptos settings")?
        .leptos_options;
    let settings = Settings::load(&config).context("reading the [uraia] settings")?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(done) = server::backup::command(&settings.database_url, &args).await? {
        println!("{done}");
        return Ok(());
    }
    let state = server::build_state(leptos_options, settings).await?;
    if server::cli::is_command(&args) {
        println!("{}", server::cli::run(&state, &args).await?);
        return Ok(());
    }
    server::assets::precompress(
        std::path::Path::new(&*state.leptos_options.site_root).join(&*state.leptos_options.site_pkg_dir),
    );
    app::sweep::spawn(state.clone());
    app::figures::rollup::spawn_heartbeat(state.clone());
    if app::payments::mpesa::spawn_reconciler(state.clone()).is_some() {
        tracing::info!("settling late M-Pesa results and open card sessions by asking the providers");
    }
    if state.daraja.is_some() || state.card.is_some() {
        app::refunds::service::spawn_asker(state.clone());
        app::reconciliation::service::spawn(state.clone());
    }
    if server::delivery::spawn(state.clone())?.is_some() {
        tracing::info!("delivering email and SMS from the outbox");
    }
    // The handler is installed before the port opens: a SIGTERM that arrives while the server starts (as soon as it
    // accepts connections, a supervisor may stop it) ends it gracefully instead of killing it.
    #[cfg(unix)]
    let terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .context("installing the SIGTERM handler")?;
    #[cfg(not(unix))]
    let terminate = ();
    let addr = state.leptos_options.site_addr;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("binding {addr}"))?;
    tracing::info!(%addr, "listening");
    server::serve(listener, server::router(state), shutdown_signal(terminate)).await?;
    tracing::info!("stopped");
    Ok(())
}

/// SIGTERM (what service managers send) or Ctrl-C: stop accepting, let in-flight requests finish.
#[cfg(unix)]
async fn shutdown_signal(mut terminate: tokio::signal::unix::Signal) {
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {},
        _ = terminate.recv() => {},
    }
    tracing::info!("shutting down: finishing in-flight requests");
}

#[cfg(not(unix))]
async fn shutdown_signal(_: ()) {
    let _ = tokio::signal::ctrl_c().await;
    tracing::info!("shutting down: finishing in-flight requests");
}
