//! The signed-in pages: the dashboard and "Your account". Other features' blocks (the passport photo) are passed
//! in by the shell as [`Block`]s, so accounts imports no feature that imports accounts.

use leptos::{prelude::*, server_fn::ServerFn};

use super::{account_page, channel_choices, AccountForm};
use crate::{
    account_type::AccountType,
    accounts::{
        api,
        db::devices::Device,
        domain::display_phone,
        islands::PasswordHelp,
        service::{
            account::devices,
            browsers::{self, SignedInBrowser},
        },
    },
    calendar,
    i18n::Lang,
    ui::{Button, Radios, SummaryList, SummaryRow, TextInput},
    web::page::{render_blocks, signed_in_page, Block, Notice, PageHead, PostForm, SignedInPage},
};

use super::{register::NewPasswordFields, sign_in::password_labels};

/// Links between the signed-in pages (the header has "Sign out" on every page).
#[component]
fn AccountNav(lang: Lang) -> impl IntoView {
    view! {
        <nav class="account-nav" aria-label=lang.t("accounts-pages-label")>
            <a href=lang.href("dashboard")>{lang.t("accounts-dashboard-title")}</a>
            <a href=lang.href("account")>{lang.t("accounts-account-title")}</a>
        </nav>
    }
}

#[component]
pub fn DashboardPage(
    /// Other features' parts, shown in order (organisations, records, applications, the photo).
    #[prop(default = &[])]
    blocks: &'static [Block],
) -> impl IntoView {
    // The signed-in person is all it needs of the account: no second read of the account's row.
    signed_in_page("dashboard", move |page| async move {
        let SignedInPage { ctx, who, notice, .. } = page;
        let lang = ctx.lang;
        let blocks = render_blocks(blocks, &ctx, &who).await?;
        let title = lang.t("accounts-dashboard-title");
        Ok(view! {
            <AccountNav lang />
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=vec![] />
            <span class="caption">{lang.t(&format!("accounts-type-{}", who.account_type.code()))}</span>
            <h1 class="heading-l">{lang.t_with("accounts-dashboard-welcome", &[("name", who.first_name.clone())])}</h1>
            {blocks}
            {(who.account_type == AccountType::Visitor).then(|| view! { <p class="body">{lang.t("accounts-dashboard-visitor")}</p> })}
        }
        .into_any())
    })
}

#[component]
pub fn AccountPage(
    /// Shown after the contact details (the passport photo).
    #[prop(default = &[])]
    blocks: &'static [Block],
) -> impl IntoView {
    account_page("account", move |page| async move {
        let AccountForm {
            ctx,
            state,
            who,
            account,
            notice,
        } = page;
        let lang = ctx.lang;
        let details = vec![
            SummaryRow::new(
                lang.t("accounts-check-type"),
                lang.t(&format!("accounts-type-{}", account.account_type.code())),
            ),
            SummaryRow::new(
                lang.t("accounts-check-name"),
                format!("{} {}", account.first_name, account.last_name),
            ),
            SummaryRow::new(lang.t("accounts-field-id-number"), account.id_number.clone()),
            SummaryRow::new(lang.t("accounts-field-email"), account.email.to_string()),
            SummaryRow::new(lang.t("accounts-field-phone"), display_phone(&account.phone)),
        ];
        let pending_email = account.pending_email.clone();
        let pending_phone = account.pending_phone.as_deref().map(display_phone);
        let browsers = browsers::list(&ctx.state, &ctx.caller(), &account.id).await?;
        let blocks = render_blocks(blocks, &ctx, &who).await?;
        let channels = channel_choices(lang);
        let remembered = devices(&ctx.state, &account.id).await?;
        let title = lang.t("accounts-account-title");
        let (password_error, confirm_error) = (state.error("password"), state.error("confirm"));
        let current_error = state.error("current_password");
        let (email, email_error, email_password_error) = (
            state.value("email"),
            state.error("email"),
            state.error("email_password"),
        );
        let (phone, phone_error, phone_password_error) = (
            state.value("phone"),
            state.error("phone"),
            state.error("phone_password"),
        );
        let (channel_error, channel_password_error) = (state.error("channel"), state.error("channel_password"));
        Ok(view! {
            <AccountNav lang />
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <SummaryList rows=details />
            {pending_email.map(|email| view! {
                <p class="body inset">{lang.t_with("accounts-pending-email", &[("email", email.to_string())])}</p>
            })}
            {pending_phone.map(|phone| view! {
                <p class="body inset">{lang.t_with("accounts-pending-phone", &[("phone", phone)])}" "
                    <a href=lang.href("verify/phone")>{lang.t("accounts-pending-phone-link")}</a></p>
            })}

            {blocks}

            <h2 class="heading-m" id="password-heading">{lang.t("accounts-change-password")}</h2>
            <PostForm action=api::ChangePassword::url()>
                <TextInput id="current_password" name="current_password" label=lang.t("accounts-field-current-password")
                    input_type="password" autocomplete="current-password" error=current_error />
                <PasswordHelp labels=password_labels(lang)>
                    <NewPasswordFields lang label=lang.t("accounts-field-changed-password") password_error confirm_error />
                </PasswordHelp>
                <Button text=lang.t("accounts-change-password") />
            </PostForm>

            <ContactChange lang action=api::ChangeEmail::url() field="email" value=email error=email_error
                password_error=email_password_error />
            <ContactChange lang action=api::ChangePhone::url() field="phone" value=phone error=phone_error
                password_error=phone_password_error />

            <h2 class="heading-m">{lang.t("accounts-channel-heading")}</h2>
            <PostForm action=api::ChangeChannel::url()>
                <Radios name="channel" legend=lang.t("accounts-channel-legend") options=channels
                    selected=Some(account.code_channel.code().to_string()) error=channel_error />
                <TextInput id="channel_password" name="channel_password" label=lang.t("accounts-field-password-for-channel")
                    input_type="password" autocomplete="current-password" error=channel_password_error />
                <Button text=lang.t("accounts-channel-save") secondary=true />
            </PostForm>

            <h2 class="heading-m">{lang.t("accounts-browsers-heading")}</h2>
            <BrowserList lang browsers />

            <h2 class="heading-m">{lang.t("accounts-devices-heading")}</h2>
            <DeviceList lang devices=remembered />
        }
        .into_any())
    })
}

/// A form to change the email address or the mobile number (`field`), with the password asked again.
#[component]
fn ContactChange(
    lang: Lang,
    action: &'static str,
    field: &'static str,
    value: String,
    error: Option<String>,
    password_error: Option<String>,
) -> impl IntoView {
    let (input_type, autocomplete) = if field == "email" {
        ("email", "email")
    } else {
        ("tel", "tel")
    };
    let password_id = format!("{field}_password");
    view! {
        <h2 class="heading-m">{lang.t(&format!("accounts-change-{field}"))}</h2>
        <PostForm action>
            <TextInput id=field name=field label=lang.t(&format!("accounts-field-new-{field}")) input_type autocomplete
                value error />
            <TextInput id=password_id.clone() name=password_id label=lang.t(&format!("accounts-field-password-for-{field}"))
                input_type="password" autocomplete="current-password" error=password_error />
            <Button text=lang.t(&format!("accounts-change-{field}")) secondary=true />
        </PostForm>
    }
}

#[component]
fn DeviceList(lang: Lang, devices: Vec<Device>) -> impl IntoView {
    if devices.is_empty() {
        return view! { <p class="body">{lang.t("accounts-devices-none")}</p> }.into_any();
    }
    view! {
        <ul class="device-list">
            {devices.into_iter().map(|device| view! {
                <li class="device-list__item">
                    <span>{device.label.clone()}" – "{lang.t_with("accounts-devices-since", &[("date", calendar::day_of(lang, device.created_at))])}</span>
                    <form method="post" action=api::ForgetDevice::url()>
                        <input type="hidden" name="device" value=device.id />
                        <button type="submit" class="link-button">
                            {lang.t("accounts-devices-forget")}<span class="visually-hidden">" "{device.label}</span>
                        </button>
                    </form>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The account's signed-in browsers, each with "Sign out" (except this one), and "Sign out everywhere else".
#[component]
fn BrowserList(lang: Lang, browsers: Vec<SignedInBrowser>) -> impl IntoView {
    let others = browsers.iter().filter(|b| !b.this).count();
    view! {
        <ul class="device-list">
            {browsers.into_iter().map(|browser| {
                let label = if browser.label.is_empty() { lang.t("accounts-browsers-unknown") } else { browser.label.clone() };
                let when = lang.t_with("accounts-browsers-since", &[("date", calendar::moment(lang, browser.signed_in_at))]);
                view! {
                    <li class="device-list__item">
                        <span>{label.clone()}" – "{when}{browser.this.then(|| format!(" ({})", lang.t("accounts-browsers-this")))}</span>
                        {(!browser.this).then(|| view! {
                            <form method="post" action=api::EndSession::url()>
                                <input type="hidden" name="session" value=browser.id.clone() />
                                <button type="submit" class="link-button">
                                    {lang.t("accounts-browsers-end")}<span class="visually-hidden">" "{label}</span>
                                </button>
                            </form>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
        {(others > 0).then(|| view! {
            <form method="post" action=api::EndSession::url() class="form">
                <input type="hidden" name="session" value="others" />
                <Button text=lang.t("accounts-browsers-end-others") secondary=true />
            </form>
        })}
    }
}
