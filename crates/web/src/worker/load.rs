//! Loading what a review needs: the tiny OCR models (checked against the
//! manifest) and the data set (rules, templates, registers, listed in
//! `data-index.json`).

use ocr::manifest::Manifest;
use ocr::{Engine, EngineOptions};
use review::data::DataSet;

use super::fetch::{fetch_bytes, fetch_text};
use super::{now_ms, post};
use crate::error::WebError;
use crate::protocol::FromWorker;

/// Where the models are served.
const MODELS: &str = "models/";

/// The list of data files, written by `scripts/build-web.sh`: a JSON array
/// of paths relative to the site (`rules.json`, `templates/<f>.json`,
/// `registry/<f>.json`).
const DATA_INDEX: &str = "data-index.json";

/// The models the worker loads: detector, tiny recogniser and its characters.
const MODEL_NAMES: [&str; 3] = ["det", "rec", "dict"];

/// The engine and the data, ready for reviews.
pub struct Loaded {
    /// The OCR engine.
    pub engine: Engine,
    /// Templates, rules and registers.
    pub data: DataSet,
    /// Milliseconds spent building the engine from the model bytes.
    pub engine_ms: f64,
}

/// Fetches, checks and builds everything.
pub async fn load() -> Result<Loaded, WebError> {
    let (engine, engine_ms) = load_engine(true).await?;
    let data = load_data().await?;
    Ok(Loaded {
        engine,
        data,
        engine_ms,
    })
}

/// Fetches the models (posting download progress to the page when
/// `progress`), checks them against the manifest and builds the engine.
/// Returns the engine and the milliseconds spent building it.
pub async fn load_engine(progress: bool) -> Result<(Engine, f64), WebError> {
    // The manifest first: it names the files and their checksums.
    let manifest_text = fetch_text(&format!("{MODELS}manifest.json")).await?;
    let manifest = Manifest::parse(&manifest_text).map_err(|e| WebError::Model {
        name: "manifest".into(),
        detail: e.to_string(),
    })?;

    // Each model, checked against the manifest.
    let mut files = Vec::new();
    for name in MODEL_NAMES {
        let model_error = |e: ocr::OcrError| WebError::Model {
            name: name.into(),
            detail: e.to_string(),
        };
        let entry = manifest.get(name).map_err(model_error)?;
        let url = format!("{MODELS}{}", entry.file);
        let bytes = fetch_bytes(&url, |loaded, total| {
            if progress {
                post(
                    &FromWorker::Loading {
                        item: name.into(),
                        loaded,
                        total,
                    },
                    None,
                )
            }
        })
        .await?;
        manifest.verify(name, &bytes).map_err(model_error)?;
        files.push(bytes);
    }

    // The engine.
    let started = now_ms();
    let dict = String::from_utf8(files[2].clone()).map_err(|e| WebError::Model {
        name: "dict".into(),
        detail: e.to_string(),
    })?;
    let engine =
        Engine::new(&files[0], &files[1], &dict, EngineOptions::default()).map_err(|e| {
            WebError::Model {
                name: "engine".into(),
                detail: e.to_string(),
            }
        })?;
    Ok((engine, now_ms() - started))
}

/// Fetches every file of the data index and validates the set.
async fn load_data() -> Result<DataSet, WebError> {
    let index = fetch_text(DATA_INDEX).await?;
    let names: Vec<String> =
        serde_json::from_str(&index).map_err(|e| WebError::Data(format!("{DATA_INDEX}: {e}")))?;
    let count = names.len() as u64;
    let mut files = Vec::with_capacity(names.len());
    for (i, name) in names.into_iter().enumerate() {
        let bytes = fetch_bytes(&name, |_, _| {}).await?;
        files.push((name, bytes));
        post(
            &FromWorker::Loading {
                item: "data".into(),
                loaded: i as u64 + 1,
                total: Some(count),
            },
            None,
        );
    }
    DataSet::from_files(&files).map_err(|e| WebError::Data(e.to_string()))
}
