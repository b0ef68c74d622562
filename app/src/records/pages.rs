//! The dashboard's "My driving licences" and "My vehicles", each with what to do next when empty or due.

use leptos::prelude::*;

use super::{
    domain::{Licence, Provisional, Standing, Vehicle},
    service,
};
use crate::{
    calendar,
    fees::domain::format_kes,
    i18n::Lang,
    ui::{SummaryList, SummaryRow, Table, Tag, TagColour},
    web::{context::Ctx, guard::SignedIn, page::BlockView},
};

/// The dashboard's records (a `web::page::Block`).
pub fn dashboard_block<'a>(ctx: &'a Ctx, who: &'a SignedIn) -> BlockView<'a> {
    Box::pin(async move {
        let lang = ctx.lang;
        let today = ctx.state.clock.today();
        let (licences, provisionals, vehicles) = tokio::try_join!(
            service::licences(&ctx.state, who),
            service::provisionals(&ctx.state, who),
            service::vehicles(&ctx.state, who)
        )?;
        let licences = if licences.is_empty() {
            view! { <p class="body">{lang.t_with("records-licences-none", &[("id", who.id_number.clone())])}</p> }
                .into_any()
        } else {
            licences
                .into_iter()
                .map(|licence| licence_card(lang, licence, today))
                .collect_view()
                .into_any()
        };
        let vehicles = if vehicles.is_empty() {
            view! { <p class="body">{lang.t("records-vehicles-none")}</p> }.into_any()
        } else {
            vehicle_table(lang, vehicles, today)
        };
        let provisionals = (!provisionals.is_empty()).then(|| provisional_table(lang, provisionals, today));
        Ok(view! {
            <h2 class="heading-m">{lang.t("records-licences-heading")}</h2>
            {licences}
            {provisionals}
            <h2 class="heading-m">{lang.t("records-vehicles-heading")}</h2>
            {vehicles}
        }
        .into_any())
    })
}

fn licence_card(lang: Lang, licence: Licence, today: jiff::civil::Date) -> AnyView {
    let standing = licence.standing(today);
    let expires = calendar::long_date(lang, licence.expires_on);
    let (colour, notice) = match standing {
        Standing::InGoodStanding => (TagColour::Green, None),
        Standing::DueSoon { .. } => (TagColour::Yellow, Some("records-licence-expiring")),
        Standing::Overdue { .. } => (TagColour::Red, Some("records-licence-expired")),
    };
    let tag = standing.status_key();
    let mut rows = vec![
        SummaryRow::new(lang.t("records-licence-holder"), licence.holder_id_number.clone()),
        SummaryRow::new(lang.t("records-licence-classes"), licence.classes.join(", ")),
        SummaryRow::new(lang.t("records-licence-expires"), expires.clone()),
    ];
    if licence.unpaid_offences_kes > 0 {
        rows.push(SummaryRow::new(
            lang.t("records-licence-offences"),
            format_kes(licence.unpaid_offences_kes),
        ));
    }
    view! {
        <section class="record" aria-label=lang.t("records-licence-label")>
            <p class="record__status"><Tag text=lang.t(tag) colour /></p>
            {notice.map(|key| view! {
                <p class="body"><strong>{lang.t_with(key, &[("date", expires.clone())])}</strong>" "
                    <a href=lang.href("services/dl-renewal")>{lang.t("records-renew-link")}</a></p>
            })}
            <SummaryList rows />
        </section>
    }
    .into_any()
}

/// A learner's permits, one row a class, with the last day or when it lapsed.
fn provisional_table(lang: Lang, provisionals: Vec<Provisional>, today: jiff::civil::Date) -> AnyView {
    let head = ["records-provisional-class", "records-provisional-until"]
        .map(|key| lang.t(key))
        .to_vec();
    let rows = provisionals
        .into_iter()
        .map(|permit| {
            let date = calendar::long_date(lang, permit.expires_on);
            let until = if permit.expires_on < today {
                lang.t_with("records-provisional-expired", &[("date", date)])
            } else {
                date
            };
            vec![permit.class, until]
        })
        .collect();
    view! {
        <h2 class="heading-m">{lang.t("records-provisional-heading")}</h2>
        <Table caption=lang.t("records-provisional-heading") head rows />
    }
    .into_any()
}

fn vehicle_table(lang: Lang, vehicles: Vec<Vehicle>, today: jiff::civil::Date) -> AnyView {
    let head = [
        "records-vehicle-plate",
        "records-vehicle-vehicle",
        "records-vehicle-year",
        "records-vehicle-owner",
        "records-vehicle-inspection",
    ]
    .map(|key| lang.t(key))
    .to_vec();
    let rows = vehicles
        .into_iter()
        .map(|vehicle| {
            let inspection = match (vehicle.inspection(today), vehicle.inspection_due_on) {
                (Some(standing), Some(due)) => {
                    let key = match standing {
                        Standing::InGoodStanding => "records-inspection-due",
                        Standing::DueSoon { .. } => "records-inspection-soon",
                        Standing::Overdue { .. } => "records-inspection-overdue",
                    };
                    lang.t_with(key, &[("date", calendar::long_date(lang, due))])
                }
                _ => lang.t("records-inspection-none"),
            };
            vec![
                vehicle.plate.to_string(),
                format!("{} {}", vehicle.make, vehicle.model),
                vehicle.year.to_string(),
                vehicle
                    .organisation
                    .unwrap_or_else(|| lang.t("records-vehicle-owner-you")),
                inspection,
            ]
        })
        .collect();
    view! { <Table caption=lang.t("records-vehicles-heading") head rows /> }.into_any()
}
