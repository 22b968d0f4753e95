//! The review report: what the CLI prints and the web page shows.

use ocr::quad::Quad;
use serde::{Deserialize, Serialize};

use crate::field::ExtractedField;
use crate::rules::{FindingClass, Message};

/// Everything a review found about one certificate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The identified template, or `None` for an unknown template.
    pub template: Option<TemplateMatch>,
    /// The best candidates, most likely first (at most 5).
    pub candidates: Vec<TemplateMatch>,
    /// Number of pages reviewed.
    pub pages: u32,
    /// Extracted values.
    pub fields: Vec<ExtractedField>,
    /// One finding per rule, in catalogue order.
    pub findings: Vec<Finding>,
    /// The overall decision.
    pub verdict: Verdict,
    /// Milliseconds spent in each step.
    pub timings: Vec<StepTime>,
    /// Version of the rule catalogue applied.
    pub rules_version: String,
}

/// A candidate template.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TemplateMatch {
    /// Template id.
    pub id: String,
    /// Template version.
    pub version: String,
    /// Confidence 0.0..=1.0.
    pub confidence: f32,
}

/// The result of one rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Rule id, e.g. `M4`.
    pub rule: String,
    /// Pass, warn, fail or not applicable.
    pub outcome: Outcome,
    /// Invalid or suspected fraud (meaningful for warn and fail).
    pub class: FindingClass,
    /// Why, in English and Chinese, with the values filled in.
    pub message: Message,
    /// The values compared.
    pub compared: Vec<Compared>,
    /// Where on the certificate the evidence is.
    pub evidence: Vec<Evidence>,
}

/// Outcome of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The rule does not apply, or lacks the values it compares.
    NotApplicable,
    /// Satisfied.
    Pass,
    /// Violated, severity warn.
    Warn,
    /// Violated, severity fail.
    Fail,
}

/// One value taking part in a comparison.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Compared {
    /// Where the value comes from.
    pub source: Source,
    /// What it is, e.g. `net_weight`.
    pub name: String,
    /// The value, as text.
    pub value: String,
}

/// Origin of a compared value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Read from the certificate.
    Certificate,
    /// From the importer's declaration.
    Declaration,
    /// From a register.
    Register,
    /// From the template or the rule's parameters.
    Template,
}

/// A place on the certificate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Page number, 1-based.
    pub page: u32,
    /// Box in page pixels.
    #[serde(rename = "box")]
    pub quad: Quad,
}

/// The overall decision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// Release, manual check or hold.
    pub decision: Decision,
    /// Why: the failed and warned rules, with their class.
    pub reasons: Vec<Reason>,
}

/// What to do with the consignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Nothing wrong found.
    Release,
    /// Warnings, or the template is unknown: an officer looks.
    ManualCheck,
    /// A rule failed.
    Hold,
}

/// One reason for a verdict.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    /// Rule id, or `template` for an unknown template.
    pub rule: String,
    /// Invalid or suspected fraud.
    pub class: FindingClass,
    /// The finding's message.
    pub message: Message,
}

/// Time spent in one step of the review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepTime {
    /// Step name: `decode`, `ocr`, `identify`, `extract`, `check`, `decide`.
    pub step: String,
    /// Milliseconds.
    pub ms: f64,
}
