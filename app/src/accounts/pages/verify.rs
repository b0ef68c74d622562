//! Verifying the email address (the link) and the mobile number (the code).

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::use_query_map;

use super::{account_page, AccountForm};
use crate::{
    accounts::{api, db::Account, domain::display_phone, service::account::step_up_destination},
    error::AppError,
    ui::{Button, TextInput},
    web::{
        challenges::CODE_SECONDS,
        context::Ctx,
        page::{load_form, page, redirect_to, BackLink, Notice, PageHead, PostForm},
    },
};

/// The signed-in account (verified or not), or a redirect to sign in.
async fn signed_in(ctx: &Ctx) -> Result<Result<Account, AnyView>, AppError> {
    match api::account(ctx).await {
        Ok(account) => Ok(Ok(account)),
        Err(AppError::SignInRequired) => Ok(Err(redirect_to(ctx, "login"))),
        Err(other) => Err(other),
    }
}

#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    page(async move {
        let (mut ctx, state) = load_form("verify-email").await?;
        let account = match signed_in(&ctx).await? {
            Ok(account) => account,
            Err(redirect) => return Ok(redirect),
        };
        if account.email_verified_at.is_some() {
            return Ok(redirect_to(&ctx, "verify/phone"));
        }
        let lang = ctx.lang;
        let notice = ctx.take_notice().await?;
        let title = lang.t("accounts-verify-email-title");
        let email = state.value_or("email", Some(&account.email));
        Ok(view! {
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <p class="body">{lang.t("accounts-verify-email-sent")}" "<strong>{account.email.to_string()}</strong></p>
            <p class="body">{lang.t("accounts-verify-email-click")}</p>
            <h2 class="heading-m">{lang.t("accounts-verify-email-missing")}</h2>
            <p class="body">{lang.t("accounts-verify-email-spam")}</p>
            <form method="post" action=api::ResendEmailLink::url() class="form" id="resend">
                <Button text=lang.t("accounts-verify-email-resend") secondary=true />
            </form>
            <h2 class="heading-m">{lang.t("accounts-verify-email-wrong")}</h2>
            <PostForm action=api::CorrectEmail::url()>
                <TextInput id="email" name="email" label=lang.t("accounts-field-email") value=email input_type="email"
                    autocomplete="email" error=state.error("email") />
                <Button text=lang.t("accounts-verify-email-change") secondary=true />
            </PostForm>
        }
        .into_any())
    })
}

/// The page an email link opens. Confirming takes a button press, so that mail scanners that fetch links do not
/// use them up.
#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let token = use_query_map().with_untracked(|q| q.get("token")).unwrap_or_default();
    page(async move {
        let (ctx, state) = load_form("verify-email-confirm").await?;
        let lang = ctx.lang;
        let title = lang.t("accounts-confirm-email-title");
        let failed = state.error("token");
        Ok(view! {
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            {match failed {
                Some(message) => view! {
                    <p class="body" id="token">{message}</p>
                    <p class="body"><a href=lang.href("verify/email")>{lang.t("accounts-confirm-email-new-link")}</a></p>
                }.into_any(),
                None => view! {
                    <p class="body">{lang.t("accounts-confirm-email-body")}</p>
                    <PostForm action=api::ConfirmEmail::url()>
                        <input type="hidden" name="token" value=token />
                        <Button text=lang.t("accounts-confirm-email-button") />
                    </PostForm>
                }.into_any(),
            }}
        }
        .into_any())
    })
}

#[component]
pub fn VerifyPhonePage() -> impl IntoView {
    page(async move {
        let (mut ctx, state) = load_form("verify-phone").await?;
        let account = match signed_in(&ctx).await? {
            Ok(account) => account,
            Err(redirect) => return Ok(redirect),
        };
        if account.email_verified_at.is_none() {
            return Ok(redirect_to(&ctx, "verify/email"));
        }
        // A verified number: this page is for the new number of a change, if one is waiting.
        let (phone, back) = match (&account.phone_verified_at, &account.pending_phone) {
            (None, _) => (account.phone.clone(), "verify/email"),
            (Some(_), Some(pending)) => (pending.clone(), "account"),
            (Some(_), None) => return Ok(redirect_to(&ctx, "dashboard")),
        };
        let lang = ctx.lang;
        let notice = ctx.take_notice().await?;
        let title = lang.t("accounts-verify-phone-title");
        let minutes = (CODE_SECONDS / 60).to_string();
        Ok(view! {
            <BackLink lang to=back />
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <p class="body">{lang.t_with("accounts-verify-phone-sent", &[("phone", display_phone(&phone)), ("minutes", minutes)])}</p>
            <PostForm action=api::VerifyPhone::url()>
                <TextInput id="code" name="code" label=lang.t("accounts-field-code") hint=Some(lang.t("accounts-field-code-hint"))
                    value=state.value("code") autocomplete="one-time-code" inputmode="numeric" error=state.error("code") />
                <Button text=lang.t("continue") />
            </PostForm>
            <h2 class="heading-m">{lang.t("accounts-code-missing-heading")}</h2>
            <form method="post" action=api::ResendPhoneCode::url() class="form">
                <Button text=lang.t("accounts-code-resend-sms") secondary=true />
            </form>
        }
        .into_any())
    })
}

/// After a change of email or phone was asked for: the code sent to a channel already verified.
#[component]
pub fn ConfirmChangePage() -> impl IntoView {
    account_page("account-confirm", move |page| async move {
        let AccountForm {
            ctx, state, account, ..
        } = page;
        let Some(change) = api::pending_change(&ctx) else {
            return Ok(redirect_to(&ctx, "account"));
        };
        let lang = ctx.lang;
        let title = lang.t(&format!("accounts-change-confirm-{}-title", change.field));
        let new_value = if change.field == "phone" {
            display_phone(&change.value)
        } else {
            change.value.clone()
        };
        let sent = lang.t_with(
            &format!("accounts-confirm-change-sent-{}", change.channel),
            &[
                ("to", step_up_destination(&account, &change)),
                ("minutes", (CODE_SECONDS / 60).to_string()),
            ],
        );
        Ok(view! {
            <BackLink lang to="account" />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <p class="body">{lang.t_with("accounts-confirm-change-new", &[("value", new_value)])}</p>
            <p class="body">{sent}</p>
            <PostForm action=api::ConfirmChange::url()>
                <TextInput id="code" name="code" label=lang.t("accounts-field-code") hint=Some(lang.t("accounts-field-code-hint"))
                    value=state.value("code") autocomplete="one-time-code" inputmode="numeric" error=state.error("code") />
                <Button text=lang.t("continue") />
            </PostForm>
        }
        .into_any())
    })
}
