//! The SQL for records. A person's records are those under their ID number, their organisations' KRA PINs, and
//! the ID number or KRA PIN of every TIMS account they linked.

use sqlx::FromRow;

use crate::db::Pool;

#[derive(Debug, FromRow)]
pub struct LicenceRow {
    pub holder_id_number: String,
    pub classes: String,
    pub expires_on: String,
    pub unpaid_offences_kes: i64,
}

#[derive(Debug, FromRow)]
pub struct VehicleRow {
    pub plate: String,
    pub make: String,
    pub model: String,
    pub year: i64,
    pub inspection_due_on: Option<String>,
    /// The owning organisation's name and KRA PIN, when an organisation owns it.
    pub organisation: Option<String>,
    pub owner_kra_pin: Option<String>,
}

#[derive(Debug, FromRow)]
pub struct ProvisionalRow {
    pub class: String,
    pub expires_on: String,
}

/// The provisional licences under the person's own ID number (a learner's permit is never a TIMS record).
pub async fn provisionals_of(pool: &Pool, id_number: &str) -> anyhow::Result<Vec<ProvisionalRow>> {
    Ok(
        sqlx::query_as("SELECT class, expires_on FROM provisional_licences WHERE holder_id_number = $1 ORDER BY class")
            .bind(id_number)
            .fetch_all(pool)
            .await?,
    )
}

#[derive(Debug, FromRow)]
pub struct BirthRow {
    pub born_on: Option<String>,
    pub year_of_birth: i64,
}

/// A licence as the register holds it under one ID number.
#[derive(Debug, Clone, FromRow)]
pub struct HeldLicence {
    /// As printed (`B C1`).
    pub classes: String,
    pub expires_on: String,
}

/// The licence under `id_number` itself (no TIMS link), on `conn`: the caller's transaction, or a pool's.
pub async fn held_licence(conn: &mut sqlx::AnyConnection, id_number: &str) -> anyhow::Result<Option<HeldLicence>> {
    Ok(
        sqlx::query_as("SELECT classes, expires_on FROM driving_licences WHERE holder_id_number = $1")
            .bind(id_number)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

/// A person's driving test passes whose certificate of competence has not lapsed by `today`: class and last day.
pub async fn passes(
    conn: &mut sqlx::AnyConnection,
    id_number: &str,
    today: &str,
) -> anyhow::Result<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT class, valid_until FROM driving_tests WHERE id_number = $1 AND passed = 1 AND valid_until >= $2",
    )
    .bind(id_number)
    .bind(today)
    .fetch_all(&mut *conn)
    .await?)
}

/// A person's date (or only year) of birth on the national register.
pub async fn birth(conn: &mut sqlx::AnyConnection, id_number: &str) -> anyhow::Result<Option<BirthRow>> {
    Ok(
        sqlx::query_as("SELECT born_on, year_of_birth FROM register_people WHERE id_number = $1")
            .bind(id_number)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

/// The TIMS records an account linked: their ID numbers and KRA PINs.
const LINKED: &str = "SELECT t.id_number, t.kra_pin FROM tims_links k \
                      JOIN tims_accounts t ON t.account_number = k.account_number WHERE k.account_id = $2";

pub async fn licences_of(pool: &Pool, id_number: &str, account_id: &str) -> anyhow::Result<Vec<LicenceRow>> {
    Ok(sqlx::query_as(&format!(
        "SELECT holder_id_number, classes, expires_on, unpaid_offences_kes FROM driving_licences \
         WHERE holder_id_number = $1 OR holder_id_number IN (SELECT id_number FROM ({LINKED}) linked) \
         ORDER BY expires_on"
    ))
    .bind(id_number)
    .bind(account_id)
    .fetch_all(pool)
    .await?)
}

pub async fn vehicles_of(pool: &Pool, id_number: &str, account_id: &str) -> anyhow::Result<Vec<VehicleRow>> {
    Ok(sqlx::query_as(&format!(
        "SELECT v.plate, v.make, v.model, v.year, v.inspection_due_on, o.name AS organisation, v.owner_kra_pin \
         FROM vehicles v \
         LEFT JOIN organisations o ON o.kra_pin = v.owner_kra_pin \
         WHERE v.owner_id_number = $1 \
            OR v.owner_kra_pin IN (SELECT kra_pin FROM account_organisations WHERE account_id = $2) \
            OR v.owner_id_number IN (SELECT id_number FROM ({LINKED}) linked) \
            OR v.owner_kra_pin IN (SELECT kra_pin FROM ({LINKED}) linked) \
         ORDER BY o.name IS NOT NULL, o.name, v.plate"
    ))
    .bind(id_number)
    .bind(account_id)
    .fetch_all(pool)
    .await?)
}
