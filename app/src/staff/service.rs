//! Who staff are and what they see, as operations that take who is acting and parsed values and answer with
//! outcomes: a member and their role, giving a role, the queue, an application they may open, the audit log
//! (written with each action, in its transaction, so an action is never done without its record). Deciding is
//! `decisions.rs`.

use anyhow::Context;

use super::{
    db::{self, AuditQuery, AuditRow, CentreFilter, NewAudit, QueueQuery, QueueRow},
    domain::{parse_services, Role, Shown, Staff, PAGE_SIZE},
};
use crate::{
    applications::{
        domain::{Application, ApplicationId, Status, Waiting},
        service as applications,
    },
    db::begin_write,
    ids::{AccountId, Email},
    state::AppState,
};

/// The staff member signed in to `account_id`, if the account holds a role.
pub async fn member(state: &AppState, account_id: &str) -> anyhow::Result<Option<Staff>> {
    let Some(row) = db::member(&state.pool, account_id).await? else {
        return Ok(None);
    };
    let role = Role::parse(&row.role).with_context(|| format!("staff role {:?}", row.role))?;
    Ok(Some(Staff {
        account: AccountId::from_stored(row.account_id),
        email: Email::from_stored(row.email),
        first_name: row.first_name,
        role,
        centre: row.centre,
        services: parse_services(&row.services),
    }))
}

/// Everyone holding a role.
pub async fn members(state: &AppState) -> anyhow::Result<Vec<db::MemberRow>> {
    db::members(&state.pool).await
}

/// Who did something, for the audit log: a staff member from a browser, or the operator at the server's console.
#[derive(Debug, Clone, Copy)]
pub struct Actor<'a> {
    pub account: &'a str,
    pub email: &'a str,
    /// The client address (or `console`).
    pub client: &'a str,
}

impl<'a> Actor<'a> {
    pub fn staff(staff: &'a Staff, client: &'a str) -> Actor<'a> {
        Actor {
            account: staff.account.as_str(),
            email: staff.email.as_str(),
            client,
        }
    }

    pub const CONSOLE: Actor<'static> = Actor {
        account: "console",
        email: "console",
        client: "console",
    };
}

/// Writes one audit line in the caller's transaction.
pub async fn record(
    conn: &mut sqlx::AnyConnection,
    actor: Actor<'_>,
    action: &str,
    subject: &str,
    before: &str,
    after: &str,
    now: i64,
) -> anyhow::Result<()> {
    let entry = NewAudit {
        actor: actor.account,
        actor_email: actor.email,
        action,
        subject,
        client: actor.client,
        before,
        after,
    };
    db::audit(conn, &entry, now).await
}

/// Records an action that changes nothing else (a sign-in, a page of the audit log exported).
pub async fn note(state: &AppState, actor: Actor<'_>, action: &str, subject: &str) -> anyhow::Result<()> {
    let mut tx = begin_write(&state.pool).await?;
    record(&mut tx, actor, action, subject, "", "", state.clock.now()).await?;
    tx.commit().await?;
    Ok(())
}

/// What giving a role did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Granted {
    /// Given; the role held before, if any.
    Done { before: Option<String> },
    /// No account with that email address has proven it: staff sign in with an account of their own first.
    NoAccount,
}

/// Gives `email`'s account the `role` (an officer: at `centre`, for `services`), or changes it.
pub async fn grant(
    state: &AppState,
    actor: Actor<'_>,
    email: &Email,
    role: Role,
    centre: Option<&str>,
    services: &[String],
) -> anyhow::Result<Granted> {
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    let Some(account) = db::verified_account(&mut tx, email.as_str()).await? else {
        return Ok(Granted::NoAccount);
    };
    let before = db::role_of(&mut tx, &account).await?;
    let services = services.join(",");
    db::grant(&mut tx, &account, role.code(), centre, &services, now).await?;
    let after = format!("{} centre={} services={services}", role.code(), centre.unwrap_or("*"));
    record(
        &mut tx,
        actor,
        "role-change",
        email.as_str(),
        before.as_deref().unwrap_or(""),
        &after,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Granted::Done { before })
}

/// The services a staff member's queue covers: the server's services, narrowed to theirs.
pub fn queue_services(state: &AppState, staff: &Staff, wanted: Option<&str>) -> Vec<String> {
    state
        .services
        .all()
        .filter(|service| staff.serves(service.code()))
        .map(|service| service.code().to_string())
        .filter(|code| wanted.is_none_or(|wanted| wanted == code))
        .collect()
}

/// A page of a queue, with its counts per service.
pub struct Queue {
    pub rows: Vec<QueueRow>,
    pub counts: Vec<(String, i64)>,
    pub total: i64,
}

/// What a queue page asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueFilter {
    pub service: Option<String>,
    pub shown: Shown,
    /// A supervisor's choice of centre; an officer at a centre always sees theirs (and those of no centre).
    pub centre: Option<String>,
    /// Waiting more than this many days (0: any).
    pub older_than_days: i64,
    /// From 0.
    pub page: i64,
}

/// A page of the queue `filter` asks for, of the services `staff` covers.
pub async fn queue(state: &AppState, staff: &Staff, filter: &QueueFilter) -> anyhow::Result<Queue> {
    let (status, waiting) = match filter.shown {
        Shown::InReview => (Status::InReview, Some(Waiting::Officer)),
        Shown::Asked => (Status::InReview, Some(Waiting::Applicant)),
        Shown::Completed => (Status::Completed, None),
        Shown::Rejected => (Status::Rejected, None),
    };
    let services = queue_services(state, staff, filter.service.as_deref());
    let days = filter.older_than_days;
    let before = state.clock.now() - days * 86_400 + i64::from(days == 0);
    let centre = match (&staff.centre, &filter.centre) {
        (Some(own), _) => CentreFilter::AtOrAny(own),
        (None, Some(chosen)) => CentreFilter::Only(chosen),
        (None, None) => CentreFilter::Every,
    };
    let query = QueueQuery {
        services: &services,
        status: status.code(),
        waiting,
        before,
        centre,
        offset: filter.page.max(0) * PAGE_SIZE,
        limit: PAGE_SIZE,
    };
    let (rows, counts) = tokio::try_join!(db::queue(&state.pool, &query), db::counts(&state.pool, &query))?;
    let total = counts.iter().map(|(_, n)| n).sum();
    Ok(Queue { rows, counts, total })
}

/// The file `name` of application `id` for `staff` to download (the applicant's photo on file, or one of the
/// service's files), written to the audit log; `None` when they may not open the application or it has no such
/// file.
pub async fn file(
    state: &AppState,
    actor: Actor<'_>,
    staff: &Staff,
    id: &str,
    name: &str,
) -> anyhow::Result<Option<(&'static str, Vec<u8>)>> {
    let Some(application) = application(state, staff, id).await? else {
        return Ok(None);
    };
    let found = match name {
        "photo" => match crate::photo::db::of_account(&state.pool, application.account.as_str()).await? {
            Some(photo) => crate::photo::db::jpeg_of(&state.pool, &photo.id, application.account.as_str())
                .await?
                .map(|jpeg| ("image/jpeg", jpeg)),
            None => None,
        },
        _ => {
            state
                .services
                .serving(&application)
                .file(state, &application, name)
                .await?
        }
    };
    if found.is_some() {
        let mut tx = begin_write(&state.pool).await?;
        record(
            &mut tx,
            actor,
            "file-download",
            application.id.as_str(),
            "",
            name,
            state.clock.now(),
        )
        .await?;
        tx.commit().await?;
    }
    Ok(found)
}

/// The centres a queue can be filtered by: code and name.
pub async fn centres(state: &AppState) -> anyhow::Result<Vec<(String, String)>> {
    db::centres(&state.pool).await
}

/// An application a staff member may open: one of a service their queue covers, not their own.
pub async fn application(state: &AppState, staff: &Staff, id: &str) -> anyhow::Result<Option<Application>> {
    let Some(id) = ApplicationId::parse(id) else {
        return Ok(None);
    };
    let mut conn = state.pool.acquire().await?;
    let application = applications::by_id_in(&mut conn, &id).await?;
    // A draft is the applicant's alone; an officer opens only what their queue holds: their services, at their
    // centre or at none.
    let covered = |application: &Application| {
        let at_their_centre = match (&staff.centre, &application.centre) {
            (Some(theirs), Some(its)) => theirs == its,
            _ => true,
        };
        staff.role != Role::Officer
            || (queue_services(state, staff, None).contains(&application.service) && at_their_centre)
    };
    Ok(application.filter(|application| application.status != Status::Draft && covered(application)))
}

/// The audit log for a supervisor.
pub async fn audit_log(state: &AppState, query: &AuditQuery<'_>) -> anyhow::Result<Vec<AuditRow>> {
    db::audit_log(&state.pool, query).await
}
