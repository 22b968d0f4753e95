//! One exercise: a certificate generated with one to three planted faults,
//! as a PDF, with its declaration and answer key. Plain Rust (no browser):
//! the fonts and the data come in as parsed values.

use std::collections::BTreeSet;

use review::DataSet;
use synth::certificate::{self, AnswerKey, CertificateRequest, Fault, OutputFormat};
use synth::{Degradation, Fonts, SynthError};

/// Print resolution of the exercises, dots per inch.
const DPI: f32 = 200.0;
/// Most planted faults per exercise.
const MAX_FAULTS: usize = 3;
/// Draws (template, faults) tried before giving up.
const ATTEMPTS: u32 = 24;

/// A generated exercise.
#[derive(Clone, Debug)]
pub struct Exercise {
    /// The seed it was drawn from.
    pub seed: u64,
    /// The certificate's file name, e.g. `training-au-beef-1733352000000.pdf`.
    pub file_name: String,
    /// The certificate as a PDF (JPEG page images).
    pub bytes: Vec<u8>,
    /// The importer's declaration, JSON text.
    pub declaration: String,
    /// What was printed and planted.
    pub key: AnswerKey,
    /// The planted faults (the key's fault names, parsed).
    pub faults: BTreeSet<Fault>,
}

/// Two exercises are the same when their seed and answer key are: comparing
/// the PDF bytes on every render would be wasted work.
impl PartialEq for Exercise {
    fn eq(&self, other: &Self) -> bool {
        self.seed == other.seed && self.key == other.key
    }
}

/// Why no exercise could be made.
#[derive(Debug, thiserror::Error)]
pub enum ExerciseError {
    /// The data set has no template.
    #[error("the data set has no template")]
    NoTemplate,
    /// Every draw failed; the last generator error is given.
    #[error("no certificate could be generated in {attempts} attempts (seed {seed}): {last}")]
    Exhausted {
        /// Draws tried.
        attempts: u32,
        /// The exercise's seed.
        seed: u64,
        /// The last generator error.
        last: String,
    },
    /// The declaration could not be serialised.
    #[error("declaration: {0}")]
    Declaration(#[from] serde_json::Error),
}

/// A small deterministic generator (SplitMix64) for the exercise's draws.
struct Draw(u64);

impl Draw {
    /// The next 64 random bits.
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The faults that can be planted on some version of template `id`.
fn applicable(data: &DataSet, id: &str) -> Vec<Fault> {
    Fault::ALL
        .into_iter()
        .filter(|f| data.templates.iter().any(|t| t.id == id && f.applies_to(t)))
        .collect()
}

/// Makes an exercise from `seed`: a template drawn at random, one to three
/// distinct faults that apply to it, a clean 200 dpi print as PDF. A draw
/// the registers do not allow (or whose faults collide) is drawn again.
pub fn make(fonts: &Fonts, data: &DataSet, seed: u64) -> Result<Exercise, ExerciseError> {
    let ids: Vec<&str> = data
        .templates
        .iter()
        .map(|t| t.id.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if ids.is_empty() {
        return Err(ExerciseError::NoTemplate);
    }
    let mut draw = Draw(seed);
    let mut last = String::new();
    for attempt in 0..ATTEMPTS {
        // The template, then 1..=3 distinct faults it allows.
        let id = ids[draw.below(ids.len())];
        let mut pool = applicable(data, id);
        let count = 1 + draw.below(MAX_FAULTS);
        let mut faults = Vec::with_capacity(count);
        while faults.len() < count && !pool.is_empty() {
            faults.push(pool.swap_remove(draw.below(pool.len())));
        }
        let request = CertificateRequest {
            template: id.to_string(),
            version: None,
            seed: seed.wrapping_add(u64::from(attempt)),
            faults,
            degradation: Degradation::Clean,
            dpi: DPI,
            format: OutputFormat::Pdf,
            name: None,
        };
        match certificate::generate(fonts, data, &request) {
            Ok(generated) => {
                let name = format!("training-{}-{seed}", id.to_lowercase());
                let mut key = generated.key;
                key.file = format!("{name}.pdf");
                key.declaration = format!("{name}.declaration.json");
                let planted = key
                    .faults
                    .iter()
                    .filter_map(|f| f.fault.parse::<Fault>().ok())
                    .collect();
                return Ok(Exercise {
                    seed,
                    file_name: key.file.clone(),
                    bytes: synth::pdf::write(&generated.pages),
                    declaration: serde_json::to_string_pretty(&generated.declaration)?,
                    key,
                    faults: planted,
                });
            }
            Err(e @ SynthError::FaultNotPossible { .. }) => {
                log::debug!("exercise draw {attempt} of seed {seed}: {e}");
                last = e.to_string();
            }
            Err(e) => {
                log::warn!("exercise draw {attempt} of seed {seed}: {e}");
                last = e.to_string();
            }
        }
    }
    Err(ExerciseError::Exhausted {
        attempts: ATTEMPTS,
        seed,
        last,
    })
}

// Natively only: the tests read the fonts from /usr/share/fonts.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The repository's data set, read the way the browser gets it.
    fn data() -> DataSet {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = vec![(
            "rules.json".to_string(),
            std::fs::read(root.join("rules.json")).unwrap(),
        )];
        for (dir, dest) in [("web/templates", "templates"), ("web/registry", "registry")] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy().to_string();
                if name.ends_with(".json") && !name.ends_with(".schema.json") {
                    files.push((format!("{dest}/{name}"), std::fs::read(&path).unwrap()));
                }
            }
        }
        DataSet::from_files(&files).unwrap()
    }

    #[test]
    fn an_exercise_plants_one_to_three_faults_and_is_a_pdf() {
        let fonts = Fonts::from_debian().unwrap();
        let data = data();
        let ex = make(&fonts, &data, 1_733_352_000_000).unwrap();
        assert!(ex.bytes.starts_with(b"%PDF-"), "not a PDF");
        assert!(
            (1..=MAX_FAULTS).contains(&ex.faults.len()),
            "{:?}",
            ex.faults
        );
        assert_eq!(ex.faults.len(), ex.key.faults.len());
        assert!(
            ex.file_name.starts_with("training-") && ex.file_name.ends_with("-1733352000000.pdf")
        );
        assert!(ex.declaration.contains("consignee"), "{}", ex.declaration);
        // Every planted fault names the rules it trips, and they are in the catalogue.
        for f in &ex.key.faults {
            assert!(!f.rules.is_empty());
            for rule in &f.rules {
                assert!(data.rules.rules.iter().any(|r| &r.id == rule), "{rule}");
            }
        }
        // The same seed gives the same exercise.
        let again = make(&fonts, &data, 1_733_352_000_000).unwrap();
        assert_eq!(again.key, ex.key);
    }
}
