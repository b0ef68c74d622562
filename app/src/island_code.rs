//! The browser code loads only where it is used, and only where it can run (issue 15). The shell puts Leptos'
//! hydration scripts in every page's head: a modulepreload of the JS, a preload of the wasm, and the module script
//! that hydrates the islands. Once a page is rendered whole (`SsrMode::Async`), the server rewrites them:
//!
//! - a page with no `<leptos-island>` loses all three: it is HTML and CSS alone, with JavaScript on or off;
//! - a page with an island keeps the module script, and its two preload hints become a line of script that adds
//!   them: a browser with JavaScript off would otherwise still download the JS and the wasm (~115 KB on slow 3G)
//!   for nothing, while one with JavaScript on starts both downloads as early as before.
//!
//! Each island's own code is split from the bundle (`#[island(lazy)]`, built with `cargo leptos --split`): the
//! bundle holds Leptos and what the islands share, and an island's chunk is fetched only where the island is. The
//! hints also name the chunks of the page's islands ([`IslandChunks`]), so they download alongside the bundle
//! instead of one round trip after it (300 ms on slow 3G).
//!
//! (Deciding while rendering cannot work: the head is written before the body's async parts, islands included,
//! resolve.)

use std::collections::HashMap;

const ISLAND: &[u8] = b"<leptos-island";
const FIRST: &[u8] = b"<link rel=\"modulepreload\"";
const SCRIPT: &[u8] = b"<script type=\"module\"";
const END: &[u8] = b"</script>";
const NONCE: &[u8] = b"nonce=\"";

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// The split wasm files each island needs, from the manifest `cargo leptos --split` writes (lazy function →
/// its files). An island `PasswordHelp` (`data-component="PasswordHelp_<n>"` in the page) is loaded by the lazy
/// function `password_help_loader_<n>`: both are matched by the island's name in snake case.
///
/// The chunks are loaded by a script of the split's own (`__wasm_split.<hash>.js`) that the bundle's JS imports:
/// it is named too, so that its download does not wait for the bundle's JS to be parsed.
#[derive(Clone, Debug, Default)]
pub struct IslandChunks {
    islands: HashMap<String, Vec<String>>,
    loader: String,
}

impl IslandChunks {
    /// `manifest` maps a lazy function to its files' names without `.wasm`; `pkg` is their folder's address and
    /// `loader` the split's script's name in it.
    pub fn from_manifest(manifest: HashMap<String, Vec<String>>, pkg: &str, loader: &str) -> Self {
        let islands = manifest.into_iter().filter_map(|(function, files)| {
            let island = without_number(&function)?.strip_suffix("_loader")?.to_string();
            let hrefs = files.iter().map(|file| format!("{pkg}/{file}.wasm")).collect();
            Some((island, hrefs))
        });
        Self {
            islands: islands.collect(),
            loader: format!("{pkg}/{loader}"),
        }
    }

    /// The preload hints for the chunks of the islands in `html`, each once.
    fn hints(&self, html: &[u8]) -> String {
        const COMPONENT: &[u8] = b"data-component=\"";
        let mut hrefs: Vec<&str> = Vec::new();
        let mut rest = html;
        while let Some(at) = find(rest, COMPONENT) {
            rest = &rest[at + COMPONENT.len()..];
            let Some(len) = find(rest, b"\"") else { break };
            let name = std::str::from_utf8(&rest[..len])
                .ok()
                .and_then(without_number)
                .map(snake_case);
            for href in name.and_then(|name| self.islands.get(&name)).into_iter().flatten() {
                if !hrefs.contains(&href.as_str()) {
                    hrefs.push(href);
                }
            }
        }
        if hrefs.is_empty() {
            return String::new();
        }
        let chunks = hrefs.iter().map(|href| {
            format!(r#"<link rel="preload" href="{href}" as="fetch" type="application/wasm" crossorigin>"#)
        });
        std::iter::once(format!(r#"<link rel="modulepreload" href="{}">"#, self.loader))
            .chain(chunks)
            .collect()
    }
}

/// `name_123` → `name`: Leptos numbers an island's and a lazy function's name by where it is written.
fn without_number(name: &str) -> Option<&str> {
    let (name, number) = name.rsplit_once('_')?;
    (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())).then_some(name)
}

/// `PasswordHelp` → `password_help`, as Leptos names an island's lazy loader.
fn snake_case(name: &str) -> String {
    let mut snake = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            snake.push('_');
        }
        snake.push(c.to_ascii_lowercase());
    }
    snake
}

/// The page with its hydration scripts rewritten as above; `None` when it has none to rewrite.
pub fn only_where_used(html: &[u8], chunks: &IslandChunks) -> Option<Vec<u8>> {
    let start = find(html, FIRST)?;
    let script = start + find(&html[start..], SCRIPT)?;
    let end = script + find(&html[script..], END)? + END.len();
    // The three are written together, one after another: anything longer between them is not theirs.
    if script - start > 600 {
        return None;
    }
    if find(html, ISLAND).is_none() {
        return Some([&html[..start], &html[end..]].concat());
    }
    let hints = format!(
        "{}{}",
        std::str::from_utf8(&html[start..script]).ok()?,
        chunks.hints(html)
    );
    let nonce_at = script + find(&html[script..end], NONCE)? + NONCE.len();
    let nonce_len = find(&html[nonce_at..end], b"\"")?;
    let nonce = std::str::from_utf8(&html[nonce_at..nonce_at + nonce_len]).ok()?;
    // The hints are Leptos' own markup (file names and the nonce): no quote or backslash of ours to escape, but
    // escaped all the same so that a change there can never break out of the string.
    let quoted = hints.replace('\\', "\\\\").replace('\'', "\\'").replace("</", "<\\/");
    let loader = format!("<script nonce=\"{nonce}\">document.head.insertAdjacentHTML('beforeend','{quoted}')</script>");
    Some([&html[..start], loader.as_bytes(), &html[script..]].concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HINTS: &str = r#"<link rel="modulepreload" href="/pkg/uraia.js" crossorigin="n0nce"><link rel="preload" href="/pkg/uraia.wasm" as="fetch" type="application/wasm" crossorigin="n0nce">"#;
    const SCRIPT: &str =
        r#"<script type="module" nonce="n0nce">((root) => { if(tag === 'leptos-island') {} })("")</script>"#;

    fn head() -> String {
        format!(r#"<head><link rel="stylesheet" href="/pkg/uraia.css">{HINTS}{SCRIPT}<title>T</title></head>"#)
    }

    #[test]
    fn a_page_without_an_island_loses_the_scripts_and_nothing_else() {
        let page = format!(
            "<html>{}<body><main>Hi</main><script nonce=\"n0nce\">x</script></body></html>",
            head()
        );
        let stripped = String::from_utf8(only_where_used(page.as_bytes(), &IslandChunks::default()).unwrap()).unwrap();
        assert_eq!(
            stripped,
            "<html><head><link rel=\"stylesheet\" href=\"/pkg/uraia.css\"><title>T</title></head><body><main>Hi</main>\
             <script nonce=\"n0nce\">x</script></body></html>"
        );
    }

    #[test]
    fn a_page_with_an_island_asks_for_its_code_from_script_alone() {
        let page = format!(
            "<html>{}<body><leptos-island data-component=\"x\"></leptos-island></body></html>",
            head()
        );
        let rewritten = String::from_utf8(only_where_used(page.as_bytes(), &IslandChunks::default()).unwrap()).unwrap();
        let loader = format!(
            "<script nonce=\"n0nce\">document.head.insertAdjacentHTML('beforeend','{}')</script>",
            HINTS
        );
        assert_eq!(
            rewritten,
            format!(
                "<html><head><link rel=\"stylesheet\" href=\"/pkg/uraia.css\">{loader}{SCRIPT}<title>T</title></head>\
                 <body><leptos-island data-component=\"x\"></leptos-island></body></html>"
            )
        );
        assert_eq!(
            rewritten.matches("<link rel=\"modulepreload\"").count(),
            1,
            "the hint is in the script alone"
        );
        assert_eq!(
            only_where_used(b"<html><body>no scripts</body></html>", &IslandChunks::default()),
            None
        );
    }

    #[test]
    fn a_page_asks_for_the_chunks_of_its_own_islands_only() {
        let manifest = HashMap::from([
            (
                "password_help_loader_1234".to_string(),
                vec!["split_a.h1".to_string(), "chunk_0.h2".to_string()],
            ),
            (
                "fee_total_loader_99".to_string(),
                vec!["split_b.h3".to_string(), "chunk_0.h2".to_string()],
            ),
            ("photo_picker_loader_5".to_string(), vec!["split_c.h4".to_string()]),
            ("not_an_island_7".to_string(), vec!["split_d.h5".to_string()]),
        ]);
        let chunks = IslandChunks::from_manifest(manifest, "/pkg", "__wasm_split.h0.js");
        let page = format!(
            "<html>{}<body><leptos-island data-component=\"PasswordHelp_777\"></leptos-island>\
             <leptos-island data-component=\"FeeTotal_1\"></leptos-island>\
             <leptos-island data-component=\"PasswordHelp_777\"></leptos-island></body></html>",
            head()
        );
        let rewritten = String::from_utf8(only_where_used(page.as_bytes(), &chunks).unwrap()).unwrap();
        let hint = |file: &str| {
            format!(r#"<link rel="preload" href="/pkg/{file}.wasm" as="fetch" type="application/wasm" crossorigin>"#)
                .replace("</", "<\\/")
        };
        for file in ["split_a.h1", "split_b.h3", "chunk_0.h2"] {
            assert_eq!(rewritten.matches(&hint(file)).count(), 1, "{file} once: {rewritten}");
        }
        assert!(!rewritten.contains("split_c"), "no chunk for an island not on the page");
        let loader = r#"<link rel="modulepreload" href="/pkg/__wasm_split.h0.js">"#;
        assert_eq!(rewritten.matches(loader).count(), 1, "the chunks' loader, once");
        assert!(!rewritten.contains("split_d"));
        // Inside the script: nothing is fetched where JavaScript does not run.
        let (in_head, _) = rewritten.split_once("</head>").unwrap();
        let script = in_head.split("<script nonce=\"n0nce\">").nth(1).unwrap();
        assert!(script.contains(&hint("split_a.h1")));

        let page = format!(
            "<html>{}<body><leptos-island data-component=\"Other_1\"></leptos-island></body></html>",
            head()
        );
        let other = String::from_utf8(only_where_used(page.as_bytes(), &chunks).unwrap()).unwrap();
        assert!(
            !other.contains("__wasm_split"),
            "no loader for an island without chunks"
        );
    }

    #[test]
    fn names_are_matched_as_leptos_writes_them() {
        assert_eq!(without_number("PasswordHelp_1234"), Some("PasswordHelp"));
        assert_eq!(without_number("fee_total_loader_99"), Some("fee_total_loader"));
        assert_eq!(without_number("PasswordHelp"), None);
        assert_eq!(without_number("PasswordHelp_x1"), None);
        assert_eq!(without_number("PasswordHelp_"), None);
        assert_eq!(snake_case("PasswordHelp"), "password_help");
        assert_eq!(snake_case("FeeTotal"), "fee_total");
        assert_eq!(snake_case("PaymentWatch"), "payment_watch");
    }
}
