//! An officer's question about an application in review, and the applicant's answer. While a question is open the
//! application waits for the applicant (out of the officers' queue); the answer returns it to the queue at the
//! place it had. Both pages list every question and answer.

use leptos::{prelude::*, server_fn::ServerFn};
use sqlx::{AnyConnection, FromRow};

use super::{
    api,
    domain::{Application, ApplicationId, Status, Waiting},
    pages::Hidden,
};
use crate::{
    calendar,
    db::{begin_write, Pool},
    error::AppError,
    i18n::Lang,
    state::AppState,
    ui::Button,
    web::{guard::SignedIn, page::FormState, page::PostForm},
};

/// The longest question or answer, in characters.
pub const MAX_CHARS: usize = 1000;

#[derive(Debug, Clone, FromRow)]
pub struct Question {
    pub question: String,
    pub asked_at: i64,
    pub answer: Option<String>,
    pub answered_at: Option<i64>,
}

/// An application's questions and answers, oldest first.
pub async fn of(pool: &Pool, id: &ApplicationId) -> anyhow::Result<Vec<Question>> {
    Ok(sqlx::query_as(
        "SELECT question, asked_at, answer, answered_at FROM application_questions WHERE application_id = $1 \
         ORDER BY asked_at, id",
    )
    .bind(id.as_str())
    .fetch_all(pool)
    .await?)
}

/// A question or answer as typed: trimmed, not empty, at most `MAX_CHARS` (the field's message keys by `field`).
pub fn parse(field: &str, typed: &str) -> Result<String, AppError> {
    let text = typed.trim();
    if text.is_empty() {
        return Err(AppError::field(field, &format!("applications-error-{field}-missing")));
    }
    if text.chars().count() > MAX_CHARS {
        return Err(AppError::field(field, &format!("applications-error-{field}-long")));
    }
    Ok(text.to_string())
}

/// Asks the applicant `question` in the caller's transaction: false when the application is not in review or
/// already waits for an answer (one open question at a time).
pub async fn ask(
    conn: &mut AnyConnection,
    id: &ApplicationId,
    asked_by: &str,
    question: &str,
    now: i64,
) -> anyhow::Result<bool> {
    let waiting = sqlx::query(
        "UPDATE applications SET waiting_for = $2 WHERE id = $1 AND status = 'in_review' AND waiting_for = $3",
    )
    .bind(id.as_str())
    .bind(Waiting::Applicant.code())
    .bind(Waiting::Officer.code())
    .execute(&mut *conn)
    .await?;
    if waiting.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO application_questions (id, application_id, asked_by, question, asked_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(uuid::Uuid::new_v4().simple().to_string())
    .bind(id.as_str())
    .bind(asked_by)
    .bind(question)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(true)
}

/// What answering gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answered {
    Answered,
    /// No question is open (answered meanwhile in another tab, or never asked).
    NothingAsked,
}

/// `who` answers the open question on their application; it returns to the officers' queue at its place.
pub async fn answer(
    state: &AppState,
    who: &SignedIn,
    application: &Application,
    typed: &str,
) -> Result<Answered, AppError> {
    let text = parse("answer", typed)?;
    if application.account != who.id || application.status != Status::InReview {
        return Ok(Answered::NothingAsked);
    }
    let now = state.clock.now();
    let mut tx = begin_write(&state.pool).await?;
    let answered = sqlx::query(
        "UPDATE application_questions SET answer = $1, answered_at = $2 WHERE application_id = $3 \
         AND answered_at IS NULL",
    )
    .bind(&text)
    .bind(now)
    .bind(application.id.as_str())
    .execute(&mut *tx)
    .await?;
    if answered.rows_affected() != 1 {
        return Ok(Answered::NothingAsked);
    }
    sqlx::query("UPDATE applications SET waiting_for = $2 WHERE id = $1")
        .bind(application.id.as_str())
        .bind(Waiting::Officer.code())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Answered::Answered)
}

/// Every question and answer; with `form`, the open question's answer form (the applicant's page).
pub fn block(lang: Lang, id: &ApplicationId, questions: Vec<Question>, form: Option<&FormState>) -> AnyView {
    if questions.is_empty() {
        return ().into_any();
    }
    let open = questions.iter().any(|q| q.answered_at.is_none());
    let items = questions
        .into_iter()
        .map(|q| {
            let answer = match (q.answer, q.answered_at) {
                (Some(answer), Some(at)) => view! {
                    <p class="body"><strong>{lang.t("applications-answer-label")}</strong>" "{answer}
                        <span class="hint">" – "{calendar::moment(lang, at)}</span></p>
                }
                .into_any(),
                _ => view! { <p class="hint">{lang.t("applications-answer-waiting")}</p> }.into_any(),
            };
            view! {
                <li class="timeline__item">
                    <p class="body"><strong>{lang.t("applications-question-label")}</strong>" "{q.question}
                        <span class="hint">" – "{calendar::moment(lang, q.asked_at)}</span></p>
                    {answer}
                </li>
            }
        })
        .collect_view();
    let id = id.as_str().to_string();
    let answer_form = form.filter(|_| open).map(|form| {
        let (typed, error) = (form.value("answer"), form.error("answer"));
        let class = if error.is_some() { "field field--error" } else { "field" };
        view! {
            <PostForm action=api::AnswerQuestion::url()>
                <Hidden name="id" value=id />
                <div class=class>
                    <label class="label" for="answer">{lang.t("applications-answer-field")}</label>
                    <p class="hint">{lang.t_with("applications-answer-hint", &[("max", MAX_CHARS.to_string())])}</p>
                    {error.map(|e| view! { <p class="error-message" id="answer-error">{e}</p> })}
                    <textarea class="textarea" id="answer" name="answer" rows="4">{typed}</textarea>
                </div>
                <Button text=lang.t("applications-answer-submit") />
            </PostForm>
        }
    });
    view! {
        <h2 class="heading-m">{lang.t("applications-questions-heading")}</h2>
        <ol class="timeline">{items}</ol>
        {answer_form}
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_trimmed_and_must_say_something_within_the_limit() {
        assert_eq!(parse("answer", "  It is white. ").unwrap(), "It is white.");
        let key = |r: Result<String, AppError>| match r {
            Err(AppError::Invalid(errors)) => errors[0].key.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(key(parse("answer", "   ")), "applications-error-answer-missing");
        assert_eq!(
            key(parse("question", &"x".repeat(MAX_CHARS + 1))),
            "applications-error-question-long"
        );
        assert!(parse("answer", &"x".repeat(MAX_CHARS)).is_ok());
    }
}
