//! How long a browser may keep what it was sent (issue 15: a repeat visit on slow 3G costs only the HTML).
//!
//! - Built assets with a content hash in their name (`/pkg/uraia.<hash>.css`, cargo-leptos' `hash-files`, which
//!   names the split wasm chunks the same way; the navigation script, named by the server) never change: a year,
//!   `immutable`, so a browser does not even ask again. A new build has new names.
//! - Other `/pkg` files (a build without hashes, `cargo leptos watch`): `no-cache`, checked with the server each time.
//! - Pages: `no-cache` (kept, but checked before each use); a page for a browser with a session, or one that starts
//!   a session, is `private, no-store`: it may hold a name, an ID number or what was typed into a form, and must not
//!   be shown again from the disk of a shared phone or cyber-café computer after sign-out.

use axum::http::{header, HeaderMap, HeaderValue};

pub const FOREVER: &str = "public, max-age=31536000, immutable";
pub const CHECK: &str = "no-cache";
pub const PERSONAL: &str = "private, no-store";

/// The length of cargo-leptos' hash: MD5 in unpadded URL-safe base64.
const HASH_LEN: usize = 22;

/// Is `name` (a path under `/pkg`) a built asset named by its content, `<stem>.<hash>.<css|js|wasm>`? The
/// brotli and gzip copies are served under the same request path, so they need no rule of their own.
pub fn is_hashed_asset(name: &str) -> bool {
    let mut parts = name.rsplitn(3, '.');
    let (Some(extension), Some(hash), Some(stem)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !stem.is_empty()
        && !stem.contains(['/', '.'])
        && hash.len() == HASH_LEN
        && hash
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && ["css", "js", "wasm"].contains(&extension)
}

/// The policy for a `/pkg` file.
pub fn asset_policy(name: &str) -> HeaderValue {
    HeaderValue::from_static(if is_hashed_asset(name) { FOREVER } else { CHECK })
}

/// The policy for a page: personal when the request came with a session cookie or the response sets one
/// (`session_cookie` is the cookie's name as this deployment spells it).
pub fn page_policy(with_session: bool, response: &HeaderMap, session_cookie: &str) -> HeaderValue {
    let prefix = format!("{session_cookie}=");
    let starts = response
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|value| value.as_bytes().starts_with(prefix.as_bytes()));
    HeaderValue::from_static(if with_session || starts { PERSONAL } else { CHECK })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_with_a_content_hash_are_kept_for_good() {
        let hash = "Ab3_-xYz0123456789abcd";
        for name in [
            format!("uraia.{hash}.css"),
            format!("uraia.{hash}.js"),
            format!("uraia.{hash}.wasm"),
            format!("__wasm_split.{hash}.js"),
            format!("navigation.{hash}.js"),
        ] {
            assert!(is_hashed_asset(&name), "{name}");
            assert_eq!(asset_policy(&name), FOREVER);
        }
        for name in [
            "uraia.css",
            "uraia_bg.wasm",
            "uraia.short.css",
            &format!("uraia.{hash}.txt"),
            &format!("uraia.{hash}.css/x"),
            &format!("a/uraia.{hash}.css"),
            &format!("uraia.v2.{hash}.css"),
            &format!("uraia.{hash}x.css"),
            &format!("uraia.{}.css", "Ab3_-xYz0123456789abc!"),
            &format!(".{hash}.css"),
            "Ab3_-xYz0123456789abcd.css",
        ] {
            assert!(!is_hashed_asset(name), "{name}");
            assert_eq!(asset_policy(name), CHECK);
        }
    }

    #[test]
    fn a_page_with_a_session_is_never_stored() {
        let mut starting = HeaderMap::new();
        starting.insert(
            header::SET_COOKIE,
            HeaderValue::from_static("uraia_session=new; Path=/; HttpOnly"),
        );
        let mut language_only = HeaderMap::new();
        language_only.insert(header::SET_COOKIE, HeaderValue::from_static("uraia_lang=sw; Path=/"));
        let none = HeaderMap::new();
        assert_eq!(page_policy(true, &none, "uraia_session"), PERSONAL);
        assert_eq!(page_policy(false, &starting, "uraia_session"), PERSONAL);
        assert_eq!(page_policy(false, &language_only, "uraia_session"), CHECK);
        assert_eq!(page_policy(false, &none, "uraia_session"), CHECK);
    }
}
