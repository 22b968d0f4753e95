//! The web app: a Yew page and a Web Worker, built from this one library
//! into two WebAssembly binaries (`sdr-app` and `sdr-worker`).
//!
//! The page never runs the review itself: it hands the dropped file's bytes
//! to the worker, which loads the models and the data from the page's own
//! origin, runs [`review::pipeline`] and posts back progress, the decoded
//! page images and the report. Nothing leaves the browser.
//!
//! `protocol`, `i18n` and `view_model` are plain Rust (tested natively);
//! `app` and `worker` hold the browser glue.

pub mod app;
pub mod console_log;
pub mod error;
pub mod i18n;
pub mod protocol;
pub mod view_model;
pub mod wire;
pub mod worker;

#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
