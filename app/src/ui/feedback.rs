//! What the service says back: error summary, notification banner, confirmation panel, status tag, step indicator.

use leptos::prelude::*;

use crate::{error::FieldError, i18n::use_lang};

/// The list of problems at the top of a page, each linking to its field. It takes focus when the page loads
/// (`autofocus`) so screen-reader users hear it first; its links are fragments, so the browser itself moves focus
/// to the field, with or without JavaScript.
#[component]
pub fn ErrorSummary(errors: Vec<FieldError>) -> impl IntoView {
    let lang = use_lang();
    (!errors.is_empty()).then(|| {
        let items = errors
            .into_iter()
            .map(|error| view! { <li><a href=format!("#{}", error.field)>{error.message(lang)}</a></li> })
            .collect_view();
        view! {
            <div class="error-summary" role="alert" tabindex="-1" autofocus
                aria-labelledby="error-summary-title">
                <h2 class="error-summary__title" id="error-summary-title">{lang.t("error-summary-title")}</h2>
                <ul class="error-summary__list">{items}</ul>
            </div>
        }
    })
}

/// A page-wide notice: important information, or (with `success`) the outcome of what the person just did.
#[component]
pub fn NotificationBanner(
    #[prop(into)] title: String,
    #[prop(optional)] success: bool,
    children: Children,
) -> impl IntoView {
    let class = if success { "banner banner--success" } else { "banner" };
    let role = if success { "alert" } else { "region" };
    view! {
        <div class=class role=role aria-labelledby="banner-title">
            <h2 class="banner__title" id="banner-title">{title}</h2>
            <div class="banner__content">{children()}</div>
        </div>
    }
}

/// The confirmation at the end of a transaction, with the reference to quote.
#[component]
pub fn Panel(#[prop(into)] title: String, #[prop(into)] reference: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="panel">
            <h1 class="panel__title">{title}</h1>
            <div class="panel__body">{lang.t("panel-reference")}<br /><strong>{reference}</strong></div>
        </div>
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagColour {
    Blue,
    Green,
    Yellow,
    Red,
    Grey,
}

/// A short status word ("Paid", "Expired"). Colour is never the only signal: the word carries the meaning.
#[component]
pub fn Tag(#[prop(into)] text: String, colour: TagColour) -> impl IntoView {
    let class = match colour {
        TagColour::Blue => "tag",
        TagColour::Green => "tag tag--green",
        TagColour::Yellow => "tag tag--yellow",
        TagColour::Red => "tag tag--red",
        TagColour::Grey => "tag tag--grey",
    };
    view! { <strong class=class>{text}</strong> }
}

/// "Step 2 of 6" above a wizard page's question.
#[component]
pub fn StepIndicator(step: u32, of: u32) -> impl IntoView {
    let lang = use_lang();
    view! {
        <span class="caption">{lang.t_with("step-indicator", &[("step", step.to_string()), ("total", of.to_string())])}</span>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::ui::render;

    #[test]
    fn the_error_summary_links_each_problem_to_its_field() {
        let errors = vec![FieldError::new("service", "fees-error-choose")];
        let html = render(|| view! { <ErrorSummary errors /> });
        assert!(html.contains(r##"href="#service""##), "{html}");
        assert!(html.contains(r#"role="alert""#) && html.contains("autofocus"), "{html}");
        assert!(html.contains("Select a service"), "{html}");
    }

    #[test]
    fn no_errors_no_summary() {
        assert!(!render(|| view! { <ErrorSummary errors=vec![] /> }).contains("error-summary"));
    }

    #[test]
    fn the_step_indicator_counts() {
        assert!(render(|| view! { <StepIndicator step=2 of=6 /> }).contains("Step 2 of 6"));
    }

    #[test]
    fn panels_and_tags_show_their_words() {
        let html = render(|| view! { <Panel title="Application complete" reference="HDJ2123F" /> });
        assert!(html.contains("HDJ2123F") && html.contains("<h1"), "{html}");
        let html = render(|| view! { <Tag text="Expired" colour=TagColour::Red /> });
        assert!(html.contains("tag--red") && html.contains("Expired"), "{html}");
        let html = render(|| view! { <NotificationBanner title="Important">"Demo data"</NotificationBanner> });
        assert!(
            html.contains("Demo data") && html.contains(r#"role="region""#),
            "{html}"
        );
    }
}
