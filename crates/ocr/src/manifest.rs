//! The model manifest (`models/manifest.json`): which files the engine needs
//! and their sha256, so that a corrupt or substituted model is refused before
//! it is parsed.

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::error::{OcrError, Result};

/// One file listed in the manifest.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct ModelFile {
    /// Short name: "det", "rec", "dict", "rec-small", "dict-small".
    pub name: String,
    /// "detector", "recogniser" or "dictionary".
    pub role: String,
    /// File name inside `models/`.
    pub file: String,
    /// Lower-case hex sha256 of the file.
    pub sha256: String,
    /// Quality tier: "tiny" (default) or "small".
    pub tier: String,
}

/// The parsed manifest.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Manifest {
    /// Every model file, in manifest order.
    pub models: Vec<ModelFile>,
}

impl Manifest {
    /// Parses the manifest's JSON text.
    pub fn parse(json: &str) -> Result<Manifest> {
        serde_json::from_str(json).map_err(|e| OcrError::Model {
            name: "manifest".into(),
            detail: format!("invalid manifest.json: {e}"),
        })
    }

    /// The entry named `name`, or a `Model` error listing the names known.
    pub fn get(&self, name: &str) -> Result<&ModelFile> {
        self.models.iter().find(|m| m.name == name).ok_or_else(|| {
            let known: Vec<&str> = self.models.iter().map(|m| m.name.as_str()).collect();
            OcrError::Model {
                name: name.into(),
                detail: format!("not in the manifest (known: {})", known.join(", ")),
            }
        })
    }

    /// Checks `bytes` against the sha256 recorded for `name`.
    pub fn verify(&self, name: &str, bytes: &[u8]) -> Result<()> {
        let entry = self.get(name)?;
        let got = sha256_hex(bytes);
        if got != entry.sha256 {
            return Err(OcrError::Model {
                name: name.into(),
                detail: format!(
                    "{} has sha256 {got}, the manifest expects {}",
                    entry.file, entry.sha256
                ),
            });
        }
        Ok(())
    }
}

/// Lower-case hex sha256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = include_str!("../../../models/manifest.json");

    #[test]
    fn the_committed_manifest_lists_the_tiny_models() {
        let manifest = Manifest::parse(MANIFEST).unwrap();
        assert_eq!(manifest.get("det").unwrap().file, "ppocrv6-tiny-det.onnx");
        assert_eq!(manifest.get("rec").unwrap().role, "recogniser");
        let err = manifest.get("cls").unwrap_err().to_string();
        assert!(err.contains("known: det, rec, dict"), "{err}");
    }

    #[test]
    fn a_substituted_file_is_refused_with_both_checksums() {
        let manifest = Manifest::parse(MANIFEST).unwrap();
        let err = manifest
            .verify("dict", b"not the dictionary")
            .unwrap_err()
            .to_string();
        assert!(err.contains("2af150bab777d86fa1ce821f6a37eabea90f1bb99ab9c41f031262e892a747bc"));
        assert!(err.contains(&sha256_hex(b"not the dictionary")));
    }
}
