//! `sdr`: Smart Document Review on the command line.

mod bench_cmd;
mod bench_dump;
mod error;
mod models;
mod npy;
mod ocr_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use ocr::{EngineOptions, Limits};

/// Smart Document Review: read and check inspection and quarantine certificates.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// Log each step and its time on stderr.
    #[arg(long, short, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the text of every page of each file (PNG, JPEG, TIFF, WebP, PDF).
    Ocr {
        /// Input files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print one JSON document per file: pages, lines, confidences, boxes.
        #[arg(long)]
        json: bool,
        /// Raster resolution for PDF pages, in dots per inch (72..=600).
        #[arg(long, default_value_t = 200.0)]
        dpi: f32,
        /// Largest page count accepted; a file with more pages is refused.
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u16).range(1..))]
        max_pages: u16,
        /// Models folder (default: $SDR_MODELS, ./models, or the repository's).
        #[arg(long)]
        models: Option<PathBuf>,
        /// Recogniser tier.
        #[arg(long, value_enum, default_value_t = models::Tier::Tiny)]
        tier: models::Tier,
    },
    /// Time the OCR of every page in a folder: per page and step, medians,
    /// peak memory; optionally dump the network inputs for other runtimes.
    Bench(bench_cmd::BenchArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose);
    match cli.command {
        Command::Ocr {
            files,
            json,
            dpi,
            max_pages,
            models: dir,
            tier,
        } => {
            // Check the options before loading anything.
            if !(72.0..=600.0).contains(&dpi) {
                eprintln!("sdr: --dpi must be between 72 and 600, got {dpi}");
                return ExitCode::from(2);
            }
            let limits = Limits {
                pdf_dpi: dpi,
                max_pages: usize::from(max_pages),
                ..Limits::default()
            };

            // Load the models once, then read every file.
            let dir = models::models_dir(dir.as_deref());
            let engine = match models::load_engine(&dir, tier, EngineOptions::default()) {
                Ok(engine) => engine,
                Err(e) => {
                    eprintln!("sdr: {e}");
                    return ExitCode::from(2);
                }
            };
            match ocr_cmd::run(&engine, &files, &limits, json) {
                0 => ExitCode::SUCCESS,
                _ => ExitCode::FAILURE,
            }
        }
        Command::Bench(args) => bench_cmd::run(args),
    }
}

/// Quiet by default: warnings only; `--verbose` shows each step with its time.
fn init_logging(verbose: bool) {
    // Our own steps only: the inference engine's debug output is thousands
    // of lines per model.
    let level = if verbose {
        "warn,ocr=debug,sdr=debug"
    } else {
        "warn"
    };
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or(level))
        .format_timestamp_millis()
        .init();
}
