//! OCRmyPDF's test pages (fetched by scripts/fetch-test-resources.sh): text
//! against a transcript, pages in four rotations, skew, blank pages, colour
//! variants of one photo.

use crate::common;

use ocr::decode::decode_all;
use ocr::{Limits, PageStatus, PageText};

/// Decodes and reads every page of a file from OCRmyPDF's resources.
fn read(name: &str) -> Vec<PageText> {
    let path = common::root().join("tests/resources/ocrmypdf").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run scripts/fetch-test-resources.sh",
            path.display()
        )
    });
    let pages = decode_all(bytes, &Limits::default()).unwrap();
    pages
        .iter()
        .map(|p| common::engine().ocr_page(p).unwrap())
        .collect()
}

#[test]
fn linn_png_matches_its_transcript() {
    let dir = common::root().join("tests/resources/ocrmypdf");
    let want = std::fs::read_to_string(dir.join("linn.txt")).unwrap();
    let pages = read("linn.png");
    let got = pages[0].plain_text();
    let cer = common::cer(&got, &want);

    // The transcript is itself an OCR output with its own errors (bullets
    // read as "0", "0r" for "or") and reads the two columns one after the
    // other where we read the upper and lower halves of the two columns in
    // turn, so the order-sensitive rate is printed, and the words are checked
    // without regard to order.
    let recall = common::word_recall(&got, &want);
    println!(
        "linn.png: {} lines, CER {:.2}% in reading order, {:.1}% of the transcript's words read",
        pages[0].lines.len(),
        cer * 100.0,
        recall * 100.0
    );
    assert_eq!(pages[0].rotation, 0);
    assert_eq!(pages[0].lines[0].text, "The LinnSequencer");
    assert!(recall >= 0.9, "word recall {recall}");
}

#[test]
fn cardinal_pdf_comes_out_upright_on_every_page() {
    let pages = read("cardinal.pdf");
    let rotations: Vec<u32> = pages.iter().map(|p| p.rotation).collect();
    assert_eq!(rotations, [0, 270, 180, 90]);
    for page in &pages {
        assert_eq!(
            page.lines[0].text, "The LinnSequencer",
            "rotation {}",
            page.rotation
        );
        assert!(page.lines.len() >= 75, "{} lines", page.lines.len());
    }
}

#[test]
fn skew_pdf_is_measured_and_read() {
    let pages = read("skew.pdf");
    let text = pages[0].plain_text();
    println!("skew.pdf: skew {:.2} degrees\n{text}", pages[0].skew);
    assert!(pages[0].skew.abs() > 0.5, "skew {}", pages[0].skew);
    assert!(text.contains("Linn"), "{text}");
}

#[test]
fn blank_pdf_has_no_text() {
    let pages = read("blank.pdf");
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].status, PageStatus::NoText);
    assert!(pages[0].lines.is_empty());
}

#[test]
fn colour_variants_of_one_photo_read_alike() {
    // The same map in CMYK, with alpha, with a palette and in grey: the
    // place names must come out the same.
    let reference = read("baiona.png")[0].plain_text();
    assert!(reference.contains("BAIONA"), "{reference}");
    for name in [
        "baiona_cmyk.jpg",
        "baiona_alpha.png",
        "baiona_colormapped.png",
        "baiona_gray.png",
    ] {
        let text = read(name)[0].plain_text();
        let cer = common::cer(&text, &reference);
        println!("{name}: CER {:.2}% against baiona.png", cer * 100.0);
        assert!(cer < 0.15, "{name}: CER {cer}\n{text}");
    }
}

#[test]
fn multipage_pdf_reads_every_page() {
    let pages = read("multipage.pdf");
    assert!(pages.len() > 1);
    let with_text = pages
        .iter()
        .filter(|p| p.status == PageStatus::Text)
        .count();
    println!(
        "multipage.pdf: {} pages, {with_text} with text",
        pages.len()
    );
    assert!(with_text >= pages.len() - 1);
}

#[test]
fn lines_read_in_two_shares_give_the_same_page() {
    // The upside-down page of cardinal.pdf, so that the finishing step
    // also turns the page and reads it again.
    let path = common::root().join("tests/resources/ocrmypdf/cardinal.pdf");
    let pages = decode_all(std::fs::read(path).unwrap(), &Limits::default()).unwrap();
    let engine = common::engine();
    let whole = engine.ocr_page(&pages[2]).unwrap();

    // Detect, read the two shares apart (as two workers would), finish.
    let detected = engine.detect_page(&pages[2]).unwrap();
    let shares = ocr::share::share_lines(&detected.quads, 2);
    assert!(shares.iter().all(|s| !s.is_empty()));
    let mut read = vec![None; detected.quads.len()];
    for share in &shares {
        let quads: Vec<_> = share.iter().map(|&i| detected.quads[i]).collect();
        let lines = engine.recognise(&detected.upright, &quads).unwrap();
        for (&i, line) in share.iter().zip(lines) {
            read[i] = Some(line);
        }
    }
    let read = read.into_iter().map(Option::unwrap).collect();
    let (shared, _) = engine.finish_page(detected, read).unwrap();
    assert_eq!(shared.rotation, 180);
    assert_eq!(shared, whole);
}

#[test]
fn finishing_with_too_few_lines_read_is_an_error() {
    let path = common::root().join("tests/resources/ocrmypdf/linn.png");
    let pages = decode_all(std::fs::read(path).unwrap(), &Limits::default()).unwrap();
    let detected = common::engine().detect_page(&pages[0]).unwrap();
    let boxes = detected.quads.len();
    let err = common::engine()
        .finish_page(detected, Vec::new())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("inference failed in recognition: 0 lines read for {boxes} boxes")
    );
}
