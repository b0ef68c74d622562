//! The SQL for documents. A document is read by its code (the public check) or by its code and its owner (the PDF
//! and the printable page); anyone else's code finds nothing.

use sqlx::{AnyConnection, FromRow};

use super::domain::Kind;
use crate::db::Pool;

#[derive(Debug, Clone, FromRow)]
pub struct DocumentRow {
    pub code: String,
    pub application_id: String,
    pub kind: Kind,
    /// `domain::Details` as JSON.
    pub details: String,
    pub issued_at: i64,
    pub revoked_at: Option<i64>,
    /// The application whose new card replaced this card's slip (withdrawn then, at `revoked_at`).
    pub replaced_by: Option<String>,
}

const COLUMNS: &str = "d.code, d.application_id, d.kind, d.details, d.issued_at, d.revoked_at, d.replaced_by";

/// Issues a document; false when the application has one of this kind already.
pub async fn insert(
    conn: &mut AnyConnection,
    code: &str,
    application_id: &str,
    kind: Kind,
    details: &str,
    holder_account: Option<&str>,
    now: i64,
) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO documents (code, application_id, kind, details, issued_at, holder_account) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
    )
    .bind(code)
    .bind(application_id)
    .bind(kind)
    .bind(details)
    .bind(now)
    .bind(holder_account)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn by_code(pool: &Pool, code: &str) -> anyhow::Result<Option<DocumentRow>> {
    Ok(
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM documents d WHERE d.code = $1"))
            .bind(code)
            .fetch_optional(pool)
            .await?,
    )
}

/// The document `code` if it is `account`'s: issued to them, or else theirs as the applicant.
pub async fn owned(pool: &Pool, code: &str, account: &str) -> anyhow::Result<Option<DocumentRow>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM documents d JOIN applications a ON a.id = d.application_id \
         WHERE d.code = $1 AND COALESCE(d.holder_account, a.account_id) = $2"
    ))
    .bind(code)
    .bind(account)
    .fetch_optional(pool)
    .await?)
}

/// Removes the application's document of `kind`, to issue it again.
pub async fn remove(conn: &mut AnyConnection, application_id: &str, kind: Kind) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM documents WHERE application_id = $1 AND kind = $2")
        .bind(application_id)
        .bind(kind)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn revoke(conn: &mut AnyConnection, application_id: &str, kind: Kind, now: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE documents SET revoked_at = $3 WHERE application_id = $1 AND kind = $2 AND revoked_at IS NULL")
        .bind(application_id)
        .bind(kind)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// A supervisor withdraws the document `code` of `application_id`, once; its kind, or `None` when it was withdrawn
/// already (or is not that application's).
pub async fn withdraw(
    conn: &mut AnyConnection,
    application_id: &str,
    code: &str,
    reason: &str,
    by: &str,
    now: i64,
) -> anyhow::Result<Option<Kind>> {
    Ok(sqlx::query_scalar(
        "UPDATE documents SET revoked_at = $3, withdrawn_reason = $4, withdrawn_by = $5 \
         WHERE application_id = $1 AND code = $2 AND revoked_at IS NULL RETURNING kind",
    )
    .bind(application_id)
    .bind(code)
    .bind(now)
    .bind(reason)
    .bind(by)
    .fetch_optional(conn)
    .await?)
}

/// The application's document of `kind`, in the caller's transaction.
pub async fn of_kind(
    conn: &mut AnyConnection,
    application_id: &str,
    kind: Kind,
) -> anyhow::Result<Option<DocumentRow>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM documents d WHERE d.application_id = $1 AND d.kind = $2"
    ))
    .bind(application_id)
    .bind(kind)
    .fetch_optional(conn)
    .await?)
}

/// The code of the service's own document of the application issued to its applicant (a renewal slip), if one
/// is live.
pub async fn own_code(conn: &mut AnyConnection, application_id: &str) -> anyhow::Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT code FROM documents WHERE application_id = $1 AND kind <> 'receipt' AND holder_account IS NULL \
         AND revoked_at IS NULL ORDER BY issued_at DESC, code LIMIT 1",
    )
    .bind(application_id)
    .fetch_optional(conn)
    .await?)
}

/// The application's documents issued to `holder`, or with `None` to its applicant.
pub async fn of_application(
    pool: &Pool,
    application_id: &str,
    holder: Option<&str>,
) -> anyhow::Result<Vec<DocumentRow>> {
    let holder_is = match holder {
        Some(_) => "d.holder_account = $2",
        None => "d.holder_account IS NULL",
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM documents d WHERE d.application_id = $1 AND {holder_is} ORDER BY d.issued_at, d.kind"
    );
    let mut query = sqlx::query_as(&sql).bind(application_id);
    if let Some(holder) = holder {
        query = query.bind(holder);
    }
    Ok(query.fetch_all(pool).await?)
}

/// The applicant's name as the account has it (registered from the national register's spelling).
pub async fn holder_name(conn: &mut AnyConnection, account_id: &str) -> anyhow::Result<String> {
    let (first, last): (String, String) = sqlx::query_as("SELECT first_name, last_name FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_one(conn)
        .await?;
    Ok(format!("{first} {last}").trim().to_string())
}
