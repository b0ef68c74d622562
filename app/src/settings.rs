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
    /// The most connections this process holds to the database; 0: 8 for SQLite, 16 for PostgreSQL. Several
    /// processes on one PostgreSQL need this times their number under its `max_connections` (README, "Many
    /// processes").
    pub database_max_connections: u32,
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
    pub ussd: Ussd,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Security {
    pub hsts_max_age_seconds: u64,
    pub session_idle_minutes: u64,
    /// A signed-in session ends this long after sign-in, however active (OWASP ASVS 5.0 V7.3.2).
    pub session_max_hours: u64,
    pub hash_concurrency: usize,
    /// 64 hex characters: the key codes are kept under (HMAC). Empty: `code_key_file`, made on first start.
    pub code_key: String,
    pub code_key_file: String,
    /// Proxies whose `X-Forwarded-For` is believed (addresses or CIDR ranges). Empty: the peer is the client.
    pub trusted_proxies: Vec<String>,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Payments {
    pub mpesa_base_url: String,
    pub mpesa_shortcode: String,
    pub mpesa_passkey: String,
    pub mpesa_consumer_key: String,
    pub mpesa_consumer_secret: String,
    pub mpesa_callback_url: String,
    /// The secret in the addresses M-Pesa posts to (`/payments/mpesa/callback/{token}`, the Paybill URLs), at least
    /// 32 characters. Its own setting, so it can be rotated without touching the code key: required when M-Pesa is
    /// on outside development (a random one per process in development).
    pub mpesa_callback_token: String,
    /// During a rotation, the old token is still accepted until Safaricom has the new addresses; empty otherwise.
    pub mpesa_previous_callback_token: String,
    /// Where M-Pesa's callbacks may come from (addresses or CIDR ranges, checked on the client address that
    /// `security.trusted_proxies` gives); empty: from anywhere (the token is then the only check).
    pub mpesa_callback_sources: Vec<String>,
    /// The Transaction Status API's initiator and its encrypted credential (a Paybill payment that M-Pesa did not
    /// ask us to validate is confirmed through it); empty: the sandbox's.
    pub mpesa_initiator: String,
    pub mpesa_security_credential: String,
    /// How long the development sandbox waits before it posts a prompt's result (the person entering a PIN).
    pub sandbox_delay_ms: u64,
    /// The card provider's hosted checkout page; empty: no card payments (in development, the sandbox's).
    pub card_checkout_url: String,
    /// The key the checkout signs its results with (HMAC-SHA-256); empty in development: derived from the code key.
    pub card_secret: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            database_url: "sqlite://data/uraia.db".into(),
            database_max_connections: 0,
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
            ussd: Ussd::default(),
        }
    }
}

/// The USSD channel (issue 31): a gateway such as Africa's Talking posts each screen's answers to
/// `/ussd/{token}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Ussd {
    /// The secret in the address the gateway posts to, at least 32 characters (a gateway's posts are not signed,
    /// and the caller's number is what the gateway says it is). Empty: no USSD channel (the development simulator
    /// still plays it).
    pub token: String,
    /// Where the gateway posts from (addresses or CIDR ranges, on the client address that
    /// `security.trusted_proxies` gives); empty: from anywhere (the token is then the only check).
    pub sources: Vec<String>,
    /// The code people dial, shown on the account page.
    pub service_code: String,
}

impl Default for Ussd {
    fn default() -> Self {
        Ussd {
            token: String::new(),
            sources: vec![],
            // U-R-A-I-A on a keypad, on Africa's Talking's shared code: an example until NTSA has its own.
            service_code: "*384*87242#".into(),
        }
    }
}

impl Default for Payments {
    fn default() -> Self {
        Payments {
            mpesa_base_url: String::new(),
            mpesa_shortcode: String::new(),
            mpesa_passkey: String::new(),
            mpesa_consumer_key: String::new(),
            mpesa_consumer_secret: String::new(),
            mpesa_callback_url: String::new(),
            mpesa_callback_token: String::new(),
            mpesa_previous_callback_token: String::new(),
            mpesa_callback_sources: vec![],
            mpesa_initiator: String::new(),
            mpesa_security_credential: String::new(),
            sandbox_delay_ms: 2_000,
            card_checkout_url: String::new(),
            card_secret: String::new(),
        }
    }
}

impl Default for Security {
    fn default() -> Self {
        Security {
            hsts_max_age_seconds: 31_536_000,
            session_idle_minutes: 30,
            session_max_hours: 12,
            hash_concurrency: 2,
            code_key: String::new(),
            code_key_file: "data/code.key".into(),
            trusted_proxies: vec![],
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

    /// Where links in messages point. Never the request's Host header, which anyone can forge: the configured
    /// public origin, or in development the address the server listens on.
    pub fn origin(&self, listen: std::net::SocketAddr) -> String {
        match self.public_origin.trim_end_matches('/') {
            "" => format!("http://{listen}"),
            configured => configured.to_string(),
        }
    }

    /// Refuses settings that would be unsafe where the server is about to run (`listen`), saying why. The
    /// development aids (`/dev/outbox` shows every live code and link; `/dev/clock` moves time; the payment
    /// sandboxes pay for nothing) must never reach real people: they are refused unless the public origin is this
    /// machine (`localhost`, `127.0.0.1`, `[::1]`) and the server listens on loopback, and whenever a mail or SMS
    /// transport or a real payment provider is configured. Outside development, the public origin is required (links are built from it).
    pub fn check(&self, listen: std::net::SocketAddr) -> Result<(), String> {
        let aids = [("development", self.development), ("test_mode", self.test_mode)];
        for (name, _) in aids.into_iter().filter(|(_, on)| *on) {
            let why = if self.serves_tls() {
                Some(format!("public_origin is {}", self.public_origin))
            } else if !self.mail.smtp_url.is_empty() {
                Some("a mail transport is configured (mail.smtp_url)".to_string())
            } else if !self.sms.api_url.is_empty() {
                Some("an SMS transport is configured (sms.api_url)".to_string())
            } else if !listen.ip().is_loopback() {
                Some(format!("the server listens on {listen}, not a loopback address"))
            } else if !self.origin_is_loopback() {
                Some(format!("public_origin is {}, not this machine", self.public_origin))
            } else if self.payments.real_provider() {
                Some("a real payment provider or its credentials are configured (payments.*)".to_string())
            } else {
                None
            };
            if let Some(why) = why {
                return Err(format!(
                    "{name} = true is for a developer's machine only, and {why}: turn {name} off (URAIA_{}=false)",
                    name.to_uppercase()
                ));
            }
        }
        if !self.development {
            let origin = self.public_origin.trim_end_matches('/');
            let valid = ["https://", "http://"].iter().any(|scheme| {
                origin
                    .strip_prefix(scheme)
                    .is_some_and(|host| !host.is_empty() && !host.contains(['/', '?', '#', ' ']))
            });
            if !valid {
                return Err(format!(
                    "public_origin must be the address citizens use, like https://uraia.go.ke (it is {:?}): \
                     links in email are built from it (URAIA_PUBLIC_ORIGIN=...)",
                    self.public_origin
                ));
            }
        }
        for proxy in &self.security.trusted_proxies {
            crate::client::parse_range(proxy)
                .ok_or_else(|| format!("security.trusted_proxies: {proxy:?} is not an address or CIDR range"))?;
        }
        if !self.ussd.token.is_empty() && self.ussd.token.len() < 32 {
            return Err("ussd.token must be at least 32 characters (URAIA_USSD__TOKEN=...)".into());
        }
        for source in &self.ussd.sources {
            crate::client::parse_range(source)
                .ok_or_else(|| format!("ussd.sources: {source:?} is not an address or CIDR range"))?;
        }
        self.payments.check(self.development)
    }

    /// True when the public origin names this machine itself (or is unset, in development): the only place where
    /// the development aids may run. A loopback listener behind nginx serves the world, so the listener says
    /// nothing.
    fn origin_is_loopback(&self) -> bool {
        let origin = self.public_origin.trim_end_matches('/');
        if origin.is_empty() {
            return true;
        }
        let Some((_, authority)) = origin.split_once("://") else {
            return false;
        };
        let host = match authority.rsplit_once(':') {
            Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host,
            _ => authority,
        };
        matches!(host, "localhost" | "127.0.0.1" | "[::1]")
    }
}

impl Payments {
    /// True when a real payment provider is configured (M-Pesa or a card checkout, or their credentials): the
    /// sandboxes would then sign and post with real secrets.
    pub fn real_provider(&self) -> bool {
        [
            &self.mpesa_base_url,
            &self.mpesa_consumer_key,
            &self.mpesa_consumer_secret,
            &self.mpesa_passkey,
            &self.card_checkout_url,
            &self.card_secret,
        ]
        .iter()
        .any(|value| !value.is_empty())
    }

    fn check(&self, development: bool) -> Result<(), String> {
        let mpesa_on = !self.mpesa_base_url.is_empty();
        if mpesa_on && !development && self.mpesa_callback_token.len() < 32 {
            return Err("payments.mpesa_callback_token must be set (32 characters or more, random) when M-Pesa is \
                        on: it is the secret in the addresses M-Pesa posts to (URAIA_PAYMENTS__MPESA_CALLBACK_TOKEN=...)"
                .into());
        }
        for (name, token) in [
            ("mpesa_callback_token", &self.mpesa_callback_token),
            ("mpesa_previous_callback_token", &self.mpesa_previous_callback_token),
        ] {
            let safe = token.len() >= 32
                && token
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !token.is_empty() && !safe {
                return Err(format!(
                    "payments.{name} must be 32 or more letters, digits, '-' or '_' (it goes into an address)"
                ));
            }
        }
        if !self.card_checkout_url.is_empty() && self.card_secret.is_empty() {
            return Err(
                "payments.card_secret must be set when a card checkout is configured: the provider signs its \
                        results with it (URAIA_PAYMENTS__CARD_SECRET=...)"
                    .into(),
            );
        }
        for source in &self.mpesa_callback_sources {
            crate::client::parse_range(source).ok_or_else(|| {
                format!("payments.mpesa_callback_sources: {source:?} is not an address or CIDR range")
            })?;
        }
        Ok(())
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
            assert_eq!(settings.ussd, Ussd::default(), "no USSD address unless a token is set");
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

    fn loopback() -> std::net::SocketAddr {
        "127.0.0.1:3000".parse().unwrap()
    }

    #[test]
    fn development_aids_are_refused_where_real_people_could_reach_them() {
        let dev = Settings {
            development: true,
            ..Settings::default()
        };
        assert_eq!(dev.check(loopback()), Ok(()));
        let public: std::net::SocketAddr = "0.0.0.0:3000".parse().unwrap();
        assert!(dev.check(public).unwrap_err().contains("not a loopback address"));
        let mut tls = dev.clone();
        tls.public_origin = "https://uraia.go.ke".into();
        assert!(tls.check(loopback()).unwrap_err().contains("https://uraia.go.ke"));
        let mut mail = dev.clone();
        mail.mail.smtp_url = "smtp://mail:587".into();
        assert!(mail.check(loopback()).unwrap_err().contains("mail transport"));
        let mut sms = Settings {
            test_mode: true,
            public_origin: "http://127.0.0.1:3000".into(),
            ..Settings::default()
        };
        sms.sms.api_url = "https://sms.example".into();
        assert!(sms.check(loopback()).unwrap_err().starts_with("test_mode = true"));
    }

    #[test]
    fn development_aids_need_this_machine_as_the_origin_and_no_real_provider() {
        let dev = |origin: &str| Settings {
            development: true,
            public_origin: origin.into(),
            ..Settings::default()
        };
        for ok in [
            "",
            "http://localhost:3000",
            "http://127.0.0.1:3000/",
            "http://[::1]:8080",
            "http://localhost",
        ] {
            assert_eq!(dev(ok).check(loopback()), Ok(()), "{ok}");
        }
        // Behind nginx a site listens on loopback: the origin says who it serves.
        for refused in [
            "http://uraia.example.go.ke",
            "http://10.0.0.5:3000",
            "http://localhost.example.com",
        ] {
            assert!(
                dev(refused).check(loopback()).unwrap_err().contains("not this machine"),
                "{refused}"
            );
        }
        let mut mpesa = dev("");
        mpesa.payments.mpesa_base_url = "https://api.safaricom.co.ke".into();
        assert!(mpesa.check(loopback()).unwrap_err().contains("real payment provider"));
        let mut card = dev("");
        card.payments.card_secret = "from-the-provider".into();
        assert!(card.check(loopback()).unwrap_err().contains("real payment provider"));
    }

    #[test]
    fn m_pesa_needs_its_own_callback_token_and_a_card_checkout_its_secret() {
        let mut settings = Settings {
            public_origin: "https://uraia.go.ke".into(),
            ..Settings::default()
        };
        settings.payments.mpesa_base_url = "https://api.safaricom.co.ke".into();
        assert!(settings.check(loopback()).unwrap_err().contains("mpesa_callback_token"));
        settings.payments.mpesa_callback_token = "short".into();
        assert!(settings.check(loopback()).unwrap_err().contains("mpesa_callback_token"));
        settings.payments.mpesa_callback_token = "a".repeat(32);
        assert_eq!(settings.check(loopback()), Ok(()));
        settings.payments.mpesa_previous_callback_token = "has/slash".repeat(4);
        assert!(settings
            .check(loopback())
            .unwrap_err()
            .contains("mpesa_previous_callback_token"));
        settings.payments.mpesa_previous_callback_token = "b".repeat(40);
        settings.payments.mpesa_callback_sources = vec!["196.201.214.0/24".into(), "nowhere".into()];
        assert!(settings.check(loopback()).unwrap_err().contains("nowhere"));
        settings.payments.mpesa_callback_sources.pop();
        settings.payments.card_checkout_url = "https://checkout.example".into();
        assert!(settings.check(loopback()).unwrap_err().contains("card_secret"));
        settings.payments.card_secret = "k".repeat(32);
        assert_eq!(settings.check(loopback()), Ok(()));
    }

    #[test]
    fn outside_development_the_public_origin_is_required() {
        let mut settings = Settings::default();
        assert!(settings.check(loopback()).unwrap_err().contains("public_origin"));
        settings.public_origin = "https://uraia.go.ke/".into();
        assert_eq!(settings.check(loopback()), Ok(()));
        assert_eq!(settings.origin(loopback()), "https://uraia.go.ke");
        settings.public_origin = "uraia.go.ke".into();
        assert!(settings.check(loopback()).is_err());
        settings.public_origin = "https://uraia.go.ke/path".into();
        assert!(settings.check(loopback()).is_err());
    }

    #[test]
    fn a_ussd_token_is_long_and_its_sources_are_addresses() {
        let mut settings = Settings {
            public_origin: "https://uraia.go.ke".into(),
            ..Settings::default()
        };
        settings.ussd.token = "short".into();
        assert!(settings.check(loopback()).unwrap_err().contains("ussd.token"));
        settings.ussd.token = "t".repeat(32);
        assert_eq!(settings.check(loopback()), Ok(()));
        settings.ussd.sources = vec!["196.201.214.0/24".into(), "gateway".into()];
        assert!(settings.check(loopback()).unwrap_err().contains("gateway"));
    }

    #[test]
    fn links_in_development_point_at_the_listening_address() {
        assert_eq!(Settings::default().origin(loopback()), "http://127.0.0.1:3000");
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
