//! The picker's browser half: listeners on the form, the canvas drawing, the crop and the upload.

use leptos::{html, prelude::*};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{
    CanvasRenderingContext2d, Event, File, FormData, HtmlCanvasElement, HtmlFormElement, HtmlImageElement,
    HtmlInputElement, KeyboardEvent, PointerEvent, ProgressEvent, XmlHttpRequest,
};

use super::{frame::Frame, PickerLabels};
use crate::photo::domain::{check_dimensions, check_size, fitted_side, megabytes, Problem, FIELD, MIN_SIDE};

/// Size of the crop canvas on the page, in CSS pixels (the picture is shown scaled down to it).
const VIEW: f64 = 320.0;

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
