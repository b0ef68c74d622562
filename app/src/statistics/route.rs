//! `GET /staff/statistics.csv?figure=weekly&from=YYYY-MM-DD&to=YYYY-MM-DD&place=county:Nairobi&lang=en`: one of
//! the statistics' tables as CSV, for supervisors and analysts (anyone else: 404), written to the audit log.

use axum::{
    extract::{Query, Request, State},
    response::Response,
    routing::get,
    Router,
};

use super::{
    db,
    domain::{Asked, Place},
    service::{self, Filter, FIGURES},
};
use crate::{
    i18n::Lang,
    performance::domain as range,
    staff::{
        domain::Permission,
        route::{csv_file, staff_of, Sender},
        service::{note, Actor},
    },
    state::AppState,
};

pub fn routes() -> Router<AppState> {
    Router::new().route("/staff/statistics.csv", get(export))
}

async fn export(State(state): State<AppState>, Query(asked): Query<Asked>, request: Request) -> Response {
    let sender = Sender::of(&request);
    let code = FIGURES.into_iter().find(|code| *code == asked.figure);
    let made = async {
        let Some((staff, client)) = staff_of(&state, &sender, Permission::Statistics).await? else {
            return anyhow::Ok(None);
        };
        let centres = db::centres(&state.pool).await?;
        let range = range::from_iso(&asked.from, &asked.to, range::yesterday(state.clock.now()));
        let (Some(code), Some(range), Some(place)) = (code, range, Place::parse(&asked.place, &centres)) else {
            return Ok(None);
        };
        let filter = Filter { range, place };
        let lang = Lang::parse(&asked.lang).unwrap_or_default();
        let Some(figure) = service::one(&state, lang, &filter, &centres, code).await? else {
            return Ok(None);
        };
        let subject = format!("{code} {} {}", filter.range.query(), filter.place.value());
        note(&state, Actor::staff(&staff, &client), "statistics-export", &subject).await?;
        figure.csv().map(Some)
    };
    let filename = format!("uraia-statistics-{}.csv", code.unwrap_or("figure"));
    csv_file(made.await, &filename)
}
