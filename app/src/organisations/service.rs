//! An organisation's people: who may see it (its people only: anyone else gets not found), adding a person by an
//! invitation they accept with a code, removing one (never the last), and what was done for it. Every change is a
//! line in the audit log naming the person who made it, and the people it concerns are told.

use super::{
    db::{self, InvitationRow, OrganisationRow, PersonRow},
    domain::{self, InviteForm, INVITATION_SECONDS},
};
use crate::{
    accounts::service::verification::check_typed,
    applications::{db as applications_db, domain::Application},
    calendar,
    channel::Channel,
    db::begin_write,
    error::{AppError, FieldError},
    i18n::Lang,
    records::people::{self, Asking},
    staff::service::{record, Actor},
    state::AppState,
    web::{
        challenges::{self, CodeRequest, Purpose, Trier},
        guard::SignedIn,
        outbox, throttle,
    },
};

/// The organisation `kra_pin` if `who` acts for it; else not found (whether it exists is not told).
pub async fn organisation(state: &AppState, who: &SignedIn, kra_pin: &str) -> Result<OrganisationRow, AppError> {
    db::acted_for(&state.pool, who.id.as_str(), kra_pin)
        .await?
        .ok_or(AppError::NotFound)
}

/// What the organisation's page shows: its people, the invitations waiting and the applications made for it.
pub struct Overview {
    pub people: Vec<PersonRow>,
    pub invitations: Vec<InvitationRow>,
    pub applications: Vec<(Application, String)>,
}

pub async fn overview(state: &AppState, organisation: &OrganisationRow) -> anyhow::Result<Overview> {
    let pin = organisation.kra_pin.as_str();
    let now = state.clock.now();
    let (people, invitations, applications, names) = tokio::try_join!(
        db::people(&state.pool, pin),
        db::invitations(&state.pool, pin, now),
        applications_db::of_organisation(&state.pool, pin),
        db::applicants(&state.pool, pin),
    )?;
    // Each with the person who made it, by name (a person removed since keeps their name on what they did).
    let applications = applications
        .into_iter()
        .map(|application| {
            let name = names
                .iter()
                .find(|(id, _)| id == application.account.as_str())
                .map(|(_, name)| name.clone())
                .unwrap_or_default();
            (application, name)
        })
        .collect();
    Ok(Overview {
        people,
        invitations,
        applications,
    })
}

/// The person acting, and the client address they act from (the audit log names both).
pub struct Acting {
    pub who: SignedIn,
    pub client: String,
}

/// One audit line for an act on an organisation's people, naming the person by the email they sign in with (as
/// staff are named).
async fn audit(
    conn: &mut sqlx::AnyConnection,
    acting: &Acting,
    action: &str,
    kra_pin: &str,
    before: &str,
    after: &str,
    now: i64,
) -> anyhow::Result<()> {
    let email = db::email(conn, acting.who.id.as_str()).await?;
    let actor = Actor {
        account: acting.who.id.as_str(),
        email: &email,
        client: &acting.client,
    };
    record(conn, actor, action, kra_pin, before, after, now).await
}

/// Invites a person to act for the organisation: named by ID number and first name as on the register, with a
/// Uraia account, not already one of its people nor already invited. They are told, and accept with a code.
pub async fn invite(
    state: &AppState,
    acting: &Acting,
    organisation: &OrganisationRow,
    form: &InviteForm,
) -> Result<(), AppError> {
    let who = &acting.who;
    let role = domain::parse_role(&form.role);
    let asking = Asking {
        prefix: "organisations-error-person",
        throttle_key: throttle::people_key(who.id.as_str()),
        rule: throttle::PEOPLE,
    };
    let person = people::named(state, who, &asking, &form.id_number, &form.first_name).await;
    let (person, role) = match (person, role) {
        (Ok(person), Ok(role)) => (person, role),
        (person, role) => {
            let mut errors = match person {
                Err(AppError::Invalid(errors)) => errors,
                Err(other) => return Err(other),
                Ok(_) => Vec::new(),
            };
            errors.extend(role.err());
            return Err(AppError::Invalid(errors));
        }
    };
    let pin = organisation.kra_pin.as_str();
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    if db::acts_for(&mut tx, &person.account_id, pin).await? {
        return Err(FieldError::new("id_number", "organisations-error-person-already")
            .with_arg("name", person.first_name)
            .into());
    }
    let new = db::NewInvitation {
        kra_pin: pin,
        id_number: &person.id_number,
        role: &role,
        invited_by: who.id.as_str(),
        now,
        expires_at: now + INVITATION_SECONDS,
    };
    if !db::invite(&mut tx, &new).await? {
        return Err(FieldError::new("id_number", "organisations-error-person-invited")
            .with_arg("name", person.first_name)
            .into());
    }
    let after = format!("{} ({role})", person.id_number);
    audit(&mut tx, acting, "organisation.invite", pin, "", &after, now).await?;
    let (name, inviter) = (organisation.name.clone(), who.first_name.clone());
    outbox::tell_account(
        &mut tx,
        now,
        &person.account_id,
        "message-organisation-invited",
        |lang| {
            vec![
                ("organisation", name),
                ("inviter", inviter),
                ("deadline", calendar::moment(lang, now + INVITATION_SECONDS)),
            ]
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Withdraws an invitation that waits.
pub async fn withdraw(
    state: &AppState,
    acting: &Acting,
    organisation: &OrganisationRow,
    id_number: &str,
) -> Result<(), AppError> {
    let pin = organisation.kra_pin.as_str();
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    if !db::withdraw(&mut tx, pin, id_number).await? {
        return Err(AppError::field("invitations", "organisations-error-invitation-gone"));
    }
    audit(&mut tx, acting, "organisation.withdraw", pin, id_number, "", now).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes one of the organisation's people (the person acting may remove themselves), never the last: an
/// organisation always has someone to act for it. The person removed is told.
pub async fn remove(
    state: &AppState,
    acting: &Acting,
    organisation: &OrganisationRow,
    account_id: &str,
) -> Result<(), AppError> {
    let who = &acting.who;
    let pin = organisation.kra_pin.as_str();
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    // Two people removing each other at once: the second waits for the first, then counts again.
    db::lock(&mut tx, pin).await?;
    if !domain::may_remove(db::count(&mut tx, pin).await?) {
        return Err(AppError::field("people", "organisations-error-last"));
    }
    let Some((id_number, role)) = db::person_in(&mut tx, pin, account_id).await? else {
        return Err(AppError::field("people", "organisations-error-person-gone"));
    };
    if !db::remove(&mut tx, account_id, pin).await? {
        return Err(AppError::field("people", "organisations-error-person-gone"));
    }
    let before = format!("{id_number} ({role})");
    audit(&mut tx, acting, "organisation.remove", pin, &before, "", now).await?;
    let (name, by) = (organisation.name.clone(), who.first_name.clone());
    outbox::tell_account(&mut tx, now, account_id, "message-organisation-removed", |_| {
        vec![("organisation", name), ("by", by)]
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The invitations waiting for `who` (the dashboard lists them).
pub async fn invitations_to(state: &AppState, who: &SignedIn) -> anyhow::Result<Vec<InvitationRow>> {
    db::invitations_to(&state.pool, &who.id_number, state.clock.now()).await
}

/// The invitation from `kra_pin` waiting for `who`; none (or anyone else's) is not found.
pub async fn invitation_to(state: &AppState, who: &SignedIn, kra_pin: &str) -> Result<InvitationRow, AppError> {
    invitations_to(state, who)
        .await?
        .into_iter()
        .find(|i| i.kra_pin == kra_pin)
        .ok_or(AppError::NotFound)
}

/// Sends the invited person the code that accepts, to their verified phone (within every code's resend rules).
pub async fn send_code(
    state: &AppState,
    who: &SignedIn,
    lang: Lang,
    invitation: &InvitationRow,
) -> Result<(), AppError> {
    challenges::send_code(
        state,
        CodeRequest {
            account_id: who.id.as_str(),
            purpose: Purpose::OrganisationJoin,
            channel: Channel::Sms,
            to: who.phone.as_str(),
            subject: &invitation.kra_pin,
            lang,
            message: "message-organisation-code",
            field: "code",
        },
    )
    .await
}

/// The invited person accepts with the code: they act for the organisation from now, and whoever invited them is
/// told. An invitation withdrawn or lapsed meanwhile is refused.
pub async fn accept(state: &AppState, acting: &Acting, invitation: &InvitationRow, code: &str) -> Result<(), AppError> {
    let who = &acting.who;
    let trier = Trier {
        account_id: who.id.as_str(),
        client: &acting.client,
    };
    check_typed(
        state,
        trier,
        (Purpose::OrganisationJoin, &invitation.kra_pin),
        code,
        "code",
    )
    .await?;
    let pin = invitation.kra_pin.as_str();
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    let Some((role, invited_by)) = db::take_invitation(&mut tx, pin, &who.id_number, now).await? else {
        return Err(AppError::field("code", "organisations-error-invitation-gone"));
    };
    db::add(&mut tx, who.id.as_str(), pin, &role, &invited_by, now).await?;
    let after = format!("{} ({role})", who.id_number);
    audit(&mut tx, acting, "organisation.join", pin, "", &after, now).await?;
    let (organisation, name) = (invitation.organisation.clone(), who.first_name.clone());
    outbox::tell_account(&mut tx, now, &invited_by, "message-organisation-joined", |_| {
        vec![("organisation", organisation), ("name", name)]
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The invited person declines; whoever invited them is told.
pub async fn decline(state: &AppState, acting: &Acting, invitation: &InvitationRow) -> Result<(), AppError> {
    let who = &acting.who;
    let pin = invitation.kra_pin.as_str();
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    let Some((_, invited_by)) = db::take_invitation(&mut tx, pin, &who.id_number, now).await? else {
        return Err(AppError::field("decline", "organisations-error-invitation-gone"));
    };
    audit(&mut tx, acting, "organisation.decline", pin, &who.id_number, "", now).await?;
    let (organisation, name) = (invitation.organisation.clone(), who.first_name.clone());
    outbox::tell_account(&mut tx, now, &invited_by, "message-organisation-declined", |_| {
        vec![("organisation", organisation), ("name", name)]
    })
    .await?;
    tx.commit().await?;
    Ok(())
}
