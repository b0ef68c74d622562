//! The start page: what the service does and what you need.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{i18n::use_lang, site::use_site_info, ui::NotificationBanner};

/// The NTSA services Uraia brings together (from the product document), by translation key.
const SERVICES: [&str; 7] = [
    "home-service-licence",
    "home-service-registration",
    "home-service-inspection",
    "home-service-test",
    "home-service-psv",
    "home-service-tims",
    "home-service-pay",
];

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let demo = use_site_info().demo_data;
    view! {
        <Title text=format!("{} – {}", lang.t("home-title"), lang.t("service-name")) />
        {demo.then(|| view! {
            <NotificationBanner title=lang.t("demo-banner-title")>
                <p class="body">{lang.t("demo-banner-body")}</p>
            </NotificationBanner>
        })}
        <h1 class="heading-xl">{lang.t("home-title")}</h1>
        <p class="lead">{lang.t("home-lead")}</p>
        <h2 class="heading-m">{lang.t("home-services-heading")}</h2>
        <ul class="list list--bullet">
            {SERVICES.iter().map(|key| view! { <li>{lang.t(key)}</li> }).collect_view()}
        </ul>
        <h2 class="heading-m">{lang.t("home-need-heading")}</h2>
        <ul class="list list--bullet">
            <li>{lang.t("home-need-id")}</li>
            <li>{lang.t("home-need-contact")}</li>
            <li>{lang.t("home-need-pay")}</li>
        </ul>
        <p class="body">
            <a href=lang.href("register") class="button button--start">{lang.t("accounts-register-link")}</a>
        </p>
        <p class="body">
            {lang.t("accounts-have-account")}" "<a href=lang.href("login")>{lang.t("accounts-sign-in-link")}</a>
        </p>
        <p class="body"><a href=lang.href("fees")>{lang.t("home-fees-link")}</a></p>
    }
}
