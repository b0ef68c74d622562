//! An organisation's pages: `/organisations/{pin}` (its people with "remove", the invitations waiting with
//! "withdraw", "add a person", and the applications made for it, each with the person who acted) for its people
//! only; `/organisations/{pin}/join` (accept with a code, or decline) for the person invited only; and the
//! dashboard's list of one's organisations and invitations. Plain forms: no JavaScript needed.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    api,
    db::{InvitationRow, OrganisationRow, PersonRow},
    service::{self, Overview},
    FORM,
};
use crate::{
    applications::{
        domain::Application,
        pages::{status_tag, Hidden},
    },
    calendar,
    i18n::Lang,
    ids::mask_phone,
    state::AppState,
    ui::{Button, SummaryList, SummaryRow, TextInput},
    web::{
        context::Ctx,
        guard::SignedIn,
        page::{signed_in_page, BlockView, FormState, Notice, PageHead, PostForm, SignedInPage},
    },
};

/// A form-wide refusal (the last person, someone gone meanwhile) beside the part of the page it is about; the
/// error summary links to it by `id`.
fn refusal(lang: Lang, id: &'static str, error: Option<String>) -> impl IntoView {
    error.map(|error| {
        view! {
            <p class="error-message" id=id>
                <span class="visually-hidden">{lang.t("error-prefix")}" "</span>{error}
            </p>
        }
    })
}

fn head(lang: Lang, keys: &[&str]) -> Vec<AnyView> {
    keys.iter()
        .map(|key| view! { <th scope="col" class="table__cell">{lang.t(key)}</th> }.into_any())
        .collect()
}

#[component]
pub fn OrganisationPage() -> impl IntoView {
    let pin = use_params_map().with_untracked(|p| p.get("pin")).unwrap_or_default();
    signed_in_page(FORM, move |page| async move {
        let SignedInPage {
            ctx,
            state,
            who,
            notice,
        } = page;
        let lang = ctx.lang;
        let organisation = service::organisation(&ctx.state, &who, &pin).await?;
        let overview = service::overview(&ctx.state, &organisation).await?;
        let title = organisation.name.clone();
        let Overview {
            people,
            invitations,
            applications,
        } = overview;
        Ok(view! {
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <span class="caption">{lang.t(&format!("organisations-kind-{}", organisation.kind))}</span>
            <h1 class="heading-l">{title}</h1>
            <p class="body">{lang.t_with("organisations-pin", &[("pin", organisation.kra_pin.clone())])}</p>
            {people_table(lang, &organisation, &who, people, &state)}
            {invitations_table(lang, &organisation, invitations, &state)}
            {invite_form(lang, &organisation, &state)}
            {applications_table(lang, &ctx.state, applications)}
        }
        .into_any())
    })
}

fn people_table(
    lang: Lang,
    organisation: &OrganisationRow,
    who: &SignedIn,
    people: Vec<PersonRow>,
    state: &FormState,
) -> AnyView {
    let last = people.len() <= 1;
    let rows = people
        .into_iter()
        .map(|person| {
            let you = person.account_id == who.id.as_str();
            let name = if you {
                lang.t_with("organisations-you", &[("name", person.name.clone())])
            } else {
                person.name.clone()
            };
            let added = person.added_by.clone().map_or_else(
                || lang.t("organisations-added-director"),
                |by| lang.t_with("organisations-added-by", &[("name", by)]),
            );
            // The last person has no "remove": the organisation would have no one to act for it.
            let remove = (!last).then(|| {
                let label = if you {
                    "organisations-leave"
                } else {
                    "organisations-remove"
                };
                view! {
                    <form method="post" action=api::OrganisationsRemove::url() class="table__form">
                        <input type="hidden" name="organisation" value=organisation.kra_pin.clone() />
                        <input type="hidden" name="account" value=person.account_id.clone() />
                        <button type="submit" class="link-button">
                            {lang.t(label)}<span class="visually-hidden">" "{person.name.clone()}</span>
                        </button>
                    </form>
                }
            });
            view! {
                <tr>
                    <th scope="row" class="table__cell">{name}</th>
                    <td class="table__cell">{person.id_number}</td>
                    <td class="table__cell">{person.role}</td>
                    <td class="table__cell">{calendar::day_of(lang, person.linked_at)}" "{added}</td>
                    <td class="table__cell">{remove}</td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        "organisations-column-name",
        "organisations-column-id",
        "organisations-column-role",
        "organisations-column-since",
        "organisations-column-action",
    ];
    view! {
        <h2 class="heading-m">{lang.t("organisations-people-heading")}</h2>
        {refusal(lang, "people", state.error("people"))}
        <table class="table">
            <caption class="table__caption">{lang.t("organisations-people-heading")}</caption>
            <thead><tr>{head(lang, &columns)}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
        {last.then(|| view! { <p class="body">{lang.t("organisations-last-hint")}</p> })}
    }
    .into_any()
}

fn invitations_table(
    lang: Lang,
    organisation: &OrganisationRow,
    invitations: Vec<InvitationRow>,
    state: &FormState,
) -> Option<AnyView> {
    let error = state.error("invitations");
    if invitations.is_empty() && error.is_none() {
        return None;
    }
    let rows = invitations
        .into_iter()
        .map(|invitation| {
            view! {
                <tr>
                    <th scope="row" class="table__cell">{invitation.name.clone()}</th>
                    <td class="table__cell">{invitation.id_number.clone()}</td>
                    <td class="table__cell">{invitation.role}</td>
                    <td class="table__cell">{calendar::moment(lang, invitation.expires_at)}</td>
                    <td class="table__cell">
                        <form method="post" action=api::OrganisationsWithdraw::url() class="table__form">
                            <input type="hidden" name="organisation" value=organisation.kra_pin.clone() />
                            <input type="hidden" name="id_number" value=invitation.id_number />
                            <button type="submit" class="link-button">
                                {lang.t("organisations-withdraw")}<span class="visually-hidden">" "{invitation.name}</span>
                            </button>
                        </form>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        "organisations-column-name",
        "organisations-column-id",
        "organisations-column-role",
        "organisations-column-until",
        "organisations-column-action",
    ];
    Some(
        view! {
            <h2 class="heading-m">{lang.t("organisations-invitations-heading")}</h2>
            {refusal(lang, "invitations", error)}
            <table class="table">
                <caption class="table__caption">{lang.t("organisations-invitations-heading")}</caption>
                <thead><tr>{head(lang, &columns)}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any(),
    )
}

fn invite_form(lang: Lang, organisation: &OrganisationRow, state: &FormState) -> AnyView {
    let [id_error, first_error, role_error] = ["id_number", "first_name", "role"].map(|field| state.error(field));
    let [id_number, first_name, role] = ["id_number", "first_name", "role"].map(|field| state.value(field));
    let pin = organisation.kra_pin.clone();
    view! {
        <h2 class="heading-m">{lang.t("organisations-invite-heading")}</h2>
        <p class="body">{lang.t("organisations-invite-intro")}</p>
        <PostForm action=api::OrganisationsInvite::url()>
            <Hidden name="organisation" value=pin />
            <TextInput id="id_number" name="id_number" label=lang.t("organisations-field-id")
                value=id_number error=id_error autocomplete="off" inputmode="numeric" />
            <TextInput id="first_name" name="first_name" label=lang.t("organisations-field-first-name")
                hint=Some(lang.t("organisations-field-first-name-hint")) value=first_name
                error=first_error autocomplete="off" />
            <TextInput id="role" name="role" label=lang.t("organisations-field-role")
                hint=Some(lang.t("organisations-field-role-hint")) value=role error=role_error />
            <Button text=lang.t("organisations-invite-button") />
        </PostForm>
    }
    .into_any()
}

fn applications_table(lang: Lang, state: &AppState, applications: Vec<(Application, String)>) -> AnyView {
    let heading = lang.t("organisations-applications-heading");
    if applications.is_empty() {
        return view! {
            <h2 class="heading-m">{heading}</h2>
            <p class="body">{lang.t("organisations-applications-none")}</p>
        }
        .into_any();
    }
    let rows = applications
        .into_iter()
        .map(|(application, person)| {
            let reference = application
                .reference
                .as_ref()
                .map_or_else(|| lang.t("applications-no-reference"), |r| r.to_string());
            view! {
                <tr>
                    <th scope="row" class="table__cell">{reference}</th>
                    <td class="table__cell">{lang.t(&format!("catalogue-{}-title", application.service))}</td>
                    <td class="table__cell">{status_tag(lang, &state.services, &application)}</td>
                    <td class="table__cell">{person}</td>
                    <td class="table__cell">{calendar::day_of(lang, application.updated_at)}</td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        "applications-reference",
        "organisations-column-service",
        "organisations-column-status",
        "organisations-column-person",
        "organisations-column-updated",
    ];
    view! {
        <h2 class="heading-m">{heading.clone()}</h2>
        <p class="body">{lang.t("organisations-applications-intro")}</p>
        <table class="table">
            <caption class="table__caption">{heading}</caption>
            <thead><tr>{head(lang, &columns)}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// `/organisations/{pin}/join`: the invitation, "send me the code" (or, once sent, the code), and "decline".
#[component]
pub fn OrganisationJoinPage() -> impl IntoView {
    let pin = use_params_map().with_untracked(|p| p.get("pin")).unwrap_or_default();
    let sent = use_query_map().with_untracked(|q| q.get("code").is_some());
    signed_in_page(FORM, move |page| async move {
        let SignedInPage {
            ctx,
            state,
            who,
            notice,
        } = page;
        let lang = ctx.lang;
        let invitation = service::invitation_to(&ctx.state, &who, &pin).await?;
        let title = lang.t_with(
            "organisations-join-title",
            &[("organisation", invitation.organisation.clone())],
        );
        let rows = vec![
            SummaryRow::new(
                lang.t("organisations-join-organisation"),
                invitation.organisation.clone(),
            ),
            SummaryRow::new(lang.t("organisations-column-role"), invitation.role.clone()),
            SummaryRow::new(lang.t("organisations-join-by"), invitation.invited_by.clone()),
            SummaryRow::new(
                lang.t("organisations-column-until"),
                calendar::moment(lang, invitation.expires_at),
            ),
        ];
        let phone = mask_phone(who.phone.as_str());
        let pin = invitation.kra_pin.clone();
        let (again, decline) = (pin.clone(), pin.clone());
        let (code_error, decline_error) = (state.error("code"), state.error("decline"));
        let code = if sent || code_error.is_some() {
            view! {
                <p class="body">{lang.t_with("organisations-code-sent", &[
                    ("phone", phone),
                    ("minutes", (crate::web::challenges::CODE_SECONDS / 60).to_string()),
                ])}</p>
                <PostForm action=api::OrganisationsAccept::url()>
                    <Hidden name="organisation" value=pin />
                    <TextInput id="code" name="code" label=lang.t("accounts-field-code") inputmode="numeric"
                        autocomplete="one-time-code" error=code_error />
                    <Button text=lang.t("organisations-accept-confirm") />
                </PostForm>
                <PostForm action=api::OrganisationsCode::url()>
                    <Hidden name="organisation" value=again />
                    <Button text=lang.t("organisations-code-again") secondary=true />
                </PostForm>
            }
            .into_any()
        } else {
            view! {
                <p class="body">{lang.t_with("organisations-accept-intro", &[("phone", phone)])}</p>
                <PostForm action=api::OrganisationsCode::url()>
                    <Hidden name="organisation" value=pin />
                    <Button text=lang.t("organisations-accept") />
                </PostForm>
            }
            .into_any()
        };
        Ok(view! {
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <h1 class="heading-l">{title}</h1>
            <p class="body">{lang.t_with("organisations-join-intro", &[
                ("organisation", invitation.organisation.clone()),
                ("inviter", invitation.invited_by.clone()),
            ])}</p>
            <SummaryList rows />
            {code}
            <h2 class="heading-m">{lang.t("organisations-decline-heading")}</h2>
            {refusal(lang, "decline", decline_error)}
            <PostForm action=api::OrganisationsDecline::url()>
                <Hidden name="organisation" value=decline />
                <Button text=lang.t("organisations-decline") secondary=true />
            </PostForm>
        }
        .into_any())
    })
}

/// The dashboard's "Organisations": those the person acts for, and invitations waiting for them; nothing for
/// someone with neither (a `web::page::Block`).
pub fn dashboard_block<'a>(ctx: &'a Ctx, who: &'a SignedIn) -> BlockView<'a> {
    Box::pin(async move {
        let lang = ctx.lang;
        let (organisations, invitations) = tokio::try_join!(
            crate::accounts::db::organisations_of(&ctx.state.pool, who.id.as_str()),
            service::invitations_to(&ctx.state, who),
        )?;
        if organisations.is_empty() && invitations.is_empty() {
            return Ok(().into_any());
        }
        let acts = organisations
            .into_iter()
            .map(|o| {
                let href = lang.href(&format!("organisations/{}", o.kra_pin));
                view! { <li><a href=href>{format!("{} ({})", o.name, o.kra_pin)}</a>" – "{o.role}</li> }
            })
            .collect_view();
        let invited = invitations
            .into_iter()
            .map(|i| {
                let href = lang.href(&format!("organisations/{}/join", i.kra_pin));
                let text = lang.t_with(
                    "organisations-dashboard-invited",
                    &[("organisation", i.organisation), ("inviter", i.invited_by)],
                );
                view! { <li><a href=href>{text}</a></li> }
            })
            .collect_view();
        Ok(view! {
            <h2 class="heading-m">{lang.t("accounts-dashboard-organisations")}</h2>
            <ul class="list">{acts}{invited}</ul>
        }
        .into_any())
    })
}
