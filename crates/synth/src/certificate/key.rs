//! The answer key written beside every generated certificate: what was
//! printed (canonical forms), which faults were planted, which rules they
//! should trip and what the verdict should be.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use review::report::Decision;

/// How a certificate's pages are stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    /// One PNG per page (a single-page certificate).
    Png,
    /// A PDF with one image per page.
    Pdf,
    /// A JPEG (quality 90) per page.
    Jpeg,
    /// A TIFF per page.
    Tiff,
}

impl OutputFormat {
    /// File extension without the dot: `png`, `pdf`, `jpg`, `tif`.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Png => "png",
            OutputFormat::Pdf => "pdf",
            OutputFormat::Jpeg => "jpg",
            OutputFormat::Tiff => "tif",
        }
    }
}

/// One planted fault and the rule ids expected to fire because of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaultKey {
    /// Fault name in kebab case, e.g. `bad-check-digit`.
    pub fault: String,
    /// Rule ids that should report warn or fail, e.g. `["F3"]`.
    pub rules: Vec<String>,
}

/// What a generated certificate is, for the evaluator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerKey {
    /// The certificate's file name, e.g. `au-beef-2019-0007.png`.
    pub file: String,
    /// Template id, e.g. `AU-BEEF`.
    pub template: String,
    /// Template version, e.g. `2019`.
    pub version: String,
    /// Seed the certificate was generated from.
    pub seed: u64,
    /// Number of pages.
    pub pages: u32,
    /// Degradation name (`clean`, `rotated`, `blurred`, `jpeg`, `fax`, `photo`, `low-dpi`).
    pub degradation: String,
    /// Resolution of the stored pages, dots per inch (150 after `low-dpi`).
    pub dpi: f32,
    /// How the pages are stored.
    pub format: OutputFormat,
    /// Printed values in canonical form (see `review::field`), by canonical
    /// name, goods-table cells as `items[i].column`. A field that was not
    /// printed is absent; an unparseable printed value (planted `bad-date`)
    /// is given as printed.
    pub fields: BTreeMap<String, String>,
    /// Planted faults, empty for a genuine certificate.
    pub faults: Vec<FaultKey>,
    /// `hold` if a fault's rule has severity fail, `manual_check` if only warn, else `release`.
    pub expected_verdict: Decision,
    /// File name of the matching declaration, e.g. `au-beef-2019-0007.declaration.json`.
    pub declaration: String,
}
