//! The browser half. Uraia runs in islands mode: pages are plain server-rendered HTML, and only the components
//! marked `#[island]` (the interactive parts) are hydrated here.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // The app crate's islands must be linked in for `hydrate_islands` to find them.
    #[allow(unused_imports)]
    use app::*;
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // A marker that the code ran, for people debugging and for the end-to-end tests.
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-hydrated", "true");
    }
}
