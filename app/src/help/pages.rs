//! `/help`: the help pages, by service and by common question, with the way to contact NTSA; `/help/<code>`: one
//! page. Plain HTML: no script, no sign-in.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::topics::{self, Topic, TOPICS};
use crate::{
    catalogue::{domain, pages::fee_table},
    error::AppError,
    i18n::{use_lang, Lang},
    web::page::{page, BackLink, PageHead},
};

fn topic_list(lang: Lang, topics: &[Topic]) -> AnyView {
    let items = topics
        .iter()
        .map(|topic| {
            let href = lang.href(&format!("help/{}", topic.code));
            view! { <li><a href=href>{topics::title(lang, topic)}</a></li> }
        })
        .collect_view();
    view! { <ul class="list">{items}</ul> }.into_any()
}

/// The help pages a catalogue search found (nothing when none).
pub fn found(lang: Lang, query: &str) -> AnyView {
    let topics = topics::search(query);
    if topics.is_empty() {
        return ().into_any();
    }
    view! {
        <h2 class="heading-m">{lang.t("help-found-heading")}</h2>
        {topic_list(lang, &topics)}
    }
    .into_any()
}

#[component]
pub fn HelpPage() -> impl IntoView {
    let lang = use_lang();
    let title = lang.t("help-title");
    let (services, general): (Vec<Topic>, Vec<Topic>) = TOPICS.iter().partition(|t| t.service);
    view! {
        <PageHead title=title.clone() lang errors=vec![] />
        <h1 class="heading-l">{title}</h1>
        <p class="lead">{lang.t("help-intro")}</p>
        <h2 class="heading-m">{lang.t("help-services-heading")}</h2>
        {topic_list(lang, &services)}
        <h2 class="heading-m">{lang.t("help-general-heading")}</h2>
        {topic_list(lang, &general)}
        <h2 class="heading-m">{lang.t("help-contact-heading")}</h2>
        <p class="body">{lang.t("help-contact-text")}" "<a href=lang.href("contact")>{lang.t("support-contact-title")}</a></p>
    }
}

#[component]
pub fn HelpTopicPage() -> impl IntoView {
    let lang = use_lang();
    let code = use_params_map().with_untracked(|p| p.get("code")).unwrap_or_default();
    page(async move {
        let topic = topics::topic(&code).ok_or(AppError::NotFound)?;
        let title = topics::title(lang, &topic);
        let service = domain::service(topic.code).filter(|_| topic.service);
        let mut fees = match service {
            Some(service) => fee_table(lang, service).await?,
            None => None,
        };
        let sections = topic
            .sections
            .iter()
            .map(|section| {
                let body = match topics::section_key(&topic, section) {
                    Some(key) => view! { <p class="body">{lang.t(&key)}</p> }.into_any(),
                    None => fees
                        .take()
                        .unwrap_or_else(|| view! { <p class="body">{lang.t("help-no-fee")}</p> }.into_any()),
                };
                view! {
                    <h2 class="heading-m">{lang.t(&format!("help-section-{section}"))}</h2>
                    {body}
                }
            })
            .collect_view();
        let start = service.map(|service| {
            let href = lang.href(&format!("services/{}", service.code));
            view! { <p class="body"><a href=href>{lang.t_with("help-go-to-service", &[("service", lang.t(&format!("catalogue-{}-title", service.code)))])}</a></p> }
        });
        Ok(view! {
            <BackLink lang to="help" />
            <PageHead title=title.clone() lang errors=vec![] />
            <h1 class="heading-l">{title}</h1>
            {sections}
            {start}
            <h2 class="heading-m">{lang.t("help-contact-heading")}</h2>
            <p class="body">{lang.t("help-contact-text")}" "<a href=lang.href("contact")>{lang.t("support-contact-title")}</a></p>
        }
        .into_any())
    })
}
