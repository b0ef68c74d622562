//! `/staff/applications/<id>`: an application as its officer sees it (the applicant's answers as the service
//! summarises them, the payments, the timeline) with the claim and the decision forms.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::use_params_map;

use super::{
    history::{documents_block, payment_history},
    staff_page, StaffNav, StaffPage,
};
use crate::{
    applications::{
        domain::{Application, Status, Waiting},
        pages::{answer_rows, reason_text, status_tag, Hidden},
        questions, service as applications,
    },
    calendar,
    error::AppError,
    fees::domain::format_kes,
    i18n::Lang,
    payments::db as payments_db,
    staff::{
        api, db,
        domain::{Permission, Staff, REJECT_REASONS},
        service,
    },
    ui::{Button, Choice, Radios, SummaryList, SummaryRow},
    web::{
        guard,
        page::{BackLink, FormState, Notice, PageHead, PostForm},
    },
};

#[component]
pub fn StaffApplicationPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id")).unwrap_or_default();
    staff_page(Permission::See, move |page| async move {
        let StaffPage {
            ctx,
            state,
            staff,
            notice,
        } = page;
        let lang = ctx.lang;
        let application = service::application(&ctx.state, &staff, &id)
            .await?
            .ok_or(AppError::NotFound)?;
        let applicant = guard::applicant(&ctx.state.pool, &application.account)
            .await?
            .ok_or(AppError::NotFound)?;
        let plugin = ctx.state.services.serving(&application);
        let answers = plugin.summary(&ctx, &applicant, &application).await?;
        let mut rows = vec![SummaryRow::new(
            lang.t("staff-applicant"),
            format!("{} ({})", applicant.first_name, applicant.id_number),
        )];
        rows.extend(answer_rows(lang, &application, answers, false));
        let payments = db::payments(&ctx.state.pool, application.id.as_str())
            .await?
            .into_iter()
            .map(|p| {
                SummaryRow::new(
                    format!("{} – {}", p.method, calendar::moment(lang, p.paid_at)),
                    format!("{} ({})", format_kes(p.amount_kes), p.receipt),
                )
            })
            .collect::<Vec<_>>();
        let history = payment_history(lang, payments_db::events(&ctx.state.pool, &application.id).await?);
        let issued = crate::documents::service::of_application(&ctx.state, &application).await?;
        let documents = documents_block(lang, &staff, &application, issued, &state);
        let events = applications::timeline(&ctx.state, &application)
            .await?
            .into_iter()
            .map(|event| {
                view! {
                    <li class="timeline__item">
                        <strong>{lang.t(&plugin.status_key(event.status, event.waiting, "status"))}</strong>
                        <span class="hint">" – "{calendar::moment(lang, event.at)}</span>
                    </li>
                }
            })
            .collect_view();
        let claim = db::claim_of(&ctx.state.pool, application.id.as_str()).await?;
        let has_photo = crate::photo::db::of_account(&ctx.state.pool, application.account.as_str())
            .await?
            .is_some();
        let files = has_photo
            .then_some("photo")
            .into_iter()
            .chain(
                plugin
                    .files()
                    .iter()
                    .copied()
                    .filter(|_| application.status != Status::Draft),
            )
            .map(|name| {
                let href = format!("/staff/applications/{}/files/{name}", application.id.as_str());
                view! { <li><a href=href download="">{lang.t(&format!("staff-file-{name}"))}</a></li> }
            })
            .collect::<Vec<_>>();
        let questions = questions::of(&ctx.state.pool, &application.id).await?;
        let questions = questions::block(lang, &application.id, questions, None);
        let now = ctx.state.clock.now();
        let decision = decision_block(
            lang,
            now,
            &staff,
            (&application, plugin.officer_approves()),
            claim,
            &state,
        );
        let reference = application
            .reference
            .as_ref()
            .map(|r| r.to_string())
            .unwrap_or_default();
        let title = lang.t_with("staff-application-title", &[("reference", reference)]);
        let service_title = lang.t(&format!("catalogue-{}-title", application.service));
        Ok(view! {
            <BackLink lang to="staff" />
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <StaffNav lang staff=staff.clone() />
            <p class="body">{service_title}" "{status_tag(lang, &ctx.state.services, &application)}</p>
            {application.decision_reason.as_deref().map(|reason| view! {
                <p class="body"><strong>{lang.t("applications-rejected-reason")}</strong>" "{reason_text(lang, reason)}</p>
            })}
            {decision}
            {questions}
            <h2 class="heading-m">{lang.t("staff-answers-heading")}</h2>
            <SummaryList rows />
            <h2 class="heading-m">{lang.t("staff-files-heading")}</h2>
            {if files.is_empty() {
                view! { <p class="body">{lang.t("staff-files-none")}</p> }.into_any()
            } else {
                view! { <ul class="list">{files}</ul> }.into_any()
            }}
            <h2 class="heading-m">{lang.t("staff-payments-heading")}</h2>
            {if payments.is_empty() {
                view! { <p class="body">{lang.t("staff-payments-none")}</p> }.into_any()
            } else {
                view! { <SummaryList rows=payments /> }.into_any()
            }}
            <h2 class="heading-m">{lang.t("staff-history-heading")}</h2>
            {history}
            <h2 class="heading-m">{lang.t("staff-documents-heading")}</h2>
            {documents}
            <h2 class="heading-m">{lang.t("applications-timeline-heading")}</h2>
            <ol class="timeline">{events}</ol>
        }
        .into_any())
    })
}

/// Who holds the application, and what this staff member can do about it: claim it, or (holding it) approve or
/// reject it.
fn decision_block(
    lang: Lang,
    now: i64,
    staff: &Staff,
    (application, approvable): (&Application, bool),
    claim: Option<db::ClaimRow>,
    state: &FormState,
) -> AnyView {
    if application.status != Status::InReview || !staff.may(Permission::Decide) {
        return ().into_any();
    }
    if application.waiting == Waiting::OtherParty {
        return view! { <p class="body">{lang.t("staff-waiting-other-party")}</p> }.into_any();
    }
    let claim = claim.filter(|c| c.claimed_until.is_some_and(|until| until > now));
    if application.account == staff.account {
        return view! { <p class="body"><strong>{lang.t("staff-own-application")}</strong></p> }.into_any();
    }
    let id = application.id.as_str().to_string();
    match claim {
        Some(c) if c.claimed_by.as_deref() == Some(staff.account.as_str()) => {
            let until = calendar::moment(lang, c.claimed_until.unwrap_or_default());
            let reasons = REJECT_REASONS
                .iter()
                .map(|code| Choice {
                    value: code.to_string(),
                    label: lang.t(&format!("applications-reason-{code}")),
                    hint: None,
                })
                .collect();
            let note = state.value_or("note", None);
            let question = state.value_or("question", None);
            let question_error = state.error("question");
            let question_class = if question_error.is_some() {
                "field field--error"
            } else {
                "field"
            };
            let ask_id = id.clone();
            let selected = Some(state.value("reason")).filter(|r| !r.is_empty());
            let error = state.error("reason");
            let approve_id = id.clone();
            let approve = approvable.then(move || {
                view! {
                    <PostForm action=api::StaffApprove::url()>
                        <Hidden name="id" value=approve_id />
                        <Button text=lang.t("staff-approve") />
                    </PostForm>
                }
            });
            view! {
                <p class="body">{lang.t_with("staff-held-by-you", &[("until", until)])}</p>
                {approve}
                <PostForm action=api::StaffReject::url()>
                    <Hidden name="id" value=id />
                    <Radios name="reason" legend=lang.t("staff-reject-reason") options=reasons
                        selected error />
                    <div class="field">
                        <label class="label" for="note">{lang.t("staff-reject-note")}</label>
                        <textarea class="textarea" id="note" name="note" rows="3" maxlength="500">{note}</textarea>
                    </div>
                    <Button text=lang.t("staff-reject") secondary=true />
                </PostForm>
                <PostForm action=api::StaffAsk::url()>
                    <Hidden name="id" value=ask_id />
                    <div class=question_class>
                        <label class="label" for="question">{lang.t("staff-ask-label")}</label>
                        <p class="hint">{lang.t("staff-ask-hint")}</p>
                        {question_error.map(|e| view! { <p class="error-message" id="question-error">{e}</p> })}
                        <textarea class="textarea" id="question" name="question" rows="3">{question}</textarea>
                    </div>
                    <Button text=lang.t("staff-ask") secondary=true />
                </PostForm>
            }
            .into_any()
        }
        Some(c) => {
            let until = calendar::moment(lang, c.claimed_until.unwrap_or_default());
            let name = c.holder.unwrap_or_default();
            view! { <p class="body"><strong>{lang.t_with("staff-held-by", &[("name", name), ("until", until)])}</strong></p> }
                .into_any()
        }
        None => view! {
            <PostForm action=api::StaffClaim::url()>
                <Hidden name="id" value=id />
                <p class="hint">{lang.t("staff-claim-hint")}</p>
                <Button text=lang.t("staff-claim") />
            </PostForm>
        }
        .into_any(),
    }
}
