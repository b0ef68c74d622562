//! The SQL of smart licence cards: the collection centres, and the cards issued, one current a holder (the
//! partial unique index `smart_cards_current` enforces it); a new card replaces the one before.

use sqlx::{AnyConnection, FromRow};

use crate::{db::Pool, documents::domain::Kind};

#[derive(Debug, Clone, FromRow)]
pub struct Centre {
    pub code: String,
    pub name: String,
    pub county: String,
}

pub async fn centres(pool: &Pool) -> anyhow::Result<Vec<Centre>> {
    Ok(
        sqlx::query_as("SELECT code, name, county FROM collection_centres ORDER BY name")
            .fetch_all(pool)
            .await?,
    )
}

/// The codes of the collection centres, for checking an answer.
pub async fn centre_codes(pool: &Pool) -> anyhow::Result<Vec<String>> {
    Ok(centres(pool).await?.into_iter().map(|c| c.code).collect())
}

/// A centre's name, or its code when it has gone from the list.
pub async fn centre_name(conn: &mut AnyConnection, code: &str) -> anyhow::Result<String> {
    let name: Option<String> = sqlx::query_scalar("SELECT name FROM collection_centres WHERE code = $1")
        .bind(code)
        .fetch_optional(conn)
        .await?;
    Ok(name.unwrap_or_else(|| code.to_string()))
}

/// A card issued.
#[derive(Debug, Clone, FromRow)]
pub struct CardRow {
    /// The application that issued it (its slip is that application's document of `slip_kind`).
    pub application_id: String,
    pub slip_kind: Kind,
    pub centre: String,
    /// The classes printed on it (`B C1`) and its last day.
    pub classes: String,
    pub expires_on: String,
    pub issued_at: i64,
}

const CARD: &str = "application_id, slip_kind, centre, classes, expires_on, issued_at";

/// The holder's current card, if Uraia issued one.
pub async fn current(conn: &mut AnyConnection, holder_id_number: &str) -> anyhow::Result<Option<CardRow>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {CARD} FROM smart_cards WHERE holder_id_number = $1 AND replaced_by IS NULL"
    ))
    .bind(holder_id_number)
    .fetch_optional(conn)
    .await?)
}

pub struct NewCard<'a> {
    pub application_id: &'a str,
    pub holder_id_number: &'a str,
    pub slip_kind: Kind,
    pub centre: &'a str,
    pub classes: &'a str,
    pub expires_on: &'a str,
    pub now: i64,
}

/// Issues a card in the caller's transaction. The holder's current card, if any, is marked replaced by it and its
/// slip withdrawn, so the public check of the old slip says it is no longer valid. Two approvals for one holder at
/// the same moment cannot leave two current cards: the second's insert meets `smart_cards_current` and its
/// decision rolls back whole, to be made again.
pub async fn issue(conn: &mut AnyConnection, card: &NewCard<'_>) -> anyhow::Result<()> {
    let old: Option<CardRow> = sqlx::query_as(&format!(
        "UPDATE smart_cards SET replaced_by = $1, replaced_at = $2 \
         WHERE holder_id_number = $3 AND replaced_by IS NULL RETURNING {CARD}"
    ))
    .bind(card.application_id)
    .bind(card.now)
    .bind(card.holder_id_number)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(old) = &old {
        sqlx::query(
            "UPDATE documents SET revoked_at = $1, replaced_by = $2 \
             WHERE application_id = $3 AND kind = $4 AND revoked_at IS NULL",
        )
        .bind(card.now)
        .bind(card.application_id)
        .bind(&old.application_id)
        .bind(old.slip_kind)
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query(
        "INSERT INTO smart_cards (application_id, holder_id_number, slip_kind, centre, classes, expires_on, \
         issued_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(card.application_id)
    .bind(card.holder_id_number)
    .bind(card.slip_kind)
    .bind(card.centre)
    .bind(card.classes)
    .bind(card.expires_on)
    .bind(card.now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The card an application issued (its result page and its slip).
pub async fn issued_by(conn: &mut AnyConnection, application_id: &str) -> anyhow::Result<Option<CardRow>> {
    Ok(
        sqlx::query_as(&format!("SELECT {CARD} FROM smart_cards WHERE application_id = $1"))
            .bind(application_id)
            .fetch_optional(conn)
            .await?,
    )
}
