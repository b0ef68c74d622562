//! A data table with a caption (the table's name for screen readers) and column headers.

use leptos::prelude::*;

#[component]
pub fn Table(
    #[prop(into)] caption: String,
    head: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Columns (by index) holding amounts: right-aligned so digits line up.
    #[prop(optional)]
    numeric: Vec<usize>,
) -> impl IntoView {
    let cell_class = move |i: usize| {
        if numeric.contains(&i) {
            "table__cell table__cell--numeric"
        } else {
            "table__cell"
        }
    };
    let head = head
        .into_iter()
        .enumerate()
        .map(|(i, text)| view! { <th scope="col" class=cell_class(i)>{text}</th> })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|row| {
            let cells = row
                .into_iter()
                .enumerate()
                .map(|(i, text)| {
                    if i == 0 {
                        view! { <th scope="row" class=cell_class(i)>{text}</th> }.into_any()
                    } else {
                        view! { <td class=cell_class(i)>{text}</td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="table">
            <caption class="table__caption">{caption}</caption>
            <thead><tr>{head}</tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::ui::render;

    #[test]
    fn rows_have_headers_and_numbers_align_right() {
        let html = render(|| {
            view! {
                <Table caption="Access fees" head=vec!["Amount".into(), "Fee".into()]
                    rows=vec![vec!["0 to 199".into(), "KES 5".into()]] numeric=vec![1] />
            }
        });
        assert!(
            html.contains("<caption") && html.contains(r#"scope="col""#) && html.contains(r#"scope="row""#),
            "{html}"
        );
        assert!(html.contains("table__cell--numeric"), "{html}");
    }
}
