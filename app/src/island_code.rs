//! Only a page that renders an island loads the browser code (issue 15). The shell puts Leptos' hydration
//! scripts in every page's head: a modulepreload of the JS, a preload of the wasm, and the module script that
//! hydrates the islands. Once a page is rendered whole (`SsrMode::Async`), the server takes the three out again when
//! the page has no `<leptos-island>`: such a page is HTML and CSS alone, with JavaScript on or off. (Deciding
//! while rendering cannot work: the head is written before the body's async parts, islands included, resolve.)

const ISLAND: &[u8] = b"<leptos-island";
const FIRST: &[u8] = b"<link rel=\"modulepreload\"";
const SCRIPT: &[u8] = b"<script type=\"module\"";
const END: &[u8] = b"</script>";

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

/// The page without its hydration scripts when it has no island; `None` when it keeps them (it has an island, or
/// it has no scripts to take out).
pub fn without_unused_code(html: &[u8]) -> Option<Vec<u8>> {
    if find(html, ISLAND).is_some() {
        return None;
    }
    let start = find(html, FIRST)?;
    let script = start + find(&html[start..], SCRIPT)?;
    let end = script + find(&html[script..], END)? + END.len();
    // The three are written together, one after another: anything longer between them is not theirs.
    if script - start > 600 {
        return None;
    }
    Some([&html[..start], &html[end..]].concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = r#"<head><link rel="stylesheet" href="/pkg/uraia.css"><link rel="modulepreload" href="/pkg/uraia.js" crossorigin="n0nce"><link rel="preload" href="/pkg/uraia.wasm" as="fetch" type="application/wasm" crossorigin="n0nce"><script type="module" nonce="n0nce">((root) => { if(tag === 'leptos-island') {} })("")</script><title>T</title></head>"#;

    #[test]
    fn a_page_without_an_island_loses_the_scripts_and_nothing_else() {
        let page = format!("<html>{HEAD}<body><main>Hi</main><script nonce=\"n0nce\">x</script></body></html>");
        let stripped = String::from_utf8(without_unused_code(page.as_bytes()).unwrap()).unwrap();
        assert_eq!(
            stripped,
            "<html><head><link rel=\"stylesheet\" href=\"/pkg/uraia.css\"><title>T</title></head><body><main>Hi</main>\
             <script nonce=\"n0nce\">x</script></body></html>"
        );
    }

    #[test]
    fn a_page_with_an_island_keeps_them() {
        let page = format!("<html>{HEAD}<body><leptos-island data-component=\"x\"></leptos-island></body></html>");
        assert_eq!(without_unused_code(page.as_bytes()), None);
        assert_eq!(without_unused_code(b"<html><body>no scripts</body></html>"), None);
    }
}
