//! The card's question page (place of birth, blood group, county, address, collection centre) on any service's
//! wizard, and its answers as rows for check your answers and the officer's view.

use leptos::prelude::*;

use super::{
    db,
    domain::{SmartDetails, BLOOD_GROUPS, COUNTIES},
    service,
};
use crate::{
    applications::{
        domain::Application,
        pages::{Hidden, StepRequest},
        plugin::Answer,
    },
    calendar,
    error::AppError,
    ui::{Button, Choice, Radios, Select, SummaryList, SummaryRow, TextInput},
    web::{
        context::Ctx,
        page::{redirect_to, PostForm},
        wizard::{Position, StepFrame},
    },
};

/// The card step of a wizard (`saved`: the draft's answer; `action`: the service's server function taking a
/// `SmartForm`), or the photo page first while none is on file.
pub async fn details_page(
    request: StepRequest<'_>,
    saved: Option<&SmartDetails>,
    action: &'static str,
    position: Position,
) -> Result<AnyView, AppError> {
    let StepRequest {
        ctx,
        state,
        application,
        ..
    } = request;
    if !service::has_photo(&ctx.state, request.who).await? {
        return Ok(redirect_to(ctx, &service::photo_path(application, "smart")));
    }
    let lang = ctx.lang;
    let fallback = saved.cloned().unwrap_or_default();
    let centres = db::centres(&ctx.state.pool).await?;
    let text = |name: &'static str, value: &str| {
        let value = state.value_or(name, Some(value));
        view! { <TextInput id=name name=name label=lang.t(&format!("card-field-{name}")) value error=state.error(name)
        hint=Some(lang.t(&format!("card-field-{name}-hint"))) /> }
    };
    let place_of_birth = text("place_of_birth", &fallback.place_of_birth);
    let address = text("address", &fallback.address);
    let choice = |value: &str, label: String, hint: Option<String>| Choice {
        value: value.to_string(),
        label,
        hint,
    };
    let blood_groups = BLOOD_GROUPS
        .iter()
        .map(|group| choice(group, group.to_string(), None))
        .chain([choice("unknown", lang.t("card-blood-unknown"), None)])
        .collect();
    let counties = COUNTIES
        .iter()
        .map(|county| choice(county, county.to_string(), None))
        .collect();
    let centre_choices = centres
        .into_iter()
        .map(|centre| choice(&centre.code, centre.name, Some(centre.county)))
        .collect();
    // A saved answer without a blood group was "I do not know".
    let saved_blood = saved.map(|s| s.blood_group.as_deref().unwrap_or("unknown"));
    let blood = Some(state.value_or("blood_group", saved_blood));
    let county = Some(state.value_or("county", Some(&fallback.county)));
    let centre = Some(state.value_or("centre", Some(&fallback.centre)));
    let [blood_error, county_error, centre_error] = ["blood_group", "county", "centre"].map(|field| state.error(field));
    let id = application.id.as_str().to_string();
    Ok(view! {
        <StepFrame lang position title_key="card-title" errors=state.errors()>
            <p class="body">{lang.t("card-intro")}</p>
            <PostForm action>
                <Hidden name="id" value=id />
                {place_of_birth}
                <Radios name="blood_group" legend=lang.t("card-field-blood_group") hint=lang.t("card-field-blood_group-hint")
                    options=blood_groups selected=blood error=blood_error />
                <Select id="county" label=lang.t("card-field-county") placeholder=lang.t("card-field-county-choose")
                    options=counties selected=county error=county_error />
                {address}
                <Radios name="centre" legend=lang.t("card-field-centre") hint=lang.t("card-field-centre-hint")
                    options=centre_choices selected=centre error=centre_error />
                <Button text=lang.t("continue") />
            </PostForm>
        </StepFrame>
    }
    .into_any())
}

/// The card's answers, each with a change link to `step`.
pub async fn detail_rows(ctx: &Ctx, details: &SmartDetails, step: &'static str) -> Result<Vec<Answer>, AppError> {
    let lang = ctx.lang;
    let mut conn = ctx.state.pool.acquire().await?;
    let centre = db::centre_name(&mut conn, &details.centre).await?;
    let asked = |key: &str, value: String| Answer::asked(lang.t(key), value, step);
    let blood = details
        .blood_group
        .clone()
        .unwrap_or_else(|| lang.t("card-blood-unknown"));
    Ok(vec![
        asked("card-field-place_of_birth", details.place_of_birth.clone()),
        asked("card-field-blood_group", blood),
        asked("card-field-county", details.county.clone()),
        asked("card-field-address", details.address.clone()),
        asked("card-field-centre", centre),
    ])
}

/// A completed application's card: its classes, last day and collection centre.
pub async fn result(ctx: &Ctx, application: &Application) -> Result<AnyView, AppError> {
    let lang = ctx.lang;
    let mut conn = ctx.state.pool.acquire().await?;
    let Some(card) = db::issued_by(&mut conn, application.id.as_str()).await? else {
        return Ok(().into_any());
    };
    let centre = db::centre_name(&mut conn, &card.centre).await?;
    let until = calendar::parse_iso(&card.expires_on)
        .map(|d| calendar::long_date(lang, d))
        .unwrap_or_default();
    let rows = vec![
        SummaryRow::new(
            lang.t("records-licence-classes"),
            card.classes.split_whitespace().collect::<Vec<_>>().join(", "),
        ),
        SummaryRow::new(lang.t("records-licence-expires"), until),
        SummaryRow::new(lang.t("card-slip-centre"), centre),
    ];
    Ok(view! {
        <h2 class="heading-m">{lang.t("card-result-heading")}</h2>
        <SummaryList rows />
        <p class="body">{lang.t("card-result-next")}</p>
    }
    .into_any())
}
