//! The registration wizard: one question group per page, answers kept in the session's draft.

use leptos::{prelude::*, server_fn::ServerFn};

use crate::{
    accounts::{
        api,
        domain::{display_phone, AccountType},
        islands::PasswordHelp,
        service::registration::{Draft, Identity, TERMS_VERSION},
    },
    i18n::Lang,
    ui::{Button, Checkboxes, Choice, Radios, SummaryList, SummaryRow, TextInput},
    web::{
        context::Ctx,
        page::{load_form, page, redirect_to, FormState, PostForm},
        wizard::{self, Position, StepFrame, CHECK},
    },
};

/// Loads a wizard page: its draft, flash and position, or a redirect to the first step not yet answered.
async fn step_page(
    step: &str,
    form: &str,
) -> Result<Result<(Ctx, FormState, Draft, Position), AnyView>, crate::error::AppError> {
    let (ctx, state) = load_form(form).await?;
    if ctx.session.account_id.is_some() {
        return Ok(Err(redirect_to(&ctx, "dashboard")));
    }
    let draft: Draft = ctx.session.data.get().unwrap_or_default();
    match wizard::guard(&draft, step) {
        Ok(position) => Ok(Ok((ctx, state, draft, position))),
        Err(path) => Ok(Err(redirect_to(&ctx, &path))),
    }
}

#[component]
pub fn RegisterTypePage() -> impl IntoView {
    page(async move {
        let (ctx, state, draft, position) = match step_page("", "register-type").await? {
            Ok(loaded) => loaded,
            Err(redirect) => return Ok(redirect),
        };
        let lang = ctx.lang;
        let options = AccountType::ALL
            .iter()
            .map(|t| Choice {
                value: t.code().into(),
                label: lang.t(&format!("accounts-type-{}", t.code())),
                hint: Some(lang.t(&format!("accounts-type-{}-hint", t.code()))),
            })
            .collect();
        let selected = Some(state.value_or("account_type", draft.account_type.map(|t| t.code())));
        let error = state.error("account_type");
        Ok(view! {
            <StepFrame lang position title_key="accounts-register-type-title" errors=state.errors() outside="">
                <p class="body">{lang.t("accounts-register-intro")}</p>
                <PostForm action=api::RegisterType::url()>
                    <Radios name="account_type" legend=lang.t("accounts-register-type-legend") options selected error />
                    <Button text=lang.t("continue") />
                </PostForm>
                <p class="body">{lang.t("accounts-have-account")}" "<a href=lang.href("login")>{lang.t("accounts-sign-in-link")}</a></p>
            </StepFrame>
        }
        .into_any())
    })
}

#[component]
pub fn RegisterIdentityPage() -> impl IntoView {
    page(async move {
        let (ctx, state, draft, position) = match step_page("identity", "register-identity").await? {
            Ok(loaded) => loaded,
            Err(redirect) => return Ok(redirect),
        };
        let lang = ctx.lang;
        let kind = draft.account_type.unwrap_or(AccountType::Citizen);
        let saved = draft.identity.clone().unwrap_or_default();
        let fields = identity_fields(lang, kind, &state, &saved);
        Ok(view! {
            <StepFrame lang position title_key="accounts-register-identity-title" errors=state.errors()>
                <p class="body">{lang.t(&format!("accounts-identity-intro-{}", kind.code()))}</p>
                <PostForm action=api::RegisterIdentity::url()>
                    {fields}
                    <Button text=lang.t("continue") />
                </PostForm>
            </StepFrame>
        }
        .into_any())
    })
}

/// The identity questions an account type asks (DOMAIN.md, "Accounts").
fn identity_fields(lang: Lang, kind: AccountType, state: &FormState, saved: &Identity) -> AnyView {
    let text = |name: &'static str, label: &str, hint: Option<String>, value: Option<String>| {
        let value = state.value_or(name, value.as_deref());
        view! { <TextInput id=name name=name label=lang.t(label) hint value error=state.error(name) /> }
    };
    let year = saved.year_of_birth.map(|y| y.to_string());
    let id_label = format!("accounts-field-id-{}", kind.code());
    let id_hint = Some(lang.t(&format!("{id_label}-hint")));
    match kind {
        AccountType::Citizen => view! {
            {text("id_number", &id_label, id_hint, Some(saved.id_number.clone()))}
            {text("first_name", "accounts-field-first-name", Some(lang.t("accounts-field-first-name-hint")), Some(saved.first_name.clone()))}
            {text("year_of_birth", "accounts-field-year", Some(lang.t("accounts-field-year-hint")), year)}
        }
        .into_any(),
        AccountType::Resident | AccountType::Visitor | AccountType::Diplomat => {
            let extra = if kind == AccountType::Diplomat {
                text("mission", "accounts-field-mission", Some(lang.t("accounts-field-mission-hint")), saved.mission.clone())
            } else {
                text("nationality", "accounts-field-nationality", None, saved.nationality.clone())
            };
            view! {
                {text("id_number", &id_label, id_hint, Some(saved.id_number.clone()))}
                {text("first_name", "accounts-field-first-name", None, Some(saved.first_name.clone()))}
                {text("last_name", "accounts-field-last-name", None, Some(saved.last_name.clone()))}
                {extra}
            }
            .into_any()
        }
        AccountType::Business => {
            let persons = ["citizen", "resident"]
                .map(|p| Choice { value: p.into(), label: lang.t(&format!("accounts-person-{p}")), hint: None })
                .to_vec();
            let person = Some(state.value_or("person", saved.person.as_deref()));
            view! {
                {text("kra_pin", "accounts-field-kra-pin", Some(lang.t("accounts-field-kra-pin-hint")), saved.kra_pin.as_deref().map(str::to_string))}
                {text("role", "accounts-field-role", Some(lang.t("accounts-field-role-hint")), saved.role.clone())}
                <h2 class="heading-m">{lang.t("accounts-business-person-heading")}</h2>
                <Radios name="person" legend=lang.t("accounts-person-legend") options=persons selected=person error=state.error("person") />
                {text("id_number", &id_label, id_hint, Some(saved.id_number.clone()))}
                {text("first_name", "accounts-field-first-name", None, Some(saved.first_name.clone()))}
                {text("year_of_birth", "accounts-field-year", Some(lang.t("accounts-field-year-citizens")), year)}
                {text("last_name", "accounts-field-last-name", Some(lang.t("accounts-field-residents")), Some(saved.last_name.clone()))}
                {text("nationality", "accounts-field-nationality", Some(lang.t("accounts-field-residents")), saved.nationality.clone())}
            }
            .into_any()
        }
    }
}

#[component]
pub fn RegisterContactPage() -> impl IntoView {
    page(async move {
        let (ctx, state, draft, position) = match step_page("contact", "register-contact").await? {
            Ok(loaded) => loaded,
            Err(redirect) => return Ok(redirect),
        };
        let lang = ctx.lang;
        let email = state.value_or("email", draft.email.as_deref());
        let phone = state.value_or("phone", draft.phone.as_deref().map(display_phone).as_deref());
        let (email_error, phone_error) = (state.error("email"), state.error("phone"));
        Ok(view! {
            <StepFrame lang position title_key="accounts-register-contact-title" errors=state.errors()>
                <PostForm action=api::RegisterContact::url()>
                    <TextInput id="email" name="email" label=lang.t("accounts-field-email")
                        hint=Some(lang.t("accounts-field-email-hint")) value=email input_type="email" autocomplete="email"
                        error=email_error />
                    <TextInput id="phone" name="phone" label=lang.t("accounts-field-phone")
                        hint=Some(lang.t("accounts-field-phone-hint")) value=phone input_type="tel" autocomplete="tel"
                        inputmode="tel" error=phone_error />
                    <Button text=lang.t("continue") />
                </PostForm>
            </StepFrame>
        }
        .into_any())
    })
}

#[component]
pub fn RegisterPasswordPage() -> impl IntoView {
    page(async move {
        let (ctx, state, _draft, position) = match step_page("password", "register-password").await? {
            Ok(loaded) => loaded,
            Err(redirect) => return Ok(redirect),
        };
        let lang = ctx.lang;
        let (password_error, confirm_error) = (state.error("password"), state.error("confirm"));
        Ok(view! {
            <StepFrame lang position title_key="accounts-register-password-title" errors=state.errors()>
                <PasswordRules lang />
                <PostForm action=api::RegisterPassword::url()>
                    <PasswordHelp labels=super::sign_in::password_labels(lang)>
                        <NewPasswordFields lang label=lang.t("accounts-field-new-password") password_error confirm_error />
                    </PasswordHelp>
                    <Button text=lang.t("continue") />
                </PostForm>
            </StepFrame>
        }
        .into_any())
    })
}

/// The rules, shown before typing (issue 3).
#[component]
pub fn PasswordRules(lang: Lang) -> impl IntoView {
    view! {
        <p class="body">{lang.t("accounts-password-rules-lead")}</p>
        <ul class="list list--bullet">
            <li>{lang.t("accounts-password-rule-length")}</li>
            <li>{lang.t("accounts-password-rule-mix")}</li>
            <li>{lang.t("accounts-password-rule-common")}</li>
            <li>{lang.t("accounts-password-rule-personal")}</li>
        </ul>
    }
}

/// A new password and its confirmation. Never filled in again after an error.
#[component]
pub fn NewPasswordFields(
    lang: Lang,
    label: String,
    password_error: Option<String>,
    confirm_error: Option<String>,
) -> impl IntoView {
    view! {
        <TextInput id="password" name="password" label input_type="password"
            autocomplete="new-password" error=password_error />
        <TextInput id="confirm" name="confirm" label=lang.t("accounts-field-confirm-password") input_type="password"
            autocomplete="new-password" error=confirm_error />
    }
}

#[component]
pub fn RegisterTermsPage() -> impl IntoView {
    page(async move {
        let (ctx, state, draft, position) = match step_page("terms", "register-terms").await? {
            Ok(loaded) => loaded,
            Err(redirect) => return Ok(redirect),
        };
        let lang = ctx.lang;
        let accept = vec![Choice {
            value: "yes".into(),
            label: lang.t("accounts-terms-accept"),
            hint: None,
        }];
        let checked = if draft.terms_accepted_at.is_some() {
            vec!["yes".to_string()]
        } else {
            vec![]
        };
        let error = state.error("accept");
        Ok(view! {
            <StepFrame lang position title_key="accounts-register-terms-title" errors=state.errors()>
                <p class="caption">{lang.t_with("accounts-terms-version", &[("version", TERMS_VERSION.to_string())])}</p>
                <div class="terms" tabindex="0" role="region" aria-label=lang.t("accounts-register-terms-title")>
                    {(1..=5).map(|n| view! { <p class="body">{lang.t(&format!("accounts-terms-{n}"))}</p> }).collect_view()}
                </div>
                <PostForm action=api::RegisterTerms::url()>
                    <Checkboxes name="accept" legend=lang.t("accounts-terms-legend") options=accept checked error />
                    <Button text=lang.t("continue") />
                </PostForm>
            </StepFrame>
        }
        .into_any())
    })
}

#[component]
pub fn RegisterCheckPage() -> impl IntoView {
    page(async move {
        let (ctx, state, draft, position) = match step_page(CHECK, "register-check").await? {
            Ok(loaded) => loaded,
            Err(redirect) => return Ok(redirect),
        };
        let lang = ctx.lang;
        let rows = check_rows(lang, &draft);
        let duplicate = state.error("create");
        Ok(view! {
            <StepFrame lang position title_key="accounts-register-check-title" errors=state.errors()>
                {duplicate.map(|message| view! {
                    <p class="body" id="create">{message}" "
                        <a href=lang.href("login")>{lang.t("accounts-sign-in-link")}</a>" · "
                        <a href=lang.href("reset")>{lang.t("accounts-reset-link")}</a>
                    </p>
                })}
                <SummaryList rows />
                <h2 class="heading-m">{lang.t("accounts-check-send-heading")}</h2>
                <p class="body">{lang.t("accounts-check-send-body")}</p>
                <PostForm action=api::RegisterCreate::url()>
                    <Button text=lang.t("accounts-create") />
                </PostForm>
            </StepFrame>
        }
        .into_any())
    })
}

fn check_rows(lang: Lang, draft: &Draft) -> Vec<SummaryRow> {
    let row = |key: &str, value: String, step: &str| SummaryRow {
        change: Some(wizard::change_link(lang, draft, step)),
        ..SummaryRow::new(lang.t(key), value)
    };
    let kind = draft.account_type.unwrap_or(AccountType::Citizen);
    let identity = draft.identity.clone().unwrap_or_default();
    let mut rows = vec![row(
        "accounts-check-type",
        lang.t(&format!("accounts-type-{}", kind.code())),
        "",
    )];
    if let (Some(name), Some(pin), Some(role)) = (&identity.organisation, &identity.kra_pin, &identity.role) {
        rows.push(row(
            "accounts-check-organisation",
            format!("{name} ({pin}), {role}"),
            "identity",
        ));
    }
    rows.push(row(
        &format!("accounts-field-id-{}", kind.code()),
        identity.id_number.clone(),
        "identity",
    ));
    rows.push(row(
        "accounts-check-name",
        format!("{} {}", identity.first_name, identity.last_name),
        "identity",
    ));
    if let Some(year) = identity.year_of_birth {
        rows.push(row("accounts-field-year", year.to_string(), "identity"));
    }
    if let Some(nationality) = &identity.nationality {
        rows.push(row("accounts-field-nationality", nationality.clone(), "identity"));
    }
    if let Some(mission) = &identity.mission {
        rows.push(row("accounts-field-mission", mission.clone(), "identity"));
    }
    rows.push(row(
        "accounts-field-email",
        draft.email.as_deref().unwrap_or_default().to_string(),
        "contact",
    ));
    rows.push(row(
        "accounts-field-phone",
        display_phone(draft.phone.as_deref().unwrap_or_default()),
        "contact",
    ));
    rows.push(row(
        "accounts-check-password",
        lang.t("accounts-check-password-set"),
        "password",
    ));
    rows.push(row(
        "accounts-check-terms",
        lang.t("accounts-check-terms-accepted"),
        "terms",
    ));
    rows
}
