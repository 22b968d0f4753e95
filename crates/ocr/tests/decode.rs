//! Decoding tests: synthetic images built in code for every colour layout,
//! and OCRmyPDF's test files (run `scripts/fetch-test-resources.sh` first),
//! plus truncated and random inputs that must give typed errors, never a
//! panic.

use std::io::Cursor;
use std::path::PathBuf;

use image::codecs::jpeg::{JpegEncoder, PixelDensity};
use image::{DynamicImage, ImageBuffer, ImageFormat, LumaA, Rgb, RgbImage, Rgba, RgbaImage};
use ocr::decode::{decode_all, sniff, Document, Format};
use ocr::{Limits, OcrError, Page};
use tiff::encoder::{colortype, Rational, TiffEncoder};
use tiff::tags::{ResolutionUnit, Tag};

// ---------------------------------------------------------------------------
// Helpers

/// The OCRmyPDF test files; fails with instructions when they are missing.
fn resources() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/resources/ocrmypdf");
    assert!(
        dir.join("linn.png").is_file(),
        "test resources missing in {}: run scripts/fetch-test-resources.sh",
        dir.display()
    );
    dir
}

fn resource(name: &str) -> Vec<u8> {
    let path = resources().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every resource file name (hidden files excluded), sorted.
fn resource_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(resources())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    names
}

/// Decode a single-page input with default limits.
fn one_page(bytes: Vec<u8>) -> Page {
    one_page_with(bytes, &Limits::default())
}

fn one_page_with(bytes: Vec<u8>, limits: &Limits) -> Page {
    let mut pages = decode_all(bytes, limits).expect("decodes");
    assert_eq!(pages.len(), 1);
    pages.remove(0)
}

fn px(page: &Page, x: u32, y: u32) -> [u8; 3] {
    page.image.get_pixel(x, y).0
}

fn encode(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, format).unwrap();
    out.into_inner()
}

/// A PNG written with the `png` crate, for layouts `image` cannot write.
fn raw_png(
    (width, height): (u32, u32),
    color: png::ColorType,
    depth: png::BitDepth,
    palette: Option<&[u8]>,
    trns: Option<&[u8]>,
    data: &[u8],
) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(color);
        encoder.set_depth(depth);
        if let Some(p) = palette {
            encoder.set_palette(p.to_vec());
        }
        if let Some(t) = trns {
            encoder.set_trns(t.to_vec());
        }
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(data).unwrap();
    }
    out
}

/// Bits written as '0'/'1' (other characters ignored) to bytes, MSB first,
/// zero-padded.
fn bits(text: &str) -> Vec<u8> {
    let bits: Vec<u8> = text.bytes().filter(|b| *b == b'0' || *b == b'1').collect();
    bits.chunks(8)
        .map(|chunk| {
            chunk
                .iter()
                .enumerate()
                .fold(0u8, |acc, (i, b)| acc | ((b - b'0') << (7 - i)))
        })
        .collect()
}

/// A one-page TIFF from raw strips and tags (values that fit are SHORT).
fn raw_tiff(
    width: u32,
    height: u32,
    strips: &[&[u8]],
    tags: &[(u16, u32)],
    color_map: Option<&[u16]>,
) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    {
        let mut tiff = TiffEncoder::new(&mut out).unwrap();
        let mut dir = tiff.image_directory().unwrap();
        let offsets: Vec<u32> = strips
            .iter()
            .map(|s| dir.write_data(*s).unwrap() as u32)
            .collect();
        let counts: Vec<u32> = strips.iter().map(|s| s.len() as u32).collect();
        dir.write_tag(Tag::ImageWidth, width).unwrap();
        dir.write_tag(Tag::ImageLength, height).unwrap();
        dir.write_tag(Tag::StripOffsets, &offsets[..]).unwrap();
        dir.write_tag(Tag::StripByteCounts, &counts[..]).unwrap();
        for &(tag, value) in tags {
            let tag = Tag::from_u16_exhaustive(tag);
            match u16::try_from(value) {
                Ok(short) => dir.write_tag(tag, short).unwrap(),
                Err(_) => dir.write_tag(tag, value).unwrap(),
            }
        }
        if let Some(map) = color_map {
            dir.write_tag(Tag::ColorMap, map).unwrap();
        }
        dir.finish().unwrap();
    }
    out.into_inner()
}

// TIFF tag numbers used below.
const BITS_PER_SAMPLE: u16 = 258;
const COMPRESSION: u16 = 259;
const PHOTOMETRIC: u16 = 262;
const FILL_ORDER: u16 = 266;
const ORIENTATION: u16 = 274;
const SAMPLES_PER_PIXEL: u16 = 277;
const ROWS_PER_STRIP: u16 = 278;
const X_RESOLUTION_AS_SHORT: u16 = 282;
const PLANAR_CONFIGURATION: u16 = 284;
const T4_OPTIONS: u16 = 292;

/// Mean absolute difference per channel between two same-size pages.
fn mean_difference(a: &RgbImage, b: &RgbImage) -> f64 {
    assert_eq!(a.dimensions(), b.dimensions());
    let total: u64 = a
        .as_raw()
        .iter()
        .zip(b.as_raw())
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .sum();
    total as f64 / a.as_raw().len() as f64
}

fn assert_close(got: [u8; 3], want: [u8; 3], tolerance: u8) {
    for c in 0..3 {
        assert!(
            got[c].abs_diff(want[c]) <= tolerance,
            "got {got:?}, want {want:?} ±{tolerance}"
        );
    }
}

// ---------------------------------------------------------------------------
// Sniffing and errors

#[test]
fn sniffs_by_content_and_names_formats() {
    assert_eq!(sniff(&resource("linn.png")), Some(Format::Png));
    assert_eq!(sniff(&resource("baiona_color.jpg")), Some(Format::Jpeg));
    assert_eq!(sniff(&resource("skew.pdf")), Some(Format::Pdf));
    assert_eq!(sniff(&resource("linn.txt")), None);
    assert_eq!(Format::Png.to_string(), "PNG");
    assert_eq!(Format::Pdf.to_string(), "PDF");
}

#[test]
fn unknown_and_empty_inputs_are_unsupported() {
    let limits = Limits::default();
    assert!(matches!(
        Document::open(Vec::new(), &limits),
        Err(OcrError::Unsupported(_))
    ));
    assert!(matches!(
        Document::open(resource("tagged.odt"), &limits),
        Err(OcrError::Unsupported(_))
    ));
}

#[test]
fn invalid_pdf_is_a_typed_decode_error() {
    match Document::open(resource("invalid.pdf"), &Limits::default()) {
        Err(OcrError::Decode {
            format: "PDF",
            page: None,
            ..
        }) => {}
        other => panic!("expected a PDF decode error, got {:?}", other.err()),
    }
}

#[test]
fn damaged_header_fails_at_open() {
    let png = encode(&DynamicImage::new_rgb8(4, 4), ImageFormat::Png);
    let err = Document::open(png[..20].to_vec(), &Limits::default()).err();
    assert!(
        matches!(
            err,
            Some(OcrError::Decode {
                format: "PNG",
                page: None,
                ..
            })
        ),
        "{err:?}"
    );
}

#[test]
fn page_index_out_of_range_names_the_page() {
    let document = Document::open(resource("baiona.png"), &Limits::default()).unwrap();
    assert_eq!(document.format(), Format::Png);
    assert_eq!(document.page_count(), 1);
    assert!(matches!(
        document.page(3),
        Err(OcrError::Decode { page: Some(3), .. })
    ));
}

// ---------------------------------------------------------------------------
// PNG layouts

#[test]
fn png_sixteen_bit_rgb_scales_to_eight_bits() {
    let image: ImageBuffer<Rgb<u16>, Vec<u16>> =
        ImageBuffer::from_raw(2, 1, vec![65535, 32768, 0, 257, 0, 65535]).unwrap();
    let page = one_page(encode(&DynamicImage::ImageRgb16(image), ImageFormat::Png));
    assert_eq!(px(&page, 0, 0), [255, 128, 0]);
    assert_eq!(px(&page, 1, 0), [1, 0, 255]);
    assert_eq!(page.dpi, None);
}

#[test]
fn png_sixteen_bit_gray_alpha_composites_on_white() {
    let image: ImageBuffer<LumaA<u16>, Vec<u16>> =
        ImageBuffer::from_raw(3, 1, vec![0, 0, 0, 65535, 0, 32768]).unwrap();
    let page = one_page(encode(&DynamicImage::ImageLumaA16(image), ImageFormat::Png));
    assert_eq!(px(&page, 0, 0), [255, 255, 255]);
    assert_eq!(px(&page, 1, 0), [0, 0, 0]);
    assert_close(px(&page, 2, 0), [127, 127, 127], 1);
}

#[test]
fn png_one_bit_white_is_255() {
    let png = raw_png(
        (10, 1),
        png::ColorType::Grayscale,
        png::BitDepth::One,
        None,
        None,
        &[0b1010_0000, 0b0100_0000],
    );
    let page = one_page(png);
    let row: Vec<u8> = (0..10).map(|x| px(&page, x, 0)[0]).collect();
    assert_eq!(row, [255, 0, 255, 0, 0, 0, 0, 0, 0, 255]);
    assert_eq!(px(&page, 0, 0), [255, 255, 255]);
}

#[test]
fn png_two_and_four_bit_gray_use_the_full_range() {
    let two = raw_png(
        (4, 1),
        png::ColorType::Grayscale,
        png::BitDepth::Two,
        None,
        None,
        &[0b1110_0100],
    );
    let page = one_page(two);
    let row: Vec<u8> = (0..4).map(|x| px(&page, x, 0)[0]).collect();
    assert_eq!(row, [255, 170, 85, 0]);

    let four = raw_png(
        (2, 1),
        png::ColorType::Grayscale,
        png::BitDepth::Four,
        None,
        None,
        &[0xF8],
    );
    let page = one_page(four);
    assert_eq!(px(&page, 0, 0), [255, 255, 255]);
    assert_eq!(px(&page, 1, 0), [136, 136, 136]);
}

#[test]
fn png_palette_with_transparent_entry() {
    let palette = [255, 0, 0, 0, 0, 255, 0, 255, 0];
    let png = raw_png(
        (3, 1),
        png::ColorType::Indexed,
        png::BitDepth::Eight,
        Some(&palette),
        Some(&[255, 0]),
        &[0, 1, 2],
    );
    let page = one_page(png);
    assert_eq!(px(&page, 0, 0), [255, 0, 0]);
    assert_eq!(px(&page, 1, 0), [255, 255, 255]);
    assert_eq!(px(&page, 2, 0), [0, 255, 0]);
}

#[test]
fn png_one_bit_palette() {
    let png = raw_png(
        (2, 1),
        png::ColorType::Indexed,
        png::BitDepth::One,
        Some(&[0, 0, 0, 255, 255, 255]),
        None,
        &[0b0100_0000],
    );
    let page = one_page(png);
    assert_eq!(px(&page, 0, 0), [0, 0, 0]);
    assert_eq!(px(&page, 1, 0), [255, 255, 255]);
}

#[test]
fn png_gray_alpha_and_rgba() {
    let gray_alpha =
        DynamicImage::ImageLumaA8(ImageBuffer::from_raw(3, 1, vec![0, 0, 0, 255, 0, 128]).unwrap());
    let page = one_page(encode(&gray_alpha, ImageFormat::Png));
    assert_eq!(px(&page, 0, 0), [255, 255, 255]);
    assert_eq!(px(&page, 1, 0), [0, 0, 0]);
    assert_eq!(px(&page, 2, 0), [127, 127, 127]);

    let rgba = RgbaImage::from_raw(2, 1, vec![255, 0, 0, 0, 255, 0, 0, 255]).unwrap();
    let page = one_page(encode(&DynamicImage::ImageRgba8(rgba), ImageFormat::Png));
    assert_eq!(px(&page, 0, 0), [255, 255, 255]);
    assert_eq!(px(&page, 1, 0), [255, 0, 0]);
}

/// An 8-bit grey PNG of `width` x `height` pixels of `value`, with a pHYs
/// density of 11811 pixels per metre (300 dpi).
fn gray_png_300_dpi(width: u32, height: u32, value: u8) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_pixel_dims(Some(png::PixelDimensions {
        xppu: 11811,
        yppu: 11811,
        unit: png::Unit::Meter,
    }));
    encoder
        .write_header()
        .unwrap()
        .write_image_data(&vec![value; (width * height) as usize])
        .unwrap();
    out
}

#[test]
fn png_physical_density_gives_dpi() {
    let out = gray_png_300_dpi(2, 2, 0);
    let dpi = one_page(out).dpi.expect("pHYs read");
    assert!((dpi - 300.0).abs() < 0.1, "{dpi}");
}

// ---------------------------------------------------------------------------
// JPEG, WebP, GIF, BMP

/// A 40 x 20 JPEG, red in the top-left quadrant, white elsewhere, with a
/// JFIF density of 300 dpi and, if given, an EXIF orientation.
fn quadrant_jpeg(orientation: Option<u16>) -> Vec<u8> {
    let image = RgbImage::from_fn(40, 20, |x, y| {
        if x < 20 && y < 10 {
            Rgb([255, 0, 0])
        } else {
            Rgb([255, 255, 255])
        }
    });
    let mut jpeg = Vec::new();
    let mut encoder = JpegEncoder::new_with_quality(&mut jpeg, 95);
    encoder.set_pixel_density(PixelDensity::dpi(300));
    encoder.encode_image(&image).unwrap();
    let Some(orientation) = orientation else {
        return jpeg;
    };

    // APP1 "Exif\0\0" + big-endian TIFF header + IFD0 with one entry:
    // Orientation (0x0112), SHORT, count 1, value.
    let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01".to_vec();
    exif.extend_from_slice(&orientation.to_be_bytes());
    exif.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    let mut segment = vec![0xFF, 0xE1];
    segment.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
    segment.extend_from_slice(&exif);
    [&jpeg[..2], &segment[..], &jpeg[2..]].concat()
}

#[test]
fn jpeg_exif_orientation_is_applied_once() {
    // Upright: red top-left.
    let page = one_page(quadrant_jpeg(None));
    assert_eq!((page.width(), page.height()), (40, 20));
    assert_close(px(&page, 5, 5), [255, 0, 0], 40);

    // Orientation 6 (rotate 90 clockwise): red moves to the top-right of a
    // 20 x 40 page. Applied twice it would be 40 x 20; three times, bottom-left.
    let page = one_page(quadrant_jpeg(Some(6)));
    assert_eq!((page.width(), page.height()), (20, 40));
    assert_close(px(&page, 15, 5), [255, 0, 0], 40);
    assert_close(px(&page, 5, 5), [255, 255, 255], 40);
    assert_close(px(&page, 15, 30), [255, 255, 255], 40);
    assert_close(px(&page, 5, 30), [255, 255, 255], 40);

    // Orientation 3 (rotate 180): red bottom-right, same size.
    let page = one_page(quadrant_jpeg(Some(3)));
    assert_eq!((page.width(), page.height()), (40, 20));
    assert_close(px(&page, 35, 15), [255, 0, 0], 40);
    assert_close(px(&page, 5, 5), [255, 255, 255], 40);
}

#[test]
fn jpeg_jfif_density_is_the_dpi() {
    assert_eq!(one_page(quadrant_jpeg(Some(1))).dpi, Some(300.0));
}

#[test]
fn webp_gif_and_bmp() {
    let rgba = RgbaImage::from_raw(2, 1, vec![10, 20, 30, 255, 0, 0, 0, 0]).unwrap();
    let mut webp = Cursor::new(Vec::new());
    image::codecs::webp::WebPEncoder::new_lossless(&mut webp)
        .encode(rgba.as_raw(), 2, 1, image::ExtendedColorType::Rgba8)
        .unwrap();
    let page = one_page(webp.into_inner());
    assert_eq!(px(&page, 0, 0), [10, 20, 30]);
    assert_eq!(px(&page, 1, 0), [255, 255, 255]);

    let rgb =
        DynamicImage::ImageRgb8(RgbImage::from_raw(2, 1, vec![200, 10, 10, 10, 10, 200]).unwrap());
    let page = one_page(encode(&rgb, ImageFormat::Bmp));
    assert_eq!(
        (px(&page, 0, 0), px(&page, 1, 0)),
        ([200, 10, 10], [10, 10, 200])
    );
    let page = one_page(encode(&rgb, ImageFormat::Gif));
    assert_close(px(&page, 0, 0), [200, 10, 10], 8);
}

// ---------------------------------------------------------------------------
// TIFF

/// Three pages (gray 8-bit at 300 dpi, RGB 8-bit, gray 16-bit) with a
/// reduced-size preview directory between the first two.
fn three_page_tiff() -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    {
        let mut tiff = TiffEncoder::new(&mut out).unwrap();
        let mut page = tiff.new_image::<colortype::Gray8>(4, 2).unwrap();
        page.resolution(ResolutionUnit::Inch, Rational { n: 300, d: 1 });
        page.write_data(&[0, 50, 100, 150, 200, 250, 255, 7])
            .unwrap();

        let mut preview = tiff.image_directory().unwrap();
        let offset = preview.write_data(&[0u8][..]).unwrap() as u32;
        for (tag, value) in [
            (256, 1),
            (257, 1),
            (258, 8),
            (262, 1),
            (273, offset),
            (277, 1),
            (278, 1),
            (279, 1),
        ] {
            preview
                .write_tag(Tag::from_u16_exhaustive(tag), value)
                .unwrap();
        }
        preview.write_tag(Tag::NewSubfileType, 1u32).unwrap();
        preview.finish().unwrap();

        tiff.write_image::<colortype::RGB8>(3, 1, &[255, 0, 0, 0, 255, 0, 0, 0, 255])
            .unwrap();
        tiff.write_image::<colortype::Gray16>(2, 1, &[65535, 0])
            .unwrap();
    }
    out.into_inner()
}

#[test]
fn tiff_every_page_and_previews_skipped() {
    let limits = Limits::default();
    let document = Document::open(three_page_tiff(), &limits).unwrap();
    assert_eq!(document.format(), Format::Tiff);
    assert_eq!(document.page_count(), 3);

    let gray = document.page(0).unwrap();
    assert_eq!((gray.width(), gray.height(), gray.dpi), (4, 2, Some(300.0)));
    assert_eq!(px(&gray, 1, 0), [50, 50, 50]);
    assert_eq!(px(&gray, 3, 1), [7, 7, 7]);

    let rgb = document.page(1).unwrap();
    assert_eq!(
        (px(&rgb, 0, 0), px(&rgb, 1, 0), px(&rgb, 2, 0)),
        ([255, 0, 0], [0, 255, 0], [0, 0, 255])
    );
    assert_eq!(rgb.dpi, None);

    let sixteen = document.page(2).unwrap();
    assert_eq!(
        (px(&sixteen, 0, 0), px(&sixteen, 1, 0)),
        ([255, 255, 255], [0, 0, 0])
    );

    assert_eq!(decode_all(three_page_tiff(), &limits).unwrap().len(), 3);
}

#[test]
fn tiff_cmyk_and_rgba() {
    let mut out = Cursor::new(Vec::new());
    TiffEncoder::new(&mut out)
        .unwrap()
        .write_image::<colortype::CMYK8>(3, 1, &[0, 0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 255])
        .unwrap();
    let page = one_page(out.into_inner());
    assert_eq!(
        (px(&page, 0, 0), px(&page, 1, 0), px(&page, 2, 0)),
        ([255, 255, 255], [0, 255, 255], [0, 0, 0])
    );

    let mut out = Cursor::new(Vec::new());
    TiffEncoder::new(&mut out)
        .unwrap()
        .write_image::<colortype::RGBA8>(2, 1, &[255, 0, 0, 0, 0, 0, 255, 255])
        .unwrap();
    let page = one_page(out.into_inner());
    assert_eq!(
        (px(&page, 0, 0), px(&page, 1, 0)),
        ([255, 255, 255], [0, 0, 255])
    );
}

#[test]
fn tiff_one_bit_white_is_zero() {
    // 10 pixels: bit 1 is black in WhiteIsZero; pixels 0 and 9 are black.
    let tiff = raw_tiff(
        10,
        1,
        &[&[0b1000_0000, 0b0100_0000]],
        &[
            (BITS_PER_SAMPLE, 1),
            (PHOTOMETRIC, 0),
            (SAMPLES_PER_PIXEL, 1),
            (ROWS_PER_STRIP, 1),
        ],
        None,
    );
    let page = one_page(tiff);
    let row: Vec<u8> = (0..10).map(|x| px(&page, x, 0)[0]).collect();
    assert_eq!(row, [0, 255, 255, 255, 255, 255, 255, 255, 255, 0]);
}

#[test]
fn tiff_four_bit_palette() {
    // Indices 0, 1, 2, 15 through a 16-entry map: black, red, green, white.
    let mut map = vec![0u16; 48];
    map[1] = 65535; // red of entry 1
    map[16 + 2] = 65535; // green of entry 2
    for channel in 0..3 {
        map[channel * 16 + 15] = 65535;
    }
    let tiff = raw_tiff(
        4,
        1,
        &[&[0x01, 0x2F]],
        &[
            (BITS_PER_SAMPLE, 4),
            (PHOTOMETRIC, 3),
            (SAMPLES_PER_PIXEL, 1),
            (ROWS_PER_STRIP, 1),
        ],
        Some(&map),
    );
    let page = one_page(tiff);
    let row: Vec<[u8; 3]> = (0..4).map(|x| px(&page, x, 0)).collect();
    assert_eq!(row, [[0, 0, 0], [255, 0, 0], [0, 255, 0], [255, 255, 255]]);
}

#[test]
fn tiff_planar_rgb_and_orientation() {
    // 2 x 1 planar RGB: red then blue; orientation 6 turns it into 1 x 2.
    let tiff = raw_tiff(
        2,
        1,
        &[&[255, 0], &[0, 0], &[0, 255]],
        &[
            (BITS_PER_SAMPLE, 8),
            (PHOTOMETRIC, 2),
            (SAMPLES_PER_PIXEL, 3),
            (ROWS_PER_STRIP, 1),
            (PLANAR_CONFIGURATION, 2),
            (ORIENTATION, 6),
        ],
        None,
    );
    let page = one_page(tiff);
    assert_eq!((page.width(), page.height()), (1, 2));
    assert_eq!(
        (px(&page, 0, 0), px(&page, 0, 1)),
        ([255, 0, 0], [0, 0, 255])
    );
}

/// 16 x 2 bilevel page: each row white 4, black 8, white 4.
fn assert_fax_rows(page: &Page) {
    assert_eq!(page.width(), 16);
    for y in 0..page.height() {
        let row: Vec<u8> = (0..16).map(|x| px(page, x, y)[0]).collect();
        let mut expected = vec![255u8; 16];
        expected[4..12].fill(0);
        assert_eq!(row, expected, "row {y}");
    }
}

fn fax_tiff(compression: u32, extra: &[(u16, u32)], data: &[u8]) -> Vec<u8> {
    let mut tags = vec![
        (BITS_PER_SAMPLE, 1),
        (COMPRESSION, compression),
        (PHOTOMETRIC, 0),
        (SAMPLES_PER_PIXEL, 1),
        (ROWS_PER_STRIP, 2),
    ];
    tags.extend_from_slice(extra);
    raw_tiff(16, 2, &[data], &tags, None)
}

#[test]
fn tiff_fax_group4() {
    // Row 1 against an all-white reference: horizontal mode (001) white 4
    // (1011) black 8 (000101), then V0 (1) to the end. Row 2: three V0.
    // Then EOFB.
    let data = bits("001 1011 000101 1  111  000000000001 000000000001");
    let page = one_page(fax_tiff(4, &[], &data));
    assert_eq!(page.height(), 2);
    assert_fax_rows(&page);
}

#[test]
fn tiff_fax_group3_one_and_two_dimensional() {
    // 1D: EOL before each row, modified Huffman codes.
    let row = "000000000001 1011 000101 1011";
    let data = bits(&format!("{row} {row} 000000000001 000000000001"));
    assert_fax_rows(&one_page(fax_tiff(3, &[], &data)));

    // 2D (T4Options bit 0): EOL + tag bit 1 then a 1D row, EOL + tag bit 0
    // then three V0 codes.
    let data = bits("000000000001 1 1011 000101 1011  000000000001 0 111");
    assert_fax_rows(&one_page(fax_tiff(3, &[(T4_OPTIONS, 1)], &data)));
}

#[test]
fn tiff_fax_rle_with_reversed_fill_order() {
    let rows = bits("1011 000101 1011 00  1011 000101 1011 00");
    let reversed: Vec<u8> = rows.iter().map(|b| b.reverse_bits()).collect();
    assert_fax_rows(&one_page(fax_tiff(2, &[], &rows)));
    assert_fax_rows(&one_page(fax_tiff(2, &[(FILL_ORDER, 2)], &reversed)));
}

#[test]
fn tiff_fax_resolution_is_made_square() {
    // 204 x 98 dpi: the height is stretched by 204/98 and the dpi is 204.
    let data = bits("1011 000101 1011 00  1011 000101 1011 00");
    let mut out = Cursor::new(Vec::new());
    {
        let mut encoder = TiffEncoder::new(&mut out).unwrap();
        let mut dir = encoder.image_directory().unwrap();
        let offset = dir.write_data(&data[..]).unwrap() as u32;
        for (tag, value) in [
            (256, 16u32),
            (257, 2),
            (258, 1),
            (259, 2),
            (262, 0),
            (273, offset),
            (277, 1),
            (278, 2),
            (279, 4),
        ] {
            dir.write_tag(Tag::from_u16_exhaustive(tag), value).unwrap();
        }
        dir.write_tag(Tag::XResolution, Rational { n: 204, d: 1 })
            .unwrap();
        dir.write_tag(Tag::YResolution, Rational { n: 98, d: 1 })
            .unwrap();
        dir.write_tag(Tag::ResolutionUnit, 2u16).unwrap();
        dir.finish().unwrap();
    }
    let page = one_page(out.into_inner());
    assert_eq!(
        (page.width(), page.height(), page.dpi),
        (16, 4, Some(204.0))
    );
    assert_eq!(px(&page, 0, 3), [255, 255, 255]);
    assert_eq!(px(&page, 8, 3), [0, 0, 0]);
}

#[test]
fn tiff_unreadable_later_page_is_a_page_error() {
    // Page 2's directory lacks ImageWidth.
    let mut out = Cursor::new(Vec::new());
    {
        let mut tiff = TiffEncoder::new(&mut out).unwrap();
        tiff.write_image::<colortype::Gray8>(1, 1, &[9]).unwrap();
        let mut broken = tiff.image_directory().unwrap();
        broken.write_tag(Tag::ImageLength, 1u32).unwrap();
        broken
            .write_tag(Tag::from_u16_exhaustive(X_RESOLUTION_AS_SHORT), 1u16)
            .unwrap();
        broken.finish().unwrap();
    }
    let document = Document::open(out.into_inner(), &Limits::default()).unwrap();
    assert_eq!(document.page_count(), 2);
    assert_eq!(px(&document.page(0).unwrap(), 0, 0), [9, 9, 9]);
    assert!(matches!(
        document.page(1),
        Err(OcrError::Decode {
            format: "TIFF",
            page: Some(1),
            ..
        })
    ));
}

// ---------------------------------------------------------------------------
// Limits

#[test]
fn input_bytes_limit() {
    let limits = Limits {
        max_input_bytes: 100,
        ..Limits::default()
    };
    let err = Document::open(vec![0; 101], &limits).err();
    assert_eq!(
        err,
        Some(OcrError::Limits {
            page: None,
            what: "input bytes",
            value: 101,
            limit: 100
        })
    );
}

#[test]
fn page_count_limit() {
    let limits = Limits {
        max_pages: 2,
        ..Limits::default()
    };
    let err = Document::open(three_page_tiff(), &limits).err();
    assert_eq!(
        err,
        Some(OcrError::Limits {
            page: None,
            what: "pages",
            value: 3,
            limit: 2
        })
    );

    let limits = Limits {
        max_pages: 5,
        ..Limits::default()
    };
    let err = Document::open(resource("multipage.pdf"), &limits).err();
    assert_eq!(
        err,
        Some(OcrError::Limits {
            page: None,
            what: "pages",
            value: 6,
            limit: 5
        })
    );
}

#[test]
fn big_page_is_downscaled_with_its_dpi() {
    let out = gray_png_300_dpi(200, 100, 80);
    let limits = Limits {
        max_page_pixels: 5000,
        ..Limits::default()
    };
    let page = one_page_with(out, &limits);
    assert_eq!((page.width(), page.height()), (100, 50));
    assert!((page.dpi.unwrap() - 150.0).abs() < 0.1);
    assert_eq!(px(&page, 50, 25), [80, 80, 80]);
}

#[test]
fn too_big_source_is_refused_with_its_page() {
    let png = encode(&DynamicImage::new_rgb8(200, 100), ImageFormat::Png);
    let limits = Limits {
        max_source_pixels: 10_000,
        ..Limits::default()
    };
    let document = Document::open(png, &limits).unwrap();
    assert_eq!(
        document.page(0).err(),
        Some(OcrError::Limits {
            page: Some(0),
            what: "pixels",
            value: 20_000,
            limit: 10_000
        })
    );
}

/// Asserts that decoding `bytes` is refused for the pixels of its first page.
fn assert_refused_for_pixels(bytes: Vec<u8>) {
    let err = decode_all(bytes, &Limits::default()).err();
    assert!(
        matches!(
            err,
            Some(OcrError::Limits {
                page: Some(0),
                what: "pixels",
                ..
            })
        ),
        "{err:?}"
    );
}

#[test]
fn lying_headers_are_refused_before_allocation() {
    // PNG header of 60000 x 60000 with a few bytes of image data.
    let mut png = Vec::new();
    {
        let encoder = png::Encoder::new(&mut png, 60_000, 60_000);
        let mut writer = encoder.write_header().unwrap();
        writer
            .write_chunk(png::chunk::IDAT, &[0x78, 0x9C, 0x03, 0x00])
            .unwrap();
    }
    assert_refused_for_pixels(png);

    // JPEG whose frame header claims 65000 x 65000.
    let mut jpeg = quadrant_jpeg(None);
    let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    jpeg[sof + 5..sof + 9].copy_from_slice(&[0xFD, 0xE8, 0xFD, 0xE8]);
    assert_refused_for_pixels(jpeg);

    // TIFF directory claiming 100000 x 100000 gray pixels.
    let tiff = raw_tiff(
        100_000,
        100_000,
        &[&[0; 16]],
        &[(BITS_PER_SAMPLE, 8), (PHOTOMETRIC, 1)],
        None,
    );
    assert_refused_for_pixels(tiff);

    // PDF with a 35000 x 35000 embedded image.
    let err = Document::open(resource("hugemono.pdf"), &Limits::default()).err();
    assert!(
        matches!(
            err,
            Some(OcrError::Limits {
                what: "pixels in an embedded image",
                ..
            })
        ),
        "{err:?}"
    );
}

#[test]
fn pdf_dpi_is_lowered_to_fit_the_page_budget() {
    let limits = Limits::default();
    let poster = one_page(resource("poster.pdf"));
    let pixels = u64::from(poster.width()) * u64::from(poster.height());
    assert!(pixels <= limits.max_page_pixels, "{pixels}");
    let dpi = poster.dpi.unwrap();
    assert!(dpi < limits.pdf_dpi && dpi > 50.0, "{dpi}");

    let small = Limits {
        max_page_pixels: 1_000_000,
        ..Limits::default()
    };
    let skew = one_page_with(resource("skew.pdf"), &small);
    assert!(u64::from(skew.width()) * u64::from(skew.height()) <= 1_000_000);
    // Letter paper: 8.5 inches at the chosen dpi.
    assert!((skew.width() as f32 / skew.dpi.unwrap() - 8.5).abs() < 0.02);
}

// ---------------------------------------------------------------------------
// Hostile PDFs built in code

/// A PDF from object bodies (object 1 is the catalog), with a correct
/// cross-reference table.
fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut body = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    body.extend_from_slice(data);
    body.extend_from_slice(b"\nendstream");
    body
}

/// A one-page PDF: catalog, pages, page (with `page_extra`), content stream,
/// then `more` objects numbered from 5.
fn one_page_pdf(media_box: &str, page_extra: &str, content: Vec<u8>, more: &[Vec<u8>]) -> Vec<u8> {
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox {media_box} /Contents 4 0 R {page_extra} >>"
        )
        .into_bytes(),
        content,
    ];
    objects.extend_from_slice(more);
    pdf(&objects)
}

fn zlib(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn pdf_built_in_code_renders_black_square() {
    let page = one_page(one_page_pdf(
        "[0 0 72 72]",
        "",
        stream("", b"0 0 36 36 re f"),
        &[],
    ));
    assert_eq!(
        (page.width(), page.height(), page.dpi),
        (200, 200, Some(200.0))
    );
    // PDF y goes up: the square is bottom-left.
    assert_eq!(px(&page, 20, 180), [0, 0, 0]);
    assert_eq!(px(&page, 180, 20), [255, 255, 255]);
}

#[test]
fn pdf_predictor_parameters_that_crash_hayro_are_refused() {
    // Direct: caught on the raw bytes before parsing.
    let content = stream(
        "/Filter /FlateDecode /DecodeParms << /Predictor 2 /Columns 0 >>",
        &zlib(b"0 0 9 9 re f"),
    );
    let err = Document::open(
        one_page_pdf("[0 0 72 72]", "", content, &[]),
        &Limits::default(),
    )
    .err();
    assert!(
        matches!(err, Some(OcrError::Decode { format: "PDF", .. })),
        "{err:?}"
    );

    // Through references: caught on the parsed dictionaries.
    let content = stream(
        "/Filter /FlateDecode /DecodeParms 5 0 R",
        &zlib(b"0 0 9 9 re f"),
    );
    let params = b"<< /Predictor 2 /Columns 6 0 R >>".to_vec();
    let bytes = one_page_pdf("[0 0 72 72]", "", content, &[params, b"0".to_vec()]);
    let err = Document::open(bytes, &Limits::default()).err();
    assert!(
        matches!(err, Some(OcrError::Decode { format: "PDF", .. })),
        "{err:?}"
    );
}

#[test]
fn pdf_decompression_bomb_is_refused() {
    // 8 MB of spaces in a few kilobytes; allowed with default limits.
    let bomb = stream("/Filter /FlateDecode", &zlib(&vec![b' '; 8_000_000]));
    let bytes = one_page_pdf("[0 0 72 72]", "", bomb, &[]);
    assert!(bytes.len() < 20_000);
    assert!(decode_all(bytes.clone(), &Limits::default()).is_ok());

    let limits = Limits {
        max_source_pixels: 1_000_000,
        ..Limits::default()
    };
    let err = decode_all(bytes, &limits).err();
    assert!(
        matches!(
            err,
            Some(OcrError::Limits {
                page: Some(0),
                what: "decompressed bytes in a PDF stream",
                ..
            })
        ),
        "{err:?}"
    );
}

#[test]
fn pdf_fax_image_columns_are_checked() {
    // A 10 x 1000 image whose CCITT parameters ask for 10^7 columns.
    let image = stream(
        "/Type /XObject /Subtype /Image /Width 10 /Height 1000 /BitsPerComponent 1 \
         /ColorSpace /DeviceGray /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 10000000 >>",
        &[0, 0],
    );
    let bytes = one_page_pdf(
        "[0 0 72 72]",
        "/Resources << /XObject << /I 5 0 R >> >>",
        stream("", b"q 72 0 0 72 0 0 cm /I Do Q"),
        &[image],
    );
    let err = Document::open(bytes, &Limits::default()).err();
    assert!(
        matches!(
            err,
            Some(OcrError::Limits {
                what: "pixels in an embedded fax image",
                ..
            })
        ),
        "{err:?}"
    );
}

#[test]
fn pdf_very_long_page_stays_within_the_renderer_side_limit() {
    let bytes = one_page_pdf(
        "[0 0 1000000 300]",
        "",
        stream("", b"0 0 1000000 300 re f"),
        &[],
    );
    let page = one_page(bytes);
    assert!(
        page.width() <= 30_000 && page.width() > 20_000,
        "{}",
        page.width()
    );
    assert!(page.height() >= 1);
    assert_eq!(px(&page, 100, 0), [0, 0, 0]);
}

// Dash patterns: the renderer expands every dash, so a fine pattern on a long
// path is hours of work and gigabytes; these must be refused quickly.

/// A one-page US Letter PDF whose page content is `content`, with `resources`
/// in the page dictionary and `more` objects numbered from 5.
fn dash_pdf(content: Vec<u8>, resources: &str, more: &[Vec<u8>]) -> Vec<u8> {
    one_page_pdf(
        "[0 0 612 792]",
        &format!("/Resources << {resources} >>"),
        content,
        more,
    )
}

/// Hostile dash patterns, by name: each asks the renderer for millions of
/// dashes (or, with negative lengths, for an endless loop).
fn hostile_dash_pdfs() -> Vec<(&'static str, Vec<u8>)> {
    let fine = b"[0.0001] 0 d 0 0 m 500 500 l S".as_slice();
    let form = stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792]", fine);
    let pattern = stream(
        "/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 600 600] \
         /XStep 600 /YStep 600 /Resources << >>",
        fine,
    );
    vec![
        ("page content", dash_pdf(stream("", fine), "", &[])),
        (
            "flate-compressed content",
            dash_pdf(stream("/Filter /FlateDecode", &zlib(fine)), "", &[]),
        ),
        (
            "form XObject",
            dash_pdf(stream("", b"/Fm0 Do"), "/XObject << /Fm0 5 0 R >>", &[form]),
        ),
        (
            "form XObject drawn twice",
            dash_pdf(
                stream("", b"q /Fm0 Do Q q /Fm0 Do Q"),
                "/XObject << /Fm0 5 0 R >>",
                &[stream(
                    "/Type /XObject /Subtype /Form /BBox [0 0 612 792]",
                    b"[0.001] 0 d 0 0 m 500 500 l S",
                )],
            ),
        ),
        (
            "tiling pattern",
            dash_pdf(
                stream("", b"/Pattern cs /P0 scn 0 0 612 792 re f"),
                "/Pattern << /P0 5 0 R >>",
                &[pattern],
            ),
        ),
        (
            "graphics state /D",
            dash_pdf(
                stream("", b"/G0 gs 0 0 m 500 500 l S"),
                "/ExtGState << /G0 << /Type /ExtGState /D [[0.0001] 0] >> >>",
                &[],
            ),
        ),
        (
            "normal dash, tiny CTM",
            dash_pdf(
                stream(
                    "",
                    b"0.0001 0 0 0.0001 0 0 cm [3 2] 0 d 0 0 m 5000000 5000000 l S",
                ),
                "",
                &[],
            ),
        ),
        (
            "huge CTM",
            dash_pdf(
                stream(
                    "",
                    b"1000 0 0 1000 0 0 cm [0.0000001] 0 d 0 0 m 0.5 0.5 l S",
                ),
                "",
                &[],
            ),
        ),
        (
            "many short dashed lines",
            dash_pdf(
                stream(
                    "",
                    &b"[0.01] 0 d 0 0 m 600 0 l 0 1 m 600 1 l S ".repeat(100),
                ),
                "",
                &[],
            ),
        ),
        (
            "type 3 glyphs",
            dash_pdf(
                stream("", b"BT /F0 12 Tf 10 10 Td (aaaa) Tj ET"),
                "/Font << /F0 5 0 R >>",
                &[
                    b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] \
                      /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /a 6 0 R >> \
                      /Encoding << /Type /Encoding /Differences [97 /a] >> \
                      /FirstChar 97 /LastChar 97 /Widths [1000] >>"
                        .to_vec(),
                    stream("", b"1000 0 d0 [0.004] 0 d 0 0 m 1000 1000 l S"),
                ],
            ),
        ),
        (
            "soft mask",
            dash_pdf(
                stream("", b"/G0 gs 0 0 100 100 re f"),
                "/ExtGState << /G0 << /Type /ExtGState \
                 /SMask << /Type /Mask /S /Luminosity /G 5 0 R >> >> >>",
                &[stream(
                    "/Type /XObject /Subtype /Form /BBox [0 0 612 792] \
                     /Group << /S /Transparency /CS /DeviceGray >>",
                    fine,
                )],
            ),
        ),
        (
            "infinite dash phase",
            dash_pdf(
                stream(
                    "",
                    format!("[1 1] 1{} d 0 0 m 500 500 l S", "0".repeat(40)).as_bytes(),
                ),
                "",
                &[],
            ),
        ),
        (
            "negative dash lengths",
            dash_pdf(stream("", b"[-1 -1] 0 d 0 0 m 500 500 l S"), "", &[]),
        ),
    ]
}

#[test]
fn pdf_hostile_dash_patterns_are_refused_with_the_page() {
    for (name, bytes) in hostile_dash_pdfs() {
        let err = decode_all(bytes, &Limits::default()).err();
        let named = err.as_ref().map(|e| e.to_string()).unwrap_or_default();
        assert!(named.contains("on page 1"), "{name}: {err:?}");
        if name.starts_with("negative") || name.starts_with("infinite") {
            // Lengths kurbo cannot dash at all: a decode error saying so.
            assert!(
                matches!(
                    &err,
                    Some(OcrError::Decode { format: "PDF", page: Some(0), detail })
                        if detail.starts_with("dash pattern [")
                ),
                "{name}: {err:?}"
            );
        } else {
            // Millions of dashes: a limits error with the count so far.
            assert!(
                matches!(
                    err,
                    Some(OcrError::Limits {
                        page: Some(0),
                        what: "dash segments in the strokes of a PDF page",
                        value,
                        limit: 1_000_000,
                    }) if value > 1_000_000
                ),
                "{name}: {err:?}"
            );
        }
    }
}

#[test]
fn pdf_normal_dashed_line_still_renders() {
    // A 3-on 2-off dash across a one-inch page, 4 points wide.
    let page = one_page(one_page_pdf(
        "[0 0 72 72]",
        "",
        stream("", b"4 w [3 2] 0 d 0 36 m 72 36 l S"),
        &[],
    ));
    // At 200 dpi a point is 25/9 pixels: the row y = 36 pt has dashes at
    // x in [0, 3) pt and gaps at [3, 5) pt.
    let row = 100;
    assert_eq!(px(&page, 4, row), [0, 0, 0]);
    assert_eq!(px(&page, 11, row), [255, 255, 255]);
    assert_eq!(px(&page, 18, row), [0, 0, 0]);
    // Away from the line: white.
    assert_eq!(px(&page, 4, 20), [255, 255, 255]);
}

// ---------------------------------------------------------------------------
// OCRmyPDF files

#[test]
fn linn_png_is_bilevel_black_on_white() {
    let page = one_page(resource("linn.png"));
    assert_eq!((page.width(), page.height(), page.dpi), (2550, 3300, None));
    let black = page.image.pixels().filter(|p| p.0 == [0, 0, 0]).count();
    let white = page
        .image
        .pixels()
        .filter(|p| p.0 == [255, 255, 255])
        .count();
    assert_eq!(black + white, 2550 * 3300);
    let share = black as f64 / (2550.0 * 3300.0);
    assert!((0.03..0.15).contains(&share), "{share}");
}

#[test]
fn skew_pdf_renders_at_the_configured_dpi() {
    let page = one_page(resource("skew.pdf"));
    assert_eq!(
        (page.width(), page.height(), page.dpi),
        (1700, 2200, Some(200.0))
    );
}

#[test]
fn cardinal_pdf_pages_in_four_rotations() {
    let pages = decode_all(resource("cardinal.pdf"), &Limits::default()).unwrap();
    let sizes: Vec<(u32, u32)> = pages.iter().map(|p| (p.width(), p.height())).collect();
    assert_eq!(
        sizes,
        [(1700, 2200), (2200, 1700), (1700, 2200), (2200, 1700)]
    );

    // The same page turned a quarter further each time: turning page 1 back
    // by 90, page 2 by 180 and page 3 by 270 degrees gives page 0 again.
    let upright = &pages[0].image;
    let turned = [
        image::imageops::rotate270(&pages[1].image),
        image::imageops::rotate180(&pages[2].image),
        image::imageops::rotate90(&pages[3].image),
    ];
    for (i, page) in turned.iter().enumerate() {
        let diff = mean_difference(upright, page);
        assert!(diff < 8.0, "page {} differs from page 1 by {diff}", i + 2);
    }
    // And the comparison can fail: page 2 not turned back differs.
    let unturned = image::imageops::rotate90(&pages[2].image);
    assert!(mean_difference(upright, &image::imageops::rotate270(&unturned)) > 8.0);
}

#[test]
fn baiona_cmyk_jpeg_has_the_right_colours() {
    let cmyk = one_page(resource("baiona_cmyk.jpg"));
    let color = one_page(resource("baiona_color.jpg"));
    let png = one_page(resource("baiona.png"));
    assert_eq!((cmyk.width(), cmyk.height()), (640, 682));

    // The blue river and a dark line, compared with the RGB JPEG and PNG.
    for (x, y) in [(100, 100), (300, 300), (320, 200)] {
        assert_close(px(&cmyk, x, y), px(&color, x, y), 12);
        assert_close(px(&cmyk, x, y), px(&png, x, y), 12);
    }
    assert_close(px(&cmyk, 100, 100), [9, 120, 171], 6);
    assert!(mean_difference(&cmyk.image, &png.image) < 3.0);
}

#[test]
fn baiona_alpha_colormapped_and_gray() {
    let png = one_page(resource("baiona.png"));

    // Alpha: identical once flattened (the file is opaque) ...
    let alpha_bytes = resource("baiona_alpha.png");
    let alpha = one_page(alpha_bytes.clone());
    assert_eq!(mean_difference(&alpha.image, &png.image), 0.0);
    // ... and white wherever it is made transparent.
    let mut rgba = image::load_from_memory(&alpha_bytes).unwrap().to_rgba8();
    for y in 0..100 {
        for x in 0..200 {
            rgba.put_pixel(x + 50, y + 50, Rgba([9, 120, 171, 0]));
        }
    }
    let cleared = one_page(encode(&DynamicImage::ImageRgba8(rgba), ImageFormat::Png));
    assert_eq!(px(&cleared, 100, 100), [255, 255, 255]);
    assert_eq!(px(&cleared, 400, 400), px(&png, 400, 400));

    // Colour-mapped: the palette reproduces the RGB file.
    let mapped = one_page(resource("baiona_colormapped.png"));
    assert_eq!(px(&mapped, 100, 100), [9, 120, 171]);
    assert!(mean_difference(&mapped.image, &png.image) < 1.0);

    // Gray: three equal channels, close to the luma of the RGB file.
    let gray = one_page(resource("baiona_gray.png"));
    assert!(gray
        .image
        .pixels()
        .all(|p| p.0[0] == p.0[1] && p.0[1] == p.0[2]));
    let [r, g, b] = px(&png, 100, 100).map(f32::from);
    let luma = 0.299 * r + 0.587 * g + 0.114 * b;
    assert!((f32::from(px(&gray, 100, 100)[0]) - luma).abs() < 12.0);
}

#[test]
fn multipage_pdf_sizes() {
    let document = Document::open(resource("multipage.pdf"), &Limits::default()).unwrap();
    assert_eq!(document.page_count(), 6);
    let first = document.page(0).unwrap();
    assert_eq!(
        (first.width(), first.height(), first.dpi),
        (1026, 1326, Some(200.0))
    );
    let last = document.page(5).unwrap();
    assert_eq!((last.width(), last.height()), (2200, 1700));
}

#[test]
fn blank_pdf_is_one_white_page() {
    let page = one_page(resource("blank.pdf"));
    assert_eq!((page.width(), page.height()), (1700, 2200));
    assert!(page.image.pixels().all(|p| p.0 == [255, 255, 255]));
}

// ---------------------------------------------------------------------------
// Every file, truncated files, random bytes

/// Limits that keep the many-decodes tests quick.
fn quick_limits() -> Limits {
    Limits {
        max_page_pixels: 400_000,
        pdf_dpi: 72.0,
        ..Limits::default()
    }
}

/// What each resource must give with default limits: Ok, or the error kind.
fn expected_outcome(name: &str) -> &'static str {
    match name {
        "hugemono.pdf" => "limits",
        "invalid.pdf" => "decode",
        n if n.ends_with(".pdf") || n.ends_with(".png") || n.ends_with(".jpg") => "ok",
        _ => "unsupported",
    }
}

fn outcome(result: &Result<Vec<Page>, OcrError>) -> &'static str {
    match result {
        Ok(_) => "ok",
        Err(OcrError::Limits { .. }) => "limits",
        Err(OcrError::Decode { .. }) => "decode",
        Err(OcrError::Unsupported(_)) => "unsupported",
        Err(_) => "other",
    }
}

#[test]
fn every_resource_decodes_every_page() {
    let names = resource_names();
    assert!(names.len() >= 60, "{} files", names.len());
    for name in names {
        let result = decode_all(resource(&name), &quick_limits());
        assert_eq!(
            outcome(&result),
            expected_outcome(&name),
            "{name}: {:?}",
            result.as_ref().err()
        );
        for (i, page) in result.iter().flatten().enumerate() {
            assert!(page.width() > 0 && page.height() > 0, "{name} page {i}");
            let pixels = u64::from(page.width()) * u64::from(page.height());
            assert!(
                pixels <= quick_limits().max_page_pixels,
                "{name} page {i}: {pixels}"
            );
        }
    }
}

/// Decode and throw away, returning whether it succeeded.
fn survives(bytes: Vec<u8>, limits: &Limits) -> bool {
    let Ok(document) = Document::open(bytes, limits) else {
        return false;
    };
    let mut ok = true;
    for i in 0..document.page_count() {
        ok &= document.page(i).is_ok();
    }
    ok
}

#[test]
fn truncated_resources_give_errors_not_panics() {
    let limits = quick_limits();
    let mut decoded_whole = 0;
    let mut failed_cut = 0;
    for name in resource_names()
        .iter()
        .filter(|n| expected_outcome(n) == "ok")
    {
        let bytes = resource(name);
        let len = bytes.len();
        for cut in [16, 100, len / 8, len / 3, len / 2, len * 3 / 4, len - 1] {
            if cut < len && !survives(bytes[..cut].to_vec(), &limits) {
                failed_cut += 1;
            }
        }
        decoded_whole += usize::from(survives(bytes, &limits));
    }
    // Sanity: whole files decode, and most cuts are noticed.
    assert!(decoded_whole >= 45, "{decoded_whole}");
    assert!(failed_cut > 100, "{failed_cut}");
}

/// xorshift64: a seeded byte source.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next() as u8).collect()
    }
}

#[test]
fn random_bytes_behind_every_magic_give_errors_not_panics() {
    let limits = quick_limits();
    let magics: [&[u8]; 9] = [
        b"",
        b"\x89PNG\r\n\x1a\n",
        &[0xFF, 0xD8, 0xFF],
        b"II*\0\x08\0\0\0",
        b"MM\0*\0\0\0\x08",
        b"RIFF\0\0\0\0WEBPVP8L",
        b"GIF89a",
        b"BM\0\0\0\0\0\0\0\0\0\0\0\0\x28\0\0\0",
        b"%PDF-1.7\n",
    ];
    let mut noise = Noise(0x9E37_79B9_7F4A_7C15);
    let mut unsupported = 0;
    for magic in magics {
        for _ in 0..40 {
            let len = (noise.next() % 2048) as usize;
            let bytes = [magic, &noise.bytes(len)[..]].concat();
            if matches!(
                Document::open(bytes.clone(), &limits),
                Err(OcrError::Unsupported(_))
            ) {
                unsupported += 1;
            }
            survives(bytes, &limits);
        }
    }
    // Pure noise is almost never a known format.
    assert!(unsupported >= 38, "{unsupported}");
}

#[test]
fn mutated_files_give_errors_not_panics() {
    let limits = quick_limits();
    let seeds: Vec<Vec<u8>> = vec![
        resource("crom.png"),
        resource("baiona_cmyk.jpg"),
        resource("trivial.pdf"),
        resource("formxobject.pdf"),
        three_page_tiff(),
        fax_tiff(
            4,
            &[],
            &bits("001 1011 000101 1  111  000000000001 000000000001"),
        ),
        quadrant_jpeg(Some(6)),
    ];
    let mut noise = Noise(42);
    let mut survived = 0;
    for seed in &seeds {
        for _ in 0..40 {
            let mut bytes = seed.clone();
            for _ in 0..1 + noise.next() % 8 {
                let at = (noise.next() as usize) % bytes.len();
                bytes[at] = noise.next() as u8;
            }
            survived += usize::from(survives(bytes, &limits));
        }
    }
    // Some mutations land in pixel data and still decode.
    assert!(survived > 0);
}
