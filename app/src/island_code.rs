//! The browser code loads only where it is used, and only where it can run (issue 15). The shell puts Leptos'
//! hydration scripts in every page's head: a modulepreload of the JS, a preload of the wasm, and the module script
//! that hydrates the islands. Once a page is rendered whole (`SsrMode::Async`), the server rewrites them:
//!
//! - a page with no `<leptos-island>` loses all three: it is HTML and CSS alone, with JavaScript on or off;
//! - a page with an island keeps the module script, and its two preload hints become a line of script that adds
//!   them: a browser with JavaScript off would otherwise still download the JS and the wasm (~115 KB on slow 3G)
//!   for nothing, while one with JavaScript on starts both downloads as early as before.
//!
//! (Deciding while rendering cannot work: the head is written before the body's async parts, islands included,
//! resolve.)

const ISLAND: &[u8] = b"<leptos-island";
const FIRST: &[u8] = b"<link rel=\"modulepreload\"";
const SCRIPT: &[u8] = b"<script type=\"module\"";
const END: &[u8] = b"</script>";
const NONCE: &[u8] = b"nonce=\"";

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

/// The page with its hydration scripts rewritten as above; `None` when it has none to rewrite.
pub fn only_where_used(html: &[u8]) -> Option<Vec<u8>> {
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
    let hints = std::str::from_utf8(&html[start..script]).ok()?;
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
        let stripped = String::from_utf8(only_where_used(page.as_bytes()).unwrap()).unwrap();
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
        let rewritten = String::from_utf8(only_where_used(page.as_bytes()).unwrap()).unwrap();
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
        assert_eq!(only_where_used(b"<html><body>no scripts</body></html>"), None);
    }
}
