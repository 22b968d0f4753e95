//! Errors of the command-line tool.

use thiserror::Error;

/// What can stop a command.
#[derive(Debug, Error)]
pub enum CliError {
    /// A file could not be read.
    #[error("{file}: {detail}")]
    Input {
        /// The path as given.
        file: String,
        /// What went wrong.
        detail: String,
    },
    /// The OCR engine refused the input or failed.
    #[error(transparent)]
    Ocr(#[from] ocr::OcrError),
    /// The data folder (rules, templates, registers) or a declaration is invalid.
    #[error("{0}")]
    Data(String),
    /// Output could not be written.
    #[error("cannot write output: {0}")]
    Output(String),
}
