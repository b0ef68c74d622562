//! `GET /performance.csv?figure=completion&from=YYYY-MM-DD&to=YYYY-MM-DD&lang=en`: one of the performance page's
//! tables as CSV, public like the page. A range the page would refuse is the 404.

use axum::{
    extract::{Query, State},
    response::Response,
    routing::get,
    Router,
};

use super::{domain, service};
use crate::{i18n::Lang, staff::route::csv_file, state::AppState};

pub fn routes() -> Router<AppState> {
    Router::new().route("/performance.csv", get(export))
}

#[derive(serde::Deserialize)]
struct Asked {
    #[serde(default)]
    figure: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    lang: String,
}

async fn export(State(state): State<AppState>, Query(asked): Query<Asked>) -> Response {
    let lang = Lang::parse(&asked.lang).unwrap_or_default();
    let range = domain::from_iso(&asked.from, &asked.to, domain::yesterday(state.clock.now()));
    // Only what was checked goes into the header: a known figure's code and parsed dates.
    let code = service::FIGURES
        .into_iter()
        .find(|code| *code == asked.figure)
        .unwrap_or("figure");
    let filename = range.map_or_else(
        || format!("uraia-performance-{code}.csv"),
        |r| format!("uraia-performance-{code}-{}-{}.csv", r.from, r.to),
    );
    let made = async {
        let Some(range) = range else {
            return anyhow::Ok(None);
        };
        let figure = service::one(&state, lang, range, &asked.figure).await?;
        figure.map(|f| f.csv()).transpose()
    };
    csv_file(made.await, &filename)
}
