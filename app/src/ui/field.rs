//! Text input and button.

use leptos::prelude::*;

use super::{described_by, group_class, hint_and_error};

/// A labelled text input. The label is the question; the hint says the format; the error says what to fix and sits
/// between them and the box, as GOV.UK does, so a screen reader hears it before typing.
#[component]
pub fn TextInput(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(optional_no_strip)] hint: Option<String>,
    #[prop(optional_no_strip)] error: Option<String>,
    #[prop(optional, into)] value: String,
    #[prop(default = "text".to_string(), into)] input_type: String,
    #[prop(optional, into)] autocomplete: Option<String>,
    #[prop(optional, into)] inputmode: Option<String>,
    /// For `input_type="file"`: the kinds of file to offer.
    #[prop(optional, into)]
    accept: Option<String>,
) -> impl IntoView {
    let described = described_by(&id, hint.is_some(), error.is_some());
    let group_class = group_class(error.is_some());
    let input_class = if error.is_some() { "input input--error" } else { "input" };
    view! {
        <div class=group_class>
            <label class="label" for=id.clone()>{label}</label>
            {hint_and_error(&id, hint, error)}
            <input
                class=input_class id=id.clone() name=name type=input_type value=value
                autocomplete=autocomplete inputmode=inputmode accept=accept aria-describedby=described
            />
        </div>
    }
}

/// A labelled box for a few lines of text (its `id` is also its name), laid out as `TextInput`. What was typed
/// comes back as text, never as markup.
#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional_no_strip)] hint: Option<String>,
    #[prop(optional_no_strip)] error: Option<String>,
    #[prop(optional, into)] value: String,
    #[prop(default = 5)] rows: u32,
) -> impl IntoView {
    let described = described_by(&id, hint.is_some(), error.is_some());
    let group_class = group_class(error.is_some());
    let class = if error.is_some() {
        "textarea input--error"
    } else {
        "textarea"
    };
    view! {
        <div class=group_class>
            <label class="label" for=id.clone()>{label}</label>
            {hint_and_error(&id, hint, error)}
            <textarea class=class id=id.clone() name=id rows=rows aria-describedby=described>{value}</textarea>
        </div>
    }
}

/// A submit button: one clear action per page, worded as what happens ("Show the total", "Continue").
/// `name` and `value` are submitted with the form, which tells the server which button was pressed.
#[component]
pub fn Button(
    #[prop(into)] text: String,
    #[prop(optional)] secondary: bool,
    #[prop(optional, into)] name: Option<String>,
    #[prop(optional, into)] value: Option<String>,
) -> impl IntoView {
    let class = if secondary {
        "button button--secondary"
    } else {
        "button"
    };
    view! { <button type="submit" class=class name=name value=value>{text}</button> }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::ui::render;

    #[test]
    fn an_input_with_an_error_is_described_by_its_hint_and_error() {
        let html = render(|| {
            view! {
                <TextInput id="phone" name="phone" label="Mobile number" hint=Some("Like 0712 345 678".to_string())
                    error=Some("Enter a Kenyan mobile number".to_string()) value="07" />
            }
        });
        assert!(html.contains(r#"for="phone""#), "{html}");
        assert!(html.contains(r#"aria-describedby="phone-hint phone-error""#), "{html}");
        assert!(html.contains(r#"id="phone-error""#), "{html}");
        assert!(html.contains(r#"value="07""#), "what the user typed comes back: {html}");
        assert!(html.contains("input--error"), "{html}");
    }

    #[test]
    fn an_input_without_hint_or_error_has_no_describedby() {
        let html = render(|| view! { <TextInput id="email" name="email" label="Email" /> });
        assert!(!html.contains("aria-describedby"), "{html}");
        assert!(!html.contains("error-message"), "{html}");
    }
}
