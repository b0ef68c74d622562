//! The renewal's pages on the shared wizard: the licence and the period (step 1), the smart licence's details
//! (only for the smart licence), and check your answers with the fee and the declaration.

use leptos::{prelude::*, server_fn::ServerFn};

use super::{
    api, db,
    domain::{Answers, Period},
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
    fees::db as fees,
    i18n::Lang,
    records::domain::Licence,
    ui::{Button, Choice, Radios, SummaryList, SummaryRow},
    web::{
        context::Ctx,
        guard::SignedIn,
        page::{redirect_to, PostForm},
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
        Next::Photo => crate::cards::service::photo_path(application, "smart"),
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
            crate::cards::pages::details_page(request, answers.smart.as_ref(), api::RenewalSmart::url(), position).await
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
                    hint: schedule.quoted(lang, period.fee_code(), "renewal-period-fee"),
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
        rows.extend(crate::cards::pages::detail_rows(ctx, smart, "smart").await?);
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
