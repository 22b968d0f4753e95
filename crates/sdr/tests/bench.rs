//! `sdr bench` as scripts/bench.sh runs it: the figures of every page, and a
//! dump whose files hold what the index says. No time is compared with a
//! limit; only how the figures relate to each other.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh, empty folder under the target's temporary folder.
fn fresh(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("sdr-bench")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The values of a little-endian `f32` `.npy` file after checking that its
/// header names `shape`.
fn read_npy(path: &Path, shape: &[u64]) -> Vec<f32> {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[..8], b"\x93NUMPY\x01\x00", "{}", path.display());
    let length = u16::from_le_bytes([bytes[8], bytes[9]]) as usize;
    let header = std::str::from_utf8(&bytes[10..10 + length]).unwrap();
    let dims: Vec<String> = shape.iter().map(u64::to_string).collect();
    assert!(
        header.contains(&format!("'shape': ({})", dims.join(", "))),
        "{header}"
    );
    assert!(header.contains("'descr': '<f4'"), "{header}");
    let data = &bytes[10 + length..];
    assert_eq!(
        data.len() as u64,
        4 * shape.iter().product::<u64>(),
        "{}",
        path.display()
    );
    data.chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

/// A JSON array of numbers as `u64`s.
fn numbers(value: &serde_json::Value) -> Vec<u64> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect()
}

#[test]
fn bench_reports_the_page_and_dumps_the_inputs_tract_ran() {
    // A folder with one page and a file that is not a page.
    let pages = fresh("pages");
    std::fs::copy(root().join("tests/data/wasm-page.png"), pages.join("a.png")).unwrap();
    std::fs::write(pages.join("notes.txt"), "not a page").unwrap();
    let dump = fresh("dump");
    let out = Command::new(env!("CARGO_BIN_EXE_sdr"))
        .args(["bench", "--json", "--network-runs", "1", "--dump"])
        .arg(&dump)
        .arg(&pages)
        .current_dir(root())
        .output()
        .expect("sdr runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The page's figures: its size, all its lines, steps within the total.
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let expected_lines = std::fs::read_to_string(root().join("tests/data/wasm-page.txt"))
        .unwrap()
        .lines()
        .count() as u64;
    let page = &report["pages"][0];
    assert_eq!(report["pages"].as_array().unwrap().len(), 1, "{report}");
    assert_eq!(page["file"], "a.png");
    assert_eq!(
        (page["width"].as_u64(), page["height"].as_u64()),
        (Some(1240), Some(877))
    );
    assert_eq!(page["lines"].as_u64(), Some(expected_lines));
    let ms = |key: &str| {
        page[key]
            .as_f64()
            .unwrap_or_else(|| panic!("{key} in {page}"))
    };
    let steps = ms("prepare_ms") + ms("detect_ms") + ms("orient_ms") + ms("recognise_ms");
    assert!(steps > 0.0 && steps <= ms("total_ms"), "{page}");
    assert!(
        ms("tract_detect_ms") > 0.0 && ms("tract_recognise_ms") > 0.0,
        "{page}"
    );
    if cfg!(target_os = "linux") {
        assert!(
            report["peak_rss_kib"].as_u64().unwrap() > 10 * 1024,
            "{report}"
        );
    }

    // The detector input: the landscape page in a 1280 x 1024 canvas.
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dump.join("index.json")).unwrap()).unwrap();
    let dumped = &index["pages"][0];
    assert_eq!(dumped["detector"].as_array().unwrap().len(), 1, "{dumped}");
    let det = &dumped["detector"][0];
    assert_eq!(numbers(&det["shape"]), [1, 3, 1024, 1280]);
    read_npy(
        &dump.join(det["input"].as_str().unwrap()),
        &[1, 3, 1024, 1280],
    );
    let map = read_npy(
        &dump.join(det["output"].as_str().unwrap()),
        &[1, 1, 1024, 1280],
    );
    assert!(map.iter().all(|p| (0.0..=1.0).contains(p)));
    assert!(map.iter().any(|&p| p > 0.5), "the page has text");

    // Recogniser inputs: at least one line per line kept, 48 pixels high;
    // per step a class of the dictionary and its probability.
    let batches = dumped["recogniser"].as_array().unwrap();
    let lines: u64 = batches.iter().map(|b| b["lines"].as_u64().unwrap()).sum();
    assert!(lines >= expected_lines, "{lines} lines dumped");
    for batch in batches {
        let shape = numbers(&batch["shape"]);
        assert_eq!(shape[1..3], [3, 48], "{batch}");
        let input = read_npy(&dump.join(batch["input"].as_str().unwrap()), &shape);
        assert!(input.iter().all(|v| (-1.0..=1.0).contains(v)));
        let out_shape = [shape[0], shape[3] / 8, 2];
        let best = read_npy(&dump.join(batch["output"].as_str().unwrap()), &out_shape);
        for step in best.chunks_exact(2) {
            assert!(
                step[0].fract() == 0.0 && (0.0..6906.0).contains(&step[0]),
                "{step:?}"
            );
            assert!((0.0..=1.0).contains(&step[1]), "{step:?}");
        }
    }
}
