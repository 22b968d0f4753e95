//! The one error type of the OCR crate.
//!
//! Every variant names what was wrong and the offending value, so that the
//! command-line tool and the web page can show it as a sentence.

use thiserror::Error;

/// Everything that can go wrong between input bytes and recognised text.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum OcrError {
    /// The bytes are not a format we read (sniffed from content, never the name).
    #[error("unsupported file type: {0}")]
    Unsupported(String),

    /// The bytes claim a known format but are damaged or truncated.
    #[error("cannot decode {format}{}: {detail}", page_suffix(*.page))]
    Decode {
        /// Format name, for example "PNG" or "PDF".
        format: &'static str,
        /// Zero-based page index where known.
        page: Option<usize>,
        /// What the decoder reported.
        detail: String,
    },

    /// The input exceeds a configured resource limit and cannot be downscaled.
    #[error("too large{}: {what} is {value}, the limit is {limit}", page_suffix(*.page))]
    Limits {
        /// Zero-based page index where known.
        page: Option<usize>,
        /// What was measured: "pixels", "pages", "bytes", "width"...
        what: &'static str,
        /// The measured value.
        value: u64,
        /// The configured maximum.
        limit: u64,
    },

    /// A model file is missing, corrupt or does not have the expected shape.
    #[error("model {name}: {detail}")]
    Model {
        /// Model name from the manifest, for example "det".
        name: String,
        /// What went wrong.
        detail: String,
    },

    /// Inference failed at run time.
    #[error("inference failed in {stage}: {detail}")]
    Inference {
        /// "detection" or "recognition".
        stage: &'static str,
        /// The engine's message.
        detail: String,
    },
}

/// " on page N" (one-based) when a page is known, else nothing.
fn page_suffix(page: Option<usize>) -> String {
    match page {
        Some(p) => format!(" on page {}", p + 1),
        None => String::new(),
    }
}

/// Result alias of this crate.
pub type Result<T> = std::result::Result<T, OcrError>;
