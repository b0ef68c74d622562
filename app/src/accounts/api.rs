//! The accounts server functions: plain form posts (url-encoded, flat arguments) that work with or without
//! JavaScript. Each loads the session, hands the answers to a service, and redirects: onwards, or back to the
//! form with its errors and what was typed (passwords excepted). Anything taking a password, code or ID number
//! is logged with `skip_all`.

use leptos::prelude::*;

use super::{domain::Channel, service};
use crate::{error::AppError, web::context::Ctx};

#[server(endpoint = "accounts/register/type")]
#[tracing::instrument(skip_all)]
pub async fn register_type(account_type: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let account_type = account_type.unwrap_or_default();
    let result = service::registration::choose_type(&mut ctx, &account_type).await;
    ctx.finish(result, "register-type", "register", &[("account_type", &account_type)])
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
    let result = service::registration::save_identity(&mut ctx, form.clone()).await;
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
    ctx.finish(result, "register-identity", "register/identity", &values)
        .await
}

#[server(endpoint = "accounts/register/contact")]
#[tracing::instrument(skip_all)]
pub async fn register_contact(email: Option<String>, phone: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let (email, phone) = (email.unwrap_or_default(), phone.unwrap_or_default());
    let result = service::registration::save_contact(&mut ctx, &email, &phone).await;
    ctx.finish(
        result,
        "register-contact",
        "register/contact",
        &[("email", &email), ("phone", &phone)],
    )
    .await
}

#[server(endpoint = "accounts/register/password")]
#[tracing::instrument(skip_all)]
pub async fn register_password(password: Option<String>, confirm: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let result =
        service::registration::save_password(&mut ctx, &password.unwrap_or_default(), &confirm.unwrap_or_default())
            .await;
    ctx.finish(result, "register-password", "register/password", &[]).await
}

#[server(endpoint = "accounts/register/terms")]
pub async fn register_terms(accept: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let result = service::registration::accept_terms(&mut ctx, accept.as_deref() == Some("yes")).await;
    ctx.finish(result, "register-terms", "register/terms", &[]).await
}

#[server(endpoint = "accounts/register/create")]
pub async fn register_create() -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let result = service::registration::create(&mut ctx).await;
    ctx.finish(result, "register-check", "register/check", &[]).await
}

#[server(endpoint = "accounts/verify/email/resend")]
pub async fn resend_email_link() -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let result = service::verification::resend_link(&mut ctx).await;
    ctx.finish(result, "verify-email", "verify/email", &[]).await
}

#[server(endpoint = "accounts/verify/email/change")]
pub async fn correct_email(email: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let email = email.unwrap_or_default();
    let result = service::verification::change_unverified_email(&mut ctx, &email).await;
    ctx.finish(result, "verify-email", "verify/email", &[("email", &email)])
        .await
}

#[server(endpoint = "accounts/verify/email/confirm")]
#[tracing::instrument(skip_all)]
pub async fn confirm_email(token: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let token = token.unwrap_or_default();
    let result = service::verification::confirm_email(&mut ctx, &token).await;
    let back = format!(
        "verify/email/confirm?token={}",
        token.chars().filter(char::is_ascii_hexdigit).collect::<String>()
    );
    ctx.finish(result, "verify-email-confirm", &back, &[]).await
}

#[server(endpoint = "accounts/verify/phone")]
#[tracing::instrument(skip_all)]
pub async fn verify_phone(code: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let code = code.unwrap_or_default();
    let result = service::verification::verify_phone(&mut ctx, &code).await;
    ctx.finish(result, "verify-phone", "verify/phone", &[("code", &code)])
        .await
}

#[server(endpoint = "accounts/verify/phone/resend")]
pub async fn resend_phone_code() -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let result = service::verification::resend_phone_code(&mut ctx).await;
    ctx.finish(result, "verify-phone", "verify/phone", &[]).await
}

#[server(endpoint = "accounts/sign-in")]
#[tracing::instrument(skip_all)]
pub async fn sign_in(login: Option<String>, password: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let login = login.unwrap_or_default();
    let result = service::sign_in::sign_in(&mut ctx, &login, &password.unwrap_or_default()).await;
    ctx.finish(result, "sign-in", "login", &[("login", &login)]).await
}

#[server(endpoint = "accounts/sign-in/code")]
#[tracing::instrument(skip_all)]
pub async fn sign_in_code(code: Option<String>, remember: Option<String>, via: Option<String>) -> Result<(), AppError> {
    let via = channel_param(via)?;
    let mut ctx = Ctx::load().await?;
    let code = code.unwrap_or_default();
    let remember = remember.as_deref() == Some("yes");
    let result = service::sign_in::enter_code(&mut ctx, &code, remember).await;
    let back = format!("login/code?via={}", via.code());
    let values = [("code", code.as_str()), ("remember", if remember { "yes" } else { "" })];
    ctx.finish(result, "sign-in-code", &back, &values).await
}

#[server(endpoint = "accounts/sign-in/resend")]
pub async fn sign_in_resend(via: Option<String>) -> Result<(), AppError> {
    let via = channel_param(via)?;
    let mut ctx = Ctx::load().await?;
    let result = service::sign_in::resend_code(&mut ctx, via).await;
    ctx.finish(result, "sign-in-code", &format!("login/code?via={}", via.code()), &[])
        .await
}

/// The `via` of the code forms: a channel, or (only from a hand-made request) 400. Its value goes into the
/// address of the next page, so nothing else may pass.
fn channel_param(via: Option<String>) -> Result<Channel, AppError> {
    match via.as_deref().map(Channel::parse) {
        None => Ok(Channel::Sms),
        Some(Some(channel)) => Ok(channel),
        Some(None) => {
            expect_context::<leptos_axum::ResponseOptions>().set_status(http::StatusCode::BAD_REQUEST);
            Err(AppError::NotFound)
        }
    }
}

#[server(endpoint = "accounts/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let result = service::sign_in::sign_out(&mut ctx).await;
    ctx.finish(result, "sign-out", "", &[]).await
}

#[server(endpoint = "accounts/reset")]
#[tracing::instrument(skip_all)]
pub async fn reset_start(login: Option<String>, channel: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let (login, channel) = (login.unwrap_or_default(), channel.unwrap_or_default());
    let result = service::reset::start(&mut ctx, &login, &channel).await;
    ctx.finish(result, "reset", "reset", &[("login", &login), ("channel", &channel)])
        .await
}

#[server(endpoint = "accounts/reset/code")]
#[tracing::instrument(skip_all)]
pub async fn reset_code(code: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let code = code.unwrap_or_default();
    let result = service::reset::enter_code(&mut ctx, &code).await;
    ctx.finish(result, "reset-code", "reset/code", &[("code", &code)]).await
}

#[server(endpoint = "accounts/reset/password")]
#[tracing::instrument(skip_all)]
pub async fn reset_password(password: Option<String>, confirm: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let result =
        service::reset::new_password(&mut ctx, &password.unwrap_or_default(), &confirm.unwrap_or_default()).await;
    ctx.finish(result, "reset-password", "reset/password", &[]).await
}

#[server(endpoint = "accounts/account/password")]
#[tracing::instrument(skip_all)]
pub async fn change_password(
    current_password: Option<String>,
    password: Option<String>,
    confirm: Option<String>,
) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let [current, password, confirm] = [current_password, password, confirm].map(Option::unwrap_or_default);
    let result = service::account::change_password(&mut ctx, &current, &password, &confirm).await;
    ctx.finish(result, "account", "account", &[]).await
}

#[server(endpoint = "accounts/account/email")]
#[tracing::instrument(skip_all)]
pub async fn change_email(email_password: Option<String>, email: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let email = email.unwrap_or_default();
    let result = service::account::change_email(&mut ctx, &email_password.unwrap_or_default(), &email).await;
    ctx.finish(result, "account", "account", &[("email", &email)]).await
}

#[server(endpoint = "accounts/account/phone")]
#[tracing::instrument(skip_all)]
pub async fn change_phone(phone_password: Option<String>, phone: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let phone = phone.unwrap_or_default();
    let result = service::account::change_phone(&mut ctx, &phone_password.unwrap_or_default(), &phone).await;
    ctx.finish(result, "account", "account", &[("phone", &phone)]).await
}

#[server(endpoint = "accounts/account/channel")]
#[tracing::instrument(skip_all)]
pub async fn change_channel(channel_password: Option<String>, channel: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let [password, channel] = [channel_password, channel].map(Option::unwrap_or_default);
    let result = service::account::set_channel(&mut ctx, &password, &channel).await;
    ctx.finish(result, "account", "account", &[]).await
}

#[server(endpoint = "accounts/account/confirm")]
#[tracing::instrument(skip_all)]
pub async fn confirm_change(code: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let code = code.unwrap_or_default();
    let result = service::account::confirm_change(&mut ctx, &code).await;
    ctx.finish(result, "account-confirm", "account/confirm", &[("code", &code)])
        .await
}

#[server(endpoint = "accounts/account/end-session")]
pub async fn end_session(session: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let result = service::browsers::end(&mut ctx, &session.unwrap_or_default()).await;
    ctx.finish(result, "account", "account", &[]).await
}

#[server(endpoint = "accounts/account/forget-device")]
pub async fn forget_device(device: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let result = service::account::forget_device(&mut ctx, &device.unwrap_or_default()).await;
    ctx.finish(result, "account", "account", &[]).await
}
