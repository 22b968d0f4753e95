//! `sdr`: Smart Document Review on the command line.

mod bench_cmd;
mod bench_dump;
mod check_data_cmd;
mod data_dir;
mod error;
mod eval_cmd;
mod models;
mod npy;
mod ocr_cmd;
mod review_cmd;
mod synth_cmd;

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
    /// Generate certificates from the templates, with answer keys and declarations.
    Synth(synth_cmd::SynthArgs),
    /// Review a certificate: template, fields, findings and verdict.
    Review {
        /// The certificate (PNG, JPEG, TIFF, WebP, PDF).
        file: PathBuf,
        /// The importer's declaration (JSON) to compare with.
        #[arg(long)]
        declaration: Option<PathBuf>,
        /// Print the full report as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        common: ReviewOptions,
    },
    /// Validate the templates, rules and registers of the data folder.
    CheckData {
        /// Data folder (default: $SDR_DATA, ., or the repository's).
        #[arg(long)]
        data: Option<PathBuf>,
    },
    /// Review every generated certificate in a folder and score the reviews
    /// against their answer keys.
    Eval {
        /// Folder written by `sdr synth`.
        dir: PathBuf,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
        /// Also write the scores as JSON to this file.
        #[arg(long)]
        save_json: Option<PathBuf>,
        /// Certificates reviewed in parallel, one engine each (1..=8).
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=8))]
        threads: u8,
        #[command(flatten)]
        common: ReviewOptions,
    },
}

/// Options shared by the commands that review.
#[derive(clap::Args)]
struct ReviewOptions {
    /// Data folder: rules.json, web/templates, web/registry (default: $SDR_DATA, ., or the repository's).
    #[arg(long)]
    data: Option<PathBuf>,
    /// Models folder (default: $SDR_MODELS, ./models, or the repository's).
    #[arg(long)]
    models: Option<PathBuf>,
    /// Raster resolution for PDF pages, in dots per inch (72..=600).
    #[arg(long, default_value_t = 200.0)]
    dpi: f32,
}

impl ReviewOptions {
    /// Loads the data, `engines` OCR engines and the limits, or prints why not.
    fn load(
        &self,
        engines: usize,
    ) -> Result<(review::DataSet, Vec<ocr::Engine>, Limits), ExitCode> {
        if !(72.0..=600.0).contains(&self.dpi) {
            eprintln!("sdr: --dpi must be between 72 and 600, got {}", self.dpi);
            return Err(ExitCode::from(2));
        }
        let limits = Limits {
            pdf_dpi: self.dpi,
            ..Limits::default()
        };
        let data = data_dir::load(&data_dir::data_dir(self.data.as_deref())).map_err(|e| {
            eprintln!("sdr: {e}");
            ExitCode::from(2)
        })?;
        let dir = models::models_dir(self.models.as_deref());
        let mut list = Vec::with_capacity(engines);
        for _ in 0..engines {
            let engine = models::load_engine(&dir, models::Tier::Tiny, EngineOptions::default())
                .map_err(|e| {
                    eprintln!("sdr: {e}");
                    ExitCode::from(2)
                })?;
            list.push(engine);
        }
        Ok((data, list, limits))
    }
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
        Command::Synth(args) => synth_cmd::run(args),
        Command::Review {
            file,
            declaration,
            json,
            common,
        } => {
            let declaration = match declaration.as_deref().map(review_cmd::load_declaration) {
                Some(Err(e)) => {
                    eprintln!("sdr: {e}");
                    return ExitCode::from(2);
                }
                Some(Ok(d)) => Some(d),
                None => None,
            };
            let (data, engines, limits) = match common.load(1) {
                Ok(loaded) => loaded,
                Err(code) => return code,
            };
            match review_cmd::run(
                &engines[0],
                &data,
                &file,
                declaration.as_ref(),
                &limits,
                json,
            ) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("sdr: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::CheckData { data } => check_data_cmd::run(data.as_deref()),
        Command::Eval {
            dir,
            json,
            save_json,
            threads,
            common,
        } => {
            let (data, engines, limits) = match common.load(usize::from(threads)) {
                Ok(loaded) => loaded,
                Err(code) => return code,
            };
            match eval_cmd::run(&engines, &data, &dir, &limits, json, save_json.as_deref()) {
                Ok(code) => code,
                Err(e) => {
                    eprintln!("sdr: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// Quiet by default: warnings only; `--verbose` shows each step with its time.
fn init_logging(verbose: bool) {
    // Our own steps only: the inference engine's debug output is thousands
    // of lines per model.
    let level = if verbose {
        "warn,ocr=debug,review=debug,sdr=debug"
    } else {
        "warn"
    };
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or(level))
        .format_timestamp_millis()
        .init();
}
