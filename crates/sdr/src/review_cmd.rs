//! `sdr review FILE [--declaration DECL.json] [--json]`: the full review of
//! one certificate, as a readable summary or the JSON report.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use review::report::{Outcome, Report};
use review::{DataSet, Declaration};

use crate::data_dir;
use crate::error::CliError;

/// Reads the declaration file, naming it and the JSON path on error.
pub fn load_declaration(path: &Path) -> Result<Declaration, CliError> {
    let bytes = data_dir::read(path)?;
    review::data::parse_declaration(&path.display().to_string(), &bytes)
        .map_err(|e| CliError::Data(e.to_string()))
}

/// Decodes `file` within `limits` and reviews every page; the decoding time
/// is the report's first step.
pub fn review_file(
    engine: &ocr::Engine,
    data: &DataSet,
    file: &Path,
    declaration: Option<&Declaration>,
    limits: &ocr::Limits,
) -> Result<Report, CliError> {
    // Decode.
    let bytes = data_dir::read(file)?;
    let start = Instant::now();
    let pages = ocr::decode::decode_all(bytes, limits)
        .map_err(|e| CliError::Data(format!("{}: {e}", file.display())))?;
    let decode_ms = start.elapsed().as_secs_f64() * 1000.0;

    // Review, with the decoding as the first step.
    let start = Instant::now();
    let now_ms = || start.elapsed().as_secs_f64() * 1000.0;
    let mut report = review::pipeline::review_pages(engine, pages, data, declaration, &now_ms)
        .map_err(|e| CliError::Data(format!("{}: {e}", file.display())))?;
    report.timings.insert(
        0,
        review::report::StepTime {
            step: "decode".into(),
            ms: decode_ms,
        },
    );
    Ok(report)
}

/// Reviews `file` and prints the report.
pub fn run(
    engine: &ocr::Engine,
    data: &DataSet,
    file: &Path,
    declaration: Option<&Declaration>,
    limits: &ocr::Limits,
    json: bool,
) -> Result<(), CliError> {
    // Review.
    let report = review_file(engine, data, file, declaration, limits)?;

    // Print.
    let mut out = std::io::stdout().lock();
    let text = if json {
        serde_json::to_string_pretty(&report).map_err(|e| CliError::Output(e.to_string()))?
    } else {
        summary(&report)
    };
    writeln!(out, "{text}").map_err(|e| CliError::Output(e.to_string()))
}

/// The report as a few readable lines: template, fields, the findings that
/// did not pass, and the verdict.
pub fn summary(report: &Report) -> String {
    let mut s = String::new();

    // Template.
    match &report.template {
        Some(t) => {
            s += &format!(
                "template: {} version {} (confidence {:.2})\n",
                t.id, t.version, t.confidence
            )
        }
        None => s += "template: unknown (generic extraction)\n",
    }
    s += &format!("pages: {}\n", report.pages);

    // Fields.
    s += "fields:\n";
    for f in &report.fields {
        let value = f.value.as_deref().unwrap_or("(unreadable)");
        s += &format!("  {:<22} {}\n", f.name, value);
    }

    // Findings that need attention, worst first, then how many passed.
    let mut flagged: Vec<_> = report
        .findings
        .iter()
        .filter(|f| matches!(f.outcome, Outcome::Fail | Outcome::Warn))
        .collect();
    flagged.sort_by_key(|f| std::cmp::Reverse(f.outcome));
    let passed = report
        .findings
        .iter()
        .filter(|f| f.outcome == Outcome::Pass)
        .count();
    s += &format!(
        "findings: {} flagged, {} passed, {} not applicable\n",
        flagged.len(),
        passed,
        report.findings.len() - passed - flagged.len()
    );
    for f in flagged {
        let outcome = if f.outcome == Outcome::Fail {
            "FAIL"
        } else {
            "warn"
        };
        s += &format!("  {outcome} {:<3} {}\n", f.rule, f.message.en);
    }

    // Verdict and time.
    let decision = serde_json::to_value(report.verdict.decision)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    s += &format!("verdict: {decision}\n");
    let total: f64 = report.timings.iter().map(|t| t.ms).sum();
    s += &format!("time: {total:.0} ms");
    s
}
