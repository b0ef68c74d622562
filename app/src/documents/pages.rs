//! The document pages: the printable version for its owner (`/en/documents/<code>`, with a print stylesheet), the
//! list on an application's page, and the public check (`/en/verify`, `/en/verify/<code>`) that a traffic officer
//! opens from the QR code: whether the document is genuine and current, with only what the officer needs.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    domain::DocumentCode,
    qr,
    service::{self, Check, Document},
};
use crate::{
    applications::domain::Application,
    calendar,
    error::{AppError, FieldError},
    i18n::Lang,
    ui::{Button, NotificationBanner, SummaryList, SummaryRow, TextInput},
    web::{
        context::Ctx,
        page::{page, signed_in_page, BlockView, PageHead, SignedInPage},
    },
};

fn summary(rows: Vec<(String, String)>) -> Vec<SummaryRow> {
    rows.into_iter()
        .map(|(key, value)| SummaryRow::new(key, value))
        .collect()
}

/// The documents of a paid application, for its page (an `ApplicationBlock`): each with its PDF and its printable
/// page.
pub fn application_block<'a>(ctx: &'a Ctx, application: &'a Application) -> BlockView<'a> {
    Box::pin(list(ctx, application))
}

async fn list(ctx: &Ctx, application: &Application) -> Result<AnyView, AppError> {
    let documents = service::of_application(&ctx.state, application).await?;
    Ok(links(ctx.lang, documents))
}

/// Documents, each with its PDF and its printable page (nothing when there are none).
pub fn links(lang: Lang, documents: Vec<Document>) -> AnyView {
    if documents.is_empty() {
        return ().into_any();
    }
    let items = documents
        .into_iter()
        .map(|document| {
            let title = lang.t(&format!("documents-title-{}", document.kind.code()));
            // A withdrawn document (a cancelled booking's slip) is listed as withdrawn, not offered.
            if let Some(at) = document.revoked_at {
                let key = if document.replaced {
                    "documents-replaced"
                } else {
                    "documents-withdrawn"
                };
                let withdrawn = lang.t_with(key, &[("date", calendar::day_of(lang, at))]);
                return view! { <li><strong>{title}</strong>" – "{withdrawn}</li> }.into_any();
            }
            let pdf = format!("/documents/{}.pdf?lang={}", document.code.as_str(), lang.code());
            let page = lang.href(&format!("documents/{}", document.code.as_str()));
            view! {
                <li>
                    <strong>{title.clone()}</strong>" – "
                    <a href=pdf download>{lang.t("documents-download")}<span class="visually-hidden">" "{title.clone()}</span></a>" · "
                    <a href=page>{lang.t("documents-print")}<span class="visually-hidden">" "{title}</span></a>
                </li>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <h2 class="heading-m">{lang.t("documents-list-heading")}</h2>
        <ul class="list">{items}</ul>
    }
    .into_any()
}

/// The QR code and the short code, as printed.
#[component]
fn CheckBlock(lang: Lang, url: String, code: String) -> impl IntoView {
    let svg = qr::svg(&url, 128, &lang.t("documents-qr-label")).unwrap_or_default();
    view! {
        <div class="document__check">
            <div class="document__qr" inner_html=svg></div>
            <p class="body">{lang.t("documents-check")}<br /><span class="document__url">{url}</span></p>
            <p class="body">{lang.t("documents-code")}" "<strong class="document__code">{code}</strong></p>
        </div>
    }
}

/// `/documents/<code>`: the printable version, for its owner.
#[component]
pub fn DocumentPage() -> impl IntoView {
    let code = use_params_map().with_untracked(|p| p.get("code")).unwrap_or_default();
    signed_in_page("document", move |page| async move {
        let SignedInPage { ctx, who, .. } = page;
        let lang = ctx.lang;
        let document: Document = service::owned(&ctx.state, &code, who.id.as_str())
            .await?
            .ok_or(AppError::NotFound)?;
        let title = lang.t(&format!("documents-title-{}", document.kind.code()));
        let rows = summary(service::rows(lang, &document, false));
        let url = service::verify_url(&ctx.state, &document.code);
        let pdf = format!("/documents/{}.pdf?lang={}", document.code.as_str(), lang.code());
        // What the PDF says at its foot, printed from this page too (a renewal slip's "carry it with the old licence").
        let footer = service::footer(lang, document.kind, ctx.state.settings.demo_data);
        Ok(view! {
            <PageHead title=title.clone() lang errors=vec![] />
            <article class="document">
                <p class="caption">{lang.t("documents-heading")}</p>
                <h1 class="heading-l">{title}</h1>
                <SummaryList rows />
                <CheckBlock lang url code=document.code.grouped() />
                <p class="body">{footer}</p>
            </article>
            <p class="body no-print">
                <a href=pdf download>{lang.t("documents-download")}</a>" · "
                <span>{lang.t("documents-print-hint")}</span>
            </p>
        }
        .into_any())
    })
}

/// `/verify` and `/verify/<code>`: the public check. Anyone may use it; it shows only what an officer needs.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let from_path = use_params_map().with_untracked(|p| p.get("code"));
    let typed = use_query_map().with_untracked(|q| q.get("code"));
    page(async move {
        let ctx = Ctx::load().await?;
        let lang = ctx.lang;
        let title = lang.t("verify-title");
        let asked = from_path.or(typed.clone()).filter(|c| !c.trim().is_empty());
        let parsed = asked.as_deref().map(DocumentCode::parse);
        let error = matches!(parsed, Some(None)).then(|| lang.t("verify-error-code"));
        let outcome = match parsed.flatten() {
            Some(code) => Some(service::check(&ctx.state, &code).await?),
            None => None,
        };
        let errors = match error {
            Some(_) => vec![FieldError::new("code", "verify-error-code")],
            None => vec![],
        };
        Ok(view! {
            <PageHead title=title.clone() lang errors />
            <h1 class="heading-l">{title}</h1>
            {outcome.map(|outcome| result(lang, outcome))}
            <p class="body">{lang.t("verify-intro")}</p>
            <form method="get" action=lang.href("verify") class="form" role="search">
                <TextInput id="code" name="code" label=lang.t("verify-field-code")
                    hint=Some(lang.t("verify-field-code-hint")) value=typed.unwrap_or_default() error
                    autocomplete="off" />
                <Button text=lang.t("verify-button") />
            </form>
        }
        .into_any())
    })
}

fn result(lang: Lang, outcome: Check) -> AnyView {
    let verdict = service::verdict(lang, &outcome);
    let found = !matches!(outcome, Check::Unknown);
    view! {
        <NotificationBanner title=lang.t(verdict.heading) success=verdict.current>
            <p class="body">{verdict.message}</p>
        </NotificationBanner>
        {found.then(|| view! { <SummaryList rows=summary(verdict.rows) /> })}
    }
    .into_any()
}
