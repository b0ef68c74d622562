//! English and Kiswahili. Every visible string goes through [`Lang::t`].
//!
//! Translations are Mozilla Fluent files (`app/locales/{en,sw}/*.ftl`) loaded by `fluent-templates` and compiled into
//! both the server and the browser. Fluent was chosen over a key-value crate because Kiswahili grammar (noun-class
//! agreement, plurals) needs selectors that Fluent has and plain lookups do not, and because the locale is an
//! explicit argument (it comes from the URL) rather than global state that could leak between requests.

use std::{borrow::Cow, collections::HashMap, sync::LazyLock};

use fluent_templates::{fluent_bundle::FluentValue, static_loader, LanguageIdentifier, Loader};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // No Unicode isolation marks around placeables: they would end up in form values and tests.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN: LazyLock<LanguageIdentifier> = LazyLock::new(|| fluent_templates::langid!("en"));
static SW: LazyLock<LanguageIdentifier> = LazyLock::new(|| fluent_templates::langid!("sw"));

/// A language the service speaks. Chosen by the first segment of the URL.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Sw,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Sw];

    /// The URL segment and the `lang` attribute value.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Sw => "sw",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language a path is under (`/sw/fees` → Kiswahili), if it names one.
    pub fn of_path(path: &str) -> Option<Lang> {
        path.trim_start_matches('/').split('/').next().and_then(Lang::parse)
    }

    /// The language of a path such as `/sw/fees`; English when the path names none.
    pub fn from_path(path: &str) -> Lang {
        Lang::of_path(path).unwrap_or_default()
    }

    /// The language a switch offers from this one.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Sw,
            Lang::Sw => Lang::En,
        }
    }

    /// The language's name in itself, as a language switch shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Sw => "Kiswahili",
        }
    }

    /// `rest` under this language's prefix: `Lang::Sw.href("fees")` is `/sw/fees`; the home page is `/sw`.
    pub fn href(self, rest: &str) -> String {
        match rest.trim_start_matches('/') {
            "" => format!("/{}", self.code()),
            rest => format!("/{}/{rest}", self.code()),
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::En => &EN,
            Lang::Sw => &SW,
        }
    }

    /// The message `key` in this language.
    ///
    /// Messages without arguments never change, so each thread keeps the ones it has formatted: a page makes
    /// dozens of lookups, and Fluent's fallback negotiation and formatting were 5% of a page view's CPU.
    pub fn t(self, key: &str) -> String {
        thread_local! {
            static FORMATTED: std::cell::RefCell<[HashMap<String, String>; 2]> = Default::default();
        }
        FORMATTED.with_borrow_mut(|cache| {
            let cache = &mut cache[self as usize];
            if let Some(text) = cache.get(key) {
                return text.clone();
            }
            let text = LOCALES.lookup(self.id(), key);
            cache.insert(key.to_string(), text.clone());
            text
        })
    }

    /// The message `key` with named arguments (`{ $amount }` in the .ftl file).
    pub fn t_with(self, key: &str, args: &[(&str, String)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| (Cow::Owned(name.to_string()), FluentValue::from(value.clone())))
            .collect();
        LOCALES.lookup_with_args(self.id(), key, &args)
    }

    /// Whether `key` is a message (in this language or its fallback): `t` of a missing key gives a placeholder
    /// text, not an error.
    pub fn has(self, key: &str) -> bool {
        LOCALES.try_lookup(self.id(), key).is_some()
    }
}

/// The language of the page being rendered, provided by the layout from the URL.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    /// Every message id (and attribute) in a language's .ftl files, with the variables its text uses.
    fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang.code());
        let mut messages = BTreeMap::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let resource = fluent_syntax::parser::parse(source.as_str()).expect("the .ftl file parses");
            for item in resource.body {
                if let ast::Entry::Message(message) = item {
                    let name = message.id.name;
                    messages.insert(
                        name.to_string(),
                        message.value.as_ref().map(variables).unwrap_or_default(),
                    );
                    for attribute in message.attributes {
                        messages.insert(format!("{name}.{}", attribute.id.name), variables(&attribute.value));
                    }
                }
            }
        }
        messages
    }

    /// The `$variables` a pattern uses, inside selectors and function calls too.
    fn variables(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
        fn inline(expression: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
            match expression {
                ast::InlineExpression::VariableReference { id } => {
                    found.insert(id.name.to_string());
                }
                ast::InlineExpression::FunctionReference { arguments, .. } => {
                    for argument in &arguments.positional {
                        inline(argument, found);
                    }
                    for argument in &arguments.named {
                        inline(&argument.value, found);
                    }
                }
                ast::InlineExpression::Placeable { expression } => placeable(expression, found),
                _ => {}
            }
        }
        fn placeable(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
            match expression {
                ast::Expression::Inline(expression) => inline(expression, found),
                ast::Expression::Select { selector, variants } => {
                    inline(selector, found);
                    for variant in variants {
                        pattern_into(&variant.value, found);
                    }
                }
            }
        }
        fn pattern_into(pattern: &ast::Pattern<&str>, found: &mut BTreeSet<String>) {
            for element in &pattern.elements {
                if let ast::PatternElement::Placeable { expression } = element {
                    placeable(expression, found);
                }
            }
        }
        let mut found = BTreeSet::new();
        pattern_into(pattern, &mut found);
        found
    }

    fn keys(lang: Lang) -> BTreeSet<String> {
        messages(lang).into_keys().collect()
    }

    #[test]
    fn both_languages_have_exactly_the_same_keys() {
        let (en, sw) = (keys(Lang::En), keys(Lang::Sw));
        let only_en: Vec<_> = en.difference(&sw).collect();
        let only_sw: Vec<_> = sw.difference(&en).collect();
        assert!(only_en.is_empty(), "missing in Kiswahili: {only_en:?}");
        assert!(only_sw.is_empty(), "missing in English: {only_sw:?}");
        assert!(en.len() > 20, "the locale files were not read");
    }

    #[test]
    fn every_placeholder_is_used_in_both_languages() {
        let (en, sw) = (messages(Lang::En), messages(Lang::Sw));
        let differing: Vec<String> = en
            .iter()
            .filter_map(|(key, used)| {
                let twin = sw.get(key)?;
                (twin != used).then(|| format!("{key}: en {used:?}, sw {twin:?}"))
            })
            .collect();
        assert!(differing.is_empty(), "placeholders differ: {differing:#?}");
        assert!(
            en.values().filter(|used| !used.is_empty()).count() > 20,
            "no placeholders were found"
        );
    }

    #[test]
    fn a_dropped_placeholder_is_noticed() {
        let parse = |text: &'static str| {
            let resource = fluent_syntax::parser::parse(text).unwrap();
            match &resource.body[0] {
                ast::Entry::Message(message) => variables(message.value.as_ref().unwrap()),
                _ => unreachable!(),
            }
        };
        let en = parse("a = Wait { $minutes } minutes { NUMBER($n) } { $kind ->\n    [x] { $inner }\n   *[y] y\n}\n");
        assert_eq!(en.into_iter().collect::<Vec<_>>(), ["inner", "kind", "minutes", "n"]);
        assert!(parse("a = Subiri dakika chache\n").is_empty());
    }

    #[test]
    fn messages_are_translated_not_echoed() {
        assert_eq!(Lang::En.t("service-name"), "Uraia");
        assert_ne!(Lang::En.t("home-title"), Lang::Sw.t("home-title"));
        assert!(!Lang::Sw.t("home-title").contains("home-title"));
    }

    #[test]
    fn arguments_are_interpolated_without_isolation_marks() {
        let text = Lang::En.t_with("fees-band-from", &[("from", "KES 620".into())]);
        assert!(text.contains("KES 620"), "{text}");
        assert!(!text.contains('\u{2068}'));
    }

    #[test]
    fn language_comes_from_the_first_path_segment() {
        assert_eq!(Lang::from_path("/sw/fees"), Lang::Sw);
        assert_eq!(Lang::from_path("/en/"), Lang::En);
        assert_eq!(Lang::from_path("/fr/x"), Lang::En);
        assert_eq!(Lang::from_path("/"), Lang::En);
        assert_eq!(Lang::of_path("/fr/x"), None);
        assert_eq!(Lang::Sw.href("/fees"), "/sw/fees");
        assert_eq!(Lang::Sw.href(""), "/sw");
    }
}
