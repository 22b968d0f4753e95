//! Errors of the web app, as sentences a customs officer understands, in
//! English and Chinese, with the technical detail kept for the debug line.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// What went wrong in the worker or the page.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum WebError {
    /// A static file could not be fetched (`status` 0: no response).
    #[error("fetching {url}: HTTP status {status}")]
    Fetch {
        /// The file's URL.
        url: String,
        /// HTTP status, 0 when the request failed outright.
        status: u16,
    },
    /// A model file does not match its checksum in the manifest.
    #[error("model {name}: {detail}")]
    Model {
        /// The manifest name (`det`, `rec`, `dict`).
        name: String,
        /// What the manifest or engine said.
        detail: String,
    },
    /// Templates, rules or registers are invalid.
    #[error("data: {0}")]
    Data(String),
    /// The certificate file cannot be read.
    #[error("certificate {file}: {detail}")]
    Certificate {
        /// The file's name.
        file: String,
        /// What the decoder said.
        detail: String,
    },
    /// The certificate is beyond the size limits.
    #[error("certificate {file}: too large: {detail}")]
    TooLarge {
        /// The file's name.
        file: String,
        /// Which limit and by how much.
        detail: String,
    },
    /// The declaration JSON is invalid.
    #[error("declaration: {0}")]
    Declaration(String),
    /// A browser call failed (no worker support, a message that is not ours...).
    #[error("browser: {0}")]
    Browser(String),
}

/// A message for the user in both languages, with the technical detail.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserMessage {
    /// English sentence.
    pub en: String,
    /// Chinese sentence.
    pub zh: String,
    /// The error as the code saw it.
    pub detail: String,
}

impl WebError {
    /// The sentence the page shows for this error.
    pub fn user_message(&self) -> UserMessage {
        let (en, zh) = match self {
            WebError::Fetch { .. } => (
                "The review files could not be downloaded from this site. Reload the page.",
                "无法从本站下载审核所需文件，请刷新页面。",
            ),
            WebError::Model { .. } => (
                "The text recognition models are damaged or of the wrong version. Reload the page.",
                "文字识别模型已损坏或版本不符，请刷新页面。",
            ),
            WebError::Data(_) => (
                "The templates, rules or registers on this site are invalid.",
                "本站的模板、规则或登记数据无效。",
            ),
            WebError::Certificate { .. } => (
                "This file cannot be read as a certificate (PDF, PNG, JPEG or TIFF).",
                "无法将此文件读取为证书（PDF、PNG、JPEG 或 TIFF）。",
            ),
            WebError::TooLarge { .. } => (
                "This file is too large to review (too many pages or pixels).",
                "文件过大，无法审核（页数或像素过多）。",
            ),
            WebError::Declaration(_) => (
                "The declaration file is not a valid declaration (JSON).",
                "申报文件不是有效的申报数据（JSON）。",
            ),
            WebError::Browser(_) => (
                "This browser cannot run the review (Web Workers and WebAssembly are needed).",
                "此浏览器无法运行审核（需要 Web Worker 和 WebAssembly）。",
            ),
        };
        UserMessage {
            en: en.into(),
            zh: zh.into(),
            detail: self.to_string(),
        }
    }

    /// Sorts an error of the review into certificate, size or data errors.
    pub fn from_review(file: &str, e: review::error::ReviewError) -> WebError {
        use ocr::OcrError;
        use review::error::ReviewError;
        match e {
            ReviewError::Data { .. } => WebError::Data(e.to_string()),
            ReviewError::Ocr(OcrError::Limits { .. }) => WebError::TooLarge {
                file: file.into(),
                detail: e.to_string(),
            },
            ReviewError::Ocr(OcrError::Model { .. }) => WebError::Model {
                name: "engine".into(),
                detail: e.to_string(),
            },
            ReviewError::Ocr(_) => WebError::Certificate {
                file: file.into(),
                detail: e.to_string(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_and_have_both_languages() {
        let e = WebError::Certificate {
            file: "scan.png".into(),
            detail: "bad header".into(),
        };
        let m = e.user_message();
        assert_eq!(m.detail, "certificate scan.png: bad header");
        assert!(m.en.contains("PDF, PNG, JPEG or TIFF"));
        assert!(m.zh.contains("证书"));
    }
}
