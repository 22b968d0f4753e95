//! The worker: loads the models and the data, then reviews each file the
//! page sends, posting progress, the decoded pages and the report.
//!
//! A review runs synchronously inside the worker (the page stays
//! responsive); messages posted meanwhile reach the page at once.

mod fetch;
mod load;
mod run;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::error::WebError;
use crate::protocol::{FromWorker, ToWorker};
use crate::wire;

pub use load::Loaded;

/// What the worker holds once loading is done.
type Slot = Rc<RefCell<Option<Loaded>>>;

/// The worker's global scope.
fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Milliseconds from the worker's time origin.
pub(crate) fn now_ms() -> f64 {
    scope().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Posts a message (and bytes, transferred) to the page.
pub(crate) fn post(message: &FromWorker, bytes: Option<&[u8]>) {
    match wire::envelope(&message.to_json(), bytes) {
        Ok((object, transfer)) => {
            if let Err(e) = scope().post_message_with_transfer(&object, &transfer) {
                log::error!("posting to the page: {e:?}");
            }
        }
        Err(e) => log::error!("{e}"),
    }
}

/// The worker's entry point: listens for files and starts loading.
pub fn start() {
    let slot: Slot = Rc::new(RefCell::new(None));

    // Reviews run as messages arrive; before loading ends they are refused
    // (the page waits for `Ready` before it sends a file).
    let for_messages = slot.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let reply = match handle(&for_messages, &event.data()) {
            Ok(()) => return,
            Err(e) => FromWorker::Failed {
                error: e.user_message(),
            },
        };
        post(&reply, None);
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();

    // Load models and data, then say so.
    wasm_bindgen_futures::spawn_local(async move {
        let started = now_ms();
        match load::load().await {
            Ok(loaded) => {
                let engine_ms = loaded.engine_ms;
                *slot.borrow_mut() = Some(loaded);
                post(
                    &FromWorker::Ready {
                        init_ms: now_ms() - started,
                        engine_ms,
                    },
                    None,
                );
            }
            Err(e) => {
                log::error!("{e}");
                post(
                    &FromWorker::InitFailed {
                        error: e.user_message(),
                    },
                    None,
                );
            }
        }
    });
}

/// Handles one message from the page.
fn handle(slot: &Slot, data: &JsValue) -> Result<(), WebError> {
    let (json, bytes) = wire::open(data)?;
    let message: ToWorker = serde_json::from_str(&json)
        .map_err(|e| WebError::Browser(format!("a message that is not ours: {e}")))?;
    match message {
        ToWorker::Review {
            file_name,
            declaration,
        } => {
            let loaded = slot.borrow();
            let loaded = loaded
                .as_ref()
                .ok_or_else(|| WebError::Browser("the models are not loaded yet".into()))?;
            let bytes = bytes.unwrap_or_default();
            let result = run::review_file(loaded, &file_name, bytes, declaration.as_deref())?;
            post(
                &FromWorker::Done {
                    result: Box::new(result),
                },
                None,
            );
            Ok(())
        }
    }
}
