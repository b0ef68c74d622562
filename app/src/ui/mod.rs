//! The design system: GOV.UK-shaped widgets (label, hint, inline error, `aria-describedby`, an error summary that
//! links to fields). Their styles live in style/; each widget's docs are on its component.

mod choices;
mod date;
mod feedback;
mod field;
mod summary;
mod table;

pub use choices::{Checkboxes, Choice, Radios, Select};
pub use date::{DateInput, DateValue};
pub use feedback::{ErrorSummary, NotificationBanner, Panel, StepIndicator, Tag, TagColour};
pub use field::{Button, TextArea, TextInput};
pub use summary::{SummaryList, SummaryRow};
pub use table::Table;

use leptos::prelude::*;

use crate::i18n::use_lang;

/// The ids a field's `aria-describedby` names: its hint and its error, when present.
pub(crate) fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let ids: Vec<String> = [(hint, "hint"), (error, "error")]
        .into_iter()
        .filter(|(present, _)| *present)
        .map(|(_, suffix)| format!("{id}-{suffix}"))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The hint and the error message of a field or fieldset, with the ids its `aria-describedby` names. The error
/// starts with a visually hidden "Error:" so a screen reader says what kind of message it is.
pub(crate) fn hint_and_error(id: &str, hint: Option<String>, error: Option<String>) -> impl IntoView {
    let lang = use_lang();
    let hint = hint.map(|hint| view! { <div class="hint" id=format!("{id}-hint")>{hint}</div> });
    let error = error.map(|error| {
        view! {
            <p class="error-message" id=format!("{id}-error")>
                <span class="visually-hidden">{lang.t("error-prefix")}" "</span>{error}
            </p>
        }
    });
    (hint, error)
}

/// A form group's class: errors get a red bar in the margin.
pub(crate) fn group_class(has_error: bool) -> &'static str {
    if has_error {
        "form-group form-group--error"
    } else {
        "form-group"
    }
}

#[cfg(all(test, feature = "ssr"))]
pub(crate) fn render<V: leptos::tachys::view::RenderHtml>(view: impl FnOnce() -> V) -> String {
    leptos::prelude::Owner::new().with(|| view().to_html())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn described_by_names_hint_then_error() {
        assert_eq!(
            described_by("phone", true, true).as_deref(),
            Some("phone-hint phone-error")
        );
        assert_eq!(described_by("phone", false, true).as_deref(), Some("phone-error"));
        assert_eq!(described_by("phone", false, false), None);
    }
}
