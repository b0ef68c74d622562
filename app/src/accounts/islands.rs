//! The accounts' interactive parts, hydrated in the browser. They get their words translated as props, so no
//! translation code ships to the browser; without JavaScript the server-rendered form works the same.

use leptos::{html, prelude::*};
use serde::{Deserialize, Serialize};

use super::domain::password_strength;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PasswordLabels {
    pub show: String,
    pub hide: String,
    /// "Password strength" and the four levels, weakest first.
    pub strength: String,
    pub levels: [String; 4],
}

/// Wraps password fields: a Show/Hide button for all of them and a strength hint for the one named `password`.
/// Both stay hidden until the code runs, since they cannot work without it.
#[island(lazy)]
pub fn PasswordHelp(labels: PasswordLabels, children: Children) -> impl IntoView {
    let ready = RwSignal::new(false);
    let shown = RwSignal::new(false);
    let strength = RwSignal::new(None::<u8>);
    let wrapper = NodeRef::<html::Div>::new();
    Effect::new(move |_| ready.set(true));
    let toggle = move |_| {
        shown.update(|s| *s = !*s);
        let Some(wrapper) = wrapper.get() else { return };
        let Ok(inputs) = wrapper.query_selector_all("input[autocomplete$='password']") else {
            return;
        };
        for i in 0..inputs.length() {
            use wasm_bindgen::JsCast;
            if let Some(input) = inputs
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.set_type(if shown.get_untracked() { "text" } else { "password" });
            }
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        // Only a new password gets a strength hint, not the one typed to sign in.
        if let Some(input) = input.filter(|i| i.name() == "password" && i.autocomplete() == "new-password") {
            let value = input.value();
            strength.set((!value.is_empty()).then(|| password_strength(&value)));
        }
    };
    crate::island_ready::mark_hydrated(wrapper);
    let (show, hide) = (labels.show.clone(), labels.hide.clone());
    let levels = labels.levels.clone();
    view! {
        <div node_ref=wrapper on:input=on_input>{children()}</div>
        <p class="password-help" hidden=move || !ready.get()>
            <button type="button" class="button button--secondary button--small" aria-pressed=move || shown.get().to_string()
                on:click=toggle>{move || if shown.get() { hide.clone() } else { show.clone() }}</button>
            <span class="password-help__strength" aria-live="polite">
                {move || strength.get().map(|level| format!("{}: {}", labels.strength, levels[level as usize]))}
            </span>
        </p>
    }
}
