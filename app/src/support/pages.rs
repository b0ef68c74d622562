//! "Contact us" (`/contact`): the form that opens a case, and a case's page (`/contact/{reference}`), where its
//! person reads the thread, writes again and, once it is closed, says whether it solved the problem. Signed in,
//! a case is the account's; signed out, its page opens with the link the person was sent. Everything a person or
//! an agent wrote is shown as text, never as markup. The staff's pages are `staff_pages.rs`.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    api,
    db::{Case, Message},
    domain::{CaseStatus, Topic, MESSAGE_CHARS},
    service, FORM,
};
use crate::{
    applications::{pages::Hidden, service as applications},
    calendar,
    error::AppError,
    i18n::Lang,
    ui::{Button, Choice, Radios, Select, TextArea, TextInput},
    web::{
        context::Ctx,
        guard::{self, SignedIn},
        page::{load_form, page, BlockView, FormState, Notice, PageHead, PostForm},
    },
};

/// The topics as choices.
pub fn topics(lang: Lang) -> Vec<Choice> {
    Topic::ALL
        .into_iter()
        .map(|topic| Choice {
            value: topic.code().to_string(),
            label: lang.t(&format!("support-topic-{}", topic.code())),
            hint: None,
        })
        .collect()
}

#[component]
pub fn ContactPage() -> impl IntoView {
    page(async move {
        let (mut ctx, state) = load_form(FORM).await?;
        let notice = ctx.take_notice().await?;
        let lang = ctx.lang;
        let who = guard::signed_in(&ctx).await?.ok();
        let title = lang.t("support-contact-title");
        let selected = Some(state.value("topic")).filter(|t| !t.is_empty());
        let about_you = match &who {
            Some(who) => signed_in_part(&ctx, &state, who).await?,
            None => signed_out_part(lang, &state),
        };
        Ok(view! {
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <p class="body">{lang.t("support-contact-intro")}" "<a href=lang.href("help")>{lang.t("help-title")}</a></p>
            <PostForm action=api::SupportContact::url()>
                <Radios name="topic" legend=lang.t("support-topic") options=topics(lang) selected error=state.error("topic") />
                {about_you}
                <TextArea id="message" label=lang.t("support-message") value=state.value("message")
                    hint=Some(lang.t_with("support-message-hint", &[("max", MESSAGE_CHARS.to_string())]))
                    error=state.error("message") />
                <Button text=lang.t("support-send") />
            </PostForm>
        }
        .into_any())
    })
}

/// Someone signed in: which application it is about (optional), and where the answer will reach them.
async fn signed_in_part(ctx: &Ctx, state: &FormState, who: &SignedIn) -> Result<AnyView, AppError> {
    let lang = ctx.lang;
    let options: Vec<Choice> = applications::mine(&ctx.state, who)
        .await?
        .into_iter()
        .filter_map(|application| {
            let reference = application.reference.as_ref()?.to_string();
            let service = lang.t(&format!("catalogue-{}-title", application.service));
            Some(Choice {
                value: application.id.as_str().to_string(),
                label: format!("{reference} – {service}"),
                hint: None,
            })
        })
        .collect();
    let selected = Some(state.value("application")).filter(|a| !a.is_empty());
    let select = (!options.is_empty()).then(|| {
        view! {
            <Select id="application" label=lang.t("support-application") hint=lang.t("support-application-hint")
                error=state.error("application") placeholder=lang.t("support-application-none") options selected />
        }
    });
    Ok(view! {
        {select}
        <p class="body">{lang.t_with("support-signed-in", &[("name", who.first_name.clone())])}</p>
    }
    .into_any())
}

/// Someone signed out: their name, and an email address or a mobile number to answer them at.
fn signed_out_part(lang: Lang, state: &FormState) -> AnyView {
    view! {
        <TextInput id="name" name="name" label=lang.t("support-name") value=state.value("name")
            error=state.error("name") autocomplete="name" />
        <p class="body">{lang.t("support-address-hint")}</p>
        <TextInput id="email" name="email" label=lang.t("support-email") value=state.value("email")
            error=state.error("email") input_type="email" autocomplete="email" />
        <TextInput id="phone" name="phone" label=lang.t("support-phone") value=state.value("phone")
            error=state.error("phone") input_type="tel" autocomplete="tel" />
    }
    .into_any()
}

/// A thread, oldest first: who wrote, when, and what, as text.
pub fn thread(lang: Lang, messages: Vec<Message>, person: &str) -> AnyView {
    messages
        .into_iter()
        .map(|message| {
            let who = match message.author.as_str() {
                "agent" => lang.t("support-from-ntsa"),
                _ => person.to_string(),
            };
            view! {
                <article class="thread__item">
                    <p class="hint"><strong>{who}</strong>" – "{calendar::moment(lang, message.created_at)}</p>
                    <p class="body thread__body">{message.body}</p>
                </article>
            }
        })
        .collect_view()
        .into_any()
}

/// The status of a case, in words.
pub fn status_text(lang: Lang, case: &Case) -> String {
    lang.t(&format!("support-status-{}", case.status.code()))
}

#[component]
pub fn CasePage() -> impl IntoView {
    let reference = use_params_map()
        .with_untracked(|p| p.get("reference"))
        .unwrap_or_default();
    let secret = use_query_map().with_untracked(|q| q.get("t"));
    page(async move {
        let (mut ctx, state) = load_form(FORM).await?;
        let notice = ctx.take_notice().await?;
        let lang = ctx.lang;
        let who = guard::signed_in(&ctx).await?.ok();
        let account = who.as_ref().map(|w| w.id.as_str());
        let case = service::for_person(&ctx.state, &reference, account, secret.as_deref())
            .await?
            .ok_or(AppError::NotFound)?;
        let messages = service::thread(&ctx.state, &case).await?;
        let title = lang.t_with("support-case-title", &[("reference", case.reference.clone())]);
        let t = secret.unwrap_or_default();
        let (typed, error, answer_error, errors) = (
            state.value("message"),
            state.error("message"),
            state.error("answer"),
            state.errors(),
        );
        let (reference, topic, application) = (
            case.reference.clone(),
            lang.t(&format!("support-topic-{}", case.topic.code())),
            case.application_reference.clone().map(|r| format!(" – {r}")),
        );
        let status = status_text(lang, &case);
        let next = match (case.status, case.solved) {
            (CaseStatus::Closed, None) => view! {
                <PostForm action=api::SupportSolved::url()>
                    <Hidden name="reference" value=reference.clone() />
                    <Hidden name="t" value=t.clone() />
                    <Radios name="answer" legend=lang.t("support-solved-question") error=answer_error
                        options=vec![
                            Choice { value: "yes".into(), label: lang.t("support-solved-yes"), hint: None },
                            Choice { value: "no".into(), label: lang.t("support-solved-no"), hint: None },
                        ] />
                    <Button text=lang.t("support-solved-send") />
                </PostForm>
            }
            .into_any(),
            (CaseStatus::Closed, Some(_)) => view! { <p class="body">{lang.t("support-closed-thanks")}</p> }.into_any(),
            _ => view! {
                <PostForm action=api::SupportReply::url()>
                    <Hidden name="reference" value=reference.clone() />
                    <Hidden name="t" value=t.clone() />
                    <TextArea id="message" label=lang.t("support-reply") value=typed error />
                    <Button text=lang.t("support-reply-send") />
                </PostForm>
            }
            .into_any(),
        };
        Ok(view! {
            <Notice lang notice />
            <PageHead title=title.clone() lang errors />
            <h1 class="heading-l">{title}</h1>
            <p class="body"><strong>{status}</strong>" – "{topic}{application}</p>
            {thread(lang, messages, &lang.t("support-from-you"))}
            {next}
        }
        .into_any())
    })
}

/// The person's cases under "Messages" (a `Block`): each with where it stands, linking to its thread.
pub fn messages_block<'a>(ctx: &'a Ctx, who: &'a SignedIn) -> BlockView<'a> {
    Box::pin(async move {
        let lang = ctx.lang;
        let cases = service::of_account(&ctx.state, who.id.as_str()).await?;
        if cases.is_empty() {
            return Ok(().into_any());
        }
        let items = cases
            .into_iter()
            .map(|case| {
                let href = lang.href(&format!("contact/{}", case.reference));
                let status = status_text(lang, &case);
                view! { <li><a href=href>{case.reference.clone()}</a>" – "{status}</li> }
            })
            .collect_view();
        Ok(view! {
            <h2 class="heading-m">{lang.t("support-your-cases")}</h2>
            <ul class="list">{items}</ul>
        }
        .into_any())
    })
}
