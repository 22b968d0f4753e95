//! OCR lines placed on the template: their boxes in template millimetres,
//! and the pieces of text that make up a value.

use ocr::quad::{self, Quad};
use ocr::PageText;

use super::geometry::Transform;
use super::matching::{fold, raw_prefix_end};

/// An OCR line seen through the template's transform.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// Index of the line in its page.
    pub line: usize,
    /// The text as read.
    pub text: String,
    /// The text folded.
    pub folded: String,
    /// OCR confidence, 0..=1.
    pub confidence: f32,
    /// Where the line starts (its quad's first corner), template millimetres.
    pub start: (f32, f32),
    /// Axis-aligned box in template millimetres.
    pub bounds: Bounds,
    /// The line's residual tilt after the transform: millimetres down per
    /// millimetre right along its top edge (0 for a level line).
    pub slope: f32,
}

/// An axis-aligned rectangle in template millimetres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    /// Left edge.
    pub left: f32,
    /// Top edge.
    pub top: f32,
    /// Right edge.
    pub right: f32,
    /// Bottom edge.
    pub bottom: f32,
}

impl Bounds {
    /// Vertical centre.
    pub fn centre_y(&self) -> f32 {
        (self.top + self.bottom) / 2.0
    }

    /// Horizontal centre.
    pub fn centre_x(&self) -> f32 {
        (self.left + self.right) / 2.0
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Bounds) -> Bounds {
        Bounds {
            left: self.left.min(other.left),
            top: self.top.min(other.top),
            right: self.right.max(other.right),
            bottom: self.bottom.max(other.bottom),
        }
    }
}

/// Every line of `page` placed through `t`.
pub fn place(page: &PageText, t: &Transform) -> Vec<Placed> {
    page.lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let q: Quad = t.quad_to_template(&l.quad);
            let (left, top, right, bottom) = quad::bounds(&q);
            let run = q[1][0] - q[0][0];
            let slope = if run > 1.0 {
                (q[1][1] - q[0][1]) / run
            } else {
                0.0
            };
            Placed {
                line: i,
                text: l.text.clone(),
                folded: fold(&l.text),
                confidence: l.confidence,
                start: (q[0][0], q[0][1]),
                slope,
                bounds: Bounds {
                    left,
                    top,
                    right,
                    bottom,
                },
            }
        })
        .collect()
}

/// A piece of a value: a whole line, or the part of a line after its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// The text.
    pub text: String,
    /// OCR confidence of its line.
    pub confidence: f32,
    /// Its box, template millimetres (estimated for part of a line).
    pub bounds: Bounds,
}

impl Piece {
    /// The whole line.
    pub fn whole(p: &Placed) -> Piece {
        Piece {
            text: p.text.clone(),
            confidence: p.confidence,
            bounds: p.bounds,
        }
    }

    /// The line after its first `folded_len` folded characters (a label OCR
    /// merged with its value), the label's trailing punctuation (`:`, `)`, `°`)
    /// and spaces dropped; `None` when
    /// nothing is left.
    pub fn after_label(p: &Placed, folded_len: usize) -> Option<Piece> {
        let cut = raw_prefix_end(&p.text, folded_len);
        let rest = p.text[cut..].trim_start_matches(|c: char| !c.is_alphanumeric());
        if rest.trim().is_empty() || !rest.chars().any(char::is_alphanumeric) {
            return None;
        }
        let skipped = p.text.len() - rest.len();
        let piece = Piece::whole(p);
        Some(piece.split_at_byte(skipped).1)
    }

    /// The piece cut in two at byte `at` of its text, boxes shared in
    /// proportion to the characters on each side.
    pub fn split_at_byte(&self, at: usize) -> (Piece, Piece) {
        let total = self.text.chars().count().max(1) as f32;
        let before = self.text[..at].chars().count() as f32;
        let x = self.bounds.left + (self.bounds.right - self.bounds.left) * before / total;
        let mut left = self.clone();
        let mut right = self.clone();
        left.text = self.text[..at].trim_end().to_string();
        right.text = self.text[at..].trim_start().to_string();
        left.bounds.right = x;
        right.bounds.left = x;
        (left, right)
    }

    /// Byte index of the word boundary nearest the point `x_mm` along the
    /// piece, judged by character count; `None` without a space inside.
    pub fn boundary_near(&self, x_mm: f32) -> Option<usize> {
        let width = (self.bounds.right - self.bounds.left).max(0.1);
        let chars: Vec<(usize, char)> = self.text.char_indices().collect();
        let target = (x_mm - self.bounds.left) / width * chars.len() as f32;
        chars
            .iter()
            .enumerate()
            .filter(|(_, (_, c))| c.is_whitespace())
            .min_by(|a, b| {
                (a.0 as f32 - target)
                    .abs()
                    .total_cmp(&(b.0 as f32 - target).abs())
            })
            .map(|(_, (byte, _))| *byte)
    }
}

/// Pieces joined in reading order (rows by vertical position, then left to
/// right) with one space, the character-weighted confidence, and the union box.
pub fn join(mut pieces: Vec<Piece>) -> Option<(String, f32, Bounds)> {
    pieces.retain(|p| !p.text.trim().is_empty());
    let first = pieces.first()?.bounds;
    pieces.sort_by(|a, b| a.bounds.centre_y().total_cmp(&b.bounds.centre_y()));

    // Rows: a piece more than 2 mm below the row's first starts a new row.
    let mut rows: Vec<Vec<Piece>> = Vec::new();
    for p in pieces {
        match rows.last_mut() {
            Some(row) if p.bounds.centre_y() - row[0].bounds.centre_y() < 2.0 => row.push(p),
            _ => rows.push(vec![p]),
        }
    }
    let mut texts = Vec::new();
    let mut weighted = 0.0;
    let mut chars = 0.0;
    let mut bounds = first;
    for mut row in rows {
        row.sort_by(|a, b| a.bounds.left.total_cmp(&b.bounds.left));
        for p in row {
            let n = p.text.chars().count() as f32;
            weighted += p.confidence * n;
            chars += n;
            bounds = bounds.union(&p.bounds);
            texts.push(p.text.trim().to_string());
        }
    }
    let confidence = if chars > 0.0 { weighted / chars } else { 0.0 };
    Some((texts.join(" "), confidence, bounds))
}
