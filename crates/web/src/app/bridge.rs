//! The page's side of the worker: starts it, sends files, turns its
//! messages into actions.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use super::state::Action;
use crate::error::WebError;
use crate::protocol::{FromWorker, ToWorker};
use crate::wire;

/// The worker's bootstrap script (a module that loads `pkg/sdr-worker.js`),
/// relative to the page.
const WORKER_SCRIPT: &str = "worker.js";

/// A running worker and the listener that feeds its messages to the page.
pub struct Bridge {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl Bridge {
    /// Starts the worker; each of its messages goes to `dispatch`.
    pub fn start(dispatch: impl Fn(Action) + 'static) -> Result<Bridge, WebError> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker =
            Worker::new_with_options(&format!("{WORKER_SCRIPT}{}", page_query()), &options)
                .map_err(|e| WebError::Browser(format!("starting the worker: {e:?}")))?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            match wire::open(&event.data()).and_then(|(json, bytes)| {
                serde_json::from_str::<FromWorker>(&json)
                    .map(|m| (m, bytes))
                    .map_err(|e| WebError::Browser(format!("worker message: {e}")))
            }) {
                Ok((message, bytes)) => dispatch(Action::Worker(message, bytes, page_now_ms())),
                Err(e) => log::error!("{e}"),
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Ok(Bridge {
            worker,
            _on_message: on_message,
        })
    }

    /// Sends a file (its bytes are transferred) and the declaration's text.
    pub fn review(
        &self,
        file_name: &str,
        bytes: &[u8],
        declaration: Option<String>,
    ) -> Result<(), WebError> {
        let message = ToWorker::Review {
            file_name: file_name.to_string(),
            declaration,
        };
        let (object, transfer) = wire::envelope(&message.to_json(), Some(bytes))?;
        self.worker
            .post_message_with_transfer(&object, &transfer)
            .map_err(|e| WebError::Browser(format!("sending the file to the worker: {e:?}")))
    }
}

/// Milliseconds from the page's time origin.
pub fn page_now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// The page address's query string (`?log=debug` raises the console log
/// level of the page and its workers).
pub fn page_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}
