//! Resampling a decoded page to square pixels and to the page pixel budget.
//!
//! Fax scans are often 204 x 98 dpi: their pixels are twice as tall as they
//! are wide, and text read at that aspect looks squashed. Such pages are
//! stretched to the horizontal resolution. Pages above `max_page_pixels` are
//! then shrunk to fit, and the stated resolution shrinks with them.

use image::imageops::{self, FilterType};
use image::RgbImage;

use super::density::Density;

/// Horizontal / vertical resolution ratios closer to 1 than this are treated
/// as square pixels.
const SQUARE_TOLERANCE: f64 = 0.01;

/// Ratios outside `1/MAX_ASPECT_FIX ..= MAX_ASPECT_FIX` are not believed: a
/// file claiming 1 x 1000 dpi is wrong, not a very tall scan.
const MAX_ASPECT_FIX: f64 = 4.0;

/// Output size and resolution chosen for a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Target {
    /// Width in pixels (at least 1).
    pub width: u32,
    /// Height in pixels (at least 1).
    pub height: u32,
    /// Resolution of the output in dots per inch, if the file stated one.
    pub dpi: Option<f32>,
}

/// Choose the output size of a `width` x `height` page with the given
/// resolution so that pixels are square and `width * height <= max_pixels`.
pub(crate) fn target(width: u32, height: u32, density: Option<Density>, max_pixels: u64) -> Target {
    let (mut out_w, mut out_h) = (f64::from(width), f64::from(height));

    // Square pixels: stretch the height to the horizontal resolution.
    if let Some(d) = density {
        let ratio = f64::from(d.x) / f64::from(d.y);
        let believable = (1.0 / MAX_ASPECT_FIX..=MAX_ASPECT_FIX).contains(&ratio);
        if believable && (ratio - 1.0).abs() > SQUARE_TOLERANCE {
            out_h *= ratio;
        }
    }

    // Shrink to the pixel budget, keeping the aspect ratio.
    let pixels = out_w * out_h;
    if pixels > max_pixels as f64 {
        let factor = (max_pixels as f64 / pixels).sqrt();
        out_w *= factor;
        out_h *= factor;
    }

    let out_width = (out_w.floor() as u32).max(1);
    let out_height = (out_h.floor() as u32).max(1);
    let dpi = density.map(|d| (f64::from(d.x) * f64::from(out_width) / f64::from(width)) as f32);
    Target {
        width: out_width,
        height: out_height,
        dpi,
    }
}

/// Resample `image` to the [`target`] size (no copy when it already fits).
///
/// Returns the page pixels and its resolution in dots per inch.
pub(crate) fn fit(
    image: RgbImage,
    density: Option<Density>,
    max_pixels: u64,
) -> (RgbImage, Option<f32>) {
    let (width, height) = image.dimensions();
    let target = target(width, height, density, max_pixels);
    if (target.width, target.height) == (width, height) {
        return (image, target.dpi);
    }
    log::debug!(
        "resampling page from {width}x{height} to {}x{}",
        target.width,
        target.height
    );
    let resized = imageops::resize(&image, target.width, target.height, FilterType::Triangle);
    (resized, target.dpi)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dpi(x: f32, y: f32) -> Option<Density> {
        Some(Density { x, y })
    }

    #[test]
    fn small_square_page_is_untouched() {
        let t = target(2480, 3508, dpi(300.0, 300.0), 16_000_000);
        assert_eq!((t.width, t.height, t.dpi), (2480, 3508, Some(300.0)));
        let t = target(10, 20, None, 16_000_000);
        assert_eq!((t.width, t.height, t.dpi), (10, 20, None));
    }

    #[test]
    fn big_page_shrinks_to_budget_and_dpi_follows() {
        let t = target(8000, 6000, dpi(600.0, 600.0), 12_000_000);
        assert!(u64::from(t.width) * u64::from(t.height) <= 12_000_000);
        assert_eq!((t.width, t.height), (4000, 3000));
        assert_eq!(t.dpi, Some(300.0));
    }

    #[test]
    fn fax_resolution_is_stretched_to_square_pixels() {
        let t = target(1728, 1100, dpi(204.0, 98.0), 16_000_000);
        assert_eq!(t.width, 1728);
        assert_eq!(t.height, (1100.0_f64 * 204.0 / 98.0).floor() as u32);
        assert_eq!(t.dpi, Some(204.0));
    }

    #[test]
    fn absurd_aspect_is_ignored() {
        let t = target(100, 100, dpi(1.0, 1000.0), 16_000_000);
        assert_eq!((t.width, t.height), (100, 100));
    }

    #[test]
    fn fit_resamples_pixels() {
        let image = RgbImage::from_pixel(40, 20, image::Rgb([10, 200, 30]));
        let (out, out_dpi) = fit(image, dpi(200.0, 200.0), 200);
        assert_eq!(out.dimensions(), (20, 10));
        assert_eq!(out_dpi, Some(100.0));
        assert_eq!(out.get_pixel(5, 5).0, [10, 200, 30]);
    }
}
