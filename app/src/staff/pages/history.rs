//! What an application left behind, on its staff page: the documents issued (a supervisor may withdraw one, with a
//! reason) and the payment history, every event as it was appended (payments, credits, refunds).

use leptos::{prelude::*, server_fn::ServerFn};

use crate::{
    applications::{domain::Application, pages::Hidden},
    calendar,
    documents::service::Document,
    i18n::Lang,
    payments::db::PaymentEvent,
    staff::{
        api,
        domain::{Permission, Staff},
    },
    ui::{Button, SummaryList, SummaryRow},
    web::page::{FormState, PostForm},
};

/// The documents issued for the application, each with its state and (for a supervisor) the withdrawal form.
pub fn documents_block(
    lang: Lang,
    staff: &Staff,
    application: &Application,
    documents: Vec<Document>,
    state: &FormState,
) -> AnyView {
    if documents.is_empty() {
        return view! { <p class="body">{lang.t("staff-documents-none")}</p> }.into_any();
    }
    let may_withdraw = staff.may(Permission::Withdraw);
    let id = application.id.as_str().to_string();
    documents
        .into_iter()
        .map(|document| {
            let code = document.code.as_str().to_string();
            let title = lang.t(&format!("documents-title-{}", document.kind.code()));
            let issued = lang.t_with(
                "staff-document-issued",
                &[("code", code.clone()), ("date", calendar::moment(lang, document.issued_at))],
            );
            let withdraw = match document.revoked_at {
                Some(at) => {
                    let date = calendar::day_of(lang, at);
                    view! { <p class="body"><strong>{lang.t_with("documents-withdrawn", &[("date", date)])}</strong></p> }
                        .into_any()
                }
                None if may_withdraw => {
                    let field = format!("withdraw-{code}");
                    let error = state.error(&field);
                    let typed = state.value(&field);
                    let class = if error.is_some() { "field field--error" } else { "field" };
                    let label = lang.t_with("staff-withdraw-label", &[("document", title.clone())]);
                    let error_id = format!("{field}-error");
                    let button = lang.t_with("staff-withdraw", &[("document", title.clone())]);
                    let id = id.clone();
                    view! {
                        <PostForm action=api::StaffWithdraw::url()>
                            <Hidden name="id" value=id />
                            <Hidden name="code" value=code.clone() />
                            <div class=class>
                                <label class="label" for=field.clone()>{label}</label>
                                <p class="hint">{lang.t("staff-withdraw-hint")}</p>
                                {error.map(|e| view! { <p class="error-message" id=error_id>{e}</p> })}
                                <textarea class="textarea" id=field name="reason" rows="2" maxlength="500">{typed}</textarea>
                            </div>
                            <Button text=button secondary=true />
                        </PostForm>
                    }
                    .into_any()
                }
                None => ().into_any(),
            };
            view! {
                <section class="section">
                    <h3 class="heading-s">{title}</h3>
                    <p class="hint">{issued}</p>
                    {withdraw}
                </section>
            }
        })
        .collect_view()
        .into_any()
}

/// The payment history, oldest first.
pub fn payment_history(lang: Lang, events: Vec<PaymentEvent>) -> AnyView {
    if events.is_empty() {
        return view! { <p class="body">{lang.t("staff-payments-none")}</p> }.into_any();
    }
    let rows = events
        .into_iter()
        .map(|event| {
            SummaryRow::new(
                format!("{} – {}", calendar::moment(lang, event.at), event.kind),
                event.detail,
            )
        })
        .collect::<Vec<_>>();
    view! { <SummaryList rows /> }.into_any()
}
