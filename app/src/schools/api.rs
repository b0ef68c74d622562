//! Driving school records' server functions, plain form posts: enrol a learner, mark a course complete. Each checks
//! that the person acts for the school named (else the 404 page); everything typed comes back beside its error.

use leptos::prelude::*;

use crate::error::AppError;

/// Enrols a learner (`schools/enrol`).
#[server(endpoint = "schools/enrol")]
#[tracing::instrument(skip_all)]
pub async fn schools_enrol(#[server(flatten)] form: super::domain::EnrolForm) -> Result<(), AppError> {
    use super::service;
    use crate::web::{context::Ctx, guard, routes::Page};
    let mut ctx = Ctx::load().await?;
    let back = Page::School(form.school.clone()).path();
    let values = [
        ("id_number", form.id_number.as_str()),
        ("first_name", form.first_name.as_str()),
        ("class", form.class.as_str()),
        ("started-day", form.started_day.as_str()),
        ("started-month", form.started_month.as_str()),
        ("started-year", form.started_year.as_str()),
    ];
    let result = match guard::signed_in(&ctx).await? {
        Err(page) => Ok(page.path()),
        Ok(who) => match service::school(&ctx.state, &who, &form.school).await {
            Ok(school) => service::enrol(&ctx.state, &who, &school, &form)
                .await
                .map(|id| Page::SchoolStudent(school.kra_pin, id).path()),
            Err(error) => Err(error),
        },
    };
    if result.is_ok() {
        ctx.notice("schools-notice-enrolled");
    }
    ctx.finish(result, super::FORM, &back, &values).await
}

/// Marks a student's course complete today (`schools/complete`).
#[server(endpoint = "schools/complete")]
#[tracing::instrument(skip_all)]
pub async fn schools_complete(school: Option<String>, student: Option<String>) -> Result<(), AppError> {
    use super::service;
    use crate::web::{context::Ctx, guard, routes::Page};
    let mut ctx = Ctx::load().await?;
    let (school, student) = (school.unwrap_or_default(), student.unwrap_or_default());
    let page = Page::SchoolStudent(school.clone(), student.clone()).path();
    let result = match guard::signed_in(&ctx).await? {
        Err(sign_in) => Ok(sign_in.path()),
        Ok(who) => match service::school(&ctx.state, &who, &school).await {
            Ok(found) => service::complete(&ctx.state, &who, &found, &student)
                .await
                .map(|()| page.clone()),
            Err(error) => Err(error),
        },
    };
    if result.is_ok() {
        ctx.notice("schools-notice-completed");
    }
    ctx.finish(result, super::FORM, &page, &[]).await
}
