//! Accuracy on certificate-like pages with stamps, signatures, skew and scan
//! noise, rendered with ground truth by the `synth` crate: page character
//! error rate and the share of printed lines read exactly.

use crate::common;

use ocr::Page;
use synth::{Degradation, Fonts, OcrLine, PageRequest, PageScore};

/// Renders `request`, reads it, and scores the reading against the truth.
fn score(fonts: &Fonts, request: &PageRequest) -> PageScore {
    let rendered = synth::render_page(fonts, request).unwrap();
    let page = Page {
        image: rendered.image.clone(),
        dpi: Some(rendered.dpi),
    };
    let text = common::engine().ocr_page(&page).unwrap();
    let ocr: Vec<OcrLine> = text
        .lines
        .iter()
        .map(|l| OcrLine {
            text: &l.text,
            quad: l.quad,
        })
        .collect();
    synth::score_page_excluding(&rendered.lines, &rendered.dont_care, &ocr)
}

#[test]
fn certificate_pages_read_within_two_percent_cer() {
    let fonts = Fonts::from_debian().unwrap();
    let mut total = PageScore::default();

    // One page of every degradation, alternately at 200 and 300 dpi, stamped
    // and signed.
    for (i, degradation) in Degradation::ALL.iter().enumerate() {
        let request = PageRequest {
            seed: 1000 + i as u64,
            dpi: if i % 2 == 0 { 200.0 } else { 300.0 },
            degradation: *degradation,
            stamp: true,
            signature: true,
        };
        let kind = score(&fonts, &request);
        println!(
            "{:>8}: CER {:.2}%, lines exact {:.1}% ({} lines)",
            degradation.name(),
            kind.cer() * 100.0,
            kind.exact_line_rate() * 100.0,
            kind.truth_lines
        );
        total += kind;
    }

    println!(
        "all pages: CER {:.2}%, lines exact {:.1}% ({} lines, {} characters)",
        total.cer() * 100.0,
        total.exact_line_rate() * 100.0,
        total.truth_lines,
        total.truth_chars
    );
    assert!(total.cer() <= 0.02, "CER {:.4}", total.cer());
    assert!(
        total.exact_line_rate() >= 0.85,
        "exact lines {:.4}",
        total.exact_line_rate()
    );
}
