//! The staff feature's SQL: roles, the queue, claims, an application's payments and the audit log.

use sqlx::{any::AnyArguments, Any, AnyConnection, Arguments, FromRow};

use crate::{applications::domain::Waiting, db::Pool};

#[derive(Debug, FromRow)]
pub struct MemberRow {
    pub account_id: String,
    pub email: String,
    pub first_name: String,
    pub role: String,
    pub centre: Option<String>,
    pub services: String,
}

/// The staff role of an account, with the account's email and first name.
pub async fn member(pool: &Pool, account_id: &str) -> anyhow::Result<Option<MemberRow>> {
    Ok(sqlx::query_as(
        "SELECT s.account_id, a.email, a.first_name, s.role, s.centre, s.services FROM staff s \
         JOIN accounts a ON a.id = s.account_id WHERE s.account_id = $1",
    )
    .bind(account_id)
    .fetch_optional(pool)
    .await?)
}

/// Everyone with a staff role, by email.
pub async fn members(pool: &Pool) -> anyhow::Result<Vec<MemberRow>> {
    Ok(sqlx::query_as(
        "SELECT s.account_id, a.email, a.first_name, s.role, s.centre, s.services FROM staff s \
         JOIN accounts a ON a.id = s.account_id ORDER BY a.email",
    )
    .fetch_all(pool)
    .await?)
}

/// The verified account an email address belongs to (a role is given only to a proven address).
pub async fn verified_account(conn: &mut AnyConnection, email: &str) -> anyhow::Result<Option<String>> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT id FROM accounts WHERE email = $1 AND email_verified_at IS NOT NULL")
            .bind(email)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(id,)| id))
}

/// The role an account held before (for the audit log's "before").
pub async fn role_of(conn: &mut AnyConnection, account_id: &str) -> anyhow::Result<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as("SELECT role FROM staff WHERE account_id = $1")
        .bind(account_id)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(|(role,)| role))
}

/// Gives (or changes) an account's role.
pub async fn grant(
    conn: &mut AnyConnection,
    account_id: &str,
    role: &str,
    centre: Option<&str>,
    services: &str,
    now: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO staff (account_id, role, centre, services, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (account_id) DO UPDATE SET role = $2, centre = $3, \
         services = $4, updated_at = $5",
    )
    .bind(account_id)
    .bind(role)
    .bind(centre)
    .bind(services)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// One application waiting in (or decided from) a queue.
#[derive(Debug, Clone, FromRow)]
pub struct QueueRow {
    pub id: String,
    pub reference: Option<String>,
    pub service: String,
    pub status: String,
    pub updated_at: i64,
    pub claimed_by: Option<String>,
    pub claimed_until: Option<i64>,
    /// The centre that deals with it (`None`: any).
    pub centre: Option<String>,
    /// The first name of whoever holds the claim.
    pub holder: Option<String>,
}

/// The centres an application can be dealt at (inspection centres, test units, collection centres), by name.
pub async fn centres(pool: &Pool) -> anyhow::Result<Vec<(String, String)>> {
    Ok(sqlx::query_as(
        "SELECT code, name FROM inspection_centres UNION SELECT code, name FROM test_units \
         UNION SELECT code, name FROM collection_centres ORDER BY 2, 1",
    )
    .fetch_all(pool)
    .await?)
}

/// What a queue shows: applications of `services` in `status`, last changed before `before`, oldest first.
pub struct QueueQuery<'a> {
    pub services: &'a [String],
    pub status: &'a str,
    /// In review: whom they wait for; `None` (decided ones): whomever they waited for.
    pub waiting: Option<Waiting>,
    pub before: i64,
    pub centre: CentreFilter<'a>,
    pub offset: i64,
    pub limit: i64,
}

/// Which centres' applications a queue shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CentreFilter<'a> {
    Every,
    /// This centre's alone (a supervisor's filter).
    Only(&'a str),
    /// This centre's and those of no centre (an officer at a centre).
    AtOrAny(&'a str),
}

/// Adds `value` to `values`, giving its placeholder.
fn push<'q, T>(values: &mut AnyArguments<'q>, value: T) -> anyhow::Result<String>
where
    T: 'q + sqlx::Encode<'q, Any> + sqlx::Type<Any>,
{
    values
        .add(value)
        .map_err(|error| anyhow::anyhow!("queue value: {error}"))?;
    Ok(format!("${}", values.len()))
}

/// The WHERE conditions of `query` on applications (columns prefixed `p`, "" or "ap."), with their values.
fn conditions<'q>(query: &QueueQuery<'q>, p: &str) -> anyhow::Result<(String, AnyArguments<'q>)> {
    let mut values = AnyArguments::default();
    let v = &mut values;
    let mut sql = format!(
        "{p}status = {} AND {p}updated_at < {}",
        push(v, query.status)?,
        push(v, query.before)?,
    );
    if let Some(waiting) = query.waiting {
        sql += &format!(" AND {p}waiting_for = {}", push(v, waiting.code())?);
    }
    match query.centre {
        CentreFilter::Every => {}
        CentreFilter::Only(code) => sql += &format!(" AND {p}centre = {}", push(v, code)?),
        CentreFilter::AtOrAny(code) => {
            let n = push(v, code)?;
            sql += &format!(" AND ({p}centre = {n} OR {p}centre IS NULL)");
        }
    }
    let services = query
        .services
        .iter()
        .map(|service| push(v, service.as_str()))
        .collect::<anyhow::Result<Vec<_>>>()?;
    sql += &format!(" AND {p}service IN ({})", services.join(", "));
    Ok((sql, values))
}

pub async fn queue(pool: &Pool, query: &QueueQuery<'_>) -> anyhow::Result<Vec<QueueRow>> {
    if query.services.is_empty() {
        return Ok(vec![]);
    }
    let (conditions, values) = conditions(query, "ap.")?;
    let sql = format!(
        "SELECT ap.id, ap.reference, ap.service, ap.status, ap.updated_at, ap.claimed_by, ap.claimed_until, \
         ap.centre, ac.first_name AS holder FROM applications ap LEFT JOIN accounts ac ON ac.id = ap.claimed_by \
         WHERE {conditions} ORDER BY ap.updated_at, ap.id LIMIT {} OFFSET {}",
        query.limit, query.offset
    );
    Ok(sqlx::query_as_with(&sql, values).fetch_all(pool).await?)
}

/// How many applications of each service the query covers there are (all pages).
pub async fn counts(pool: &Pool, query: &QueueQuery<'_>) -> anyhow::Result<Vec<(String, i64)>> {
    if query.services.is_empty() {
        return Ok(vec![]);
    }
    let (conditions, values) = conditions(query, "")?;
    let sql = format!("SELECT service, COUNT(*) FROM applications WHERE {conditions} GROUP BY service");
    Ok(sqlx::query_as_with(&sql, values).fetch_all(pool).await?)
}

/// Claims an application in review for `by` until `until`: free, lapsed, or already `by`'s. False: someone else
/// holds it (or it is no longer in review).
pub async fn claim(conn: &mut AnyConnection, id: &str, by: &str, until: i64, now: i64) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE applications SET claimed_by = $1, claimed_until = $2 WHERE id = $3 AND status = 'in_review' \
         AND waiting_for <> $5 AND (claimed_by IS NULL OR claimed_by = $1 OR claimed_until <= $4)",
    )
    .bind(by)
    .bind(until)
    .bind(id)
    .bind(now)
    .bind(Waiting::OtherParty.code())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends `by`'s live claim and names them as the decider: the one statement that lets one decision through.
pub async fn take_decision(conn: &mut AnyConnection, id: &str, by: &str, now: i64) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE applications SET claimed_by = NULL, claimed_until = NULL, decided_by = $1 WHERE id = $2 \
         AND status = 'in_review' AND claimed_by = $1 AND claimed_until > $3",
    )
    .bind(by)
    .bind(id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends `by`'s live claim without a decision (a question asked): false when they no longer hold it.
pub async fn release(conn: &mut AnyConnection, id: &str, by: &str, now: i64) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE applications SET claimed_by = NULL, claimed_until = NULL WHERE id = $1 AND status = 'in_review' \
         AND claimed_by = $2 AND claimed_until > $3",
    )
    .bind(id)
    .bind(by)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Who holds the claim on an application, and until when.
#[derive(Debug, Clone, FromRow)]
pub struct ClaimRow {
    pub claimed_by: Option<String>,
    pub claimed_until: Option<i64>,
    pub holder: Option<String>,
    pub decided_by: Option<String>,
    pub decider: Option<String>,
}

pub async fn claim_of(pool: &Pool, id: &str) -> anyhow::Result<Option<ClaimRow>> {
    Ok(sqlx::query_as(
        "SELECT ap.claimed_by, ap.claimed_until, h.first_name AS holder, ap.decided_by, d.first_name AS decider \
         FROM applications ap LEFT JOIN accounts h ON h.id = ap.claimed_by \
         LEFT JOIN accounts d ON d.id = ap.decided_by WHERE ap.id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct PaymentRow {
    pub method: String,
    pub receipt: String,
    pub amount_kes: i64,
    pub paid_at: i64,
}

pub async fn payments(pool: &Pool, application_id: &str) -> anyhow::Result<Vec<PaymentRow>> {
    Ok(sqlx::query_as(
        "SELECT method, receipt, amount_kes, paid_at FROM payments WHERE application_id = $1 ORDER BY paid_at",
    )
    .bind(application_id)
    .fetch_all(pool)
    .await?)
}

/// Where an applicant is told of a decision, in their language.
#[derive(Debug, Clone, FromRow)]
pub struct ContactRow {
    pub email: String,
    pub phone: String,
    pub language: String,
}

pub async fn contact(conn: &mut AnyConnection, account_id: &str) -> anyhow::Result<ContactRow> {
    Ok(
        sqlx::query_as("SELECT email, phone, language FROM accounts WHERE id = $1")
            .bind(account_id)
            .fetch_one(conn)
            .await?,
    )
}

/// One line of the audit log, as written.
pub struct NewAudit<'a> {
    pub actor: &'a str,
    pub actor_email: &'a str,
    pub action: &'a str,
    pub subject: &'a str,
    pub client: &'a str,
    pub before: &'a str,
    pub after: &'a str,
}

pub async fn audit(conn: &mut AnyConnection, entry: &NewAudit<'_>, now: i64) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor, actor_email, action, subject, client, before, after) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(now)
    .bind(entry.actor)
    .bind(entry.actor_email)
    .bind(entry.action)
    .bind(entry.subject)
    .bind(entry.client)
    .bind(entry.before)
    .bind(entry.after)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub at: i64,
    pub actor_email: String,
    pub action: String,
    pub subject: String,
    pub client: String,
    pub before: String,
    pub after: String,
}

/// The audit log, newest first: `actor` and `action` filter when not empty; `from`..`to` bound the time.
pub struct AuditQuery<'a> {
    pub actor: &'a str,
    pub action: &'a str,
    pub from: i64,
    pub to: i64,
    pub limit: i64,
    pub offset: i64,
}

pub async fn audit_log(pool: &Pool, query: &AuditQuery<'_>) -> anyhow::Result<Vec<AuditRow>> {
    let sql = format!(
        "SELECT id, at, actor_email, action, subject, client, before, after FROM audit_log \
         WHERE at >= $1 AND at < $2 AND ($3 = '' OR actor_email = $3) AND ($4 = '' OR action = $4) \
         ORDER BY id DESC LIMIT {} OFFSET {}",
        query.limit, query.offset
    );
    Ok(sqlx::query_as(&sql)
        .bind(query.from)
        .bind(query.to)
        .bind(query.actor)
        .bind(query.action)
        .fetch_all(pool)
        .await?)
}
