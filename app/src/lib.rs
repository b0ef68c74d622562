//! Uraia: e-Citizen and NTSA services for Kenyan motorists. The shared half of the app: pages, widgets and server
//! functions, compiled for the server (`ssr`) and for the browser (`hydrate`).
#![recursion_limit = "256"]

pub mod error;
pub mod fees;
pub mod i18n;
pub mod pages;
pub mod site;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod settings;
#[cfg(feature = "ssr")]
mod shell;
#[cfg(feature = "ssr")]
pub mod state;

#[cfg(feature = "ssr")]
pub use shell::shell;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    path, SsrMode,
};

use crate::pages::{FeesPage, HomePage, Layout, NotFoundPage};

/// The router. Every page lives under a language prefix (`/en/...`, `/sw/...`, as on the real portal); `/` is
/// redirected by the server to the remembered or preferred language.
///
/// The router runs on the server only (islands mode): every link is an ordinary page load.
///
/// Pages render with `SsrMode::Async`: the whole page, data included, arrives as plain HTML, so it works with
/// JavaScript off and on a slow link nothing pops in later.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <ParentRoute path=path!("/:lang") view=Layout ssr=SsrMode::Async>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("fees") view=FeesPage ssr=SsrMode::Async />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
