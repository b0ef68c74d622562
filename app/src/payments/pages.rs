//! The payment pages: "Pay for your application" (M-Pesa prompt, or Paybill and mobile banking instructions) and
//! "Check your phone" while a prompt waits for the PIN. Without JavaScript the second page has a "Check payment
//! status" button; with it, a small island watches the status and reloads when it changes.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    api::{self, FORM},
    db,
    domain::{MpesaResult, RequestStatus},
    islands::PaymentWatch,
    mpesa,
};
use crate::{
    applications::{
        domain::{Application, Status},
        service as applications,
    },
    fees::domain::format_kes,
    i18n::Lang,
    ids::display_phone,
    ui::{Button, NotificationBanner, SummaryList, SummaryRow, TextInput},
    web::{
        context::Ctx,
        page::{redirect_to, signed_in_page, BackLink, BlockView, Notice, PageHead, PostForm, SignedInPage},
        routes::Page,
    },
};

/// The Paybill instructions: the same bill reference serves Paybill and bank apps.
#[component]
fn Paybill(lang: Lang, business: String, reference: String, total: String) -> impl IntoView {
    let rows = vec![
        SummaryRow::new(lang.t("payments-paybill-business"), business),
        SummaryRow::new(lang.t("payments-paybill-account"), reference),
        SummaryRow::new(lang.t("payments-paybill-amount"), total),
    ];
    view! {
        <h2 class="heading-m" id="paybill">{lang.t("payments-paybill-heading")}</h2>
        <p class="body">{lang.t("payments-paybill-steps")}</p>
        <SummaryList rows />
        <p class="body">{lang.t("payments-paybill-after")}</p>
    }
}

/// The invoice a payment page is for: an application waiting for payment, else its own page.
fn payable(application: &Application) -> Option<(String, String)> {
    match (application.status, &application.invoice, &application.reference) {
        (Status::AwaitingPayment, Some(invoice), Some(reference)) => {
            Some((invoice.total().to_string(), reference.to_string()))
        }
        _ => None,
    }
}

/// `/applications/<id>/pay`
#[component]
pub fn PayPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id")).unwrap_or_default();
    // Back from the card checkout without a payment: why (`?card=declined` or `refused`).
    let card_said = use_query_map().with_untracked(|q| q.get("card"));
    signed_in_page(FORM, move |page| async move {
        let SignedInPage {
            ctx,
            state,
            who,
            notice,
        } = page;
        let application = applications::owned(&ctx.state, &who, &id).await?;
        let Some((total, reference)) = payable(&application) else {
            return Ok(redirect_to(&ctx, &Page::Application(id.clone()).path()));
        };
        let lang = ctx.lang;
        let latest = mpesa::latest(&ctx.state, &application).await?;
        // A prompt that failed says what happened and what to do, above the form that sends a new one.
        let card_failure = match card_said.as_deref() {
            Some("declined") => Some("payments-card-declined"),
            Some("refused") => Some("payments-card-refused"),
            _ => None,
        };
        let failed = latest
            .as_ref()
            .filter(|request| request.status == RequestStatus::Failed && card_failure.is_none())
            .map(|request| MpesaResult(request.result_code.unwrap_or(-1)).message_key())
            .or(card_failure);
        let typed = state.value_or("phone", Some(&display_phone(&who.phone)));
        let error = state.error("phone");
        let title = lang.t("payments-pay-title");
        let rows = vec![
            SummaryRow::new(lang.t("payments-amount"), total.clone()),
            SummaryRow::new(lang.t("payments-reference"), reference.clone()),
        ];
        let business = ctx.state.daraja.as_ref().map(|d| d.config.shortcode.clone());
        let card_id = id.clone();
        let note = ctx
            .state
            .services
            .of(&application)?
            .payment_note(&ctx, &application)
            .await?;
        Ok(view! {
            <BackLink lang to=Page::Application(id.clone()).path() />
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            {failed.map(|key| view! {
                <NotificationBanner title=lang.t("payments-failed-heading")>
                    <p class="body">{lang.t(key)}</p>
                </NotificationBanner>
            })}
            <SummaryList rows />
            {note.map(|note| view! { <p class="body"><strong>{note}</strong></p> })}
            <h2 class="heading-m">{lang.t("payments-mpesa-heading")}</h2>
            {match &business {
                Some(_) => view! {
                    <p class="body">{lang.t_with("payments-mpesa-intro", &[("total", total.clone())])}</p>
                    <PostForm action=api::PayByMpesa::url()>
                        <input type="hidden" name="id" value=id.clone() />
                        <TextInput id="phone" name="phone" label=lang.t("payments-field-phone")
                            hint=Some(lang.t("payments-field-phone-hint")) value=typed error
                            input_type="tel" autocomplete="tel" />
                        <Button text=lang.t("payments-mpesa-send") />
                    </PostForm>
                }.into_any(),
                None => view! { <p class="body">{lang.t("payments-mpesa-off")}</p> }.into_any(),
            }}
            {ctx.state.card.is_some().then(|| view! {
                <h2 class="heading-m">{lang.t("payments-card-heading")}</h2>
                <p class="body">{lang.t("payments-card-intro")}</p>
                // Its answer is the card provider's checkout, another site: a whole page load, never swapped in place.
                <form method="post" action=api::PayByCard::url() class="form" novalidate data-full-page="">
                    <input type="hidden" name="id" value=card_id />
                    <Button text=lang.t("payments-card-button") secondary=true />
                </form>
            })}
            {business.map(|business| view! { <Paybill lang business reference=reference.clone() total=total.clone() /> })}
        }
        .into_any())
    })
}

/// `/applications/<id>/pay/mpesa/<request>`: "Check your phone" while the prompt waits for the PIN.
#[component]
pub fn MpesaWaitPage() -> impl IntoView {
    let (id, request) =
        use_params_map().with_untracked(|p| (p.get("id").unwrap_or_default(), p.get("request").unwrap_or_default()));
    signed_in_page(FORM, move |page| async move {
        let SignedInPage { ctx, who, .. } = page;
        let application = applications::owned(&ctx.state, &who, &id).await?;
        let request = mpesa::request_of(&ctx.state, &application, &request).await?;
        // Someone waiting and asking: a result the callback has not brought yet is fetched from M-Pesa now.
        let request = mpesa::refresh(&ctx.state, request).await?;
        let here = Page::PayMpesa(id.clone(), request.id.clone()).path();
        match request.status {
            RequestStatus::Paid => return Ok(redirect_to(&ctx, &Page::Application(id.clone()).path())),
            RequestStatus::Failed => return Ok(redirect_to(&ctx, &Page::Pay(id.clone()).path())),
            RequestStatus::Sending | RequestStatus::Pending => {}
        }
        let lang = ctx.lang;
        let (total, reference) = payable(&application).unwrap_or_default();
        let phone = mpesa::masked(&request.phone);
        let title = lang.t("payments-wait-title");
        let status_url = format!("/payments/mpesa/status/{}", request.id);
        Ok(view! {
            <PageHead title=title.clone() lang errors=vec![] />
            <h1 class="heading-l">{title}</h1>
            <p class="body">{lang.t_with("payments-wait-sent", &[("total", total), ("phone", phone)])}</p>
            <p class="body">{lang.t_with("payments-wait-pin", &[("reference", reference)])}</p>
            <PaymentWatch status_url note=lang.t("payments-wait-js") />
            <form method="get" action=lang.href(&here) class="form">
                <Button text=lang.t("payments-wait-check") />
            </form>
            <p class="body">{lang.t("payments-wait-nothing")}" "
                <a href=lang.href(&Page::Pay(id.clone()).path())>{lang.t("payments-try-again")}</a>
            </p>
        }
        .into_any())
    })
}

/// Money received twice for an application, owed back (an `ApplicationBlock`): shown to the person, never lost.
pub fn credits_block<'a>(ctx: &'a Ctx, application: &'a Application) -> BlockView<'a> {
    Box::pin(async move {
        let lang = ctx.lang;
        let credits = db::credits(&ctx.state.pool, &application.id).await?;
        Ok(credits
            .into_iter()
            .filter(|credit| credit.refunded_at.is_none())
            .map(|credit| {
                let args = [("amount", format_kes(credit.amount_kes)), ("receipt", credit.receipt)];
                view! {
                    <NotificationBanner title=lang.t("payments-credit-heading")>
                        <p class="body">{lang.t_with("payments-credit", &args)}</p>
                    </NotificationBanner>
                }
            })
            .collect_view()
            .into_any())
    })
}
