//! The help desk as operations: a person opens a case (limited per account, per address and per client), replies,
//! and answers "did this solve it?"; an agent replies and closes. Each is one transaction with its message to the
//! person (and, for staff, its audit line). A signed-out person reads and answers their case through a link whose
//! secret is a keyed hash of the case's id: never stored, and the same in every message they are sent.

use super::{
    db::{self, Case, NewCase},
    domain::{CaseRef, CaseStatus, Topic, LINK_SECONDS},
};
use crate::{
    channel::Channel,
    db::begin_write,
    error::FieldError,
    i18n::Lang,
    ids::{Email, PhoneNumber},
    staff::{
        domain::{Permission, Staff},
        service::{record, Actor},
    },
    state::AppState,
    web::{
        outbox::{self, Message, Recipient},
        secrets::same,
        throttle::{self, Reservation, Rule},
    },
};

/// Cases per account, and per email address or mobile number of someone signed out: a day's worth.
pub const CASES: Rule = Rule {
    threshold: 5,
    window_seconds: 86_400,
};
/// Cases per client address (an office, or a carrier's gateway, may hold many people).
pub const CASES_CLIENT: Rule = Rule {
    threshold: 20,
    window_seconds: 3_600,
};
/// A person's replies to one case.
pub const REPLIES: Rule = Rule {
    threshold: 20,
    window_seconds: 86_400,
};

/// Who is writing: a signed-in person, or someone signed out who gave a way to answer them.
#[derive(Debug, Clone)]
pub enum Writer<'a> {
    Account {
        id: &'a str,
        first_name: &'a str,
    },
    Visitor {
        name: &'a str,
        email: Option<&'a Email>,
        phone: Option<&'a PhoneNumber>,
    },
}

/// A case to open, parsed.
#[derive(Debug, Clone)]
pub struct NewContact<'a> {
    pub writer: Writer<'a>,
    pub topic: Topic,
    /// One of the writer's own applications (checked by the caller).
    pub application: Option<&'a str>,
    pub message: &'a str,
    pub lang: Lang,
}

/// The secret of a case's link: a keyed hash of its id.
pub fn token(state: &AppState, case: &Case) -> String {
    state.code_key.hash_code("support-case", &case.id)
}

/// The case's page for its person (without the language), with the secret when they may be signed out.
pub fn path(state: &AppState, case: &Case) -> String {
    match case.account_id {
        Some(_) => format!("contact/{}", case.reference),
        None => format!("contact/{}?t={}", case.reference, token(state, case)),
    }
}

/// `path` as a full address, in `lang`.
pub fn link(state: &AppState, lang: Lang, case: &Case) -> String {
    format!("{}{}", state.origin, lang.href(&path(state, case)))
}

/// Opens a case: the case, or why not (a limit reached: the wait, next to `message`).
pub async fn open(
    state: &AppState,
    contact: &NewContact<'_>,
    client: &str,
) -> anyhow::Result<Result<Case, FieldError>> {
    let now = state.clock.now();
    let writer_key = match &contact.writer {
        Writer::Account { id, .. } => format!("support-account:{id}"),
        Writer::Visitor { email: Some(email), .. } => format!("support-address:{}", email.as_str()),
        Writer::Visitor { phone, .. } => format!("support-address:{}", phone.map(|p| p.as_str()).unwrap_or_default()),
    };
    for (key, rule) in [(writer_key, CASES), (format!("support-client:{client}"), CASES_CLIENT)] {
        if let Reservation::Locked(wait) = throttle::reserve(&state.pool, &key, rule, now).await? {
            return Ok(Err(throttle::wait_error("message", "support-error-limit", wait)));
        }
    }
    let (account_id, name, email, phone) = match &contact.writer {
        Writer::Account { id, first_name } => (Some(*id), *first_name, None, None),
        Writer::Visitor { name, email, phone } => (None, *name, email.map(|e| e.as_str()), phone.map(|p| p.as_str())),
    };
    let id = uuid::Uuid::now_v7().simple().to_string();
    let mut tx = begin_write(&state.pool).await?;
    // 29^6 references: a clash is rare, and another draw settles it.
    let reference = loop {
        let reference = CaseRef::generate(|n| rand::random_range(0..n));
        let new = NewCase {
            id: &id,
            reference: reference.as_str(),
            account_id,
            application_id: contact.application,
            name,
            email,
            phone,
            language: contact.lang.code(),
            topic: contact.topic,
        };
        if db::insert(&mut tx, &new, now).await? {
            break reference;
        }
    };
    db::message(&mut tx, &id, "person", None, contact.message, now).await?;
    let case = db::by_reference(&mut tx, reference.as_str())
        .await?
        .ok_or_else(|| anyhow::anyhow!("the case just opened"))?;
    tell(&mut tx, state, &case, "message-case-opened", "").await?;
    tx.commit().await?;
    Ok(Ok(case))
}

/// The case `reference`, for whoever asks: its owner signed in, or anyone holding its link's secret.
pub async fn for_person(
    state: &AppState,
    reference: &str,
    account: Option<&str>,
    secret: Option<&str>,
) -> anyhow::Result<Option<Case>> {
    let Some(reference) = CaseRef::parse(reference) else {
        return Ok(None);
    };
    let mut conn = state.pool.acquire().await?;
    let Some(case) = db::by_reference(&mut conn, reference.as_str()).await? else {
        return Ok(None);
    };
    let owner = account.is_some() && case.account_id.as_deref() == account;
    let holds_link = secret.is_some_and(|secret| same(secret, &token(state, &case)));
    Ok((owner || holds_link).then_some(case))
}

/// What a reply or a close did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Worked {
    Done,
    /// The case is closed: nothing more is added.
    Closed,
    /// Too many replies today.
    Limited(i64),
    NotAllowed,
}

/// The person writes again: the case goes back to the agents' queue.
pub async fn reply_as_person(state: &AppState, case: &Case, body: &str) -> anyhow::Result<Worked> {
    let now = state.clock.now();
    let key = format!("support-replies:{}", case.id);
    if let Reservation::Locked(wait) = throttle::reserve(&state.pool, &key, REPLIES, now).await? {
        return Ok(Worked::Limited(wait));
    }
    let mut tx = begin_write(&state.pool).await?;
    if !db::move_open(&mut tx, &case.id, CaseStatus::Open, now).await? {
        return Ok(Worked::Closed);
    }
    db::message(&mut tx, &case.id, "person", None, body, now).await?;
    tx.commit().await?;
    Ok(Worked::Done)
}

/// The person's one answer to "did this solve it?".
pub async fn answer_solved(state: &AppState, case: &Case, solved: bool) -> anyhow::Result<bool> {
    let mut tx = begin_write(&state.pool).await?;
    let done = db::solved(&mut tx, &case.id, solved).await?;
    tx.commit().await?;
    Ok(done)
}

/// A case for an agent.
pub async fn for_agent(state: &AppState, staff: &Staff, reference: &str) -> anyhow::Result<Option<Case>> {
    let Some(reference) = CaseRef::parse(reference).filter(|_| staff.may(Permission::Support)) else {
        return Ok(None);
    };
    let mut conn = state.pool.acquire().await?;
    db::by_reference(&mut conn, reference.as_str()).await
}

/// An agent answers: the person is told (with the answer) and the case waits for them.
pub async fn reply_as_agent(
    state: &AppState,
    staff: &Staff,
    client: &str,
    case: &Case,
    body: &str,
) -> anyhow::Result<Worked> {
    if !staff.may(Permission::Support) {
        return Ok(Worked::NotAllowed);
    }
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    if !db::move_open(&mut tx, &case.id, CaseStatus::Answered, now).await? {
        return Ok(Worked::Closed);
    }
    db::message(&mut tx, &case.id, "agent", Some(staff.account.as_str()), body, now).await?;
    let after: String = body.chars().take(200).collect();
    record(
        &mut tx,
        Actor::staff(staff, client),
        "case-reply",
        &case.reference,
        "",
        &after,
        now,
    )
    .await?;
    tell(&mut tx, state, case, "message-case-answered", body).await?;
    tx.commit().await?;
    Ok(Worked::Done)
}

/// An agent closes the case: the person is asked whether it solved their problem.
pub async fn close(state: &AppState, staff: &Staff, client: &str, case: &Case) -> anyhow::Result<Worked> {
    if !staff.may(Permission::Support) {
        return Ok(Worked::NotAllowed);
    }
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    if !db::close(&mut tx, &case.id, staff.account.as_str(), now).await? {
        return Ok(Worked::Closed);
    }
    let before = case.status.code();
    record(
        &mut tx,
        Actor::staff(staff, client),
        "case-close",
        &case.reference,
        before,
        "closed",
        now,
    )
    .await?;
    tell(&mut tx, state, case, "message-case-closed", "").await?;
    tx.commit().await?;
    Ok(Worked::Done)
}

/// Tells the person about their case in its language: an account by SMS and email (kept under "Messages"); someone
/// signed out on the address they gave, with the link that opens the case (its secret redacted after 90 days).
async fn tell(
    conn: &mut sqlx::AnyConnection,
    state: &AppState,
    case: &Case,
    key: &str,
    answer: &str,
) -> anyhow::Result<()> {
    let lang = Lang::parse(&case.language).unwrap_or_default();
    let now = state.clock.now();
    let args = [
        ("reference", case.reference.clone()),
        ("link", link(state, lang, case)),
        ("answer", answer.to_string()),
    ];
    if let Some(account) = case.account_id.as_deref() {
        let contact = crate::staff::db::contact(conn, account).await?;
        let to = Recipient {
            account,
            lang,
            phone: &contact.phone,
            email: &contact.email,
        };
        return outbox::tell(conn, now, to, key, &args).await;
    }
    let (channel, to) = match (&case.email, &case.phone) {
        (Some(email), _) => (Channel::Email, email.as_str()),
        (None, Some(phone)) => (Channel::Sms, phone.as_str()),
        (None, None) => return Ok(()),
    };
    let message = Message {
        lang,
        channel,
        to,
        key,
        args: &args,
        secret: Some(("link", LINK_SECONDS)),
    };
    outbox::enqueue_at(conn, now, message).await
}

/// The cases of an account (its "Messages"), and the agents' queue.
pub async fn of_account(state: &AppState, account: &str) -> anyhow::Result<Vec<Case>> {
    db::of_account(&state.pool, account).await
}

pub async fn queue(state: &AppState, topic: Option<Topic>) -> anyhow::Result<Vec<Case>> {
    db::queue(&state.pool, topic, 200).await
}

pub async fn thread(state: &AppState, case: &Case) -> anyhow::Result<Vec<db::Message>> {
    db::thread(&state.pool, &case.id).await
}
