//! A second OCR engine in a worker of its own, started by the review worker,
//! so that a page's lines are read on two cores at once: the review worker
//! detects the lines, keeps about half of the reading work and hands the
//! other half to the reader (see `ocr::share`).
//!
//! The reader is the same WebAssembly as the review worker, started with the
//! worker name [`READER_NAME`]. It loads only the models. When it cannot
//! start, fails or dies, the review worker reads every line itself: the
//! reader only ever makes a review faster, never breaks one.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures_channel::oneshot;
use image::RgbImage;
use ocr::quad::Quad;
use ocr::recognise::ReadLine;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

use super::{load, query, scope};
use crate::error::WebError;
use crate::wire;

/// The worker name that makes the worker a reader.
pub const READER_NAME: &str = "sdr-reader";

/// The worker's bootstrap script, relative to the review worker's own.
const WORKER_SCRIPT: &str = "worker.js";

/// From the review worker to the reader.
#[derive(Debug, Serialize, Deserialize)]
enum ToReader {
    /// Read the lines inside `quads` on the RGB image (`width * height * 3`
    /// bytes) that travels beside the message.
    Read {
        width: u32,
        height: u32,
        quads: Vec<Quad>,
    },
}

/// From the reader to the review worker.
#[derive(Debug, Serialize, Deserialize)]
enum FromReader {
    /// The models are loaded.
    Ready,
    /// Loading failed: the reader will not read.
    InitFailed(String),
    /// What was read, one (text, confidence) per quad, in order, and the
    /// reader's linear memory in bytes.
    Read(Vec<(String, f32)>, f64),
    /// Reading failed.
    Failed(String),
}

/// Whether this worker was started as a reader.
pub fn is_reader() -> bool {
    scope().name() == READER_NAME
}

/// The reader's entry point: loads the models, then reads what it is sent.
pub fn start_reader() {
    let engine: Rc<RefCell<Option<ocr::Engine>>> = Rc::new(RefCell::new(None));

    // Requests before the models are loaded cannot come: the review worker
    // waits for Ready.
    let for_messages = engine.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let reply = match read(&for_messages, &event.data()) {
            Ok(lines) => FromReader::Read(lines, super::memory_bytes()),
            Err(e) => FromReader::Failed(e.to_string()),
        };
        send_to_parent(&reply);
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();

    wasm_bindgen_futures::spawn_local(async move {
        match load::load_engine(false).await {
            Ok((loaded, _)) => {
                *engine.borrow_mut() = Some(loaded);
                send_to_parent(&FromReader::Ready);
            }
            Err(e) => send_to_parent(&FromReader::InitFailed(e.to_string())),
        }
    });
}

/// Reads one request's lines.
fn read(
    engine: &RefCell<Option<ocr::Engine>>,
    data: &JsValue,
) -> Result<Vec<(String, f32)>, WebError> {
    let (json, bytes) = wire::open(data)?;
    let ToReader::Read {
        width,
        height,
        quads,
    } = serde_json::from_str(&json)
        .map_err(|e| WebError::Browser(format!("a reader message that is not ours: {e}")))?;
    let pixels = bytes.unwrap_or_default();
    let got = pixels.len();
    let image = RgbImage::from_raw(width, height, pixels).ok_or_else(|| {
        WebError::Browser(format!(
            "{got} bytes for a {width} x {height} RGB image to read"
        ))
    })?;
    let engine = engine.borrow();
    let engine = engine
        .as_ref()
        .ok_or_else(|| WebError::Browser("the reader's models are not loaded".into()))?;
    let lines = engine
        .recognise(&image, &quads)
        .map_err(|e| WebError::Browser(format!("reader: {e}")))?;
    Ok(lines.into_iter().map(|l| (l.text, l.confidence)).collect())
}

/// Posts a message to the review worker that started this reader.
fn send_to_parent(message: &FromReader) {
    let json = serde_json::to_string(message).unwrap_or_default();
    match wire::envelope(&json, None) {
        Ok((object, _)) => {
            if let Err(e) = scope().post_message(&object) {
                log::error!("reader: posting: {e:?}");
            }
        }
        Err(e) => log::error!("reader: {e}"),
    }
}

/// Where the reader is, seen from the review worker.
enum ReaderState {
    /// Loading its models.
    Loading,
    /// Ready for a request.
    Ready,
    /// A request is out; its answer goes to this sender.
    Busy(oneshot::Sender<Result<Vec<ReadLine>, String>>),
    /// Failed to load, or died: not used again.
    Gone,
}

/// The review worker's handle on its reader.
pub struct Reader {
    worker: Worker,
    state: Rc<RefCell<ReaderState>>,
    /// The reader's linear memory in bytes, as its last answer said.
    memory: Rc<Cell<f64>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl Reader {
    /// Starts a reader. `None` when the browser has a single core (a second
    /// engine would only cost memory) or cannot start a nested worker.
    pub fn start() -> Option<Reader> {
        let cores = scope().navigator().hardware_concurrency();
        if cores < 2.0 {
            log::info!("{cores} core(s): reading every line in this worker");
            return None;
        }
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        options.set_name(READER_NAME);
        let worker =
            match Worker::new_with_options(&format!("{WORKER_SCRIPT}{}", query()), &options) {
                Ok(worker) => worker,
                Err(e) => {
                    log::warn!("no reader worker: {e:?}");
                    return None;
                }
            };
        let state = Rc::new(RefCell::new(ReaderState::Loading));

        // Answers resolve the request waiting for them.
        let memory = Rc::new(Cell::new(0.0));
        let for_memory = memory.clone();
        let for_messages = state.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let message = wire::open(&event.data()).and_then(|(json, _)| {
                serde_json::from_str::<FromReader>(&json)
                    .map_err(|e| WebError::Browser(format!("reader message: {e}")))
            });
            let mut state = for_messages.borrow_mut();
            let previous = std::mem::replace(&mut *state, ReaderState::Ready);
            match (previous, message) {
                (ReaderState::Loading, Ok(FromReader::Ready)) => {}
                (ReaderState::Busy(answer), Ok(FromReader::Read(lines, bytes))) => {
                    for_memory.set(bytes);
                    let lines = lines
                        .into_iter()
                        .map(|(text, confidence)| ReadLine { text, confidence })
                        .collect();
                    let _ = answer.send(Ok(lines));
                }
                (ReaderState::Busy(answer), Ok(FromReader::Failed(e))) => {
                    let _ = answer.send(Err(e));
                }
                (previous, message) => {
                    log::warn!("reader: unexpected message {message:?}; not used again");
                    if let ReaderState::Busy(answer) = previous {
                        let _ = answer.send(Err("unexpected message".into()));
                    }
                    *state = ReaderState::Gone;
                }
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));

        // A reader that dies fails its request; the review reads alone.
        let for_errors = state.clone();
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            log::warn!("reader died: {}", event.message());
            let previous = std::mem::replace(&mut *for_errors.borrow_mut(), ReaderState::Gone);
            if let ReaderState::Busy(answer) = previous {
                let _ = answer.send(Err(event.message()));
            }
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));

        Some(Reader {
            worker,
            state,
            memory,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// The reader's linear memory in bytes, as its last answer said (0
    /// before its first answer).
    pub fn memory_bytes(&self) -> f64 {
        self.memory.get()
    }

    /// Whether the reader can take a request now.
    pub fn is_ready(&self) -> bool {
        matches!(*self.state.borrow(), ReaderState::Ready)
    }

    /// Sends the lines inside `quads` of `image` to be read; the answer
    /// arrives on the returned receiver. Errors when the reader is not ready
    /// or the message cannot be posted.
    pub fn send(
        &self,
        image: &RgbImage,
        quads: Vec<Quad>,
    ) -> Result<oneshot::Receiver<Result<Vec<ReadLine>, String>>, WebError> {
        if !self.is_ready() {
            return Err(WebError::Browser("the reader is not ready".into()));
        }
        let (width, height) = image.dimensions();
        let message = ToReader::Read {
            width,
            height,
            quads,
        };
        let json = serde_json::to_string(&message)
            .map_err(|e| WebError::Browser(format!("reader request: {e}")))?;
        let (object, transfer) = wire::envelope(&json, Some(image.as_raw()))?;
        self.worker
            .post_message_with_transfer(&object, &transfer)
            .map_err(|e| WebError::Browser(format!("sending lines to the reader: {e:?}")))?;
        let (answer, receiver) = oneshot::channel();
        *self.state.borrow_mut() = ReaderState::Busy(answer);
        Ok(receiver)
    }
}
