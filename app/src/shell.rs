//! The HTML document around the app, rendered on the server only: language, security policy, assets.

use leptos::{nonce::use_nonce, prelude::*};
use leptos_axum::ResponseOptions;
use leptos_meta::{HashedStylesheet, MetaTags};

use leptos_meta::provide_meta_context;
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    path, SsrMode,
};

use crate::{
    accounts::pages::*,
    applications::{
        self,
        pages::{ApplicationPage, ApplicationStepPage},
    },
    catalogue::{
        self,
        pages::{CataloguePage, ServicePage},
    },
    documents::{
        self,
        pages::{DocumentPage, VerifyPage},
    },
    help::pages::{HelpPage, HelpTopicPage},
    i18n::Lang,
    notices,
    organisations::{
        self,
        pages::{OrganisationJoinPage, OrganisationPage},
    },
    pages::{FeesPage, HomePage, Layout, NotFoundPage},
    payments::{
        self,
        pages::{MpesaWaitPage, PayPage},
    },
    photo::pages::{account_block, dashboard_block, AccountPhotoPage, WelcomePhotoPage},
    reconciliation::pages::ReconciliationPage,
    records,
    refunds::{
        self,
        pages::{MoneyPage, RefundsPage},
    },
    schools::{
        self,
        pages::{SchoolPage, SchoolStudentPage, SchoolsPage},
    },
    services::driving_test::pages::unit::{TestDayPage, TestPage},
    services::transfer::{
        self,
        pages::buyer::{TransferAcceptPage, TransferDeclinePage, TransferOfferPage},
    },
    staff::pages::{AuditPage, PeoplePage, QueuePage, StaffApplicationPage},
    support::{
        self,
        pages::{CasePage, ContactPage},
        staff_pages::{CasesPage, StaffCasePage},
    },
    tims::{
        self,
        pages::{TimsCodePage, TimsDetailsPage, TimsPage, TimsProvePage},
    },
};

/// The page shell. Islands mode: the page is HTML from the server and only `#[island]` components load code in
/// the browser, so a slow phone downloads and runs as little as possible and every page works without JavaScript.
///
/// The Content-Security-Policy is set here because only here are the nonce and the
/// reload port (development) known; the server's middleware adds the other security headers.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = use_context::<http::request::Parts>()
        .map(|parts| Lang::from_path(parts.uri.path()))
        .unwrap_or_default();
    let nonce = use_nonce().map(|n| n.to_string()).unwrap_or_default();
    if let Some(response) = use_context::<ResponseOptions>() {
        let policy = content_security_policy(&nonce, &options);
        if let Ok(value) = http::HeaderValue::from_str(&policy) {
            response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
        }
    }
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#0b3d2e" />
                <HashedStylesheet options=options.clone() />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                {watching().then(|| view! { <AutoReload options=options.clone() /> })}
                <HydrationScripts options islands=true />
                <script id="uraia-navigation" src=NAVIGATION.path.as_str() nonce=nonce.clone() defer />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Pages swap in place where JavaScript runs: `navigation.js`, sent without its comment lines as a file of its
/// own, named by its content (`/pkg/navigation.<hash>.js`) so that a browser downloads it once and keeps it for
/// good (`caching`), instead of receiving it inside every page (1.7 KB of every page view on slow 3G). The server
/// serves it from here: the name changes only when the script does.
pub struct NavigationScript {
    /// Its address, under `/pkg`.
    pub path: String,
    pub body: String,
}

pub static NAVIGATION: std::sync::LazyLock<NavigationScript> = std::sync::LazyLock::new(|| {
    use base64::Engine;
    use sha2::Digest;
    let body = include_str!("navigation.js")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    // 16 bytes of the digest in unpadded URL-safe base64: 22 characters, as in the names cargo-leptos gives.
    let digest = sha2::Sha256::digest(body.as_bytes());
    let hash = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..16]);
    NavigationScript {
        path: format!("/pkg/navigation.{hash}.js"),
        body,
    }
});

/// No inline script runs without the page's nonce; wasm may compile; nothing may frame the page.
pub fn content_security_policy(nonce: &str, options: &LeptosOptions) -> String {
    let reload = if watching() {
        format!(" ws://127.0.0.1:{0} ws://localhost:{0}", options.reload_port)
    } else {
        String::new()
    };
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data: blob:; font-src 'self'; connect-src 'self'{reload}; form-action 'self'; \
         frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    )
}

/// True under `cargo leptos watch`, which reloads the page when the code changes. Read once: reading the
/// environment takes a process-wide lock, and this was asked twice per page.
fn watching() -> bool {
    static WATCHING: std::sync::LazyLock<bool> = std::sync::LazyLock::new(|| std::env::var("LEPTOS_WATCH").is_ok());
    *WATCHING
}

/// The router. Every page lives under a language prefix (`/en/...`, `/sw/...`, as on the real portal); `/` is
/// redirected by the server to the remembered or preferred language.
///
/// The router runs on the server only (islands mode): every link is an ordinary page load, every form an ordinary
/// post. Pages render with `SsrMode::Async`: the whole page, data included, arrives as plain HTML, so it works with
/// JavaScript off and on a slow link nothing pops in later.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let a = SsrMode::Async;
    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <ParentRoute path=path!("/:lang") view=Layout ssr=a.clone()>
                    <Route path=path!("") view=HomePage ssr=a.clone() />
                    <Route path=path!("fees") view=FeesPage ssr=a.clone() />
                    <Route path=path!("performance") view=crate::performance::pages::PerformancePage ssr=a.clone() />
                    <Route path=path!("services") view=CataloguePage ssr=a.clone() />
                    <Route path=path!("services/:code") view=ServicePage ssr=a.clone() />
                    <Route path=path!("applications/:id") view=|| view! { <ApplicationPage blocks=&[payments::pages::credits_block, refunds::pages::application_block, documents::pages::application_block] /> } ssr=a.clone() />
                    <Route path=path!("applications/:id/pay") view=PayPage ssr=a.clone() />
                    <Route path=path!("applications/:id/pay/mpesa/:request") view=MpesaWaitPage ssr=a.clone() />
                    <Route path=path!("applications/:id/:step") view=ApplicationStepPage ssr=a.clone() />
                    <Route path=path!("documents/:code") view=DocumentPage ssr=a.clone() />
                    <Route path=path!("transfers/:id") view=TransferOfferPage ssr=a.clone() />
                    <Route path=path!("transfers/:id/accept") view=TransferAcceptPage ssr=a.clone() />
                    <Route path=path!("transfers/:id/decline") view=TransferDeclinePage ssr=a.clone() />
                    <Route path=path!("tims") view=TimsPage ssr=a.clone() />
                    <Route path=path!("tims/prove") view=TimsProvePage ssr=a.clone() />
                    <Route path=path!("tims/code") view=TimsCodePage ssr=a.clone() />
                    <Route path=path!("tims/details") view=TimsDetailsPage ssr=a.clone() />
                    <Route path=path!("register") view=RegisterTypePage ssr=a.clone() />
                    <Route path=path!("register/identity") view=RegisterIdentityPage ssr=a.clone() />
                    <Route path=path!("register/contact") view=RegisterContactPage ssr=a.clone() />
                    <Route path=path!("register/password") view=RegisterPasswordPage ssr=a.clone() />
                    <Route path=path!("register/terms") view=RegisterTermsPage ssr=a.clone() />
                    <Route path=path!("register/check") view=RegisterCheckPage ssr=a.clone() />
                    <Route path=path!("verify/email") view=VerifyEmailPage ssr=a.clone() />
                    <Route path=path!("verify/email/confirm") view=ConfirmEmailPage ssr=a.clone() />
                    <Route path=path!("verify/phone") view=VerifyPhonePage ssr=a.clone() />
                    // A document's public check; after the account's verify pages, which the router tries first.
                    <Route path=path!("verify") view=VerifyPage ssr=a.clone() />
                    <Route path=path!("verify/:code") view=VerifyPage ssr=a.clone() />
                    <Route path=path!("login") view=SignInPage ssr=a.clone() />
                    <Route path=path!("login/code") view=SignInCodePage ssr=a.clone() />
                    <Route path=path!("reset") view=ResetPage ssr=a.clone() />
                    <Route path=path!("reset/code") view=ResetCodePage ssr=a.clone() />
                    <Route path=path!("reset/password") view=ResetPasswordPage ssr=a.clone() />
                    // The photo feature's blocks are passed in: accounts does not import photo, which imports it.
                    <Route path=path!("messages") view=|| view! { <notices::MessagesPage blocks=&[support::pages::messages_block] /> } ssr=a.clone() />
                    <Route path=path!("help") view=HelpPage ssr=a.clone() />
                    <Route path=path!("help/:code") view=HelpTopicPage ssr=a.clone() />
                    <Route path=path!("contact") view=ContactPage ssr=a.clone() />
                    <Route path=path!("contact/:reference") view=CasePage ssr=a.clone() />
                    <Route path=path!("staff/cases") view=CasesPage ssr=a.clone() />
                    <Route path=path!("staff/cases/:reference") view=StaffCasePage ssr=a.clone() />
                    <Route path=path!("organisations/:pin") view=OrganisationPage ssr=a.clone() />
                    <Route path=path!("organisations/:pin/join") view=OrganisationJoinPage ssr=a.clone() />
                    <Route path=path!("schools") view=SchoolsPage ssr=a.clone() />
                    <Route path=path!("schools/:pin") view=SchoolPage ssr=a.clone() />
                    <Route path=path!("schools/:pin/students/:id") view=SchoolStudentPage ssr=a.clone() />
                    <Route path=path!("staff") view=QueuePage ssr=a.clone() />
                    <Route path=path!("staff/applications/:id") view=StaffApplicationPage ssr=a.clone() />
                    <Route path=path!("staff/audit") view=AuditPage ssr=a.clone() />
                    <Route path=path!("staff/people") view=PeoplePage ssr=a.clone() />
                    <Route path=path!("staff/refunds") view=RefundsPage ssr=a.clone() />
                    <Route path=path!("staff/money") view=MoneyPage ssr=a.clone() />
                    <Route path=path!("staff/tests") view=TestDayPage ssr=a.clone() />
                    <Route path=path!("staff/tests/:id") view=TestPage ssr=a.clone() />
                    <Route path=path!("staff/reconciliation") view=ReconciliationPage ssr=a.clone() />
                    <Route path=path!("staff/statistics") view=crate::statistics::pages::StatisticsPage ssr=a.clone() />
                    <Route path=path!("dashboard") view=|| view! { <DashboardPage blocks=&[organisations::pages::dashboard_block, records::pages::dashboard_block, schools::pages::dashboard_block, transfer::pages::buyer::dashboard_block, tims::pages::dashboard_block, applications::pages::dashboard_block, notices::dashboard_block, catalogue::pages::dashboard_block, dashboard_block] /> } ssr=a.clone() />
                    <Route path=path!("account") view=|| view! { <AccountPage blocks=&[account_block, crate::ussd::pages::account_block, crate::reminders::pages::account_block] /> } ssr=a.clone() />
                    <Route path=path!("account/ussd") view=crate::ussd::pages::UssdPinPage ssr=a.clone() />
                    <Route path=path!("account/photo") view=AccountPhotoPage ssr=a.clone() />
                    <Route path=path!("account/confirm") view=ConfirmChangePage ssr=a.clone() />
                    <Route path=path!("welcome/photo") view=WelcomePhotoPage ssr=a.clone() />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
