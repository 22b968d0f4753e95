//! `sdr ocr FILE... [--json]`: the text of every page of every file.

use std::io::Write;
use std::path::PathBuf;

use ocr::decode::Document;
use ocr::{Engine, Limits, PageText};
use serde::Serialize;

use crate::error::CliError;

/// One file's result as printed with `--json`.
#[derive(Serialize)]
struct FileText<'a> {
    /// The path as given on the command line.
    file: String,
    /// Every page, in order.
    pages: &'a [PageText],
}

/// OCRs each file in turn. A file that fails is reported on stderr as one
/// line naming the file, the page and the problem, and the others go on.
/// Returns the number of files that failed.
pub fn run(engine: &Engine, files: &[PathBuf], limits: &Limits, json: bool) -> usize {
    let mut failed = 0;
    let stdout = std::io::stdout();
    for file in files {
        match ocr_file(engine, file, limits) {
            Ok(pages) => {
                let mut out = stdout.lock();
                if let Err(e) = print(&mut out, file, &pages, json, files.len() > 1) {
                    eprintln!("sdr: {e}");
                    return failed + 1;
                }
            }
            Err(e) => {
                // One line, naming the file once.
                let message = match &e {
                    CliError::Input { .. } => e.to_string(),
                    _ => format!("{}: {e}", file.display()),
                };
                eprintln!("sdr: {}", one_line(&message));
                failed += 1;
            }
        }
    }
    failed
}

/// Decodes and reads every page of one file.
fn ocr_file(engine: &Engine, file: &PathBuf, limits: &Limits) -> Result<Vec<PageText>, CliError> {
    let bytes = std::fs::read(file).map_err(|e| CliError::Input {
        file: file.display().to_string(),
        detail: e.to_string(),
    })?;
    let document = Document::open(bytes, limits)?;
    let mut pages = Vec::with_capacity(document.page_count());
    for index in 0..document.page_count() {
        let page = document.page(index)?;
        pages.push(engine.ocr_page(&page)?);
    }
    Ok(pages)
}

/// Prints one file: a JSON document on one line, or the plain text with a
/// heading per file (when there are several) and a blank line between pages.
fn print(
    out: &mut impl Write,
    file: &std::path::Path,
    pages: &[PageText],
    json: bool,
    several: bool,
) -> Result<(), CliError> {
    let write_err = |e: std::io::Error| CliError::Output(e.to_string());
    if json {
        let text = serde_json::to_string(&FileText {
            file: file.display().to_string(),
            pages,
        })
        .map_err(|e| CliError::Output(e.to_string()))?;
        writeln!(out, "{text}").map_err(write_err)?;
        return Ok(());
    }
    if several {
        writeln!(out, "==> {} <==", file.display()).map_err(write_err)?;
    }
    for (i, page) in pages.iter().enumerate() {
        if i > 0 {
            writeln!(out).map_err(write_err)?;
        }
        write!(out, "{}", page.plain_text()).map_err(write_err)?;
    }
    Ok(())
}

/// `message` on a single line: decoders' multi-line messages joined.
pub fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
