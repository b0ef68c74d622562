//! Choosing and remembering the language: `/` goes to the language chosen last time (a cookie set whenever a
//! page under `/en/` or `/sw/` is served), else the browser's preference, else English.

use app::i18n::Lang;
use axum::{
    http::{header, HeaderMap, HeaderValue},
    response::{IntoResponse, Redirect, Response},
};

pub const COOKIE: &str = "uraia_lang";

pub async fn root_redirect(headers: HeaderMap) -> impl IntoResponse {
    Redirect::to(&preferred(&headers).href(""))
}

/// `/verify/<code>` (a document's QR code) → `/<lang>/verify/<code>`. Only a well-formed code is carried over, so
/// the redirect cannot be pointed anywhere else.
pub async fn verify_redirect(
    headers: HeaderMap,
    axum::extract::Path(code): axum::extract::Path<String>,
) -> impl IntoResponse {
    let code: String = code.chars().filter(char::is_ascii_alphanumeric).take(16).collect();
    Redirect::to(&preferred(&headers).href(&format!("verify/{code}")))
}

/// The remembered language, else the first of the browser's languages that we speak.
pub fn preferred(headers: &HeaderMap) -> Lang {
    let remembered = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|cookies| cookies.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .and_then(|(_, value)| Lang::parse(value));
    remembered.unwrap_or_else(|| {
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .and_then(|accept| {
                accept
                    .split(',')
                    .filter_map(|tag| tag.split(';').next())
                    .filter_map(|tag| Lang::parse(tag.trim().split('-').next().unwrap_or_default()))
                    .next()
            })
            .unwrap_or_default()
    })
}

/// Remembers the language of a page view in a cookie, for `/` next time.
pub fn remember(lang: Lang, response: &mut Response) {
    let cookie = format!("{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", lang.code());
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(name.clone(), HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn the_remembered_language_wins_over_the_browser() {
        let h = headers(&[
            (header::COOKIE, "a=b; uraia_lang=sw"),
            (header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9"),
        ]);
        assert_eq!(preferred(&h), Lang::Sw);
    }

    #[test]
    fn the_browser_preference_is_used_when_nothing_is_remembered() {
        assert_eq!(
            preferred(&headers(&[(header::ACCEPT_LANGUAGE, "sw-KE,sw;q=0.9,en;q=0.8")])),
            Lang::Sw
        );
        assert_eq!(
            preferred(&headers(&[(header::ACCEPT_LANGUAGE, "fr-FR,en;q=0.5")])),
            Lang::En
        );
        assert_eq!(preferred(&headers(&[(header::ACCEPT_LANGUAGE, "fr-FR")])), Lang::En);
        assert_eq!(preferred(&HeaderMap::new()), Lang::En);
    }

    #[test]
    fn a_forged_cookie_value_is_ignored() {
        assert_eq!(
            preferred(&headers(&[(header::COOKIE, "uraia_lang=<script>")])),
            Lang::En
        );
    }
}
