//! The registration wizard's rules. Every answer is kept in a draft as the person goes (the api layer keeps it in
//! the session), so a reload or a lost connection resumes where they were; the account is created from the draft
//! at the end. Each step's function checks its answers and writes them into the draft, or leaves it unchanged.

use serde::{Deserialize, Serialize};

use crate::{
    accounts::{
        db,
        domain::{self, AccountType, DocumentType},
    },
    error::{AppError, FieldError},
    ids::{AccountId, Email, KraPin, PhoneNumber},
    state::AppState,
    web::{
        context::Caller,
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

pub fn choose_type(draft: &mut Draft, account_type: &str) -> Result<(), AppError> {
    let kind =
        AccountType::parse(account_type).ok_or_else(|| AppError::field("account_type", "accounts-error-type"))?;
    if draft.account_type != Some(kind) {
        // Another type asks for other documents: the identity answers no longer apply.
        draft.identity = None;
    }
    draft.account_type = Some(kind);
    Ok(())
}

fn collect<T>(result: Result<T, FieldError>, errors: &mut Vec<FieldError>) -> Option<T> {
    result.map_err(|e| errors.push(e)).ok()
}

/// Checks the identity answers for the draft's account type, and against the demo registers where there is one.
pub async fn save_identity(
    state: &AppState,
    caller: &Caller,
    draft: &mut Draft,
    form: IdentityForm,
) -> Result<(), AppError> {
    let kind = draft
        .account_type
        .ok_or_else(|| AppError::field("account_type", "accounts-error-type"))?;
    let mut errors = vec![];
    let mut identity = Identity::default();
    let this_year = state.clock.year();
    if kind == AccountType::Business {
        identity.kra_pin = collect(crate::ids::KraPin::parse(&form.kra_pin), &mut errors);
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
        check_registers(state, caller, document, &mut identity, &mut errors).await?;
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    draft.identity = Some(identity);
    Ok(())
}

pub async fn save_contact(
    state: &AppState,
    caller: &Caller,
    draft: &mut Draft,
    email: &str,
    phone: &str,
) -> Result<(), AppError> {
    let mut errors = vec![];
    let email = collect(crate::ids::Email::parse(email), &mut errors);
    let phone = collect(crate::ids::PhoneNumber::parse(phone), &mut errors);
    let (Some(email), Some(phone)) = (email, phone) else {
        return Err(AppError::Invalid(errors));
    };
    for column in taken(state, caller, None, &email, &phone, "email").await? {
        errors.push(FieldError::new(column, &format!("accounts-error-{column}-taken")));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    draft.email = Some(email);
    draft.phone = Some(phone);
    Ok(())
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

pub async fn save_password(state: &AppState, draft: &mut Draft, password: &str, confirm: &str) -> Result<(), AppError> {
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
    draft.password_hash = Some(state.passwords.hash(password).await?);
    Ok(())
}

pub fn accept_terms(state: &AppState, draft: &mut Draft, accepted: bool) -> Result<(), AppError> {
    if !accepted {
        return Err(AppError::field("accept", "accounts-error-terms"));
    }
    draft.terms_accepted_at = Some(state.clock.now());
    Ok(())
}

/// Creates the account from a complete draft and queues the email link; `None` when the draft is not complete
/// (the wizard's guard sends the person to the first unanswered step).
pub async fn create(state: &AppState, caller: &Caller, draft: &Draft) -> Result<Option<AccountId>, AppError> {
    if wizard::next(draft) != CHECK {
        return Ok(None);
    }
    let (Some(kind), Some(identity), Some(email), Some(phone), Some(hash), Some(accepted_at)) = (
        draft.account_type,
        &draft.identity,
        &draft.email,
        &draft.phone,
        &draft.password_hash,
        draft.terms_accepted_at,
    ) else {
        return Ok(None);
    };
    let id = AccountId::from_stored(uuid::Uuid::new_v4().to_string());
    let now = state.clock.now();
    let document = identity
        .document_type
        .unwrap_or_else(|| document_of(kind, identity.person.as_deref()));
    let account = db::NewAccount {
        id: &id,
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
        language: caller.lang.code(),
        terms_version: TERMS_VERSION,
        terms_accepted_at: accepted_at,
        now,
    };
    let membership = identity.kra_pin.as_ref().zip(identity.role.as_deref());
    match insert(state, caller, &account, membership).await {
        Ok(()) => Ok(Some(id)),
        Err(error) if db::is_unique_violation(&error) => Err(AppError::field("create", "accounts-error-duplicate")),
        Err(error) => Err(AppError::internal(error)),
    }
}

/// The account, its organisation and its email link: one transaction.
async fn insert(
    state: &AppState,
    caller: &Caller,
    account: &db::NewAccount<'_>,
    membership: Option<(&KraPin, &str)>,
) -> anyhow::Result<()> {
    let mut tx = crate::db::begin_write(&state.pool).await?;
    db::insert(&mut tx, account).await?;
    if let Some((pin, role)) = membership {
        db::add_membership(&mut tx, account.id, pin, role, account.now).await?;
    }
    super::verification::send_link(&mut tx, state, caller.lang, account.id, account.email).await?;
    tx.commit().await?;
    Ok(())
}
