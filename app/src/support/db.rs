//! The SQL of the help desk. A status moves in one conditional `UPDATE`, so an agent's close and a person's reply
//! arriving together leave one answer.

use sqlx::{AnyConnection, FromRow};

use super::domain::{CaseStatus, Topic};
use crate::db::Pool;

/// A case as stored.
#[derive(Debug, Clone, FromRow)]
pub struct Case {
    pub id: String,
    pub reference: String,
    pub account_id: Option<String>,
    pub application_id: Option<String>,
    /// The application's reference, when the case names one.
    pub application_reference: Option<String>,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub language: String,
    pub topic: Topic,
    pub status: CaseStatus,
    pub solved: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "c.id, c.reference, c.account_id, c.application_id, a.reference AS application_reference, \
                       c.name, c.email, c.phone, c.language, c.topic, c.status, c.solved, c.created_at, c.updated_at";
const FROM: &str = "support_cases c LEFT JOIN applications a ON a.id = c.application_id";

/// A new case, as it is opened.
pub struct NewCase<'a> {
    pub id: &'a str,
    pub reference: &'a str,
    pub account_id: Option<&'a str>,
    pub application_id: Option<&'a str>,
    pub name: &'a str,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub language: &'a str,
    pub topic: Topic,
}

/// Inserts the case; false when its reference is taken (the caller draws another).
pub async fn insert(conn: &mut AnyConnection, case: &NewCase<'_>, now: i64) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO support_cases (id, reference, account_id, application_id, name, email, phone, language, topic, \
                                    status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10, $10) ON CONFLICT (reference) DO NOTHING",
    )
    .bind(case.id)
    .bind(case.reference)
    .bind(case.account_id)
    .bind(case.application_id)
    .bind(case.name)
    .bind(case.email)
    .bind(case.phone)
    .bind(case.language)
    .bind(case.topic)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn message(
    conn: &mut AnyConnection,
    case_id: &str,
    author: &str,
    agent_id: Option<&str>,
    body: &str,
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO support_messages (id, case_id, author, agent_id, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(uuid::Uuid::now_v7().simple().to_string())
    .bind(case_id)
    .bind(author)
    .bind(agent_id)
    .bind(body)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn by_reference(conn: &mut AnyConnection, reference: &str) -> anyhow::Result<Option<Case>> {
    Ok(
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM {FROM} WHERE c.reference = $1"))
            .bind(reference)
            .fetch_optional(conn)
            .await?,
    )
}

/// The cases of an account, newest first.
pub async fn of_account(pool: &Pool, account: &str) -> anyhow::Result<Vec<Case>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE c.account_id = $1 ORDER BY c.created_at DESC LIMIT 50"
    ))
    .bind(account)
    .fetch_all(pool)
    .await?)
}

/// The agents' queue: cases waiting for an agent, oldest first, of one topic or all.
pub async fn queue(pool: &Pool, topic: Option<Topic>, limit: i64) -> anyhow::Result<Vec<Case>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE c.status = 'open' AND ($1 = '' OR c.topic = $1) \
         ORDER BY c.updated_at, c.id LIMIT {limit}"
    );
    Ok(sqlx::query_as(&sql)
        .bind(topic.map_or("", Topic::code))
        .fetch_all(pool)
        .await?)
}

/// One message of a thread.
#[derive(Debug, Clone, FromRow)]
pub struct Message {
    pub author: String,
    pub body: String,
    pub created_at: i64,
}

pub async fn thread(pool: &Pool, case_id: &str) -> anyhow::Result<Vec<Message>> {
    Ok(
        sqlx::query_as("SELECT author, body, created_at FROM support_messages WHERE case_id = $1 ORDER BY id")
            .bind(case_id)
            .fetch_all(pool)
            .await?,
    )
}

/// Moves a case that is not closed to `to` (a reply: `open` or `answered`); false when it was closed.
pub async fn move_open(conn: &mut AnyConnection, id: &str, to: CaseStatus, now: i64) -> anyhow::Result<bool> {
    let done =
        sqlx::query("UPDATE support_cases SET status = $2, updated_at = $3 WHERE id = $1 AND status <> 'closed'")
            .bind(id)
            .bind(to)
            .bind(now)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Closes a case, once; false when it was closed already.
pub async fn close(conn: &mut AnyConnection, id: &str, by: &str, now: i64) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE support_cases SET status = 'closed', closed_at = $2, closed_by = $3, updated_at = $2 \
         WHERE id = $1 AND status <> 'closed'",
    )
    .bind(id)
    .bind(now)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The person's one answer to "did this solve it?", on a closed case; false when answered before.
pub async fn solved(conn: &mut AnyConnection, id: &str, solved: bool) -> anyhow::Result<bool> {
    let done =
        sqlx::query("UPDATE support_cases SET solved = $2 WHERE id = $1 AND status = 'closed' AND solved IS NULL")
            .bind(id)
            .bind(i64::from(solved))
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}
