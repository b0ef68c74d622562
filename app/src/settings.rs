//! Uraia's own runtime settings: the `[uraia]` tables of Leptos.toml, each overridable by an environment variable.
//!
//! figment layers them (defaults < file < `URAIA_*` < `DATABASE_URL`), so a deployment changes one value without
//! copying the file; it is a kept crate built for exactly this, where hand-written env parsing drifts.

use figment::{
    providers::{Env, Format, Serialized, Toml},
    Figment,
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub database_url: String,
    pub demo_data: bool,
    pub development: bool,
    /// End-to-end tests only: lets /dev/clock move the server's clock forward. Never on in production.
    pub test_mode: bool,
    pub official_address: String,
    pub public_origin: String,
    pub body_limit_bytes: usize,
    pub security: Security,
    pub mail: Mail,
    pub sms: Sms,
    pub payments: Payments,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Security {
    pub hsts_max_age_seconds: u64,
    pub session_idle_minutes: u64,
    pub hash_concurrency: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Mail {
    pub smtp_url: String,
    pub from: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Sms {
    pub api_url: String,
    pub username: String,
    pub api_key: String,
    pub sender_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Payments {
    pub mpesa_base_url: String,
    pub mpesa_shortcode: String,
    pub mpesa_passkey: String,
    pub mpesa_consumer_key: String,
    pub mpesa_consumer_secret: String,
    pub mpesa_callback_url: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            database_url: "sqlite://data/uraia.db".into(),
            demo_data: true,
            development: false,
            test_mode: false,
            official_address: "https://uraia.go.ke".into(),
            public_origin: String::new(),
            body_limit_bytes: 64 * 1024,
            security: Security::default(),
            mail: Mail::default(),
            sms: Sms::default(),
            payments: Payments::default(),
        }
    }
}

impl Default for Security {
    fn default() -> Self {
        Security {
            hsts_max_age_seconds: 31_536_000,
            session_idle_minutes: 30,
            hash_concurrency: 2,
        }
    }
}

impl Settings {
    /// Reads `path` (missing is fine: defaults and environment only), then the environment.
    pub fn load(path: &str) -> Result<Settings, Box<figment::Error>> {
        Self::figment(
            path,
            Env::prefixed("URAIA_").split("__"),
            Env::raw().only(&["DATABASE_URL"]),
        )
        .extract()
        .map_err(Box::new)
    }

    fn figment(path: &str, uraia_env: Env, database_env: Env) -> Figment {
        Figment::from(Serialized::defaults(Settings::default()))
            .merge(Figment::from(Toml::file(path)).focus("uraia"))
            .merge(uraia_env)
            .merge(database_env)
    }

    /// True when the site is served over TLS, so Strict-Transport-Security and `Secure` cookies apply.
    pub fn serves_tls(&self) -> bool {
        self.public_origin.starts_with("https://")
    }
}

// figment's test jail returns its own (large) error type; that is its API, not ours to shrink.
#[cfg(test)]
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;

    fn leptos_toml() -> String {
        format!("{}/../Leptos.toml", env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn the_shipped_file_parses_and_keeps_the_defaults_it_documents() {
        figment::Jail::expect_with(|jail| {
            jail.clear_env();
            let settings = Settings::load(&leptos_toml()).unwrap();
            assert_eq!(settings.database_url, "sqlite://data/uraia.db");
            assert!(settings.demo_data);
            assert!(!settings.development, "development aids must be off unless asked for");
            assert!(!settings.test_mode, "the movable clock must be off unless asked for");
            assert_eq!(settings.mail.from, "Uraia <no-reply@uraia.go.ke>");
            Ok(())
        });
    }

    #[test]
    fn environment_variables_override_the_file() {
        figment::Jail::expect_with(|jail| {
            jail.clear_env();
            jail.set_env("URAIA_DEMO_DATA", "false");
            jail.set_env("URAIA_MAIL__SMTP_URL", "smtp://mail.example:587");
            jail.set_env("DATABASE_URL", "postgres://localhost/uraia");
            let settings = Settings::load(&leptos_toml()).unwrap();
            assert!(!settings.demo_data);
            assert_eq!(settings.mail.smtp_url, "smtp://mail.example:587");
            assert_eq!(settings.database_url, "postgres://localhost/uraia");
            Ok(())
        });
    }

    #[test]
    fn a_missing_file_leaves_the_defaults() {
        figment::Jail::expect_with(|jail| {
            jail.clear_env();
            assert_eq!(Settings::load("/nonexistent/Leptos.toml").unwrap(), Settings::default());
            Ok(())
        });
    }
}
