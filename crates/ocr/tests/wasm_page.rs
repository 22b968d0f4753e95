//! Browser test: the engine reads a real page in WebAssembly (SIMD build,
//! headless Chromium) as it does natively.
//!
//! The page, tests/data/wasm-page.png, is a half-A4 certificate extract at
//! 150 dpi drawn by tests/data/wasm-page.py; tests/data/wasm-page.txt holds
//! its lines. Run with scripts/wasm-test.sh, or:
//! `cargo test -p ocr --target wasm32-unknown-unknown --test wasm_page --release`.
//! On other targets this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Tiny detector, ONNX.
const DET: &[u8] = include_bytes!("../../../models/ppocrv6-tiny-det.onnx");
/// Tiny recogniser, ONNX.
const REC: &[u8] = include_bytes!("../../../models/ppocrv6-tiny-rec.onnx");
/// Tiny recogniser's character list, one per line.
const DICT: &str = include_str!("../../../models/ppocrv6-tiny-dict.txt");

/// The page, PNG, 1240 x 877 pixels.
const PAGE: &[u8] = include_bytes!("../../../tests/data/wasm-page.png");
/// The page's lines in reading order.
const PAGE_LINES: &str = include_str!("../../../tests/data/wasm-page.txt");

/// Per line, the identifier that must be read exactly: certificate number,
/// container, weights and date are what the review checks.
const KEY_FIELDS: [(usize, &str); 5] = [
    (0, "0001/4507/26"),
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
    let engine = ocr::Engine::new(DET, REC, DICT, ocr::EngineOptions::default())
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
