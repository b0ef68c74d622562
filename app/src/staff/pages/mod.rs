//! Staff pages under `/staff`: the queue, an application to decide, the audit log. Anyone without the role (a
//! citizen, a visitor, a staff member whose role does not reach the page) gets the ordinary 404 page.

mod application;
mod audit;
mod history;
mod people;
mod queue;

pub use application::StaffApplicationPage;
pub use audit::AuditPage;
pub use people::PeoplePage;
pub use queue::QueuePage;

use leptos::prelude::*;

use super::{
    domain::{Permission, Staff},
    service,
};
use crate::{
    error::AppError,
    web::{
        context::Ctx,
        page::{load_form, page, FormState},
    },
};

/// Every staff action's flash is kept under this name.
pub const FORM: &str = "staff";

/// The signed-in staff member, if their role allows `permission`; anyone else is not found. A role is honoured only
/// in a session signed in as staff (with the second step, for 8 hours): a role given to a signed-in citizen
/// takes effect at their next sign-in.
pub async fn current(ctx: &Ctx, permission: Permission) -> Result<Staff, AppError> {
    let account = ctx
        .session
        .account_id
        .as_deref()
        .filter(|_| ctx.session.data.staff)
        .ok_or(AppError::NotFound)?;
    let staff = service::member(&ctx.state, account).await?.ok_or(AppError::NotFound)?;
    if !staff.may(permission) {
        return Err(AppError::NotFound);
    }
    Ok(staff)
}

/// A staff post: runs `act` for the signed-in staff member if their role allows `permission`, and ends on `back`
/// with `act`'s notice or errors (what was typed, `values`, comes back). Anyone else gets the 404 page, and
/// nothing is done.
pub async fn act_as<F, Fut>(permission: Permission, back: &str, values: &[(&str, &str)], act: F) -> Result<(), AppError>
where
    F: FnOnce(crate::state::AppState, String, Staff) -> Fut,
    Fut: std::future::Future<Output = Result<&'static str, AppError>>,
{
    let mut ctx = Ctx::load().await?;
    let result = match current(&ctx, permission).await {
        Ok(staff) => act(ctx.state.clone(), ctx.client.clone(), staff).await,
        Err(not_found) => Err(not_found),
    };
    let result = result.map(|notice| {
        ctx.notice(notice);
        back.to_string()
    });
    ctx.finish(result, FORM, back, values).await
}

/// What a staff page starts from.
pub struct StaffPage {
    pub ctx: Ctx,
    pub state: FormState,
    pub staff: Staff,
    pub notice: Option<String>,
}

/// A staff page: `body` gets the loaded page when the reader's role allows `permission`, else the 404 page.
pub fn staff_page<F, Fut>(permission: Permission, body: F) -> impl IntoView
where
    F: FnOnce(StaffPage) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<AnyView, AppError>> + Send + 'static,
{
    page(async move {
        let (mut ctx, state) = load_form(FORM).await?;
        let staff = current(&ctx, permission).await?;
        let notice = ctx.take_notice().await?;
        body(StaffPage {
            ctx,
            state,
            staff,
            notice,
        })
        .await
    })
}

/// The staff pages' own navigation.
#[component]
pub fn StaffNav(lang: crate::i18n::Lang, staff: Staff) -> impl IntoView {
    view! {
        <nav class="staff-nav" aria-label=lang.t("staff-nav-label")>
            <p class="hint">{lang.t_with("staff-signed-in-as", &[("name", staff.first_name.clone()), ("role", lang.t(&format!("staff-role-{}", staff.role.code())))])}</p>
            <ul class="list">
                {staff.may(Permission::See).then(|| view! { <li><a href=lang.href("staff")>{lang.t("staff-queue-title")}</a></li> })}
                {staff.may(Permission::Statistics).then(|| view! { <li><a href=lang.href("staff/statistics")>{lang.t("statistics-title")}</a></li> })}
                {(staff.may(Permission::Decide) && staff.serves("driving-test")).then(|| view! { <li><a href=lang.href("staff/tests")>{lang.t("test-day-title")}</a></li> })}
                {staff.may(Permission::Audit).then(|| view! { <li><a href=lang.href("staff/audit")>{lang.t("staff-audit-title")}</a></li> })}
                {staff.may(Permission::Support).then(|| view! { <li><a href=lang.href("staff/cases")>{lang.t("support-queue-title")}</a></li> })}
                {staff.may(Permission::Refund).then(|| view! {
                    <li><a href=lang.href("staff/refunds")>{lang.t("refunds-title")}</a></li>
                    <li><a href=lang.href("staff/money")>{lang.t("money-title")}</a></li>
                    <li><a href=lang.href("staff/reconciliation")>{lang.t("reconciliation-title")}</a></li>
                })}
                {staff.may(Permission::Administer).then(|| view! { <li><a href=lang.href("staff/people")>{lang.t("staff-people-title")}</a></li> })}
            </ul>
        </nav>
    }
}
