//! What every request handler and server function can reach.

use std::{ops::Deref, sync::Arc};

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use crate::{
    applications::plugin::Services,
    clock::Clock,
    db::Pool,
    gateways::{
        card::CardCheckout,
        daraja::{Daraja, DarajaConfig},
    },
    settings::Settings,
    web::{passwords::Passwords, secrets::CodeKey},
};

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
    /// The key codes are kept under (HMAC): not in the database, so a copy of the tables does not reveal codes.
    pub code_key: CodeKey,
    /// Where links in messages point (settings.origin): never the request's Host header.
    pub origin: String,
    /// M-Pesa (Daraja), when configured, or in development the sandbox this server mounts.
    pub daraja: Option<Daraja>,
    /// The secret in M-Pesa's callback addresses: only M-Pesa (given the address) can post results.
    pub mpesa_callback_token: String,
    /// The token being rotated out, still accepted (`payments.mpesa_previous_callback_token`); empty: none.
    pub mpesa_previous_callback_token: String,
    /// The card provider's hosted checkout, when configured, or in development the sandbox this server mounts.
    pub card: Option<CardCheckout>,
    /// The services of the application framework, as the server listed them.
    pub services: Services,
}

impl AppState {
    /// Refuses settings unsafe for the address the server listens on (`Settings::check`), and loads the code key.
    pub fn new(
        leptos_options: LeptosOptions,
        pool: Pool,
        settings: Settings,
        services: Services,
    ) -> anyhow::Result<AppState> {
        settings
            .check(leptos_options.site_addr)
            .map_err(|why| anyhow::anyhow!("unsafe settings: {why}"))?;
        let code_key = CodeKey::load(
            &settings.security.code_key,
            std::path::Path::new(&settings.security.code_key_file),
        )?;
        let origin = settings.origin(leptos_options.site_addr);
        // Its own setting (rotatable); `Settings::check` requires it where M-Pesa is real. Elsewhere (development's
        // sandbox, or M-Pesa off) a random one per process: nothing outside this process posts to it.
        let mpesa_callback_token = match settings.payments.mpesa_callback_token.as_str() {
            "" => crate::web::secrets::token(),
            configured => configured.to_string(),
        };
        let daraja =
            DarajaConfig::from_settings(&settings.payments, &origin, settings.development, &mpesa_callback_token)
                .map(Daraja::new)
                .transpose()?;
        let card = CardCheckout::from_settings(
            &settings.payments,
            &origin,
            settings.development,
            &code_key.hash_code("card-checkout", "uraia"),
        );
        Ok(AppState(Arc::new(Shared {
            card,
            services,
            origin,
            daraja,
            mpesa_callback_token,
            mpesa_previous_callback_token: settings.payments.mpesa_previous_callback_token.clone(),
            leptos_options,
            pool,
            clock: Clock::new(settings.test_mode),
            passwords: Passwords::new(settings.security.hash_concurrency),
            photo_checks: tokio::sync::Semaphore::new(settings.security.hash_concurrency.max(1)),
            code_key,
            settings,
        })))
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
