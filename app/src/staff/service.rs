//! What staff do, as operations that take who is acting and parsed values and answer with outcomes: give a role,
//! read a queue, claim an application, decide it. Every one writes its audit line in its own transaction, so an
//! action is never done without its record.

use anyhow::Context;

use super::{
    db::{self, AuditQuery, AuditRow, NewAudit, QueueQuery, QueueRow},
    domain::{parse_services, Permission, Role, Shown, Staff, CLAIM_SECONDS, PAGE_SIZE},
};
use crate::{
    applications::{
        domain::{Application, ApplicationId, Decision, Status},
        pages::reason_text,
        questions,
        service::{self as applications, Decided},
    },
    db::begin_write,
    i18n::Lang,
    ids::{AccountId, Email},
    state::AppState,
    web::outbox::{self, Recipient},
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

/// The services a staff member's queue covers: the server's services an officer decides, narrowed to theirs.
pub fn queue_services(state: &AppState, staff: &Staff, wanted: Option<&str>) -> Vec<String> {
    state
        .services
        .all()
        .filter(|service| service.officer_decides() && staff.serves(service.code()))
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

/// The queue filtered by service, what it is waiting for and age (waiting more than `older_than_days`), `page`
/// from 0.
pub async fn queue(
    state: &AppState,
    staff: &Staff,
    service: Option<&str>,
    shown: Shown,
    older_than_days: i64,
    page: i64,
) -> anyhow::Result<Queue> {
    let (status, waiting) = match shown {
        Shown::InReview => (Status::InReview, 0),
        Shown::Asked => (Status::InReview, 1),
        Shown::Completed => (Status::Completed, -1),
        Shown::Rejected => (Status::Rejected, -1),
    };
    let services = queue_services(state, staff, service);
    let before = state.clock.now() - older_than_days * 86_400 + i64::from(older_than_days == 0);
    let query = QueueQuery {
        services: &services,
        status: status.code(),
        waiting,
        before,
        offset: page.max(0) * PAGE_SIZE,
        limit: PAGE_SIZE,
    };
    let (rows, counts) = tokio::try_join!(db::queue(&state.pool, &query), db::counts(&state.pool, &query))?;
    let total = counts.iter().map(|(_, n)| n).sum();
    Ok(Queue { rows, counts, total })
}

/// An application a staff member may open: one of a service their queue covers, not their own.
pub async fn application(state: &AppState, staff: &Staff, id: &str) -> anyhow::Result<Option<Application>> {
    let Some(id) = ApplicationId::parse(id) else {
        return Ok(None);
    };
    let mut conn = state.pool.acquire().await?;
    let application = applications::by_id_in(&mut conn, &id).await?;
    // A draft is the applicant's alone; an officer opens only the services of their queue.
    let covered = |application: &Application| {
        staff.role != Role::Officer || queue_services(state, staff, None).contains(&application.service)
    };
    Ok(application.filter(|application| application.status != Status::Draft && covered(application)))
}

/// What claiming gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claimed {
    /// Held by this officer until then.
    Held { until: i64 },
    /// Another officer holds it.
    HeldByOther,
    /// Not in review (decided meanwhile, or never sent to an officer).
    NotInReview,
    /// A staff member never decides their own application.
    OwnApplication,
    /// This role does not decide.
    NotAllowed,
}

/// Opens an application to decide: holds it for 30 minutes (one statement; another officer's live claim wins).
pub async fn claim(
    state: &AppState,
    staff: &Staff,
    client: &str,
    application: &Application,
) -> anyhow::Result<Claimed> {
    if !staff.may(Permission::Decide) {
        return Ok(Claimed::NotAllowed);
    }
    if application.account == staff.account {
        return Ok(Claimed::OwnApplication);
    }
    if application.status != Status::InReview {
        return Ok(Claimed::NotInReview);
    }
    let now = state.clock.now();
    let until = now + CLAIM_SECONDS;
    let mut tx = begin_write(&state.pool).await?;
    if !db::claim(&mut tx, application.id.as_str(), staff.account.as_str(), until, now).await? {
        return Ok(Claimed::HeldByOther);
    }
    let subject = application.id.as_str();
    record(
        &mut tx,
        Actor::staff(staff, client),
        "claim",
        subject,
        "",
        "claimed",
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Claimed::Held { until })
}

/// What a staff decision gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffDecided {
    /// Approved and completed by its service, or rejected: the applicant is told.
    Done(Decided),
    /// The officer does not hold a live claim (it lapsed, or another officer took it): nothing changed.
    NotClaimed,
    /// Decided already, or no longer in review: nothing changed.
    NotInReview,
    /// A rejection needs a reason.
    ReasonNeeded,
    OwnApplication,
    NotAllowed,
}

/// Approves or rejects an application the officer holds. The claim is ended and the decision made in one
/// transaction: of two officers deciding at once, one decides and the other is told it was decided.
pub async fn decide(
    state: &AppState,
    staff: &Staff,
    client: &str,
    application: &Application,
    decision: &Decision,
) -> anyhow::Result<StaffDecided> {
    if !staff.may(Permission::Decide) {
        return Ok(StaffDecided::NotAllowed);
    }
    if application.account == staff.account {
        return Ok(StaffDecided::OwnApplication);
    }
    if matches!(decision, Decision::Reject { reason } if reason.trim().is_empty()) {
        return Ok(StaffDecided::ReasonNeeded);
    }
    let now = state.clock.now();
    let id = &application.id;
    let mut tx = begin_write(&state.pool).await?;
    if !db::take_decision(&mut tx, id.as_str(), staff.account.as_str(), now).await? {
        drop(tx);
        let mut conn = state.pool.acquire().await?;
        let now_status = applications::by_id_in(&mut conn, id).await?.map(|a| a.status);
        return Ok(if now_status == Some(Status::InReview) {
            StaffDecided::NotClaimed
        } else {
            StaffDecided::NotInReview
        });
    }
    let decided = applications::decide_in(&mut tx, &state.services, id, decision, now).await?;
    let (action, key, reason) = match (&decided, decision) {
        (Decided::Completed, _) => ("approve", "message-decision-approved", String::new()),
        (Decided::Rejected, Decision::Reject { reason }) => ("reject", "message-decision-rejected", reason.clone()),
        (Decided::ReasonNeeded, _) => return Ok(StaffDecided::ReasonNeeded),
        _ => return Ok(StaffDecided::NotInReview),
    };
    let after = match decided {
        Decided::Completed => "completed".to_string(),
        _ => format!("rejected: {reason}"),
    };
    record(
        &mut tx,
        Actor::staff(staff, client),
        action,
        id.as_str(),
        "in_review",
        &after,
        now,
    )
    .await?;
    tell(&mut tx, application, key, &reason, now).await?;
    tx.commit().await?;
    Ok(StaffDecided::Done(decided))
}

/// What asking gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asked {
    /// Asked: the application waits for the applicant, who is told.
    Asked,
    /// The officer does not hold a live claim: nothing asked.
    NotClaimed,
    /// Not in review, or a question already waits for an answer.
    NotOpen,
    OwnApplication,
    NotAllowed,
}

/// Asks the applicant a question about the application the officer holds: the hold ends, the application waits
/// for the answer (out of the queue) and returns to it when answered.
pub async fn ask(
    state: &AppState,
    staff: &Staff,
    client: &str,
    application: &Application,
    question: &str,
) -> Result<Asked, crate::error::AppError> {
    if !staff.may(Permission::Decide) {
        return Ok(Asked::NotAllowed);
    }
    if application.account == staff.account {
        return Ok(Asked::OwnApplication);
    }
    let question = questions::parse("question", question)?;
    let now = state.clock.now();
    let id = &application.id;
    let mut tx = begin_write(&state.pool).await?;
    if !db::release(&mut tx, id.as_str(), staff.account.as_str(), now).await? {
        return Ok(Asked::NotClaimed);
    }
    if !questions::ask(&mut tx, id, staff.account.as_str(), &question, now).await? {
        return Ok(Asked::NotOpen);
    }
    record(
        &mut tx,
        Actor::staff(staff, client),
        "question",
        id.as_str(),
        "",
        &question,
        now,
    )
    .await?;
    tell(&mut tx, application, "message-question", &question, now).await?;
    tx.commit().await?;
    Ok(Asked::Asked)
}

/// Tells the applicant of a decision by SMS and email in their language, in the decision's transaction.
async fn tell(
    conn: &mut sqlx::AnyConnection,
    application: &Application,
    key: &str,
    reason: &str,
    now: i64,
) -> anyhow::Result<()> {
    let contact = db::contact(conn, application.account.as_str()).await?;
    let lang = Lang::parse(&contact.language).unwrap_or_default();
    let reference = application
        .reference
        .as_ref()
        .map(|r| r.to_string())
        .unwrap_or_default();
    // A rejection's reason in the reader's language; a question as the officer wrote it.
    let args = [("reference", reference), ("reason", reason_text(lang, reason))];
    let to = Recipient {
        account: application.account.as_str(),
        lang,
        phone: &contact.phone,
        email: &contact.email,
    };
    outbox::tell(conn, now, to, key, &args).await
}

/// The audit log for a supervisor.
pub async fn audit_log(state: &AppState, query: &AuditQuery<'_>) -> anyhow::Result<Vec<AuditRow>> {
    db::audit_log(&state.pool, query).await
}
