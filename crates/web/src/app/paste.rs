//! Paste from the clipboard: a `paste` event anywhere on the page that
//! carries an image or a PDF file hands it on like a dropped file.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DataTransfer, Event, File};
use yew::prelude::*;

use super::input::read_file;

/// Is this pasted file one the review reads (an image or a PDF)?
fn reviewable(file: &File) -> bool {
    let kind = file.type_();
    kind.starts_with("image/") || kind == "application/pdf"
}

/// The first image or PDF among a paste event's files.
fn pasted_file(event: &Event) -> Option<File> {
    let data = js_sys::Reflect::get(event, &JsValue::from_str("clipboardData")).ok()?;
    let data: DataTransfer = data.dyn_into().ok()?;
    let files = data.files()?;
    (0..files.length())
        .filter_map(|i| files.get(i))
        .find(reviewable)
}

/// Listens for `paste` on the document while the calling component is
/// mounted; a pasted image or PDF goes to `on_file` as (name, bytes).
/// Pasted text is left alone (it may be going into the form).
#[hook]
pub fn use_paste(on_file: Callback<(String, Vec<u8>)>) {
    use_effect_with(on_file, |on_file| {
        let on_file = on_file.clone();
        let listener = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            if let Some(file) = pasted_file(&event) {
                event.prevent_default();
                let on_file = on_file.clone();
                read_file(file, move |name, bytes| {
                    // Screenshots paste as "image.png"; keep that name.
                    on_file.emit((name, bytes))
                });
            }
        });
        let document = web_sys::window().and_then(|w| w.document());
        if let Some(d) = &document {
            if let Err(e) =
                d.add_event_listener_with_callback("paste", listener.as_ref().unchecked_ref())
            {
                log::error!("listening for paste: {e:?}");
            }
        }
        move || {
            if let Some(d) = document {
                let _ = d.remove_event_listener_with_callback(
                    "paste",
                    listener.as_ref().unchecked_ref(),
                );
            }
            drop(listener);
        }
    });
}
