//! Scores OCR output against a page's ground truth: character error rate and
//! exact-line rate. Pure: knows nothing of the OCR engine.
//!
//! # The metric
//!
//! 1. **Matching.** Each OCR line is compared with every truth line by
//!    *overlap* = area(truth ∩ ocr) / min(area(truth), area(ocr)) (quads
//!    intersected exactly, so rotated pages work). Truth lines with overlap
//!    ≥ 0.5 are the OCR line's *partners*.
//! 2. **One partner:** the whole OCR text goes to that truth line.
//! 3. **Several partners** (the detector merged runs that the truth keeps
//!    apart, e.g. a label and its value): the OCR text is split by position.
//!    Partners are ordered along the OCR line's direction; the boundary
//!    between two neighbours is the middle of the gap between their boxes,
//!    turned into a character index in proportion to the OCR line's length
//!    (by printed width: a Chinese character counts about two Latin ones),
//!    then moved to the nearest space or change of script (Latin ↔ Chinese)
//!    within a small window: a merged gap is read as a space, or as nothing
//!    between a Latin label and its Chinese twin. Each piece goes to its
//!    partner. This charges the OCR only for what it misread, not for the
//!    merge itself.
//! 4. **No partner:** the OCR line is *spurious* and all its characters
//!    count as edits — unless it lies mostly (≥ 50 % of its area) inside a
//!    don't-care region (stamp, signature), where it is ignored.
//! 5. **Per truth line** the pieces assigned to it are ordered along the
//!    truth line and joined with one space; truth and OCR text are compared
//!    after collapsing runs of whitespace to one space and trimming. A truth
//!    line with nothing assigned is compared with the empty string (all its
//!    characters are deletions).
//! 6. **Counts.** `edits` = Σ Levenshtein distance over characters (Unicode
//!    scalar values) + spurious characters; `truth_chars` = Σ characters of
//!    the collapsed truth texts; CER = edits / truth_chars (can exceed 1);
//!    exact-line rate = truth lines read exactly / truth lines.

mod polygon;

use serde::{Deserialize, Serialize};

use crate::truth::{Quad, TruthLine};

/// Overlap (intersection over the smaller area) from which an OCR line is
/// taken to read a truth line.
pub const MATCH_OVERLAP: f32 = 0.5;

/// One line of OCR output.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OcrLine<'a> {
    /// The recognised text.
    pub text: &'a str,
    /// Its box in page pixels, corners as in `TruthLine::quad`.
    pub quad: Quad,
}

/// Counts for one page (or, added up, for a corpus).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageScore {
    /// Characters in the truth lines (whitespace collapsed).
    pub truth_chars: usize,
    /// Character edits: Levenshtein distances plus spurious characters.
    pub edits: usize,
    /// Number of truth lines.
    pub truth_lines: usize,
    /// Truth lines read exactly.
    pub exact_lines: usize,
    /// Characters of OCR lines that match no truth line (already in `edits`).
    pub spurious_chars: usize,
}

impl PageScore {
    /// Character error rate, edits / truth characters (0 when there is no truth).
    pub fn cer(&self) -> f64 {
        if self.truth_chars == 0 {
            return 0.0;
        }
        self.edits as f64 / self.truth_chars as f64
    }

    /// Fraction 0..=1 of truth lines read exactly (1 when there is no truth).
    pub fn exact_line_rate(&self) -> f64 {
        if self.truth_lines == 0 {
            return 1.0;
        }
        self.exact_lines as f64 / self.truth_lines as f64
    }
}

impl std::ops::AddAssign for PageScore {
    fn add_assign(&mut self, other: PageScore) {
        self.truth_chars += other.truth_chars;
        self.edits += other.edits;
        self.truth_lines += other.truth_lines;
        self.exact_lines += other.exact_lines;
        self.spurious_chars += other.spurious_chars;
    }
}

/// What the OCR read for one truth line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineReading {
    /// Index into the truth lines.
    pub truth: usize,
    /// The truth text, whitespace collapsed.
    pub expected: String,
    /// The OCR text assigned to it, whitespace collapsed.
    pub read: String,
    /// Levenshtein distance between the two.
    pub edits: usize,
}

/// The full matching of a page: one reading per truth line, and the OCR
/// lines that matched nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageMatching {
    /// One entry per truth line, in truth order.
    pub readings: Vec<LineReading>,
    /// Indices of spurious OCR lines (not in a don't-care region).
    pub spurious: Vec<usize>,
    /// Indices of unmatched OCR lines ignored inside don't-care regions.
    pub ignored: Vec<usize>,
}

/// Scores OCR lines against truth lines (no don't-care regions).
pub fn score_page(truth: &[TruthLine], ocr: &[OcrLine<'_>]) -> PageScore {
    score_page_excluding(truth, &[], ocr)
}

/// Scores OCR lines against truth lines; unmatched OCR lines mostly inside
/// `dont_care` (e.g. `RenderedPage::dont_care`) are not counted.
pub fn score_page_excluding(
    truth: &[TruthLine],
    dont_care: &[Quad],
    ocr: &[OcrLine<'_>],
) -> PageScore {
    let matching = match_lines(truth, dont_care, ocr);
    let mut score = PageScore {
        truth_lines: truth.len(),
        ..PageScore::default()
    };
    for reading in &matching.readings {
        score.truth_chars += reading.expected.chars().count();
        score.edits += reading.edits;
        score.exact_lines += usize::from(reading.edits == 0);
    }
    score.spurious_chars = matching
        .spurious
        .iter()
        .map(|&j| collapse(ocr[j].text).chars().count())
        .sum();
    score.edits += score.spurious_chars;
    score
}

/// Assigns OCR text to truth lines as the module documentation describes.
pub fn match_lines(truth: &[TruthLine], dont_care: &[Quad], ocr: &[OcrLine<'_>]) -> PageMatching {
    // Pieces of OCR text per truth line, with their position along it.
    let mut pieces: Vec<Vec<(f32, String)>> = vec![Vec::new(); truth.len()];
    let mut matching = PageMatching::default();
    let truth_areas: Vec<f32> = truth.iter().map(|t| polygon::area(&t.quad)).collect();

    for (j, line) in ocr.iter().enumerate() {
        // Partners by overlap over the smaller area.
        let ocr_area = polygon::area(&line.quad);
        let partners: Vec<usize> = truth
            .iter()
            .enumerate()
            .filter(|(i, t)| {
                let smaller = truth_areas[*i].min(ocr_area);
                smaller > 0.0
                    && polygon::intersection_area(&t.quad, &line.quad) / smaller >= MATCH_OVERLAP
            })
            .map(|(i, _)| i)
            .collect();

        // Spurious or ignored when nothing matches.
        if partners.is_empty() {
            let in_dont_care = ocr_area > 0.0
                && dont_care
                    .iter()
                    .any(|d| polygon::intersection_area(d, &line.quad) / ocr_area >= MATCH_OVERLAP);
            if in_dont_care {
                matching.ignored.push(j);
            } else if !collapse(line.text).is_empty() {
                matching.spurious.push(j);
            }
            continue;
        }

        // Split between partners and file each piece.
        for (i, text, centre) in split_by_position(line, &partners, truth) {
            let position = along(&truth[i].quad, centre);
            pieces[i].push((position, text));
        }
    }

    // Compare per truth line.
    for (i, line) in truth.iter().enumerate() {
        let mut assigned = std::mem::take(&mut pieces[i]);
        assigned.sort_by(|a, b| a.0.total_cmp(&b.0));
        let joined: Vec<String> = assigned.into_iter().map(|(_, t)| t).collect();
        let expected = collapse(&line.text);
        let read = collapse(&joined.join(" "));
        let edits = strsim::levenshtein(&expected, &read);
        matching.readings.push(LineReading {
            truth: i,
            expected,
            read,
            edits,
        });
    }
    matching
}

/// Whitespace runs to one space, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Unit direction of a quad's top edge and its length.
fn direction(quad: &Quad) -> ([f32; 2], f32) {
    let (dx, dy) = (quad[1][0] - quad[0][0], quad[1][1] - quad[0][1]);
    let length = (dx * dx + dy * dy).sqrt();
    if length > 0.0 {
        ([dx / length, dy / length], length)
    } else {
        ([1.0, 0.0], 0.0)
    }
}

/// Position of `point` along a quad's reading direction.
fn along(quad: &Quad, point: [f32; 2]) -> f32 {
    let (u, _) = direction(quad);
    point[0] * u[0] + point[1] * u[1]
}

/// Splits an OCR line's text between its partners by position (see the module
/// doc); returns (truth index, text piece, piece centre on the page).
fn split_by_position(
    line: &OcrLine<'_>,
    partners: &[usize],
    truth: &[TruthLine],
) -> Vec<(usize, String, [f32; 2])> {
    let centre_of = |q: &Quad| {
        [
            q.iter().map(|p| p[0]).sum::<f32>() / 4.0,
            q.iter().map(|p| p[1]).sum::<f32>() / 4.0,
        ]
    };
    if partners.len() == 1 {
        return vec![(partners[0], line.text.to_string(), centre_of(&line.quad))];
    }

    // Extents of the OCR line and of each partner along the OCR direction.
    let (u, length) = direction(&line.quad);
    let project = |p: [f32; 2]| p[0] * u[0] + p[1] * u[1];
    let start = project(line.quad[0]);
    let mut spans: Vec<(usize, f32, f32)> = partners
        .iter()
        .map(|&i| {
            let values = truth[i].quad.map(project);
            let lo = values.iter().copied().fold(f32::MAX, f32::min);
            let hi = values.iter().copied().fold(f32::MIN, f32::max);
            (i, lo, hi)
        })
        .collect();
    spans.sort_by(|a, b| a.1.total_cmp(&b.1));

    // Character boundaries between neighbours, placed by printed width (a
    // Chinese character is about two Latin ones wide) and snapped to the
    // nearest space or change of script: a merged gap is read as a space, or
    // as nothing between a Latin label and its Chinese twin.
    let chars: Vec<char> = line.text.chars().collect();
    let n = chars.len();
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0.0f32);
    for c in &chars {
        offsets.push(offsets.last().copied().unwrap_or(0.0) + char_width(*c));
    }
    let total = offsets[n].max(f32::EPSILON);
    let window = (n / 10).max(2);
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (end of piece, start of next)
    let mut previous_cut = 0;
    for pair in spans.windows(2) {
        let middle = (pair[0].2 + pair[1].1) / 2.0;
        let fraction = if length > 0.0 {
            ((middle - start) / length).clamp(0.0, 1.0)
        } else {
            0.5
        };
        let estimate = offsets
            .iter()
            .position(|&o| o / total >= fraction)
            .unwrap_or(n)
            .clamp(previous_cut, n);
        let lo = estimate.saturating_sub(window).max(previous_cut);
        let hi = (estimate + window).min(n);
        let boundary = (lo..=hi)
            .filter_map(|k| {
                if k < n && chars[k].is_whitespace() {
                    Some((k, (k, k + 1)))
                } else if k > 0 && k < n && is_cjk(chars[k - 1]) != is_cjk(chars[k]) {
                    Some((k, (k, k)))
                } else {
                    None
                }
            })
            .min_by_key(|(k, _)| k.abs_diff(estimate));
        let cut = boundary.map_or((estimate, estimate), |(_, cut)| cut);
        previous_cut = cut.1;
        cuts.push(cut);
    }

    // Pieces, each centred in its partner's span along the OCR line.
    let mut pieces = Vec::with_capacity(spans.len());
    let mut begin = 0;
    for (k, (i, lo, hi)) in spans.iter().enumerate() {
        let end = cuts.get(k).map_or(n, |c| c.0);
        let text: String = chars[begin.min(end)..end].iter().collect();
        if let Some(c) = cuts.get(k) {
            begin = c.1;
        }
        let mid = (lo + hi) / 2.0 - start;
        let centre = [line.quad[0][0] + u[0] * mid, line.quad[0][1] + u[1] * mid];
        pieces.push((*i, text, centre));
    }
    pieces
}

/// Printed width of a character relative to an average Latin one.
fn char_width(c: char) -> f32 {
    if is_cjk(c) {
        1.8
    } else if c.is_whitespace() {
        0.5
    } else {
        1.0
    }
}

/// Whether `c` is a Chinese character or full-width punctuation.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFF60)
}

#[cfg(test)]
mod tests;
