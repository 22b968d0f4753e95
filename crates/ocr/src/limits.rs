//! Resource limits applied while decoding, so that a hostile or enormous file
//! gets a typed error or a downscaled page instead of exhausting memory.

/// Caps on what one input may cost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Largest input accepted, in bytes.
    pub max_input_bytes: u64,
    /// Most pages decoded from one file; more is a `Limits` error.
    pub max_pages: usize,
    /// Largest page kept at full resolution, in pixels (width x height).
    /// Bigger pages are downscaled to fit, if they are at most
    /// `max_source_pixels`.
    pub max_page_pixels: u64,
    /// Largest page the decoder will allocate at all, in pixels; beyond this
    /// the page is refused with a `Limits` error.
    pub max_source_pixels: u64,
    /// Raster resolution for PDF pages, in dots per inch (72..=600).
    pub pdf_dpi: f32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_input_bytes: 200 * 1024 * 1024,
            max_pages: 50,
            // An A4 page at 300 dpi is 2480 x 3508 = 8.7 Mpx; leave room for 400 dpi.
            max_page_pixels: 16_000_000,
            // 100 Mpx (10 000 x 10 000) decodes in well under 1 GB; more
            // would not fit a browser tab.
            max_source_pixels: 100_000_000,
            pdf_dpi: 200.0,
        }
    }
}
