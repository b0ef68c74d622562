//! The SQL of the road service licence: the vehicles of the SACCOs and companies an account acts for, the seeded
//! routes, and the licences an approval issues.

use sqlx::{AnyConnection, FromRow};

use crate::db::Pool;

/// One of the vehicles an account may license: an organisation's (a SACCO's or a company's) it acts for.
#[derive(Debug, Clone, FromRow)]
pub struct FleetVehicle {
    pub plate: String,
    pub make: String,
    pub model: String,
    pub seats: Option<i64>,
    pub inspection_due_on: Option<String>,
    pub psv_licence_expires_on: Option<String>,
    pub kra_pin: String,
    pub organisation: String,
}

const FLEET: &str = "SELECT v.plate, v.make, v.model, v.seats, v.inspection_due_on, v.psv_licence_expires_on, \
     o.kra_pin, o.name AS organisation FROM vehicles v JOIN organisations o ON o.kra_pin = v.owner_kra_pin \
     JOIN account_organisations ao ON ao.kra_pin = o.kra_pin AND ao.account_id = $1 \
     WHERE o.kind IN ('sacco', 'company')";

pub async fn fleet(pool: &Pool, account_id: &str) -> anyhow::Result<Vec<FleetVehicle>> {
    Ok(sqlx::query_as(&format!("{FLEET} ORDER BY o.name, v.plate"))
        .bind(account_id)
        .fetch_all(pool)
        .await?)
}

/// The vehicle `plate` if it is among `account_id`'s fleet.
pub async fn vehicle(conn: &mut AnyConnection, account_id: &str, plate: &str) -> anyhow::Result<Option<FleetVehicle>> {
    Ok(sqlx::query_as(&format!("{FLEET} AND v.plate = $2"))
        .bind(account_id)
        .bind(plate)
        .fetch_optional(conn)
        .await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct Route {
    pub code: String,
    pub name: String,
    pub county: String,
}

pub async fn routes(pool: &Pool) -> anyhow::Result<Vec<Route>> {
    Ok(
        sqlx::query_as("SELECT code, name, county FROM psv_routes ORDER BY county, name")
            .fetch_all(pool)
            .await?,
    )
}

pub async fn route(conn: &mut AnyConnection, code: &str) -> anyhow::Result<Option<Route>> {
    Ok(
        sqlx::query_as("SELECT code, name, county FROM psv_routes WHERE code = $1")
            .bind(code)
            .fetch_optional(conn)
            .await?,
    )
}

pub struct NewLicence<'a> {
    pub application_id: &'a str,
    pub plate: &'a str,
    pub kra_pin: &'a str,
    pub route: &'a str,
    pub seats: i64,
    pub starts_on: &'a str,
    pub expires_on: &'a str,
    pub now: i64,
}

/// Issues the licence and puts its last day on the vehicle (a later licence never shortens the vehicle's).
pub async fn issue(conn: &mut AnyConnection, licence: &NewLicence<'_>) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO psv_licences (application_id, plate, kra_pin, route, seats, starts_on, expires_on, issued_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(licence.application_id)
    .bind(licence.plate)
    .bind(licence.kra_pin)
    .bind(licence.route)
    .bind(licence.seats)
    .bind(licence.starts_on)
    .bind(licence.expires_on)
    .bind(licence.now)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE vehicles SET psv_licence_expires_on = $2 WHERE plate = $1 \
         AND (psv_licence_expires_on IS NULL OR psv_licence_expires_on < $2)",
    )
    .bind(licence.plate)
    .bind(licence.expires_on)
    .execute(conn)
    .await?;
    Ok(())
}

/// A licence as its slip and page show it.
#[derive(Debug, Clone, FromRow)]
pub struct LicenceRow {
    pub plate: String,
    pub organisation: String,
    pub route: String,
    pub seats: i64,
    pub starts_on: String,
    pub expires_on: String,
}

pub async fn issued_by(conn: &mut AnyConnection, application_id: &str) -> anyhow::Result<Option<LicenceRow>> {
    Ok(sqlx::query_as(
        "SELECT l.plate, o.name AS organisation, r.name AS route, l.seats, l.starts_on, l.expires_on \
         FROM psv_licences l JOIN organisations o ON o.kra_pin = l.kra_pin JOIN psv_routes r ON r.code = l.route \
         WHERE l.application_id = $1",
    )
    .bind(application_id)
    .fetch_optional(conn)
    .await?)
}

/// The seats the register has for `plate`.
pub async fn seats(conn: &mut AnyConnection, plate: &str) -> anyhow::Result<Option<i64>> {
    Ok(
        sqlx::query_scalar::<_, Option<i64>>("SELECT seats FROM vehicles WHERE plate = $1")
            .bind(plate)
            .fetch_optional(conn)
            .await?
            .flatten(),
    )
}
