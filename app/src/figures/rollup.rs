//! The daily rollup: once a Nairobi day is over, the sweep counts what it held into `daily_figures`, claiming the
//! day in the same transaction so two server processes never count it twice; and each process's heartbeat, the
//! server's own health record (a row per minute in which the database answered).

use std::collections::BTreeMap;

use jiff::civil::Date;
use sqlx::AnyConnection;

use super::{
    db::{self, Count},
    domain, sources,
};
use crate::{calendar, state::AppState};

/// The figures a day's rollup writes.
pub mod figure {
    /// Applications started (item '').
    pub const STARTED: &str = "started";
    /// Applications paid (item: the method).
    pub const PAID: &str = "paid";
    /// Applications completed (item '').
    pub const COMPLETED: &str = "completed";
    /// Completed applications by time from start (item: the bucket of `domain::bucket_of`).
    pub const COMPLETION_TIME: &str = "completion_time";
    /// Payment attempts that ended (item: `method:outcome`, outcome `paid` or why not).
    pub const ATTEMPTS: &str = "payment_attempts";
    /// Officers' decisions (item: `approved` or `rejected`).
    pub const DECIDED: &str = "decided";
    /// Rejections by reason (item: the reason's code, `other` for free text alone).
    pub const REJECTED_FOR: &str = "rejected_for";
    /// Decisions by time from payment (item: the bucket).
    pub const DECISION_TIME: &str = "decision_time";
    /// Driving tests recorded (place: the test unit; item: `passed` or `failed`).
    pub const TESTS: &str = "tests";
    /// Inspections booked for the day and not cancelled (place: the centre).
    pub const INSPECTIONS: &str = "inspections";
    /// Minutes the server answered, and minutes it was watched.
    pub const MINUTES_UP: &str = "minutes_up";
    pub const MINUTES_WATCHED: &str = "minutes_watched";
}

/// How far back a first rollup reaches (a new database, or a generated year of data).
const FURTHEST_DAYS: i32 = 400;

/// Rolls up every day that is over and not rolled up yet; how many days it rolled up.
pub async fn roll_up_due(state: &AppState) -> anyhow::Result<u64> {
    let now = state.clock.now();
    let today = calendar::date_of(now);
    let start = match db::last_rolled(&state.pool)
        .await?
        .and_then(|d| calendar::parse_iso(&d))
    {
        Some(last) => calendar::add_days(last, 1),
        None => db::first_record(&state.pool).await?.map(calendar::date_of),
    };
    let (Some(start), Some(furthest)) = (start, calendar::add_days(today, -FURTHEST_DAYS)) else {
        return Ok(0);
    };
    let mut day = start.max(furthest);
    let mut done = 0;
    while day < today {
        let mut tx = crate::db::begin_write(&state.pool).await?;
        let name = day.to_string();
        if db::claim_day(&mut tx, &name, now).await? {
            for count in counts_of(&mut tx, day, now).await? {
                db::put(&mut tx, &name, &count).await?;
            }
            tx.commit().await?;
            done += 1;
        }
        let Some(next) = calendar::add_days(day, 1) else { break };
        day = next;
    }
    Ok(done)
}

/// What `day` held, counted.
async fn counts_of(conn: &mut AnyConnection, day: Date, now: i64) -> anyhow::Result<Vec<Count>> {
    let from = calendar::start_of(day);
    let to = calendar::add_days(day, 1).map_or(from + 86_400, calendar::start_of);
    let mut counts = Counts::default();
    for row in sources::started(conn, from, to).await? {
        counts.add(figure::STARTED, &row.service, &row.place, "", row.n);
    }
    for row in sources::paid(conn, from, to).await? {
        counts.add(figure::PAID, &row.service, &row.place, &row.method, row.n);
    }
    for row in sources::completions(conn, from, to).await? {
        counts.add(figure::COMPLETED, &row.service, &row.place, "", 1);
        let bucket = domain::bucket_of(row.seconds).to_string();
        counts.add(figure::COMPLETION_TIME, &row.service, &row.place, &bucket, 1);
    }
    for row in sources::attempts(conn, from, to).await? {
        counts.add(
            figure::ATTEMPTS,
            "",
            "",
            &format!("{}:{}", row.method, row.outcome),
            row.n,
        );
    }
    for row in sources::decisions(conn, from, to).await? {
        counts.add(figure::DECIDED, &row.service, &row.place, &row.status, 1);
        if row.status == "rejected" {
            counts.add(
                figure::REJECTED_FOR,
                &row.service,
                &row.place,
                domain::reason_code(&row.reason),
                1,
            );
        }
        let bucket = domain::bucket_of(row.seconds).to_string();
        counts.add(figure::DECISION_TIME, &row.service, &row.place, &bucket, 1);
    }
    for row in sources::tests(conn, from, to).await? {
        let result = if row.passed == 1 { "passed" } else { "failed" };
        counts.add(figure::TESTS, "driving-test", &row.place, result, row.n);
    }
    for row in sources::inspections(conn, &day.to_string()).await? {
        counts.add(figure::INSPECTIONS, "inspection", &row.place, "", row.n);
    }
    // Watched: from the first minute ever recorded (or the day's start) to the day's end (or now).
    if let Some(first) = sources::first_minute(conn).await? {
        let (from, to) = ((from / 60).max(first), (to / 60).min(now / 60));
        if to > from {
            counts.add(
                figure::MINUTES_UP,
                "",
                "",
                "",
                sources::minutes_up(conn, from, to).await?,
            );
            counts.add(figure::MINUTES_WATCHED, "", "", "", to - from);
        }
    }
    Ok(counts.into_rows())
}

/// Counts added up by figure, service, place and item.
#[derive(Default)]
struct Counts(BTreeMap<(String, String, String, String), i64>);

impl Counts {
    fn add(&mut self, figure: &str, service: &str, place: &str, item: &str, n: i64) {
        let key = (
            figure.to_string(),
            service.to_string(),
            place.to_string(),
            item.to_string(),
        );
        *self.0.entry(key).or_default() += n;
    }

    fn into_rows(self) -> Vec<Count> {
        self.0
            .into_iter()
            .map(|((figure, service, place, item), value)| Count {
                figure,
                service,
                place,
                item,
                value,
            })
            .collect()
    }
}

/// Writes this minute into the health record when the database answers (a minute it does not is down time).
pub async fn record_health(state: &AppState) -> anyhow::Result<bool> {
    if !crate::db::ping(&state.pool).await {
        return Ok(false);
    }
    db::record_minute(&state.pool, state.clock.now() / 60).await?;
    Ok(true)
}

/// The heartbeat, every minute from start until the process ends.
pub fn spawn_heartbeat(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            every.tick().await;
            if let Err(error) = record_health(&state).await {
                tracing::warn!(%error, "the health record could not be written");
            }
        }
    })
}
