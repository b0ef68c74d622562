//! Each island's code arrives on its own (a lazy wasm chunk, issue 15), after the page's runtime has started:
//! `data-hydrated` on `<html>` says the runtime runs, and the same attribute on a `<leptos-island>` says that
//! island's code has run. The end-to-end tests wait for it before they type or click; people debugging a slow
//! phone can see it too.

use leptos::{html::ElementType, prelude::*};

/// Marks the island around `node` (an element the island renders) as hydrated, once its effects run: in the browser
/// only, after the island's code has taken over the server's HTML.
pub fn mark_hydrated<E>(node: NodeRef<E>)
where
    E: ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    Effect::new(move |_| {
        use wasm_bindgen::JsCast;
        let island = node.get().and_then(|element| {
            element
                .unchecked_ref::<web_sys::Element>()
                .closest("leptos-island")
                .ok()
                .flatten()
        });
        if let Some(island) = island {
            let _ = island.set_attribute("data-hydrated", "true");
        }
    });
}
