//! Development aids, mounted only when the settings ask for them and never in production:
//! `/dev/outbox` (development) lists the email and SMS the service has queued, so a developer or an end-to-end
//! test can read a link or a code; `/sandbox/daraja` and `/sandbox/card` (development) stand in for M-Pesa and a card provider (sandbox.rs,
//! card_sandbox.rs);
//! `POST /dev/clock` (test mode) moves the server's clock forward; `POST /dev/decide` (test mode) decides an
//! application in review without an officer (for tests of what follows a decision); `POST /dev/staff` (test mode)
//! gives a role as `uraia staff add` does, so an end-to-end test can sign an officer in.

use app::state::AppState;
use axum::{
    extract::{Query, State},
    http::StatusCode,
    response::{Html, IntoResponse, Response},
    routing::{get, post},
    Router,
};
use serde::Deserialize;
use sqlx::Row;

pub fn routes(state: &AppState) -> Router<AppState> {
    let mut router = Router::new();
    // Said loudly, every start: these pay for nothing and show every code (`Settings::check` allows them only on
    // this machine, with no real provider or transport configured).
    if state.settings.development {
        tracing::warn!(
            origin = %state.origin,
            "DEVELOPMENT AIDS ARE ON: /dev/outbox shows every code and link, /sandbox/daraja and /sandbox/card pay \
             for nothing. Never on a server that real people reach (URAIA_DEVELOPMENT=false)"
        );
    }
    if state.settings.test_mode {
        tracing::warn!(
            "TEST MODE IS ON: /dev/clock moves the clock, /dev/decide decides applications, /dev/staff gives roles, \
             /dev/caveat changes the vehicle register"
        );
    }
    if state.settings.development {
        router = router
            .route("/dev/outbox", get(outbox))
            .merge(crate::sandbox::routes())
            .merge(crate::card_sandbox::routes());
    }
    if state.settings.test_mode {
        router = router
            .route("/dev/clock", post(advance_clock))
            .route("/dev/decide", post(decide))
            .route("/dev/staff", post(staff))
            .route("/dev/caveat", post(caveat));
    }
    router
}

#[derive(Deserialize)]
struct OutboxQuery {
    to: Option<String>,
}

/// The latest 50 messages, newest first; `?to=` keeps those to one address or number.
async fn outbox(State(state): State<AppState>, Query(query): Query<OutboxQuery>) -> Response {
    let rows = sqlx::query(
        "SELECT channel, recipient, subject, body, created_at FROM outbox \
         WHERE $1 = '' OR recipient = $1 ORDER BY id DESC LIMIT 50",
    )
    .bind(query.to.unwrap_or_default())
    .fetch_all(&state.pool)
    .await;
    let Ok(rows) = rows else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "outbox unavailable").into_response();
    };
    let mut html = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Outbox – Uraia (development)</title>\
         </head><body><h1>Outbox (development only)</h1>",
    );
    for row in rows {
        let field = |name: &str| row.try_get::<String, _>(name).unwrap_or_default();
        html.push_str(&format!(
            "<article><h2>{} to {}</h2><p class=\"subject\">{}</p><p class=\"body\">{}</p></article>",
            html_escape::encode_double_quoted_attribute(&field("channel")),
            html_escape::encode_double_quoted_attribute(&field("recipient")),
            html_escape::encode_double_quoted_attribute(&field("subject")),
            html_escape::encode_double_quoted_attribute(&field("body")),
        ));
    }
    html.push_str("</body></html>");
    Html(html).into_response()
}

#[derive(Deserialize)]
struct ClockQuery {
    days: Option<i64>,
    seconds: Option<i64>,
}

/// At most this far in one step: ten years is past every expiry the tests look for.
const MAX_STEP_SECONDS: i64 = 10 * 365 * 86_400;

async fn advance_clock(State(state): State<AppState>, Query(query): Query<ClockQuery>) -> Response {
    let seconds = query
        .days
        .unwrap_or(0)
        .checked_mul(86_400)
        .and_then(|days| days.checked_add(query.seconds.unwrap_or(0)))
        .filter(|seconds| (0..=MAX_STEP_SECONDS).contains(seconds));
    let Some(seconds) = seconds else {
        return (StatusCode::BAD_REQUEST, "days and seconds: forward, at most ten years").into_response();
    };
    if state.clock.advance(seconds) {
        // The deployment's other processes read it before their next request.
        if let Err(error) = app::clock::shared::publish(&state.clock, &state.pool).await {
            tracing::error!(%error, "the moved clock could not be shared");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
        (StatusCode::OK, format!("now {}", state.clock.now())).into_response()
    } else {
        StatusCode::NOT_FOUND.into_response()
    }
}

#[derive(Deserialize)]
struct DecideQuery {
    /// The application's reference (`UR…`), as its page shows it.
    reference: String,
    /// `approve`, or `reject` with a reason.
    decision: String,
    reason: Option<String>,
}

async fn decide(State(state): State<AppState>, Query(query): Query<DecideQuery>) -> Response {
    use app::applications::domain::Decision;
    let decision = match query.decision.as_str() {
        "approve" => Decision::Approve,
        "reject" => Decision::Reject {
            reason: query.reason.unwrap_or_default(),
        },
        _ => return (StatusCode::BAD_REQUEST, "decision: approve or reject").into_response(),
    };
    let found = async {
        let mut conn = state.pool.acquire().await?;
        app::applications::service::by_reference(&mut conn, &query.reference).await
    };
    let application = match found.await {
        Ok(Some(application)) => application,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return (StatusCode::INTERNAL_SERVER_ERROR, error.to_string()).into_response(),
    };
    match app::applications::service::decide(&state, &application.id, &decision).await {
        Ok(outcome) => (StatusCode::OK, format!("{outcome:?}")).into_response(),
        Err(error) => (StatusCode::INTERNAL_SERVER_ERROR, error.to_string()).into_response(),
    }
}

#[derive(Deserialize)]
struct StaffQuery {
    email: String,
    role: String,
    services: Option<String>,
}

/// Gives a role, as `uraia staff add --email --role [--services]` would.
async fn staff(State(state): State<AppState>, Query(query): Query<StaffQuery>) -> Response {
    let mut args: Vec<String> = ["staff", "add", "--email", &query.email, "--role", &query.role]
        .iter()
        .map(|s| s.to_string())
        .collect();
    if let Some(services) = query.services {
        args.extend(["--services".to_string(), services]);
    }
    match crate::cli::run(&state, &args).await {
        Ok(said) => (StatusCode::OK, said).into_response(),
        Err(error) => (StatusCode::BAD_REQUEST, error.to_string()).into_response(),
    }
}

#[derive(Deserialize)]
struct CaveatQuery {
    plate: String,
    /// `true`: lift the plate's caveats; else note one (a financier's interest), as the register would.
    #[serde(default)]
    lift: bool,
}

/// `POST /dev/caveat?plate=KBL 596Q[&lift=true]`: the register notes or lifts a caveat meanwhile (a transfer whose
/// offer then fails, for an officer to reject).
async fn caveat(State(state): State<AppState>, Query(query): Query<CaveatQuery>) -> Response {
    let statement = if query.lift {
        sqlx::query("DELETE FROM vehicle_caveats WHERE plate = $1")
    } else {
        sqlx::query(
            "INSERT INTO vehicle_caveats (plate, kind, party, noted_on) \
             VALUES ($1, 'financier', 'Test Bank Kenya Ltd', '2026-12-01')",
        )
    };
    match statement.bind(&query.plate).execute(&state.pool).await {
        Ok(done) => (StatusCode::OK, format!("{} row(s)", done.rows_affected())).into_response(),
        Err(error) => (StatusCode::BAD_REQUEST, error.to_string()).into_response(),
    }
}
