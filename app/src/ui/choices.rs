//! Radios (pick one) and checkboxes (pick any), each in a fieldset whose legend is the question.

use leptos::prelude::*;

use super::{described_by, group_class, hint_and_error};

/// One option: the submitted value, its label and an optional one-line hint.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
}

/// Radios. To react to a choice in the browser, wrap the form in an island that listens for the `change` event
/// bubbling up (as the fees page does); the radios themselves need no code.
#[component]
pub fn Radios(
    #[prop(into)] name: String,
    #[prop(into)] legend: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional_no_strip)] error: Option<String>,
    options: Vec<Choice>,
    #[prop(optional_no_strip)] selected: Option<String>,
) -> impl IntoView {
    let group = Group {
        kind: "radio",
        posted: name.clone(),
        name,
        legend,
        hint,
        error,
    };
    group.render(options, move |value| selected.as_deref() == Some(value))
}

/// Checkboxes: any number of options, or none. `many`: the answers are a list, posted as `name[]` (the form
/// decoder reads a repeated plain name as an error, a bracketed one as a list); ids keep the plain name.
#[component]
pub fn Checkboxes(
    #[prop(into)] name: String,
    #[prop(into)] legend: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional_no_strip)] error: Option<String>,
    options: Vec<Choice>,
    #[prop(optional)] checked: Vec<String>,
    #[prop(optional)] many: bool,
) -> impl IntoView {
    let group = Group {
        kind: "checkbox",
        posted: if many { format!("{name}[]") } else { name.clone() },
        name,
        legend,
        hint,
        error,
    };
    group.render(options, move |value| checked.iter().any(|c| c == value))
}

/// A drop-down list, for one answer out of many (a county of 47): shorter than radios on a phone. The first
/// option is an empty "Select" so nothing is chosen by accident.
#[component]
pub fn Select(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional_no_strip)] error: Option<String>,
    /// The empty first option's words ("Select a county").
    #[prop(into)]
    placeholder: String,
    options: Vec<Choice>,
    #[prop(optional_no_strip)] selected: Option<String>,
) -> impl IntoView {
    let described = described_by(&id, hint.is_some(), error.is_some());
    let group_class = group_class(error.is_some());
    let class = if error.is_some() {
        "select input--error"
    } else {
        "select"
    };
    let items = options
        .into_iter()
        .map(|choice| {
            let chosen = selected.as_deref() == Some(choice.value.as_str());
            view! { <option value=choice.value selected=chosen>{choice.label}</option> }
        })
        .collect_view();
    view! {
        <div class=group_class>
            <label class="label" for=id.clone()>{label}</label>
            {hint_and_error(&id, hint, error)}
            <select class=class id=id.clone() name=id aria-describedby=described>
                <option value="">{placeholder}</option>
                {items}
            </select>
        </div>
    }
}

/// What radios and checkboxes share: a fieldset, its legend, hint and error, and one input per option.
struct Group {
    kind: &'static str,
    /// The ids' stem.
    name: String,
    /// The inputs' name.
    posted: String,
    legend: String,
    hint: Option<String>,
    error: Option<String>,
}

impl Group {
    fn render(self, options: Vec<Choice>, is_checked: impl Fn(&str) -> bool) -> impl IntoView {
        let Group {
            kind,
            name,
            posted,
            legend,
            hint,
            error,
        } = self;
        let described = described_by(&name, hint.is_some(), error.is_some());
        let group_class = group_class(error.is_some());
        let items = options
            .into_iter()
            .enumerate()
            .map(|(i, choice)| {
                // The first input carries the group's id so an error summary link lands on it.
                let id = if i == 0 {
                    name.clone()
                } else {
                    format!("{name}-{}", i + 1)
                };
                let checked = is_checked(&choice.value);
                let hint_id = format!("{id}-item-hint");
                view! {
                    <div class="choice">
                        <input
                            class="choice__input" type=kind id=id.clone() name=posted.clone() value=choice.value
                            checked=checked aria-describedby=choice.hint.as_ref().map(|_| hint_id.clone())
                        />
                        <label class="choice__label" for=id>{choice.label}</label>
                        {choice.hint.map(|hint| view! { <div class="hint choice__hint" id=hint_id>{hint}</div> })}
                    </div>
                }
            })
            .collect_view();
        view! {
            <div class=group_class>
                <fieldset class="fieldset" aria-describedby=described>
                    <legend class="fieldset__legend">{legend}</legend>
                    {hint_and_error(&name, hint, error)}
                    <div class="choices">{items}</div>
                </fieldset>
            </div>
        }
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::ui::render;

    fn options() -> Vec<Choice> {
        ["citizen", "resident"]
            .map(|v| Choice {
                value: v.into(),
                label: v.to_uppercase(),
                hint: Some(format!("{v} hint")),
            })
            .to_vec()
    }

    #[test]
    fn the_selected_radio_is_checked_and_the_first_carries_the_group_id() {
        let html = render(|| {
            view! {
                <Radios name="kind" legend="Account type" options=options() selected=Some("resident".to_string()) />
            }
        });
        assert!(html.contains(r#"id="kind""#), "{html}");
        assert!(html.contains(r#"id="kind-2""#), "{html}");
        let resident = html.find(r#"value="resident""#).unwrap();
        assert!(
            html[resident..].split('>').next().unwrap().contains("checked"),
            "{html}"
        );
        let citizen = html.find(r#"value="citizen""#).unwrap();
        assert!(
            !html[citizen..].split('>').next().unwrap().contains("checked"),
            "{html}"
        );
    }

    #[test]
    fn a_select_marks_the_chosen_option_and_starts_empty() {
        let html = render(|| {
            view! {
                <Select id="county" label="County" placeholder="Select a county" options=options()
                    selected=Some("resident".to_string()) error=Some("Select your county".to_string()) />
            }
        });
        assert!(html.contains(r#"<option value="">Select a county</option>"#), "{html}");
        let resident = html.find(r#"value="resident""#).unwrap();
        assert!(
            html[resident..].split('>').next().unwrap().contains("selected"),
            "{html}"
        );
        assert!(html.contains(r#"aria-describedby="county-error""#), "{html}");
    }

    #[test]
    fn a_fieldset_error_is_announced_with_the_legend() {
        let html = render(|| {
            view! {
                <Checkboxes name="classes" legend="Classes" options=options() error=Some("Select a class".to_string())
                    checked=vec!["citizen".to_string()] />
            }
        });
        assert!(html.contains(r#"aria-describedby="classes-error""#), "{html}");
        assert!(html.contains("Select a class"), "{html}");
        assert!(html.contains("checked"), "{html}");
    }

    #[test]
    fn checkboxes_for_a_list_post_a_bracketed_name_and_keep_plain_ids() {
        let html = render(|| view! { <Checkboxes name="classes" legend="Classes" options=options() many=true /> });
        assert!(html.contains(r#"id="classes" name="classes[]""#), "{html}");
        assert!(html.contains(r#"id="classes-2" name="classes[]""#), "{html}");
    }
}
