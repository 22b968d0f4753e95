//! What the generator's tests share: the repository's data set.

use std::path::{Path, PathBuf};

use review::DataSet;

/// The repository's root folder.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A file's bytes; a missing file fails the test, naming it.
fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The repository's templates, rules and registers, named as the web app
/// and `sdr` name them (`rules.json`, `templates/…`, `registry/…`).
pub fn repository_data() -> DataSet {
    let root = root();
    let mut files = vec![("rules.json".to_string(), read(&root.join("rules.json")))];
    for (folder, prefix) in [("web/templates", "templates"), ("web/registry", "registry")] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(folder))
            .expect(folder)
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        for path in paths {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            files.push((format!("{prefix}/{name}"), read(&path)));
        }
    }
    DataSet::from_files(&files).expect("the repository's data")
}
