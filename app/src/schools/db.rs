//! The SQL of driving school records: which schools an account acts for, the register's check of a learner, and
//! the school's students.

use sqlx::{AnyConnection, FromRow};

use crate::db::Pool;

#[derive(Debug, Clone, FromRow)]
pub struct SchoolRow {
    pub kra_pin: String,
    pub name: String,
}

/// The recognised driving schools an account acts for.
pub async fn schools_of(pool: &Pool, account_id: &str) -> anyhow::Result<Vec<SchoolRow>> {
    Ok(sqlx::query_as(
        "SELECT o.kra_pin, o.name FROM account_organisations ao JOIN organisations o ON o.kra_pin = ao.kra_pin \
         WHERE ao.account_id = $1 AND o.kind = 'driving_school' ORDER BY o.name",
    )
    .bind(account_id)
    .fetch_all(pool)
    .await?)
}

/// The register's first name under an ID number.
pub async fn first_name(conn: &mut AnyConnection, id_number: &str) -> anyhow::Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT first_name FROM register_people WHERE id_number = $1")
            .bind(id_number)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

/// The last day of the learner's provisional licence for `class`, if one is on the register.
pub async fn permit_until(conn: &mut AnyConnection, id_number: &str, class: &str) -> anyhow::Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT expires_on FROM provisional_licences WHERE holder_id_number = $1 AND class = $2")
            .bind(id_number)
            .bind(class)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

pub struct NewStudent<'a> {
    pub id: &'a str,
    pub school: &'a str,
    pub id_number: &'a str,
    pub class: &'a str,
    pub started_on: &'a str,
    pub by: &'a str,
    pub now: i64,
}

/// Enrols; `false` when the learner is already the school's student for the class (the unique row decides).
pub async fn enrol(conn: &mut AnyConnection, student: &NewStudent<'_>) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO school_students (id, school_kra_pin, id_number, class, course_started_on, enrolled_by, \
         enrolled_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (school_kra_pin, id_number, class) DO NOTHING",
    )
    .bind(student.id)
    .bind(student.school)
    .bind(student.id_number)
    .bind(student.class)
    .bind(student.started_on)
    .bind(student.by)
    .bind(student.now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(Debug, Clone, FromRow)]
pub struct StudentRow {
    pub id: String,
    pub id_number: String,
    pub first_name: String,
    pub other_names: String,
    pub class: String,
    pub course_started_on: String,
    pub completed_on: Option<String>,
    pub enrolled_at: i64,
}

const STUDENT: &str = "SELECT s.id, s.id_number, p.first_name, p.other_names, s.class, s.course_started_on, \
                       s.completed_on, s.enrolled_at FROM school_students s \
                       JOIN register_people p ON p.id_number = s.id_number";

/// The filter of a school's list: its students (`$1`), and with a search (`$2`, lower case) those whose ID number
/// starts with it or whose name contains it. Two shapes rather than `$2 = '' OR ...`, so the plain list is read
/// from its index alone (a generic plan would test every name against an empty search).
fn listed(search: Option<&str>) -> &'static str {
    match search {
        None => "s.school_kra_pin = $1",
        Some(_) => {
            "s.school_kra_pin = $1 AND (s.id_number LIKE $2 || '%' \
             OR LOWER(p.first_name || ' ' || p.other_names) LIKE '%' || $2 || '%')"
        }
    }
}

/// A page of a school's students, newest first (in the order of their index).
pub async fn students(
    pool: &Pool,
    school: &str,
    search: Option<&str>,
    offset: i64,
    limit: i64,
) -> anyhow::Result<Vec<StudentRow>> {
    let (limit_at, offset_at) = if search.is_some() { (3, 4) } else { (2, 3) };
    let sql = format!(
        "{STUDENT} WHERE {} ORDER BY s.enrolled_at DESC, s.id DESC LIMIT ${limit_at} OFFSET ${offset_at}",
        listed(search)
    );
    let mut query = sqlx::query_as(&sql).bind(school);
    if let Some(search) = search {
        query = query.bind(search);
    }
    Ok(query.bind(limit).bind(offset).fetch_all(pool).await?)
}

pub async fn count(pool: &Pool, school: &str, search: Option<&str>) -> anyhow::Result<i64> {
    let sql = match search {
        // Without a search the count needs no names.
        None => "SELECT COUNT(*) FROM school_students s WHERE s.school_kra_pin = $1".to_string(),
        Some(_) => format!(
            "SELECT COUNT(*) FROM school_students s JOIN register_people p ON p.id_number = s.id_number WHERE {}",
            listed(search)
        ),
    };
    let mut query = sqlx::query_scalar(&sql).bind(school);
    if let Some(search) = search {
        query = query.bind(search);
    }
    Ok(query.fetch_one(pool).await?)
}

/// One of a school's students (another school's is not found).
pub async fn student(pool: &Pool, school: &str, id: &str) -> anyhow::Result<Option<StudentRow>> {
    Ok(
        sqlx::query_as(&format!("{STUDENT} WHERE s.school_kra_pin = $1 AND s.id = $2"))
            .bind(school)
            .bind(id)
            .fetch_optional(pool)
            .await?,
    )
}

/// Marks a course complete on `today`, once, and only once it has started: `false` when it was not.
pub async fn complete(pool: &Pool, school: &str, id: &str, today: &str, by: &str) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE school_students SET completed_on = $3, completed_by = $4 \
         WHERE school_kra_pin = $1 AND id = $2 AND completed_on IS NULL AND course_started_on <= $3",
    )
    .bind(school)
    .bind(id)
    .bind(today)
    .bind(by)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(Debug, Clone, FromRow)]
pub struct CourseRow {
    pub school: String,
    pub class: String,
    pub course_started_on: String,
    pub completed_on: Option<String>,
}

/// A learner's courses, at every school.
pub async fn courses_of(pool: &Pool, id_number: &str) -> anyhow::Result<Vec<CourseRow>> {
    Ok(sqlx::query_as(
        "SELECT o.name AS school, s.class, s.course_started_on, s.completed_on FROM school_students s \
         JOIN organisations o ON o.kra_pin = s.school_kra_pin WHERE s.id_number = $1 \
         ORDER BY s.enrolled_at DESC",
    )
    .bind(id_number)
    .fetch_all(pool)
    .await?)
}
