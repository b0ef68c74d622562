//! Reminders on the account page (a `web::page::Block`): a box for each kind, ticked while it is on.

use leptos::{prelude::*, server_fn::ServerFn};

use super::{api, db, domain::Kind};
use crate::{
    ui::{Button, Checkboxes, Choice},
    web::{
        context::Ctx,
        guard::SignedIn,
        page::{BlockView, PostForm},
    },
};

/// The flash of the reminders form.
pub const FORM: &str = "reminders";

pub fn account_block<'a>(ctx: &'a Ctx, who: &'a SignedIn) -> BlockView<'a> {
    Box::pin(async move {
        let lang = ctx.lang;
        let off = db::off(&ctx.state.pool, who.id.as_str()).await?;
        let options = Kind::ALL
            .into_iter()
            .map(|kind| Choice {
                value: kind.code().to_string(),
                label: lang.t(&format!("reminders-kind-{}", kind.code())),
                hint: None,
            })
            .collect();
        let checked = Kind::ALL
            .into_iter()
            .map(Kind::code)
            .filter(|code| !off.iter().any(|o| o == code))
            .map(str::to_string)
            .collect();
        Ok(view! {
            <h2 class="heading-m">{lang.t("reminders-heading")}</h2>
            <p class="body">{lang.t("reminders-intro")}</p>
            <PostForm action=api::RemindersSave::url()>
                <Checkboxes name="on" legend=lang.t("reminders-legend") options checked many=true />
                <Button text=lang.t("reminders-save") secondary=true />
            </PostForm>
        }
        .into_any())
    })
}
