//! "Check your phone" with JavaScript: asks the server for the prompt's status every 1.5 seconds and reloads the
//! page when it has changed (the server then shows where things stand). A few hundred bytes of wasm; without JavaScript
//! the page's "Check payment status" button does the same.

use leptos::prelude::*;

/// How often, and for how long: 100 polls, 2.5 minutes (a prompt expires after about a minute; the reconciler
/// settles late ones). At 1.5 s the wait after a payment averages under a second; each poll is one indexed query
/// (the benchmark measures the wait from the callback to the page).
#[cfg(feature = "hydrate")]
const EVERY_MS: u64 = 1_500;
#[cfg(feature = "hydrate")]
const POLLS: u32 = 100;

#[island(lazy)]
pub fn PaymentWatch(status_url: String, note: String) -> impl IntoView {
    let watching = RwSignal::new(false);
    // Effects run in the browser only: the note shows where the page does update itself.
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        watch(status_url.clone());
        #[cfg(not(feature = "hydrate"))]
        let _ = &status_url;
        watching.set(true);
    });
    let hint = NodeRef::<leptos::html::P>::new();
    crate::island_ready::mark_hydrated(hint);
    view! { <p node_ref=hint class="hint" aria-live="polite">{move || watching.get().then(|| note.clone())}</p> }
}

#[cfg(feature = "hydrate")]
fn watch(url: String) {
    use std::{cell::Cell, rc::Rc, time::Duration};

    use wasm_bindgen::{closure::Closure, JsCast};

    let polls = Rc::new(Cell::new(0u32));
    let handle: Rc<Cell<Option<leptos::prelude::IntervalHandle>>> = Rc::default();
    let stop = handle.clone();
    // Pages swap in place (navigation.js): once the reader has gone to another page, this one stops watching.
    let page = || web_sys::window().and_then(|window| window.location().pathname().ok());
    let here = page();
    let tick = move || {
        polls.set(polls.get() + 1);
        if polls.get() > POLLS || page() != here {
            if let Some(handle) = stop.take() {
                handle.clear();
            }
            return;
        }
        let Ok(request) = web_sys::XmlHttpRequest::new() else {
            return;
        };
        if request.open("GET", &url).is_err() {
            return;
        }
        let seen = request.clone();
        let on_load = Closure::once_into_js(move || {
            let status = seen.response_text().ok().flatten().unwrap_or_default();
            if seen.status().unwrap_or(0) == 200 && status != "pending" && status != "sending" {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }
        });
        request.set_onload(Some(on_load.unchecked_ref()));
        let _ = request.send();
    };
    handle.set(leptos::prelude::set_interval_with_handle(tick, Duration::from_millis(EVERY_MS)).ok());
}
