//! The SQL for photos.

use sqlx::FromRow;

use super::check::CleanPhoto;
use crate::db::Pool;

/// What a page needs to show a photo (not the picture itself).
#[derive(Debug, Clone, FromRow)]
pub struct PhotoInfo {
    pub id: String,
    pub width: i64,
    pub height: i64,
    pub added_at: i64,
}

/// Stores `photo` as the account's photo, replacing any other in the same statement. Returns the new id.
pub async fn save(pool: &Pool, account_id: &str, photo: &CleanPhoto, now: i64) -> anyhow::Result<String> {
    let id = uuid::Uuid::new_v4().simple().to_string();
    sqlx::query(
        "INSERT INTO photos (id, account_id, jpeg, width, height, added_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (account_id) DO UPDATE SET id = excluded.id, jpeg = excluded.jpeg, width = excluded.width, \
         height = excluded.height, added_at = excluded.added_at",
    )
    .bind(&id)
    .bind(account_id)
    .bind(&photo.jpeg)
    .bind(i64::from(photo.width))
    .bind(i64::from(photo.height))
    .bind(now)
    .execute(pool)
    .await?;
    Ok(id)
}

pub async fn of_account(pool: &Pool, account_id: &str) -> anyhow::Result<Option<PhotoInfo>> {
    Ok(
        sqlx::query_as("SELECT id, width, height, added_at FROM photos WHERE account_id = $1")
            .bind(account_id)
            .fetch_optional(pool)
            .await?,
    )
}

/// The JPEG of photo `id` if it belongs to `account_id`: one query, so "not yours" and "no such photo" are the
/// same answer.
pub async fn jpeg_of(pool: &Pool, id: &str, account_id: &str) -> anyhow::Result<Option<Vec<u8>>> {
    Ok(
        sqlx::query_scalar("SELECT jpeg FROM photos WHERE id = $1 AND account_id = $2")
            .bind(id)
            .bind(account_id)
            .fetch_optional(pool)
            .await?,
    )
}

pub async fn remove(pool: &Pool, account_id: &str) -> anyhow::Result<bool> {
    let done = sqlx::query("DELETE FROM photos WHERE account_id = $1")
        .bind(account_id)
        .execute(pool)
        .await?;
    Ok(done.rows_affected() > 0)
}
