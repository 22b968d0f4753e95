//! The browser half of scripts/bench.sh: times the OCR of the benchmark pages
//! in WebAssembly (SIMD build, headless Chromium), as `sdr bench` does
//! natively.
//!
//! Built only with the `bench-wasm` feature, because the pages are compiled
//! in from test-output/bench/wasm-pages.rs, which scripts/bench.sh writes:
//! a `RUNS` constant and a `PAGES` list of (file name, `include_bytes!`).
//! The script runs it with
//! `cargo test -p ocr --target wasm32-unknown-unknown --release
//! --features bench-wasm --test wasm_bench -- --nocapture`.
//!
//! Each page is decoded (untimed) and read `RUNS` times with
//! [`ocr::Engine::ocr_page`], timed with `performance.now()`; the median is
//! kept. The first page is read once more beforehand, untimed, to plan the
//! networks. Each result goes to the console as one line, `BENCH ` and a JSON
//! object, which the runner relays and the script parses. The WebAssembly
//! memory is reported at the start (models and pages are compiled in, so
//! they are already there), after the warm-up and at the end; it only ever
//! grows, so the end is the peak.
#![cfg(all(target_arch = "wasm32", feature = "bench-wasm"))]

use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure, Instant};

wasm_bindgen_test_configure!(run_in_browser);

/// Tiny detector, ONNX.
const DET: &[u8] = include_bytes!("../../../models/ppocrv6-tiny-det.onnx");
/// Tiny recogniser, ONNX.
const REC: &[u8] = include_bytes!("../../../models/ppocrv6-tiny-rec.onnx");
/// Tiny recogniser's character list, one per line.
const DICT: &str = include_str!("../../../models/ppocrv6-tiny-dict.txt");

// `RUNS: usize` and `PAGES: &[(&str, &[u8])]`, written by scripts/bench.sh.
include!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../test-output/bench/wasm-pages.rs"
));

/// Bytes in one WebAssembly memory page.
const WASM_PAGE: usize = 65_536;

/// The size of this module's linear memory, bytes.
fn memory_bytes() -> usize {
    core::arch::wasm32::memory_size::<0>() * WASM_PAGE
}

/// Prints one result line for scripts/bench.sh.
fn report(value: serde_json::Value) {
    console_log!("BENCH {value}");
}

/// The median of `values`, milliseconds (mean of the middle two if even).
fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

#[wasm_bindgen_test]
fn time_every_benchmark_page() {
    // Load the engine from the compiled-in models, as the web app does.
    let embedded: usize = DET.len() + REC.len() + DICT.len();
    let embedded = embedded + PAGES.iter().map(|(_, bytes)| bytes.len()).sum::<usize>();
    report(serde_json::json!({
        "event": "start",
        "memory_bytes": memory_bytes(),
        "embedded_bytes": embedded,
        "runs": RUNS,
    }));
    let engine = ocr::Engine::new(DET, REC, DICT, ocr::EngineOptions::default())
        .expect("engine loads the tiny models");

    // Every page of every file, as `sdr bench` reads them.
    let limits = ocr::Limits::default();
    let mut warmed_up = false;
    let mut pages_read = 0;
    for (file, bytes) in PAGES {
        let document = ocr::decode::Document::open(bytes.to_vec(), &limits)
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        for index in 0..document.page_count() {
            let page = document
                .page(index)
                .unwrap_or_else(|e| panic!("{file} page {}: {e}", index + 1));

            // The first page once untimed, so that planning is not timed.
            if !warmed_up {
                let clock = Instant::now();
                engine.ocr_page(&page).expect("warm-up reading");
                let warmup_ms = clock.elapsed().as_secs_f64() * 1000.0;
                report(serde_json::json!({
                    "event": "warmup",
                    "ms": warmup_ms,
                    "memory_bytes": memory_bytes(),
                }));
                warmed_up = true;
            }

            // The timed readings.
            let mut times = Vec::with_capacity(RUNS);
            let mut lines = 0;
            for _ in 0..RUNS {
                let clock = Instant::now();
                let text = engine
                    .ocr_page(&page)
                    .unwrap_or_else(|e| panic!("{file} page {}: {e}", index + 1));
                times.push(clock.elapsed().as_secs_f64() * 1000.0);
                lines = text.lines.len();
            }
            report(serde_json::json!({
                "event": "page",
                "file": file,
                "page": index + 1,
                "width": page.width(),
                "height": page.height(),
                "lines": lines,
                "total_ms": median(&mut times),
                "memory_bytes": memory_bytes(),
            }));
            assert!(lines > 0, "{file} page {}: no line read", index + 1);
            pages_read += 1;
        }
    }

    // The memory at the end is the peak: WebAssembly memory never shrinks.
    report(serde_json::json!({
        "event": "end",
        "pages": pages_read,
        "memory_bytes": memory_bytes(),
    }));
    assert!(pages_read > 0, "no page in test-output/bench/wasm-pages.rs");
}
