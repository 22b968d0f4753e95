//! OCR for certificate pages: bytes in, lines of text with boxes out.
//!
//! The flow, one module per step:
//! - [`decode`]: sniff the file type from its bytes and decode every page
//!   (PNG, JPEG, TIFF, WebP, PDF) within [`Limits`];
//! - [`geometry`]: find whole-page rotation and small skew;
//! - [`ink`]: suppress coloured stamp ink over text;
//! - [`detect`] and [`db`]: find text lines with the DB detector;
//! - [`recognise`] and [`ctc`]: read each line with the CTC recogniser;
//! - [`engine`]: the whole page flow, in one short function.
//!
//! Nothing here touches the file system or the network: models and inputs are
//! handed in as bytes, so the same code runs natively and in WebAssembly.

pub mod ctc;
pub mod db;
pub mod decode;
pub mod detect;
pub mod engine;
pub mod error;
pub mod geometry;
pub mod ink;
pub mod limits;
pub mod manifest;
pub mod network;
pub mod order;
pub mod page;
pub mod quad;
pub mod recognise;
pub mod share;
pub mod text;

pub use engine::{DetectedPage, Engine, EngineOptions};
pub use error::{OcrError, Result};
pub use limits::Limits;
pub use page::Page;
pub use text::{Line, PageStatus, PageText};
