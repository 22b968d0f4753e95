//! The officer's decisions on the findings (confirm, or override with a
//! reason) and the exported review: the report plus those decisions.

use std::collections::BTreeMap;

use review::report::Report;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// What the officer decided about one finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum OfficerDecision {
    /// The finding stands as the review found it.
    Confirmed,
    /// The officer disagrees, for this reason.
    Overridden {
        /// Why, as typed (never empty).
        reason: String,
    },
}

/// A decision that cannot be taken.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum DecisionError {
    /// An override needs a reason.
    #[error("overriding rule {0} needs a reason")]
    NoReason(String),
}

/// The decisions taken so far, by rule id.
pub type Decisions = BTreeMap<String, OfficerDecision>;

/// An override of `rule` with `reason`, refused when the reason is blank.
pub fn overridden(rule: &str, reason: &str) -> Result<OfficerDecision, DecisionError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(DecisionError::NoReason(rule.to_string()));
    }
    Ok(OfficerDecision::Overridden {
        reason: reason.to_string(),
    })
}

/// One decision in the export.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionEntry {
    /// Rule id, e.g. `M4`.
    pub rule: String,
    /// The decision (and its reason).
    #[serde(flatten)]
    pub decision: OfficerDecision,
}

/// The exported review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Export {
    /// The reviewed file's name.
    pub file: String,
    /// The report, as the review made it.
    pub report: Report,
    /// The officer's decisions, by rule id.
    pub decisions: Vec<DecisionEntry>,
}

/// The export's JSON text (pretty-printed).
pub fn export_json(file: &str, report: &Report, decisions: &Decisions) -> String {
    let export = Export {
        file: file.to_string(),
        report: report.clone(),
        decisions: decisions
            .iter()
            .map(|(rule, decision)| DecisionEntry {
                rule: rule.clone(),
                decision: decision.clone(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&export).unwrap_or_default()
}

/// The export's file name: `review-<certificate number>.json`, the number's
/// characters other than letters and digits turned into `-`; `review.json`
/// when the number was not read.
pub fn export_file_name(report: &Report) -> String {
    let number = report
        .fields
        .iter()
        .find(|f| f.name == "certificate_number")
        .map(|f| f.value.clone().unwrap_or_else(|| f.raw.clone()))
        .unwrap_or_default();
    let cleaned: String = number
        .trim()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let cleaned = cleaned.trim_matches('-');
    if cleaned.is_empty() {
        "review.json".to_string()
    } else {
        format!("review-{cleaned}.json")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use review::field::ExtractedField;
    use review::report::{Decision, Verdict};

    fn report(number: Option<&str>) -> Report {
        Report {
            template: None,
            candidates: Vec::new(),
            pages: 1,
            fields: number
                .map(|n| ExtractedField {
                    name: "certificate_number".into(),
                    raw: n.into(),
                    value: Some(n.into()),
                    confidence: 0.9,
                    page: 1,
                    quad: [[0.0, 0.0]; 4],
                })
                .into_iter()
                .collect(),
            findings: Vec::new(),
            verdict: Verdict {
                decision: Decision::Release,
                reasons: Vec::new(),
            },
            timings: Vec::new(),
            rules_version: "1".into(),
        }
    }

    #[test]
    fn an_override_needs_a_reason() {
        assert_eq!(
            overridden("M4", "  "),
            Err(DecisionError::NoReason("M4".into()))
        );
        assert_eq!(
            overridden("M4", " scale ticket seen "),
            Ok(OfficerDecision::Overridden {
                reason: "scale ticket seen".into()
            })
        );
    }

    #[test]
    fn the_export_holds_the_report_and_every_decision() {
        let mut decisions = Decisions::new();
        decisions.insert("M4".into(), OfficerDecision::Confirmed);
        decisions.insert("S1".into(), overridden("S1", "stamp is fine").unwrap());
        let json = export_json("c.pdf", &report(Some("VH26/004512")), &decisions);
        let back: Export = serde_json::from_str(&json).unwrap();
        assert_eq!(back.file, "c.pdf");
        assert_eq!(back.decisions.len(), 2);
        assert_eq!(back.decisions[0].rule, "M4");
        assert_eq!(back.decisions[0].decision, OfficerDecision::Confirmed);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["decisions"][1]["decision"], "overridden");
        assert_eq!(value["decisions"][1]["reason"], "stamp is fine");
        assert_eq!(value["report"]["rules_version"], "1");
    }

    #[test]
    fn the_file_name_comes_from_the_certificate_number() {
        assert_eq!(
            export_file_name(&report(Some("VH26/004512"))),
            "review-VH26-004512.json"
        );
        assert_eq!(export_file_name(&report(Some(" // "))), "review.json");
        assert_eq!(export_file_name(&report(None)), "review.json");
    }
}
