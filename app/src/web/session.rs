//! Browser sessions, kept in the database so that several server processes share them.
//!
//! A session exists from a browser's first form post (it holds a registration draft, a pending second step or a
//! message to show once) and becomes signed in after the second step. The cookie carries a 256-bit token; the table
//! keeps only its hash, so a leaked table signs nobody in. Written here rather than with tower-sessions because its
//! sqlx stores take a SqlitePool or a PgPool, not our AnyPool, keep ids in clear, and cannot use the test clock.

use std::collections::BTreeMap;

use http::HeaderMap;
use leptos_axum::ResponseOptions;
use serde::{Deserialize, Serialize};
use sqlx::Row;

use super::secrets;
use crate::{error::FieldError, state::AppState};

pub const REMEMBER_SECONDS: i64 = 30 * 86_400;
/// The cookie that marks a remembered browser (its token's hash is in `trusted_devices`).
pub const DEVICE_COOKIE: &str = "uraia_device";
pub const SESSION_COOKIE: &str = "uraia_session";
/// A draft survives a lost connection or a night's sleep, not longer.
const ANONYMOUS_IDLE_SECONDS: i64 = 86_400;
/// Sliding expiry is written back at most this often, not on every request.
const TOUCH_EVERY_SECONDS: i64 = 60;

/// Answers to show again with their errors after a form post (never a password).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Flash {
    pub form: String,
    pub values: BTreeMap<String, String>,
    pub errors: Vec<FieldError>,
}

/// What a feature keeps in the session between requests (a registration draft, a pending second step), under a
/// key of its own. Features define their entries; the session only stores them, so it knows no feature.
pub trait Entry: Serialize + serde::de::DeserializeOwned {
    const KEY: &'static str;
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionData {
    pub flash: Option<Flash>,
    /// A success message (translation key) for the next page.
    pub notice: Option<String>,
    /// Feature entries by their key, as JSON.
    entries: BTreeMap<String, serde_json::Value>,
    /// Signed in as a member of NTSA's staff: the session lasts at most `STAFF_MAX_HOURS`.
    pub staff: bool,
}

/// A staff member's session ends this long after sign-in, whatever the citizens' limit.
pub const STAFF_MAX_HOURS: u64 = 8;

impl SessionData {
    /// The feature's entry, if the session holds one (an entry from an older shape reads as none).
    pub fn get<T: Entry>(&self) -> Option<T> {
        self.entries
            .get(T::KEY)
            .and_then(|value| serde_json::from_value(value.clone()).ok())
    }

    pub fn set<T: Entry>(&mut self, entry: &T) {
        if let Ok(value) = serde_json::to_value(entry) {
            self.entries.insert(T::KEY.to_string(), value);
        }
    }

    pub fn remove<T: Entry>(&mut self) {
        self.entries.remove(T::KEY);
    }
}

#[derive(Debug)]
pub struct Session {
    id_hash: String,
    /// Set when the cookie must be (re)sent: a new or rotated session.
    new_token: Option<String>,
    persisted: bool,
    /// When the session began: for a signed-in one, the sign-in (the 12-hour limit runs from it).
    created_at: i64,
    pub account_id: Option<String>,
    /// The browser, as the list of signed-in browsers names it.
    label: String,
    pub data: SessionData,
}

pub fn cookie_name(state: &AppState, base: &str) -> String {
    // `__Host-` binds the cookie to this exact host over TLS: no subdomain can set or read it.
    if state.settings.serves_tls() {
        format!("__Host-{base}")
    } else {
        base.to_string()
    }
}

/// The value of cookie `name` in a request's headers.
pub fn read_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
}

/// Sets (or with `max_age` 0, removes) a cookie: HttpOnly, SameSite=Lax, Secure over TLS. `max_age` None: it ends
/// with the browser.
pub fn set_cookie(state: &AppState, response: &ResponseOptions, name: &str, value: &str, max_age: Option<i64>) {
    let secure = if state.settings.serves_tls() { "; Secure" } else { "" };
    let age = max_age.map(|s| format!("; Max-Age={s}")).unwrap_or_default();
    let cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax{secure}{age}");
    if let Ok(value) = http::HeaderValue::from_str(&cookie) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

/// A session's name on a page: a hash of its stored hash, so the page never shows what the table keys on.
pub fn public_id(id_hash: &str) -> String {
    secrets::hash(id_hash)[..24].to_string()
}

impl Session {
    /// The request's live session, or a new empty one (saved only if something is put in it).
    pub async fn load(state: &AppState, headers: &HeaderMap) -> anyhow::Result<Session> {
        let now = state.clock.now();
        if let Some(token) = read_cookie(headers, &cookie_name(state, SESSION_COOKIE)) {
            let id_hash = secrets::hash(&token);
            let row = sqlx::query(
                "SELECT account_id, data, label, created_at, last_seen_at FROM sessions \
                 WHERE id_hash = $1 AND expires_at > $2",
            )
            .bind(&id_hash)
            .bind(now)
            .fetch_optional(&state.pool)
            .await?;
            if let Some(row) = row {
                let session = Session {
                    id_hash,
                    new_token: None,
                    persisted: true,
                    created_at: row.try_get("created_at")?,
                    account_id: row.try_get("account_id")?,
                    label: row.try_get("label")?,
                    data: serde_json::from_str(&row.try_get::<String, _>("data")?).unwrap_or_default(),
                };
                if now - row.try_get::<i64, _>("last_seen_at")? > TOUCH_EVERY_SECONDS {
                    session.touch(state, now).await?;
                }
                return Ok(session);
            }
        }
        let token = secrets::token();
        Ok(Session {
            id_hash: secrets::hash(&token),
            new_token: Some(token),
            persisted: false,
            created_at: now,
            account_id: None,
            label: String::new(),
            data: SessionData::default(),
        })
    }

    /// A signed-in session: 30 idle minutes, and never more than 12 hours after sign-in (8 for staff; a remembered
    /// device skips the code at the next sign-in, never the password). Anonymous: a day.
    fn expires_at(&self, state: &AppState, now: i64) -> i64 {
        let security = &state.settings.security;
        if self.account_id.is_some() {
            let idle = now + security.session_idle_minutes as i64 * 60;
            let hours = if self.data.staff {
                security.session_max_hours.min(STAFF_MAX_HOURS)
            } else {
                security.session_max_hours
            };
            idle.min(self.created_at + hours as i64 * 3_600)
        } else {
            now + ANONYMOUS_IDLE_SECONDS
        }
    }

    async fn touch(&self, state: &AppState, now: i64) -> anyhow::Result<()> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE id_hash = $3")
            .bind(now)
            .bind(self.expires_at(state, now))
            .bind(&self.id_hash)
            .execute(&state.pool)
            .await?;
        Ok(())
    }

    /// Writes the session, and sends the cookie if it is new.
    pub async fn save(&mut self, state: &AppState, response: &ResponseOptions) -> anyhow::Result<()> {
        let now = state.clock.now();
        let data = serde_json::to_string(&self.data)?;
        let expires_at = self.expires_at(state, now);
        if self.persisted {
            sqlx::query(
                "UPDATE sessions SET account_id = $1, data = $2, label = $3, last_seen_at = $4, expires_at = $5 \
                 WHERE id_hash = $6",
            )
            .bind(&self.account_id)
            .bind(&data)
            .bind(&self.label)
            .bind(now)
            .bind(expires_at)
            .bind(&self.id_hash)
            .execute(&state.pool)
            .await?;
        } else {
            sqlx::query(
                "INSERT INTO sessions (id_hash, account_id, data, label, created_at, last_seen_at, expires_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(&self.id_hash)
            .bind(&self.account_id)
            .bind(&data)
            .bind(&self.label)
            .bind(self.created_at)
            .bind(now)
            .bind(expires_at)
            .execute(&state.pool)
            .await?;
            self.persisted = true;
        }
        if let Some(token) = self.new_token.take() {
            // A session cookie: it ends with the browser.
            set_cookie(state, response, &cookie_name(state, SESSION_COOKIE), &token, None);
        }
        Ok(())
    }

    /// Signs in: a new session id (so a session fixed by an attacker before sign-in is worthless), the old row
    /// gone. Every feature entry (a draft, a pending step) is dropped; a notice for the next page is kept.
    pub async fn sign_in(&mut self, state: &AppState, account_id: &str, label: String) -> anyhow::Result<()> {
        self.renew(state).await?;
        self.account_id = Some(account_id.to_string());
        self.label = label;
        Ok(())
    }

    /// Signs out: the row is deleted; the browser carries on with a fresh, empty session.
    pub async fn sign_out(&mut self, state: &AppState) -> anyhow::Result<()> {
        self.renew(state).await
    }

    /// Replaces this session with a new id and no account, dropping the old row.
    async fn renew(&mut self, state: &AppState) -> anyhow::Result<()> {
        if self.persisted {
            sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
                .bind(&self.id_hash)
                .execute(&state.pool)
                .await?;
            self.persisted = false;
        }
        let token = secrets::token();
        self.id_hash = secrets::hash(&token);
        self.new_token = Some(token);
        self.created_at = state.clock.now();
        self.account_id = None;
        self.label = String::new();
        self.data = SessionData {
            notice: self.data.notice.take(),
            ..SessionData::default()
        };
        Ok(())
    }

    /// The name of this session on the page that lists signed-in browsers.
    pub fn public_id(&self) -> String {
        public_id(&self.id_hash)
    }

    /// Which session this is, as `Caller::session` carries it to a service.
    pub fn id_hash(&self) -> &str {
        &self.id_hash
    }
}

/// Ends every session of an account but `keep` (after a password change), in the caller's transaction.
pub async fn end_others(conn: &mut sqlx::AnyConnection, account_id: &str, keep: &str) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND id_hash <> $2")
        .bind(account_id)
        .bind(keep)
        .execute(conn)
        .await?;
    Ok(())
}

/// One live session of an account, as the list of signed-in browsers shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LiveSession {
    pub id_hash: String,
    pub label: String,
    pub created_at: i64,
    pub last_seen_at: i64,
}

/// An account's live sessions, the most recently used first.
pub async fn of_account(pool: &crate::db::Pool, account_id: &str, now: i64) -> anyhow::Result<Vec<LiveSession>> {
    Ok(sqlx::query_as(
        "SELECT id_hash, label, created_at, last_seen_at FROM sessions WHERE account_id = $1 AND expires_at > $2 \
         ORDER BY last_seen_at DESC",
    )
    .bind(account_id)
    .bind(now)
    .fetch_all(pool)
    .await?)
}

/// Ends one session of an account (by its hash), or every one when `id_hash` is `None`.
pub async fn end(conn: &mut sqlx::AnyConnection, account_id: &str, id_hash: Option<&str>) -> anyhow::Result<()> {
    match id_hash {
        Some(id_hash) => {
            sqlx::query("DELETE FROM sessions WHERE id_hash = $1 AND account_id = $2")
                .bind(id_hash)
                .bind(account_id)
                .execute(conn)
                .await?
        }
        None => {
            sqlx::query("DELETE FROM sessions WHERE account_id = $1")
                .bind(account_id)
                .execute(conn)
                .await?
        }
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_keep_typed_entries_under_their_own_keys() {
        #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
        struct Draft {
            step: u8,
        }
        impl Entry for Draft {
            const KEY: &'static str = "draft";
        }
        #[derive(Debug, PartialEq, Serialize, Deserialize)]
        struct Other(String);
        impl Entry for Other {
            const KEY: &'static str = "other";
        }
        let mut data = SessionData::default();
        assert_eq!(data.get::<Draft>(), None);
        data.set(&Draft { step: 3 });
        data.set(&Other("x".into()));
        assert_eq!(data.get::<Draft>(), Some(Draft { step: 3 }));
        data.remove::<Draft>();
        assert_eq!(data.get::<Draft>(), None);
        assert_eq!(data.get::<Other>(), Some(Other("x".into())));
        // Stored as JSON and back, as the sessions table keeps it; a shape that no longer fits reads as none.
        let stored: SessionData = serde_json::from_str(&serde_json::to_string(&data).unwrap()).unwrap();
        assert_eq!(stored.get::<Other>(), Some(Other("x".into())));
        assert_eq!(stored.get::<Draft>(), None);
        let mut odd = SessionData::default();
        odd.entries.insert("draft".into(), serde_json::json!("not a draft"));
        assert_eq!(odd.get::<Draft>(), None);
    }

    #[test]
    fn cookies_are_read_from_any_cookie_header() {
        let mut headers = HeaderMap::new();
        headers.append(http::header::COOKIE, "a=1; uraia_session=abc".parse().unwrap());
        headers.append(http::header::COOKIE, "b=2".parse().unwrap());
        assert_eq!(read_cookie(&headers, "uraia_session").as_deref(), Some("abc"));
        assert_eq!(read_cookie(&headers, "b").as_deref(), Some("2"));
        assert_eq!(read_cookie(&headers, "c"), None);
    }
}
