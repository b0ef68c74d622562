//! `/staff/people`: the administrator's page of who holds a role, and the form that gives or changes one (the
//! page twin of `uraia staff add`).

use leptos::{prelude::*, server_fn::ServerFn};

use super::{staff_page, StaffNav, StaffPage};
use crate::{
    staff::{
        api,
        domain::{Permission, Role},
        service,
    },
    ui::{Button, Choice, Radios, TextInput},
    web::page::{Notice, PageHead, PostForm},
};

#[component]
pub fn PeoplePage() -> impl IntoView {
    staff_page(Permission::Administer, move |page| async move {
        let StaffPage {
            ctx,
            state,
            staff,
            notice,
        } = page;
        let lang = ctx.lang;
        let members = service::members(&ctx.state).await?;
        let rows = members
            .into_iter()
            .map(|m| {
                let role = lang.t(&format!("staff-role-{}", m.role));
                let services = if m.services.is_empty() {
                    lang.t("staff-filter-all")
                } else {
                    m.services
                };
                view! {
                    <tr>
                        <th scope="row" class="table__cell">{m.email}</th>
                        <td class="table__cell">{m.first_name}</td>
                        <td class="table__cell">{role}</td>
                        <td class="table__cell">{m.centre.unwrap_or_default()}</td>
                        <td class="table__cell">{services}</td>
                    </tr>
                }
            })
            .collect_view();
        let roles = Role::ALL
            .into_iter()
            .map(|role| Choice {
                value: role.code().to_string(),
                label: lang.t(&format!("staff-role-{}", role.code())),
                hint: None,
            })
            .collect();
        let selected = Some(state.value("role")).filter(|r| !r.is_empty());
        let title = lang.t("staff-people-title");
        Ok(view! {
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <StaffNav lang staff=staff.clone() />
            <table class="table">
                <caption class="table__caption">{lang.t("staff-people-caption")}</caption>
                <thead><tr>
                    <th scope="col" class="table__cell">{lang.t("staff-people-email")}</th>
                    <th scope="col" class="table__cell">{lang.t("staff-applicant")}</th>
                    <th scope="col" class="table__cell">{lang.t("staff-people-role")}</th>
                    <th scope="col" class="table__cell">{lang.t("staff-people-centre")}</th>
                    <th scope="col" class="table__cell">{lang.t("staff-people-services")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <h2 class="heading-m">{lang.t("staff-people-give")}</h2>
            <PostForm action=api::StaffGrant::url()>
                <TextInput id="email" name="email" label=lang.t("staff-people-email") value=state.value("email")
                    hint=Some(lang.t("staff-people-email-hint")) error=state.error("email") input_type="email" />
                <Radios name="role" legend=lang.t("staff-people-role") options=roles selected error=state.error("role") />
                <TextInput id="services" name="services" label=lang.t("staff-people-services") value=state.value("services")
                    hint=Some(lang.t("staff-people-services-hint")) error=state.error("services") />
                <TextInput id="centre" name="centre" label=lang.t("staff-people-centre") value=state.value("centre")
                    hint=Some(lang.t("staff-people-centre-hint")) error=None />
                <Button text=lang.t("staff-people-submit") />
            </PostForm>
        }
        .into_any())
    })
}
