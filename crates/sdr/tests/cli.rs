//! `sdr ocr` as a user runs it: the built binary on real, bad and hostile files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sdr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sdr"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("sdr runs")
}

/// Writes `bytes` to a fresh file under the target's temporary folder.
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sdr-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn json_output_has_pages_lines_confidences_and_boxes() {
    let out = sdr(&["ocr", "--json", "tests/data/wasm-page.png"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["file"], "tests/data/wasm-page.png");
    let page = &doc["pages"][0];
    assert_eq!(
        (page["width"].as_u64(), page["height"].as_u64()),
        (Some(1240), Some(877))
    );
    assert_eq!(page["dpi"].as_f64().map(f64::round), Some(150.0));
    let lines = page["lines"].as_array().unwrap();
    let texts: Vec<&str> = lines.iter().map(|l| l["text"].as_str().unwrap()).collect();
    assert!(texts.contains(&"Container: CSQU3054383"), "{texts:?}");
    for line in lines {
        let confidence = line["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&confidence));
        assert_eq!(line["box"].as_array().unwrap().len(), 4);
    }
}

#[test]
fn plain_text_is_the_default() {
    let out = sdr(&["ocr", "tests/data/wasm-page.png"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().any(|l| l == "Net weight: 24.560,00 kg"),
        "{text}"
    );
}

#[test]
fn bad_files_fail_with_one_line_naming_the_file() {
    // Random bytes, a truncated PNG, an empty file, a PDF without a body.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let noise: Vec<u8> = (0..4096)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    let png = std::fs::read(root().join("tests/data/wasm-page.png")).unwrap();
    let jpeg = {
        let mut bytes = Vec::new();
        let image = image::RgbImage::from_pixel(300, 200, image::Rgb([250, 250, 250]));
        image::codecs::jpeg::JpegEncoder::new(&mut bytes)
            .encode_image(&image)
            .unwrap();
        bytes
    };
    let cases = [
        scratch("noise.bin", &noise),
        scratch("truncated.jpg", &jpeg[..jpeg.len() / 2]),
        scratch("eight-bytes.jpg", &jpeg[..8]),
        root().join("crates"),
        root().join("no-such-file.png"),
        scratch("truncated.png", &png[..png.len() / 3]),
        scratch("empty.pdf", b""),
        scratch("header-only.pdf", b"%PDF-1.7\n"),
    ];
    for file in &cases {
        let out = sdr(&["ocr", path(file)]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", file.display());
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert_eq!(stderr.matches(path(file)).count(), 1, "{stderr}");
    }
}

#[test]
fn a_missing_models_folder_is_reported() {
    let out = sdr(&[
        "ocr",
        "--models",
        "/nonexistent",
        "tests/data/wasm-page.png",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("fetch-models.sh"), "{stderr}");
}
