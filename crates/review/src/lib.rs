//! Certificate review: from OCR text to a report.
//!
//! The flow is `identify` (which template), `extract` (the field values),
//! `check` (rules.json against fields, declaration and registers) and
//! `decide` (the verdict). Data — templates, rules, registers, declaration —
//! arrives as bytes from the caller; this crate touches no file system, so it
//! runs unchanged in the browser.

pub mod check;
pub mod data;
pub mod decide;
pub mod declaration;
pub mod error;
pub mod extract;
pub mod field;
pub mod identify;
pub mod inspect;
pub mod pipeline;
pub mod registry;
pub mod report;
pub mod rules;
pub mod template;

pub use data::DataSet;
pub use declaration::Declaration;
pub use error::{Result, ReviewError};
pub use registry::Registry;
pub use report::Report;
pub use rules::RuleBook;
pub use template::Template;
