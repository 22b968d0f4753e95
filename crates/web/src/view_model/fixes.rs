//! The enterprise pre-check's list of what to fix before declaring: one
//! item per failed or warned finding, naming the values that differ.

use review::report::{Finding, Outcome, Report, Source};

use super::findings_by_severity;
use crate::i18n::{self, Lang};

/// One thing to fix.
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    /// Index into the report's findings.
    pub finding: usize,
    /// Rule id.
    pub rule: String,
    /// Fail or warn.
    pub outcome: Outcome,
    /// What to fix, in the page's language.
    pub text: String,
}

/// Groups a number's integer digits by three with a space (`24 560`,
/// `24 560.5`); other text is returned as it is.
pub fn group_digits(value: &str) -> String {
    let (int, frac) = match value.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (value, None),
    };
    let digits = int.strip_prefix('-').unwrap_or(int);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || digits.len() <= 4 {
        return value.to_string();
    }
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    let sign = if int.starts_with('-') { "-" } else { "" };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A compared value as shown: digits grouped, `kg` after weights.
fn show(name: &str, value: &str) -> String {
    let v = group_digits(value);
    if name.ends_with("weight") && !value.is_empty() {
        format!("{v} kg")
    } else {
        v
    }
}

/// The first field compared on both the certificate and the declaration,
/// with both values, when they differ.
fn differing(f: &Finding) -> Option<(&str, &str, &str)> {
    f.compared
        .iter()
        .filter(|c| c.source == Source::Certificate)
        .find_map(|c| {
            f.compared
                .iter()
                .find(|d| d.source == Source::Declaration && d.name == c.name && d.value != c.value)
                .map(|d| (c.name.as_str(), c.value.as_str(), d.value.as_str()))
        })
}

/// The wording of one fix in `lang`.
pub fn fix_text(lang: Lang, f: &Finding) -> String {
    match differing(f) {
        Some((name, cert, decl)) => {
            // "seal CSQU3054383" names the container after the field.
            let (field, extra) = match name.split_once(' ') {
                Some((field, extra)) => (field, format!(" {extra}")),
                None => (name, String::new()),
            };
            // The unit follows the values, not the name.
            let label = i18n::field(lang, field)
                .replace(" (kg)", "")
                .replace("（千克）", "");
            let (cert, decl) = (show(name, cert), show(name, decl));
            match lang {
                Lang::En => format!(
                    "Fix before declaring: {}{extra} differs: certificate {cert}, declaration {decl}",
                    label.to_lowercase()
                ),
                Lang::Zh => format!("申报前请更正：{label}{extra}不一致：证书为 {cert}，申报为 {decl}"),
            }
        }
        None => {
            let message = lang.pick(&f.message.en, &f.message.zh);
            match lang {
                Lang::En => format!("Fix before declaring: {message}"),
                Lang::Zh => format!("申报前请更正：{message}"),
            }
        }
    }
}

/// The fixes, most severe first (fail, then warn).
pub fn fix_list(lang: Lang, report: &Report) -> Vec<Fix> {
    findings_by_severity(report)
        .into_iter()
        .filter_map(|i| {
            let f = report.findings.get(i)?;
            matches!(f.outcome, Outcome::Fail | Outcome::Warn).then(|| Fix {
                finding: i,
                rule: f.rule.clone(),
                outcome: f.outcome,
                text: fix_text(lang, f),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use review::report::Compared;
    use review::rules::{FindingClass, Message};

    fn finding(rule: &str, outcome: Outcome, compared: Vec<(Source, &str, &str)>) -> Finding {
        Finding {
            rule: rule.into(),
            outcome,
            class: FindingClass::Invalid,
            message: Message {
                en: format!("{rule} message"),
                zh: format!("{rule} 消息"),
            },
            compared: compared
                .into_iter()
                .map(|(source, name, value)| Compared {
                    source,
                    name: name.into(),
                    value: value.into(),
                })
                .collect(),
            evidence: Vec::new(),
        }
    }

    #[test]
    fn digits_are_grouped_by_three() {
        assert_eq!(group_digits("24560"), "24 560");
        assert_eq!(group_digits("1234567.5"), "1 234 567.5");
        assert_eq!(group_digits("1200"), "1200");
        assert_eq!(group_digits("VH26/004512"), "VH26/004512");
    }

    #[test]
    fn a_differing_weight_names_both_values() {
        let f = finding(
            "M4",
            Outcome::Fail,
            vec![
                (Source::Certificate, "net_weight", "24560"),
                (Source::Declaration, "net_weight", "24650"),
            ],
        );
        assert_eq!(
            fix_text(Lang::En, &f),
            "Fix before declaring: net weight differs: certificate 24 560 kg, declaration 24 650 kg"
        );
        assert_eq!(
            fix_text(Lang::Zh, &f),
            "申报前请更正：净重不一致：证书为 24 560 kg，申报为 24 650 kg"
        );
    }

    #[test]
    fn other_findings_use_their_message_and_passes_are_left_out() {
        let report = Report {
            template: None,
            candidates: Vec::new(),
            pages: 1,
            fields: Vec::new(),
            findings: vec![
                finding("P1", Outcome::Pass, Vec::new()),
                finding(
                    "S2",
                    Outcome::Warn,
                    vec![(Source::Certificate, "seal X", "A")],
                ),
                finding(
                    "M7",
                    Outcome::Fail,
                    vec![
                        (Source::Certificate, "seal CSQU3054383", "G1"),
                        (Source::Declaration, "seal CSQU3054383", "G2"),
                    ],
                ),
            ],
            verdict: review::report::Verdict {
                decision: review::report::Decision::Hold,
                reasons: Vec::new(),
            },
            timings: Vec::new(),
            rules_version: "1".into(),
        };
        let fixes = fix_list(Lang::En, &report);
        assert_eq!(fixes.len(), 2);
        assert_eq!(fixes[0].rule, "M7");
        assert_eq!(
            fixes[0].text,
            "Fix before declaring: seal CSQU3054383 differs: certificate G1, declaration G2"
        );
        assert_eq!(fixes[1].text, "Fix before declaring: S2 message");
        assert_eq!(fixes[1].finding, 1);
    }
}
