//! Vehicle registration on the application framework: the answers, who the vehicle may belong to, the claim on
//! its customs entry and chassis number, and on an officer's approval its plate and its place on the register.

use anyhow::Context;
use rand::Rng;
use sqlx::AnyConnection;

use super::{
    db,
    domain::{self, Answers, IdentityForm, Owner, VehicleForm},
};
use crate::{
    applications::plugin::Effect,
    applications::{domain::Application, service as applications},
    documents::domain::{Fact, Kind, ServiceDocument},
    error::{AppError, FieldError},
    state::AppState,
    web::guard::SignedIn,
};

/// The steps in order; `Next` names where a person goes after one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Vehicle,
    Identity,
    Owner,
}

impl Step {
    pub fn code(self) -> &'static str {
        match self {
            Step::Vehicle => "vehicle",
            Step::Identity => "identity",
            Step::Owner => "owner",
        }
    }
}

/// Step 1: make, model, year, body type, colour.
pub async fn save_vehicle(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    form: &VehicleForm,
) -> Result<(), AppError> {
    let this_year = i64::from(state.clock.today().year());
    let vehicle = domain::parse_vehicle(form, this_year).map_err(AppError::Invalid)?;
    let mut answers: Answers = applications::answers(application);
    answers.vehicle = Some(vehicle);
    applications::keep(state, who, application, &answers).await
}

/// Step 2: chassis number, engine number and size, customs entry. Neither may be on the register or claimed by
/// another paid application. Only payment claims them (`on_paid`): a draft that claimed them would let anyone
/// block someone else's vehicle for free.
pub async fn save_identity(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    form: &IdentityForm,
) -> Result<(), AppError> {
    let identity = domain::parse_identity(form).map_err(AppError::Invalid)?;
    let id = application.id.as_str();
    let taken = db::taken(&state.pool, id, &identity.chassis_number, &identity.customs_entry).await?;
    let mut errors = Vec::new();
    if taken.chassis {
        errors.push(FieldError::new("chassis_number", "registration-error-vin-taken"));
    }
    if taken.entry {
        errors.push(FieldError::new(
            "customs_entry",
            "registration-error-customs_entry-taken",
        ));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut answers: Answers = applications::answers(application);
    answers.identity = Some(identity);
    applications::keep(state, who, application, &answers).await
}

/// Who a vehicle may be registered to: the person (when the national register has them) and the organisations
/// they act for.
#[derive(Debug, Clone, Default)]
pub struct Owners {
    pub myself: bool,
    pub organisations: Vec<db::Organisation>,
}

impl Owners {
    pub fn allows(&self, owner: &Owner) -> bool {
        match owner {
            Owner::Myself => self.myself,
            Owner::Organisation(pin) => self.organisations.iter().any(|o| &o.kra_pin == pin),
        }
    }
}

pub async fn owners(state: &AppState, who: &SignedIn) -> anyhow::Result<Owners> {
    Ok(Owners {
        myself: db::on_register(&state.pool, &who.id_number).await?,
        organisations: db::organisations(&state.pool, who.id.as_str()).await?,
    })
}

/// An owner as posted: `myself`, or an organisation's KRA PIN.
pub fn parse_owner(posted: &str) -> Option<Owner> {
    match posted.trim() {
        "" => None,
        "myself" => Some(Owner::Myself),
        pin => Some(Owner::Organisation(pin.to_string())),
    }
}

/// Step 3: the owner, among those allowed.
pub async fn save_owner(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    posted: &str,
) -> Result<(), AppError> {
    let owners = owners(state, who).await?;
    let owner = parse_owner(posted)
        .filter(|owner| owners.allows(owner))
        .ok_or_else(|| AppError::field("owner", "registration-error-owner"))?;
    let mut answers: Answers = applications::answers(application);
    answers.owner = Some(owner);
    applications::keep(state, who, application, &answers).await
}

/// The fee to invoice when every answer is in and still holds (an organisation left, a claim lost), else the
/// step to fix first.
pub async fn ready(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
) -> Result<Result<&'static str, Step>, AppError> {
    let answers: Answers = applications::answers(application);
    let Some(_) = answers.vehicle else {
        return Ok(Err(Step::Vehicle));
    };
    let Some(identity) = answers.identity else {
        return Ok(Err(Step::Identity));
    };
    let taken = db::taken(
        &state.pool,
        application.id.as_str(),
        &identity.chassis_number,
        &identity.customs_entry,
    )
    .await?;
    let Some(fee) = domain::fee_code(identity.engine_cc).filter(|_| taken == db::Taken::default()) else {
        return Ok(Err(Step::Identity));
    };
    let owners = owners(state, who).await?;
    match answers.owner {
        Some(owner) if owners.allows(&owner) => Ok(Ok(fee)),
        _ => Ok(Err(Step::Owner)),
    }
}

/// A paid registration claims its chassis number and customs entry, in the payment's transaction, and goes to an
/// officer. A claim lost to another paid application is left for the officer: approval refuses it (`on_approved`).
pub async fn on_paid(conn: &mut AnyConnection, application: &Application, _now: i64) -> anyhow::Result<Effect> {
    let answers: Answers = applications::answers(application);
    let identity = answers.identity.context("a paid registration without its identity")?;
    db::claim(
        conn,
        application.id.as_str(),
        &identity.chassis_number,
        &identity.customs_entry,
    )
    .await?;
    Ok(Effect::Review)
}

/// Plates tried before giving up: each is skipped only when an older vehicle already has it.
const PLATE_TRIES: usize = 100;

/// On approval the vehicle joins the register under the next free plate of its series, in the decision's
/// transaction.
pub async fn on_approved(conn: &mut AnyConnection, application: &Application, _now: i64) -> anyhow::Result<()> {
    let answers: Answers = applications::answers(application);
    let vehicle = answers
        .vehicle
        .context("an approved registration without its vehicle")?;
    let identity = answers
        .identity
        .context("an approved registration without its identity")?;
    let owner = answers.owner.context("an approved registration without its owner")?;
    anyhow::ensure!(
        db::holds_claim(conn, application.id.as_str()).await?,
        "another paid application claims this chassis number or customs entry: reject one of them"
    );
    let id_number = match &owner {
        Owner::Myself => Some(crate::accounts::db::id_number(conn, application.account.as_str()).await?),
        Owner::Organisation(_) => None,
    };
    let kra_pin = match &owner {
        Owner::Organisation(pin) => Some(pin.as_str()),
        Owner::Myself => None,
    };
    for _ in 0..PLATE_TRIES {
        let (first, n) = db::next_plate(conn, domain::series(&vehicle.body_type)).await?;
        let plate = domain::plate_at(&first, n).with_context(|| format!("series from {first} is used up"))?;
        let logbook = format!("LB{:08}", rand::rng().random_range(0..100_000_000));
        let added = db::insert_vehicle(
            conn,
            &db::NewVehicle {
                plate: &plate,
                make: &vehicle.make,
                model: &vehicle.model,
                year: vehicle.year,
                engine_cc: identity.engine_cc,
                chassis_number: &identity.chassis_number,
                engine_number: &identity.engine_number,
                owner_id_number: id_number.as_deref(),
                owner_kra_pin: kra_pin,
                logbook_number: &logbook,
                body_type: &vehicle.body_type,
                colour: &vehicle.colour,
                customs_entry: &identity.customs_entry,
            },
        )
        .await?;
        if added {
            db::set_plate(conn, application.id.as_str(), &plate).await?;
            return Ok(());
        }
    }
    anyhow::bail!("no free plate in {PLATE_TRIES} tries")
}

/// The registration slip, once the vehicle has its plate: the plate and the particulars as registered.
pub async fn slip(conn: &mut AnyConnection, application: &Application) -> anyhow::Result<Option<ServiceDocument>> {
    let Some(plate) = db::plate(conn, application.id.as_str()).await? else {
        return Ok(None);
    };
    let answers: Answers = applications::answers(application);
    let (Some(vehicle), Some(identity)) = (answers.vehicle, answers.identity) else {
        return Ok(None);
    };
    let mut facts = vec![
        Fact::text("registration-fact-plate", plate),
        Fact::text("registration-field-make", vehicle.make),
        Fact::text("registration-field-model", vehicle.model),
        Fact::text("registration-field-year", vehicle.year.to_string()),
        Fact::message(
            "registration-field-body_type",
            format!("registration-body-{}", vehicle.body_type),
        ),
        Fact::message(
            "registration-field-colour",
            format!("registration-colour-{}", vehicle.colour),
        ),
        Fact::holder_only("registration-field-chassis_number", identity.chassis_number),
        Fact::holder_only("registration-field-engine_number", identity.engine_number),
        Fact::text("registration-field-engine_cc", format!("{} cc", identity.engine_cc)),
    ];
    if let Some(Owner::Organisation(pin)) = answers.owner {
        let name = db::organisation_name(conn, &pin).await?.unwrap_or(pin);
        facts.push(Fact::text("registration-fact-owner", name));
    }
    Ok(Some(ServiceDocument {
        kind: Kind::RegistrationSlip,
        classes: None,
        valid_until: None,
        smart: false,
        facts,
    }))
}

/// The plate of a completed registration (its page shows it).
pub async fn plate(state: &AppState, application: &Application) -> anyhow::Result<Option<String>> {
    let mut conn = state.pool.acquire().await?;
    db::plate(&mut conn, application.id.as_str()).await
}
