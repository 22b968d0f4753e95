//! `sdr synth`: generates certificates from the templates, each with its
//! answer key and declaration, for evaluation and training.
//!
//! Writes `<name>.<png|jpg|pdf>`, `<name>.key.json` and
//! `<name>.declaration.json` per certificate. Multi-page certificates are
//! always PDF; single-page ones are PDF often enough to make about a third
//! of the set PDF (when the multi-page share leaves room), else PNG or JPEG.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use synth::certificate::{
    self, CertificateRequest, Fault, FaultRotation, GeneratedCertificate, OutputFormat,
};
use synth::{Degradation, Fonts, SynthError};

use crate::data_dir;

/// Options of `sdr synth`.
#[derive(Args, Debug)]
pub struct SynthArgs {
    /// Template id (e.g. AU-BEEF), or `all` for every id in turn.
    #[arg(long)]
    template: String,
    /// Number of certificates.
    #[arg(long, default_value_t = 1)]
    count: u32,
    /// Seed of the whole set (the same seed gives the same files).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Faults: a comma-separated list of fault names planted on every
    /// certificate, or `random` (none on ~40%; on the rest, the least used so
    /// far of the faults the template allows, so every fault is drawn evenly).
    #[arg(long)]
    faults: Option<String>,
    /// Fraction 0..=1 of certificates spoiled by a random degradation.
    #[arg(long, default_value_t = 0.0)]
    degraded: f64,
    /// Print resolution, dots per inch.
    #[arg(long, default_value_t = 200.0)]
    dpi: f32,
    /// Output folder (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// Data folder holding rules.json and web/ (default: $SDR_DATA, the current
    /// folder if it has rules.json, else the repository this tool was built from).
    #[arg(long)]
    data: Option<PathBuf>,
}

/// Share of ~40% genuine certificates with `--faults random`.
const GENUINE_SHARE: f64 = 0.4;
/// Wanted share of PDF files.
const PDF_SHARE: f64 = 1.0 / 3.0;

/// Runs `sdr synth`.
pub fn run(args: SynthArgs) -> ExitCode {
    match generate_all(&args) {
        Ok(count) => {
            eprintln!("sdr: wrote {count} certificates to {}", args.out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("sdr: {e}");
            ExitCode::from(2)
        }
    }
}

/// What `--faults` asked for.
enum FaultPlan {
    None,
    Fixed(Vec<Fault>),
    Random,
}

fn generate_all(args: &SynthArgs) -> Result<usize, String> {
    // Check the options, load data and fonts.
    if !(0.0..=1.0).contains(&args.degraded) {
        return Err(format!(
            "--degraded must be within 0..=1, got {}",
            args.degraded
        ));
    }
    let plan = match args.faults.as_deref().map(str::trim) {
        None | Some("") | Some("none") => FaultPlan::None,
        Some("random") => FaultPlan::Random,
        Some(list) => FaultPlan::Fixed(
            list.split(',')
                .map(|name| name.parse::<Fault>().map_err(|e| e.to_string()))
                .collect::<Result<_, _>>()?,
        ),
    };
    let root = data_dir::data_dir(args.data.as_deref());
    let data = data_dir::load(&root).map_err(|e| e.to_string())?;
    let ids: Vec<String> = if args.template == "all" {
        data.templates
            .iter()
            .map(|t| t.id.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    } else {
        if !data.templates.iter().any(|t| t.id == args.template) {
            return Err(format!(
                "no template {:?} in {}",
                args.template,
                root.join("web/templates").display()
            ));
        }
        vec![args.template.clone()]
    };
    let fonts = Fonts::from_debian().map_err(|e| e.to_string())?;
    fs::create_dir_all(&args.out)
        .map_err(|e| format!("cannot create {}: {e}", args.out.display()))?;

    // The PDF share of single-page certificates that brings the set to ~1/3.
    let multi = ids
        .iter()
        .filter(|id| data.templates.iter().any(|t| &t.id == *id && t.pages > 1))
        .count() as f64
        / ids.len().max(1) as f64;
    let single_pdf = if multi >= PDF_SHARE {
        0.0
    } else {
        (PDF_SHARE - multi) / (1.0 - multi)
    };

    // One certificate at a time, each from its own generator.
    let mut rotation = FaultRotation::new();
    let mut written = 0usize;
    for i in 0..args.count {
        let id = &ids[i as usize % ids.len()];
        let mut rng = ChaCha8Rng::seed_from_u64(args.seed.wrapping_mul(0x9E37_79B9) ^ u64::from(i));
        let seed = args.seed.wrapping_mul(1_000_003).wrapping_add(u64::from(i));
        let degradation = if rng.random_bool(args.degraded) {
            Degradation::ALL[rng.random_range(1..Degradation::ALL.len())]
        } else {
            Degradation::Clean
        };
        let multi_page = data.templates.iter().any(|t| &t.id == id && t.pages > 1);
        let format = if multi_page || rng.random_bool(single_pdf) {
            OutputFormat::Pdf
        } else if rng.random_bool(0.5) {
            OutputFormat::Png
        } else {
            OutputFormat::Jpeg
        };
        let mut request = CertificateRequest {
            template: id.clone(),
            version: None,
            seed,
            faults: Vec::new(),
            degradation,
            dpi: args.dpi,
            format,
            name: None,
        };
        let generated = match &plan {
            FaultPlan::None => certificate::generate(&fonts, &data, &request),
            FaultPlan::Fixed(faults) => {
                request.faults = faults.clone();
                certificate::generate(&fonts, &data, &request)
            }
            FaultPlan::Random if rng.random_bool(GENUINE_SHARE) => {
                certificate::generate(&fonts, &data, &request)
            }
            FaultPlan::Random => {
                // The least used fault so far that this template and its registers allow.
                match rotation.choose(&data, &request) {
                    Ok(Some(fault)) => {
                        request.faults = vec![fault];
                        certificate::generate(&fonts, &data, &request)
                    }
                    Ok(None) => {
                        log::warn!("certificate {i} ({id}): no fault can be planted, left genuine");
                        certificate::generate(&fonts, &data, &request)
                    }
                    Err(e) => Err(e),
                }
            }
        };
        let generated = match generated {
            Ok(generated) => generated,
            // A fixed fault list skips the templates it cannot be planted on.
            Err(e @ SynthError::FaultNotPossible { .. }) => {
                log::warn!("certificate {i} ({id}) skipped: {e}");
                continue;
            }
            Err(e) => return Err(format!("certificate {i} ({id}): {e}")),
        };
        let name = format!("{i:04}-{}-{}", id, generated.key.version).to_lowercase();
        write(&args.out, &name, generated)?;
        written += 1;
    }
    Ok(written)
}

/// Writes the pages, the key and the declaration under `name`.
fn write(out: &Path, name: &str, mut generated: GeneratedCertificate) -> Result<(), String> {
    let key = &mut generated.key;
    key.file = format!("{name}.{}", key.format.extension());
    key.declaration = format!("{name}.declaration.json");
    let bytes = encode(&generated)?;
    let key = &generated.key;
    let put = |file: &str, bytes: &[u8]| {
        fs::write(out.join(file), bytes).map_err(|e| format!("cannot write {file}: {e}"))
    };
    put(&key.file, &bytes)?;
    let json = |v: serde_json::Result<String>| v.map_err(|e| e.to_string());
    put(
        &format!("{name}.key.json"),
        json(serde_json::to_string_pretty(key))?.as_bytes(),
    )?;
    put(
        &key.declaration,
        json(serde_json::to_string_pretty(&generated.declaration))?.as_bytes(),
    )?;
    log::debug!("wrote {}", key.file);
    Ok(())
}

/// The certificate's file bytes in its format.
fn encode(generated: &GeneratedCertificate) -> Result<Vec<u8>, String> {
    let pages = &generated.pages;
    let first = pages.first().ok_or("no page rendered")?;
    let image = |format: image::ImageFormat| {
        let mut bytes = std::io::Cursor::new(Vec::new());
        first
            .image
            .write_to(&mut bytes, format)
            .map(|()| bytes.into_inner())
            .map_err(|e| format!("{}: {e}", generated.key.file))
    };
    match generated.key.format {
        OutputFormat::Pdf => Ok(synth::pdf::write(pages)),
        OutputFormat::Png => image(image::ImageFormat::Png),
        OutputFormat::Tiff => image(image::ImageFormat::Tiff),
        OutputFormat::Jpeg => {
            let mut bytes = Vec::new();
            let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90);
            first
                .image
                .write_with_encoder(encoder)
                .map_err(|e| format!("{}: {e}", generated.key.file))?;
            Ok(bytes)
        }
    }
}
