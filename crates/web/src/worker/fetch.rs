//! Fetching static files from the page's own origin, with progress.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStreamDefaultReader, Response};

use super::scope;
use crate::error::WebError;

/// Progress is posted at most once per this many bytes.
const PROGRESS_STEP: u64 = 256 * 1024;

/// Fetches `url` and returns its bytes, calling `progress(loaded, total)`
/// as chunks arrive (`total` from Content-Length, when sent).
pub async fn fetch_bytes(
    url: &str,
    mut progress: impl FnMut(u64, Option<u64>),
) -> Result<Vec<u8>, WebError> {
    let failed = |status: u16| WebError::Fetch {
        url: url.to_string(),
        status,
    };

    // The request, then the status.
    let response: Response = JsFuture::from(scope().fetch_with_str(url))
        .await
        .map_err(|_| failed(0))?
        .dyn_into()
        .map_err(|_| failed(0))?;
    if !response.ok() {
        return Err(failed(response.status()));
    }
    let total = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.parse::<u64>().ok());

    // Without a readable body, take the whole buffer at once.
    let Some(body) = response.body() else {
        let buffer = JsFuture::from(response.array_buffer().map_err(|_| failed(0))?)
            .await
            .map_err(|_| failed(0))?;
        let bytes = Uint8Array::new(&buffer).to_vec();
        progress(bytes.len() as u64, total);
        return Ok(bytes);
    };

    // Read chunk by chunk, reporting progress.
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(total.unwrap_or(0) as usize);
    let mut reported = 0u64;
    progress(0, total);
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| failed(0))?;
        let done = Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        if let Ok(value) = Reflect::get(&chunk, &JsValue::from_str("value")) {
            if let Ok(array) = value.dyn_into::<Uint8Array>() {
                let start = bytes.len();
                bytes.resize(start + array.length() as usize, 0);
                array.copy_to(&mut bytes[start..]);
            }
        }
        let loaded = bytes.len() as u64;
        if loaded - reported >= PROGRESS_STEP {
            progress(loaded, total);
            reported = loaded;
        }
    }
    progress(bytes.len() as u64, total);
    Ok(bytes)
}

/// Fetches `url` as UTF-8 text (no progress).
pub async fn fetch_text(url: &str) -> Result<String, WebError> {
    let bytes = fetch_bytes(url, |_, _| {}).await?;
    String::from_utf8(bytes).map_err(|e| WebError::Data(format!("{url}: not UTF-8: {e}")))
}
