//! The SQL of vehicle registration: who a vehicle may be registered to, the claim on a customs entry and chassis
//! number, and on approval the next plate and the vehicle on the register.

use sqlx::{AnyConnection, FromRow};

use crate::db::Pool;

#[derive(Debug, Clone, FromRow)]
pub struct Organisation {
    pub kra_pin: String,
    pub name: String,
}

/// The organisations the account acts for (added by KRA PIN at registration).
pub async fn organisations(pool: &Pool, account_id: &str) -> anyhow::Result<Vec<Organisation>> {
    Ok(sqlx::query_as(
        "SELECT o.kra_pin, o.name FROM account_organisations ao JOIN organisations o ON o.kra_pin = ao.kra_pin \
         WHERE ao.account_id = $1 ORDER BY o.name",
    )
    .bind(account_id)
    .fetch_all(pool)
    .await?)
}

/// Whether the ID number is on the national register (a vehicle's owner must be).
pub async fn on_register(pool: &Pool, id_number: &str) -> anyhow::Result<bool> {
    Ok(sqlx::query("SELECT 1 FROM register_people WHERE id_number = $1")
        .bind(id_number)
        .fetch_optional(pool)
        .await?
        .is_some())
}

/// Which of the chassis number and the customs entry a vehicle on the register or another paid, unrejected
/// application already has.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Taken {
    pub chassis: bool,
    pub entry: bool,
}

pub async fn taken(pool: &Pool, application_id: &str, chassis: &str, entry: &str) -> anyhow::Result<Taken> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT chassis_number, COALESCE(customs_entry, '') FROM vehicles \
         WHERE chassis_number = $1 OR customs_entry = $2 \
         UNION ALL SELECT r.chassis_number, r.customs_entry FROM vehicle_registrations r \
         JOIN applications a ON a.id = r.application_id \
         WHERE (r.chassis_number = $1 OR r.customs_entry = $2) AND r.application_id <> $3 \
           AND a.status <> 'rejected'",
    )
    .bind(chassis)
    .bind(entry)
    .bind(application_id)
    .fetch_all(pool)
    .await?;
    Ok(Taken {
        chassis: rows.iter().any(|(c, _)| c == chassis),
        entry: rows.iter().any(|(_, e)| e == entry),
    })
}

/// Claims the chassis number and customs entry for a paid application, after releasing claims of rejected
/// applications, in the payment's transaction. False when another paid application holds either.
pub async fn claim(conn: &mut AnyConnection, application_id: &str, chassis: &str, entry: &str) -> anyhow::Result<bool> {
    // This application's own earlier claim goes too: corrected and sent again, it claims what it says now.
    sqlx::query(
        "DELETE FROM vehicle_registrations WHERE application_id = $3 OR ((chassis_number = $1 OR customs_entry = $2) \
         AND application_id IN (SELECT id FROM applications WHERE status = 'rejected'))",
    )
    .bind(chassis)
    .bind(entry)
    .bind(application_id)
    .execute(&mut *conn)
    .await?;
    let done = sqlx::query(
        "INSERT INTO vehicle_registrations (application_id, customs_entry, chassis_number) VALUES ($1, $2, $3) \
         ON CONFLICT DO NOTHING",
    )
    .bind(application_id)
    .bind(entry)
    .bind(chassis)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether the application holds its claim (an approval needs it).
pub async fn holds_claim(conn: &mut AnyConnection, application_id: &str) -> anyhow::Result<bool> {
    Ok(
        sqlx::query("SELECT 1 FROM vehicle_registrations WHERE application_id = $1")
            .bind(application_id)
            .fetch_optional(conn)
            .await?
            .is_some(),
    )
}

/// Takes the next plate number of `series`: one statement, so concurrent approvals never take the same one.
/// Gives the series' first prefix and the number taken (from 0).
pub async fn next_plate(conn: &mut AnyConnection, series: &str) -> anyhow::Result<(String, i64)> {
    Ok(sqlx::query_as(
        "UPDATE plate_series SET issued = issued + 1 WHERE series = $1 RETURNING first_prefix, issued - 1",
    )
    .bind(series)
    .fetch_one(conn)
    .await?)
}

/// A vehicle as it joins the register.
pub struct NewVehicle<'a> {
    pub plate: &'a str,
    pub make: &'a str,
    pub model: &'a str,
    pub year: i64,
    pub engine_cc: i64,
    pub chassis_number: &'a str,
    pub engine_number: &'a str,
    pub owner_id_number: Option<&'a str>,
    pub owner_kra_pin: Option<&'a str>,
    pub logbook_number: &'a str,
    pub body_type: &'a str,
    pub colour: &'a str,
    pub customs_entry: &'a str,
}

/// Puts the vehicle on the register; false when its plate or logbook number is taken (an older vehicle has it),
/// so the caller takes the next.
pub async fn insert_vehicle(conn: &mut AnyConnection, v: &NewVehicle<'_>) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO vehicles (plate, make, model, year, engine_cc, chassis_number, engine_number, owner_id_number, \
         owner_kra_pin, logbook_number, body_type, colour, customs_entry) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING",
    )
    .bind(v.plate)
    .bind(v.make)
    .bind(v.model)
    .bind(v.year)
    .bind(v.engine_cc)
    .bind(v.chassis_number)
    .bind(v.engine_number)
    .bind(v.owner_id_number)
    .bind(v.owner_kra_pin)
    .bind(v.logbook_number)
    .bind(v.body_type)
    .bind(v.colour)
    .bind(v.customs_entry)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records the plate the application's vehicle was given.
pub async fn set_plate(conn: &mut AnyConnection, application_id: &str, plate: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE vehicle_registrations SET plate = $1 WHERE application_id = $2")
        .bind(plate)
        .bind(application_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The plate an approved registration was given.
pub async fn plate(conn: &mut AnyConnection, application_id: &str) -> anyhow::Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT plate FROM vehicle_registrations WHERE application_id = $1 AND plate IS NOT NULL")
            .bind(application_id)
            .fetch_optional(conn)
            .await?,
    )
}

/// An organisation's name.
pub async fn organisation_name(conn: &mut AnyConnection, kra_pin: &str) -> anyhow::Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT name FROM organisations WHERE kra_pin = $1")
        .bind(kra_pin)
        .fetch_optional(conn)
        .await?)
}
