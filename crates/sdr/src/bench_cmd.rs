//! `sdr bench DIR [--json] [--dump DIR2]`: how long the OCR of each page in
//! a folder takes, step by step, with the medians over the pages and the
//! process's peak memory.
//!
//! Every page is decoded first (not timed), then read with
//! [`Engine::ocr_page_timed`]; the first page is read once more beforehand,
//! untimed, so that the timed readings do not include planning the networks
//! for the page's shapes (that reading's time is reported as the warm-up).
//! Peak memory is the resident-set high-water mark (`VmHWM` in
//! `/proc/self/status`, Linux only), read after the last page: models,
//! decoding and reading included.
//!
//! With `--dump DIR2`, a second pass writes each page's network inputs and
//! tract's outputs and times tract on exactly those inputs (see
//! [`crate::bench_dump`]).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use ocr::decode::Document;
use ocr::page::Page;
use ocr::{Engine, EngineOptions, Limits};
use serde::Serialize;

use crate::bench_dump::Dumper;
use crate::error::CliError;
use crate::models::{self, Tier};

/// Most timed readings of one page, and most timed runs of one input.
const MAX_RUNS: usize = 20;

/// Arguments of `sdr bench`.
#[derive(clap::Args)]
pub struct BenchArgs {
    /// Folder of pages: every PNG, JPEG, TIFF, WebP or PDF file in it (told
    /// by content), in name order, every page; other files are skipped.
    dir: PathBuf,
    /// Print one JSON document instead of the table.
    #[arg(long)]
    json: bool,
    /// Also write each page's network inputs and tract's outputs as .npy
    /// files with an index.json into this folder, and time tract on them.
    #[arg(long, value_name = "DIR2")]
    dump: Option<PathBuf>,
    /// Timed readings of each page; each figure is their median (1..=20).
    #[arg(long, default_value_t = 1)]
    runs: usize,
    /// Timed tract runs of each dumped input; the median is kept (1..=20).
    #[arg(long, default_value_t = 3)]
    network_runs: usize,
    /// Models folder (default: $SDR_MODELS, ./models, or the repository's).
    #[arg(long)]
    models: Option<PathBuf>,
    /// Recogniser tier.
    #[arg(long, value_enum, default_value_t = Tier::Tiny)]
    tier: Tier,
}

/// The times of one page, in milliseconds (medians over the readings).
#[derive(Debug, Clone, Serialize)]
struct PageTiming {
    /// File name within the folder.
    file: String,
    /// Page number in the file, from 1.
    page: usize,
    /// Page size in pixels.
    width: u32,
    height: u32,
    /// Lines read.
    lines: usize,
    /// Stamp-ink suppression.
    prepare_ms: f64,
    /// Detection, including pre- and post-processing.
    detect_ms: f64,
    /// The upside-down test.
    orient_ms: f64,
    /// Recognition of every line, including cropping and CTC decoding.
    recognise_ms: f64,
    /// The whole of `ocr_page_timed`, wall clock.
    total_ms: f64,
    /// With `--dump`: tract alone on the page's detector input(s).
    tract_detect_ms: Option<f64>,
    /// With `--dump`: tract alone on the page's recogniser batches, summed.
    tract_recognise_ms: Option<f64>,
}

/// Medians over the pages, milliseconds.
#[derive(Debug, Serialize)]
struct Medians {
    lines: f64,
    detect_ms: f64,
    recognise_ms: f64,
    total_ms: f64,
    tract_detect_ms: Option<f64>,
    tract_recognise_ms: Option<f64>,
}

/// What `--json` prints.
#[derive(Debug, Serialize)]
struct Report {
    /// Readings per page.
    runs: usize,
    /// The untimed first reading of the first page, milliseconds.
    warmup_ms: f64,
    pages: Vec<PageTiming>,
    median: Medians,
    /// Resident-set high-water mark after the timed pass, KiB (Linux).
    peak_rss_kib: Option<u64>,
    /// The same after the `--dump` pass, which holds every input of a page.
    peak_rss_kib_after_dump: Option<u64>,
    /// Pages that could not be read.
    failed: usize,
}

/// Runs `sdr bench`; exit status 1 if a page failed, 2 if nothing ran.
pub fn run(args: BenchArgs) -> ExitCode {
    match bench(&args) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("sdr: {e}");
            ExitCode::from(2)
        }
    }
}

/// The whole benchmark; returns the number of pages that failed.
fn bench(args: &BenchArgs) -> Result<usize, CliError> {
    // Check the options and find the pages before loading anything.
    for (name, value) in [("--runs", args.runs), ("--network-runs", args.network_runs)] {
        if !(1..=MAX_RUNS).contains(&value) {
            return Err(CliError::Output(format!(
                "{name} must be between 1 and {MAX_RUNS}, got {value}"
            )));
        }
    }
    let files = page_files(&args.dir)?;
    let limits = Limits::default();

    // Load the models.
    let dir = models::models_dir(args.models.as_deref());
    let engine = models::load_engine(&dir, args.tier, EngineOptions::default())?;

    // Time every page; the first is read once untimed to plan the networks.
    let mut pages = Vec::new();
    let mut warmup_ms = None;
    let mut failed = 0;
    for file in &files {
        let result = each_page(file, &limits, |index, page| {
            if warmup_ms.is_none() {
                let clock = Instant::now();
                engine.ocr_page(page)?;
                warmup_ms = Some(ms(clock.elapsed()));
            }
            pages.push(time_page(&engine, file, index, page, args.runs)?);
            Ok(())
        });
        failed += report_failures(file, result);
    }
    let peak_after_reading = peak_rss_kib();

    // Dump the network inputs and time tract on them.
    let mut peak_rss_kib_after_dump = None;
    if let Some(dump_dir) = &args.dump {
        let mut dumper = Dumper::new(dump_dir, &dir, args.tier, args.network_runs)?;
        let mut timings = pages.iter_mut();
        for file in &files {
            let result = each_page(file, &limits, |index, page| {
                let (det, rec) = dumper.page(&engine, &file_name(file), index, page)?;
                if let Some(timing) =
                    timings.find(|t| t.file == file_name(file) && t.page == index + 1)
                {
                    timing.tract_detect_ms = Some(det);
                    timing.tract_recognise_ms = Some(rec);
                }
                Ok(())
            });
            failed += report_failures(file, result);
        }
        dumper.finish()?;
        peak_rss_kib_after_dump = peak_rss_kib();
    }

    // Print the table or the JSON document.
    let report = Report {
        runs: args.runs,
        warmup_ms: warmup_ms.unwrap_or(0.0),
        median: medians(&pages),
        pages,
        peak_rss_kib: peak_after_reading,
        peak_rss_kib_after_dump,
        failed,
    };
    if args.json {
        let text =
            serde_json::to_string_pretty(&report).map_err(|e| CliError::Output(e.to_string()))?;
        println!("{text}");
    } else {
        print_table(&report);
    }
    Ok(failed)
}

/// The readable pages of `dir`: regular files whose content is an image or
/// PDF the engine decodes, in name order. None at all is an error.
fn page_files(dir: &Path) -> Result<Vec<PathBuf>, CliError> {
    let input_error = |detail: String| CliError::Input {
        file: dir.display().to_string(),
        detail,
    };
    let entries = std::fs::read_dir(dir).map_err(|e| input_error(e.to_string()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| input_error(e.to_string()))?.path();
        if !path.is_file() {
            continue;
        }
        let mut head = [0u8; 16];
        let read = std::fs::File::open(&path).and_then(|mut f| {
            use std::io::Read;
            f.read(&mut head)
        });
        match read {
            Ok(n) if ocr::decode::sniff(&head[..n]).is_some() => files.push(path),
            _ => log::info!("skipped {}: not a page", path.display()),
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(input_error(
            "no PNG, JPEG, TIFF, WebP or PDF file in this folder".into(),
        ));
    }
    Ok(files)
}

/// Decodes every page of `file` in turn (untimed) and hands it, with its
/// index from 0, to `read`. Stops at the first error, naming the page.
fn each_page(
    file: &Path,
    limits: &Limits,
    mut read: impl FnMut(usize, &Page) -> Result<(), CliError>,
) -> Result<(), (Option<usize>, CliError)> {
    let bytes = std::fs::read(file).map_err(|e| {
        let error = CliError::Input {
            file: file.display().to_string(),
            detail: e.to_string(),
        };
        (None, error)
    })?;
    let document = Document::open(bytes, limits).map_err(|e| (None, e.into()))?;
    for index in 0..document.page_count() {
        let page = document.page(index).map_err(|e| (Some(index), e.into()))?;
        read(index, &page).map_err(|e| (Some(index), e))?;
    }
    Ok(())
}

/// Prints a failure of `each_page` on stderr; returns 1 if there was one.
fn report_failures(file: &Path, result: Result<(), (Option<usize>, CliError)>) -> usize {
    match result {
        Ok(()) => 0,
        Err((page, e)) => {
            let page = page.map(|p| format!(" page {}", p + 1)).unwrap_or_default();
            eprintln!("sdr: {}{page}: {e}", file.display());
            1
        }
    }
}

/// Reads `page` `runs` times and keeps the median of each figure.
fn time_page(
    engine: &Engine,
    file: &Path,
    index: usize,
    page: &Page,
    runs: usize,
) -> Result<PageTiming, CliError> {
    // Read the page, timing the whole call and each step.
    let mut readings = Vec::with_capacity(runs);
    let mut lines = 0;
    for _ in 0..runs {
        let clock = Instant::now();
        let (text, steps) = engine.ocr_page_timed(page)?;
        let total = clock.elapsed();
        lines = text.lines.len();
        readings.push((steps, total));
    }

    // The median of each figure.
    let figure = |f: &dyn Fn(&(ocr::engine::StepTimes, Duration)) -> Duration| {
        median(&readings.iter().map(|r| ms(f(r))).collect::<Vec<_>>())
    };
    Ok(PageTiming {
        file: file_name(file),
        page: index + 1,
        width: page.width(),
        height: page.height(),
        lines,
        prepare_ms: figure(&|r| r.0.prepare),
        detect_ms: figure(&|r| r.0.detect),
        orient_ms: figure(&|r| r.0.orient),
        recognise_ms: figure(&|r| r.0.recognise),
        total_ms: figure(&|r| r.1),
        tract_detect_ms: None,
        tract_recognise_ms: None,
    })
}

/// The medians over the pages.
fn medians(pages: &[PageTiming]) -> Medians {
    let of = |f: fn(&PageTiming) -> f64| median(&pages.iter().map(f).collect::<Vec<_>>());
    let of_option = |f: fn(&PageTiming) -> Option<f64>| {
        let values: Option<Vec<f64>> = pages.iter().map(f).collect();
        values.filter(|v| !v.is_empty()).map(|v| median(&v))
    };
    Medians {
        lines: of(|p| p.lines as f64),
        detect_ms: of(|p| p.detect_ms),
        recognise_ms: of(|p| p.recognise_ms),
        total_ms: of(|p| p.total_ms),
        tract_detect_ms: of_option(|p| p.tract_detect_ms),
        tract_recognise_ms: of_option(|p| p.tract_recognise_ms),
    }
}

/// The table: one row per page, then the medians and the peak memory.
fn print_table(report: &Report) {
    let dumped = report.median.tract_detect_ms.is_some();
    print!(
        "{:<28} {:>4} {:>11} {:>5} {:>8} {:>8} {:>8} {:>9} {:>9}",
        "file", "page", "pixels", "lines", "prep ms", "det ms", "orient", "rec ms", "total ms"
    );
    println!("{}", if dumped { "  tract det  tract rec" } else { "" });
    let tract = |value: Option<f64>| value.map(|v| format!(" {v:>10.1}")).unwrap_or_default();
    for p in &report.pages {
        println!(
            "{:<28} {:>4} {:>11} {:>5} {:>8.1} {:>8.1} {:>8.1} {:>9.1} {:>9.1}{}{}",
            p.file,
            p.page,
            format!("{}x{}", p.width, p.height),
            p.lines,
            p.prepare_ms,
            p.detect_ms,
            p.orient_ms,
            p.recognise_ms,
            p.total_ms,
            tract(p.tract_detect_ms),
            tract(p.tract_recognise_ms),
        );
    }
    let m = &report.median;
    println!(
        "{:<28} {:>4} {:>11} {:>5.0} {:>8} {:>8.1} {:>8} {:>9.1} {:>9.1}{}{}",
        "median",
        "",
        "",
        m.lines,
        "",
        m.detect_ms,
        "",
        m.recognise_ms,
        m.total_ms,
        tract(m.tract_detect_ms),
        tract(m.tract_recognise_ms),
    );
    println!(
        "warm-up (first page, untimed pass): {:.1} ms",
        report.warmup_ms
    );
    let mib = |kib: Option<u64>| match kib {
        Some(k) => format!("{:.1} MiB", k as f64 / 1024.0),
        None => "unknown (no /proc/self/status)".into(),
    };
    println!("peak memory (VmHWM): {}", mib(report.peak_rss_kib));
    if dumped {
        println!(
            "peak memory after --dump: {}",
            mib(report.peak_rss_kib_after_dump)
        );
    }
}

/// The resident-set high-water mark of this process in KiB, from `VmHWM`
/// in `/proc/self/status`; `None` where there is no such file.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The median of `values` (mean of the middle two for an even count); 0.0
/// for none.
pub fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// A duration in milliseconds.
pub fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// The file's name without its folder, for tables and the dump index.
fn file_name(file: &Path) -> String {
    file.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median(&[]), 0.0);
    }

    #[test]
    fn peak_memory_is_read_on_linux() {
        if cfg!(target_os = "linux") {
            let kib = peak_rss_kib().expect("VmHWM in /proc/self/status");
            assert!(kib > 100, "a running test process uses {kib} KiB");
        }
    }

    #[test]
    fn a_folder_without_pages_is_an_error() {
        let dir = std::env::temp_dir().join(format!("sdr-bench-empty-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("notes.txt"), "not a page").unwrap();
        let error = page_files(&dir).unwrap_err().to_string();
        assert!(error.contains("no PNG"), "{error}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
