//! The drop zone and the file pickers: a certificate (PDF, PNG, JPEG,
//! TIFF, or a photo from the camera) and an optional declaration (JSON).

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, File, HtmlInputElement};
use yew::prelude::*;

use crate::i18n::{text, Label, Lang};

/// The file types the picker offers.
const ACCEPT: &str =
    ".pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/png,image/jpeg,image/tiff";

/// Properties of [`Input`].
#[derive(Properties, PartialEq)]
pub struct InputProps {
    /// The page's language.
    pub lang: Lang,
    /// A certificate was chosen: (name, bytes).
    pub on_file: Callback<(String, Vec<u8>)>,
    /// A declaration was chosen: (name, JSON text), or cleared.
    pub on_declaration: Callback<Option<(String, String)>>,
    /// The chosen declaration's file name.
    pub declaration: Option<String>,
}

/// Reads a file's bytes, then hands them to `done`.
pub fn read_file(file: File, done: impl FnOnce(String, Vec<u8>) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => done(file.name(), Uint8Array::new(&buffer).to_vec()),
            Err(e) => log::error!("reading {}: {e:?}", file.name()),
        }
    });
}

/// The first file of an `<input type=file>` change event.
fn chosen_file(event: &Event) -> Option<File> {
    let input: HtmlInputElement = event.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    // Let the same file be chosen again.
    input.set_value("");
    file
}

/// Drop zone and pickers.
#[function_component(Input)]
pub fn input(props: &InputProps) -> Html {
    let lang = props.lang;
    let over = use_state(|| false);

    let on_certificate = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = chosen_file(&e) {
                let on_file = on_file.clone();
                read_file(file, move |n, b| on_file.emit((n, b)));
            }
        })
    };
    let on_declaration = {
        let on_declaration = props.on_declaration.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = chosen_file(&e) {
                let on_declaration = on_declaration.clone();
                read_file(file, move |name, bytes| {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    on_declaration.emit(Some((name, text)));
                });
            }
        })
    };
    let on_drag_over = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let on_drag_leave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let on_drop = {
        let over = over.clone();
        let on_file = props.on_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            let file = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                let on_file = on_file.clone();
                read_file(file, move |n, b| on_file.emit((n, b)));
            }
        })
    };
    let on_photo = on_certificate.clone();
    let clear = {
        let on_declaration = props.on_declaration.clone();
        Callback::from(move |_| on_declaration.emit(None))
    };

    html! {
        <section class="input">
            <label id="drop-zone" class={classes!("drop", (*over).then_some("over"))}
                ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                <span>{ text(lang, Label::DropHere) }</span>
                <span class="button">{ text(lang, Label::ChooseCertificate) }</span>
                <input id="certificate-input" type="file" accept={ACCEPT}
                    onchange={on_certificate} />
                <span class="hint">{ text(lang, Label::PasteHint) }</span>
            </label>
            // The camera where the device has one; elsewhere the file dialog.
            <label class="button camera">
                { text(lang, Label::TakePhoto) }
                <input id="camera-input" type="file" accept="image/*" capture="environment"
                    onchange={on_photo} />
            </label>
            <div class="declaration">
                <label class="button">
                    { text(lang, Label::ChooseDeclaration) }
                    <input id="declaration-input" type="file" accept=".json,application/json"
                        onchange={on_declaration} />
                </label>
                <span id="declaration-name">
                    { props.declaration.clone().unwrap_or_else(|| text(lang, Label::NoDeclaration).into()) }
                </span>
                if props.declaration.is_some() {
                    <button class="clear" onclick={clear}>{ "×" }</button>
                }
            </div>
        </section>
    }
}
