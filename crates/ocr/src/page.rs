//! A decoded page: the unit every later step works on.

use image::RgbImage;

/// One page of an input file, as decoded.
///
/// Pixel coordinates everywhere in the crate refer to this image: after EXIF
/// orientation for photos, at the rasterisation dpi for PDF pages.
#[derive(Debug, Clone)]
pub struct Page {
    /// 8-bit RGB pixels, alpha already composited on white.
    pub image: RgbImage,
    /// Resolution in dots per inch, if the file states it (PDF: the raster dpi).
    pub dpi: Option<f32>,
}

impl Page {
    /// Width in pixels.
    pub fn width(&self) -> u32 {
        self.image.width()
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        self.image.height()
    }
}
