//! The verdict: release, manual check or hold, from the findings.
//!
//! Any failed rule holds the goods; otherwise any warning, or a template
//! that could not be identified, sends the certificate to an officer;
//! otherwise it is released. The reasons list the failed rules, then the
//! unknown template, then the warned rules, each group in catalogue order.

use crate::report::{Decision, Finding, Outcome, Reason, Verdict};
use crate::rules::{FindingClass, Message};

/// The verdict for these findings. `template_known` is false when
/// identification found no template above its threshold.
pub fn decide(findings: &[Finding], template_known: bool) -> Verdict {
    let reason = |f: &Finding| Reason {
        rule: f.rule.clone(),
        class: f.class,
        message: f.message.clone(),
    };
    let failed: Vec<Reason> = findings
        .iter()
        .filter(|f| f.outcome == Outcome::Fail)
        .map(reason)
        .collect();
    let warned: Vec<Reason> = findings
        .iter()
        .filter(|f| f.outcome == Outcome::Warn)
        .map(reason)
        .collect();

    let decision = if !failed.is_empty() {
        Decision::Hold
    } else if !warned.is_empty() || !template_known {
        Decision::ManualCheck
    } else {
        Decision::Release
    };

    let mut reasons = failed;
    if !template_known {
        reasons.push(unknown_template());
    }
    reasons.extend(warned);
    Verdict { decision, reasons }
}

/// The reason given for an unidentified template.
fn unknown_template() -> Reason {
    Reason {
        rule: "template".into(),
        class: FindingClass::Invalid,
        message: Message {
            en: "The certificate's format matches no registered template: an officer compares it by hand.".into(),
            zh: "证书格式与已登记模板均不符，需人工比对。".into(),
        },
    }
}
