//! The renewal's pages on the shared wizard: the licence and the period (step 1), the smart licence's details
//! (only for the smart licence), and check your answers with the fee and the declaration.

use leptos::{prelude::*, server_fn::ServerFn};

use super::{
    api, db,
    domain::{Answers, Period, BLOOD_GROUPS, COUNTIES},
    service::{self, Next, Refusal},
};
use crate::{
    applications::{
        domain::Application,
        pages::{position, Draft, Hidden, StepRequest, Wizard},
        plugin::Answer,
    },
    calendar,
    error::AppError,
    fees::{db as fees, domain::format_kes},
    i18n::Lang,
    records::domain::Licence,
    ui::{Button, Choice, Radios, Select, SummaryList, SummaryRow, TextInput},
    web::{
        context::Ctx,
        guard::SignedIn,
        page::{redirect_to, PostForm},
        routes::Page,
        wizard::{self, Position, StepFrame, Steps, CHECK},
    },
};

/// The renewal's wizard over its saved answers.
pub type Form = Draft<Answers>;

impl Steps for Form {
    fn base(&self) -> String {
        self.page()
    }

    fn steps(&self) -> Vec<&'static str> {
        if self.answers.period == Some(Period::Smart) {
            vec!["period", "smart", CHECK]
        } else {
            vec!["period", CHECK]
        }
    }

    fn answered(&self, step: &str) -> bool {
        match step {
            "period" => self.answers.period.is_some() && self.answers.holder.is_some(),
            "smart" => self.answers.smart.is_some(),
            _ => false,
        }
    }
}

/// The first unanswered step of a draft.
pub fn next_path(application: &Application) -> String {
    crate::applications::pages::next_path::<Form>(application)
}

/// The address a service outcome leads to: the next step, or the photo page and back to the smart licence step.
pub fn path_of(application: &Application, next: Next) -> String {
    match next {
        Next::Step => next_path(application),
        Next::Photo => Page::AccountPhoto {
            then: Some(Page::ApplicationStep(application.id.as_str().into(), "smart".into()).path()),
        }
        .path(),
    }
}

pub async fn step(request: StepRequest<'_>, step: &str) -> Result<AnyView, AppError> {
    let (ctx, application) = (request.ctx, request.application);
    let (form, position) = match position::<Form>(ctx, application, step) {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let answers = form.answers;
    match step {
        "period" => period_page(request, &answers, position).await,
        "smart" => {
            if crate::photo::service::info(&ctx.state, &request.who.id)
                .await?
                .is_none()
            {
                return Ok(redirect_to(ctx, &path_of(application, Next::Photo)));
            }
            smart_page(request, &answers, position).await
        }
        _ => check_page(request, &answers, position).await,
    }
}

/// The licence as the register has it.
fn licence_rows(lang: Lang, licence: &Licence) -> Vec<SummaryRow> {
    vec![
        SummaryRow::new(lang.t("records-licence-holder"), licence.holder_id_number.clone()),
        SummaryRow::new(lang.t("records-licence-classes"), licence.classes.join(", ")),
        SummaryRow::new(
            lang.t("records-licence-expires"),
            calendar::long_date(lang, licence.expires_on),
        ),
    ]
}

async fn period_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let StepRequest {
        ctx,
        state,
        who,
        application,
    } = request;
    let lang = ctx.lang;
    let licence = service::licence(&ctx.state, who).await?;
    let body = match licence {
        Err(Refusal::NoLicence) => view! {
            <p class="body">{lang.t_with("records-licences-none", &[("id", who.id_number.clone())])}</p>
            // Told to link TIMS: the link is here, not somewhere to find.
            <p class="body"><a href=lang.href("tims")>{lang.t("tims-link")}</a></p>
            <p class="body"><a href=lang.href("dashboard")>{lang.t("applications-back-to-dashboard")}</a></p>
        }
        .into_any(),
        Err(Refusal::UnpaidOffences { licence, amount }) => view! {
            <SummaryList rows=licence_rows(lang, &licence) />
            <div class="warning" role="alert">
                <p class="body"><strong>{lang.t_with("renewal-offences", &[("amount", amount.to_string())])}</strong></p>
                <p class="body">{lang.t("renewal-offences-what-to-do")}</p>
            </div>
            <p class="body"><a href=lang.href("dashboard")>{lang.t("applications-back-to-dashboard")}</a></p>
        }
        .into_any(),
        Ok(licence) => {
            let schedule = fees::schedule(&ctx.state.pool).await?;
            let options = Period::ALL
                .iter()
                .map(|period| Choice {
                    value: period.code().into(),
                    label: lang.t(&format!("renewal-period-{}", period.code())),
                    hint: schedule.quote(period.fee_code()).map(|quote| {
                        lang.t_with(
                            "renewal-period-fee",
                            &[
                                ("fee", format_kes(quote.fee_kes)),
                                ("access", format_kes(quote.access_fee_kes)),
                                ("total", format_kes(quote.total_kes)),
                            ],
                        )
                    }),
                })
                .collect();
            let selected = Some(state.value_or("period", answers.period.map(|p| p.code())));
            let (id, error) = (application.id.as_str().to_string(), state.error("period"));
            view! {
                <SummaryList rows=licence_rows(lang, &licence) />
                <PostForm action=api::RenewalPeriod::url()>
                    <Hidden name="id" value=id />
                    <Radios name="period" legend=lang.t("renewal-period-legend") options selected error />
                    <Button text=lang.t("continue") />
                </PostForm>
            }
            .into_any()
        }
    };
    Ok(view! {
        <StepFrame lang position title_key="renewal-period-title" errors=state.errors() outside="dashboard">
            {body}
        </StepFrame>
    }
    .into_any())
}

async fn smart_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let StepRequest {
        ctx,
        state,
        application,
        ..
    } = request;
    let lang = ctx.lang;
    let saved = answers.smart.clone().unwrap_or_default();
    let centres = db::centres(&ctx.state.pool).await?;
    let text = |name: &'static str, value: &str| {
        let value = state.value_or(name, Some(value));
        view! { <TextInput id=name name=name label=lang.t(&format!("renewal-field-{name}")) value error=state.error(name)
        hint=Some(lang.t(&format!("renewal-field-{name}-hint"))) /> }
    };
    let place_of_birth = text("place_of_birth", &saved.place_of_birth);
    let address = text("address", &saved.address);
    let blood_groups = BLOOD_GROUPS
        .iter()
        .map(|group| Choice {
            value: group.to_string(),
            label: group.to_string(),
            hint: None,
        })
        .chain([Choice {
            value: "unknown".into(),
            label: lang.t("renewal-blood-unknown"),
            hint: None,
        }])
        .collect();
    let counties = COUNTIES
        .iter()
        .map(|county| Choice {
            value: county.to_string(),
            label: county.to_string(),
            hint: None,
        })
        .collect();
    let centre_choices = centres
        .into_iter()
        .map(|centre| Choice {
            value: centre.code,
            label: centre.name,
            hint: Some(centre.county),
        })
        .collect();
    // A saved answer without a blood group was "I do not know".
    let saved_blood = answers
        .smart
        .as_ref()
        .map(|s| s.blood_group.as_deref().unwrap_or("unknown"));
    let blood = Some(state.value_or("blood_group", saved_blood));
    let county = Some(state.value_or("county", Some(&saved.county)));
    let centre = Some(state.value_or("centre", Some(&saved.centre)));
    let errors = ["blood_group", "county", "centre"].map(|field| state.error(field));
    let [blood_error, county_error, centre_error] = errors;
    let id = application.id.as_str().to_string();
    Ok(view! {
        <StepFrame lang position title_key="renewal-smart-title" errors=state.errors()>
            <p class="body">{lang.t("renewal-smart-intro")}</p>
            <PostForm action=api::RenewalSmart::url()>
                <Hidden name="id" value=id />
                {place_of_birth}
                <Radios name="blood_group" legend=lang.t("renewal-field-blood_group") hint=lang.t("renewal-field-blood_group-hint")
                    options=blood_groups selected=blood error=blood_error />
                <Select id="county" label=lang.t("renewal-field-county") placeholder=lang.t("renewal-field-county-choose")
                    options=counties selected=county error=county_error />
                {address}
                <Radios name="centre" legend=lang.t("renewal-field-centre") hint=lang.t("renewal-field-centre-hint")
                    options=centre_choices selected=centre error=centre_error />
                <Button text=lang.t("continue") />
            </PostForm>
        </StepFrame>
    }
    .into_any())
}

async fn check_page(request: StepRequest<'_>, answers: &Answers, position: Position) -> Result<AnyView, AppError> {
    let StepRequest {
        ctx,
        state,
        who,
        application,
    } = request;
    let form = Form::of(application);
    // The offences or the licence changed since step 1: step 1 says why.
    let (Ok(_), Some(period)) = (service::licence(&ctx.state, who).await?, answers.period) else {
        return Ok(redirect_to(ctx, &wizard::path(&form, "period")));
    };
    let rows = summary(ctx, who, application).await?;
    crate::applications::pages::check_page(
        ctx,
        &state,
        application,
        position,
        rows,
        ctx.lang.t("renewal-check-new-expiry-hint"),
        period.fee_code(),
    )
    .await
}

/// The licence as the register has it, the period and the smart licence's details, and the new expiry.
pub async fn summary(ctx: &Ctx, who: &SignedIn, application: &Application) -> Result<Vec<Answer>, AppError> {
    let lang = ctx.lang;
    let answers: Answers = crate::applications::service::answers(application);
    let licence = service::licence(&ctx.state, who).await?.ok();
    let mut rows: Vec<Answer> = licence
        .iter()
        .flat_map(|licence| licence_rows(lang, licence))
        .map(|row| Answer::found(row.key, row.value))
        .collect();
    let asked = |key: &str, value: String, step| Answer::asked(lang.t(key), value, step);
    if let Some(period) = answers.period {
        rows.push(asked(
            "renewal-check-period",
            lang.t(&format!("renewal-period-{}", period.code())),
            "period",
        ));
    }
    if let Some(smart) = &answers.smart {
        rows.push(asked(
            "renewal-field-place_of_birth",
            smart.place_of_birth.clone(),
            "smart",
        ));
        rows.push(asked(
            "renewal-field-blood_group",
            smart
                .blood_group
                .clone()
                .unwrap_or_else(|| lang.t("renewal-blood-unknown")),
            "smart",
        ));
        rows.push(asked("renewal-field-county", smart.county.clone(), "smart"));
        rows.push(asked("renewal-field-address", smart.address.clone(), "smart"));
        let centre = db::centres(&ctx.state.pool)
            .await?
            .into_iter()
            .find(|c| c.code == smart.centre)
            .map_or_else(|| smart.centre.clone(), |c| c.name);
        rows.push(asked("renewal-field-centre", centre, "smart"));
    }
    let today = ctx.state.clock.today();
    let new = licence
        .zip(answers.period)
        .and_then(|(licence, period)| super::domain::new_expiry(licence.expires_on, today, period.years()));
    if let Some(new) = new {
        rows.push(Answer::found(
            lang.t("renewal-check-new-expiry"),
            calendar::long_date(lang, new),
        ));
    }
    Ok(rows)
}

/// A completed renewal's result: the licence's new expiry.
pub async fn result(ctx: &Ctx, application: &Application) -> Result<AnyView, AppError> {
    let lang = ctx.lang;
    let Some(slip) = db::slip(&ctx.state.pool, application.id.as_str()).await? else {
        return Ok(().into_any());
    };
    let date = |text: &str| {
        calendar::parse_iso(text)
            .map(|d| calendar::long_date(lang, d))
            .unwrap_or_default()
    };
    let rows = vec![
        SummaryRow::new(lang.t("renewal-result-old"), date(&slip.old_expires_on)),
        SummaryRow::new(lang.t("renewal-result-new"), date(&slip.new_expires_on)),
    ];
    let note = if slip.smart == 1 {
        "renewal-result-smart"
    } else {
        "renewal-result-slip"
    };
    Ok(view! {
        <h2 class="heading-m">{lang.t("renewal-result-heading")}</h2>
        <SummaryList rows />
        <p class="body">{lang.t(note)}</p>
    }
    .into_any())
}
