//! Shared by the native integration tests: the real models, loaded once.

use std::path::PathBuf;
use std::sync::OnceLock;

use ocr::{Engine, EngineOptions};

/// The repository's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Reads a model file from `models/`, with a message saying how to fetch it.
pub fn model(file: &str) -> Vec<u8> {
    let path = root().join("models").join(file);
    std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run scripts/fetch-models.sh first", path.display()))
}

/// The engine with the tiny models and default options, shared by all tests
/// of one binary.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let dict = String::from_utf8(model("ppocrv6-tiny-dict.txt")).unwrap();
        Engine::new(
            &model("ppocrv6-tiny-det.onnx"),
            &model("ppocrv6-tiny-rec.onnx"),
            &dict,
            EngineOptions::default(),
        )
        .unwrap()
    })
}

/// Character error rate of `got` against `want`: Levenshtein distance over
/// characters, after collapsing all whitespace runs to one space, divided by
/// the length of `want`.
pub fn cer(got: &str, want: &str) -> f64 {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (got, want) = (norm(got), norm(want));
    strsim::levenshtein(&got, &want) as f64 / want.chars().count().max(1) as f64
}

/// Share of the words of `want` that also occur in `got`, each occurrence
/// counted once (multiset intersection), regardless of order.
pub fn word_recall(got: &str, want: &str) -> f64 {
    let mut pool: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for word in got.split_whitespace() {
        *pool.entry(word).or_default() += 1;
    }
    let words: Vec<&str> = want.split_whitespace().collect();
    let mut found = 0;
    for word in &words {
        if let Some(n) = pool.get_mut(word).filter(|n| **n > 0) {
            *n -= 1;
            found += 1;
        }
    }
    found as f64 / words.len().max(1) as f64
}
