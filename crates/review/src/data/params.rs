//! Range checks of rule parameters that their types cannot express.

use serde_json::Value;

use super::data_error;
use crate::error::Result;
use crate::rules::{Rule, RuleKind};

/// Fails on a parameter the rule's kind does not have (serde would ignore
/// it, so a misspelt optional tuning would silently not apply). `given` is
/// the rule's raw `params` object.
pub(super) fn check_known(file: &str, rule: &Rule, given: Option<&Value>) -> Result<()> {
    let Some(Value::Object(given)) = given else {
        return Ok(());
    };
    // The kind's own parameters, as it serialises them.
    let known = serde_json::to_value(&rule.check).unwrap_or(Value::Null);
    let known = known.get("params").and_then(Value::as_object);
    for name in given.keys() {
        if !known.is_some_and(|k| k.contains_key(name)) {
            let expected: Vec<&String> = known.map(|k| k.keys().collect()).unwrap_or_default();
            return Err(data_error(
                file,
                format!("rule {}: params.{name}", rule.id),
                format!("unknown parameter {name:?}; this kind takes {expected:?}"),
            ));
        }
    }
    Ok(())
}

/// Checks one rule's parameters: similarities and thresholds in 0..=1,
/// tolerances not negative, day counts and digit counts in range, patterns
/// that compile, lists not empty.
pub(super) fn check_params(file: &str, rule: &Rule) -> Result<()> {
    let err = |param: &str, detail: String| {
        data_error(file, format!("rule {}: params.{param}", rule.id), detail)
    };
    let unit = |param: &str, v: f64| {
        if (0.0..=1.0).contains(&v) {
            Ok(())
        } else {
            Err(err(param, format!("{v}; expected 0.0..=1.0")))
        }
    };
    let not_negative = |param: &str, v: f64| {
        if v >= 0.0 && v.is_finite() {
            Ok(())
        } else {
            Err(err(param, format!("{v}; expected a finite number >= 0")))
        }
    };
    match &rule.check {
        RuleKind::Destination { accepted } if accepted.is_empty() => {
            Err(err("accepted", "no accepted spelling".into()))
        }
        RuleKind::Languages { required } if required.is_empty() => {
            Err(err("required", "no language".into()))
        }
        RuleKind::HsCode { lengths } => match lengths.iter().find(|l| !(4..=10).contains(*l)) {
            Some(l) => Err(err("lengths", format!("{l}; expected 4..=10 digits"))),
            None if lengths.is_empty() => Err(err("lengths", "no length".into())),
            None => Ok(()),
        },
        RuleKind::IssueBeforeDeparture { days } if *days > 30 => {
            Err(err("days", format!("{days}; expected 0..=30")))
        }
        RuleKind::DepartureWindow { days } if *days == 0 || *days > 365 => {
            Err(err("days", format!("{days}; expected 1..=365")))
        }
        RuleKind::ItemsSum { tolerance_percent } => {
            not_negative("tolerance_percent", *tolerance_percent)
        }
        RuleKind::SpeciesHs { headings } if headings.is_empty() => {
            Err(err("headings", "no species".into()))
        }
        RuleKind::TransportMode { flight_pattern } => {
            regex::Regex::new(flight_pattern).map(|_| ()).map_err(|e| {
                err(
                    "flight_pattern",
                    format!("{flight_pattern:?} does not compile: {e}"),
                )
            })
        }
        RuleKind::Attestations { min_similarity }
        | RuleKind::ConsigneeMatch { min_similarity }
        | RuleKind::Signatory { min_similarity } => unit("min_similarity", *min_similarity),
        RuleKind::Stamp { threshold } | RuleKind::Signature { threshold } => {
            unit("threshold", *threshold)
        }
        RuleKind::NetWeightMatch { percent, kg } => {
            not_negative("percent", *percent)?;
            not_negative("kg", *kg)
        }
        RuleKind::OriginPortHs { hs_digits } if !(4..=10).contains(hs_digits) => {
            Err(err("hs_digits", format!("{hs_digits}; expected 4..=10")))
        }
        _ => Ok(()),
    }
}
