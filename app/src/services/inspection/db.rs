//! The SQL of inspection booking: centres, a slot's places (taken by one conditional UPDATE), and the place an
//! application holds or has booked. The service owns the transactions.

use sqlx::{AnyConnection, FromRow};

use crate::db::Pool;

#[derive(Debug, Clone, FromRow)]
pub struct Centre {
    pub code: String,
    pub name: String,
    pub county: String,
    pub daily_capacity: i64,
}

pub async fn centres(pool: &Pool) -> anyhow::Result<Vec<Centre>> {
    Ok(
        sqlx::query_as("SELECT code, name, county, daily_capacity FROM inspection_centres ORDER BY county, name")
            .fetch_all(pool)
            .await?,
    )
}

/// Places taken per slot at a centre over a range of days (slots never opened have all their places).
#[derive(Debug, Clone, FromRow)]
pub struct SlotRow {
    pub day: String,
    pub slot: String,
    pub capacity: i64,
    pub taken: i64,
}

pub async fn slots(pool: &Pool, centre: &str, from: &str, to: &str) -> anyhow::Result<Vec<SlotRow>> {
    Ok(sqlx::query_as(
        "SELECT day, slot, capacity, taken FROM inspection_slots WHERE centre = $1 AND day >= $2 AND day <= $3",
    )
    .bind(centre)
    .bind(from)
    .bind(to)
    .fetch_all(pool)
    .await?)
}

/// Opens a slot's row the first time anyone asks for it.
pub async fn open_slot(
    conn: &mut AnyConnection,
    centre: &str,
    day: &str,
    slot: &str,
    capacity: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO inspection_slots (centre, day, slot, capacity, taken) VALUES ($1, $2, $3, $4, 0) \
         ON CONFLICT DO NOTHING",
    )
    .bind(centre)
    .bind(day)
    .bind(slot)
    .bind(capacity)
    .execute(conn)
    .await?;
    Ok(())
}

/// Gives back the places of holds in the slot that ran out before payment; how many.
pub async fn lapse_holds(
    conn: &mut AnyConnection,
    centre: &str,
    day: &str,
    slot: &str,
    now: i64,
) -> anyhow::Result<u64> {
    let lapsed = sqlx::query(
        "UPDATE inspection_bookings SET status = 'lapsed' WHERE centre = $1 AND day = $2 AND slot = $3 \
         AND status = 'held' AND held_until <= $4",
    )
    .bind(centre)
    .bind(day)
    .bind(slot)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if lapsed > 0 {
        give_back(conn, centre, day, slot, lapsed as i64).await?;
    }
    Ok(lapsed)
}

/// Returns `n` places to a slot.
pub async fn give_back(conn: &mut AnyConnection, centre: &str, day: &str, slot: &str, n: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE inspection_slots SET taken = taken - $4 WHERE centre = $1 AND day = $2 AND slot = $3")
        .bind(centre)
        .bind(day)
        .bind(slot)
        .bind(n)
        .execute(conn)
        .await?;
    Ok(())
}

/// Takes one place if one is left: true when taken. One statement, so of many racing for the last place, one
/// takes it.
pub async fn take_place(conn: &mut AnyConnection, centre: &str, day: &str, slot: &str) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE inspection_slots SET taken = taken + 1 WHERE centre = $1 AND day = $2 AND slot = $3 \
         AND taken < capacity",
    )
    .bind(centre)
    .bind(day)
    .bind(slot)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Booking {
    pub centre: String,
    pub day: String,
    pub slot: String,
    /// `held`, `booked`, `lapsed` or `cancelled`.
    pub status: String,
    pub held_until: i64,
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

pub async fn booking(conn: &mut AnyConnection, application_id: &str) -> anyhow::Result<Option<Booking>> {
    Ok(sqlx::query_as(
        "SELECT centre, day, slot, status, held_until FROM inspection_bookings WHERE application_id = $1",
    )
    .bind(application_id)
    .fetch_optional(conn)
    .await?)
}

/// Records the application's place for the vehicle `plate` (replacing an earlier one).
pub async fn put_booking(
    conn: &mut AnyConnection,
    application_id: &str,
    plate: Option<&str>,
    b: &Booking,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO inspection_bookings (application_id, centre, day, slot, status, held_until, plate) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (application_id) DO UPDATE SET centre = excluded.centre, \
         day = excluded.day, slot = excluded.slot, status = excluded.status, held_until = excluded.held_until, \
         plate = excluded.plate",
    )
    .bind(application_id)
    .bind(&b.centre)
    .bind(&b.day)
    .bind(&b.slot)
    .bind(&b.status)
    .bind(b.held_until)
    .bind(plate)
    .execute(conn)
    .await?;
    Ok(())
}

/// Ends the vehicle's holds (of any application) that ran out before payment, giving their places back.
pub async fn lapse_vehicle_holds(conn: &mut AnyConnection, plate: &str, now: i64) -> anyhow::Result<()> {
    let lapsed: Vec<(String, String, String)> = sqlx::query_as(
        "UPDATE inspection_bookings SET status = 'lapsed' WHERE plate = $1 AND status = 'held' AND held_until <= $2 \
         RETURNING centre, day, slot",
    )
    .bind(plate)
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    for (centre, day, slot) in lapsed {
        give_back(conn, &centre, &day, &slot, 1).await?;
    }
    Ok(())
}

/// Whether the vehicle has a place held or booked by an application other than `application_id` (one live booking
/// per vehicle; a unique index stops a race the check misses).
pub async fn vehicle_booked_elsewhere(
    conn: &mut AnyConnection,
    plate: &str,
    application_id: &str,
) -> anyhow::Result<bool> {
    let found: Option<String> = sqlx::query_scalar(
        "SELECT application_id FROM inspection_bookings WHERE plate = $1 AND status IN ('held', 'booked') \
         AND application_id <> $2 LIMIT 1",
    )
    .bind(plate)
    .bind(application_id)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// Moves a booking from one status to another; false when it was not in `from` (another request moved it).
pub async fn advance(conn: &mut AnyConnection, application_id: &str, from: &str, to: &str) -> anyhow::Result<bool> {
    let done = sqlx::query("UPDATE inspection_bookings SET status = $3 WHERE application_id = $1 AND status = $2")
        .bind(application_id)
        .bind(from)
        .bind(to)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// A centre's name (the slip and the pages print it).
pub async fn centre_name(conn: &mut AnyConnection, code: &str) -> anyhow::Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT name FROM inspection_centres WHERE code = $1")
            .bind(code)
            .fetch_optional(conn)
            .await?,
    )
}
