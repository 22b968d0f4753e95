//! Errors of the review crate.

/// What went wrong while loading data or reviewing.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// A data file (template, rules, register, declaration) does not match its format.
    #[error("{file}: {path}: {detail}")]
    Data {
        /// The file, as named by the caller.
        file: String,
        /// Where in the file: a JSON path (`fields[3].type`) or a rule or field id.
        path: String,
        /// What is wrong, with the offending value.
        detail: String,
    },
    /// The OCR engine failed.
    #[error(transparent)]
    Ocr(#[from] ocr::OcrError),
}

/// Result with [`ReviewError`].
pub type Result<T> = std::result::Result<T, ReviewError>;
