//! What OCR returns for a page: lines of text with their boxes.

use serde::{Deserialize, Serialize};

use crate::quad::Quad;

/// One recognised line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// The text read, diacritics kept.
    pub text: String,
    /// Mean per-character probability of the CTC path, 0.0..=1.0.
    pub confidence: f32,
    /// The line's corners in page pixels (as decoded), clockwise from
    /// top-left of the text's reading direction.
    #[serde(rename = "box")]
    pub quad: Quad,
}

/// Whether a page yielded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageStatus {
    /// At least one line was read.
    Text,
    /// The page is blank or holds no readable text.
    NoText,
}

/// The OCR result of one page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageText {
    /// Page width in pixels, as decoded.
    pub width: u32,
    /// Page height in pixels, as decoded.
    pub height: u32,
    /// Resolution in dots per inch, `None` where unknown.
    pub dpi: Option<f32>,
    /// Clockwise rotation in degrees (0, 90, 180, 270) applied to make the page upright.
    pub rotation: u32,
    /// Skew of the upright page's lines in degrees, positive when they descend to
    /// the right; each line is cropped along its own box, which corrects it.
    pub skew: f32,
    /// Text or no text.
    pub status: PageStatus,
    /// Lines in reading order: top to bottom, left to right.
    pub lines: Vec<Line>,
}

impl PageText {
    /// The page's text, one line per line.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for line in &self.lines {
            out.push_str(&line.text);
            out.push('\n');
        }
        out
    }
}
