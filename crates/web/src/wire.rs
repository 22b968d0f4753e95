//! The envelope of a message between page and worker: a JS object
//! `{ json: string, bytes?: Uint8Array }`. Bytes are transferred, not
//! copied, when posted.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use crate::error::WebError;

/// Builds the envelope and the transfer list for `postMessage`.
pub fn envelope(json: &str, bytes: Option<&[u8]>) -> Result<(Object, Array), WebError> {
    let message = Object::new();
    let transfer = Array::new();
    set(&message, "json", &JsValue::from_str(json))?;
    if let Some(bytes) = bytes {
        let array = Uint8Array::new_from_slice(bytes);
        set(&message, "bytes", &array)?;
        transfer.push(&array.buffer());
    }
    Ok((message, transfer))
}

/// Reads the JSON text and the bytes (if any) of an envelope.
pub fn open(data: &JsValue) -> Result<(String, Option<Vec<u8>>), WebError> {
    let json = Reflect::get(data, &JsValue::from_str("json"))
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| WebError::Browser("a message without json".into()))?;
    let bytes = Reflect::get(data, &JsValue::from_str("bytes"))
        .ok()
        .and_then(|v| v.dyn_into::<Uint8Array>().ok())
        .map(|a| a.to_vec());
    Ok((json, bytes))
}

fn set(object: &Object, key: &str, value: &JsValue) -> Result<(), WebError> {
    Reflect::set(object, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|e| WebError::Browser(format!("setting {key}: {e:?}")))
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn an_envelope_opens_to_its_text_and_bytes_and_transfers_its_buffer() {
        let bytes = [0u8, 1, 2, 250, 255];
        let (message, transfer) = envelope(r#"{"a":1}"#, Some(&bytes)).unwrap();
        assert_eq!(transfer.length(), 1);
        let array: Uint8Array = Reflect::get(&message, &"bytes".into()).unwrap().into();
        assert_eq!(transfer.get(0), JsValue::from(array.buffer()));

        let (json, got) = open(&message).unwrap();
        assert_eq!(json, r#"{"a":1}"#);
        assert_eq!(got.as_deref(), Some(&bytes[..]));
    }

    #[wasm_bindgen_test]
    fn an_envelope_without_bytes_transfers_nothing() {
        let (message, transfer) = envelope("{}", None).unwrap();
        assert_eq!(transfer.length(), 0);
        assert_eq!(open(&message).unwrap(), ("{}".to_string(), None));
    }

    #[wasm_bindgen_test]
    fn a_foreign_message_is_an_error_not_a_panic() {
        for data in [
            JsValue::NULL,
            JsValue::from_str("text"),
            Object::new().into(),
        ] {
            let error = open(&data).unwrap_err();
            assert_eq!(
                error.to_string(),
                WebError::Browser("a message without json".into()).to_string()
            );
        }
    }
}
