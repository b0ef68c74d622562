//! Sign in, the second step, and "forgotten your password?".

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::use_query_map;

use super::channel_choices;
use crate::{
    accounts::{
        api,
        domain::{mask_phone, Channel},
        islands::{PasswordHelp, PasswordLabels},
        service::reset::PendingReset,
    },
    i18n::Lang,
    ui::{Button, Checkboxes, Choice, Radios, TextInput},
    web::page::{load_form, page, redirect_to, BackLink, Notice, PageHead, PostForm},
};

use super::register::{NewPasswordFields, PasswordRules};

pub fn password_labels(lang: Lang) -> PasswordLabels {
    PasswordLabels {
        show: lang.t("accounts-password-show"),
        hide: lang.t("accounts-password-hide"),
        strength: lang.t("accounts-password-strength"),
        levels: [0, 1, 2, 3].map(|n| lang.t(&format!("accounts-password-strength-{n}"))),
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    page(async move {
        let (mut ctx, state) = load_form("sign-in").await?;
        if ctx.session.account_id.is_some() {
            return Ok(redirect_to(&ctx, "dashboard"));
        }
        let lang = ctx.lang;
        let notice = ctx.take_notice().await?;
        let title = lang.t("accounts-sign-in-title");
        Ok(view! {
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <PostForm action=api::SignIn::url()>
                <TextInput id="login" name="login" label=lang.t("accounts-field-login") hint=Some(lang.t("accounts-field-login-hint"))
                    value=state.value("login") autocomplete="username" error=state.error("login") />
                <PasswordHelp labels=password_labels(lang)>
                    <TextInput id="password" name="password" label=lang.t("accounts-field-password") input_type="password"
                        autocomplete="current-password" error=state.error("password") />
                </PasswordHelp>
                <Button text=lang.t("accounts-sign-in-button") />
            </PostForm>
            <p class="body"><a href=lang.href("reset")>{lang.t("accounts-reset-link")}</a></p>
            <h2 class="heading-m">{lang.t("accounts-no-account-heading")}</h2>
            <p class="body"><a href=lang.href("register")>{lang.t("accounts-register-link")}</a></p>
        }
        .into_any())
    })
}

/// "We sent a code to 0712 *** 678": enough to recognise, not enough to learn the number.
fn masked(channel: Channel, phone: &str, email: &str) -> String {
    match channel {
        Channel::Sms => mask_phone(phone),
        Channel::Email => match email.split_once('@') {
            Some((name, domain)) => format!("{}***@{domain}", name.chars().next().unwrap_or('*')),
            None => email.to_string(),
        },
    }
}

#[component]
pub fn SignInCodePage() -> impl IntoView {
    let via = use_query_map()
        .with_untracked(|q| q.get("via"))
        .and_then(|v| Channel::parse(&v))
        .unwrap_or(Channel::Sms);
    page(async move {
        let (mut ctx, state) = load_form("sign-in-code").await?;
        let lang = ctx.lang;
        let Ok(account) = api::pending_sign_in(&ctx).await else {
            return Ok(redirect_to(&ctx, "login"));
        };
        let notice = ctx.take_notice().await?;
        let to = masked(via, &account.phone, &account.email);
        let other = if via == Channel::Sms {
            Channel::Email
        } else {
            Channel::Sms
        };
        let can_switch = other == Channel::Email || account.phone_verified_at.is_some();
        let remember = vec![Choice {
            value: "yes".into(),
            label: lang.t("accounts-remember"),
            hint: Some(lang.t("accounts-remember-hint")),
        }];
        let checked = if state.value("remember") == "yes" {
            vec!["yes".to_string()]
        } else {
            vec![]
        };
        let title = lang.t("accounts-code-title");
        Ok(view! {
            <BackLink lang to="login" />
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <p class="body">{lang.t_with(&format!("accounts-code-sent-{}", via.code()), &[("to", to)])}</p>
            <PostForm action=api::SignInCode::url()>
                <input type="hidden" name="via" value=via.code() />
                <TextInput id="code" name="code" label=lang.t("accounts-field-code") hint=Some(lang.t("accounts-field-code-hint"))
                    value=state.value("code") autocomplete="one-time-code" inputmode="numeric" error=state.error("code") />
                <Checkboxes name="remember" legend=lang.t("accounts-remember-legend") options=remember checked />
                <Button text=lang.t("continue") />
            </PostForm>
            <h2 class="heading-m">{lang.t("accounts-code-missing-heading")}</h2>
            <form method="post" action=api::SignInResend::url() class="form">
                <Button text=lang.t(&format!("accounts-code-resend-{}", via.code())) secondary=true name="via" value=via.code() />
                {can_switch.then(|| view! {
                    <Button text=lang.t(&format!("accounts-code-switch-{}", other.code())) secondary=true name="via" value=other.code() />
                })}
            </form>
        }
        .into_any())
    })
}

#[component]
pub fn ResetPage() -> impl IntoView {
    page(async move {
        let (ctx, state) = load_form("reset").await?;
        let lang = ctx.lang;
        let channels = channel_choices(lang);
        let selected = Some(state.value_or("channel", Some("sms")));
        let title = lang.t("accounts-reset-title");
        Ok(view! {
            <BackLink lang to="login" />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <PostForm action=api::ResetStart::url()>
                <TextInput id="login" name="login" label=lang.t("accounts-field-login") hint=Some(lang.t("accounts-field-login-hint"))
                    value=state.value("login") autocomplete="username" error=state.error("login") />
                <Radios name="channel" legend=lang.t("accounts-channel-legend") options=channels selected error=state.error("channel") />
                <Button text=lang.t("accounts-reset-send") />
            </PostForm>
        }
        .into_any())
    })
}

#[component]
pub fn ResetCodePage() -> impl IntoView {
    page(async move {
        let (ctx, state) = load_form("reset-code").await?;
        let lang = ctx.lang;
        let Some(reset) = ctx.session.data.get::<PendingReset>() else {
            return Ok(redirect_to(&ctx, "reset"));
        };
        let title = lang.t("accounts-code-title");
        Ok(view! {
            <BackLink lang to="reset" />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <p class="body">{lang.t(&format!("accounts-reset-sent-{}", reset.channel))}</p>
            <PostForm action=api::ResetCode::url()>
                <TextInput id="code" name="code" label=lang.t("accounts-field-code") hint=Some(lang.t("accounts-field-code-hint"))
                    value=state.value("code") autocomplete="one-time-code" inputmode="numeric" error=state.error("code") />
                <Button text=lang.t("continue") />
            </PostForm>
            <p class="body"><a href=lang.href("reset")>{lang.t("accounts-reset-again")}</a></p>
        }
        .into_any())
    })
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    page(async move {
        let (ctx, state) = load_form("reset-password").await?;
        let lang = ctx.lang;
        if !ctx.session.data.get::<PendingReset>().is_some_and(|r| r.verified) {
            return Ok(redirect_to(&ctx, "reset"));
        }
        let title = lang.t("accounts-reset-password-title");
        let (password_error, confirm_error) = (state.error("password"), state.error("confirm"));
        Ok(view! {
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <PasswordRules lang />
            <PostForm action=api::ResetPassword::url()>
                <PasswordHelp labels=password_labels(lang)>
                    <NewPasswordFields lang label=lang.t("accounts-field-new-password") password_error confirm_error />
                </PasswordHelp>
                <Button text=lang.t("accounts-reset-password-button") />
            </PostForm>
        }
        .into_any())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_name_where_they_went_without_giving_it_away() {
        assert_eq!(masked(Channel::Sms, "+254712345678", ""), "0712 *** 678");
        assert_eq!(masked(Channel::Email, "", "wanjiku@example.com"), "w***@example.com");
    }
}
