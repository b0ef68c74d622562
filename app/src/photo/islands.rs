//! The photo picker, hydrated in the browser: a preview of the chosen file; for a picture over 500 x 500 pixels
//! a square frame to move over the face, cut and scaled to fit on a canvas before upload; and a progress bar
//! while the file travels (XMLHttpRequest, since fetch reports no upload progress). Without JavaScript the
//! form posts the file as it is and the server answers with a page. The server checks everything either way.

use leptos::{html, prelude::*};
use serde::{Deserialize, Serialize};

#[cfg(feature = "hydrate")]
use super::domain::{check_dimensions, check_size, fitted_side, megabytes, Problem, FIELD, MIN_SIDE};

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

/// The square to keep, in the picture's own pixels.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Frame {
    width: f64,
    height: f64,
    x: f64,
    y: f64,
    side: f64,
}

#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
impl Frame {
    /// The largest square, centred: "scale to fit" before the person moves anything.
    fn centred(width: f64, height: f64) -> Frame {
        let side = width.min(height);
        Frame {
            width,
            height,
            x: (width - side) / 2.0,
            y: (height - side) / 2.0,
            side,
        }
    }

    fn moved_to(self, x: f64, y: f64) -> Frame {
        Frame {
            x: x.clamp(0.0, self.width - self.side),
            y: y.clamp(0.0, self.height - self.side),
            ..self
        }
    }

    /// A new size, keeping the square's centre where it was.
    fn resized(self, side: f64) -> Frame {
        let side = side.clamp(1.0, self.width.min(self.height));
        let (cx, cy) = (self.x + self.side / 2.0, self.y + self.side / 2.0);
        Frame { side, ..self }.moved_to(cx - side / 2.0, cy - side / 2.0)
    }
}

/// Size of the crop canvas on the page, in CSS pixels (the picture is shown scaled down to it).
#[cfg(feature = "hydrate")]
const VIEW: f64 = 320.0;

/// Wraps the file field of the photo form.
#[island]
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
            (MIN_SIDE_F.min(largest), largest, f.side as u32)
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

/// The frame's smallest side: the rule's minimum (a smaller square would be refused).
const MIN_SIDE_F: u32 = super::domain::MIN_SIDE;

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::{html, prelude::*};
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::{
        CanvasRenderingContext2d, Event, File, FormData, HtmlCanvasElement, HtmlFormElement, HtmlImageElement,
        HtmlInputElement, KeyboardEvent, PointerEvent, ProgressEvent, XmlHttpRequest,
    };

    use super::*;

    type Message = RwSignal<Option<(String, bool)>>;

    fn fill(template: &str, width: u32, height: u32) -> String {
        template
            .replace("{width}", &width.to_string())
            .replace("{height}", &height.to_string())
    }

    pub fn wire(
        wrapper: NodeRef<html::Div>,
        canvas: NodeRef<html::Canvas>,
        frame: RwSignal<Option<Frame>>,
        preview: RwSignal<Option<String>>,
        message: Message,
        progress: RwSignal<Option<u32>>,
        labels: PickerLabels,
    ) {
        let image = StoredValue::new_local(None::<HtmlImageElement>);
        let drag = StoredValue::new(None::<(f64, f64)>);

        // Redraw whenever the frame moves.
        Effect::new(move |_| {
            if let (Some(f), Some(canvas), Some(img)) = (frame.get(), canvas.get(), image.get_value()) {
                draw(&canvas, &img, f);
            }
        });

        Effect::new(move |_| {
            let Some(div) = wrapper.get() else { return };
            let Ok(Some(form)) = div.closest("form") else { return };
            let Some(input) = div
                .query_selector("input[type=file]")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let labels_change = labels.clone();
            let on_change = Closure::<dyn FnMut(Event)>::new(move |ev: Event| {
                let input: HtmlInputElement = ev.target().unwrap().unchecked_into();
                let file = input.files().and_then(|files| files.get(0));
                chosen(file, &labels_change, frame, preview, message, image);
            });
            let _ = input.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
            on_change.forget();

            let labels_submit = labels.clone();
            let on_submit = Closure::<dyn FnMut(Event)>::new(move |ev: Event| {
                ev.prevent_default();
                let form: HtmlFormElement = ev.target().unwrap().unchecked_into();
                submit(
                    &form,
                    frame.get_untracked(),
                    image.get_value(),
                    &labels_submit,
                    message,
                    progress,
                );
            });
            let _ = form.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
            on_submit.forget();

            if let Some(canvas) = canvas.get() {
                listen_drag(&canvas, frame, drag);
            }
        });
    }

    /// A file was chosen: load it as a picture and decide between preview, crop and a message.
    fn chosen(
        file: Option<File>,
        labels: &PickerLabels,
        frame: RwSignal<Option<Frame>>,
        preview: RwSignal<Option<String>>,
        message: Message,
        image: StoredValue<Option<HtmlImageElement>, LocalStorage>,
    ) {
        frame.set(None);
        preview.set(None);
        message.set(None);
        let Some(file) = file else { return };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&file) else {
            return;
        };
        let Ok(img) = HtmlImageElement::new() else { return };
        let bytes = file.size() as u64;
        let labels = labels.clone();
        let loaded = img.clone();
        let url_loaded = url.clone();
        let on_load = Closure::<dyn FnMut()>::new(move || {
            let (w, h) = (loaded.natural_width(), loaded.natural_height());
            image.set_value(Some(loaded.clone()));
            match check_dimensions(w, h) {
                Err(Problem::TooBig { .. }) if w.min(h) >= MIN_SIDE => {
                    message.set(Some((fill(&labels.crop_help, w, h), false)));
                    frame.set(Some(Frame::centred(f64::from(w), f64::from(h))));
                }
                Err(Problem::TooBig { .. } | Problem::TooSmall { .. }) => {
                    message.set(Some((fill(&labels.too_small, w, h), true)));
                }
                _ => match check_size(bytes) {
                    Err(_) => message.set(Some((labels.too_large.replace("{size}", &megabytes(bytes)), true))),
                    Ok(()) => {
                        preview.set(Some(url_loaded.clone()));
                        message.set(Some((fill(&labels.preview_ok, w, h), false)));
                    }
                },
            }
        });
        let unknown = labels.preview_unknown.clone();
        let on_error = Closure::<dyn FnMut()>::new(move || message.set(Some((unknown.clone(), false))));
        img.set_onload(Some(on_load.as_ref().unchecked_ref()));
        img.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_load.forget();
        on_error.forget();
        img.set_src(&url);
    }

    fn draw(canvas: &HtmlCanvasElement, img: &HtmlImageElement, f: Frame) {
        let scale = (VIEW / f.width.max(f.height)).min(1.0);
        let (cw, ch) = ((f.width * scale).round(), (f.height * scale).round());
        canvas.set_width(cw as u32);
        canvas.set_height(ch as u32);
        let Some(ctx) = context(canvas) else { return };
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(img, 0.0, 0.0, cw, ch);
        let (x, y, s) = (f.x * scale, f.y * scale, f.side * scale);
        // Dim what will be cut away; outline what stays.
        ctx.set_fill_style_str("rgba(0, 0, 0, 0.55)");
        ctx.fill_rect(0.0, 0.0, cw, y);
        ctx.fill_rect(0.0, y + s, cw, ch - y - s);
        ctx.fill_rect(0.0, y, x, s);
        ctx.fill_rect(x + s, y, cw - x - s, s);
        ctx.set_stroke_style_str("#ffdd00");
        ctx.set_line_width(3.0);
        ctx.stroke_rect(x + 1.5, y + 1.5, s - 3.0, s - 3.0);
    }

    fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
        canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
    }

    /// Dragging with a finger or mouse, and the arrow keys (10 pixels; 50 with Shift).
    fn listen_drag(canvas: &HtmlCanvasElement, frame: RwSignal<Option<Frame>>, drag: StoredValue<Option<(f64, f64)>>) {
        let at = |canvas: &HtmlCanvasElement, ev: &PointerEvent, f: Frame| {
            let rect = canvas.get_bounding_client_rect();
            (
                (f64::from(ev.client_x()) - rect.left()) / rect.width() * f.width,
                (f64::from(ev.client_y()) - rect.top()) / rect.height() * f.height,
            )
        };
        let target = canvas.clone();
        let down = Closure::<dyn FnMut(PointerEvent)>::new(move |ev: PointerEvent| {
            let Some(f) = frame.get_untracked() else { return };
            let (px, py) = at(&target, &ev, f);
            let _ = target.set_pointer_capture(ev.pointer_id());
            drag.set_value(Some((px - f.x, py - f.y)));
        });
        let target = canvas.clone();
        let moved = Closure::<dyn FnMut(PointerEvent)>::new(move |ev: PointerEvent| {
            let (Some(f), Some((dx, dy))) = (frame.get_untracked(), drag.get_value()) else {
                return;
            };
            let (px, py) = at(&target, &ev, f);
            frame.set(Some(f.moved_to(px - dx, py - dy)));
        });
        let up = Closure::<dyn FnMut(PointerEvent)>::new(move |_| drag.set_value(None));
        let key = Closure::<dyn FnMut(KeyboardEvent)>::new(move |ev: KeyboardEvent| {
            let Some(f) = frame.get_untracked() else { return };
            let step = if ev.shift_key() { 50.0 } else { 10.0 };
            let (dx, dy) = match ev.key().as_str() {
                "ArrowLeft" => (-step, 0.0),
                "ArrowRight" => (step, 0.0),
                "ArrowUp" => (0.0, -step),
                "ArrowDown" => (0.0, step),
                _ => return,
            };
            ev.prevent_default();
            frame.set(Some(f.moved_to(f.x + dx, f.y + dy)));
        });
        for (name, callback) in [
            ("pointerdown", down.as_ref()),
            ("pointermove", moved.as_ref()),
            ("pointerup", up.as_ref()),
            ("pointercancel", up.as_ref()),
            ("keydown", key.as_ref()),
        ] {
            let _ = canvas.add_event_listener_with_callback(name, callback.unchecked_ref());
        }
        down.forget();
        moved.forget();
        up.forget();
        key.forget();
    }

    /// Sends the form; a cropped picture replaces the chosen file.
    fn submit(
        form: &HtmlFormElement,
        frame: Option<Frame>,
        img: Option<HtmlImageElement>,
        labels: &PickerLabels,
        message: Message,
        progress: RwSignal<Option<u32>>,
    ) {
        let Ok(data) = FormData::new_with_form(form) else {
            return;
        };
        let action = form.action();
        let failed = labels.failed.clone();
        let (Some(f), Some(img)) = (frame, img) else {
            send(&action, &data, failed, message, progress);
            return;
        };
        let side = f64::from(fitted_side(f.side.round() as u32));
        let Some(out) = document()
            .create_element("canvas")
            .ok()
            .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
        else {
            return;
        };
        out.set_width(side as u32);
        out.set_height(side as u32);
        let Some(ctx) = context(&out) else { return };
        let _ = ctx.draw_image_with_html_image_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
            &img, f.x, f.y, f.side, f.side, 0.0, 0.0, side, side,
        );
        let on_blob = Closure::once(move |blob: JsValue| {
            if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
                let _ = data.set_with_blob_and_filename(FIELD, &blob, "photo.jpg");
            }
            send(&action, &data, failed, message, progress);
        });
        let _ = out.to_blob_with_type_and_encoder_options(
            on_blob.as_ref().unchecked_ref(),
            "image/jpeg",
            &JsValue::from_f64(0.92),
        );
        on_blob.forget();
    }

    fn send(action: &str, data: &FormData, failed: String, message: Message, progress: RwSignal<Option<u32>>) {
        let Ok(xhr) = XmlHttpRequest::new() else { return };
        if xhr.open("POST", action).is_err() {
            return;
        }
        let _ = xhr.set_request_header(crate::photo::domain::SCRIPT_HEADER, "1");
        progress.set(Some(0));
        message.set(None);
        let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |ev: ProgressEvent| {
            if ev.length_computable() && ev.total() > 0.0 {
                progress.set(Some((ev.loaded() / ev.total() * 100.0) as u32));
            }
        });
        if let Ok(upload) = xhr.upload() {
            upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        }
        on_progress.forget();
        let request = xhr.clone();
        let failed_load = failed.clone();
        let on_load = Closure::<dyn FnMut()>::new(move || {
            // The answer is the address of the page that shows the outcome (saved, or the errors).
            let href = (request.status().unwrap_or(0) == 200)
                .then(|| request.response_text().ok().flatten())
                .flatten()
                .and_then(|text| js_sys::JSON::parse(&text).ok()?.as_string());
            match href {
                Some(href) => {
                    let _ = window().location().assign(&href);
                }
                None => {
                    progress.set(None);
                    message.set(Some((failed_load.clone(), true)));
                }
            }
        });
        let on_error = Closure::<dyn FnMut()>::new(move || {
            progress.set(None);
            message.set(Some((failed.clone(), true)));
        });
        xhr.set_onload(Some(on_load.as_ref().unchecked_ref()));
        xhr.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_load.forget();
        on_error.forget();
        let _ = xhr.send_with_opt_form_data(Some(data));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_frame_is_the_largest_centred_square() {
        let f = Frame::centred(1200.0, 1600.0);
        assert_eq!((f.x, f.y, f.side), (0.0, 200.0, 1200.0));
    }

    #[test]
    fn the_frame_stays_inside_the_picture() {
        let f = Frame::centred(1200.0, 1600.0).resized(600.0);
        assert_eq!((f.x, f.y, f.side), (300.0, 500.0, 600.0));
        let moved = f.moved_to(-50.0, 5000.0);
        assert_eq!((moved.x, moved.y), (0.0, 1000.0));
        assert_eq!(f.resized(5000.0).side, 1200.0);
    }
}
