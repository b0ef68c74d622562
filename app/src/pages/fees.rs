//! "What will it cost?": every service's fee, the access fee, and the total for the service you pick.
//!
//! Without JavaScript the form is a GET to this page (`?service=...`) and the server renders the total. The form
//! sits inside the `FeeTotal` island, which shows the total as soon as a service is picked.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::{
    error::FieldError,
    fees::{
        api::load_fee_schedule,
        domain::{format_kes, FeeSchedule},
    },
    i18n::{use_lang, Lang},
    ui::{Button, Choice, ErrorSummary, Radios, SummaryList, SummaryRow, Table},
};

#[component]
pub fn FeesPage() -> impl IntoView {
    let lang = use_lang();
    let schedule = OnceResource::new(load_fee_schedule());
    let title = lang.t("fees-title");
    view! {
        <Title text=format!("{title} – {}", lang.t("service-name")) />
        <Suspense>
            {move || Suspend::new(async move {
                schedule.await.map(|schedule| view! { <FeeChecker schedule /> })
            })}
        </Suspense>
    }
}

#[component]
fn FeeChecker(schedule: FeeSchedule) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    // A submitted form (`?show=total`, or a `service` in the query) without a known service is an error. Browsers
    // leave unchecked radios out of the query, hence the button's own name and value.
    let (submitted, code) =
        query.with_untracked(|q| (q.get("show").is_some() || q.get("service").is_some(), q.get("service")));
    let selected = code.filter(|code| schedule.quote(code).is_some());
    let errors = if submitted && selected.is_none() {
        vec![FieldError::new("service", "fees-error-choose")]
    } else {
        vec![]
    };
    let error = errors.first().map(|e| e.message(lang));
    let options = schedule
        .fees
        .iter()
        .map(|fee| Choice {
            value: fee.service_code.clone(),
            label: lang.t(&format!("service-{}", fee.service_code)),
            hint: Some(format_kes(fee.amount_kes)),
        })
        .collect();
    let labels = QuoteLabels {
        heading: lang.t("fees-result-heading"),
        fee: lang.t("fees-row-fee"),
        access_fee: lang.t("fees-row-access"),
        total: lang.t("fees-row-total"),
    };
    let band_rows = band_rows(lang, &schedule);
    view! {
        <ErrorSummary errors />
        <h1 class="heading-l">{lang.t("fees-title")}</h1>
        <p class="lead">{lang.t("fees-lead")}</p>
        <FeeTotal schedule selected=selected.clone() labels>
            <form method="get" action=lang.href("fees") class="form">
                <Radios name="service" legend=lang.t("fees-question") hint=lang.t("fees-hint") error options
                    selected=selected.clone() />
                <Button text=lang.t("fees-submit") name="show" value="total" />
            </form>
        </FeeTotal>
        <h2 class="heading-m">{lang.t("fees-access-heading")}</h2>
        <p class="body">{lang.t("fees-access-body")}</p>
        <Table caption=lang.t("fees-access-caption") head=vec![lang.t("fees-access-amount"), lang.t("fees-access-fee")]
            rows=band_rows numeric=vec![1] />
    }
}

/// The words of a quote, translated on the server and handed to the island, so the browser needs no
/// translation code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteLabels {
    pub heading: String,
    pub fee: String,
    pub access_fee: String,
    pub total: String,
}

/// The interactive part of the page: the form (server-rendered children) and the total below it. A radio's
/// `change` event bubbles up to the island, which recomputes the quote in the browser with the same rules the
/// server used.
#[island(lazy)]
fn FeeTotal(schedule: FeeSchedule, selected: Option<String>, labels: QuoteLabels, children: Children) -> impl IntoView {
    let selected = RwSignal::new(selected);
    let heading = labels.heading.clone();
    let rows = Signal::derive(move || {
        let quote = selected.get().and_then(|code| schedule.quote(&code));
        quote
            .map(|quote| {
                vec![
                    SummaryRow::new(labels.fee.clone(), format_kes(quote.fee_kes)),
                    SummaryRow::new(labels.access_fee.clone(), format_kes(quote.access_fee_kes)),
                    SummaryRow::new(labels.total.clone(), format_kes(quote.total_kes)),
                ]
            })
            .unwrap_or_default()
    });
    let on_change = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let input = ev
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input.filter(|input| input.name() == "service") {
            selected.set(Some(input.value()));
        }
    };
    let form = NodeRef::<leptos::html::Div>::new();
    crate::island_ready::mark_hydrated(form);
    view! {
        <div node_ref=form on:change=on_change>{children()}</div>
        <div aria-live="polite" class="fees__result">
            <Show when=move || !rows.get().is_empty()>
                <h2 class="heading-m">{heading.clone()}</h2>
                <SummaryList rows />
            </Show>
        </div>
    }
}

fn band_rows(lang: Lang, schedule: &FeeSchedule) -> Vec<Vec<String>> {
    schedule
        .bands
        .iter()
        .enumerate()
        .map(|(i, band)| {
            let from = format_kes(band.min_amount_kes);
            let range = match schedule.band_upper(i) {
                Some(upper) => lang.t_with("fees-band-range", &[("from", from), ("to", format_kes(upper))]),
                None => lang.t_with("fees-band-from", &[("from", from)]),
            };
            vec![range, format_kes(band.fee_kes)]
        })
        .collect()
}
