//! The SQL of figures' own tables: the day's claim and counts, the server's health minutes, and sums of the counts
//! over a range of days (what the pages read). What a day held is read in `sources.rs`.

use sqlx::{AnyConnection, FromRow};

use crate::db::Pool;

/// Records that the database answered in `minute` (each process writes it; once is enough).
pub async fn record_minute(pool: &Pool, minute: i64) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO health_minutes (minute) VALUES ($1) ON CONFLICT DO NOTHING")
        .bind(minute)
        .execute(pool)
        .await?;
    Ok(())
}

/// The last day rolled up, and the earliest unix time anything was recorded (where the first rollup starts).
pub async fn last_rolled(pool: &Pool) -> anyhow::Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT MAX(day) FROM daily_rollups")
        .fetch_one(pool)
        .await?)
}

pub async fn first_record(pool: &Pool) -> anyhow::Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT MIN(t) FROM (SELECT MIN(created_at) AS t FROM applications \
                              UNION ALL SELECT MIN(minute) * 60 FROM health_minutes) f",
    )
    .fetch_one(pool)
    .await?)
}

/// Claims `day` for rolling up; false when another process (or an earlier pass) has.
pub async fn claim_day(conn: &mut AnyConnection, day: &str, now: i64) -> anyhow::Result<bool> {
    let done = sqlx::query("INSERT INTO daily_rollups (day, made_at) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(day)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// One count of a day, as stored.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Count {
    pub figure: String,
    pub service: String,
    pub place: String,
    pub item: String,
    pub value: i64,
}

pub async fn put(conn: &mut AnyConnection, day: &str, count: &Count) -> anyhow::Result<()> {
    sqlx::query("INSERT INTO daily_figures (day, figure, service, place, item, value) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(day)
        .bind(&count.figure)
        .bind(&count.service)
        .bind(&count.place)
        .bind(&count.item)
        .bind(count.value)
        .execute(conn)
        .await?;
    Ok(())
}

/// What `sums` adds up: which figures over which days, at which places (None: everywhere), kept apart by day
/// and by place or added together.
pub struct Sums<'a> {
    pub figures: &'a [&'a str],
    pub from: &'a str,
    pub to: &'a str,
    pub places: Option<&'a [String]>,
    pub by_day: bool,
    pub by_place: bool,
}

/// A sum of counts: `day` and `place` are '' unless kept apart.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Sum {
    pub day: String,
    pub figure: String,
    pub service: String,
    pub place: String,
    pub item: String,
    pub value: i64,
}

pub async fn sums(pool: &Pool, asked: &Sums<'_>) -> anyhow::Result<Vec<Sum>> {
    let mut n = 2;
    let mut next = || {
        n += 1;
        format!("${n}")
    };
    let figures: Vec<String> = asked.figures.iter().map(|_| next()).collect();
    let places: Option<Vec<String>> = asked.places.map(|p| p.iter().map(|_| next()).collect());
    let place_filter = match &places {
        None => String::new(),
        Some(list) if list.is_empty() => " AND 1 = 0".into(),
        Some(list) => format!(" AND place IN ({})", list.join(", ")),
    };
    // PostgreSQL refuses a constant in GROUP BY: a column added together is left out of it.
    let (day, day_group) = if asked.by_day { ("day", "day, ") } else { ("''", "") };
    let (place, place_group) = if asked.by_place {
        ("place", ", place")
    } else {
        ("''", "")
    };
    let sql = format!(
        "SELECT {day} AS day, figure, service, {place} AS place, item, CAST(SUM(value) AS BIGINT) AS value \
           FROM daily_figures WHERE day >= $1 AND day <= $2 AND figure IN ({}){place_filter} \
          GROUP BY {day_group}figure, service{place_group}, item ORDER BY 1, 2, 3, 4, 5",
        figures.join(", ")
    );
    let mut query = sqlx::query_as(&sql).bind(asked.from).bind(asked.to);
    for figure in asked.figures {
        query = query.bind(*figure);
    }
    for place in asked.places.unwrap_or_default() {
        query = query.bind(place.as_str());
    }
    Ok(query.fetch_all(pool).await?)
}
