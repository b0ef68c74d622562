//! The SQL of the vehicle search: a vehicle's record and its caveats, read in the payment's transaction.

use sqlx::{AnyConnection, FromRow};

use crate::db::Pool;

/// Whether the register has a vehicle under `plate`.
pub async fn exists(pool: &Pool, plate: &str) -> anyhow::Result<bool> {
    Ok(sqlx::query("SELECT 1 FROM vehicles WHERE plate = $1")
        .bind(plate)
        .fetch_optional(pool)
        .await?
        .is_some())
}

#[derive(Debug, FromRow)]
pub struct RecordRow {
    pub make: String,
    pub model: String,
    pub year: i64,
    pub colour: Option<String>,
    pub owner: String,
    pub inspection_due_on: Option<String>,
}

pub async fn record(conn: &mut AnyConnection, plate: &str) -> anyhow::Result<Option<RecordRow>> {
    Ok(sqlx::query_as(
        "SELECT v.make, v.model, v.year, v.colour, \
         COALESCE(o.name, p.first_name || ' ' || p.other_names, '') AS owner, v.inspection_due_on \
         FROM vehicles v LEFT JOIN organisations o ON o.kra_pin = v.owner_kra_pin \
         LEFT JOIN register_people p ON p.id_number = v.owner_id_number WHERE v.plate = $1",
    )
    .bind(plate)
    .fetch_optional(&mut *conn)
    .await?)
}

#[derive(Debug, FromRow)]
pub struct CaveatRow {
    pub kind: String,
    pub party: String,
    pub noted_on: String,
}

pub async fn caveats(conn: &mut AnyConnection, plate: &str) -> anyhow::Result<Vec<CaveatRow>> {
    Ok(
        sqlx::query_as("SELECT kind, party, noted_on FROM vehicle_caveats WHERE plate = $1 ORDER BY noted_on")
            .bind(plate)
            .fetch_all(conn)
            .await?,
    )
}
