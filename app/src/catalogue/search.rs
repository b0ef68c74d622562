//! Finding a service by the words a person types, in English or Kiswahili, forgiving spelling: "license" finds
//! "licence", "inspektion" finds "inspection", "leseni" finds the renewal whatever the page's language.
//!
//! Every service is indexed once from its title, search words, summary and agency in both languages. A query word
//! scores against the best matching indexed word: the same word, a word it begins (at least 3 letters: "insp"),
//! or a word within one edit (two for long words; Damerau-Levenshtein, so swapped letters are one edit). Title
//! words weigh most. A service's score is the sum over the query's words; ties keep the catalogue's order.

use std::sync::LazyLock;

use super::domain::{Service, SERVICES};
use crate::i18n::Lang;

/// How much a match in each part of a service's text counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Part {
    Agency = 1,
    Summary = 2,
    Keywords = 4,
    Title = 6,
}

/// The words of one service, each with the part it came from.
#[derive(Debug, Default)]
pub struct Document {
    words: Vec<(String, Part)>,
}

impl Document {
    pub(crate) fn add(&mut self, text: &str, part: Part) {
        for word in words(text) {
            match self.words.iter_mut().find(|(w, _)| *w == word) {
                Some((_, best)) => *best = (*best).max(part),
                None => self.words.push((word, part)),
            }
        }
    }
}

/// Little words that say nothing about a service, in both languages.
const STOP: [&str; 24] = [
    "a", "an", "and", "the", "of", "to", "for", "my", "i", "in", "on", "how", "ya", "wa", "la", "za", "kwa", "na",
    "cha", "vya", "ni", "kwenye", "yangu", "langu",
];

/// Lower-case words of letters and digits, stop words removed; at most 12, so a pasted essay costs little.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .take(12)
}

/// How well `query` (one typed word) matches `word` (one indexed word): 0 (not at all) to 4.
fn closeness(query: &str, word: &str) -> u32 {
    if query == word {
        return 4;
    }
    let (q, w) = (query.chars().count(), word.chars().count());
    if q >= 3 && word.starts_with(query) {
        return 3;
    }
    if w >= 4 && q > w && query.starts_with(word) {
        // A plural or other ending on a known word: "licences", "vehicles", "magari" is not caught, "leseni" is.
        return 3;
    }
    let allowed = match q.min(w) {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    };
    if allowed > 0 && strsim::damerau_levenshtein(query, word) <= allowed {
        2
    } else {
        0
    }
}

impl Document {
    /// The document's score for the query's words (0: no match).
    pub fn score(&self, query: &[String]) -> u32 {
        query
            .iter()
            .map(|q| {
                self.words
                    .iter()
                    .map(|(word, part)| closeness(q, word) * *part as u32)
                    .max()
                    .unwrap_or(0)
            })
            .sum()
    }
}

/// The indexed text of every service, in catalogue order.
static INDEX: LazyLock<Vec<Document>> = LazyLock::new(|| SERVICES.iter().map(document).collect());

fn document(service: &Service) -> Document {
    let mut document = Document::default();
    for lang in Lang::ALL {
        let key = |part: &str| format!("catalogue-{}-{part}", service.code);
        document.add(&lang.t(&key("title")), Part::Title);
        document.add(&lang.t(&key("keywords")), Part::Keywords);
        document.add(&lang.t(&key("summary")), Part::Summary);
        document.add(
            &lang.t(&format!("catalogue-agency-{}", service.agency.code())),
            Part::Agency,
        );
    }
    document
}

/// The services matching `query`, best first.
pub fn search(query: &str) -> Vec<&'static Service> {
    rank(&INDEX, query, 1).into_iter().map(|at| &SERVICES[at]).collect()
}

/// The positions in `index` of the documents scoring at least `at_least` for `query`: best score first, ties in
/// the index's order (the catalogue's; the help pages').
pub(crate) fn rank(index: &[Document], query: &str, at_least: u32) -> Vec<usize> {
    let query: Vec<String> = words(query).collect();
    if query.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(u32, usize)> = index
        .iter()
        .enumerate()
        .map(|(at, document)| (document.score(&query), at))
        .filter(|(score, _)| *score >= at_least)
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    found.into_iter().map(|(_, at)| at).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(query: &str) -> &'static str {
        search(query).first().map_or("(nothing)", |s| s.code)
    }

    #[test]
    fn both_languages_and_both_spellings_find_the_renewal() {
        for query in [
            "licence",
            "license",
            "leseni",
            "renew my driving licence",
            "Huisha leseni",
            "lisence",
            "smart DL",
        ] {
            assert_eq!(first(query), "dl-renewal", "{query}");
        }
    }

    #[test]
    fn each_service_is_found_by_its_everyday_word() {
        for (query, code) in [
            ("inspection", "inspection"),
            ("ukaguzi", "inspection"),
            ("inspektion", "inspection"),
            ("matatu", "psv-licence"),
            ("driving test", "driving-test"),
            ("mtihani", "driving-test"),
            ("first licence", "first-dl"),
            ("leseni ya kwanza", "first-dl"),
            ("transfer", "transfer"),
            ("logbook", "transfer"),
            ("TIMS", "tims"),
            ("badge", "psv-badge"),
            ("passport", "passport"),
            ("KRA PIN", "kra-pin"),
        ] {
            assert_eq!(first(query), code, "{query}");
        }
    }

    #[test]
    fn the_agency_finds_all_its_services_in_catalogue_order() {
        let found: Vec<_> = search("NTSA").into_iter().map(|s| s.code).collect();
        let ntsa: Vec<_> = SERVICES
            .iter()
            .filter(|s| s.agency == super::super::domain::Agency::Ntsa)
            .map(|s| s.code)
            .collect();
        assert_eq!(found, ntsa);
    }

    #[test]
    fn nonsense_and_little_words_find_nothing() {
        assert!(search("xyzzy").is_empty());
        assert!(search("the of a").is_empty());
        assert!(search("   ").is_empty());
        assert!(search(&"licence ".repeat(10_000)).len() <= SERVICES.len());
    }

    #[test]
    fn closeness_forgives_one_edit_in_short_words_and_two_in_long() {
        assert_eq!(closeness("leseni", "leseni"), 4);
        assert_eq!(closeness("insp", "inspection"), 3);
        assert_eq!(closeness("licences", "licence"), 3);
        assert_eq!(closeness("lisence", "licence"), 2);
        assert_eq!(closeness("gari", "gali"), 2);
        assert_eq!(closeness("car", "bar"), 0, "three letters must be exact");
        assert_eq!(closeness("vehicle", "venue"), 0);
    }
}
