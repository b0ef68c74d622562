//! The start page: what the service does and what you need.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{i18n::use_lang, site::use_site_info, ui::NotificationBanner};

/// What a person can do here today, by translation key, with the catalogue services each stands for (a test in
/// `catalogue::domain` keeps the two lists honest: a line is here only while its services are open).
pub const OPEN: [(&str, &[&str]); 8] = [
    (
        "home-service-licence",
        &["dl-renewal", "dl-replacement", "provisional-dl"],
    ),
    (
        "home-service-registration",
        &["registration", "transfer", "vehicle-search"],
    ),
    ("home-service-inspection", &["inspection"]),
    ("home-service-badge", &["psv-badge"]),
    ("home-service-psv", &["psv-licence"]),
    ("home-service-test", &["driving-test", "first-dl"]),
    ("home-service-tims", &["tims"]),
    ("home-service-pay", &[]),
];

/// What the product document promises and is not open yet: listed apart, as coming, never as available.
pub const SOON: [(&str, &[&str]); 0] = [];

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
            {OPEN.iter().map(|(key, _)| view! { <li>{lang.t(key)}</li> }).collect_view()}
        </ul>
        {(!SOON.is_empty()).then(|| view! {
            <h2 class="heading-m">{lang.t("home-soon-heading")}</h2>
            <ul class="list list--bullet">
                {SOON.iter().map(|(key, _)| view! { <li>{lang.t(key)}</li> }).collect_view()}
            </ul>
        })}
        <h2 class="heading-m">{lang.t("home-need-heading")}</h2>
        <ul class="list list--bullet">
            <li>{lang.t("home-need-id")}</li>
            <li>{lang.t("home-need-contact")}</li>
            <li>{lang.t("home-need-pay")}</li>
        </ul>
        // A signed-in person is sent on to their services, not offered an account they have.
        {if super::layout::has_session() {
            view! {
                <p class="body">
                    <a href=lang.href("dashboard") class="button button--start">{lang.t("home-go-to-services")}</a>
                </p>
            }
            .into_any()
        } else {
            view! {
                <p class="body">
                    <a href=lang.href("register") class="button button--start">{lang.t("accounts-register-link")}</a>
                </p>
                <p class="body">
                    {lang.t("accounts-have-account")}" "<a href=lang.href("login")>{lang.t("accounts-sign-in-link")}</a>
                </p>
            }
            .into_any()
        }}
        <p class="body"><a href=lang.href("fees")>{lang.t("home-fees-link")}</a></p>
    }
}
