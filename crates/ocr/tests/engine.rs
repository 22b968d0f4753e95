//! The engine on real pages with the real models.

mod common;

use ocr::{Page, PageStatus};

fn page_from_png(path: &std::path::Path) -> Page {
    let image = image::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Page {
        image: image.to_rgb8(),
        dpi: None,
    }
}

#[test]
fn linn_png_matches_its_transcript() {
    let dir = common::root().join("tests/resources/ocrmypdf");
    let page = page_from_png(&dir.join("linn.png"));
    let want = std::fs::read_to_string(dir.join("linn.txt")).unwrap();
    let text = common::engine().ocr_page(&page).unwrap();
    let got = text.plain_text();
    let cer = common::cer(&got, &want);
    println!(
        "linn.png: {} lines, CER {:.2}%\n{got}",
        text.lines.len(),
        cer * 100.0
    );
    assert_eq!(text.rotation, 0);
    assert!(cer < 0.2, "CER {cer}");
}

#[test]
fn a_blank_page_has_no_text() {
    let page = Page {
        image: image::RgbImage::from_pixel(1240, 1754, image::Rgb([255; 3])),
        dpi: Some(150.0),
    };
    let text = common::engine().ocr_page(&page).unwrap();
    assert_eq!(text.status, PageStatus::NoText);
    assert!(text.lines.is_empty());
}
