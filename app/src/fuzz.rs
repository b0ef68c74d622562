//! What the property tests (issue 30) share: text, bytes and JSON as strangers send them. Each parser's properties
//! sit beside it in a `fuzz` module, named `…fuzz…` so that `make fuzz` finds them all and runs them with a bigger
//! budget (`PROPTEST_CASES`; `make test` runs proptest's 256 cases per property). A failing case proptest finds is
//! saved in `app/proptest-regressions/`, beside the test's path, and replayed first on every later run: commit it.

use proptest::prelude::*;
use serde_json::Value;

/// Any text: mostly the ASCII where parsers' edges are, and any Unicode (control characters, combining marks,
/// letters whose upper case is longer) as well.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,40}",
        "[0-9A-Za-z +()|/\\-]{0,24}",
        "[0-9A-Za-zßıİ\u{301}\u{0}\u{7f}\u{a0} -]{0,20}",
        any::<String>(),
    ]
}

/// Text within a few characters of `canonical`: one inserted, dropped or replaced, often enough to land on a
/// parser's boundary (one digit too many, a letter where a digit goes).
pub fn near(canonical: String) -> impl Strategy<Value = String> {
    let n = canonical.chars().count();
    (0..=n, 0..3u8, "[ -~]|ß|İ|\u{0}").prop_map(move |(at, how, with)| {
        let mut chars: Vec<String> = canonical.chars().map(String::from).collect();
        match how {
            0 => chars.insert(at, with),
            1 if at < chars.len() => {
                chars.remove(at);
            }
            _ if at < chars.len() => chars[at] = with,
            _ => chars.push(with),
        }
        chars.concat()
    })
}

/// `canonical` as a person might type it: any letter's case flipped, one of `separators` (or nothing) before any
/// character, and spaces around the whole.
pub fn typed(canonical: String, separators: &'static [&'static str]) -> impl Strategy<Value = String> {
    let n = canonical.chars().count();
    let choices = prop::collection::vec((any::<bool>(), 0..=separators.len()), n);
    (choices, "[ \t]{0,2}", "[ \t]{0,2}").prop_map(move |(choices, before, after)| {
        let body: String = canonical
            .chars()
            .zip(&choices)
            .map(|(c, (flip, separator))| {
                let c = match (*flip, c.is_ascii_uppercase()) {
                    (false, _) => c,
                    (true, true) => c.to_ascii_lowercase(),
                    (true, false) => c.to_ascii_uppercase(),
                };
                format!("{}{c}", separators.get(*separator).copied().unwrap_or(""))
            })
            .collect();
        format!("{before}{body}{after}")
    })
}

/// Any JSON, with the names Daraja's bodies use as keys and values often enough to reach deep into a reader.
pub fn json(names: &'static [&'static str]) -> impl Strategy<Value = Value> {
    let word = prop_oneof![prop::sample::select(names).prop_map(str::to_string), text()];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        (0..1_000_000i64).prop_map(Value::from),
        word.clone().prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((word.clone(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// A body as it may arrive: JSON built from `names`, that JSON cut short, or any text.
pub fn body(names: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => json(names).prop_map(|v| v.to_string()),
        1 => (json(names), any::<prop::sample::Index>()).prop_map(|(v, cut)| {
            let text = v.to_string();
            let at = cut.index(text.len() + 1);
            text.get(..at).unwrap_or(&text).to_string()
        }),
        1 => text(),
    ]
}

/// `valid` with a few bytes changed, a piece cut out or its end cut off: what a damaged or crafted file looks like.
pub fn damaged(valid: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let len = valid.len();
    (
        prop::collection::vec((0..len, any::<u8>()), 0..8),
        prop::option::of((0..len, 0..64usize)),
        prop::option::of(0..=len),
    )
        .prop_map(move |(changes, cut, end)| {
            let mut bytes = valid.clone();
            for (at, byte) in changes {
                bytes[at] = byte;
            }
            if let Some((at, n)) = cut {
                let end = (at + n).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            if let Some(end) = end {
                bytes.truncate(end);
            }
            bytes
        })
}
