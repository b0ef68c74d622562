//! The accounts server functions: plain form posts (url-encoded, flat arguments) that work with or without
//! JavaScript. Each resolves the session (the signed-in account, a feature's entry), hands typed inputs to a
//! service, keeps what the outcome says to keep, and redirects through the route table: onwards, or back to the
//! form with its errors and what was typed (passwords excepted). Anything taking a password, code or ID number
//! is logged with `skip_all`.

use leptos::prelude::*;

use super::{
    db::Account,
    domain::Channel,
    routes,
    service::{
        self,
        account::PendingChange,
        registration::Draft,
        reset::PendingReset,
        sign_in::{PendingSignIn, Signing},
    },
};
use crate::{
    error::AppError,
    web::{
        context::Ctx,
        routes::{Next, Page},
        session::{cookie_name, set_cookie, SessionData, DEVICE_COOKIE, REMEMBER_SECONDS},
    },
};

/// Ends a post: onwards to `next` (with its notice), or back to `back` with the errors and `values`.
async fn end(
    mut ctx: Ctx,
    result: Result<Next, AppError>,
    form: &str,
    back: &str,
    values: &[(&str, &str)],
) -> Result<(), AppError> {
    let result = result.map(|next| {
        if let Some(notice) = next.notice {
            ctx.notice(notice);
        }
        next.page.path()
    });
    ctx.finish(result, form, back, values).await
}

/// The account the session is signed in to (verified or not).
pub async fn account(ctx: &Ctx) -> Result<Account, AppError> {
    service::verification::account(&ctx.state, ctx.session.account_id.as_deref()).await
}

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

/// Signs this browser in to `account_id`: a new session id, every feature entry dropped.
async fn sign_in_here(ctx: &mut Ctx, account_id: &str) -> Result<(), AppError> {
    let browser = ctx.caller().browser;
    ctx.session
        .sign_in(&ctx.state, account_id, browser)
        .await
        .map_err(AppError::internal)
}

#[server(endpoint = "accounts/verify/email/resend")]
pub async fn resend_email_link() -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let result = match account(&ctx).await {
        Ok(account) => service::verification::resend_link(&ctx.state, &account)
            .await
            .map(routes::link_sent),
        Err(error) => Err(error),
    };
    end(ctx, result, "verify-email", "verify/email", &[]).await
}

#[server(endpoint = "accounts/verify/email/change")]
pub async fn correct_email(email: Option<String>) -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let email = email.unwrap_or_default();
    let result = match account(&ctx).await {
        Ok(account) => service::verification::change_unverified_email(&ctx.state, &account, &email)
            .await
            .map(|()| Next::with(Page::VerifyEmail, "accounts-notice-link-sent")),
        Err(error) => Err(error),
    };
    end(ctx, result, "verify-email", "verify/email", &[("email", &email)]).await
}

#[server(endpoint = "accounts/verify/email/confirm")]
#[tracing::instrument(skip_all)]
pub async fn confirm_email(token: Option<String>) -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let token = token.unwrap_or_default();
    let result = service::verification::confirm_email(&ctx.state, &token)
        .await
        .map(|proven| {
            let account = match &proven {
                service::verification::EmailProven::Registered { account, .. }
                | service::verification::EmailProven::Changed { account } => account,
            };
            routes::email_proven(&proven, ctx.session.account_id.as_deref() == Some(account.as_str()))
        });
    let back = format!(
        "verify/email/confirm?token={}",
        token.chars().filter(char::is_ascii_hexdigit).collect::<String>()
    );
    end(ctx, result, "verify-email-confirm", &back, &[]).await
}

#[server(endpoint = "accounts/verify/phone")]
#[tracing::instrument(skip_all)]
pub async fn verify_phone(code: Option<String>) -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let code = code.unwrap_or_default();
    let result = match account(&ctx).await {
        Ok(account) => service::verification::verify_phone(&ctx.state, &ctx.caller(), &account, &code)
            .await
            .map(|proven| routes::phone_proven(proven, &account)),
        Err(error) => Err(error),
    };
    end(ctx, result, "verify-phone", "verify/phone", &[("code", &code)]).await
}

#[server(endpoint = "accounts/verify/phone/resend")]
pub async fn resend_phone_code() -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let result = match account(&ctx).await {
        Ok(account) => service::verification::resend_phone_code(&ctx.state, &account)
            .await
            .map(|()| Next::with(Page::VerifyPhone, "accounts-notice-code-sent")),
        Err(error) => Err(error),
    };
    end(ctx, result, "verify-phone", "verify/phone", &[]).await
}

#[server(endpoint = "accounts/sign-in")]
#[tracing::instrument(skip_all)]
pub async fn sign_in(login: Option<String>, password: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let login = login.unwrap_or_default();
    let result = match service::sign_in::sign_in(&ctx.state, &ctx.caller(), &login, &password.unwrap_or_default()).await
    {
        Ok(outcome) => {
            let next = routes::sign_in(&outcome);
            match outcome {
                Signing::Done(account) => sign_in_here(&mut ctx, &account.id).await.map(|()| next),
                Signing::CodeSent { pending, .. } => {
                    ctx.session.data.set(&pending);
                    Ok(next)
                }
            }
        }
        Err(error) => Err(error),
    };
    end(ctx, result, "sign-in", "login", &[("login", &login)]).await
}

/// The account past its password and waiting for the second step.
pub async fn pending_sign_in(ctx: &Ctx) -> Result<Account, AppError> {
    service::sign_in::pending_account(&ctx.state, ctx.session.data.get::<PendingSignIn>()).await
}

#[server(endpoint = "accounts/sign-in/code")]
#[tracing::instrument(skip_all)]
pub async fn sign_in_code(code: Option<String>, remember: Option<String>, via: Option<String>) -> Result<(), AppError> {
    let via = channel_param(via)?;
    let mut ctx = Ctx::load().await?;
    let code = code.unwrap_or_default();
    let remember = remember.as_deref() == Some("yes");
    let result = match pending_sign_in(&ctx).await {
        Ok(account) => match service::sign_in::enter_code(&ctx.state, &ctx.caller(), &account, &code, remember).await {
            Ok(device) => {
                if let Some(token) = device {
                    let name = cookie_name(&ctx.state, DEVICE_COOKIE);
                    set_cookie(&ctx.state, ctx.response(), &name, &token, Some(REMEMBER_SECONDS));
                }
                sign_in_here(&mut ctx, &account.id)
                    .await
                    .map(|()| routes::signed_in(&account))
            }
            Err(error) => Err(error),
        },
        Err(error) => Err(error),
    };
    let back = format!("login/code?via={}", via.code());
    let values = [("code", code.as_str()), ("remember", if remember { "yes" } else { "" })];
    end(ctx, result, "sign-in-code", &back, &values).await
}

#[server(endpoint = "accounts/sign-in/resend")]
pub async fn sign_in_resend(via: Option<String>) -> Result<(), AppError> {
    let via = channel_param(via)?;
    let ctx = Ctx::load().await?;
    let result = match pending_sign_in(&ctx).await {
        Ok(account) => service::sign_in::resend_code(&ctx.state, &account, via)
            .await
            .map(|channel| Next::with(Page::LoginCode(channel), "accounts-notice-code-sent")),
        Err(error) => Err(error),
    };
    end(
        ctx,
        result,
        "sign-in-code",
        &format!("login/code?via={}", via.code()),
        &[],
    )
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
    let result = ctx
        .session
        .sign_out(&ctx.state)
        .await
        .map_err(AppError::internal)
        .map(|()| Next::with(Page::Login, "accounts-notice-signed-out"));
    end(ctx, result, "sign-out", "", &[]).await
}

#[server(endpoint = "accounts/reset")]
#[tracing::instrument(skip_all)]
pub async fn reset_start(login: Option<String>, channel: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let (login, channel) = (login.unwrap_or_default(), channel.unwrap_or_default());
    let result = service::reset::start(&ctx.state, &login, &channel).await.map(|reset| {
        ctx.session.data.set(&reset);
        Next::to(Page::ResetCode)
    });
    end(
        ctx,
        result,
        "reset",
        "reset",
        &[("login", &login), ("channel", &channel)],
    )
    .await
}

/// The session's password reset, if it has not run out.
fn pending_reset(ctx: &Ctx) -> Option<PendingReset> {
    service::reset::live(&ctx.state, ctx.session.data.get())
}

#[server(endpoint = "accounts/reset/code")]
#[tracing::instrument(skip_all)]
pub async fn reset_code(code: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let code = code.unwrap_or_default();
    let result = match pending_reset(&ctx) {
        None => Ok(Next::to(Page::Reset)),
        Some(reset) => service::reset::enter_code(&ctx.state, &ctx.caller(), reset, &code)
            .await
            .map(|reset| {
                ctx.session.data.set(&reset);
                Next::to(Page::ResetPassword)
            }),
    };
    end(ctx, result, "reset-code", "reset/code", &[("code", &code)]).await
}

#[server(endpoint = "accounts/reset/password")]
#[tracing::instrument(skip_all)]
pub async fn reset_password(password: Option<String>, confirm: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let [password, confirm] = [password, confirm].map(Option::unwrap_or_default);
    let result = match pending_reset(&ctx) {
        Some(reset) if reset.verified => service::reset::new_password(&ctx.state, &reset, &password, &confirm)
            .await
            .map(|()| {
                ctx.session.data.remove::<PendingReset>();
                Next::with(Page::Login, "accounts-notice-password-reset")
            }),
        _ => Ok(Next::to(Page::Reset)),
    };
    end(ctx, result, "reset-password", "reset/password", &[]).await
}

#[server(endpoint = "accounts/account/password")]
#[tracing::instrument(skip_all)]
pub async fn change_password(
    current_password: Option<String>,
    password: Option<String>,
    confirm: Option<String>,
) -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let [current, password, confirm] = [current_password, password, confirm].map(Option::unwrap_or_default);
    let result = match account(&ctx).await {
        Ok(account) => {
            service::account::change_password(&ctx.state, &ctx.caller(), &account, &current, &password, &confirm)
                .await
                .map(|()| Next::with(Page::Account, "accounts-notice-password-changed"))
        }
        Err(error) => Err(error),
    };
    end(ctx, result, "account", "account", &[]).await
}

/// Keeps a change of email or phone waiting for its step-up code.
fn await_code(ctx: &mut Ctx, change: PendingChange) -> Next {
    ctx.session.data.set(&change);
    Next::to(Page::AccountConfirm)
}

#[server(endpoint = "accounts/account/email")]
#[tracing::instrument(skip_all)]
pub async fn change_email(email_password: Option<String>, email: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let [password, email] = [email_password, email].map(Option::unwrap_or_default);
    let result = match account(&ctx).await {
        Ok(account) => service::account::change_email(&ctx.state, &account, &password, &email).await,
        Err(error) => Err(error),
    }
    .map(|change| await_code(&mut ctx, change));
    end(ctx, result, "account", "account", &[("email", &email)]).await
}

#[server(endpoint = "accounts/account/phone")]
#[tracing::instrument(skip_all)]
pub async fn change_phone(phone_password: Option<String>, phone: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let [password, phone] = [phone_password, phone].map(Option::unwrap_or_default);
    let result = match account(&ctx).await {
        Ok(account) => service::account::change_phone(&ctx.state, &account, &password, &phone).await,
        Err(error) => Err(error),
    }
    .map(|change| await_code(&mut ctx, change));
    end(ctx, result, "account", "account", &[("phone", &phone)]).await
}

#[server(endpoint = "accounts/account/channel")]
#[tracing::instrument(skip_all)]
pub async fn change_channel(channel_password: Option<String>, channel: Option<String>) -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let [password, channel] = [channel_password, channel].map(Option::unwrap_or_default);
    let result = match account(&ctx).await {
        Ok(account) => service::account::set_channel(&ctx.state, &account, &password, &channel)
            .await
            .map(|()| Next::with(Page::Account, "accounts-notice-channel")),
        Err(error) => Err(error),
    };
    end(ctx, result, "account", "account", &[]).await
}

/// The change of email or phone waiting for its step-up code, if it has not run out.
pub fn pending_change(ctx: &Ctx) -> Option<PendingChange> {
    service::account::live(&ctx.state, ctx.session.data.get())
}

#[server(endpoint = "accounts/account/confirm")]
#[tracing::instrument(skip_all)]
pub async fn confirm_change(code: Option<String>) -> Result<(), AppError> {
    let mut ctx = Ctx::load().await?;
    let code = code.unwrap_or_default();
    let result = match (account(&ctx).await, pending_change(&ctx)) {
        (Err(error), _) => Err(error),
        (Ok(_), None) => Ok(Next::to(Page::Account)),
        (Ok(account), Some(change)) => {
            service::account::confirm_change(&ctx.state, &ctx.caller(), &account, &change, &code)
                .await
                .map(|changing| {
                    ctx.session.data.remove::<PendingChange>();
                    routes::changing(changing)
                })
        }
    };
    end(ctx, result, "account-confirm", "account/confirm", &[("code", &code)]).await
}

#[server(endpoint = "accounts/account/end-session")]
pub async fn end_session(session: Option<String>) -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let result = match account(&ctx).await {
        Ok(account) => service::browsers::end(&ctx.state, &ctx.caller(), &account.id, &session.unwrap_or_default())
            .await
            .map(|()| Next::with(Page::Account, "accounts-notice-sessions-ended")),
        Err(error) => Err(error),
    };
    end(ctx, result, "account", "account", &[]).await
}

#[server(endpoint = "accounts/account/forget-device")]
pub async fn forget_device(device: Option<String>) -> Result<(), AppError> {
    let ctx = Ctx::load().await?;
    let result = match account(&ctx).await {
        Ok(account) => service::account::forget_device(&ctx.state, &account, &device.unwrap_or_default())
            .await
            .map(|()| Next::with(Page::Account, "accounts-notice-device-forgotten")),
        Err(error) => Err(error),
    };
    end(ctx, result, "account", "account", &[]).await
}
