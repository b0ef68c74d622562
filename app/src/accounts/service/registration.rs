//! The registration wizard's rules. Every answer is kept in the session's draft as the person goes, so a reload or
//! a lost connection resumes where they were; the account is created from the draft at the end.

use serde::{Deserialize, Serialize};

use crate::{
    accounts::{
        db,
        domain::{self, AccountType, DocumentType},
    },
    error::{AppError, FieldError},
    ids::{Email, KraPin, PhoneNumber},
    web::{
        context::Ctx,
        session::Entry,
        wizard::{self, Steps, CHECK},
    },
};

use super::registers::{check_registers, document_of, taken};

/// The version of the terms and conditions shown now; recorded with each acceptance.
pub const TERMS_VERSION: &str = "2026-11";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Identity {
    pub id_number: String,
    pub first_name: String,
    pub last_name: String,
    pub year_of_birth: Option<i64>,
    pub nationality: Option<String>,
    pub mission: Option<String>,
    /// Business accounts: the organisation, the person's role in it, and whether the person is a citizen or a
    /// resident.
    pub kra_pin: Option<KraPin>,
    pub organisation: Option<String>,
    pub role: Option<String>,
    pub person: Option<String>,
    /// Which document `id_number` is from (a draft saved before this field existed derives it again).
    #[serde(default)]
    pub document_type: Option<DocumentType>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub account_type: Option<AccountType>,
    pub identity: Option<Identity>,
    pub email: Option<Email>,
    pub phone: Option<PhoneNumber>,
    /// Hashed as soon as it is chosen: the draft never holds the password itself.
    pub password_hash: Option<String>,
    pub terms_accepted_at: Option<i64>,
}

impl Entry for Draft {
    const KEY: &'static str = "registration";
}

impl Steps for Draft {
    fn base(&self) -> String {
        "register".into()
    }

    fn steps(&self) -> Vec<&'static str> {
        vec!["", "identity", "contact", "password", "terms", CHECK]
    }

    fn answered(&self, step: &str) -> bool {
        match step {
            "" => self.account_type.is_some(),
            "identity" => self.identity.is_some(),
            "contact" => self.email.is_some() && self.phone.is_some(),
            "password" => self.password_hash.is_some(),
            "terms" => self.terms_accepted_at.is_some(),
            _ => false,
        }
    }
}

/// The identity form as posted: every field optional, since which ones apply depends on the account type.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IdentityForm {
    pub id_number: String,
    pub first_name: String,
    pub last_name: String,
    pub year_of_birth: String,
    pub nationality: String,
    pub mission: String,
    pub kra_pin: String,
    pub role: String,
    pub person: String,
}

/// After a step: the first one still unanswered (the check page once all are, so a Change returns there).
fn after(draft: &Draft) -> String {
    wizard::path(draft, wizard::next(draft))
}

/// The session's draft, or an empty one.
pub fn draft(ctx: &Ctx) -> Draft {
    ctx.session.data.get().unwrap_or_default()
}

/// Changes the session's draft; answers the address of the first step still to answer.
fn update_draft(ctx: &mut Ctx, change: impl FnOnce(&mut Draft)) -> String {
    let mut draft = draft(ctx);
    change(&mut draft);
    ctx.session.data.set(&draft);
    after(&draft)
}

pub async fn choose_type(ctx: &mut Ctx, account_type: &str) -> Result<String, AppError> {
    let kind =
        AccountType::parse(account_type).ok_or_else(|| AppError::field("account_type", "accounts-error-type"))?;
    Ok(update_draft(ctx, |draft| {
        if draft.account_type != Some(kind) {
            // Another type asks for other documents: the identity answers no longer apply.
            draft.identity = None;
        }
        draft.account_type = Some(kind);
    }))
}

fn collect<T>(result: Result<T, FieldError>, errors: &mut Vec<FieldError>) -> Option<T> {
    result.map_err(|e| errors.push(e)).ok()
}

/// Checks the identity answers for the draft's account type, and against the demo registers where there is one.
pub async fn save_identity(ctx: &mut Ctx, form: IdentityForm) -> Result<String, AppError> {
    let draft = draft(ctx);
    let kind = draft
        .account_type
        .ok_or_else(|| AppError::field("account_type", "accounts-error-type"))?;
    let mut errors = vec![];
    let mut identity = Identity::default();
    let this_year = ctx.state.clock.year();
    if kind == AccountType::Business {
        identity.kra_pin = collect(domain::parse_kra_pin(&form.kra_pin), &mut errors);
        identity.role = collect(domain::parse_text(&form.role, "role"), &mut errors);
        if form.person != "citizen" && form.person != "resident" {
            errors.push(FieldError::new("person", "accounts-error-person"));
        }
        identity.person = Some(form.person.clone());
    }
    let as_citizen = kind == AccountType::Citizen || (kind == AccountType::Business && form.person == "citizen");
    let id_number = if as_citizen {
        domain::parse_national_id(&form.id_number, "id_number")
    } else {
        domain::parse_document_number(&form.id_number, "id_number")
    };
    identity.id_number = collect(id_number, &mut errors).unwrap_or_default();
    identity.first_name = collect(domain::parse_name(&form.first_name, "first_name"), &mut errors).unwrap_or_default();
    if as_citizen {
        identity.year_of_birth = collect(domain::parse_year_of_birth(&form.year_of_birth, this_year), &mut errors);
    } else {
        identity.last_name = collect(domain::parse_name(&form.last_name, "last_name"), &mut errors).unwrap_or_default();
    }
    if matches!(kind, AccountType::Resident | AccountType::Visitor) || (kind == AccountType::Business && !as_citizen) {
        identity.nationality = collect(domain::parse_text(&form.nationality, "nationality"), &mut errors);
    }
    if kind == AccountType::Diplomat {
        identity.mission = collect(domain::parse_text(&form.mission, "mission"), &mut errors);
    }
    let document = document_of(kind, identity.person.as_deref());
    identity.document_type = Some(document);
    if errors.is_empty() {
        check_registers(ctx, document, &mut identity, &mut errors).await?;
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    Ok(update_draft(ctx, |draft| draft.identity = Some(identity)))
}

pub async fn save_contact(ctx: &mut Ctx, email: &str, phone: &str) -> Result<String, AppError> {
    let mut errors = vec![];
    let email = collect(domain::parse_email(email), &mut errors);
    let phone = collect(domain::parse_phone(phone), &mut errors);
    let (Some(email), Some(phone)) = (email, phone) else {
        return Err(AppError::Invalid(errors));
    };
    for column in taken(ctx, None, email.as_str(), phone.as_str(), "email").await? {
        errors.push(FieldError::new(column, &format!("accounts-error-{column}-taken")));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    Ok(update_draft(ctx, |draft| {
        draft.email = Some(email);
        draft.phone = Some(phone);
    }))
}

/// Checks a new password against the product's rule and the common list; `confirm` must match.
pub fn check_new_password(password: &str, confirm: &str, id_number: &str, email: &str) -> Result<(), AppError> {
    domain::check_password(password, id_number, email)?;
    if crate::web::passwords::is_common(password) {
        return Err(AppError::field("password", "accounts-error-password-common"));
    }
    if password != confirm {
        return Err(AppError::field("confirm", "accounts-error-password-confirm"));
    }
    Ok(())
}

pub async fn save_password(ctx: &mut Ctx, password: &str, confirm: &str) -> Result<String, AppError> {
    let draft = draft(ctx);
    let id_number = draft
        .identity
        .as_ref()
        .map(|i| i.id_number.as_str())
        .unwrap_or_default();
    check_new_password(
        password,
        confirm,
        id_number,
        draft.email.as_ref().map(Email::as_str).unwrap_or_default(),
    )?;
    let hash = ctx.state.passwords.hash(password).await.map_err(AppError::internal)?;
    Ok(update_draft(ctx, |draft| draft.password_hash = Some(hash)))
}

pub async fn accept_terms(ctx: &mut Ctx, accepted: bool) -> Result<String, AppError> {
    if !accepted {
        return Err(AppError::field("accept", "accounts-error-terms"));
    }
    let now = ctx.now();
    Ok(update_draft(ctx, |draft| draft.terms_accepted_at = Some(now)))
}

/// Creates the account from a complete draft, queues the email link, and signs the session in to the
/// verification pages.
pub async fn create(ctx: &mut Ctx) -> Result<String, AppError> {
    let draft = draft(ctx);
    if wizard::next(&draft) != CHECK {
        return Ok(after(&draft));
    }
    let (Some(kind), Some(identity), Some(email), Some(phone), Some(hash), Some(accepted_at)) = (
        draft.account_type,
        draft.identity,
        draft.email,
        draft.phone,
        draft.password_hash,
        draft.terms_accepted_at,
    ) else {
        return Ok(after(&Draft::default()));
    };
    let id = uuid::Uuid::new_v4().to_string();
    let result = insert(
        ctx,
        &id,
        kind,
        &identity,
        email.as_str(),
        phone.as_str(),
        &hash,
        accepted_at,
    )
    .await;
    if let Err(error) = result {
        if db::is_unique_violation(&error) {
            return Err(AppError::field("create", "accounts-error-duplicate"));
        }
        return Err(AppError::internal(error));
    }
    ctx.session
        .sign_in(&ctx.state, &id, super::sign_in::device_label(&ctx.headers))
        .await
        .map_err(AppError::internal)?;
    Ok("verify/email".into())
}

#[allow(clippy::too_many_arguments)]
async fn insert(
    ctx: &Ctx,
    id: &str,
    kind: AccountType,
    identity: &Identity,
    email: &str,
    phone: &str,
    hash: &str,
    accepted_at: i64,
) -> anyhow::Result<()> {
    let now = ctx.now();
    let mut tx = crate::db::begin_write(&ctx.state.pool).await?;
    let document = identity
        .document_type
        .unwrap_or_else(|| document_of(kind, identity.person.as_deref()));
    let account = db::NewAccount {
        id,
        account_type: kind.code(),
        document_type: document.code(),
        id_number: &identity.id_number,
        first_name: &identity.first_name,
        last_name: &identity.last_name,
        year_of_birth: identity.year_of_birth,
        nationality: identity.nationality.as_deref(),
        mission: identity.mission.as_deref(),
        email,
        phone,
        password_hash: hash,
        language: ctx.lang.code(),
        terms_version: TERMS_VERSION,
        terms_accepted_at: accepted_at,
        now,
    };
    db::insert(&mut tx, &account).await?;
    if let (Some(pin), Some(role)) = (&identity.kra_pin, &identity.role) {
        db::add_membership(&mut tx, id, pin, role, now).await?;
    }
    super::verification::send_link(&mut tx, ctx, ctx.lang, id, email).await?;
    tx.commit().await?;
    Ok(())
}
