//! A browser stand-in for server tests: keeps cookies, posts forms the way a browser without JavaScript does
//! (url-encoded, same Origin), and reads the outbox.

use std::collections::BTreeMap;

use axum::{body::Body, http::Request};
use sqlx::Row;

pub use super::people::*;
use super::{TestApp, TestResponse};

pub struct Browser<'a> {
    pub app: &'a TestApp,
    cookies: BTreeMap<String, String>,
    pub user_agent: String,
    /// The connecting address (a real server's ConnectInfo); None: unknown, as with `oneshot`.
    pub peer: Option<std::net::SocketAddr>,
    /// More headers for every request (X-Forwarded-For, a forged Host, ...).
    pub extra: Vec<(&'static str, String)>,
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Browser<'a> {
        Browser {
            app,
            cookies: BTreeMap::new(),
            user_agent: "Mozilla/5.0 (Linux; Android 13) Chrome/120.0 Mobile Safari/537.36".into(),
            peer: None,
            extra: vec![],
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep_cookies(&mut self, response: &TestResponse) {
        for value in response.headers.get_all("set-cookie") {
            let text = value.to_str().unwrap_or_default();
            let (pair, attributes) = text.split_once(';').unwrap_or((text, ""));
            if let Some((name, value)) = pair.split_once('=') {
                if attributes.contains("Max-Age=0") || value.is_empty() {
                    self.cookies.remove(name);
                } else {
                    self.cookies.insert(name.to_string(), value.to_string());
                }
            }
        }
    }

    /// Its cookies (a signed-in session), to carry to a task of its own (`with_cookies`).
    pub fn cookies(&self) -> BTreeMap<String, String> {
        self.cookies.clone()
    }

    pub fn with_cookies(app: &'a TestApp, cookies: BTreeMap<String, String>) -> Browser<'a> {
        Browser {
            cookies,
            ..Browser::new(app)
        }
    }

    pub fn cookie(&self, name: &str) -> Option<&String> {
        self.cookies.get(name)
    }

    /// The request a form post would send, without sending it (for parallel requests).
    pub fn form_request(&self, path: &str, form: &[(&str, &str)]) -> Request<Body> {
        let body = form
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        // The page the form was on is the site's own (its public origin).
        let origin = self.app.origin();
        let request = Request::post(path)
            .header("host", "localhost")
            .header("origin", origin)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("content-length", body.len())
            .header("accept", "text/html")
            .header("cookie", self.cookie_header())
            .header("user-agent", &self.user_agent)
            .body(Body::from(body))
            .unwrap();
        self.dress(request)
    }

    pub fn forget_cookie(&mut self, name: &str) {
        self.cookies.remove(name);
    }

    /// Adds what every request of this browser carries: its peer address and extra headers.
    fn dress(&self, mut request: Request<Body>) -> Request<Body> {
        if let Some(peer) = self.peer {
            request.extensions_mut().insert(axum::extract::ConnectInfo(peer));
        }
        for (name, value) in &self.extra {
            request.headers_mut().insert(*name, value.parse().unwrap());
        }
        request
    }

    pub async fn get(&mut self, path: &str) -> TestResponse {
        let request = Request::get(path)
            .header("host", "localhost")
            .header("cookie", self.cookie_header())
            .header("user-agent", &self.user_agent)
            .body(Body::empty())
            .unwrap();
        let response = self.app.send(self.dress(request)).await;
        self.keep_cookies(&response);
        response
    }

    /// Posts a form to a server function (`/api/...`) as a browser without JavaScript does.
    pub async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> TestResponse {
        let response = self.app.send(self.form_request(path, form)).await;
        self.keep_cookies(&response);
        response
    }

    /// Posts a file as a browser's multipart form does. `declared`: send a Content-Length (a browser always
    /// does); without it the body arrives as a stream of unknown length.
    pub async fn upload(&mut self, path: &str, filename: &str, bytes: &[u8], declared: bool) -> TestResponse {
        self.upload_field(path, "photo", filename, bytes, declared).await
    }

    /// `upload` in the form field `field`.
    pub async fn upload_field(
        &mut self,
        path: &str,
        field: &str,
        filename: &str,
        bytes: &[u8],
        declared: bool,
    ) -> TestResponse {
        let boundary = "----uraia-test-boundary-7MA4YWxkTrZu0gW";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\n\
             Content-Type: image/jpeg\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend(format!("\r\n--{boundary}--\r\n").into_bytes());
        let mut request = Request::post(path)
            .header("host", "localhost")
            .header("origin", "http://localhost")
            .header("content-type", format!("multipart/form-data; boundary={boundary}"))
            .header("accept", "text/html")
            .header("cookie", self.cookie_header())
            .header("user-agent", &self.user_agent);
        let body = if declared {
            request = request.header("content-length", body.len());
            Body::from(body)
        } else {
            let chunks: Vec<Result<Vec<u8>, std::io::Error>> = body.chunks(64 * 1024).map(|c| Ok(c.to_vec())).collect();
            Body::from_stream(futures_util::stream::iter(chunks))
        };
        let response = self.app.send(self.dress(request.body(body).unwrap())).await;
        self.keep_cookies(&response);
        response
    }

    /// Posts and follows the redirect, returning the page it lands on and its address.
    pub async fn submit(&mut self, path: &str, form: &[(&str, &str)]) -> (String, TestResponse) {
        self.try_submit(path, form).await.unwrap_or_else(|why| panic!("{why}"))
    }

    /// `submit`, saying what came instead of a redirect.
    pub async fn try_submit(&mut self, path: &str, form: &[(&str, &str)]) -> Result<(String, TestResponse), String> {
        let response = self.post(path, form).await;
        let location = response.header("location").to_string();
        if !response.status.is_redirection() || location.is_empty() {
            return Err(format!(
                "{path}: expected a redirect, got {} {}",
                response.status,
                &response.body[..response.body.len().min(300)]
            ));
        }
        let page = self.get(&location).await;
        Ok((location, page))
    }

    /// GETs `path` and follows redirects (a page's redirect is a Location header; browsers asking for HTML also
    /// get a 302); the address it lands on and the page.
    pub async fn visit(&mut self, path: &str) -> (String, TestResponse) {
        let mut at = path.to_string();
        for _ in 0..5 {
            let page = self.get(&at).await;
            if page.header("location").is_empty() {
                return (at, page);
            }
            at = page.header("location").to_string();
        }
        panic!("too many redirects from {path}");
    }

    /// Posts and follows every redirect.
    pub async fn follow(&mut self, path: &str, form: &[(&str, &str)]) -> (String, TestResponse) {
        let response = self.post(path, form).await;
        assert!(
            response.status.is_redirection(),
            "{path}: {} {}",
            response.status,
            response.body
        );
        let location = response.header("location").to_string();
        self.visit(&location).await
    }
}

/// The signed-in person behind the account with `email`, as a service sees them.
pub async fn signed_in(app: &TestApp, email: &str) -> app::web::guard::SignedIn {
    let (id, id_number, first_name, phone, account_type): (String, String, String, String, String) =
        sqlx::query_as("SELECT id, id_number, first_name, phone, account_type FROM accounts WHERE email = $1")
            .bind(email)
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    app::web::guard::SignedIn {
        id: app::ids::AccountId::from_stored(id),
        account_type: app::account_type::AccountType::parse(&account_type).unwrap(),
        id_number,
        first_name,
        phone: app::ids::PhoneNumber::from_stored(phone),
    }
}

/// The number a `SELECT COUNT(*) ...` gives.
pub async fn count(app: &TestApp, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&app.state.pool).await.unwrap();
    n
}

pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The newest message to `recipient`, its body.
pub async fn last_message(app: &TestApp, recipient: &str) -> String {
    sqlx::query("SELECT body FROM outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1")
        .bind(recipient)
        .fetch_one(&app.state.pool)
        .await
        .map(|row| row.get::<String, _>("body"))
        .unwrap_or_default()
}

pub async fn messages_to(app: &TestApp, recipient: &str) -> Vec<String> {
    sqlx::query("SELECT body FROM outbox WHERE recipient = $1 ORDER BY id")
        .bind(recipient)
        .fetch_all(&app.state.pool)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.get::<String, _>("body"))
        .collect()
}

/// The six-digit code in a message.
pub fn code_in(body: &str) -> String {
    body.split(|c: char| !c.is_ascii_digit())
        .find(|part| part.len() == 6)
        .unwrap_or_else(|| panic!("no code in {body}"))
        .to_string()
}

/// The link's token in a message.
pub fn token_in(body: &str) -> String {
    let start = body.find("token=").expect("a link") + 6;
    body[start..].chars().take_while(char::is_ascii_hexdigit).collect()
}

/// The error messages a page shows (its error summary's links), in order.
pub fn errors(body: &str) -> Vec<String> {
    let Some(start) = body.find("error-summary__list") else {
        return vec![];
    };
    body[start..]
        .split("<a href=\"#")
        .skip(1)
        .map(|part| {
            part.split_once('>')
                .map(|(_, rest)| rest.split('<').next().unwrap_or_default())
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

/// The page's `<main>`: what the reader sees, without the per-response nonce.
pub fn main(body: &str) -> &str {
    let start = body.find("<main").expect("a main element");
    let end = body.find("</main>").expect("a main element");
    &body[start..end]
}
