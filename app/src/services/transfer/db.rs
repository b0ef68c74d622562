//! The SQL of transfers: the seller's vehicles (their own and their organisations'), the logbook file, the buyer on
//! the register, and the offer.

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
    /// The organisation it is registered to, when it is not the person's own.
    pub owner_kra_pin: Option<String>,
    pub organisation: Option<String>,
}

impl SellerVehicle {
    /// Whether it may be offered here (`domain::availability`).
    pub fn availability(&self) -> Result<(), super::domain::Unavailable> {
        super::domain::availability(self.offers > 0, self.caveats > 0)
    }
}

const VEHICLE: &str = "SELECT v.plate, v.make, v.model, v.year, v.engine_cc, \
     (SELECT COUNT(*) FROM vehicle_transfers t WHERE t.plate = v.plate AND t.status = 'offered') AS offers, \
     (SELECT COUNT(*) FROM vehicle_caveats c WHERE c.plate = v.plate) AS caveats, \
     v.owner_kra_pin, o.name AS organisation \
     FROM vehicles v LEFT JOIN organisations o ON o.kra_pin = v.owner_kra_pin \
     WHERE (v.owner_id_number = $1 \
        OR v.owner_kra_pin IN (SELECT kra_pin FROM account_organisations WHERE account_id = $2))";

/// Who sells: a person (their ID number) acting for themselves and for the organisations they act for.
#[derive(Debug, Clone, Copy)]
pub struct Seller<'a> {
    pub account_id: &'a str,
    pub id_number: &'a str,
}

/// The vehicles the seller may sell: theirs, then their organisations'.
pub async fn vehicles_of(pool: &Pool, seller: Seller<'_>) -> anyhow::Result<Vec<SellerVehicle>> {
    Ok(
        sqlx::query_as(&format!("{VEHICLE} ORDER BY o.name IS NOT NULL, o.name, v.plate"))
            .bind(seller.id_number)
            .bind(seller.account_id)
            .fetch_all(pool)
            .await?,
    )
}

/// The vehicle `plate` if the seller may sell it.
pub async fn vehicle_of(
    conn: &mut AnyConnection,
    seller: Seller<'_>,
    plate: &str,
) -> anyhow::Result<Option<SellerVehicle>> {
    Ok(sqlx::query_as(&format!("{VEHICLE} AND v.plate = $3"))
        .bind(seller.id_number)
        .bind(seller.account_id)
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

/// Who holds a vehicle on the register, or takes it: a person by ID number or an organisation by KRA PIN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    Person(String),
    Organisation(String),
}

impl Owner {
    /// From a row's pair of columns (exactly one is set; the tables' CHECKs say so).
    pub fn of(id_number: Option<&str>, kra_pin: Option<&str>) -> Option<Owner> {
        match (kra_pin, id_number) {
            (Some(pin), _) => Some(Owner::Organisation(pin.to_string())),
            (None, Some(id)) => Some(Owner::Person(id.to_string())),
            (None, None) => None,
        }
    }

    /// The ID number and the KRA PIN columns' values.
    fn columns(&self) -> (Option<&str>, Option<&str>) {
        match self {
            Owner::Person(id) => (Some(id), None),
            Owner::Organisation(pin) => (None, Some(pin)),
        }
    }
}

pub struct NewOffer<'a> {
    pub application_id: &'a str,
    pub plate: &'a str,
    pub seller: &'a Owner,
    /// A person buying (an organisation's people answer on their own accounts, named when they do).
    pub buyer_account: Option<&'a str>,
    pub buyer: &'a Owner,
    pub now: i64,
    pub deadline: i64,
}

/// Offers the vehicle; false when it is already on offer (the partial unique index: one offer per vehicle).
pub async fn insert_offer(conn: &mut AnyConnection, offer: &NewOffer<'_>) -> anyhow::Result<bool> {
    let (seller_id, seller_pin) = offer.seller.columns();
    let (buyer_id, buyer_pin) = offer.buyer.columns();
    let done = sqlx::query(
        "INSERT INTO vehicle_transfers (application_id, plate, seller_id_number, seller_kra_pin, buyer_account, \
         buyer_id_number, buyer_kra_pin, status, offered_at, deadline) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'offered', $8, $9) ON CONFLICT DO NOTHING",
    )
    .bind(offer.application_id)
    .bind(offer.plate)
    .bind(seller_id)
    .bind(seller_pin)
    .bind(offer.buyer_account)
    .bind(buyer_id)
    .bind(buyer_pin)
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
    pub seller_id_number: Option<String>,
    pub seller_kra_pin: Option<String>,
    /// The person's name, or the organisation's.
    pub seller_name: String,
    /// The person buying, or whoever of the buying organisation's people answered (none yet: nobody has).
    pub buyer_account: Option<String>,
    pub buyer_id_number: Option<String>,
    pub buyer_kra_pin: Option<String>,
    /// The person's name, or the organisation's.
    pub buyer_name: String,
    /// The name of the person who answered for a buying organisation.
    pub answered_by: Option<String>,
    pub status: String,
    pub offered_at: i64,
    pub deadline: i64,
    pub decided_at: Option<i64>,
}

impl OfferRow {
    pub fn seller(&self) -> Option<Owner> {
        Owner::of(self.seller_id_number.as_deref(), self.seller_kra_pin.as_deref())
    }

    pub fn buyer(&self) -> Option<Owner> {
        Owner::of(self.buyer_id_number.as_deref(), self.buyer_kra_pin.as_deref())
    }

    /// The messages' `$seller_kind`: whose name the vehicle stays in when it is not sold.
    pub fn seller_kind(&self) -> &'static str {
        if self.seller_kra_pin.is_some() {
            "organisation"
        } else {
            "person"
        }
    }
}

const OFFER: &str = "SELECT t.application_id, t.plate, v.make, v.model, v.year, a.account_id AS seller_account, \
     t.seller_id_number, t.seller_kra_pin, COALESCE(so.name, s.first_name || ' ' || s.other_names) AS seller_name, \
     t.buyer_account, t.buyer_id_number, t.buyer_kra_pin, \
     COALESCE(bo.name, b.first_name || ' ' || b.other_names) AS buyer_name, \
     CASE WHEN t.buyer_kra_pin IS NULL THEN NULL ELSE ab.first_name || ' ' || ab.last_name END AS answered_by, \
     t.status, t.offered_at, t.deadline, t.decided_at \
     FROM vehicle_transfers t JOIN vehicles v ON v.plate = t.plate \
     JOIN applications a ON a.id = t.application_id \
     LEFT JOIN register_people s ON s.id_number = t.seller_id_number \
     LEFT JOIN organisations so ON so.kra_pin = t.seller_kra_pin \
     LEFT JOIN register_people b ON b.id_number = t.buyer_id_number \
     LEFT JOIN organisations bo ON bo.kra_pin = t.buyer_kra_pin \
     LEFT JOIN accounts ab ON ab.id = t.buyer_account";

pub async fn offer(conn: &mut AnyConnection, application_id: &str) -> anyhow::Result<Option<OfferRow>> {
    Ok(sqlx::query_as(&format!("{OFFER} WHERE t.application_id = $1"))
        .bind(application_id)
        .fetch_optional(conn)
        .await?)
}

/// The offers made to `account` and to the organisations it acts for, newest first.
pub async fn offers_to(pool: &Pool, account: &str) -> anyhow::Result<Vec<OfferRow>> {
    Ok(sqlx::query_as(&format!(
        "{OFFER} WHERE (t.buyer_kra_pin IS NULL AND t.buyer_account = $1) \
         OR t.buyer_kra_pin IN (SELECT kra_pin FROM account_organisations WHERE account_id = $1) \
         ORDER BY t.offered_at DESC"
    ))
    .bind(account)
    .fetch_all(pool)
    .await?)
}

/// Ends an offer that is still waiting, naming who answered for a buying organisation (`by`: none when it
/// lapsed); false when it was answered (or lapsed) meanwhile.
pub async fn close(
    conn: &mut AnyConnection,
    application_id: &str,
    status: &str,
    by: Option<&str>,
    now: i64,
) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE vehicle_transfers SET status = $2, decided_at = $3, buyer_account = COALESCE(buyer_account, $4) \
         WHERE application_id = $1 AND status = 'offered'",
    )
    .bind(application_id)
    .bind(status)
    .bind(now)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Puts the vehicle in the buyer's name; false when the seller no longer holds it.
pub async fn change_owner(
    conn: &mut AnyConnection,
    plate: &str,
    seller: &Owner,
    buyer: &Owner,
) -> anyhow::Result<bool> {
    // The column is one of two fixed names, never anything typed.
    let held = match seller {
        Owner::Person(_) => "owner_id_number",
        Owner::Organisation(_) => "owner_kra_pin",
    };
    let (Owner::Person(from) | Owner::Organisation(from)) = seller;
    let (to_id, to_pin) = buyer.columns();
    let done = sqlx::query(&format!(
        "UPDATE vehicles SET owner_id_number = $3, owner_kra_pin = $4 WHERE plate = $1 AND {held} = $2 \
         AND NOT EXISTS (SELECT 1 FROM vehicle_caveats c WHERE c.plate = vehicles.plate)"
    ))
    .bind(plate)
    .bind(from.as_str())
    .bind(to_id)
    .bind(to_pin)
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

#[cfg(test)]
mod tests {
    use super::Owner;

    #[test]
    fn an_owner_is_a_person_or_an_organisation_never_both() {
        let person = Owner::of(Some("7974916"), None).unwrap();
        assert_eq!(person.columns(), (Some("7974916"), None));
        let organisation = Owner::of(None, Some("P052468013M")).unwrap();
        assert_eq!(organisation.columns(), (None, Some("P052468013M")));
        // The register's CHECK allows one; a row naming both is read as the organisation's.
        assert_eq!(Owner::of(Some("7974916"), Some("P052468013M")), Some(organisation));
        assert_eq!(Owner::of(None, None), None);
    }
}
