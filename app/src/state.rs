//! What every request handler and server function can reach.

use std::{ops::Deref, sync::Arc};

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use crate::{accounts::passwords::Passwords, clock::Clock, db::Pool, settings::Settings};

/// Shared by every request. Behind one `Arc`: the router clones its state for every request (several times
/// over, through its layers), and a by-value `LeptosOptions` made that 2% of a page view's CPU.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub pool: Pool,
    pub settings: Settings,
    pub clock: Clock,
    pub passwords: Passwords,
    /// Photo checks decode and re-encode (10–20 ms of CPU each): at most this many at once, like password
    /// hashes (`security.hash_concurrency`), so uploads cannot starve page views.
    pub photo_checks: tokio::sync::Semaphore,
}

impl AppState {
    pub fn new(leptos_options: LeptosOptions, pool: Pool, settings: Settings) -> AppState {
        AppState(Arc::new(Shared {
            leptos_options,
            pool,
            clock: Clock::new(settings.test_mode),
            passwords: Passwords::new(settings.security.hash_concurrency),
            photo_checks: tokio::sync::Semaphore::new(settings.security.hash_concurrency.max(1)),
            settings,
        }))
    }
}

impl Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// leptos_axum takes its options from the router's state.
impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> LeptosOptions {
        state.leptos_options.clone()
    }
}
