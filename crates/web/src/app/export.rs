//! Export and print: "Export JSON" downloads the report with the officer's
//! decisions (`review-<certificate number>.json`); "Print" opens the
//! browser's print dialog (web/print.css makes a clean one-column page).
//!
//! Stable ids: `#export-json`, `#print`, `#decided` (`data-count`).

use std::rc::Rc;

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, HtmlAnchorElement, Url};
use yew::prelude::*;

use crate::error::WebError;
use crate::i18n::{self, text, Label, Lang};
use crate::protocol::ReviewResult;
use crate::view_model::decisions::{export_file_name, export_json, Decisions};

/// Properties of [`ExportBar`].
#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    /// The page's language.
    pub lang: Lang,
    /// The reviewed file's name.
    pub file_name: String,
    /// The review result.
    pub result: Rc<ReviewResult>,
    /// The officer's decisions.
    pub decisions: Decisions,
}

/// Saves `text` as a download named `name`.
fn download(name: &str, text: &str) -> Result<(), WebError> {
    let browser = |what: &str, e: JsValue| WebError::Browser(format!("{what}: {e:?}"));
    let parts = Array::of1(&JsValue::from_str(text));
    let blob = Blob::new_with_str_sequence(&parts).map_err(|e| browser("blob", e))?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|e| browser("object URL", e))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| WebError::Browser("no document".into()))?;
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| browser("link", e))?
        .dyn_into()
        .map_err(|e| browser("link", e.into()))?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = Url::revoke_object_url(&url);
    Ok(())
}

/// The export and print buttons with the count of decisions.
#[function_component(ExportBar)]
pub fn export_bar(props: &ExportBarProps) -> Html {
    let lang = props.lang;
    let export = {
        let file = props.file_name.clone();
        let result = props.result.clone();
        let decisions = props.decisions.clone();
        Callback::from(move |_| {
            let report = &result.report;
            let json = export_json(&file, report, &decisions);
            if let Err(e) = download(&export_file_name(report), &json) {
                log::error!("{e}");
            }
        })
    };
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            if let Err(e) = w.print() {
                log::error!("print: {e:?}");
            }
        }
    });
    let n = props.decisions.len();
    let m = props.result.report.findings.len();
    html! {
        <div class="export-bar">
            <span id="decided" data-count={n.to_string()}>{ i18n::decided(lang, n, m) }</span>
            <button type="button" id="export-json" class="button" onclick={export}>
                { text(lang, Label::ExportJson) }
            </button>
            <button type="button" id="print" class="button" onclick={print}>
                { text(lang, Label::Print) }
            </button>
        </div>
    }
}
