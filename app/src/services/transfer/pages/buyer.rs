//! The buyer's side: "Transfers to you" on the dashboard, the offer (`/transfers/<id>`), accepting it with the
//! code sent to their phone, and declining it. An offer to an organisation is any of its people's to answer; an
//! offer made to someone else is the 404 page.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::use_params_map;

use super::super::{api, db::OfferRow, domain::OfferStatus, offers as service};
use crate::{
    applications::pages::Hidden,
    calendar,
    documents::{pages::links, service as documents},
    error::AppError,
    i18n::Lang,
    ids::mask_phone,
    ui::{Button, SummaryList, SummaryRow, Tag, TagColour, TextInput},
    web::{
        context::Ctx,
        guard::SignedIn,
        page::{signed_in_page, BackLink, BlockView, Notice, PageHead, PostForm, SignedInPage},
    },
};

/// The flash of every buyer's form: a person answers one offer at a time.
pub const FORM: &str = "transfer";

pub fn offer_path(id: &str) -> String {
    format!("transfers/{id}")
}

pub fn accept_path(id: &str) -> String {
    format!("transfers/{id}/accept")
}

pub fn decline_path(id: &str) -> String {
    format!("transfers/{id}/decline")
}

fn status_of(offer: &OfferRow) -> OfferStatus {
    OfferStatus::parse(&offer.status).unwrap_or(OfferStatus::Offered)
}

fn tag(lang: Lang, status: OfferStatus) -> impl IntoView {
    let colour = match status {
        OfferStatus::Offered => TagColour::Blue,
        OfferStatus::Accepted => TagColour::Green,
        OfferStatus::Declined | OfferStatus::Lapsed => TagColour::Grey,
    };
    view! { <Tag text=lang.t(&format!("transfer-status-{}", status.code())) colour /> }
}

/// "Transfers to you" on the dashboard (a `web::page::Block`), when anyone has offered the person a vehicle.
pub fn dashboard_block<'a>(ctx: &'a Ctx, who: &'a SignedIn) -> BlockView<'a> {
    Box::pin(async move {
        let lang = ctx.lang;
        let offers = service::offers_to(&ctx.state, who).await?;
        if offers.is_empty() {
            return Ok(().into_any());
        }
        let items = offers
            .into_iter()
            .map(|offer| {
                let status = status_of(&offer);
                let href = lang.href(&offer_path(&offer.application_id));
                let key = if offer.buyer_kra_pin.is_some() {
                    "transfer-dashboard-item-organisation"
                } else {
                    "transfer-dashboard-item"
                };
                let label = lang.t_with(
                    key,
                    &[
                        ("plate", offer.plate.clone()),
                        ("seller", offer.seller_name.clone()),
                        ("buyer", offer.buyer_name.clone()),
                    ],
                );
                view! { <li><a href=href>{label}</a>" "{tag(lang, status)}</li> }
            })
            .collect_view();
        Ok(view! {
            <h2 class="heading-m">{lang.t("transfer-dashboard-heading")}</h2>
            <ul class="list">{items}</ul>
        }
        .into_any())
    })
}

fn offer_rows(lang: Lang, offer: &OfferRow) -> Vec<SummaryRow> {
    let mut rows = vec![
        SummaryRow::new(lang.t("registration-fact-plate"), offer.plate.clone()),
        SummaryRow::new(
            lang.t("transfer-offer-vehicle"),
            format!("{} {} ({})", offer.make, offer.model, offer.year),
        ),
        SummaryRow::new(lang.t("transfer-fact-seller"), offer.seller_name.clone()),
    ];
    if offer.buyer_kra_pin.is_some() {
        rows.push(SummaryRow::new(lang.t("transfer-fact-buyer"), offer.buyer_name.clone()));
    }
    // The deadline matters only while the offer waits for an answer.
    if status_of(offer) == OfferStatus::Offered {
        rows.push(SummaryRow::new(
            lang.t("transfer-offer-deadline"),
            calendar::moment(lang, offer.deadline),
        ));
    }
    rows
}

/// The offer `:id` to the signed-in person, or the 404 page.
async fn load(page: &SignedInPage) -> Result<OfferRow, AppError> {
    let id = use_params_map().with_untracked(|p| p.get("id")).unwrap_or_default();
    service::offer_to(&page.ctx.state, &page.who, &id).await
}

/// `/transfers/<id>`: the offer, and accept or decline while it is open; the buyer's slip once accepted.
#[component]
pub fn TransferOfferPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id")).unwrap_or_default();
    signed_in_page(FORM, move |page| async move {
        let offer = service::offer_to(&page.ctx.state, &page.who, &id).await?;
        let SignedInPage {
            ctx,
            state,
            who,
            notice,
        } = page;
        let lang = ctx.lang;
        let status = status_of(&offer);
        let open = service::open(&ctx.state, &offer);
        let title = lang.t_with("transfer-offer-title", &[("plate", offer.plate.clone())]);
        let slips = documents::held(&ctx.state, &offer.application_id, who.id.as_str()).await?;
        let args = [
            ("seller", offer.seller_name.clone()),
            ("plate", offer.plate.clone()),
            ("deadline", calendar::moment(lang, offer.deadline)),
            ("buyer", offer.buyer_name.clone()),
            ("by", offer.answered_by.clone().unwrap_or_default()),
        ];
        // Past its deadline an offer has lapsed, whether or not the sweep has marked it yet.
        let shown = match status {
            OfferStatus::Offered if !open => OfferStatus::Lapsed,
            other => other,
        };
        let explain = match offer.buyer_kra_pin {
            Some(_) => format!("transfer-buyer-organisation-{}", shown.code()),
            None => format!("transfer-buyer-{}", shown.code()),
        };
        let id = offer.application_id.clone();
        let decline = lang.href(&decline_path(&id));
        Ok(view! {
            <BackLink lang to="dashboard" />
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <p class="body">{lang.t("transfer-offer-status")}" "{tag(lang, shown)}</p>
            <p class="body">{lang.t_with(&explain, &args)}</p>
            <SummaryList rows=offer_rows(lang, &offer) />
            {open.then(|| view! {
                <p class="body">{lang.t_with("transfer-accept-intro", &[("phone", mask_phone(who.phone.as_str()))])}</p>
                <PostForm action=api::TransferCode::url()>
                    <Hidden name="id" value=id.clone() />
                    <Button text=lang.t("transfer-accept") />
                </PostForm>
                <p class="body"><a href=decline>{lang.t("transfer-decline")}</a></p>
            })}
            {links(lang, slips)}
        }
        .into_any())
    })
}

/// `/transfers/<id>/accept`: the code sent to the buyer's phone.
#[component]
pub fn TransferAcceptPage() -> impl IntoView {
    signed_in_page(FORM, move |page| async move {
        let offer = load(&page).await?;
        let SignedInPage {
            ctx,
            state,
            who,
            notice,
        } = page;
        let lang = ctx.lang;
        let title = lang.t_with("transfer-accept-title", &[("plate", offer.plate.clone())]);
        let id = offer.application_id.clone();
        let error = state.error("code");
        let (back, again) = (offer_path(&id), id.clone());
        // An organisation's person accepts for it: the organisation becomes the owner, not them.
        let confirm = match offer.buyer_kra_pin {
            Some(_) => lang.t_with(
                "transfer-accept-confirm-organisation",
                &[("buyer", offer.buyer_name.clone())],
            ),
            None => lang.t("transfer-accept-confirm"),
        };
        Ok(view! {
            <BackLink lang to=back />
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <p class="body">{lang.t_with("transfer-code-sent", &[
                ("phone", mask_phone(who.phone.as_str())),
                ("minutes", (crate::web::challenges::CODE_SECONDS / 60).to_string()),
            ])}</p>
            <SummaryList rows=offer_rows(lang, &offer) />
            <PostForm action=api::TransferAccept::url()>
                <Hidden name="id" value=id />
                <TextInput id="code" name="code" label=lang.t("accounts-field-code") inputmode="numeric"
                    autocomplete="one-time-code" error />
                <Button text=confirm />
            </PostForm>
            <PostForm action=api::TransferCode::url()>
                <Hidden name="id" value=again />
                <Button text=lang.t("transfer-code-again") secondary=true />
            </PostForm>
        }
        .into_any())
    })
}

/// `/transfers/<id>/decline`: declining, once confirmed; the seller is told.
#[component]
pub fn TransferDeclinePage() -> impl IntoView {
    signed_in_page(FORM, move |page| async move {
        let offer = load(&page).await?;
        let SignedInPage { ctx, state, .. } = page;
        let lang = ctx.lang;
        let title = lang.t_with("transfer-decline-title", &[("plate", offer.plate.clone())]);
        let id = offer.application_id.clone();
        let seller = [("seller", offer.seller_name.clone())];
        let back = offer_path(&id);
        Ok(view! {
            <BackLink lang to=back />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <p class="body">{lang.t_with("transfer-decline-intro", &seller)}</p>
            <PostForm action=api::TransferDecline::url()>
                <Hidden name="id" value=id />
                <Button text=lang.t("transfer-decline-confirm") />
            </PostForm>
        }
        .into_any())
    })
}
