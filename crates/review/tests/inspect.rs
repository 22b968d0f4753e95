//! Inspection of page images: QR codes carrying an e-certificate payload on
//! spoiled synthetic pages, and alteration artefacts (white patch with a
//! retyped value, font change, copy mark) against clean pages.

use std::time::Instant;

use image::{GrayImage, Luma, Rgb, RgbImage};
use imageproc::geometric_transformations::{rotate_about_center, Border, Interpolation};
use review::inspect::{inspect, qr, ECertPayload};

/// Millimetres per inch.
const MM_PER_INCH: f32 = 25.4;

/// The fonts of the page generator, loaded once per test binary.
fn fonts() -> &'static synth::Fonts {
    static FONTS: std::sync::OnceLock<synth::Fonts> = std::sync::OnceLock::new();
    FONTS.get_or_init(|| synth::Fonts::from_debian().expect("Debian fonts installed"))
}

/// A clean synthetic certificate page at `dpi`, without stamp or signature.
fn page(seed: u64, dpi: f32) -> RgbImage {
    let request = synth::PageRequest {
        seed,
        dpi,
        degradation: synth::Degradation::Clean,
        stamp: false,
        signature: false,
    };
    synth::render_page(fonts(), &request)
        .expect("page renders")
        .image
}

/// The payload the tests encode.
fn payload() -> ECertPayload {
    ECertPayload {
        country: "NL".into(),
        number: "123456789".into(),
        issue_date: "2026-03-05".into(),
        net_weight: "24560".into(),
        containers: "CSQU3054383,MSKU1234565".into(),
    }
}

/// The QR code of `text`, `module` pixels per module, with a 4-module quiet zone.
fn qr_image(text: &str, module: u32) -> GrayImage {
    let code = qrcode::QrCode::new(text.as_bytes()).expect("text fits a QR code");
    let n = code.width() as u32;
    let colours = code.to_colors();
    let side = (n + 8) * module;
    GrayImage::from_fn(side, side, |x, y| {
        let (mx, my) = (x / module, y / module);
        let inside = (4..n + 4).contains(&mx) && (4..n + 4).contains(&my);
        let dark = inside && colours[((my - 4) * n + mx - 4) as usize] == qrcode::Color::Dark;
        Luma([if dark { 25 } else { 250 }])
    })
}

/// Pastes a grey image onto the page with its top-left corner at `(x, y)`.
fn paste(page: &mut RgbImage, patch: &GrayImage, x: u32, y: u32) {
    for (px, py, p) in patch.enumerate_pixels() {
        if x + px < page.width() && y + py < page.height() {
            page.put_pixel(x + px, y + py, Rgb([p.0[0]; 3]));
        }
    }
}

/// A page with the payload's QR code, 0.6 mm modules, 22 mm from the right
/// edge and 40 mm above the bottom; also the code's top-left corner in pixels.
fn page_with_code(seed: u64, dpi: f32) -> (RgbImage, [u32; 2]) {
    let mut image = page(seed, dpi);
    let module = (0.6 * dpi / MM_PER_INCH).round() as u32;
    let code = qr_image(&payload().encode(), module);
    let x = image.width() - code.width() - (22.0 * dpi / MM_PER_INCH) as u32;
    let y = image.height() - code.height() - (40.0 * dpi / MM_PER_INCH) as u32;
    paste(&mut image, &code, x, y);
    (image, [x + 4 * module, y + 4 * module])
}

/// Rotated about the centre by `degrees`, corners filled with white.
fn rotate(image: &RgbImage, degrees: f32) -> RgbImage {
    rotate_about_center(
        image,
        degrees.to_radians(),
        Interpolation::Bilinear,
        Border::Constant(Rgb([255, 255, 255])),
    )
}

/// Saved as a JPEG of `quality` and decoded again.
fn jpeg(image: &RgbImage, quality: u8) -> RgbImage {
    let mut bytes = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, quality);
    image.write_with_encoder(encoder).expect("JPEG encodes");
    image::load_from_memory_with_format(&bytes, image::ImageFormat::Jpeg)
        .expect("JPEG decodes")
        .to_rgb8()
}

/// Faxed: every pixel black or white at a fixed threshold, with speckle.
fn fax(image: &RgbImage) -> RgbImage {
    let mut out = image.clone();
    for (x, y, p) in out.enumerate_pixels_mut() {
        let speckle = (x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)) % 997 == 0;
        let dark = (p.0[0] as u32 + p.0[1] as u32 + p.0[2] as u32) < 3 * 150;
        *p = Rgb(if dark != speckle { [0; 3] } else { [255; 3] });
    }
    out
}

/// Decodes a page, prints how long it took and checks the payload and place.
fn assert_reads(image: &RgbImage, what: &str, near: [u32; 2]) {
    let start = Instant::now();
    let codes = qr::read_codes(image, 1);
    let elapsed = start.elapsed();
    println!(
        "{what}: {} x {} px, {} code(s) in {:.0} ms",
        image.width(),
        image.height(),
        codes.len(),
        elapsed.as_secs_f64() * 1000.0
    );
    assert_eq!(codes.len(), 1, "{what}: {codes:?}");
    assert_eq!(codes[0].page, 1);
    assert_eq!(
        ECertPayload::decode(&codes[0].text),
        Some(payload()),
        "{what}"
    );
    let [x, y] = codes[0].quad[0];
    let distance = (x - near[0] as f32).hypot(y - near[1] as f32);
    assert!(
        distance < 80.0,
        "{what}: corner {:?} vs {near:?}",
        codes[0].quad
    );
}

#[test]
fn qr_payload_is_read_from_a_clean_page() {
    let (image, corner) = page_with_code(11, 300.0);
    assert_reads(&image, "clean 300 dpi", corner);
}

#[test]
fn qr_payload_survives_rotation_blur_and_jpeg() {
    let (image, _) = page_with_code(12, 300.0);
    let spoiled = jpeg(&image::imageops::blur(&rotate(&image, 2.0), 1.2), 20);
    let codes = qr::read_codes(&spoiled, 1);
    let start = Instant::now();
    let again = qr::read_codes(&spoiled, 1);
    println!(
        "rotated 2°, blurred, JPEG 20 at 300 dpi: {:.0} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    assert_eq!(codes, again);
    assert_eq!(codes.len(), 1, "{codes:?}");
    assert_eq!(ECertPayload::decode(&codes[0].text), Some(payload()));
}

#[test]
fn qr_payload_survives_a_fax_at_200_dpi() {
    let (image, corner) = page_with_code(13, 200.0);
    assert_reads(
        &fax(&rotate(&image, -1.0)),
        "rotated -1°, faxed at 200 dpi",
        corner,
    );
}

#[test]
fn qr_payload_survives_heavy_jpeg_at_200_dpi() {
    let (image, corner) = page_with_code(14, 200.0);
    assert_reads(&jpeg(&image, 8), "JPEG 8 at 200 dpi", corner);
}

#[test]
fn pages_without_codes_give_none() {
    let image = page(15, 200.0);
    let start = Instant::now();
    let codes = qr::read_codes(&image, 1);
    println!(
        "no code at 200 dpi: {:.0} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    assert!(codes.is_empty(), "{codes:?}");
    let inspection = inspect(&[image], &[], &[]);
    assert!(inspection.qr_codes.is_empty());
}
