//! Driving school records: a school's people enrol learners (checked against the register and their provisional
//! licence), see their students in pages with a search, and mark a course complete; a learner sees their courses.
//! Whoever is not one of a school's people finds nothing there (not found, never "not allowed").

use super::{
    db,
    domain::{self, EnrolForm, Standing, PAGE_SIZE},
};
use crate::{
    calendar,
    error::{AppError, FieldError},
    state::AppState,
    web::{guard::SignedIn, throttle},
};

/// A school the signed-in person acts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct School {
    pub kra_pin: String,
    pub name: String,
}

/// The recognised driving schools `who` acts for.
pub async fn schools(state: &AppState, who: &SignedIn) -> anyhow::Result<Vec<School>> {
    Ok(db::schools_of(&state.pool, who.id.as_str())
        .await?
        .into_iter()
        .map(|row| School {
            kra_pin: row.kra_pin,
            name: row.name,
        })
        .collect())
}

/// The school at `kra_pin`, if `who` acts for it; else not found.
pub async fn school(state: &AppState, who: &SignedIn, kra_pin: &str) -> Result<School, AppError> {
    schools(state, who)
        .await?
        .into_iter()
        .find(|school| school.kra_pin == kra_pin)
        .ok_or(AppError::NotFound)
}

/// Enrols a learner for a class: the ID number and first name as on the register (mismatches are rationed per
/// account, as each tells whether a name goes with a number), and a provisional licence for the class valid on the
/// course's first day. The new student's id.
pub async fn enrol(state: &AppState, who: &SignedIn, school: &School, form: &EnrolForm) -> Result<String, AppError> {
    let today = state.clock.today();
    let enrolment = domain::parse_enrolment(form, today).map_err(AppError::Invalid)?;
    let key = throttle::students_key(who.id.as_str());
    throttle::admit(&state.pool, &key, throttle::STUDENTS, state.clock.now(), "id_number").await??;
    // Reads, then one INSERT that decides "already enrolled": no transaction to hold while the throttle is written.
    let mut conn = state.pool.acquire().await?;
    let matches = db::first_name(&mut conn, &enrolment.id_number)
        .await?
        .is_some_and(|name| name.trim().eq_ignore_ascii_case(&enrolment.first_name));
    if !matches {
        return Err(AppError::field("id_number", "schools-error-register"));
    }
    throttle::release(&state.pool, &key, throttle::STUDENTS).await?;
    let class = enrolment.class.code();
    let until = db::permit_until(&mut conn, &enrolment.id_number, class)
        .await?
        .and_then(|text| calendar::parse_iso(&text));
    let first_day = enrolment.started_on.max(today);
    match until {
        None => {
            return Err(FieldError::new("class", "schools-error-no-permit")
                .with_arg("class", class)
                .into())
        }
        Some(until) if until < first_day => {
            return Err(FieldError::new("class", "schools-error-permit-lapsed")
                .with_arg("class", class)
                .with_arg("date", until.to_string())
                .into())
        }
        Some(_) => {}
    }
    let id = uuid::Uuid::now_v7().simple().to_string();
    let added = db::enrol(
        &mut conn,
        &db::NewStudent {
            id: &id,
            school: &school.kra_pin,
            id_number: &enrolment.id_number,
            class,
            started_on: &enrolment.started_on.to_string(),
            by: who.id.as_str(),
            now: state.clock.now(),
        },
    )
    .await?;
    if !added {
        return Err(FieldError::new("id_number", "schools-error-enrolled")
            .with_arg("class", class)
            .into());
    }
    Ok(id)
}

/// A student as the school sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Student {
    pub id: String,
    pub id_number: String,
    pub name: String,
    pub class: String,
    pub started_on: jiff::civil::Date,
    pub standing: Standing,
}

fn student(row: db::StudentRow, today: jiff::civil::Date) -> Student {
    let started_on = calendar::parse_iso(&row.course_started_on).unwrap_or(today);
    let completed_on = row.completed_on.as_deref().and_then(calendar::parse_iso);
    Student {
        id: row.id,
        id_number: row.id_number,
        name: format!("{} {}", row.first_name, row.other_names),
        class: row.class,
        started_on,
        standing: domain::standing(started_on, completed_on, today),
    }
}

/// A page of the school's students.
pub struct Listing {
    pub students: Vec<Student>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

/// Page `page` (from 0) of the school's students matching `search`.
pub async fn list(state: &AppState, school: &School, search: Option<&str>, page: i64) -> anyhow::Result<Listing> {
    let total = db::count(&state.pool, &school.kra_pin, search).await?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let page = page.clamp(0, pages - 1);
    let today = state.clock.today();
    let rows = db::students(&state.pool, &school.kra_pin, search, page * PAGE_SIZE, PAGE_SIZE).await?;
    Ok(Listing {
        students: rows.into_iter().map(|row| student(row, today)).collect(),
        total,
        page,
        pages,
    })
}

/// One of the school's students; another school's (or an unknown id) is not found.
pub async fn one(state: &AppState, school: &School, id: &str) -> Result<Student, AppError> {
    let row = db::student(&state.pool, &school.kra_pin, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(student(row, state.clock.today()))
}

/// Marks a student's course complete today: refused before it starts, and done once.
pub async fn complete(state: &AppState, who: &SignedIn, school: &School, id: &str) -> Result<(), AppError> {
    let found = one(state, school, id).await?;
    let today = state.clock.today();
    if db::complete(
        &state.pool,
        &school.kra_pin,
        &found.id,
        &today.to_string(),
        who.id.as_str(),
    )
    .await?
    {
        return Ok(());
    }
    Err(match found.standing {
        Standing::NotStarted => FieldError::new("complete", "schools-error-not-started")
            .with_arg("date", found.started_on.to_string())
            .into(),
        _ => FieldError::new("complete", "schools-error-completed").into(),
    })
}

/// A learner's course at a school.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Course {
    pub school: String,
    pub class: String,
    pub started_on: jiff::civil::Date,
    pub standing: Standing,
}

/// The signed-in person's courses, at every school.
pub async fn courses(state: &AppState, who: &SignedIn) -> anyhow::Result<Vec<Course>> {
    let today = state.clock.today();
    Ok(db::courses_of(&state.pool, &who.id_number)
        .await?
        .into_iter()
        .map(|row| {
            let started_on = calendar::parse_iso(&row.course_started_on).unwrap_or(today);
            let completed_on = row.completed_on.as_deref().and_then(calendar::parse_iso);
            Course {
                school: row.school,
                class: row.class,
                started_on,
                standing: domain::standing(started_on, completed_on, today),
            }
        })
        .collect())
}
