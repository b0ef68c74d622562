//! Driving school records' pages: `/schools` (the schools a person acts for), `/schools/{pin}` (its students in
//! pages of 50 with a search, and the enrolment form), `/schools/{pin}/students/{id}` (a student, and "mark the
//! course complete"); and the learner's own courses on the dashboard. Plain forms: no JavaScript needed.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    api,
    domain::{search_words, Standing},
    service::{self, Course, Listing, School, Student},
    FORM,
};
use crate::{
    applications::pages::Hidden,
    calendar,
    i18n::Lang,
    records::classes::LicenceClass,
    ui::{Button, Choice, DateInput, DateValue, Select, SummaryList, SummaryRow, Table, TextInput},
    web::{
        context::Ctx,
        guard::SignedIn,
        page::{signed_in_page, BlockView, FormState, Notice, PageHead, PostForm, SignedInPage},
    },
};

/// A course's standing in words.
fn standing_text(lang: Lang, standing: Standing) -> String {
    match standing {
        Standing::Complete(day) => {
            lang.t_with("schools-standing-complete", &[("date", calendar::long_date(lang, day))])
        }
        other => lang.t(&format!("schools-standing-{}", other.code())),
    }
}

#[component]
pub fn SchoolsPage() -> impl IntoView {
    signed_in_page(FORM, move |page| async move {
        let SignedInPage { ctx, who, .. } = page;
        let lang = ctx.lang;
        let title = lang.t("schools-title");
        let schools = service::schools(&ctx.state, &who).await?;
        let body = if schools.is_empty() {
            view! { <p class="body">{lang.t("schools-none")}</p> }.into_any()
        } else {
            let items = schools
                .into_iter()
                .map(|school| view! { <li><a href=lang.href(&format!("schools/{}", school.kra_pin))>{school.name}</a></li> })
                .collect_view();
            view! { <ul class="list">{items}</ul> }.into_any()
        };
        Ok(view! {
            <PageHead title=title.clone() lang errors=vec![] />
            <h1 class="heading-l">{title}</h1>
            {body}
        }
        .into_any())
    })
}

#[component]
pub fn SchoolPage() -> impl IntoView {
    let pin = use_params_map().with_untracked(|p| p.get("pin")).unwrap_or_default();
    let (typed, number) = use_query_map().with_untracked(|q| (q.get("q").unwrap_or_default(), q.get("page")));
    signed_in_page(FORM, move |page| async move {
        let SignedInPage {
            ctx,
            state,
            who,
            notice,
        } = page;
        let lang = ctx.lang;
        let school = service::school(&ctx.state, &who, &pin).await?;
        let search = search_words(&typed);
        let number = number.and_then(|n| n.parse().ok()).unwrap_or(0_i64);
        let listing = service::list(&ctx.state, &school, search.as_deref(), number).await?;
        let title = school.name.clone();
        Ok(view! {
            <Notice lang notice />
            <PageHead title=title.clone() lang errors=state.errors() />
            <span class="caption">{lang.t("schools-caption")}</span>
            <h1 class="heading-l">{title}</h1>
            <h2 class="heading-m">{lang.t("schools-students-heading")}</h2>
            <form method="get" action=lang.href(&format!("schools/{}", school.kra_pin)) class="form" role="search">
                <TextInput id="q" name="q" label=lang.t("schools-search") hint=Some(lang.t("schools-search-hint"))
                    value=typed.clone() autocomplete="off" />
                <button type="submit" class="button button--secondary">{lang.t("schools-search-button")}</button>
            </form>
            {students(lang, &school, &listing, &typed)}
            {enrol_form(lang, &school, &state)}
        }
        .into_any())
    })
}

/// The list, with its count and the links to the pages before and after.
fn students(lang: Lang, school: &School, listing: &Listing, typed: &str) -> AnyView {
    if listing.students.is_empty() {
        return view! { <p class="body">{lang.t("schools-students-none")}</p> }.into_any();
    }
    let base = format!("schools/{}", school.kra_pin);
    let rows = listing
        .students
        .iter()
        .map(|student| {
            let href = lang.href(&format!("{base}/students/{}", student.id));
            view! {
                <tr>
                    <th scope="row" class="table__cell"><a href=href>{student.name.clone()}</a></th>
                    <td class="table__cell">{student.id_number.clone()}</td>
                    <td class="table__cell">{student.class.clone()}</td>
                    <td class="table__cell">{calendar::long_date(lang, student.started_on)}</td>
                    <td class="table__cell">{standing_text(lang, student.standing)}</td>
                </tr>
            }
        })
        .collect_view();
    let query = serde_urlencoded::to_string([("q", typed)]).unwrap_or_default();
    let link = move |page: i64| lang.href(&format!("{base}?{query}&page={page}"));
    let number = listing.page;
    let previous = (number > 0).then(|| view! { <a href=link(number - 1)>{lang.t("schools-page-previous")}</a>" " });
    let next =
        (number + 1 < listing.pages).then(|| view! { <a href=link(number + 1)>{lang.t("schools-page-next")}</a> });
    let head = [
        "schools-column-name",
        "schools-column-id",
        "schools-column-class",
        "schools-column-started",
        "schools-column-standing",
    ]
    .map(|key| view! { <th scope="col" class="table__cell">{lang.t(key)}</th> })
    .to_vec();
    view! {
        <p class="body">{lang.t_with("schools-students-count", &[
            ("count", listing.total.to_string()),
            ("page", (number + 1).to_string()),
            ("pages", listing.pages.to_string()),
        ])}</p>
        <table class="table">
            <caption class="table__caption">{lang.t("schools-students-heading")}</caption>
            <thead><tr>{head}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <p class="body">{previous}{next}</p>
    }
    .into_any()
}

fn enrol_form(lang: Lang, school: &School, state: &FormState) -> AnyView {
    let classes = LicenceClass::ALL
        .into_iter()
        .map(|class| Choice {
            value: class.code().into(),
            label: lang.t(&format!("provisional-class-{}", class.code())),
            hint: None,
        })
        .collect();
    let started = DateValue {
        day: state.value("started-day"),
        month: state.value("started-month"),
        year: state.value("started-year"),
    };
    let selected = Some(state.value("class")).filter(|c| !c.is_empty());
    let (pin, id_number, first_name) = (
        school.kra_pin.clone(),
        state.value("id_number"),
        state.value("first_name"),
    );
    let errors = ["id_number", "first_name", "class", "started"].map(|field| state.error(field));
    let [id_error, first_error, class_error, started_error] = errors;
    view! {
        <h2 class="heading-m">{lang.t("schools-enrol-heading")}</h2>
        <p class="body">{lang.t("schools-enrol-intro")}</p>
        <PostForm action=api::SchoolsEnrol::url()>
            <Hidden name="school" value=pin />
            <TextInput id="id_number" name="id_number" label=lang.t("schools-field-id") value=id_number
                error=id_error autocomplete="off" />
            <TextInput id="first_name" name="first_name" label=lang.t("schools-field-first-name")
                hint=Some(lang.t("schools-field-first-name-hint")) value=first_name
                error=first_error autocomplete="off" />
            <Select id="class" label=lang.t("schools-field-class") placeholder=lang.t("schools-field-class-choose")
                options=classes selected error=class_error />
            <DateInput id="started" legend=lang.t("schools-field-started") hint=lang.t("schools-field-started-hint")
                error=started_error value=started />
            <Button text=lang.t("schools-enrol-button") />
        </PostForm>
    }
    .into_any()
}

#[component]
pub fn SchoolStudentPage() -> impl IntoView {
    let (pin, id) =
        use_params_map().with_untracked(|p| (p.get("pin").unwrap_or_default(), p.get("id").unwrap_or_default()));
    signed_in_page(FORM, move |page| async move {
        let SignedInPage {
            ctx,
            state,
            who,
            notice,
        } = page;
        let lang = ctx.lang;
        let school = service::school(&ctx.state, &who, &pin).await?;
        let student = service::one(&ctx.state, &school, &id).await?;
        Ok(student_page(lang, &school, student, &state, notice))
    })
}

fn student_page(lang: Lang, school: &School, student: Student, state: &FormState, notice: Option<String>) -> AnyView {
    let rows = vec![
        SummaryRow::new(lang.t("schools-column-id"), student.id_number.clone()),
        SummaryRow::new(lang.t("schools-column-class"), student.class.clone()),
        SummaryRow::new(
            lang.t("schools-column-started"),
            calendar::long_date(lang, student.started_on),
        ),
        SummaryRow::new(lang.t("schools-column-standing"), standing_text(lang, student.standing)),
    ];
    let (pin, id) = (school.kra_pin.clone(), student.id.clone());
    let complete = (!matches!(student.standing, Standing::Complete(_))).then(|| {
        view! {
            <PostForm action=api::SchoolsComplete::url()>
                <Hidden name="school" value=pin />
                <Hidden name="student" value=id />
                <p class="body">{lang.t("schools-complete-intro")}</p>
                <Button text=lang.t("schools-complete-button") />
            </PostForm>
        }
    });
    let title = student.name.clone();
    view! {
        <Notice lang notice />
        <PageHead title=title.clone() lang errors=state.errors() />
        <span class="caption">{school.name.clone()}</span>
        <h1 class="heading-l">{title}</h1>
        <SummaryList rows />
        {complete}
        <p class="body"><a href=lang.href(&format!("schools/{}", school.kra_pin))>{lang.t("schools-back")}</a></p>
    }
    .into_any()
}

/// The dashboard's "My driving course": the learner's school, class and where the course stands; nothing for
/// someone who has none (a `web::page::Block`).
pub fn dashboard_block<'a>(ctx: &'a Ctx, who: &'a SignedIn) -> BlockView<'a> {
    Box::pin(async move {
        let lang = ctx.lang;
        let (courses, schools) =
            tokio::try_join!(service::courses(&ctx.state, who), service::schools(&ctx.state, who))?;
        // A school's people find their students from here.
        let links = (!schools.is_empty()).then(|| {
            let items = schools
                .into_iter()
                .map(|school| {
                    let href = lang.href(&format!("schools/{}", school.kra_pin));
                    view! { <li><a href=href>{lang.t_with("schools-link", &[("school", school.name)])}</a></li> }
                })
                .collect_view();
            view! { <ul class="list">{items}</ul> }
        });
        if courses.is_empty() {
            return Ok(links.into_any());
        }
        let head = [
            "schools-column-school",
            "schools-column-class",
            "schools-column-started",
            "schools-column-standing",
        ]
        .map(|key| lang.t(key))
        .to_vec();
        let rows = courses
            .into_iter()
            .map(|course: Course| {
                vec![
                    course.school,
                    course.class,
                    calendar::long_date(lang, course.started_on),
                    standing_text(lang, course.standing),
                ]
            })
            .collect();
        Ok(view! {
            {links}
            <h2 class="heading-m">{lang.t("schools-courses-heading")}</h2>
            <Table caption=lang.t("schools-courses-heading") head rows />
        }
        .into_any())
    })
}
