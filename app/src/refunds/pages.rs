//! `/staff/refunds`: what is owed back, oldest first, each with its amount, payer and why, and the button that
//! refunds it; below, the refunds under way and done. `/staff/money`: money to investigate, attached to its
//! application or refunded. Supervisors only; anyone else gets the 404 page. Plain forms: no script needed.

use leptos::{prelude::*, server_fn::ServerFn};

use super::{
    api,
    db::{Owed, Refund},
    domain::{RefundStatus, Source},
    money, service,
};
use crate::{
    applications::{domain::Application, pages::Hidden},
    calendar,
    fees::domain::format_kes,
    i18n::Lang,
    payments::mpesa::masked,
    staff::{
        domain::Permission,
        pages::{staff_page, StaffNav, StaffPage},
    },
    ui::{Button, NotificationBanner},
    web::{
        context::Ctx,
        page::{BlockView, FormState, Notice, PageHead, PostForm},
    },
};

/// Where the money goes back to, as staff see it: the phone masked, or the card.
fn destination(lang: Lang, method: &str, phone: Option<&str>) -> String {
    match (method, phone) {
        ("mpesa", Some(phone)) => lang.t_with("refunds-to-phone", &[("phone", masked(phone))]),
        _ => lang.t("refunds-to-card"),
    }
}

#[component]
pub fn RefundsPage() -> impl IntoView {
    staff_page(Permission::Refund, move |page| async move {
        let StaffPage {
            ctx,
            state,
            staff,
            notice,
        } = page;
        let lang = ctx.lang;
        let (owed, recent) = service::queue(&ctx.state).await?;
        let title = lang.t("refunds-title");
        let owed_rows = owed.into_iter().map(|o| owed_row(lang, &state, o)).collect_view();
        let recent_rows = recent.into_iter().map(|r| refund_row(lang, r)).collect_view();
        Ok(view! {
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <StaffNav lang staff />
            <table class="table">
                <caption class="table__caption">{lang.t("refunds-owed-caption")}</caption>
                <thead><tr>
                    <th scope="col" class="table__cell">{lang.t("refunds-since")}</th>
                    <th scope="col" class="table__cell">{lang.t("refunds-why")}</th>
                    <th scope="col" class="table__cell">{lang.t("refunds-reference")}</th>
                    <th scope="col" class="table__cell">{lang.t("refunds-amount")}</th>
                    <th scope="col" class="table__cell">{lang.t("refunds-to")}</th>
                    <th scope="col" class="table__cell">{lang.t("refunds-action")}</th>
                </tr></thead>
                <tbody>{owed_rows}</tbody>
            </table>
            <table class="table">
                <caption class="table__caption">{lang.t("refunds-recent-caption")}</caption>
                <thead><tr>
                    <th scope="col" class="table__cell">{lang.t("refunds-approved")}</th>
                    <th scope="col" class="table__cell">{lang.t("refunds-reference")}</th>
                    <th scope="col" class="table__cell">{lang.t("refunds-amount")}</th>
                    <th scope="col" class="table__cell">{lang.t("refunds-to")}</th>
                    <th scope="col" class="table__cell">{lang.t("refunds-status")}</th>
                </tr></thead>
                <tbody>{recent_rows}</tbody>
            </table>
        }
        .into_any())
    })
}

fn owed_row(lang: Lang, state: &FormState, owed: Owed) -> impl IntoView {
    let field = format!("refund-{}", owed.source_id);
    let error = state.error(&field);
    let amount = format_kes(owed.amount_kes);
    let label = lang.t_with(
        "refunds-approve",
        &[("amount", amount.clone()), ("receipt", owed.paid_receipt.clone())],
    );
    let failure = owed
        .failure
        .map(|why| view! { <p class="hint">{lang.t_with("refunds-failed-before", &[("why", why)])}</p> });
    view! {
        <tr id=field.clone()>
            <td class="table__cell">{calendar::moment(lang, owed.since)}</td>
            <td class="table__cell">{lang.t(&format!("refunds-why-{}", owed.why))}{failure}</td>
            <td class="table__cell">{owed.reference.unwrap_or_else(|| owed.paid_receipt.clone())}</td>
            <td class="table__cell">{amount}</td>
            <td class="table__cell">{destination(lang, &owed.method, owed.phone.as_deref())}</td>
            <td class="table__cell">
                {error.map(|e| view! { <p class="error-message">{e}</p> })}
                <PostForm action=api::StaffRefund::url()>
                    <Hidden name="source" value=owed.source.code() />
                    <Hidden name="id" value=owed.source_id />
                    <Button text=label />
                </PostForm>
            </td>
        </tr>
    }
}

fn status_text(lang: Lang, refund: &Refund) -> String {
    match refund.status {
        RefundStatus::Refunded => lang.t_with(
            "refunds-status-refunded",
            &[
                ("date", calendar::moment(lang, refund.settled_at.unwrap_or_default())),
                ("receipt", refund.receipt.clone().unwrap_or_default()),
            ],
        ),
        status => lang.t(&format!("refunds-status-{}", status.code())),
    }
}

fn refund_row(lang: Lang, refund: Refund) -> impl IntoView {
    let status = status_text(lang, &refund);
    view! {
        <tr>
            <td class="table__cell">{calendar::moment(lang, refund.approved_at)}</td>
            <td class="table__cell">{refund.paid_receipt.clone()}</td>
            <td class="table__cell">{format_kes(refund.amount_kes)}</td>
            <td class="table__cell">{destination(lang, &refund.method, refund.phone.as_deref())}</td>
            <td class="table__cell">{status}</td>
        </tr>
    }
}

#[component]
pub fn MoneyPage() -> impl IntoView {
    staff_page(Permission::Refund, move |page| async move {
        let StaffPage {
            ctx,
            state,
            staff,
            notice,
        } = page;
        let lang = ctx.lang;
        let open = money::open(&ctx.state).await?;
        let title = lang.t("money-title");
        let empty = open
            .is_empty()
            .then(|| view! { <p class="body">{lang.t("money-none")}</p> });
        let items = open
            .into_iter()
            .map(|item| money_item(lang, &state, item))
            .collect_view();
        Ok(view! {
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <StaffNav lang staff />
            <p class="body">{lang.t("money-intro")}</p>
            {empty}
            {items}
        }
        .into_any())
    })
}

fn money_item(lang: Lang, state: &FormState, item: super::db::Investigation) -> impl IntoView {
    let reference_id = format!("reference-{}", item.id);
    let note_id = format!("note-{}", item.id);
    let is_money = item.kind != "contradiction" && item.receipt.is_some() && item.amount_kes.is_some();
    let amount = item.amount_kes.map(format_kes).unwrap_or_default();
    let heading = lang.t_with(
        &format!("money-kind-{}", item.kind),
        &[
            ("amount", amount.clone()),
            ("receipt", item.receipt.clone().unwrap_or_default()),
        ],
    );
    let refunding = item.refunding.is_some();
    let phone = item.phone.as_deref().map(masked).unwrap_or_default();
    let actions = match (is_money, refunding) {
        (_, true) => view! { <p class="body">{lang.t("money-refunding")}</p> }.into_any(),
        (true, false) => {
            let (id, id2) = (item.id.clone(), item.id.clone());
            let error = state.error(&reference_id);
            let class = if error.is_some() { "field field--error" } else { "field" };
            let refund_label = lang.t_with("money-refund", &[("amount", amount.clone()), ("phone", phone.clone())]);
            let typed = state.value(&reference_id);
            let label = lang.t_with(
                "money-attach-label",
                &[("receipt", item.receipt.clone().unwrap_or_default())],
            );
            let error_id = format!("{reference_id}-error");
            view! {
                <PostForm action=api::StaffAttach::url()>
                    <Hidden name="id" value=id />
                    <div class=class>
                        <label class="label" for=reference_id.clone()>{label}</label>
                        <p class="hint">{lang.t("money-attach-hint")}</p>
                        {error.map(|e| view! { <p class="error-message" id=error_id>{e}</p> })}
                        <input class="input" id=reference_id.clone() name="reference" value=typed
                            autocomplete="off" spellcheck="false" />
                    </div>
                    <Button text=lang.t("money-attach") />
                </PostForm>
                <PostForm action=api::StaffRefund::url()>
                    <Hidden name="source" value=Source::Investigation.code() />
                    <Hidden name="id" value=id2 />
                    <Button text=refund_label secondary=true />
                </PostForm>
            }
            .into_any()
        }
        (false, false) => {
            let id = item.id.clone();
            let error = state.error(&note_id);
            let typed = state.value(&note_id);
            let error_id = format!("{note_id}-error");
            let class = if error.is_some() { "field field--error" } else { "field" };
            view! {
                <PostForm action=api::StaffCloseMoney::url()>
                    <Hidden name="id" value=id />
                    <div class=class>
                        <label class="label" for=note_id.clone()>{lang.t("money-close-label")}</label>
                        {error.map(|e| view! { <p class="error-message" id=error_id>{e}</p> })}
                        <textarea class="textarea" id=note_id.clone() name="note" rows="2" maxlength="500">{typed}</textarea>
                    </div>
                    <Button text=lang.t("money-close") secondary=true />
                </PostForm>
            }
            .into_any()
        }
    };
    view! {
        <section class="section" aria-labelledby=format!("money-{}", item.id)>
            <h2 class="heading-m" id=format!("money-{}", item.id)>{heading}</h2>
            <p class="body">{lang.t_with("money-received", &[("date", calendar::moment(lang, item.created_at)), ("phone", phone)])}</p>
            <p class="hint">{item.detail}</p>
            {actions}
        </section>
    }
}

/// The refunds of an application, on its page (an `ApplicationBlock`): being sent, or back on the phone or card.
pub fn application_block<'a>(ctx: &'a Ctx, application: &'a Application) -> BlockView<'a> {
    Box::pin(async move {
        let lang = ctx.lang;
        let refunds = service::of_application(&ctx.state, application.id.as_str()).await?;
        Ok(refunds
            .into_iter()
            .filter(|refund| refund.status != RefundStatus::Failed)
            .map(|refund| {
                let args = [
                    ("amount", format_kes(refund.amount_kes)),
                    ("to", destination(lang, &refund.method, refund.phone.as_deref())),
                    ("receipt", refund.receipt.clone().unwrap_or_default()),
                    (
                        "date",
                        calendar::moment(lang, refund.settled_at.unwrap_or(refund.approved_at)),
                    ),
                ];
                let key = match refund.status {
                    RefundStatus::Refunded => "refunds-yours-refunded",
                    _ => "refunds-yours-sending",
                };
                view! {
                    <NotificationBanner title=lang.t("refunds-yours-heading")>
                        <p class="body">{lang.t_with(key, &args)}</p>
                    </NotificationBanner>
                }
            })
            .collect_view()
            .into_any())
    })
}
