//! The SQL of transfers: the seller's vehicles, the logbook file, the buyer on the register, and the offer.

use sqlx::{AnyConnection, FromRow};

use crate::db::Pool;

/// One of the seller's vehicles, with the offers waiting on it (0 or 1).
#[derive(Debug, Clone, FromRow)]
pub struct SellerVehicle {
    pub plate: String,
    pub make: String,
    pub model: String,
    pub year: i64,
    pub engine_cc: i64,
    pub offers: i64,
    /// Caveats on the register (financier, police, court).
    pub caveats: i64,
}

impl SellerVehicle {
    /// Whether it may be offered here (`domain::availability`).
    pub fn availability(&self) -> Result<(), super::domain::Unavailable> {
        super::domain::availability(self.offers > 0, self.caveats > 0)
    }
}

const VEHICLE: &str = "SELECT v.plate, v.make, v.model, v.year, v.engine_cc, \
     (SELECT COUNT(*) FROM vehicle_transfers t WHERE t.plate = v.plate AND t.status = 'offered') AS offers, \
     (SELECT COUNT(*) FROM vehicle_caveats c WHERE c.plate = v.plate) AS caveats \
     FROM vehicles v WHERE v.owner_id_number = $1";

/// The vehicles registered to the person with `id_number` (not those of organisations they act for).
pub async fn vehicles_of(pool: &Pool, id_number: &str) -> anyhow::Result<Vec<SellerVehicle>> {
    Ok(sqlx::query_as(&format!("{VEHICLE} ORDER BY v.plate"))
        .bind(id_number)
        .fetch_all(pool)
        .await?)
}

/// The vehicle `plate` if it is registered to the person with `id_number`.
pub async fn vehicle_of(
    conn: &mut AnyConnection,
    id_number: &str,
    plate: &str,
) -> anyhow::Result<Option<SellerVehicle>> {
    Ok(sqlx::query_as(&format!("{VEHICLE} AND v.plate = $2"))
        .bind(id_number)
        .bind(plate)
        .fetch_optional(conn)
        .await?)
}

/// Keeps the application's logbook file (a new upload replaces the old).
pub async fn save_logbook(
    pool: &Pool,
    application_id: &str,
    format: &str,
    content: &[u8],
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO transfer_logbooks (application_id, format, content, uploaded_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (application_id) DO UPDATE SET format = excluded.format, content = excluded.content, \
         uploaded_at = excluded.uploaded_at",
    )
    .bind(application_id)
    .bind(format)
    .bind(content)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}

/// The logbook of the application `application_id` if it is `account`'s.
pub async fn logbook_of(pool: &Pool, application_id: &str, account: &str) -> anyhow::Result<Option<(String, Vec<u8>)>> {
    Ok(sqlx::query_as(
        "SELECT l.format, l.content FROM transfer_logbooks l JOIN applications a ON a.id = l.application_id \
         WHERE l.application_id = $1 AND a.account_id = $2",
    )
    .bind(application_id)
    .bind(account)
    .fetch_optional(pool)
    .await?)
}

pub struct NewOffer<'a> {
    pub application_id: &'a str,
    pub plate: &'a str,
    pub seller_id_number: &'a str,
    pub buyer_account: &'a str,
    pub buyer_id_number: &'a str,
    pub now: i64,
    pub deadline: i64,
}

/// Offers the vehicle; false when it is already on offer (the partial unique index: one offer per vehicle).
pub async fn insert_offer(conn: &mut AnyConnection, offer: &NewOffer<'_>) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO vehicle_transfers (application_id, plate, seller_id_number, buyer_account, buyer_id_number, \
         status, offered_at, deadline) VALUES ($1, $2, $3, $4, $5, 'offered', $6, $7) ON CONFLICT DO NOTHING",
    )
    .bind(offer.application_id)
    .bind(offer.plate)
    .bind(offer.seller_id_number)
    .bind(offer.buyer_account)
    .bind(offer.buyer_id_number)
    .bind(offer.now)
    .bind(offer.deadline)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// An offer with the vehicle and both parties' names.
#[derive(Debug, Clone, FromRow)]
pub struct OfferRow {
    pub application_id: String,
    pub plate: String,
    pub make: String,
    pub model: String,
    pub year: i64,
    pub seller_account: String,
    pub seller_id_number: String,
    pub seller_name: String,
    pub buyer_account: String,
    pub buyer_id_number: String,
    pub buyer_name: String,
    pub status: String,
    pub offered_at: i64,
    pub deadline: i64,
    pub decided_at: Option<i64>,
}

const OFFER: &str =
    "SELECT t.application_id, t.plate, v.make, v.model, v.year, a.account_id AS seller_account, t.seller_id_number, \
     s.first_name || ' ' || s.other_names AS seller_name, t.buyer_account, t.buyer_id_number, \
     b.first_name || ' ' || b.other_names AS buyer_name, t.status, t.offered_at, t.deadline, t.decided_at \
     FROM vehicle_transfers t JOIN vehicles v ON v.plate = t.plate \
     JOIN applications a ON a.id = t.application_id \
     JOIN register_people s ON s.id_number = t.seller_id_number \
     JOIN register_people b ON b.id_number = t.buyer_id_number";

pub async fn offer(conn: &mut AnyConnection, application_id: &str) -> anyhow::Result<Option<OfferRow>> {
    Ok(sqlx::query_as(&format!("{OFFER} WHERE t.application_id = $1"))
        .bind(application_id)
        .fetch_optional(conn)
        .await?)
}

/// The offers made to `account`, newest first.
pub async fn offers_to(pool: &Pool, account: &str) -> anyhow::Result<Vec<OfferRow>> {
    Ok(sqlx::query_as(&format!(
        "{OFFER} WHERE t.buyer_account = $1 ORDER BY t.offered_at DESC"
    ))
    .bind(account)
    .fetch_all(pool)
    .await?)
}

/// Ends an offer that is still waiting; false when it was answered (or lapsed) meanwhile.
pub async fn close(conn: &mut AnyConnection, application_id: &str, status: &str, now: i64) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE vehicle_transfers SET status = $2, decided_at = $3 WHERE application_id = $1 AND status = 'offered'",
    )
    .bind(application_id)
    .bind(status)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Puts the vehicle in the buyer's name; false when the seller no longer holds it.
pub async fn change_owner(conn: &mut AnyConnection, plate: &str, seller: &str, buyer: &str) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE vehicles SET owner_id_number = $3 WHERE plate = $1 AND owner_id_number = $2 AND owner_kra_pin IS NULL \
         AND NOT EXISTS (SELECT 1 FROM vehicle_caveats c WHERE c.plate = vehicles.plate)",
    )
    .bind(plate)
    .bind(seller)
    .bind(buyer)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether a caveat is on the register for `plate` (one may be noted while an offer waits).
pub async fn caveated(conn: &mut AnyConnection, plate: &str) -> anyhow::Result<bool> {
    let found: Option<String> = sqlx::query_scalar("SELECT plate FROM vehicle_caveats WHERE plate = $1 LIMIT 1")
        .bind(plate)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}

/// Offers whose deadline has passed unanswered.
pub async fn lapsed(pool: &Pool, now: i64) -> anyhow::Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT application_id FROM vehicle_transfers WHERE status = 'offered' AND deadline <= $1 \
         ORDER BY deadline LIMIT 100",
    )
    .bind(now)
    .fetch_all(pool)
    .await?)
}
