//! One wizard for every multi-page form (registration, each service application): ordered steps, a guard that
//! sends a person to the first unanswered step, Back links, the step indicator, and check-your-answers with Change
//! links. A wizard's answers say which steps apply (the smart licence's details only when the smart licence is
//! chosen) and which are answered; the last step is always the check page.

use leptos::prelude::*;

use super::page::{BackLink, PageHead};
use crate::{error::FieldError, i18n::Lang, ui::StepIndicator};

/// The name of the last step of every wizard.
pub const CHECK: &str = "check";

/// What a wizard's answers tell the shared machinery.
pub trait Steps {
    /// The wizard's address: its steps are `<base>/<step>`, and the step `""` is `<base>` itself.
    fn base(&self) -> String;
    /// The steps that apply to the answers so far, in order, ending with [`CHECK`].
    fn steps(&self) -> Vec<&'static str>;
    /// Whether a step's question has an answer.
    fn answered(&self, step: &str) -> bool;
}

/// Where a step's page is.
pub fn path(wizard: &impl Steps, step: &str) -> String {
    match step {
        "" => wizard.base(),
        step => format!("{}/{step}", wizard.base()),
    }
}

/// The first applicable step without an answer, else the check page.
pub fn next(wizard: &impl Steps) -> &'static str {
    wizard
        .steps()
        .into_iter()
        .find(|step| *step == CHECK || !wizard.answered(step))
        .unwrap_or(CHECK)
}

/// Where a step sits: its number, how many steps apply, and the page before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub number: usize,
    pub of: usize,
    /// The previous step's address; `None` on the first step (its back link goes to `outside`).
    pub back: Option<String>,
}

/// The step's position, or the address to go to instead: a step that does not apply, or comes after the first
/// unanswered one, sends the person to that one.
pub fn guard(wizard: &impl Steps, step: &str) -> Result<Position, String> {
    let steps = wizard.steps();
    let next = next(wizard);
    let at = steps.iter().position(|s| *s == step);
    let next_at = steps.iter().position(|s| *s == next).unwrap_or(steps.len() - 1);
    match at {
        Some(at) if at <= next_at => Ok(Position {
            number: at + 1,
            of: steps.len(),
            back: at.checked_sub(1).map(|before| path(wizard, steps[before])),
        }),
        _ => Err(path(wizard, next)),
    }
}

/// What every wizard page has around its form: the back link, the title with the error summary, the step
/// indicator and the heading. `outside` is where the first step's back link goes.
#[component]
pub fn StepFrame(
    lang: Lang,
    position: Position,
    title_key: &'static str,
    /// The page's errors, for the title and the error summary.
    errors: Vec<FieldError>,
    #[prop(optional, into)] outside: Option<String>,
    children: Children,
) -> impl IntoView {
    let title = lang.t(title_key);
    let back = position.back.clone().or(outside);
    view! {
        {back.map(|to| view! { <BackLink lang to /> })}
        <PageHead title=title.clone() lang errors />
        <StepIndicator step=position.number as u32 of=position.of as u32 />
        <h1 class="heading-l">{title}</h1>
        {children()}
    }
}

/// A check-your-answers row's Change link: the step's page in the reader's language.
pub fn change_link(lang: Lang, wizard: &impl Steps, step: &str) -> (String, String) {
    (lang.href(&path(wizard, step)), lang.t("change"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three questions, the second only when the first is "yes".
    struct Sample {
        first: Option<bool>,
        second: bool,
        third: bool,
    }

    impl Steps for Sample {
        fn base(&self) -> String {
            "sample".into()
        }
        fn steps(&self) -> Vec<&'static str> {
            let mut steps = vec![""];
            if self.first == Some(true) {
                steps.push("second");
            }
            steps.extend(["third", CHECK]);
            steps
        }
        fn answered(&self, step: &str) -> bool {
            match step {
                "" => self.first.is_some(),
                "second" => self.second,
                "third" => self.third,
                _ => false,
            }
        }
    }

    #[test]
    fn a_step_after_the_first_unanswered_one_sends_there() {
        let wizard = Sample {
            first: None,
            second: false,
            third: false,
        };
        assert_eq!(guard(&wizard, "third"), Err("sample".into()));
        assert_eq!(guard(&wizard, CHECK), Err("sample".into()));
        assert_eq!(guard(&wizard, "").unwrap().number, 1);
        let wizard = Sample {
            first: Some(true),
            second: false,
            third: true,
        };
        assert_eq!(guard(&wizard, CHECK), Err("sample/second".into()));
    }

    #[test]
    fn steps_that_do_not_apply_are_skipped_and_counted_out() {
        let wizard = Sample {
            first: Some(false),
            second: false,
            third: true,
        };
        assert_eq!(next(&wizard), CHECK);
        assert_eq!(guard(&wizard, "second"), Err("sample/check".into()));
        let position = guard(&wizard, CHECK).unwrap();
        assert_eq!((position.number, position.of), (3, 3));
        assert_eq!(position.back.as_deref(), Some("sample/third"));
    }

    #[test]
    fn answered_steps_can_be_revisited_and_the_first_has_no_back_step() {
        let wizard = Sample {
            first: Some(true),
            second: true,
            third: true,
        };
        assert_eq!(guard(&wizard, "second").unwrap().back.as_deref(), Some("sample"));
        assert_eq!(guard(&wizard, "").unwrap().back, None);
        assert_eq!(path(&wizard, ""), "sample");
    }
}
