//! The TIMS linking server functions: plain form posts, each checking who is asking, then onwards or back to the
//! form with its errors and what was typed.

use leptos::prelude::*;

use super::service::{self, PendingLink};
use crate::{
    error::AppError,
    web::{context::Ctx, guard::signed_in, routes::Page},
};

/// Loads the session and who is asking; `None` (with the sign-in or verification page to go to) otherwise.
async fn start() -> Result<(Ctx, Result<crate::web::guard::SignedIn, Page>), AppError> {
    let ctx = Ctx::load().await?;
    let who = signed_in(&ctx).await?;
    Ok((ctx, who))
}

#[server(endpoint = "tims/find")]
#[tracing::instrument(skip_all)]
pub async fn tims_find(identifier: Option<String>) -> Result<(), AppError> {
    let (mut ctx, who) = start().await?;
    let identifier = identifier.unwrap_or_default();
    let result = match who {
        Err(page) => Ok(page.path()),
        Ok(who) => match service::find(&ctx.state, &who, &identifier).await {
            Ok(record) => {
                ctx.session.data.set(&PendingLink {
                    account_number: record.account_number,
                });
                Ok("tims/prove".to_string())
            }
            Err(error) => Err(error),
        },
    };
    ctx.finish(result, "tims", "tims", &[("identifier", &identifier)]).await
}

#[server(endpoint = "tims/method")]
#[tracing::instrument(skip_all)]
pub async fn tims_method(method: Option<String>) -> Result<(), AppError> {
    let (ctx, who) = start().await?;
    let method = method.unwrap_or_default();
    let result = match who {
        Err(page) => Ok(page.path()),
        Ok(who) => match service::pending(&ctx.state, ctx.session.data.get()).await? {
            None => Ok("tims".to_string()),
            Some(record) => match method.as_str() {
                "code" => service::send_code(&ctx.state, &who, ctx.lang, &record)
                    .await
                    .map(|()| "tims/code".to_string()),
                "details" if record.id_number.is_some() => Ok("tims/details".to_string()),
                _ => Err(AppError::field("method", "tims-error-method")),
            },
        },
    };
    ctx.finish(result, "tims", "tims/prove", &[("method", &method)]).await
}

#[server(endpoint = "tims/code")]
#[tracing::instrument(skip_all)]
pub async fn tims_code(code: Option<String>) -> Result<(), AppError> {
    let (mut ctx, who) = start().await?;
    let code = code.unwrap_or_default();
    let result = match who {
        Err(page) => Ok(page.path()),
        Ok(who) => match service::pending(&ctx.state, ctx.session.data.get()).await? {
            None => Ok("tims".to_string()),
            Some(record) => service::prove_with_code(&ctx.state, &who, &ctx.client, &record, &code)
                .await
                .map(|()| linked(&mut ctx)),
        },
    };
    ctx.finish(result, "tims", "tims/code", &[]).await
}

#[server(endpoint = "tims/details")]
#[tracing::instrument(skip_all)]
pub async fn tims_details(first_name: Option<String>, year_of_birth: Option<String>) -> Result<(), AppError> {
    let (mut ctx, who) = start().await?;
    let (first_name, year_of_birth) = (first_name.unwrap_or_default(), year_of_birth.unwrap_or_default());
    let result = match who {
        Err(page) => Ok(page.path()),
        Ok(who) => match service::pending(&ctx.state, ctx.session.data.get()).await? {
            None => Ok("tims".to_string()),
            Some(record) => service::prove_with_details(&ctx.state, &who, &record, &first_name, &year_of_birth)
                .await
                .map(|()| linked(&mut ctx)),
        },
    };
    let values = [("first_name", first_name.as_str()), ("year_of_birth", &year_of_birth)];
    ctx.finish(result, "tims", "tims/details", &values).await
}

/// After the link: the pending entry goes, the dashboard says so.
fn linked(ctx: &mut Ctx) -> String {
    ctx.session.data.remove::<PendingLink>();
    ctx.session.data.notice = Some("tims-notice-linked".into());
    Page::Dashboard.path()
}
