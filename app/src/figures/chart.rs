//! A published figure: its title, a bar chart drawn as SVG on the server (readable without JavaScript, scaled to
//! any screen), the data table beside it for screen readers, and the same table as CSV.
//!
//! Drawn by hand rather than with a charting crate: plotters and charts-rs lay text out with system fonts (or
//! bundle them) and write SVG without a title or role; a bar chart is a few rectangles, and this one is
//! accessible and tiny on a 3G link.

use leptos::prelude::*;

use super::{domain, words};
use crate::{i18n::Lang, staff::audit::cell, ui::Table};

/// One bar: its label, its length from 0 to 1000 (per mille of the longest), and the text written after it. A
/// bar without a length ("fewer than 10") shows its text only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub length: Option<i64>,
    pub text: String,
}

/// A figure ready to show or download, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Its name in the page's anchors and the CSV's address.
    pub code: &'static str,
    pub title: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub bars: Vec<Bar>,
    /// A line under the heading: what the figure leaves out, or why.
    pub note: Option<String>,
}

impl Figure {
    /// The table as CSV: the head, then each row.
    pub fn csv(&self) -> anyhow::Result<Vec<u8>> {
        let mut csv = csv::Writer::from_writer(Vec::new());
        let cells = |row: &[String]| row.iter().map(|text| cell(text)).collect::<Vec<_>>();
        csv.write_record(cells(&self.head))?;
        for row in &self.rows {
            csv.write_record(cells(row))?;
        }
        Ok(csv.into_inner()?)
    }
}

/// A row of counts ending in the rate `part / whole`, and its bar (the rate, on a scale of 100%).
pub fn rate_row(lang: Lang, name: String, counts: &[i64], part: i64, whole: i64) -> (Vec<String>, Bar) {
    let rate = words::rate(lang, part, whole);
    let mut row = vec![name.clone()];
    row.extend(counts.iter().map(|n| words::count(lang, *n)));
    row.push(rate.clone());
    let bar = Bar {
        label: name,
        length: domain::rate(part, whole),
        text: rate,
    };
    (row, bar)
}

/// Bar lengths scaled to the longest value (0 when every value is 0).
pub fn lengths(values: &[Option<i64>]) -> Vec<Option<i64>> {
    let longest = values.iter().flatten().copied().max().unwrap_or(0).max(1);
    values.iter().map(|v| v.map(|v| v.max(0) * 1_000 / longest)).collect()
}

const WIDTH: i64 = 600;
const ROW: i64 = 44;
const BAR_SPACE: i64 = 440;

/// The figure's section: heading, chart, table and CSV link (`csv` is the link's address).
#[component]
pub fn FigureView(figure: Figure, lang: Lang, #[prop(into)] csv: String) -> impl IntoView {
    let Figure {
        code,
        title,
        head,
        rows,
        bars,
        note,
    } = figure;
    let numeric = (1..head.len()).collect();
    view! {
        <section class="figure" aria-labelledby=format!("{code}-heading")>
            <h2 class="heading-m" id=format!("{code}-heading")>{title.clone()}</h2>
            {note.map(|note| view! { <p class="hint">{note}</p> })}
            <BarChart id=code title=title.clone() note=lang.t("figures-chart-note") bars />
            <Table caption=title head rows numeric />
            <p class="body"><a href=csv download="">{lang.t("figures-download-csv")}</a></p>
        </section>
    }
}

/// The chart: a label above each bar, the value after it. `role="img"` with a title: a screen reader announces
/// it once and moves on to the table, which holds the same figures.
#[component]
fn BarChart(id: &'static str, title: String, note: String, bars: Vec<Bar>) -> impl IntoView {
    let height = ROW * bars.len().max(1) as i64 + 8;
    let title_id = format!("{id}-chart-title");
    let note_id = format!("{id}-chart-note");
    let labelled_by = format!("{title_id} {note_id}");
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let top = ROW * i as i64;
            let width = bar.length.map_or(0, |l| l * BAR_SPACE / 1_000);
            view! {
                <text x="0" y=top + 15 class="chart__label">{bar.label}</text>
                <rect x="0" y=top + 20 width=width.max(1) height="16" class="chart__bar" />
                <text x=width + 6 y=top + 33 class="chart__value">{bar.text}</text>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" role="img" viewBox=format!("0 0 {WIDTH} {height}")
            aria-labelledby=labelled_by xmlns="http://www.w3.org/2000/svg">
            <title id=title_id>{title}</title>
            <desc id=note_id>{note}</desc>
            {rows}
        </svg>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::ui::render;

    fn figure() -> Figure {
        Figure {
            code: "completion",
            title: "Completion rate".into(),
            head: vec!["Service".into(), "Rate".into()],
            rows: vec![vec!["Renew, a licence".into(), "97.5%".into()]],
            bars: vec![
                Bar {
                    label: "Renew a licence".into(),
                    length: Some(1_000),
                    text: "97.5%".into(),
                },
                Bar {
                    label: "Book a test".into(),
                    length: None,
                    text: "fewer than 10".into(),
                },
            ],
            note: None,
        }
    }

    #[test]
    fn bars_scale_to_the_longest() {
        assert_eq!(
            lengths(&[Some(50), None, Some(100), Some(0)]),
            vec![Some(500), None, Some(1_000), Some(0)]
        );
        assert_eq!(lengths(&[Some(0)]), vec![Some(0)]);
    }

    #[test]
    fn the_chart_is_an_image_with_a_title_beside_its_table() {
        let html = render(|| view! { <FigureView figure=figure() lang=Lang::En csv="/performance.csv" /> });
        assert!(html.contains(r#"role="img""#) && html.contains("<title"), "{html}");
        assert!(
            html.contains(r#"width="440""#),
            "the longest bar fills the space: {html}"
        );
        assert!(html.contains("fewer than 10") && html.contains("<caption"), "{html}");
    }

    #[test]
    fn the_csv_quotes_what_needs_it() {
        let csv = String::from_utf8(figure().csv().unwrap()).unwrap();
        assert_eq!(csv, "Service,Rate\n\"Renew, a licence\",97.5%\n");
    }
}
