//! The TIMS linking pages: find the record, choose how to prove it is yours, then the code or your details.

use leptos::{prelude::*, server_fn::ServerFn};

use super::{
    api,
    service::{self, PendingLink},
};
use crate::{
    ids::mask_phone,
    ui::{Button, Choice, Radios, SummaryList, SummaryRow, TextInput},
    web::{
        context::Ctx,
        guard::SignedIn,
        page::{redirect_to, signed_in_page, BackLink, BlockView, PageHead, PostForm, SignedInPage},
    },
};

/// The dashboard's way in, after the records it can add to (a `web::page::Block`).
pub fn dashboard_block<'a>(ctx: &'a Ctx, _who: &'a SignedIn) -> BlockView<'a> {
    let lang = ctx.lang;
    Box::pin(
        async move { Ok(view! { <p class="body"><a href=lang.href("tims")>{lang.t("tims-link")}</a></p> }.into_any()) },
    )
}

#[component]
pub fn TimsPage() -> impl IntoView {
    signed_in_page("tims", move |page| async move {
        let SignedInPage { ctx, state, .. } = page;
        let lang = ctx.lang;
        let title = lang.t("tims-title");
        let (value, error) = (state.value("identifier"), state.error("identifier"));
        Ok(view! {
            <BackLink lang to="dashboard" />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <p class="body">{lang.t("tims-intro")}</p>
            <PostForm action=api::TimsFind::url()>
                <TextInput id="identifier" name="identifier" label=lang.t("tims-field-identifier")
                    hint=Some(lang.t("tims-field-identifier-hint")) value error />
                <Button text=lang.t("tims-find") />
            </PostForm>
        }
        .into_any())
    })
}

#[component]
pub fn TimsProvePage() -> impl IntoView {
    signed_in_page("tims", move |page| async move {
        let SignedInPage { ctx, state, .. } = page;
        let lang = ctx.lang;
        let Some(record) = service::pending(&ctx.state, ctx.session.data.get::<PendingLink>()).await? else {
            return Ok(redirect_to(&ctx, "tims"));
        };
        let title = lang.t("tims-prove-title");
        let mut options = vec![Choice {
            value: "code".into(),
            label: lang.t_with("tims-method-code", &[("phone", mask_phone(&record.phone))]),
            hint: None,
        }];
        if record.id_number.is_some() {
            options.push(Choice {
                value: "details".into(),
                label: lang.t("tims-method-details"),
                hint: None,
            });
        }
        let rows = vec![SummaryRow::new(
            lang.t("tims-account-number"),
            record.account_number.clone(),
        )];
        let (selected, error) = (Some(state.value("method")), state.error("method"));
        Ok(view! {
            <BackLink lang to="tims" />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <SummaryList rows />
            <PostForm action=api::TimsMethod::url()>
                <Radios name="method" legend=lang.t("tims-method-legend") options selected error />
                <Button text=lang.t("continue") />
            </PostForm>
        }
        .into_any())
    })
}

#[component]
pub fn TimsCodePage() -> impl IntoView {
    signed_in_page("tims", move |page| async move {
        let SignedInPage { ctx, state, .. } = page;
        let lang = ctx.lang;
        let Some(record) = service::pending(&ctx.state, ctx.session.data.get::<PendingLink>()).await? else {
            return Ok(redirect_to(&ctx, "tims"));
        };
        let title = lang.t("tims-code-title");
        let error = state.error("code");
        Ok(view! {
            <BackLink lang to="tims/prove" />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <p class="body">{lang.t_with("tims-code-sent", &[("phone", mask_phone(&record.phone))])}</p>
            <PostForm action=api::TimsCode::url()>
                <TextInput id="code" name="code" label=lang.t("accounts-field-code") inputmode="numeric"
                    autocomplete="one-time-code" error />
                <Button text=lang.t("tims-link-button") />
            </PostForm>
        }
        .into_any())
    })
}

#[component]
pub fn TimsDetailsPage() -> impl IntoView {
    signed_in_page("tims", move |page| async move {
        let SignedInPage { ctx, state, .. } = page;
        let lang = ctx.lang;
        if service::pending(&ctx.state, ctx.session.data.get::<PendingLink>())
            .await?
            .is_none()
        {
            return Ok(redirect_to(&ctx, "tims"));
        }
        let title = lang.t("tims-details-title");
        let (name, name_error) = (state.value("first_name"), state.error("first_name"));
        let (year, year_error) = (state.value("year_of_birth"), state.error("year_of_birth"));
        Ok(view! {
            <BackLink lang to="tims/prove" />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <p class="body">{lang.t("tims-details-intro")}</p>
            <PostForm action=api::TimsDetails::url()>
                <TextInput id="first_name" name="first_name" label=lang.t("accounts-field-first-name") value=name
                    error=name_error autocomplete="given-name" />
                <TextInput id="year_of_birth" name="year_of_birth" label=lang.t("accounts-field-year") value=year
                    error=year_error inputmode="numeric" />
                <Button text=lang.t("tims-link-button") />
            </PostForm>
        }
        .into_any())
    })
}
