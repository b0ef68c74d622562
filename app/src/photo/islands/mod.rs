//! The photo picker, hydrated in the browser: a preview of the chosen file; for a picture over 500 x 500 pixels
//! a square frame to move over the face, cut and scaled to fit on a canvas before upload; and a progress bar
//! while the file travels (XMLHttpRequest, since fetch reports no upload progress). Without JavaScript the
//! form posts the file as it is and the server answers with a page. The server checks everything either way.

use leptos::{html, prelude::*};
use serde::{Deserialize, Serialize};

#[cfg(feature = "hydrate")]
mod browser;
mod frame;

use frame::Frame;

/// The frame's smallest side is the rule's minimum (a smaller square would be refused).
use super::domain::MIN_SIDE;

/// The picker's words, translated by the server. `{width}`, `{height}` and `{size}` are filled in here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PickerLabels {
    pub crop_heading: String,
    pub crop_help: String,
    pub crop_canvas: String,
    pub crop_size: String,
    pub preview_alt: String,
    pub preview_ok: String,
    pub preview_unknown: String,
    pub too_small: String,
    pub too_large: String,
    pub uploading: String,
    pub failed: String,
}

/// Wraps the file field of the photo form.
#[island(lazy)]
pub fn PhotoPicker(labels: PickerLabels, children: Children) -> impl IntoView {
    let wrapper = NodeRef::<html::Div>::new();
    let canvas = NodeRef::<html::Canvas>::new();
    let frame = RwSignal::new(None::<Frame>);
    let preview = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<(String, bool)>);
    // Whole numbers only on the page: formatting or parsing a float would add ~20 KB of wasm.
    let progress = RwSignal::new(None::<u32>);
    #[cfg(feature = "hydrate")]
    browser::wire(wrapper, canvas, frame, preview, message, progress, labels.clone());
    let size_range = move || {
        frame.get().map(|f| {
            let largest = f.width.min(f.height) as u32;
            (MIN_SIDE.min(largest), largest, f.side as u32)
        })
    };
    #[cfg(feature = "hydrate")]
    let on_size = move |ev: leptos::ev::Event| {
        if let (Some(f), Ok(side)) = (frame.get_untracked(), event_target_value(&ev).parse::<u32>()) {
            frame.set(Some(f.resized(f64::from(side))));
        }
    };
    #[cfg(not(feature = "hydrate"))]
    let on_size = |_: leptos::ev::Event| {};
    crate::island_ready::mark_hydrated(wrapper);
    let (crop_heading, crop_canvas, crop_size, preview_alt, uploading) = (
        labels.crop_heading,
        labels.crop_canvas,
        labels.crop_size,
        labels.preview_alt,
        labels.uploading,
    );
    view! {
        <div node_ref=wrapper>{children()}</div>
        <p class="photo-message" role="status" aria-live="polite"
            class:photo-message--error=move || message.get().is_some_and(|m| m.1)>
            {move || message.get().map(|m| m.0)}
        </p>
        <div class="photo-crop" hidden=move || frame.get().is_none()>
            <h3 class="heading-s">{crop_heading}</h3>
            <canvas node_ref=canvas class="photo-crop__canvas" tabindex="0" role="img" aria-label=crop_canvas></canvas>
            <label class="label" for="photo-crop-size">{crop_size}</label>
            <input type="range" id="photo-crop-size" class="photo-crop__size" step="1"
                min=move || size_range().map(|r| r.0).unwrap_or(0).to_string()
                max=move || size_range().map(|r| r.1).unwrap_or(0).to_string()
                prop:value=move || size_range().map(|r| r.2).unwrap_or(0).to_string()
                on:input=on_size />
        </div>
        <img class="photo-preview" alt=preview_alt hidden=move || preview.get().is_none()
            src=move || preview.get().unwrap_or_default() />
        <div class="photo-progress" hidden=move || progress.get().is_none()>
            <label class="label" for="photo-progress">{uploading}</label>
            <progress id="photo-progress" max="100" value=move || progress.get().unwrap_or(0).to_string()></progress>
        </div>
    }
}
