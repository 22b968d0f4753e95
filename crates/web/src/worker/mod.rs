//! The worker: loads the models and the data, then reviews each file the
//! page sends, posting progress, the decoded pages and the report.
//!
//! Reviews run one at a time, in the order the files arrive; the page stays
//! responsive meanwhile and messages posted reach it at once. The worker
//! starts a second worker, the reader (see [`reader`]), that reads half of
//! each page's lines on the other core.

mod fetch;
mod load;
mod reader;
mod run;

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::error::WebError;
use crate::protocol::{FromWorker, ToWorker};
use crate::wire;

pub use load::Loaded;

/// What the worker holds once loading is done.
type Slot = Rc<RefCell<Option<Rc<Loaded>>>>;

/// A review request: the file's name, its bytes and the declaration's text.
type Request = (String, Vec<u8>, Option<String>);

/// The review worker's state: what is loaded, the reader, the requests
/// waiting, and whether a review is running.
#[derive(Clone)]
struct Worker {
    slot: Slot,
    reader: Rc<Option<reader::Reader>>,
    queue: Rc<RefCell<VecDeque<Request>>>,
    running: Rc<Cell<bool>>,
}

/// The worker's global scope.
fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// The worker script's query string (`?log=debug`, passed on by the page).
pub(crate) fn query() -> String {
    scope().location().search()
}

/// Bytes of this worker's WebAssembly linear memory.
pub(crate) fn memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| {
            f64::from(
                m.buffer()
                    .unchecked_into::<js_sys::ArrayBuffer>()
                    .byte_length(),
            )
        })
        .unwrap_or(0.0)
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

/// The worker's entry point: a reader when started as one; otherwise the
/// review worker, which listens for files and starts loading.
pub fn start() {
    crate::console_log::init(&query());
    if reader::is_reader() {
        reader::start_reader();
        return;
    }
    let worker = Worker {
        slot: Rc::new(RefCell::new(None)),
        reader: Rc::new(reader::Reader::start()),
        queue: Rc::new(RefCell::new(VecDeque::new())),
        running: Rc::new(Cell::new(false)),
    };

    // Requests queue as they arrive; before loading ends they are refused
    // (the page waits for `Ready` before it sends a file).
    let for_messages = worker.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        if let Err(e) = handle(&for_messages, &event.data()) {
            post(
                &FromWorker::Failed {
                    error: e.user_message(),
                },
                None,
            );
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();

    // Load models and data, then say so.
    let slot = worker.slot.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let started = now_ms();
        match load::load().await {
            Ok(loaded) => {
                let engine_ms = loaded.engine_ms;
                *slot.borrow_mut() = Some(Rc::new(loaded));
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

/// Handles one message from the page: queues the review it asks for.
fn handle(worker: &Worker, data: &JsValue) -> Result<(), WebError> {
    let (json, bytes) = wire::open(data)?;
    let message: ToWorker = serde_json::from_str(&json)
        .map_err(|e| WebError::Browser(format!("a message that is not ours: {e}")))?;
    match message {
        ToWorker::Review {
            file_name,
            declaration,
        } => {
            if worker.slot.borrow().is_none() {
                return Err(WebError::Browser("the models are not loaded yet".into()));
            }
            let bytes = bytes.unwrap_or_default();
            worker
                .queue
                .borrow_mut()
                .push_back((file_name, bytes, declaration));
            if !worker.running.replace(true) {
                wasm_bindgen_futures::spawn_local(drain(worker.clone()));
            }
            Ok(())
        }
    }
}

/// Reviews the queued requests one after the other, posting each result.
async fn drain(worker: Worker) {
    loop {
        let next = worker.queue.borrow_mut().pop_front();
        let Some((file_name, bytes, declaration)) = next else {
            break;
        };
        let Some(loaded) = worker.slot.borrow().clone() else {
            break;
        };
        let reader = worker.reader.as_ref().as_ref();
        let reply = match run::review_file(
            &loaded,
            reader,
            &file_name,
            bytes,
            declaration.as_deref(),
        )
        .await
        {
            Ok(result) => FromWorker::Done {
                result: Box::new(result),
            },
            Err(e) => FromWorker::Failed {
                error: e.user_message(),
            },
        };
        post(&reply, None);
    }
    worker.running.set(false);
}
