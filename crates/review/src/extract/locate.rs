//! Finding a template's fixed texts on a page whose transform is known.

use super::labels::Printed;
use super::matching::{best_prefix, similarity};
use super::placed::Placed;

/// How far from its expected place a fixed text is looked for, millimetres.
pub const SEARCH_RADIUS_MM: f32 = 8.0;

/// Fixed texts matched less well than this are not taken as found.
pub const MIN_LABEL_SIMILARITY: f32 = 0.72;

/// A fixed text found on the page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found {
    /// Index of the placed line that holds it.
    pub placed: usize,
    /// How well it matched, 0..=1.
    pub similarity: f32,
    /// Where it is minus where it was expected, millimetres.
    pub offset: (f32, f32),
    /// Folded characters of the line taken by the text (the rest is a merged value).
    pub prefix_len: usize,
}

/// The best line for `printed` near its expected place, if one matches well enough.
pub fn locate(printed: &Printed, placed: &[Placed]) -> Option<Found> {
    let mut best: Option<(f32, Found)> = None;
    for (i, p) in placed.iter().enumerate() {
        let offset = (p.start.0 - printed.x_mm, p.start.1 - printed.y_mm);
        let distance = (offset.0 * offset.0 + offset.1 * offset.1).sqrt();
        if distance > SEARCH_RADIUS_MM {
            continue;
        }
        let s = similarity(&printed.folded, &p.folded);
        if s < MIN_LABEL_SIMILARITY {
            continue;
        }
        let merit = s - distance / 40.0;
        if best.is_none_or(|(m, _)| merit > m) {
            let prefix_len = if p.folded.chars().count() > printed.folded.chars().count() {
                best_prefix(&printed.folded, &p.folded).0
            } else {
                p.folded.chars().count()
            };
            best = Some((
                merit,
                Found {
                    placed: i,
                    similarity: s,
                    offset,
                    prefix_len,
                },
            ));
        }
    }
    best.map(|(_, f)| f)
}

/// Whether the line holds more than the text (a value merged after it).
pub fn has_tail(found: &Found, placed: &[Placed]) -> bool {
    placed[found.placed].folded.chars().count() > found.prefix_len
}
