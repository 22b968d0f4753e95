//! Reading one field's value: find its label, then the lines in its value region.

use super::labels::{Owner, Printed};
use super::locate::{has_tail, Found};
use super::placed::{Bounds, Piece, Placed};
use crate::template::Field;

/// Confidence factor of a value read where the transform alone puts it,
/// because its label was not found.
pub const LABEL_MISSING: f32 = 0.6;

/// The value region of a field, in template millimetres: left, top, right, bottom.
pub type Region = (f32, f32, f32, f32);

/// What is known about one field's place on its page.
pub struct FieldPlace {
    /// The region where the value should be.
    pub region: Region,
    /// How well the label matched (or [`LABEL_MISSING`]).
    pub label_score: f32,
    /// The label's lines that were found (one per language at most): a
    /// merged value may follow the label in one of them.
    pub labels: Vec<Found>,
}

/// The value region of `field`, moved by how far its label was found from
/// where the template puts it (its best-matched language line, the first
/// language on ties).
pub fn place_field(field: &Field, printed: &[Printed], found: &[Option<Found>]) -> FieldPlace {
    let labels: Vec<Found> = printed
        .iter()
        .zip(found)
        .filter(|(p, _)| p.owner == Owner::Field(field.name.clone()))
        .filter_map(|(_, f)| *f)
        .collect();
    let best = labels
        .iter()
        .rev()
        .max_by(|a, b| a.similarity.total_cmp(&b.similarity))
        .copied();
    let (dx, dy) = best.map_or((0.0, 0.0), |f| f.offset);
    let left = field.at.x_mm + field.value.dx_mm + dx;
    let top = field.at.y_mm + field.value.dy_mm + dy;
    FieldPlace {
        region: (
            left,
            top,
            left + field.value.width_mm,
            top + field.value.height_mm,
        ),
        label_score: best.map_or(LABEL_MISSING, |f| f.similarity),
        labels,
    }
}

/// The pieces of text in the region: lines starting inside it that are not
/// fixed texts, plus the tail of the label's own line when OCR merged them.
/// A line running far past the region's right edge into another fixed
/// text is cut before that text.
pub fn value_pieces(
    place: &FieldPlace,
    placed: &[Placed],
    fixed: &[bool],
    printed: &[Printed],
) -> Vec<Piece> {
    let (left, top, right, bottom) = place.region;
    let mut pieces = Vec::new();

    // A label's line may carry the value after the label.
    let mut label_lines = Vec::new();
    for found in &place.labels {
        label_lines.push(found.placed);
        let line = &placed[found.placed];
        let reaches = line.bounds.right > left - 5.0;
        let same_row = line.bounds.centre_y() > top - 1.5 && line.bounds.centre_y() < bottom;
        if has_tail(found, placed) && reaches && same_row {
            if let Some(piece) = Piece::after_label(line, found.prefix_len) {
                pieces.push(piece);
            }
        }
    }

    // Lines that start in the region, their height read along the label's
    // tilt (a photographed page keeps some after the transform).
    let level = label_tilt(place, placed);
    for (i, p) in placed.iter().enumerate() {
        if fixed[i] || label_lines.contains(&i) {
            continue;
        }
        let cy = level(&p.bounds);
        let in_rows = cy >= top - 1.0 && cy <= bottom + 0.5;
        let in_columns = p.bounds.left >= left - 3.0 && p.bounds.left < right - 1.0;
        if in_rows && in_columns {
            pieces.push(Piece::whole(p));
        }
    }

    // Cut lines that ran on into a neighbour's label.
    pieces
        .into_iter()
        .map(|piece| cut_before_fixed_text(piece, right, printed))
        .collect()
}

/// Shortest label line whose tilt is believed, millimetres.
const MIN_TILT_RUN_MM: f32 = 30.0;
/// Largest tilt believed, millimetres down per millimetre right.
const MAX_TILT: f32 = 0.05;

/// A box's centre height corrected by the tilt of the field's best label
/// line (when that line is at least `MIN_TILT_RUN_MM` long), measured from
/// the label's start: on a level page, the box's centre height.
fn label_tilt(place: &FieldPlace, placed: &[Placed]) -> impl Fn(&Bounds) -> f32 {
    let best = place
        .labels
        .iter()
        .max_by(|a, b| a.similarity.total_cmp(&b.similarity))
        .and_then(|f| placed.get(f.placed));
    let (x0, slope) = match best {
        Some(l) if l.bounds.right - l.bounds.left >= MIN_TILT_RUN_MM => {
            (l.start.0, l.slope.clamp(-MAX_TILT, MAX_TILT))
        }
        _ => (0.0, 0.0),
    };
    move |b: &Bounds| b.centre_y() - slope * (b.centre_x() - x0)
}

/// Largest gap between two pieces of one value line, millimetres: OCR
/// splits a printed run at a wide space, never much wider.
const MAX_GAP_MM: f32 = 6.0;

/// Keeps what belongs to the value: per row, the leftmost piece and the
/// pieces that follow it without a wide gap; at most `max_lines` rows; and
/// nothing from the stamp's ring (short or unsure readings inside `stamp`,
/// a rectangle in millimetres: left, top, right, bottom).
pub fn tidy(pieces: Vec<Piece>, max_lines: u32, stamp: Region) -> Vec<Piece> {
    let in_stamp = |p: &Piece| {
        let (x, y) = (p.bounds.centre_x(), p.bounds.centre_y());
        x > stamp.0 && x < stamp.2 && y > stamp.1 && y < stamp.3
    };
    let mut pieces: Vec<Piece> = pieces
        .into_iter()
        .filter(|p| {
            let letters = p.text.chars().filter(|c| c.is_alphanumeric()).count();
            !(in_stamp(p) && (letters <= 3 || p.confidence < 0.8))
        })
        .collect();
    pieces.sort_by(|a, b| a.bounds.centre_y().total_cmp(&b.bounds.centre_y()));

    // Rows, top to bottom.
    let mut rows: Vec<Vec<Piece>> = Vec::new();
    for p in pieces {
        match rows.last_mut() {
            Some(row) if p.bounds.centre_y() - row[0].bounds.centre_y() < 2.0 => row.push(p),
            _ => rows.push(vec![p]),
        }
    }
    rows.truncate(max_lines.max(1) as usize);

    // In each row, the run that starts at its left.
    let mut out = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.bounds.left.total_cmp(&b.bounds.left));
        let mut right = f32::MIN;
        for p in row {
            if right != f32::MIN && p.bounds.left - right > MAX_GAP_MM {
                break;
            }
            right = right.max(p.bounds.right);
            out.push(p);
        }
    }
    out
}

/// The piece up to the start of another fixed text it ran into, when it
/// reaches more than 3 mm past `right`.
fn cut_before_fixed_text(piece: Piece, right: f32, printed: &[Printed]) -> Piece {
    if piece.bounds.right <= right + 3.0 {
        return piece;
    }
    let row = piece.bounds.centre_y();
    for (byte, c) in piece.text.char_indices() {
        if !c.is_whitespace() {
            continue;
        }
        let rest = super::matching::fold(&piece.text[byte..]);
        let runs_into = printed.iter().any(|p| {
            p.x_mm > right - 5.0
                && (p.y_mm - (row - 1.5)).abs() < 3.0
                && p.folded.chars().count() >= 4
                && super::matching::similarity(&p.folded, &rest) >= 0.85
                && rest.starts_with(&p.folded.chars().take(2).collect::<String>())
        });
        if runs_into {
            return piece.split_at_byte(byte).0;
        }
    }
    piece
}
