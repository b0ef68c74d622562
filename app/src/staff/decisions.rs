//! Deciding: claiming an application for 30 minutes, approving or rejecting it, asking the applicant a question,
//! and telling them. Each is one transaction with its audit line and the applicant's message; the claim is checked
//! and ended in the statement that lets the action through, so two officers never both act.

use super::{
    db,
    domain::{Permission, Staff, CLAIM_SECONDS},
    service::{record, Actor},
};
use crate::{
    applications::{
        domain::{Application, Decision, Status, Waiting},
        pages::reason_text,
        questions,
        service::{self as applications, Decided},
    },
    db::begin_write,
    i18n::Lang,
    state::AppState,
    web::outbox,
};

/// What claiming gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claimed {
    /// Held by this officer until then.
    Held { until: i64 },
    /// Another officer holds it.
    HeldByOther,
    /// Not in review (decided meanwhile, or never sent to an officer).
    NotInReview,
    /// In review, but another party decides it (a transfer's buyer).
    OtherParty,
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
    if application.waiting == Waiting::OtherParty {
        return Ok(Claimed::OtherParty);
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
    /// Its service is not completed by an officer's approval (a transfer): reject it or ask instead.
    NotApprovable,
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
    if *decision == Decision::Approve && !state.services.serving(application).officer_approves() {
        return Ok(StaffDecided::NotApprovable);
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

/// Tells the applicant of a decision (or a document withdrawn) by SMS and email in their language, in the
/// decision's transaction.
pub(super) async fn tell(
    conn: &mut sqlx::AnyConnection,
    application: &Application,
    key: &str,
    reason: &str,
    now: i64,
) -> anyhow::Result<()> {
    // A rejection's reason in the reader's language; a question as the officer wrote it.
    let args = |lang| vec![("reason", reason_text(lang, reason))];
    tell_applicant(conn, application, key, args, now).await
}

/// Tells the applicant the message `key` by SMS and email in their language, with the application's reference and
/// `args` (written in that language), in the caller's transaction; the notice is kept among their messages.
pub async fn tell_applicant(
    conn: &mut sqlx::AnyConnection,
    application: &Application,
    key: &str,
    args: impl FnOnce(Lang) -> Vec<(&'static str, String)>,
    now: i64,
) -> anyhow::Result<()> {
    let reference = application
        .reference
        .as_ref()
        .map(|r| r.to_string())
        .unwrap_or_default();
    outbox::tell_account(conn, now, application.account.as_str(), key, |lang| {
        let mut all = vec![("reference", reference)];
        all.extend(args(lang));
        all
    })
    .await
}
