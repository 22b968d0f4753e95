//! Reading the static data (rules, templates, registers) from a folder for
//! the commands that review, generate or evaluate.
//!
//! The folder is the repository's layout: `rules.json` at the top,
//! templates in `web/templates/`, registers in `web/registry/`. The files are
//! handed to `review::DataSet::from_files` as bytes named `rules.json`,
//! `templates/<file>` and `registry/<file>`, the same names the web app uses.

use std::path::{Path, PathBuf};

use review::DataSet;

use crate::error::CliError;

/// The data folder: `--data`, else `$SDR_DATA`, else the current folder if it
/// holds `rules.json`, else the repository this tool was built from.
pub fn data_dir(option: Option<&Path>) -> PathBuf {
    if let Some(dir) = option {
        return dir.to_path_buf();
    }
    if let Some(dir) = std::env::var_os("SDR_DATA") {
        return PathBuf::from(dir);
    }
    if Path::new("rules.json").is_file() {
        return PathBuf::from(".");
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Reads every data file under `dir` and validates the set.
pub fn load(dir: &Path) -> Result<DataSet, CliError> {
    // The rule catalogue.
    let mut files = vec![("rules.json".to_string(), read(&dir.join("rules.json"))?)];

    // Every JSON file of the two data folders, in name order.
    for (sub, prefix) in [("web/templates", "templates"), ("web/registry", "registry")] {
        let folder = dir.join(sub);
        let entries = std::fs::read_dir(&folder).map_err(|e| CliError::Input {
            file: folder.display().to_string(),
            detail: e.to_string(),
        })?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        for path in paths {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            files.push((format!("{prefix}/{name}"), read(&path)?));
        }
    }

    // Parse and cross-check.
    DataSet::from_files(&files).map_err(|e| CliError::Data(e.to_string()))
}

/// Reads one file, naming it on error.
pub fn read(path: &Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|e| CliError::Input {
        file: path.display().to_string(),
        detail: e.to_string(),
    })
}
