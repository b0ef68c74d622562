//! The catalogue (`/en/services`), its search (`?q=`, a GET form: works without JavaScript and can be
//! bookmarked), a service's page with its fees (`/en/services/<code>`), and the dashboard's search box.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    domain::{self, Agency, Availability, Service, SERVICES},
    search,
};
use crate::{
    applications::pages::StartButton,
    error::AppError,
    fees::{
        db,
        domain::{format_kes, FeeSchedule},
    },
    i18n::{use_lang, Lang},
    state::AppState,
    ui::{Button, Table, Tag, TagColour, TextInput},
    web::{
        context::Ctx,
        guard::SignedIn,
        page::{page, BackLink, BlockView, PageHead},
    },
};

/// A query longer than this is cut: no service name is longer, and the search stays cheap.
const MAX_QUERY_CHARS: usize = 100;

#[component]
pub fn CataloguePage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map().with_untracked(|q| q.get("q")).map(|q| {
        let q = q.trim();
        q.chars().take(MAX_QUERY_CHARS).collect::<String>()
    });
    page(async move {
        let schedule = schedule().await?;
        let title = lang.t("catalogue-title");
        let body = match query.as_deref() {
            Some(query) if !query.is_empty() => results(lang, query, &schedule),
            _ => by_agency(lang, &schedule),
        };
        Ok(view! {
            <PageHead title=title.clone() lang errors=vec![] />
            <h1 class="heading-l">{title}</h1>
            <p class="lead">{lang.t("catalogue-lead")}</p>
            <SearchForm lang query=query.clone().unwrap_or_default() />
            {body}
        }
        .into_any())
    })
}

/// The search box: a GET form to the catalogue, so it works without JavaScript.
#[component]
pub fn SearchForm(lang: Lang, #[prop(into)] query: String) -> impl IntoView {
    view! {
        <form method="get" action=lang.href("services") class="form search" role="search">
            <TextInput id="q" name="q" label=lang.t("catalogue-search-label") hint=Some(lang.t("catalogue-search-hint"))
                input_type="search" value=query />
            <Button text=lang.t("catalogue-search-button") />
        </form>
    }
}

/// The dashboard's way into the services (a `web::page::Block`).
pub fn dashboard_block<'a>(ctx: &'a Ctx, _who: &'a SignedIn) -> BlockView<'a> {
    Box::pin(async move {
        let lang = ctx.lang;
        Ok(view! {
            <h2 class="heading-m">{lang.t("catalogue-find-heading")}</h2>
            <SearchForm lang query="" />
            <p class="body"><a href=lang.href("services")>{lang.t("catalogue-all-link")}</a></p>
            <p class="body"><a href=lang.href("fees")>{lang.t("home-fees-link")}</a></p>
        }
        .into_any())
    })
}

async fn schedule() -> Result<FeeSchedule, AppError> {
    let state = expect_context::<AppState>();
    db::schedule(&state.pool).await.map_err(AppError::from)
}

fn results(lang: Lang, query: &str, schedule: &FeeSchedule) -> AnyView {
    let found = search::search(query);
    let heading = lang.t_with("catalogue-results-heading", &[("query", query.to_string())]);
    let help = crate::help::pages::found(lang, query);
    if found.is_empty() {
        return view! {
            <h2 class="heading-m">{heading}</h2>
            <p class="body">{lang.t_with("catalogue-results-none", &[("query", query.to_string())])}</p>
            {help}
            <p class="body"><a href=lang.href("services")>{lang.t("catalogue-all-link")}</a></p>
        }
        .into_any();
    }
    view! {
        <h2 class="heading-m">{heading}</h2>
        {service_list(lang, found, schedule)}
        {help}
        <p class="body"><a href=lang.href("services")>{lang.t("catalogue-all-link")}</a></p>
    }
    .into_any()
}

fn by_agency(lang: Lang, schedule: &FeeSchedule) -> AnyView {
    Agency::ALL
        .into_iter()
        .enumerate()
        .map(|(at, agency)| {
            let services: Vec<&'static Service> = SERVICES.iter().filter(|s| s.agency == agency).collect();
            view! {
                <h2 class="heading-m">{lang.t(&format!("catalogue-agency-{}", agency.code()))}</h2>
                // Said once, above the first agency whose services are found elsewhere.
                {(at == 1).then(|| view! { <p class="body">{lang.t("catalogue-other-agencies")}</p> })}
                {service_list(lang, services, schedule)}
            }
        })
        .collect_view()
        .into_any()
}

fn service_list(lang: Lang, services: Vec<&'static Service>, schedule: &FeeSchedule) -> AnyView {
    view! {
        <ul class="service-list">
            {services.into_iter().map(|service| {
                let fee = lowest_fee(service, schedule).map_or_else(
                    || lang.t("catalogue-fee-none"),
                    |amount| lang.t_with("catalogue-fee-from", &[("amount", format_kes(amount))]),
                );
                let has_page = service.availability != Availability::Elsewhere;
                let title = lang.t(&format!("catalogue-{}-title", service.code));
                view! {
                    <li class="service-list__item">
                        <h3 class="heading-s">
                            {if has_page {
                                view! { <a href=lang.href(&format!("services/{}", service.code))>{title}</a> }.into_any()
                            } else {
                                view! { <span>{title}</span> }.into_any()
                            }}
                        </h3>
                        <p class="body">{lang.t(&format!("catalogue-{}-summary", service.code))}</p>
                        <p class="service-list__meta">
                            <StatusTag lang availability=service.availability />
                            {has_page.then(|| view! { " "<span>{fee}</span> })}
                        </p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn StatusTag(lang: Lang, availability: Availability) -> impl IntoView {
    let (key, colour) = match availability {
        Availability::Open | Availability::Page(_) => ("catalogue-status-open", TagColour::Green),
        Availability::Soon => ("catalogue-status-soon", TagColour::Yellow),
        Availability::Elsewhere => ("catalogue-status-elsewhere", TagColour::Grey),
    };
    view! { <Tag text=lang.t(key) colour /> }
}

/// The lowest fee among a service's options (the page shows each with its total).
fn lowest_fee(service: &Service, schedule: &FeeSchedule) -> Option<i64> {
    service
        .fee_codes
        .iter()
        .filter_map(|code| schedule.quote(code))
        .map(|quote| quote.fee_kes)
        .min()
}

/// Each of a service's options with its fee, the access fee and the total, from today's fee table (`None`: it has
/// no fee). The service's page and its help page show it.
pub async fn fee_table(lang: Lang, service: &Service) -> Result<Option<AnyView>, AppError> {
    let schedule = schedule().await?;
    let rows: Vec<Vec<String>> = service
        .fee_codes
        .iter()
        .filter_map(|code| schedule.quote(code).map(|quote| (code, quote)))
        .map(|(code, quote)| {
            vec![
                lang.t(&format!("service-{code}")),
                format_kes(quote.fee_kes),
                format_kes(quote.access_fee_kes),
                format_kes(quote.total_kes),
            ]
        })
        .collect();
    let head = vec![
        lang.t("catalogue-service-option"),
        lang.t("fees-row-fee"),
        lang.t("fees-row-access"),
        lang.t("catalogue-service-total"),
    ];
    Ok((!rows.is_empty()).then(|| {
        view! { <Table caption=lang.t("catalogue-service-fees-caption") head rows numeric=vec![1, 2, 3] /> }.into_any()
    }))
}

/// A service's page: what it is, each option's fee with the access fee and total, and how to start.
#[component]
pub fn ServicePage() -> impl IntoView {
    let lang = use_lang();
    let code = use_params_map().with_untracked(|p| p.get("code")).unwrap_or_default();
    page(async move {
        let Some(service) = domain::service(&code).filter(|s| s.availability != Availability::Elsewhere) else {
            return Err(AppError::NotFound);
        };
        let title = lang.t(&format!("catalogue-{}-title", service.code));
        let fees = fee_table(lang, service).await?;
        // Signed in already: no word about signing in.
        let sign_in = move || {
            (!crate::pages::has_session()).then(|| view! { <p class="body">{lang.t("catalogue-service-sign-in")}</p> })
        };
        Ok(view! {
            <BackLink lang to="services" />
            <PageHead title=title.clone() lang errors=vec![] />
            <span class="caption">{lang.t("catalogue-agency-ntsa")}</span>
            <h1 class="heading-l">{title}</h1>
            <p class="lead">{lang.t(&format!("catalogue-{}-summary", service.code))}</p>
            {fees}
            {match service.availability {
                Availability::Open => view! {
                    <h2 class="heading-m">{lang.t("catalogue-service-need-heading")}</h2>
                    <p class="body">{lang.t(&format!("catalogue-{}-need", service.code))}</p>
                    {sign_in()}
                    <StartButton lang service=service.code />
                }.into_any(),
                Availability::Page(path) => view! {
                    <h2 class="heading-m">{lang.t("catalogue-service-need-heading")}</h2>
                    <p class="body">{lang.t(&format!("catalogue-{}-need", service.code))}</p>
                    {sign_in()}
                    <p class="body"><a href=lang.href(path) class="button button--start">{lang.t("catalogue-service-start")}</a></p>
                }.into_any(),
                _ => view! { <p class="body"><StatusTag lang availability=service.availability /></p>
                    <p class="body">{lang.t("catalogue-service-soon")}</p> }.into_any(),
            }}
            {crate::help::topics::topic(service.code).map(|topic| view! {
                <p class="body"><a href=lang.href(&format!("help/{}", topic.code))>{crate::help::topics::title(lang, &topic)}</a></p>
            })}
        }
        .into_any())
    })
}
