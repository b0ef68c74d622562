//! The USSD menu with no I/O: where the caller is (`Node`, kept between screens), what an answer means, and the
//! screens' shape. A gateway shows at most 182 characters a screen, prefix included; `Reply::wire` keeps to it.

use serde::{Deserialize, Serialize};

use crate::{i18n::Lang, services::renewal::domain::Period};

/// The most a gateway shows on one screen, `CON `/`END ` included (Africa's Talking's limit).
pub const MAX_CHARS: usize = 182;

/// How long a session may last, as the networks end a USSD session (180 seconds).
pub const SESSION_SECONDS: i64 = 180;

/// Where the caller is: the screen on their phone, waiting for its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "at", rename_all = "kebab-case")]
pub enum Node {
    /// The first screen: English or Kiswahili.
    Language,
    Menu,
    /// The PIN, before a personal item.
    Pin {
        then: Item,
    },
    /// How long to renew for.
    Period,
    /// The renewal's fee, to pay or cancel.
    Confirm {
        period: Period,
    },
    /// The code of a slip to check.
    SlipCode,
}

/// The main menu's items, in the order the screen numbers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Item {
    Licence,
    Renew,
    Slip,
    Applications,
}

impl Item {
    pub const ALL: [Item; 4] = [Item::Licence, Item::Renew, Item::Slip, Item::Applications];

    /// The item a menu answer chooses (`1` to `4`).
    pub fn chosen(answer: &str) -> Option<Item> {
        number(answer, Item::ALL.len()).map(|n| Item::ALL[n])
    }

    /// Whether it shows or does something personal, so needs the caller's account and PIN (checking a slip shows
    /// only what the public check shows).
    pub fn personal(self) -> bool {
        self != Item::Slip
    }

    fn key(self) -> &'static str {
        match self {
            Item::Licence => "ussd-menu-licence",
            Item::Renew => "ussd-menu-renew",
            Item::Slip => "ussd-menu-slip",
            Item::Applications => "ussd-menu-applications",
        }
    }
}

/// The renewal periods USSD offers (a smart licence needs a photo and a collection centre: the website's).
pub const PERIODS: [Period; 2] = [Period::OneYear, Period::ThreeYears];

/// The language a first answer chooses.
pub fn language(answer: &str) -> Option<Lang> {
    number(answer, Lang::ALL.len()).map(|n| Lang::ALL[n])
}

/// The period a renewal answer chooses.
pub fn period(answer: &str) -> Option<Period> {
    number(answer, PERIODS.len()).map(|n| PERIODS[n])
}

/// `1`…`count` as an index (a phone's keypad sends digits; spaces are trimmed).
fn number(answer: &str, count: usize) -> Option<usize> {
    let n: usize = answer.trim().parse().ok()?;
    (1..=count).contains(&n).then(|| n - 1)
}

/// Whether a confirmation answer is "1" (yes); anything else cancels.
pub fn confirmed(answer: &str) -> bool {
    answer.trim() == "1"
}

/// The answers so far, as the gateway joins them (`1*2*2580`); none on the first post.
pub fn answers(text: &str) -> Vec<&str> {
    if text.is_empty() {
        Vec::new()
    } else {
        text.split('*').collect()
    }
}

/// The first screen, in both languages (the caller has not chosen yet).
pub fn language_screen() -> String {
    "Uraia (NTSA)\n1 English\n2 Kiswahili".to_string()
}

/// The main menu.
pub fn menu_screen(lang: Lang) -> String {
    let mut screen = lang.t("ussd-menu-title");
    for (n, item) in Item::ALL.into_iter().enumerate() {
        screen.push_str(&format!("\n{} {}", n + 1, lang.t(item.key())));
    }
    screen
}

/// A screen again, after an answer that is not one of its choices: "Reply with a number from 1 to 4."
pub fn again(lang: Lang, count: usize, screen: &str) -> String {
    let choose = lang.t_with("ussd-choose", &[("count", count.to_string())]);
    format!("{choose}\n{screen}")
}

/// One screen to send back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub text: String,
    /// The last screen: the session ends.
    pub end: bool,
}

impl Reply {
    pub fn ask(text: String) -> Reply {
        Reply { text, end: false }
    }

    pub fn end(text: String) -> Reply {
        Reply { text, end: true }
    }

    /// What the gateway gets: `CON ` or `END `, then the screen, cut at a line break (or a word) so it fits
    /// `MAX_CHARS`. Every screen is written to fit; the cut only guards against a long name or a long address.
    pub fn wire(&self) -> String {
        let prefix = if self.end { "END " } else { "CON " };
        format!("{prefix}{}", fit(&self.text, MAX_CHARS - prefix.len()))
    }
}

/// `text` within `max` characters: whole lines while they fit, else whole words, else characters.
pub fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut kept = String::new();
    for line in text.lines() {
        let with = if kept.is_empty() {
            line.to_string()
        } else {
            format!("{kept}\n{line}")
        };
        if with.chars().count() > max {
            break;
        }
        kept = with;
    }
    if !kept.is_empty() {
        return kept;
    }
    let mut words = String::new();
    for word in text.split_whitespace() {
        let with = if words.is_empty() {
            word.to_string()
        } else {
            format!("{words} {word}")
        };
        if with.chars().count() > max {
            break;
        }
        words = with;
    }
    if words.is_empty() {
        text.chars().take(max).collect()
    } else {
        words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_the_gateways_text_split_at_stars() {
        assert!(answers("").is_empty());
        assert_eq!(answers("1"), ["1"]);
        assert_eq!(answers("2*1*2580"), ["2", "1", "2580"]);
        // An empty answer (the caller pressed send on nothing) is an answer.
        assert_eq!(answers("1*"), ["1", ""]);
    }

    #[test]
    fn choices_are_numbers_on_the_screen() {
        assert_eq!(language("1"), Some(Lang::En));
        assert_eq!(language(" 2 "), Some(Lang::Sw));
        assert_eq!(language("3"), None);
        assert_eq!(Item::chosen("2"), Some(Item::Renew));
        assert_eq!(Item::chosen("4"), Some(Item::Applications));
        for answer in ["0", "5", "", "x", "-1", "01x"] {
            assert_eq!(Item::chosen(answer), None, "{answer}");
        }
        assert_eq!(period("1"), Some(Period::OneYear));
        assert_eq!(period("2"), Some(Period::ThreeYears));
        assert_eq!(period("3"), None, "the smart licence is the website's");
        assert!(confirmed("1") && !confirmed("2") && !confirmed(""));
        assert!(!Item::Slip.personal() && Item::Licence.personal() && Item::Renew.personal());
    }

    #[test]
    fn a_node_is_kept_as_json_and_read_back() {
        for node in [
            Node::Language,
            Node::Pin {
                then: Item::Applications,
            },
            Node::Confirm {
                period: Period::ThreeYears,
            },
        ] {
            let json = serde_json::to_string(&node).unwrap();
            assert_eq!(serde_json::from_str::<Node>(&json).unwrap(), node, "{json}");
        }
    }

    #[test]
    fn the_menus_fit_a_screen_in_both_languages() {
        for lang in Lang::ALL {
            for screen in [menu_screen(lang), again(lang, 4, &menu_screen(lang)), language_screen()] {
                let wire = Reply::ask(screen.clone()).wire();
                assert_eq!(wire, format!("CON {screen}"), "cut: {screen}");
                assert!(
                    wire.chars().count() <= MAX_CHARS,
                    "{} chars: {wire}",
                    wire.chars().count()
                );
            }
        }
        assert!(menu_screen(Lang::Sw).contains("4 "), "{}", menu_screen(Lang::Sw));
    }

    #[test]
    fn a_screen_too_long_is_cut_at_a_line_then_a_word() {
        let long = format!("First line\n{}", "word ".repeat(60));
        assert_eq!(Reply::end(long).wire(), "END First line");
        let one_line = "word ".repeat(60);
        let wire = Reply::end(one_line).wire();
        assert!(wire.chars().count() <= MAX_CHARS && wire.ends_with("word"), "{wire}");
        let unbroken = "x".repeat(300);
        assert_eq!(Reply::ask(unbroken).wire().chars().count(), MAX_CHARS);
    }
}
