//! The SQL of appointments, for any kind's tables: its places, a slot's places (taken by one conditional UPDATE),
//! and the place an application holds or has booked. The service owns the transactions. Table names are the
//! constants of `Tables`, never input.

use sqlx::{AnyConnection, FromRow};

use crate::db::Pool;

/// One kind of appointment's tables. The slots and bookings tables share one shape (migrations 0013 and 0023).
#[derive(Debug)]
pub struct Tables {
    /// Where appointments happen: `code, name, county, daily_capacity`.
    pub places: &'static str,
    /// One row per slot that anyone asked for: `centre, day, slot, capacity, taken`.
    pub slots: &'static str,
    /// One row per application: `application_id, centre, day, slot, status, held_until` and the subject column.
    pub bookings: &'static str,
    /// The bookings' column naming what may have one live place at a time (a vehicle's plate; a learner's class).
    pub subject: &'static str,
}

#[derive(Debug, Clone, FromRow)]
pub struct Place {
    pub code: String,
    pub name: String,
    pub county: String,
    pub daily_capacity: i64,
}

pub async fn places(pool: &Pool, t: &Tables) -> anyhow::Result<Vec<Place>> {
    let sql = format!(
        "SELECT code, name, county, daily_capacity FROM {} ORDER BY county, name",
        t.places
    );
    Ok(sqlx::query_as(&sql).fetch_all(pool).await?)
}

/// A place's name (the slip and the pages print it).
pub async fn place_name(conn: &mut AnyConnection, t: &Tables, code: &str) -> anyhow::Result<Option<String>> {
    let sql = format!("SELECT name FROM {} WHERE code = $1", t.places);
    Ok(sqlx::query_scalar(&sql).bind(code).fetch_optional(conn).await?)
}

/// Places taken per slot at a place over a range of days (slots never opened have all their places).
#[derive(Debug, Clone, FromRow)]
pub struct SlotRow {
    pub day: String,
    pub slot: String,
    pub capacity: i64,
    pub taken: i64,
}

pub async fn slots(pool: &Pool, t: &Tables, centre: &str, from: &str, to: &str) -> anyhow::Result<Vec<SlotRow>> {
    let sql = format!(
        "SELECT day, slot, capacity, taken FROM {} WHERE centre = $1 AND day >= $2 AND day <= $3",
        t.slots
    );
    Ok(sqlx::query_as(&sql)
        .bind(centre)
        .bind(from)
        .bind(to)
        .fetch_all(pool)
        .await?)
}

/// Where and when: a place's code, an ISO day and a start time.
#[derive(Debug, Clone, Copy)]
pub struct At<'a> {
    pub centre: &'a str,
    pub day: &'a str,
    pub slot: &'a str,
}

/// Opens a slot's row the first time anyone asks for it.
pub async fn open_slot(conn: &mut AnyConnection, t: &Tables, at: At<'_>, capacity: i64) -> anyhow::Result<()> {
    let sql = format!(
        "INSERT INTO {} (centre, day, slot, capacity, taken) VALUES ($1, $2, $3, $4, 0) ON CONFLICT DO NOTHING",
        t.slots
    );
    sqlx::query(&sql)
        .bind(at.centre)
        .bind(at.day)
        .bind(at.slot)
        .bind(capacity)
        .execute(conn)
        .await?;
    Ok(())
}

/// Gives back the places of holds in the slot that ran out before payment; how many.
pub async fn lapse_holds(conn: &mut AnyConnection, t: &Tables, at: At<'_>, now: i64) -> anyhow::Result<u64> {
    let sql = format!(
        "UPDATE {} SET status = 'lapsed' WHERE centre = $1 AND day = $2 AND slot = $3 AND status = 'held' \
         AND held_until <= $4",
        t.bookings
    );
    let lapsed = sqlx::query(&sql)
        .bind(at.centre)
        .bind(at.day)
        .bind(at.slot)
        .bind(now)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if lapsed > 0 {
        give_back(conn, t, at, lapsed as i64).await?;
    }
    Ok(lapsed)
}

/// Returns `n` places to a slot.
pub async fn give_back(conn: &mut AnyConnection, t: &Tables, at: At<'_>, n: i64) -> anyhow::Result<()> {
    let sql = format!(
        "UPDATE {} SET taken = taken - $4 WHERE centre = $1 AND day = $2 AND slot = $3",
        t.slots
    );
    sqlx::query(&sql)
        .bind(at.centre)
        .bind(at.day)
        .bind(at.slot)
        .bind(n)
        .execute(conn)
        .await?;
    Ok(())
}

/// Takes one place if one is left: true when taken. One statement, so of many racing for the last place, one
/// takes it.
pub async fn take_place(conn: &mut AnyConnection, t: &Tables, at: At<'_>) -> anyhow::Result<bool> {
    let sql = format!(
        "UPDATE {} SET taken = taken + 1 WHERE centre = $1 AND day = $2 AND slot = $3 AND taken < capacity",
        t.slots
    );
    let done = sqlx::query(&sql)
        .bind(at.centre)
        .bind(at.day)
        .bind(at.slot)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Booking {
    pub centre: String,
    pub day: String,
    pub slot: String,
    /// `held`, `booked`, `lapsed`, `cancelled`, `done` (a result was recorded) or `past` (its day went by).
    pub status: String,
    pub held_until: i64,
}

impl Booking {
    pub fn at(&self) -> At<'_> {
        At {
            centre: &self.centre,
            day: &self.day,
            slot: &self.slot,
        }
    }
}

/// Locks the application's row for the rest of the transaction (a no-op write: PostgreSQL's row lock; SQLite's
/// `BEGIN IMMEDIATE` holds the whole database already), so two changes of one application's place queue up instead
/// of both reading the same old place and both giving it back.
pub async fn lock_application(conn: &mut AnyConnection, application_id: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE applications SET updated_at = updated_at WHERE id = $1")
        .bind(application_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn booking(conn: &mut AnyConnection, t: &Tables, application_id: &str) -> anyhow::Result<Option<Booking>> {
    let sql = format!(
        "SELECT centre, day, slot, status, held_until FROM {} WHERE application_id = $1",
        t.bookings
    );
    Ok(sqlx::query_as(&sql).bind(application_id).fetch_optional(conn).await?)
}

/// Records the application's place for `subject` (replacing an earlier one).
pub async fn put_booking(
    conn: &mut AnyConnection,
    t: &Tables,
    application_id: &str,
    subject: Option<&str>,
    b: &Booking,
) -> anyhow::Result<()> {
    let sql = format!(
        "INSERT INTO {table} (application_id, centre, day, slot, status, held_until, {subject}) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (application_id) DO UPDATE SET centre = excluded.centre, \
         day = excluded.day, slot = excluded.slot, status = excluded.status, held_until = excluded.held_until, \
         {subject} = excluded.{subject}",
        table = t.bookings,
        subject = t.subject
    );
    sqlx::query(&sql)
        .bind(application_id)
        .bind(&b.centre)
        .bind(&b.day)
        .bind(&b.slot)
        .bind(&b.status)
        .bind(b.held_until)
        .bind(subject)
        .execute(conn)
        .await?;
    Ok(())
}

/// Ends the subject's holds (of any application) that ran out before payment, giving their places back; and
/// closes its bookings whose day has gone by, so last year's inspection or a missed test does not block the next.
pub async fn free_subject(conn: &mut AnyConnection, t: &Tables, subject: &str, now: i64) -> anyhow::Result<()> {
    let sql = format!(
        "UPDATE {} SET status = 'lapsed' WHERE {} = $1 AND status = 'held' AND held_until <= $2 \
         RETURNING centre, day, slot",
        t.bookings, t.subject
    );
    let lapsed: Vec<(String, String, String)> = sqlx::query_as(&sql)
        .bind(subject)
        .bind(now)
        .fetch_all(&mut *conn)
        .await?;
    for (centre, day, slot) in lapsed {
        let at = At {
            centre: &centre,
            day: &day,
            slot: &slot,
        };
        give_back(conn, t, at, 1).await?;
    }
    let today = crate::calendar::date_of(now).to_string();
    let sql = format!(
        "UPDATE {} SET status = 'past' WHERE {} = $1 AND status = 'booked' AND day < $2",
        t.bookings, t.subject
    );
    sqlx::query(&sql).bind(subject).bind(today).execute(conn).await?;
    Ok(())
}

/// Whether the subject has a place held or booked by an application other than `application_id` (one live booking
/// per subject; a unique index stops a race the check misses).
pub async fn booked_elsewhere(
    conn: &mut AnyConnection,
    t: &Tables,
    subject: &str,
    application_id: &str,
) -> anyhow::Result<bool> {
    let sql = format!(
        "SELECT application_id FROM {} WHERE {} = $1 AND status IN ('held', 'booked') AND application_id <> $2 \
         LIMIT 1",
        t.bookings, t.subject
    );
    let found: Option<String> = sqlx::query_scalar(&sql)
        .bind(subject)
        .bind(application_id)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}

/// Moves a booking from one status to another; false when it was not in `from` (another request moved it).
pub async fn advance(
    conn: &mut AnyConnection,
    t: &Tables,
    application_id: &str,
    from: &str,
    to: &str,
) -> anyhow::Result<bool> {
    let sql = format!(
        "UPDATE {} SET status = $3 WHERE application_id = $1 AND status = $2",
        t.bookings
    );
    let done = sqlx::query(&sql)
        .bind(application_id)
        .bind(from)
        .bind(to)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}
