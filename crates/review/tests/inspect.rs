//! Inspection of page images: QR codes carrying an e-certificate payload on
//! spoiled synthetic pages, and alteration artefacts (white patch with a
//! retyped value, font change) on generated certificates, against genuine
//! ones.

use std::time::Instant;

use image::{GrayImage, Luma, Rgb, RgbImage};
use imageproc::geometric_transformations::{rotate_about_center, Border, Interpolation};
use ocr::text::{Line, PageStatus, PageText};
use review::field::ExtractedField;
use review::inspect::{inspect, qr, Alteration, AlterationKind, ECertPayload};
use synth::certificate::Fault;

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

// ------------------------------------------------------------ alterations

/// The repository's data: rules.json, web/templates, web/registry.
fn repository_data() -> &'static review::DataSet {
    static DATA: std::sync::OnceLock<review::DataSet> = std::sync::OnceLock::new();
    DATA.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = vec![(
            "rules.json".to_string(),
            std::fs::read(root.join("rules.json")).expect("rules.json"),
        )];
        for dir in ["templates", "registry"] {
            let entries = std::fs::read_dir(root.join("web").join(dir)).expect("data directory");
            for entry in entries.flatten() {
                let name = format!("{dir}/{}", entry.file_name().to_string_lossy());
                files.push((name, std::fs::read(entry.path()).expect("data file")));
            }
        }
        review::DataSet::from_files(&files).expect("repository data loads")
    })
}

/// The pages as a perfect OCR would read them: the printed runs and boxes.
fn perfect_ocr(pages: &[synth::RenderedPage]) -> Vec<PageText> {
    pages
        .iter()
        .map(|p| PageText {
            width: p.image.width(),
            height: p.image.height(),
            dpi: Some(p.dpi),
            rotation: 0,
            skew: 0.0,
            status: PageStatus::Text,
            lines: p
                .lines
                .iter()
                .map(|l| Line {
                    text: l.text.clone(),
                    confidence: 1.0,
                    quad: l.quad,
                })
                .collect(),
        })
        .collect()
}

/// A generated certificate, its perfect OCR, its extracted fields and the
/// inspection of its pages.
struct Inspected {
    generated: synth::certificate::GeneratedCertificate,
    fields: Vec<ExtractedField>,
    inspection: review::inspect::Inspection,
}

/// Generates `template` (first version) with `faults`, extracts its fields
/// from the perfect OCR and inspects it.
fn inspect_generated(
    template: &str,
    seed: u64,
    faults: &[Fault],
    degradation: synth::Degradation,
) -> Inspected {
    let data = repository_data();
    let mut request = synth::certificate::CertificateRequest::new(template, seed);
    request.faults = faults.to_vec();
    request.degradation = degradation;
    let generated =
        synth::certificate::generate(fonts(), data, &request).expect("certificate generates");
    let texts = perfect_ocr(&generated.pages);
    let identification = review::identify::identify(&texts, &data.templates);
    let t = &data.templates[identification.best.expect("template identified")];
    let fields = review::extract::extract(&texts, t, &identification.transforms);
    let images: Vec<RgbImage> = generated.pages.iter().map(|p| p.image.clone()).collect();
    let inspection = inspect(&images, &texts, &fields);
    Inspected {
        generated,
        fields,
        inspection,
    }
}

#[test]
fn an_edited_date_is_flagged_on_its_field() {
    for (template, seed) in [("AU-BEEF", 3), ("BR-BEEF", 4), ("NL-PORK", 5)] {
        let found = inspect_generated(
            template,
            seed,
            &[Fault::EditedDate],
            synth::Degradation::Clean,
        );
        // The retyped run is the last printed on its page; its field is the
        // date whose printed text it repeats.
        let edited = ["issue_date", "departure_date"]
            .into_iter()
            .find(|name| {
                let printed = found.generated.printed.get(*name);
                found.generated.pages.iter().any(|p| {
                    p.lines
                        .last()
                        .map(|l| Some(&vec![l.text.clone()]) == printed)
                        == Some(true)
                })
            })
            .expect("an edited date");
        let patches: Vec<&Alteration> = found
            .inspection
            .alterations
            .iter()
            .filter(|a| a.kind == AlterationKind::WhitePatch)
            .collect();
        let fonts: Vec<&Alteration> = found
            .inspection
            .alterations
            .iter()
            .filter(|a| a.kind == AlterationKind::FontChange)
            .collect();
        println!(
            "{template}: {edited} edited; {:?}",
            found.inspection.alterations
        );
        assert_eq!(patches.len(), 1, "{template}: {patches:?}");
        assert_eq!(patches[0].field.as_deref(), Some(edited), "{template}");
        assert!(
            fonts.iter().all(|a| a.field.as_deref() == Some(edited)),
            "{template}: {fonts:?}"
        );
        // The patch encloses the value's box.
        let field = found
            .fields
            .iter()
            .find(|f| f.name == edited)
            .expect("field read");
        let (fx0, fy0, fx1, fy1) = ocr::quad::bounds(&field.quad);
        let (px0, py0, px1, py1) = ocr::quad::bounds(&patches[0].quad);
        assert!(
            px0 <= fx0 && py0 <= fy0 && px1 >= fx1 && py1 >= fy1,
            "{template}"
        );
    }
}

/// Alterations found on genuine certificates of every template, clean and
/// spoiled: each one is a false alarm.
#[test]
fn genuine_certificates_show_no_alteration() {
    let data = repository_data();
    let mut ids: Vec<&str> = data.templates.iter().map(|t| t.id.as_str()).collect();
    ids.dedup();
    let degradations = synth::Degradation::ALL;
    let (mut certificates, mut alarms) = (0, Vec::new());
    for (i, id) in ids.iter().enumerate() {
        let degradation = degradations[i % degradations.len()];
        let found = inspect_generated(id, 100 + i as u64, &[], degradation);
        certificates += 1;
        for a in found.inspection.alterations {
            alarms.push(format!("{id} {}: {a:?}", degradation.name()));
        }
    }
    println!(
        "{} alarms on {certificates} genuine certificates",
        alarms.len()
    );
    for a in &alarms {
        println!("  {a}");
    }
    assert!(alarms.is_empty(), "{alarms:#?}");
}

/// The generator's QR code (two-module quiet zone) on an NL certificate,
/// through every degradation, carries the printed certificate number.
#[test]
fn generated_qr_codes_are_read_through_every_degradation() {
    let data = repository_data();
    let mut failures = Vec::new();
    for (i, degradation) in synth::Degradation::ALL.into_iter().enumerate() {
        let mut request = synth::certificate::CertificateRequest::new("NL-PORK", 40 + i as u64);
        request.degradation = degradation;
        let generated =
            synth::certificate::generate(fonts(), data, &request).expect("certificate generates");
        let start = Instant::now();
        let codes: Vec<_> = generated
            .pages
            .iter()
            .enumerate()
            .flat_map(|(p, page)| qr::read_codes(&page.image, p as u32 + 1))
            .collect();
        let ms = start.elapsed().as_secs_f64() * 1000.0 / generated.pages.len() as f64;
        let number = generated.key.fields.get("certificate_number");
        let read: Vec<Option<String>> = codes
            .iter()
            .map(|c| ECertPayload::decode(&c.text).map(|p| p.number))
            .collect();
        println!("{}: {read:?}, {ms:.0} ms per page", degradation.name());
        if read.len() != 1 || read[0].as_ref() != number {
            failures.push(format!("{}: {read:?} vs {number:?}", degradation.name()));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The generator's copy mark (grey, diagonal, across every page) is not in
/// the perfect OCR's lines: the image detector finds it on every page,
/// clean and spoiled.
#[test]
fn a_copy_mark_is_flagged_on_every_page() {
    for (template, seed, degradation) in [
        ("AU-BEEF", 6, synth::Degradation::Clean),
        ("FR-PORK", 7, synth::Degradation::Jpeg),
        ("NZ-LAMB", 8, synth::Degradation::Photo),
        ("CL-PORK", 9, synth::Degradation::Rotated),
    ] {
        let found = inspect_generated(template, seed, &[Fault::CopyMark], degradation);
        let pages: Vec<u32> = found
            .inspection
            .alterations
            .iter()
            .filter(|a| a.kind == AlterationKind::CopyMark && a.field.is_none())
            .map(|a| a.page)
            .collect();
        let expected: Vec<u32> = (1..=found.generated.pages.len() as u32).collect();
        println!(
            "{template} {}: copy marks on pages {pages:?}",
            degradation.name()
        );
        assert_eq!(pages, expected, "{template} {}", degradation.name());
        assert!(
            found
                .inspection
                .alterations
                .iter()
                .all(|a| a.kind == AlterationKind::CopyMark),
            "{template}: {:?}",
            found.inspection.alterations
        );
    }
}
