//! The USSD PIN on the website: its page (`/{lang}/account/ussd`) and its block on the account page.

use leptos::{prelude::*, server_fn::ServerFn};

use super::{api, service};
use crate::{
    calendar,
    ids::display_phone,
    ui::{Button, TextInput},
    web::{
        context::Ctx,
        guard::SignedIn,
        page::{signed_in_page, BlockView, Notice, PageHead, PostForm, SignedInPage},
    },
};

/// The flash of the PIN's forms.
pub const FORM: &str = "ussd";
/// The page's path under the language.
pub const PATH: &str = "account/ussd";

/// On the account page: what the channel is, and the way to its PIN.
pub fn account_block<'a>(ctx: &'a Ctx, _who: &'a SignedIn) -> BlockView<'a> {
    Box::pin(async move {
        let lang = ctx.lang;
        Ok(view! {
            <h2 class="heading-m">{lang.t("ussd-account-heading")}</h2>
            <p class="body"><a href=lang.href(PATH)>{lang.t("ussd-account-link")}</a></p>
        }
        .into_any())
    })
}

#[component]
pub fn UssdPinPage() -> impl IntoView {
    signed_in_page(FORM, |page| async move {
        let SignedInPage {
            ctx,
            state,
            who,
            notice,
        } = page;
        let lang = ctx.lang;
        let set_at = service::pin_set_at(&ctx.state, &who).await?;
        let title = lang.t("ussd-title");
        let intro = lang.t_with(
            "ussd-intro",
            &[
                ("code", ctx.state.settings.ussd.service_code.clone()),
                ("phone", display_phone(&who.phone)),
            ],
        );
        let status = match set_at {
            Some(at) => lang.t_with("ussd-pin-set-on", &[("date", calendar::day_of(lang, at))]),
            None => lang.t("ussd-pin-not-set"),
        };
        let button = lang.t(if set_at.is_some() { "ussd-change" } else { "ussd-set" });
        Ok(view! {
            <a href=lang.href("account") class="back-link">{lang.t("accounts-account-title")}</a>
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <p class="body">{intro}</p>
            <p class="body inset">{status}</p>
            <PostForm action=api::UssdSetPin::url()>
                <TextInput id="pin" name="pin" label=lang.t("ussd-field-pin") hint=Some(lang.t("ussd-field-pin-hint"))
                    input_type="password" inputmode="numeric" autocomplete="off" error=state.error("pin") />
                <TextInput id="confirm_pin" name="confirm_pin" label=lang.t("ussd-field-confirm-pin")
                    input_type="password" inputmode="numeric" autocomplete="off" error=state.error("confirm_pin") />
                <TextInput id="pin_password" name="pin_password" label=lang.t("ussd-field-password")
                    input_type="password" autocomplete="current-password" error=state.error("pin_password") />
                <Button text=button />
            </PostForm>
            {set_at.is_some().then(|| view! {
                <h2 class="heading-m">{lang.t("ussd-remove-heading")}</h2>
                <p class="body">{lang.t("ussd-remove-intro")}</p>
                <PostForm action=api::UssdRemovePin::url()>
                    <Button text=lang.t("ussd-remove") secondary=true />
                </PostForm>
            })}
        }
        .into_any())
    })
}
