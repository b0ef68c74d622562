//! The accounts' interactive parts, hydrated in the browser. Their words come translated in the page, so no
//! translation code ships to the browser; without JavaScript the server-rendered form works the same.

use leptos::{html, prelude::*};

use super::domain::password_strength;

#[derive(Debug, Clone, PartialEq)]
pub struct PasswordLabels {
    pub show: String,
    pub hide: String,
    /// "Password strength" and the four levels, weakest first.
    pub strength: String,
    pub levels: [String; 4],
}

/// Wraps password fields: a Show/Hide button for all of them and a strength hint for the one named `password`.
/// Both stay hidden until the code runs, since they cannot work without it.
///
/// The words are written into the page (data attributes) rather than passed to the island as props: an island with
/// props decodes them with serde_json, and that decoder (with the float formatting its error messages link) was
/// the largest part of the code the sign-in page downloads.
#[component]
pub fn PasswordHelp(labels: PasswordLabels, children: Children) -> impl IntoView {
    let [short, weak, fair, strong] = labels.levels;
    let (show, button) = (labels.show.clone(), labels.show);
    view! {
        <PasswordHelpCode>
            {children()}
            <p class="password-help" hidden=true data-show=show data-hide=labels.hide
                data-strength=labels.strength data-short=short data-weak=weak data-fair=fair data-strong=strong>
                <button type="button" class="button button--secondary button--small" aria-pressed="false">
                    {button}
                </button>
                <span class="password-help__strength" aria-live="polite"></span>
            </p>
        </PasswordHelpCode>
    }
}

/// What [`PasswordHelp`] does in the browser: shows its line once running, and answers the button and typing.
#[island(lazy)]
fn PasswordHelpCode(children: Children) -> impl IntoView {
    let wrapper = NodeRef::<html::Div>::new();
    // The help's line (server-rendered inside the children) and one of its words.
    let help = move || {
        wrapper
            .get()
            .and_then(|w| w.query_selector(".password-help").ok().flatten())
    };
    let word = move |name: &str| help().and_then(|p| p.get_attribute(name)).unwrap_or_default();
    Effect::new(move |_| {
        if let Some(help) = help() {
            let _ = help.remove_attribute("hidden");
        }
    });
    let on_click = move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest(".password-help button").ok().flatten());
        let (Some(button), Some(wrapper)) = (button, wrapper.get()) else {
            return;
        };
        let shown = button.get_attribute("aria-pressed").as_deref() != Some("true");
        let _ = button.set_attribute("aria-pressed", if shown { "true" } else { "false" });
        button.set_text_content(Some(&word(if shown { "data-hide" } else { "data-show" })));
        let Ok(inputs) = wrapper.query_selector_all("input[autocomplete$='password']") else {
            return;
        };
        for i in 0..inputs.length() {
            if let Some(input) = inputs
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.set_type(if shown { "text" } else { "password" });
            }
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        // Only a new password gets a strength hint, not the one typed to sign in.
        let Some(input) = input.filter(|i| i.name() == "password" && i.autocomplete() == "new-password") else {
            return;
        };
        let Some(hint) = help().and_then(|p| p.query_selector(".password-help__strength").ok().flatten()) else {
            return;
        };
        let value = input.value();
        let text = if value.is_empty() {
            String::new()
        } else {
            let level =
                ["data-short", "data-weak", "data-fair", "data-strong"][usize::from(password_strength(&value).min(3))];
            [word("data-strength"), ": ".into(), word(level)].concat()
        };
        hint.set_text_content(Some(&text));
    };
    crate::island_ready::mark_hydrated(wrapper);
    view! { <div node_ref=wrapper on:click=on_click on:input=on_input>{children()}</div> }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn the_help_is_hidden_until_its_code_runs_and_carries_its_words_in_the_page() {
        let labels = PasswordLabels {
            show: "Onyesha nenosiri".into(),
            hide: "Ficha nenosiri".into(),
            strength: "Nguvu ya nenosiri".into(),
            levels: ["fupi mno", "dhaifu", "wastani", "imara"].map(String::from),
        };
        let owner = Owner::new_root(Some(std::sync::Arc::new(hydration_context::SsrSharedContext::new())));
        let html = owner.with(|| view! { <PasswordHelp labels><input name="password" /></PasswordHelp> }.to_html());
        // No props: the island's code needs no JSON decoder.
        assert!(
            html.contains("<leptos-island") && !html.contains("data-props"),
            "{html}"
        );
        assert!(
            html.contains("<p hidden ") && html.contains(r#"class="password-help">"#),
            "{html}"
        );
        for word in [
            r#"data-show="Onyesha nenosiri""#,
            r#"data-hide="Ficha nenosiri""#,
            r#"data-strength="Nguvu ya nenosiri""#,
            r#"data-short="fupi mno""#,
            r#"data-weak="dhaifu""#,
            r#"data-fair="wastani""#,
            r#"data-strong="imara""#,
            r#"aria-pressed="false""#,
            ">Onyesha nenosiri</button>",
        ] {
            assert!(html.contains(word), "{word} in {html}");
        }
        assert!(html.contains(r#"<input name="password""#), "{html}");
    }
}
