//! Registration: the wizard's steps, kept in the session's draft, and the account made from it.

use leptos::prelude::*;

use super::{end, sign_in_here};
use crate::{
    accounts::{
        routes,
        service::{self, registration::Draft},
    },
    error::AppError,
    web::{
        context::Ctx,
        routes::{Next, Page},
        session::SessionData,
    },
};

/// Runs a registration step on the session's draft and keeps the draft it leaves.
async fn registration_step<F>(data: &mut SessionData, step: F) -> Result<Next, AppError>
where
    F: AsyncFnOnce(&mut Draft) -> Result<(), AppError>,
{
    let mut draft: Draft = data.get().unwrap_or_default();
    step(&mut draft).await?;
    data.set(&draft);
    Ok(routes::registration_step(&draft))
}

#[server(endpoint = "accounts/register/type")]
#[tracing::instrument(skip_all)]
pub async fn register_type(account_type: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let account_type = account_type.unwrap_or_default();
    let result = registration_step(&mut ctx.session.data, async |draft| {
        service::registration::choose_type(draft, &account_type)
    })
    .await;
    end(
        ctx,
        result,
        "register-type",
        "register",
        &[("account_type", &account_type)],
    )
    .await
}

#[server(endpoint = "accounts/register/identity")]
#[tracing::instrument(skip_all)]
#[allow(clippy::too_many_arguments)]
pub async fn register_identity(
    id_number: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    year_of_birth: Option<String>,
    nationality: Option<String>,
    mission: Option<String>,
    kra_pin: Option<String>,
    role: Option<String>,
    person: Option<String>,
) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let form = service::registration::IdentityForm {
        id_number: id_number.unwrap_or_default(),
        first_name: first_name.unwrap_or_default(),
        last_name: last_name.unwrap_or_default(),
        year_of_birth: year_of_birth.unwrap_or_default(),
        nationality: nationality.unwrap_or_default(),
        mission: mission.unwrap_or_default(),
        kra_pin: kra_pin.unwrap_or_default(),
        role: role.unwrap_or_default(),
        person: person.unwrap_or_default(),
    };
    let caller = ctx.caller();
    let result = registration_step(&mut ctx.session.data, async |draft| {
        service::registration::save_identity(&ctx.state, &caller, draft, form.clone()).await
    })
    .await;
    let values = [
        ("id_number", form.id_number.as_str()),
        ("first_name", &form.first_name),
        ("last_name", &form.last_name),
        ("year_of_birth", &form.year_of_birth),
        ("nationality", &form.nationality),
        ("mission", &form.mission),
        ("kra_pin", &form.kra_pin),
        ("role", &form.role),
        ("person", &form.person),
    ];
    end(ctx, result, "register-identity", "register/identity", &values).await
}

#[server(endpoint = "accounts/register/contact")]
#[tracing::instrument(skip_all)]
pub async fn register_contact(email: Option<String>, phone: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let (email, phone) = (email.unwrap_or_default(), phone.unwrap_or_default());
    let caller = ctx.caller();
    let result = registration_step(&mut ctx.session.data, async |draft| {
        service::registration::save_contact(&ctx.state, &caller, draft, &email, &phone).await
    })
    .await;
    let values = [("email", email.as_str()), ("phone", &phone)];
    end(ctx, result, "register-contact", "register/contact", &values).await
}

#[server(endpoint = "accounts/register/password")]
#[tracing::instrument(skip_all)]
pub async fn register_password(password: Option<String>, confirm: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let [password, confirm] = [password, confirm].map(Option::unwrap_or_default);
    let result = registration_step(&mut ctx.session.data, async |draft| {
        service::registration::save_password(&ctx.state, draft, &password, &confirm).await
    })
    .await;
    end(ctx, result, "register-password", "register/password", &[]).await
}

#[server(endpoint = "accounts/register/terms")]
pub async fn register_terms(accept: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let accepted = accept.as_deref() == Some("yes");
    let result = registration_step(&mut ctx.session.data, async |draft| {
        service::registration::accept_terms(&ctx.state, draft, accepted)
    })
    .await;
    end(ctx, result, "register-terms", "register/terms", &[]).await
}

/// Creates the account from the draft and signs this browser in to the verification pages.
#[server(endpoint = "accounts/register/create")]
pub async fn register_create() -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let draft: Draft = ctx.session.data.get().unwrap_or_default();
    let caller = ctx.caller();
    let result = match service::registration::create(&ctx.state, &caller, &draft).await {
        Ok(Some(id)) => sign_in_here(&mut ctx, &id).await.map(|()| Next::to(Page::VerifyEmail)),
        Ok(None) => Ok(routes::registration_step(&draft)),
        Err(error) => Err(error),
    };
    end(ctx, result, "register-check", "register/check", &[]).await
}
