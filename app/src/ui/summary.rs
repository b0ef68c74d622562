//! Summary list: the "check your answers" pattern, each row with an optional Change link.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One row. The widget takes its words ready translated, so an island can use it without translation code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryRow {
    pub key: String,
    pub value: String,
    /// The Change link: where it goes and its word ("Change"); the key follows it for screen readers
    /// ("Change mobile number").
    pub change: Option<(String, String)>,
}

impl SummaryRow {
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        SummaryRow {
            key: key.into(),
            value: value.into(),
            change: None,
        }
    }
}

#[component]
pub fn SummaryList(#[prop(into)] rows: Signal<Vec<SummaryRow>>) -> impl IntoView {
    view! {
        <dl class="summary-list">
            {move || rows.get().into_iter().map(|row| view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{row.key.clone()}</dt>
                    <dd class="summary-list__value">{row.value}</dd>
                    {row.change.map(|(href, word)| view! {
                        <dd class="summary-list__actions">
                            <a href=href>{word}<span class="visually-hidden">" "{row.key}</span></a>
                        </dd>
                    })}
                </div>
            }).collect_view()}
        </dl>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::ui::render;

    #[test]
    fn change_links_name_what_they_change() {
        let rows = vec![
            SummaryRow {
                change: Some(("/en/register/contact".into(), "Change".into())),
                ..SummaryRow::new("Mobile number", "0712 345 678")
            },
            SummaryRow::new("Total", "KES 620"),
        ];
        let html = render(|| view! { <SummaryList rows=rows /> });
        assert!(html.contains(r#"href="/en/register/contact""#), "{html}");
        assert!(html.contains("Change") && html.contains("visually-hidden"), "{html}");
        assert_eq!(html.matches("summary-list__actions").count(), 1, "{html}");
    }
}
