//! Finding and loading the model files for the command line.

use std::path::{Path, PathBuf};

use ocr::manifest::Manifest;
use ocr::{Engine, EngineOptions};

use crate::error::CliError;

/// Which recogniser to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Tier {
    /// PP-OCRv6 tiny recogniser (fast; the default).
    Tiny,
    /// PP-OCRv6 small recogniser (slower, for hard pages).
    Small,
}

/// The models folder: `--models`, else `$SDR_MODELS`, else `./models` if it
/// holds a manifest, else the repository's `models/` this tool was built from.
pub fn models_dir(option: Option<&Path>) -> PathBuf {
    if let Some(dir) = option {
        return dir.to_path_buf();
    }
    if let Some(dir) = std::env::var_os("SDR_MODELS") {
        return PathBuf::from(dir);
    }
    let local = PathBuf::from("models");
    if local.join("manifest.json").is_file() {
        return local;
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models")
}

/// Reads and verifies the models of `tier` from `dir` and builds the engine.
pub fn load_engine(dir: &Path, tier: Tier, options: EngineOptions) -> Result<Engine, CliError> {
    // The manifest says which files and which checksums.
    let manifest_path = dir.join("manifest.json");
    let manifest_text = read(&manifest_path)?;
    let manifest = Manifest::parse(&String::from_utf8_lossy(&manifest_text))?;
    let (rec, dict) = match tier {
        Tier::Tiny => ("rec", "dict"),
        Tier::Small => ("rec-small", "dict-small"),
    };

    // Read each file and check it against the manifest before parsing.
    let mut bytes = Vec::new();
    for name in ["det", rec, dict] {
        let path = dir.join(&manifest.get(name)?.file);
        let data = read(&path)?;
        manifest.verify(name, &data)?;
        bytes.push(data);
    }
    let dict_text = String::from_utf8(bytes[2].clone()).map_err(|e| CliError::Input {
        file: dir.join(dict).display().to_string(),
        detail: e.to_string(),
    })?;
    Ok(Engine::new(&bytes[0], &bytes[1], &dict_text, options)?)
}

/// Reads a file; a missing model says how to fetch the models.
fn read(path: &Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|e| CliError::Input {
        file: path.display().to_string(),
        detail: format!("{e} (run scripts/fetch-models.sh to fetch the models)"),
    })
}
