//! PDF pages rasterised in pure Rust with `hayro`.
//!
//! Each page is rendered at `Limits::pdf_dpi`, lowered when the page would
//! exceed `max_page_pixels` (a poster is rendered coarser, not refused). The
//! raster size is computed from the page box before `hayro` allocates, and
//! [`super::pdf_scan`] checks what embedded images and compressed streams
//! declare, since `hayro` decodes them at full size whatever the raster
//! resolution. Before each render [`super::pdf_dash`] bounds the work of the
//! page's dashed strokes.

use hayro::hayro_interpret::kurbo::{Affine, Rect};
use hayro::hayro_interpret::util::TransformExt;
use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::{LoadPdfError, Pdf};
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::vello_cpu::peniko::ImageAlphaType;
use hayro::{PixmapSettings, RenderCache, RenderSettings};
use image::RgbaImage;
use std::sync::OnceLock;

use crate::error::{OcrError, Result};
use crate::limits::Limits;
use crate::page::Page;

use super::budget;
use super::format::Format;
use super::pdf_dash;
use super::pdf_scan;
use super::pixels;

/// PDF user-space units per inch.
const POINTS_PER_INCH: f32 = 72.0;

/// Longest raster side, in pixels. The renderer addresses pixels with 16-bit
/// coordinates and rounds spans up to whole tiles (a 65469-pixel-wide page
/// overflows them and panics), so stay well below 65535.
const MAX_SIDE_PIXELS: f32 = 30_000.0;

/// Raster resolutions outside this range are treated as configuration
/// mistakes and clamped, in dots per inch.
const DPI_RANGE: std::ops::RangeInclusive<f32> = 18.0..=1200.0;

/// A parsed PDF ready to render page by page.
pub(crate) struct PdfDocument {
    pdf: Pdf,
    /// Outcome of the decompressed-size check, run before the first render.
    streams_checked: OnceLock<Result<()>>,
}

impl PdfDocument {
    /// Parse the cross-reference table and page tree, count pages, and check
    /// the declared size of every embedded image.
    pub(crate) fn open(bytes: Vec<u8>, limits: &Limits) -> Result<PdfDocument> {
        // Parameters `hayro` would crash on while parsing.
        pdf_scan::check_raw_predictor_names(&bytes)?;

        let pdf = Pdf::new(bytes).map_err(|e| match e {
            LoadPdfError::Decryption(d) => {
                OcrError::Unsupported(format!("encrypted PDF ({d:?}); remove the password first"))
            }
            LoadPdfError::Invalid => {
                decode_error(None, "no readable cross-reference table or page tree")
            }
        })?;

        // Page count.
        let count = pdf.pages().len();
        if count == 0 {
            return Err(decode_error(None, "the document has no pages"));
        }
        budget::check_page_count(count, limits)?;

        // Declared image sizes; stream sizes wait for the first page.
        pdf_scan::check_declared_sizes(&pdf, limits)?;
        Ok(PdfDocument {
            pdf,
            streams_checked: OnceLock::new(),
        })
    }

    /// Number of pages.
    pub(crate) fn page_count(&self) -> usize {
        self.pdf.pages().len()
    }

    /// Render page `index` (0-based) to RGB at the chosen resolution.
    pub(crate) fn render(&self, index: usize, limits: &Limits) -> Result<Page> {
        // Decompression bombs, checked once for the whole file.
        self.streams_checked
            .get_or_init(|| pdf_scan::check_decompressed_sizes(&self.pdf, limits))
            .clone()
            .map_err(|e| with_page(e, index))?;

        let pages = self.pdf.pages();
        let page = pages
            .get(index)
            .ok_or_else(|| decode_error(Some(index), "no such page"))?;

        // Resolution from the page box (after /Rotate) and the budget.
        let (width_pt, height_pt) = page.render_dimensions();
        let dpi = raster_dpi(width_pt, height_pt, limits)
            .map_err(|detail| decode_error(Some(index), &detail))?;
        // The renderer truncates `points * scale` to whole pixels: a nudge of a
        // few float steps keeps 612 pt at 200 dpi at 1700 pixels, not 1699.
        let scale = dpi / POINTS_PER_INCH * (1.0 + 4.0 * f32::EPSILON);

        // Dashed strokes the renderer would spend minutes or gigabytes on.
        let device = Affine::scale(f64::from(scale)) * page.initial_transform(true).to_kurbo();
        let target = Rect::new(
            0.0,
            0.0,
            (width_pt * scale).trunc().into(),
            (height_pt * scale).trunc().into(),
        );
        pdf_dash::check_dashes(page, device, target, index)?;

        // Render onto white.
        let cache = RenderCache::new();
        let pixmap = hayro::render(
            page,
            &cache,
            &InterpreterSettings::default(),
            &RenderSettings::default(),
            &PixmapSettings {
                x_scale: scale,
                y_scale: scale,
                bg_color: WHITE,
            },
        );

        // Premultiplied RGBA on an opaque background: drop alpha.
        let (width, height) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
        let rgba = RgbaImage::from_raw(
            width,
            height,
            pixmap.take_rgba8(ImageAlphaType::AlphaPremultiplied),
        )
        .ok_or_else(|| decode_error(Some(index), "renderer returned a short buffer"))?;
        Ok(Page {
            image: pixels::composite_on_white(&rgba, true),
            dpi: Some(dpi),
        })
    }
}

/// The raster resolution for a page of `width_pt` x `height_pt` points:
/// `pdf_dpi`, lowered so the raster fits `max_page_pixels` and
/// `MAX_SIDE_PIXELS` a side. `Err` when the page box is unusable.
pub(crate) fn raster_dpi(
    width_pt: f32,
    height_pt: f32,
    limits: &Limits,
) -> std::result::Result<f32, String> {
    if !(width_pt.is_finite() && height_pt.is_finite() && width_pt > 0.0 && height_pt > 0.0) {
        return Err(format!(
            "unusable page size {width_pt} x {height_pt} points"
        ));
    }
    let wanted = if limits.pdf_dpi.is_finite() {
        limits.pdf_dpi.clamp(*DPI_RANGE.start(), *DPI_RANGE.end())
    } else {
        Limits::default().pdf_dpi
    };

    // Fit the pixel budget and the renderer's side limit.
    let area_in = f64::from(width_pt) * f64::from(height_pt) / f64::from(POINTS_PER_INCH).powi(2);
    let budget_dpi = (limits.max_page_pixels as f64 / area_in).sqrt() as f32;
    let side_dpi = MAX_SIDE_PIXELS * POINTS_PER_INCH / width_pt.max(height_pt);
    // Stay a hair below the limits so the renderer's own rounding fits too.
    let dpi = wanted.min(budget_dpi * 0.999).min(side_dpi * 0.999);

    // Both sides must keep at least one pixel.
    let scale = dpi / POINTS_PER_INCH;
    if (width_pt * scale) < 1.0 || (height_pt * scale) < 1.0 {
        return Err(format!(
            "a {width_pt} x {height_pt} point page cannot be rasterised within the limits"
        ));
    }
    Ok(dpi)
}

/// `error` attributed to page `index`.
fn with_page(error: OcrError, index: usize) -> OcrError {
    match error {
        OcrError::Limits {
            what, value, limit, ..
        } => OcrError::Limits {
            page: Some(index),
            what,
            value,
            limit,
        },
        other => other,
    }
}

/// A PDF decode error.
fn decode_error(page: Option<usize>, detail: &str) -> OcrError {
    OcrError::Decode {
        format: Format::Pdf.name(),
        page,
        detail: detail.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a4_renders_at_the_configured_dpi() {
        let limits = Limits::default();
        let dpi = raster_dpi(595.0, 842.0, &limits).unwrap();
        assert_eq!(dpi, 200.0);
    }

    #[test]
    fn poster_is_rendered_coarser_to_fit() {
        let limits = Limits::default();
        // A0 landscape at 200 dpi would be 9362 x 6623 = 62 Mpx.
        let dpi = raster_dpi(3370.0, 2384.0, &limits).unwrap();
        assert!(dpi < 200.0 && dpi > 90.0, "{dpi}");
        let scale = dpi / 72.0;
        let pixels = ((3370.0 * scale) as u64) * ((2384.0 * scale) as u64);
        assert!(pixels <= limits.max_page_pixels, "{pixels}");
    }

    #[test]
    fn long_strip_keeps_sides_within_the_renderer_limit() {
        let limits = Limits::default();
        let dpi = raster_dpi(200_000.0, 10.0, &limits).unwrap();
        assert!(200_000.0 * dpi / 72.0 <= MAX_SIDE_PIXELS);
    }

    #[test]
    fn unusable_boxes_are_errors() {
        let limits = Limits::default();
        assert!(raster_dpi(f32::NAN, 10.0, &limits).is_err());
        assert!(raster_dpi(0.0, 10.0, &limits).is_err());
        assert!(raster_dpi(1.0, 14_000_000.0, &limits).is_err());
    }
}
