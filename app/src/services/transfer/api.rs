//! Transfer of ownership's server functions. The seller's steps go through the framework's `answer` (who is
//! asking, whose draft); the logbook is a multipart post whose draft is named in the query; the buyer's answers
//! check that the offer is theirs. All are plain form posts: they work with or without JavaScript.

use leptos::{
    prelude::*,
    server_fn::codec::{MultipartData, MultipartFormData},
};

use crate::error::AppError;

#[server(endpoint = "transfer/vehicle")]
#[tracing::instrument(skip_all)]
pub async fn transfer_vehicle(id: Option<String>, plate: Option<String>) -> Result<(), AppError> {
    use super::service;
    let plate = plate.unwrap_or_default();
    let typed = plate.clone();
    crate::applications::api::answer(
        &id.unwrap_or_default(),
        "vehicle",
        &[("plate", &typed)],
        |state, who, application| async move {
            service::save_vehicle(&state, &who, &application, &plate).await?;
            crate::applications::api::onwards(&state, &who, &application).await
        },
    )
    .await
}

/// Uploads the logbook of the draft `?id=`.
#[server(endpoint = "transfer/logbook", input = MultipartFormData)]
#[tracing::instrument(skip_all)]
pub async fn transfer_logbook(data: MultipartData) -> Result<(), AppError> {
    use super::{domain::LOGBOOK_FIELD, domain::LOGBOOK_MAX_BYTES, service};
    use crate::web::upload;
    let parts = use_context::<http::request::Parts>().ok_or_else(|| AppError::internal("no request parts"))?;
    let id = parts
        .uri
        .query()
        .and_then(|query| upload::query_param(query, "id"))
        .unwrap_or_default();
    // Read only once the draft is known to be the person's; a body left unread is drained after the answer.
    let data = std::sync::Mutex::new(Some(data));
    let (slot, request) = (&data, &parts);
    let result = crate::applications::api::answer(&id, "logbook", &[], |state, who, application| async move {
        let data = slot.lock().ok().and_then(|mut d| d.take());
        let received = match data {
            Some(data) => upload::receive(data, request, LOGBOOK_FIELD, LOGBOOK_MAX_BYTES).await,
            None => Err(upload::Unread::Interrupted),
        };
        service::save_logbook(&state, &who, &application, received).await?;
        crate::applications::api::onwards(&state, &who, &application).await
    })
    .await;
    if let Some(unread) = data.lock().ok().and_then(|mut d| d.take()) {
        upload::drain_later(unread);
    }
    result
}

#[server(endpoint = "transfer/buyer")]
#[tracing::instrument(skip_all)]
pub async fn transfer_buyer(
    id: Option<String>,
    #[server(flatten)] form: super::domain::BuyerForm,
) -> Result<(), AppError> {
    use crate::applications::api::{answer_with, onwards};
    answer_with(
        &id.unwrap_or_default(),
        "buyer",
        form,
        |state, who, application, form| async move {
            super::service::save_buyer(&state, &who, &application, &form.id_number, &form.first_name).await?;
            onwards(&state, &who, &application).await
        },
    )
    .await
}

/// The buyer's step, the other form: an organisation buying, by KRA PIN.
#[server(endpoint = "transfer/buyer-organisation")]
#[tracing::instrument(skip_all)]
pub async fn transfer_buyer_organisation(id: Option<String>, kra_pin: Option<String>) -> Result<(), AppError> {
    let kra_pin = kra_pin.unwrap_or_default();
    let typed = kra_pin.clone();
    crate::applications::api::answer(
        &id.unwrap_or_default(),
        "buyer",
        &[("kra_pin", &typed)],
        |state, who, application| async move {
            super::service::save_buyer_organisation(&state, &who, &application, &kra_pin).await?;
            crate::applications::api::onwards(&state, &who, &application).await
        },
    )
    .await
}

/// The buyer's forms: the offer `id` must be theirs (anyone else's is the 404 page); errors go back to `back`.
async fn as_buyer<F, Fut>(id: &str, back: &str, values: &[(&str, &str)], act: F) -> Result<(), AppError>
where
    F: FnOnce(crate::web::context::Ctx, crate::web::guard::SignedIn, super::db::OfferRow) -> Fut,
    Fut: std::future::Future<Output = Result<(crate::web::context::Ctx, String), (crate::web::context::Ctx, AppError)>>,
{
    use crate::web::{context::Ctx, guard::signed_in};
    let ctx = Ctx::load().await?;
    let who = match signed_in(&ctx).await? {
        Err(page) => return ctx.finish(Ok(page.path()), super::pages::FORM, back, values).await,
        Ok(who) => who,
    };
    let offer = match super::offers::offer_to(&ctx.state, &who, id).await {
        Ok(offer) => offer,
        Err(error) => return ctx.finish(Err(error), super::pages::FORM, back, values).await,
    };
    let (ctx, result) = match act(ctx, who, offer).await {
        Ok((ctx, path)) => (ctx, Ok(path)),
        Err((ctx, error)) => (ctx, Err(error)),
    };
    ctx.finish(result, super::pages::FORM, back, values).await
}

/// "Accept": sends the code to the buyer's phone and asks for it.
#[server(endpoint = "transfer/code")]
#[tracing::instrument(skip_all)]
pub async fn transfer_code(id: Option<String>) -> Result<(), AppError> {
    let id = id.unwrap_or_default();
    // A refusal (too soon, too many) is shown by the code's field, where a code sent earlier still works.
    let back = super::pages::accept_path(&id);
    as_buyer(&id, &back, &[], |mut ctx, who, offer| async move {
        match super::offers::send_code(&ctx.state, &who, ctx.lang, &offer).await {
            Ok(()) => {
                ctx.notice("transfer-notice-code-sent");
                Ok((ctx, super::pages::accept_path(&offer.application_id)))
            }
            Err(error) => Err((ctx, error)),
        }
    })
    .await
}

#[server(endpoint = "transfer/accept")]
#[tracing::instrument(skip_all)]
pub async fn transfer_accept(id: Option<String>, code: Option<String>) -> Result<(), AppError> {
    let id = id.unwrap_or_default();
    let back = super::pages::accept_path(&id);
    as_buyer(&id, &back, &[], |mut ctx, who, offer| async move {
        let code = code.unwrap_or_default();
        match super::offers::accept(&ctx.state, &who, &ctx.client, &offer, &code).await {
            Ok(()) => {
                ctx.notice(if offer.buyer_kra_pin.is_some() {
                    "transfer-notice-accepted-organisation"
                } else {
                    "transfer-notice-accepted"
                });
                Ok((ctx, super::pages::offer_path(&offer.application_id)))
            }
            Err(error) => Err((ctx, error)),
        }
    })
    .await
}

#[server(endpoint = "transfer/decline")]
#[tracing::instrument(skip_all)]
pub async fn transfer_decline(id: Option<String>) -> Result<(), AppError> {
    let id = id.unwrap_or_default();
    let back = super::pages::decline_path(&id);
    as_buyer(&id, &back, &[], |mut ctx, who, offer| async move {
        match super::offers::decline(&ctx.state, &who, &offer).await {
            Ok(()) => {
                ctx.notice("transfer-notice-declined");
                Ok((ctx, super::pages::offer_path(&offer.application_id)))
            }
            Err(error) => Err((ctx, error)),
        }
    })
    .await
}
