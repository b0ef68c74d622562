//! The help topics: one per service open on Uraia (its sections are the same five), and the common questions with
//! sections of their own. Found by the same forgiving search as the catalogue. No I/O.

use std::sync::LazyLock;

use crate::{
    catalogue::{
        domain::{self, Availability},
        search::{rank, Document, Part},
    },
    i18n::Lang,
};

/// One help page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Topic {
    /// The address (`/help/<code>`) and the translations' key (`help-<code>-...`).
    pub code: &'static str,
    /// The catalogue's service, for a service's page (its fees and "Start now").
    pub service: bool,
    /// Its sections, in order (`help-<code>-<section>`, each with a heading `help-section-<section>`).
    pub sections: &'static [&'static str],
}

/// What every service's page answers; `fee` is the fee table, read from the fee schedule.
pub const SERVICE_SECTIONS: &[&str] = &["need", "time", "fee", "refused", "after"];

/// The common questions.
pub const GENERAL: [Topic; 2] = [
    Topic {
        code: "paying",
        service: false,
        sections: &["how", "failed", "refunds"],
    },
    Topic {
        code: "account",
        service: false,
        sections: &["signin", "codes", "photo"],
    },
];

/// Every topic: the services open on Uraia, in the catalogue's order, then the common questions.
pub static TOPICS: LazyLock<Vec<Topic>> = LazyLock::new(|| {
    domain::SERVICES
        .iter()
        .filter(|s| matches!(s.availability, Availability::Open | Availability::Page(_)))
        .map(|s| Topic {
            code: s.code,
            service: true,
            sections: SERVICE_SECTIONS,
        })
        .chain(GENERAL)
        .collect()
});

pub fn topic(code: &str) -> Option<Topic> {
    TOPICS.iter().find(|t| t.code == code).copied()
}

/// The message a topic's `section` reads, or `None` for the fee table (read from the fee schedule). A service's
/// "what you need" is its catalogue entry's, so help and the service's page say it the same way.
pub fn section_key(topic: &Topic, section: &str) -> Option<String> {
    match section {
        "fee" => None,
        "need" if topic.service => Some(format!("catalogue-{}-need", topic.code)),
        _ => Some(format!("help-{}-{section}", topic.code)),
    }
}

/// The title of a topic's page.
pub fn title(lang: Lang, topic: &Topic) -> String {
    lang.t(&format!("help-{}-title", topic.code))
}

/// Each topic's words, in both languages: its title and search words weigh most, then its sections.
static INDEX: LazyLock<Vec<Document>> = LazyLock::new(|| {
    TOPICS
        .iter()
        .map(|topic| {
            let mut document = Document::default();
            for lang in Lang::ALL {
                document.add(&title(lang, topic), Part::Title);
                document.add(&lang.t(&format!("help-{}-keywords", topic.code)), Part::Keywords);
                if topic.service {
                    document.add(&lang.t(&format!("catalogue-{}-title", topic.code)), Part::Title);
                }
            }
            document
        })
        .collect()
});

/// The help pages a query finds, best first (at most 3: the catalogue's results come first).
pub fn search(query: &str) -> Vec<Topic> {
    // At least one whole word (or a near one): a help page is offered beside the services, not instead.
    rank(&INDEX, query, 4)
        .into_iter()
        .take(3)
        .map(|at| TOPICS[at])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_open_service_has_a_page_and_every_section_its_text() {
        assert!(topic("dl-renewal").is_some() && topic("transfer").is_some());
        assert!(topic("passport").is_none(), "another agency's service has no help here");
        // Both languages have the same messages (`i18n`'s tests), so English having each is enough.
        for topic in TOPICS.iter() {
            let keys = ["title", "keywords"].map(|part| format!("help-{}-{part}", topic.code));
            let sections = topic.sections.iter().filter_map(|section| section_key(topic, section));
            for key in keys.into_iter().chain(sections) {
                assert!(Lang::En.has(&key), "{key} is missing");
            }
        }
    }

    #[test]
    fn refunds_and_codes_are_found_in_both_languages() {
        let first = |query: &str| search(query).first().map(|t| t.code);
        assert_eq!(first("refund"), Some("paying"));
        assert_eq!(first("kurejesha pesa"), Some("paying"));
        assert_eq!(first("code not received"), Some("account"));
        assert_eq!(first("transfer ownership"), Some("transfer"));
        assert!(search("zzzz qqqq").is_empty());
    }
}
