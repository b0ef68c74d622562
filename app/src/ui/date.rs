//! Day / month / year: three boxes, as GOV.UK asks for dates people already know (dates of birth, expiry dates).

use leptos::prelude::*;

use super::{described_by, group_class, hint_and_error};
use crate::i18n::use_lang;

/// What the person typed, kept as text so it comes back exactly as typed after an error.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateValue {
    pub day: String,
    pub month: String,
    pub year: String,
}

#[component]
pub fn DateInput(
    /// The id prefix and name prefix: fields are `{id}-day`, `{id}-month`, `{id}-year`.
    #[prop(into)]
    id: String,
    #[prop(into)] legend: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional_no_strip)] error: Option<String>,
    #[prop(optional)] value: DateValue,
) -> impl IntoView {
    let lang = use_lang();
    let described = described_by(&id, hint.is_some(), error.is_some());
    let has_error = error.is_some();
    let group_class = group_class(has_error);
    let prefix = id.clone();
    let part = move |suffix: &'static str, label: String, value: String, width: &'static str| {
        let field = format!("{prefix}-{suffix}");
        let class = format!(
            "input input--width-{width}{}",
            if has_error { " input--error" } else { "" }
        );
        view! {
            <div class="date-input__item">
                <label class="label date-input__label" for=field.clone()>{label}</label>
                <input class=class id=field.clone() name=field type="text" inputmode="numeric" value=value />
            </div>
        }
    };
    view! {
        <div class=group_class>
            <fieldset class="fieldset" role="group" aria-describedby=described>
                <legend class="fieldset__legend">{legend}</legend>
                {hint_and_error(&id, hint, error)}
                <div class="date-input" id=id.clone()>
                    {part("day", lang.t("date-day"), value.day, "2")}
                    {part("month", lang.t("date-month"), value.month, "2")}
                    {part("year", lang.t("date-year"), value.year, "4")}
                </div>
            </fieldset>
        </div>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::ui::render;

    #[test]
    fn three_labelled_numeric_boxes_keep_what_was_typed() {
        let value = DateValue {
            day: "31".into(),
            month: "02".into(),
            year: "2026".into(),
        };
        let html = render(
            || view! { <DateInput id="expiry" legend="Expiry date" error=Some("Enter a real date".to_string()) value /> },
        );
        for part in ["expiry-day", "expiry-month", "expiry-year"] {
            assert!(html.contains(&format!(r#"for="{part}""#)), "{part}: {html}");
        }
        assert!(
            html.contains(r#"value="31""#) && html.contains(r#"value="2026""#),
            "{html}"
        );
        assert!(html.contains(r#"inputmode="numeric""#), "{html}");
        assert!(html.contains(r#"aria-describedby="expiry-error""#), "{html}");
    }
}
