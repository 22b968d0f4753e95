//! Ground truth: the printed text runs and where they are.

use serde::{Deserialize, Serialize};

/// Four corners of a text box in page pixels (x right, y down), in the order
/// top-left, top-right, bottom-right, bottom-left as the text reads.
pub type Quad = [[f32; 2]; 4];

/// Writing system of a printed run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Script {
    /// Latin letters, digits and punctuation (accented letters included).
    Latin,
    /// Simplified Chinese (may contain Latin digits and punctuation).
    Chinese,
}

/// One printed text run: a cell label, a cell value line, a title line...
/// Distinct runs on one baseline are at least ~1.5 character widths apart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TruthLine {
    /// The exact text printed (no leading, trailing or doubled spaces).
    pub text: String,
    /// The run's box: pen advance horizontally, font ascent to descent vertically.
    pub quad: Quad,
    /// Writing system, which tells the font it was printed with.
    pub script: Script,
}

/// A rendered page and its ground truth.
#[derive(Clone, Debug)]
pub struct RenderedPage {
    /// The page pixels (A4 portrait, 210 × 297 mm at `dpi`).
    pub image: image::RgbImage,
    /// Resolution of `image` in dots per inch (`LOW_DPI` after `Degradation::LowDpi`).
    pub dpi: f32,
    /// Every printed text run, in reading order (top to bottom, left to right).
    pub lines: Vec<TruthLine>,
    /// Regions with marks that are not text to read (stamp, signature): an OCR
    /// line there that matches no printed run is not counted as spurious.
    pub dont_care: Vec<Quad>,
}

/// Bounding box of a quad as `[min_x, min_y, max_x, max_y]`.
pub fn quad_bounds(quad: &Quad) -> [f32; 4] {
    let mut b = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
    for [x, y] in quad {
        b[0] = b[0].min(*x);
        b[1] = b[1].min(*y);
        b[2] = b[2].max(*x);
        b[3] = b[3].max(*y);
    }
    b
}
