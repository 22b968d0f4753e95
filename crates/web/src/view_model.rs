//! What the page shows, computed from a report: each field's outcome and the
//! values it was compared with, and the findings in the order of severity.

pub mod decisions;
pub mod fixes;
pub mod form;

use review::field::ExtractedField;
use review::report::{Finding, Outcome, Report, Source};

/// One row of the fields table.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldRow {
    /// Index into `report.fields`.
    pub index: usize,
    /// Canonical name (`net_weight`, `items[0].hs_code`).
    pub name: String,
    /// The normalised value, or the raw text when it did not normalise.
    pub certificate: String,
    /// The declaration's value, when a rule compared one.
    pub declaration: Option<String>,
    /// A register's value, when a rule compared one.
    pub register: Option<String>,
    /// The worst outcome of the rules that looked at this field, or `None`
    /// when no rule did (or all were not applicable).
    pub outcome: Option<Outcome>,
}

/// Does `finding` concern `field`: it compares a certificate value of that
/// name, or points at the field's box?
fn concerns(finding: &Finding, field: &ExtractedField) -> bool {
    let compares = finding
        .compared
        .iter()
        .any(|c| c.source == Source::Certificate && c.name == field.name);
    let points = finding
        .evidence
        .iter()
        .any(|e| e.page == field.page && e.quad == field.quad);
    compares || points
}

/// The value of `name` from `source` among the findings' compared values.
/// Values the rules compare under other names are gathered too: the
/// declared seals (`seal <container>`), the register's entries of the
/// certificate's establishments (named by their numbers) and the
/// register's closest signatory.
fn compared_value(report: &Report, source: Source, name: &str) -> Option<String> {
    let all = || report.findings.iter().flat_map(|f| f.compared.iter());
    if let Some(c) = all().find(|c| c.source == source && c.name == name) {
        return Some(c.value.clone());
    }
    let mut gathered: Vec<String> = Vec::new();
    let mut add = |v: String| {
        if !gathered.contains(&v) {
            gathered.push(v);
        }
    };
    match (source, name) {
        (_, "seals") => all()
            .filter(|c| c.source == source && c.name.starts_with("seal "))
            .for_each(|c| add(c.value.clone())),
        (Source::Register, "establishments") => {
            let numbers: Vec<&str> = all()
                .filter(|c| c.source == Source::Certificate && c.name == name)
                .map(|c| c.value.as_str())
                .collect();
            all()
                .filter(|c| c.source == Source::Register && numbers.contains(&c.name.as_str()))
                .for_each(|c| add(format!("{}: {}", c.name, c.value)));
        }
        (Source::Register, "signatory") => all()
            .filter(|c| c.source == Source::Register && c.name == "closest_signatory")
            .take(1)
            .for_each(|c| add(c.value.clone())),
        _ => {}
    }
    (!gathered.is_empty()).then(|| gathered.join("; "))
}

/// The rows of the fields table, in the report's order.
pub fn field_rows(report: &Report) -> Vec<FieldRow> {
    report
        .fields
        .iter()
        .enumerate()
        .map(|(index, field)| {
            let outcome = report
                .findings
                .iter()
                .filter(|f| f.outcome != Outcome::NotApplicable && concerns(f, field))
                .map(|f| f.outcome)
                .max();
            FieldRow {
                index,
                name: field.name.clone(),
                certificate: field.value.clone().unwrap_or_else(|| field.raw.clone()),
                declaration: compared_value(report, Source::Declaration, &field.name),
                register: compared_value(report, Source::Register, &field.name),
                outcome,
            }
        })
        .collect()
}

/// Indices of the findings, fail first, then warn, pass and not applicable;
/// catalogue order within each outcome.
pub fn findings_by_severity(report: &Report) -> Vec<usize> {
    let mut order: Vec<usize> = (0..report.findings.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(report.findings[i].outcome));
    order
}

/// The CSS class of an outcome (`fail`, `warn`, `pass`, `na`), `none` when
/// no rule applies.
pub fn outcome_class(outcome: Option<Outcome>) -> &'static str {
    match outcome {
        Some(Outcome::Fail) => "fail",
        Some(Outcome::Warn) => "warn",
        Some(Outcome::Pass) => "pass",
        Some(Outcome::NotApplicable) => "na",
        None => "none",
    }
}

/// The stroke colour of a box on the page for an outcome (CSS colour):
/// pass green, warn amber, fail red, not checked grey.
pub fn outcome_colour(outcome: Option<Outcome>) -> &'static str {
    match outcome {
        Some(Outcome::Fail) => "#c62828",
        Some(Outcome::Warn) => "#ef8f00",
        Some(Outcome::Pass) => "#2e7d32",
        _ => "#8a939e",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use review::report::{Compared, Decision, Evidence, Verdict};
    use review::rules::{FindingClass, Message};

    fn field(name: &str, value: &str, x: f32) -> ExtractedField {
        ExtractedField {
            name: name.into(),
            raw: value.into(),
            value: Some(value.into()),
            confidence: 0.9,
            page: 1,
            quad: [[x, 10.0], [x + 50.0, 10.0], [x + 50.0, 20.0], [x, 20.0]],
        }
    }

    fn finding(rule: &str, outcome: Outcome, compared: Vec<Compared>) -> Finding {
        Finding {
            rule: rule.into(),
            outcome,
            class: FindingClass::Invalid,
            message: Message {
                en: rule.into(),
                zh: rule.into(),
            },
            compared,
            evidence: Vec::new(),
        }
    }

    fn value(source: Source, name: &str, value: &str) -> Compared {
        Compared {
            source,
            name: name.into(),
            value: value.into(),
        }
    }

    fn report() -> Report {
        let weight = field("net_weight", "24560", 0.0);
        let number = field("certificate_number", "0001/4507/23", 100.0);
        let mut pointing = finding("F1", Outcome::Warn, Vec::new());
        pointing.evidence.push(Evidence {
            page: 1,
            quad: number.quad,
        });
        Report {
            template: None,
            candidates: Vec::new(),
            pages: 1,
            fields: vec![weight, number],
            findings: vec![
                finding(
                    "M4",
                    Outcome::Pass,
                    vec![
                        value(Source::Certificate, "net_weight", "24560"),
                        value(Source::Declaration, "net_weight", "24560"),
                    ],
                ),
                finding(
                    "M5",
                    Outcome::Fail,
                    vec![value(Source::Certificate, "net_weight", "24560")],
                ),
                pointing,
                finding("X9", Outcome::NotApplicable, Vec::new()),
            ],
            verdict: Verdict {
                decision: Decision::Hold,
                reasons: Vec::new(),
            },
            timings: Vec::new(),
            rules_version: "1".into(),
        }
    }

    #[test]
    fn a_field_takes_the_worst_outcome_of_the_rules_on_it() {
        let rows = field_rows(&report());
        assert_eq!(rows[0].name, "net_weight");
        assert_eq!(rows[0].outcome, Some(Outcome::Fail));
        assert_eq!(rows[0].declaration.as_deref(), Some("24560"));
        assert_eq!(rows[0].register, None);
        // The certificate number is concerned only through its evidence box.
        assert_eq!(rows[1].outcome, Some(Outcome::Warn));
        assert_eq!(rows[1].certificate, "0001/4507/23");
    }

    #[test]
    fn values_compared_under_other_names_reach_their_field() {
        let mut r = report();
        r.fields.push(field("seals", "G1,G2", 200.0));
        r.fields.push(field("establishments", "EST 1,EST 2", 300.0));
        r.findings.push(finding(
            "M7",
            Outcome::Pass,
            vec![
                value(Source::Declaration, "seal CSQU3054383", "G1"),
                value(Source::Declaration, "seal MSKU1234565", "G2"),
            ],
        ));
        r.findings.push(finding(
            "R1",
            Outcome::Pass,
            vec![
                value(Source::Certificate, "establishments", "EST 1"),
                value(Source::Register, "EST 1", "ABC MEAT (CHN1)"),
                value(Source::Certificate, "establishments", "EST 2"),
                value(Source::Register, "EST 2", "XYZ BEEF (CHN2)"),
                value(Source::Register, "EST 9", "not on this certificate"),
            ],
        ));
        let rows = field_rows(&r);
        assert_eq!(rows[2].name, "seals");
        assert_eq!(rows[2].declaration.as_deref(), Some("G1; G2"));
        assert_eq!(rows[2].register, None);
        assert_eq!(
            rows[3].register.as_deref(),
            Some("EST 1: ABC MEAT (CHN1); EST 2: XYZ BEEF (CHN2)")
        );
    }

    #[test]
    fn findings_are_ordered_fail_warn_pass_na() {
        let r = report();
        let order: Vec<&str> = findings_by_severity(&r)
            .into_iter()
            .map(|i| r.findings[i].rule.as_str())
            .collect();
        assert_eq!(order, ["M5", "F1", "M4", "X9"]);
        assert_eq!(outcome_class(Some(Outcome::Warn)), "warn");
        assert_eq!(outcome_class(None), "none");
    }
}
