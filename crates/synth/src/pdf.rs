//! Writes rendered pages as a PDF: one page per image, each image stored as
//! JPEG (DCT) or lossless Flate, the page size taken from the image's pixels
//! and dpi, as a scanner's PDF is.

use std::io::Write;

use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref};

use crate::truth::RenderedPage;

/// How each page image is compressed inside the PDF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PdfImage {
    /// Baseline JPEG of this quality (1..=100).
    Jpeg(u8),
    /// Lossless Flate (zlib) of the raw RGB samples.
    Flate,
}

/// The pages as a PDF with JPEG (quality 90) page images.
pub fn write(pages: &[RenderedPage]) -> Vec<u8> {
    write_with(pages, PdfImage::Jpeg(90))
}

/// The pages as a PDF, each image compressed as `image` says.
pub fn write_with(pages: &[RenderedPage], image: PdfImage) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    // Page i uses ids 3 + 3i (page), 4 + 3i (image), 5 + 3i (content).
    let ids = |i: usize| {
        let base = 3 + 3 * i as i32;
        (Ref::new(base), Ref::new(base + 1), Ref::new(base + 2))
    };
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids((0..pages.len()).map(|i| ids(i).0))
        .count(pages.len() as i32);

    for (i, page) in pages.iter().enumerate() {
        let (page_id, image_id, content_id) = ids(i);
        let (w, h) = page.image.dimensions();
        let dpi = if page.dpi > 0.0 { page.dpi } else { 72.0 };
        let (width_pt, height_pt) = (w as f32 * 72.0 / dpi, h as f32 * 72.0 / dpi);

        // The page: one image filling it.
        let name = Name(b"Im0");
        let mut p = pdf.page(page_id);
        p.media_box(Rect::new(0.0, 0.0, width_pt, height_pt));
        p.parent(tree);
        p.contents(content_id);
        p.resources().x_objects().pair(name, image_id);
        p.finish();

        // The image samples.
        let (data, filter) = encode(page, image);
        let mut x = pdf.image_xobject(image_id, &data);
        x.filter(filter);
        x.width(w as i32);
        x.height(h as i32);
        x.color_space().device_rgb();
        x.bits_per_component(8);
        x.finish();

        // Draw it over the whole page.
        let mut content = Content::new();
        content.save_state();
        content.transform([width_pt, 0.0, 0.0, height_pt, 0.0, 0.0]);
        content.x_object(name);
        content.restore_state();
        let bytes = content.finish();
        pdf.stream(content_id, &bytes);
    }
    pdf.finish()
}

/// The page's RGB samples compressed; falls back to Flate if JPEG fails.
fn encode(page: &RenderedPage, image: PdfImage) -> (Vec<u8>, Filter) {
    if let PdfImage::Jpeg(quality) = image {
        let mut out = Vec::new();
        let encoder =
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality.clamp(1, 100));
        match page.image.write_with_encoder(encoder) {
            Ok(()) => return (out, Filter::DctDecode),
            Err(e) => log::warn!("JPEG encoding failed ({e}); storing the page with Flate"),
        }
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
    let compressed = z
        .write_all(page.image.as_raw())
        .and_then(|()| z.finish())
        .unwrap_or_default();
    (compressed, Filter::FlateDecode)
}
