//! Public pages rendered once and sent many times (issue 15: a page rendered by Leptos cost several times what
//! sending its bytes costs). Only what is the same for every visitor is kept:
//!
//! - the request is a GET of a public page (home, fees, the services and their pages, sign-in, the first steps of
//!   registering and of a password reset) from a browser without a session or any other cookie but the language's;
//! - the response is a whole 200 page that sets no cookie.
//!
//! A page with a session, a flash message or a form's values is never kept: all of those live in the session. A
//! kept page lives a few seconds (fees and services read the database) and gets a fresh CSP nonce each time it is
//! sent, in the header and in every script, so a nonce is never reused.

use std::{sync::Arc, time::Duration};

use axum::{
    body::{Body, Bytes},
    extract::Request,
    http::{header, response::Parts, HeaderMap, HeaderValue, Method, StatusCode},
    response::Response,
};

/// Long enough that a busy page renders once per this time, short enough that a changed fee shows at once.
const LIFETIME: Duration = Duration::from_secs(5);
/// Bytes of pages kept at most (a query string makes a new entry, so the bound matters).
const CAPACITY_BYTES: u64 = 8 * 1024 * 1024;
/// The pages that look the same to every visitor without a session, after the language segment.
const PUBLIC: [&str; 6] = ["", "fees", "services", "login", "register", "reset"];

#[derive(Clone)]
pub struct PageCache {
    pages: mini_moka::sync::Cache<String, Arc<Kept>>,
}

struct Kept {
    headers: HeaderMap,
    body: String,
    nonce: String,
}

impl Default for PageCache {
    fn default() -> Self {
        let pages = mini_moka::sync::Cache::builder()
            .max_capacity(CAPACITY_BYTES)
            .weigher(|key: &String, kept: &Arc<Kept>| (key.len() + kept.body.len()).try_into().unwrap_or(u32::MAX))
            .time_to_live(LIFETIME)
            .build();
        PageCache { pages }
    }
}

/// The key a request's page is kept under, when it may be.
pub fn key(request: &Request) -> Option<String> {
    if request.method() != Method::GET || !only_language_cookie(request.headers()) {
        return None;
    }
    let path = request.uri().path();
    let rest = path.strip_prefix('/')?;
    let (lang, page) = rest.split_once('/').unwrap_or((rest, ""));
    app::i18n::Lang::parse(lang)?;
    let public = PUBLIC.contains(&page) || page.strip_prefix("services/").is_some_and(|code| !code.contains('/'));
    public.then(|| request.uri().to_string())
}

fn only_language_cookie(headers: &HeaderMap) -> bool {
    headers.get_all(header::COOKIE).iter().all(|value| {
        value.to_str().is_ok_and(|cookies| {
            cookies.split(';').filter(|pair| !pair.trim().is_empty()).all(|pair| {
                pair.split_once('=')
                    .is_some_and(|(name, _)| name.trim() == crate::language::COOKIE)
            })
        })
    })
}

impl PageCache {
    /// The kept page for `key`, with a nonce of its own.
    pub fn get(&self, key: &str) -> Option<Response> {
        let kept = self.pages.get(&key.to_string())?;
        let nonce = uuid::Uuid::new_v4().simple().to_string();
        let mut headers = kept.headers.clone();
        if let Some(policy) = headers
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
        {
            let policy = policy.replace(&kept.nonce, &nonce);
            headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_str(&policy).ok()?);
        }
        let mut response = Response::new(Body::from(kept.body.replace(&kept.nonce, &nonce)));
        *response.headers_mut() = headers;
        Some(response)
    }

    /// Keeps a whole page rendered for `key` if it is the same for everyone (see the module's notes).
    pub fn keep(&self, key: String, parts: &Parts, body: &Bytes) {
        if parts.status != StatusCode::OK || parts.headers.contains_key(header::SET_COOKIE) {
            return;
        }
        let Some(nonce) = parts
            .headers
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .and_then(nonce_of)
        else {
            return;
        };
        let Ok(body) = String::from_utf8(body.to_vec()) else {
            return;
        };
        let kept = Kept {
            headers: parts.headers.clone(),
            body,
            nonce: nonce.to_string(),
        };
        self.pages.insert(key, Arc::new(kept));
    }
}

/// The nonce a page's policy names (`'nonce-...'`).
fn nonce_of(policy: &str) -> Option<&str> {
    let rest = policy.split_once("'nonce-")?.1;
    let nonce = rest.split_once('\'')?.0;
    (nonce.len() >= 16).then_some(nonce)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(uri: &str, cookie: Option<&str>) -> Request {
        let mut request = Request::get(uri).body(Body::empty()).unwrap();
        if let Some(cookie) = cookie {
            request
                .headers_mut()
                .insert(header::COOKIE, HeaderValue::from_str(cookie).unwrap());
        }
        request
    }

    #[test]
    fn only_public_pages_of_visitors_without_a_session_are_kept() {
        for uri in [
            "/en",
            "/sw",
            "/en/fees?service=smart-dl",
            "/sw/services",
            "/en/services/transfer",
            "/en/login",
        ] {
            assert_eq!(key(&get(uri, None)).as_deref(), Some(uri), "{uri}");
            assert!(
                key(&get(uri, Some("uraia_lang=sw"))).is_some(),
                "{uri} with the language cookie"
            );
            assert!(
                key(&get(uri, Some("uraia_session=abc"))).is_none(),
                "{uri} with a session"
            );
            assert!(
                key(&get(uri, Some("uraia_lang=sw; uraia_device=x"))).is_none(),
                "{uri} with a device"
            );
        }
        for uri in [
            "/en/dashboard",
            "/en/register/identity",
            "/en/verify/ABC",
            "/en/applications/1",
            "/pkg/x.css",
            "/xx",
        ] {
            assert!(key(&get(uri, None)).is_none(), "{uri}");
        }
        let post = Request::post("/en").body(Body::empty()).unwrap();
        assert!(key(&post).is_none());
    }

    #[tokio::test]
    async fn a_kept_page_gets_a_fresh_nonce_everywhere() {
        let cache = PageCache::default();
        let old = "0123456789abcdef0123";
        let (mut parts, _) = Response::new(Body::empty()).into_parts();
        parts.headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&format!("script-src 'self' 'nonce-{old}'")).unwrap(),
        );
        let body = Bytes::from(format!(
            "<script nonce=\"{old}\">x</script><link crossorigin=\"{old}\">"
        ));
        cache.keep("/en".into(), &parts, &body);
        let sent = cache.get("/en").expect("kept");
        let policy = sent.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .to_string();
        let nonce = nonce_of(&policy).unwrap().to_string();
        assert_ne!(nonce, old);
        let sent = axum::body::to_bytes(sent.into_body(), usize::MAX).await.unwrap();
        assert_eq!(
            String::from_utf8(sent.to_vec()).unwrap(),
            format!("<script nonce=\"{nonce}\">x</script><link crossorigin=\"{nonce}\">")
        );
        let again = cache.get("/en").unwrap();
        assert_ne!(
            again.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap(),
            policy,
            "never reused"
        );

        // A page that sets a cookie, or is not a 200, is not kept.
        parts
            .headers
            .insert(header::SET_COOKIE, HeaderValue::from_static("uraia_session=x"));
        cache.keep("/en/fees".into(), &parts, &body);
        assert!(cache.get("/en/fees").is_none());
    }
}
