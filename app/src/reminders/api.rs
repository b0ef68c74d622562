//! Reminders' server function: the kinds a person wants, from the account page (a plain form post).

use leptos::prelude::*;

use crate::error::AppError;

/// Saves which kinds of reminder the person wants (`on[]`, the boxes ticked; none ticked turns every kind off).
#[server(endpoint = "reminders/save")]
#[tracing::instrument(skip_all)]
pub async fn reminders_save(on: Option<Vec<String>>) -> Result<(), AppError> {
    use crate::web::{context::Ctx, guard::signed_in};
    let mut ctx = Ctx::load().await?;
    let who = match signed_in(&ctx).await? {
        Err(page) => return ctx.finish(Ok(page.path()), super::pages::FORM, "account", &[]).await,
        Ok(who) => who,
    };
    let result = super::service::save(&ctx.state, &who, &on.unwrap_or_default()).await;
    if result.is_ok() {
        ctx.notice("reminders-notice-saved");
    }
    let result = result.map(|()| "account".to_string()).map_err(AppError::from);
    ctx.finish(result, super::pages::FORM, "account", &[]).await
}
