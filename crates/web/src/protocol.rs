//! Messages between the page and the worker.
//!
//! Each message is a JS object `{ json, bytes }`: `json` is one of these
//! enums serialised with serde_json, and `bytes` (optional) carries binary
//! data beside it, a transferred `Uint8Array` (see [`crate::wire`]).

use review::report::Report;
use serde::{Deserialize, Serialize};

use crate::error::UserMessage;

/// The steps the worker reports while it reviews a file, in their order:
/// decoding (done by the worker) and then the pipeline's own steps, in the
/// order [`review::pipeline::review_pages`] times them.
pub const STEPS: [&str; 7] = [
    "decode", "ocr", "identify", "extract", "inspect", "check", "decide",
];

/// From the page to the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToWorker {
    /// Review the file whose bytes travel beside this message.
    Review {
        /// The file's name, for messages only.
        file_name: String,
        /// The declaration's JSON text, if the user gave one.
        declaration: Option<String>,
    },
}

/// From the worker to the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FromWorker {
    /// Download progress of one static file (a model, the data).
    Loading {
        /// What is loading: a model name of the manifest (`det`, `rec`,
        /// `dict`) or `data`.
        item: String,
        /// Bytes received so far.
        loaded: u64,
        /// Total bytes, when the server said.
        total: Option<u64>,
    },
    /// Models and data are loaded; reviews can start.
    Ready {
        /// Milliseconds from the worker's start to ready (download and
        /// model initialisation).
        init_ms: f64,
        /// Milliseconds of that spent building the OCR engine.
        engine_ms: f64,
    },
    /// Loading failed; no review can run.
    InitFailed {
        /// What went wrong, for the user.
        error: UserMessage,
    },
    /// Step `STEPS[index]` of the current review has ended.
    Step {
        /// Index into [`STEPS`].
        index: usize,
        /// Milliseconds the step took.
        ms: f64,
    },
    /// One decoded page: RGBA pixels (`width * height * 4` bytes) travel beside it.
    Page {
        /// Page index, 0-based.
        index: u32,
        /// Number of pages in the file.
        count: u32,
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// The review is complete.
    Done {
        /// The report and what the page shows beside it.
        result: Box<ReviewResult>,
    },
    /// The review failed.
    Failed {
        /// What went wrong, for the user.
        error: UserMessage,
    },
}

/// A finished review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewResult {
    /// The report, as the pipeline made it (with the decoding time added first).
    pub report: Report,
    /// The identified template's card, when one was identified.
    pub template: Option<TemplateCard>,
    /// Milliseconds in the worker from receiving the file to the report.
    pub worker_ms: f64,
    /// Bytes of WebAssembly linear memory after the review: the review
    /// worker's plus the reader's (see `worker::reader`) as it last said.
    /// Linear memory only grows, so this is the peak so far.
    #[serde(default)]
    pub wasm_memory_bytes: f64,
}

/// What the template card shows about the identified template.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TemplateCard {
    /// Template id, e.g. `AU-BEEF`.
    pub id: String,
    /// Template version, e.g. `2019`.
    pub version: String,
    /// Issuing country's name in English.
    pub country_name: String,
    /// The product in English, e.g. `frozen beef`.
    pub product: String,
    /// First day of validity, ISO 8601.
    pub valid_from: String,
    /// Last day of validity, ISO 8601, or `None` while current.
    pub valid_to: Option<String>,
    /// Identification confidence, 0.0..=1.0.
    pub confidence: f32,
}

impl ToWorker {
    /// Serialises the message to JSON.
    pub fn to_json(&self) -> String {
        // Serialising these types cannot fail: no maps with non-string keys.
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl FromWorker {
    /// Serialises the message to JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip_through_json() {
        let m = ToWorker::Review {
            file_name: "c.pdf".into(),
            declaration: Some("{}".into()),
        };
        let json = m.to_json();
        assert_eq!(
            json,
            r#"{"type":"review","file_name":"c.pdf","declaration":"{}"}"#
        );
        assert_eq!(serde_json::from_str::<ToWorker>(&json).unwrap(), m);

        let p = FromWorker::Step { index: 2, ms: 12.5 };
        assert_eq!(p.to_json(), r#"{"type":"step","index":2,"ms":12.5}"#);
        assert_eq!(serde_json::from_str::<FromWorker>(&p.to_json()).unwrap(), p);
    }

    #[test]
    fn steps_start_with_decode_and_end_with_decide() {
        assert_eq!(STEPS[0], "decode");
        assert_eq!(STEPS[6], "decide");
    }
}
