//! Server functions of an organisation's people, plain form posts: add a person, withdraw an invitation, remove a
//! person (by the organisation's people); send the code, accept, decline (by the person invited). Whoever is
//! neither gets the 404 page; everything typed comes back beside its error.

use leptos::prelude::*;

use crate::error::AppError;

/// What a form's act ends with: the page to go to, and the notice it shows once.
type Done = Result<(String, &'static str), AppError>;

/// Runs `act` for the signed-in person on what `load` finds for them (an organisation they act for, or an
/// invitation to them); not found is the 404 page, a refusal goes back to `back` with `values`.
async fn acting<T, L, LFut, F, Fut>(back: &str, values: &[(&str, &str)], load: L, act: F) -> Result<(), AppError>
where
    L: FnOnce(crate::state::AppState, crate::web::guard::SignedIn) -> LFut,
    LFut: std::future::Future<Output = Result<T, AppError>>,
    F: FnOnce(crate::state::AppState, super::service::Acting, crate::i18n::Lang, T) -> Fut,
    Fut: std::future::Future<Output = Done>,
{
    use crate::web::{context::Ctx, guard::signed_in};
    let mut ctx = Ctx::load().await?;
    let result = match signed_in(&ctx).await? {
        Err(page) => Ok((page.path(), "")),
        Ok(who) => match load(ctx.state.clone(), who.clone()).await {
            Ok(found) => {
                let acting = super::service::Acting {
                    who,
                    client: ctx.client.clone(),
                };
                act(ctx.state.clone(), acting, ctx.lang, found).await
            }
            Err(error) => Err(error),
        },
    };
    let result = result.map(|(path, notice)| {
        if !notice.is_empty() {
            ctx.notice(notice);
        }
        path
    });
    ctx.finish(result, super::FORM, back, values).await
}

/// `acting` on the organisation `pin`, for its people only.
async fn as_member<F, Fut>(pin: String, back: &str, values: &[(&str, &str)], act: F) -> Result<(), AppError>
where
    F: FnOnce(crate::state::AppState, super::service::Acting, crate::i18n::Lang, super::db::OrganisationRow) -> Fut,
    Fut: std::future::Future<Output = Done>,
{
    let load =
        |state: crate::state::AppState, who| async move { super::service::organisation(&state, &who, &pin).await };
    acting(back, values, load, act).await
}

/// `acting` on the invitation from the organisation `pin`, for the person invited only.
async fn as_invited<F, Fut>(pin: String, back: &str, act: F) -> Result<(), AppError>
where
    F: FnOnce(crate::state::AppState, super::service::Acting, crate::i18n::Lang, super::db::InvitationRow) -> Fut,
    Fut: std::future::Future<Output = Done>,
{
    let load =
        |state: crate::state::AppState, who| async move { super::service::invitation_to(&state, &who, &pin).await };
    acting(back, &[], load, act).await
}

/// The organisation `pin`'s page.
fn page(pin: &str) -> String {
    crate::web::routes::Page::Organisation(pin.to_string()).path()
}

/// "Add a person" (`organisations/invite`).
#[server(endpoint = "organisations/invite")]
#[tracing::instrument(skip_all)]
pub async fn organisations_invite(#[server(flatten)] form: super::domain::InviteForm) -> Result<(), AppError> {
    let back = page(&form.organisation);
    let typed = form.clone();
    let values = [
        ("id_number", typed.id_number.as_str()),
        ("first_name", typed.first_name.as_str()),
        ("role", typed.role.as_str()),
    ];
    as_member(
        form.organisation.clone(),
        &back,
        &values,
        |state, acting, _, organisation| async move {
            super::service::invite(&state, &acting, &organisation, &form).await?;
            Ok((page(&organisation.kra_pin), "organisations-notice-invited"))
        },
    )
    .await
}

/// Withdraws an invitation (`organisations/withdraw`).
#[server(endpoint = "organisations/withdraw")]
#[tracing::instrument(skip_all)]
pub async fn organisations_withdraw(organisation: Option<String>, id_number: Option<String>) -> Result<(), AppError> {
    let pin = organisation.unwrap_or_default();
    as_member(
        pin.clone(),
        &page(&pin),
        &[],
        |state, acting, _, organisation| async move {
            super::service::withdraw(&state, &acting, &organisation, &id_number.unwrap_or_default()).await?;
            Ok((page(&organisation.kra_pin), "organisations-notice-withdrawn"))
        },
    )
    .await
}

/// Removes a person (`organisations/remove`); a person who removes themselves goes to their dashboard.
#[server(endpoint = "organisations/remove")]
#[tracing::instrument(skip_all)]
pub async fn organisations_remove(organisation: Option<String>, account: Option<String>) -> Result<(), AppError> {
    use crate::web::routes::Page;
    let pin = organisation.unwrap_or_default();
    as_member(
        pin.clone(),
        &page(&pin),
        &[],
        |state, acting, _, organisation| async move {
            let account = account.unwrap_or_default();
            super::service::remove(&state, &acting, &organisation, &account).await?;
            if account == acting.who.id.as_str() {
                return Ok((Page::Dashboard.path(), "organisations-notice-left"));
            }
            Ok((page(&organisation.kra_pin), "organisations-notice-removed"))
        },
    )
    .await
}

/// "Accept": sends the invited person the code (`organisations/code`).
#[server(endpoint = "organisations/code")]
#[tracing::instrument(skip_all)]
pub async fn organisations_code(organisation: Option<String>) -> Result<(), AppError> {
    use crate::web::routes::Page;
    let pin = organisation.unwrap_or_default();
    let back = Page::OrganisationJoin(pin.clone()).path();
    as_invited(pin, &back, |state, acting, lang, invitation| async move {
        super::service::send_code(&state, &acting.who, lang, &invitation).await?;
        let sent = Page::OrganisationJoin(invitation.kra_pin).path() + "?code=sent";
        Ok((sent, "organisations-notice-code-sent"))
    })
    .await
}

/// The code that accepts (`organisations/accept`).
#[server(endpoint = "organisations/accept")]
#[tracing::instrument(skip_all)]
pub async fn organisations_accept(organisation: Option<String>, code: Option<String>) -> Result<(), AppError> {
    use crate::web::routes::Page;
    let pin = organisation.unwrap_or_default();
    let back = Page::OrganisationJoin(pin.clone()).path() + "?code=sent";
    as_invited(pin, &back, |state, acting, _, invitation| async move {
        super::service::accept(&state, &acting, &invitation, &code.unwrap_or_default()).await?;
        Ok((page(&invitation.kra_pin), "organisations-notice-joined"))
    })
    .await
}

/// Declines the invitation (`organisations/decline`).
#[server(endpoint = "organisations/decline")]
#[tracing::instrument(skip_all)]
pub async fn organisations_decline(organisation: Option<String>) -> Result<(), AppError> {
    use crate::web::routes::Page;
    let pin = organisation.unwrap_or_default();
    let back = Page::OrganisationJoin(pin.clone()).path();
    as_invited(pin, &back, |state, acting, _, invitation| async move {
        super::service::decline(&state, &acting, &invitation).await?;
        Ok((Page::Dashboard.path(), "organisations-notice-declined"))
    })
    .await
}
