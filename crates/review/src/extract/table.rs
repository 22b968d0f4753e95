//! The goods table: one row of cells per consignment line between the
//! header and the totals row.

use super::labels::{pitch_mm, stacked, Owner, Printed, LABEL_PT};
use super::locate::Found;
use super::matching::{best_prefix, fold, similarity};
use super::placed::{Bounds, Piece, Placed};
use crate::template::{Column, ItemTable, Template};

/// Cells of the goods table as read: `(row, column, pieces)`, plus the totals row's cells.
pub struct TableRead {
    /// Body cells: row index from 0, the column, the pieces.
    pub cells: Vec<(usize, Column, Vec<Piece>)>,
    /// Totals-row cells: the column and the pieces.
    pub totals: Vec<(Column, Vec<Piece>)>,
    /// How well the header matched (mean similarity of the found headers, 0.6 if none).
    pub header_score: f32,
}

/// Reads the goods table of `t` from the placed lines of its page.
pub fn read_table(
    t: &Template,
    items: &ItemTable,
    placed: &[Placed],
    fixed: &[bool],
    printed: &[Printed],
    found: &[Option<Found>],
) -> TableRead {
    // Where the header was found: the median offset of its columns' labels.
    let header: Vec<Found> = printed
        .iter()
        .zip(found)
        .filter(|(p, _)| matches!(p.owner, Owner::Column(_)))
        .filter_map(|(_, f)| *f)
        .collect();
    let offset = median_offset(&header);
    // A photographed page keeps some tilt after the page transform: the
    // header labels' vertical offsets against their x give it, and every
    // cell's height is read along the table's rows.
    let slope = tilt(printed, found);
    let header_score = if header.is_empty() {
        0.6
    } else {
        header.iter().map(|f| f.similarity).sum::<f32>() / header.len() as f32
    };
    let languages = items
        .columns
        .iter()
        .map(|c| stacked(&c.label, &t.languages).len())
        .max()
        .unwrap_or(1);
    let left = items.at.x_mm + offset.0;
    let right = items
        .columns
        .iter()
        .map(|c| left + c.dx_mm + c.width_mm)
        .fold(left, f32::max);
    let header_bottom = items.at.y_mm + offset.1 + languages as f32 * pitch_mm(LABEL_PT);

    // The totals row: the first line below the header starting with the total label.
    let total_labels: Vec<String> = items.total_label.values().map(|s| fold(s)).collect();
    let totals_line = placed
        .iter()
        .enumerate()
        .filter(|(_, p)| p.bounds.top > header_bottom - 1.0 && (p.bounds.left - left).abs() < 15.0)
        .filter(|(_, p)| total_labels.iter().any(|l| is_total_label(l, &p.folded)))
        .min_by(|a, b| a.1.bounds.top.total_cmp(&b.1.bounds.top))
        .map(|(i, _)| i);
    let level = |b: &Bounds| b.centre_y() - slope * (b.left - left);
    let body_bottom = totals_line.map_or(
        header_bottom + items.max_rows as f32 * items.row_height_mm + 1.0,
        |i| level(&placed[i].bounds) - (placed[i].bounds.centre_y() - placed[i].bounds.top),
    );

    // Body lines, split where they run across a column boundary.
    let mut body = Vec::new();
    let mut totals = Vec::new();
    for (i, p) in placed.iter().enumerate() {
        let cy = level(&p.bounds);
        let in_columns = p.bounds.left >= left - 3.0 && p.bounds.left < right;
        if fixed[i] || !in_columns || is_column_label(&p.folded, printed) {
            continue;
        }
        if cy > header_bottom - 0.5 && cy < body_bottom - 0.3 {
            body.extend(split_by_columns(Piece::whole(p), left, &items.columns));
        } else if let Some(t) = totals_line {
            let row = level(&placed[t].bounds);
            if (cy - row).abs() < 2.5 {
                let piece = if i == t {
                    let label = total_labels
                        .iter()
                        .map(|l| best_prefix(l, &p.folded))
                        .max_by(|a, b| a.1.total_cmp(&b.1));
                    label.and_then(|(len, _)| Piece::after_label(p, len))
                } else {
                    Some(Piece::whole(p))
                };
                if let Some(piece) = piece {
                    totals.extend(split_by_columns(piece, left, &items.columns));
                }
            }
        }
    }

    // Rows: a piece more than 60% of a row height below the row's first starts a new row.
    body.sort_by(|a, b| level(&a.bounds).total_cmp(&level(&b.bounds)));
    let mut rows: Vec<Vec<Piece>> = Vec::new();
    for piece in body {
        match rows.last_mut() {
            Some(row)
                if level(&piece.bounds) - level(&row[0].bounds) < items.row_height_mm * 0.6 =>
            {
                row.push(piece)
            }
            _ => rows.push(vec![piece]),
        }
    }
    let mut cells = Vec::new();
    for (r, row) in rows.into_iter().enumerate() {
        for (column, pieces) in by_column(row, left, &items.columns) {
            cells.push((r, column, pieces));
        }
    }
    TableRead {
        cells,
        totals: by_column(totals, left, &items.columns),
        header_score,
    }
}

/// Largest tilt believed, millimetres down per millimetre right.
const MAX_TILT: f32 = 0.05;

/// Whether a line (folded) is exactly one of the column labels: on a photo
/// the header's second language can sit below where the header is expected,
/// and must not be read as the first goods row.
fn is_column_label(line: &str, printed: &[Printed]) -> bool {
    printed
        .iter()
        .any(|p| matches!(p.owner, Owner::Column(_)) && p.folded == line)
}

/// Whether a line (folded) reads as the totals label (folded): at least 0.8
/// similar, or one OCR slip in a four-letter label (Danish "I alt" read
/// "I ali" on a fax scores 0.75).
fn is_total_label(label: &str, line: &str) -> bool {
    let score = similarity(label, line);
    score >= 0.8 || (label.chars().count() == 4 && score >= 0.75)
}

/// The residual tilt of the table, millimetres down per millimetre right:
/// the least-squares slope of the found column labels' vertical offsets
/// against their x; 0 with fewer than two labels or less than 40 mm between
/// them.
fn tilt(printed: &[Printed], found: &[Option<Found>]) -> f32 {
    let points: Vec<(f32, f32)> = printed
        .iter()
        .zip(found)
        .filter(|(p, _)| matches!(p.owner, Owner::Column(_)))
        .filter_map(|(p, f)| f.map(|f| (p.x_mm, f.offset.1)))
        .collect();
    let n = points.len() as f32;
    if points.len() < 2 {
        return 0.0;
    }
    let (mx, my) = (
        points.iter().map(|p| p.0).sum::<f32>() / n,
        points.iter().map(|p| p.1).sum::<f32>() / n,
    );
    let sxx: f32 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let sxy: f32 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let spread = points.iter().map(|p| p.0).fold(f32::MIN, f32::max)
        - points.iter().map(|p| p.0).fold(f32::MAX, f32::min);
    if spread < 40.0 || sxx <= 0.0 {
        return 0.0;
    }
    (sxy / sxx).clamp(-MAX_TILT, MAX_TILT)
}

/// The median of the found offsets, (0, 0) when none.
fn median_offset(found: &[Found]) -> (f32, f32) {
    if found.is_empty() {
        return (0.0, 0.0);
    }
    let mut xs: Vec<f32> = found.iter().map(|f| f.offset.0).collect();
    let mut ys: Vec<f32> = found.iter().map(|f| f.offset.1).collect();
    xs.sort_by(f32::total_cmp);
    ys.sort_by(f32::total_cmp);
    (xs[xs.len() / 2], ys[ys.len() / 2])
}

/// The piece cut at every column start it runs across by more than 2 mm.
fn split_by_columns(piece: Piece, left: f32, columns: &[Column]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut rest = piece;
    for c in columns {
        let x = left + c.dx_mm;
        if x > rest.bounds.left + 2.0 && x < rest.bounds.right - 2.0 {
            if let Some(at) = rest.boundary_near(x) {
                let (a, b) = rest.split_at_byte(at);
                out.push(a);
                rest = b;
            }
        }
    }
    out.push(rest);
    out
}

/// Pieces grouped by the column they start in, in column order; empty columns left out.
fn by_column(pieces: Vec<Piece>, left: f32, columns: &[Column]) -> Vec<(Column, Vec<Piece>)> {
    let mut groups: Vec<(Column, Vec<Piece>)> =
        columns.iter().map(|c| (c.clone(), Vec::new())).collect();
    for piece in pieces {
        let column = column_of(&piece.bounds, left, columns);
        if let Some(k) = column {
            groups[k].1.push(piece);
        }
    }
    groups.retain(|(_, p)| !p.is_empty());
    groups
}

/// The column whose span holds most of the box (by overlap), if any.
fn column_of(b: &Bounds, left: f32, columns: &[Column]) -> Option<usize> {
    columns
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let (l, r) = (left + c.dx_mm - 2.0, left + c.dx_mm + c.width_mm + 2.0);
            (k, (b.right.min(r) - b.left.max(l)).max(0.0))
        })
        .filter(|(_, overlap)| *overlap > 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column_label(x_mm: f32) -> Printed {
        Printed {
            owner: Owner::Column(format!("c{x_mm}")),
            lang: "en".into(),
            line: 0,
            text: "Net kg".into(),
            folded: "netkg".into(),
            page: 1,
            x_mm,
            y_mm: 198.0,
            weight: 1.0,
        }
    }

    fn at(dy: f32) -> Option<Found> {
        Some(Found {
            placed: 0,
            similarity: 1.0,
            offset: (0.5, dy),
            prefix_len: 0,
        })
    }

    #[test]
    fn header_labels_are_not_goods_rows() {
        let labels = [column_label(10.0), column_label(40.0)];
        assert!(is_column_label("netkg", &labels));
        assert!(!is_column_label("18396", &labels));
        assert!(!is_column_label("netkg18396", &labels));
    }

    #[test]
    fn totals_label_takes_one_slip_in_four_letters() {
        assert!(is_total_label("ialt", "iali"));
        assert!(is_total_label("total", "tota1"));
        assert!(!is_total_label("ialt", "frozenporkboneless"));
        assert!(!is_total_label("ialt", "ix1i"));
    }

    #[test]
    fn tilt_is_the_header_slope() {
        // Labels 2 mm higher per 100 mm to the right: -0.02.
        let printed: Vec<Printed> = [12.0, 79.0, 139.0, 172.0]
            .into_iter()
            .map(column_label)
            .collect();
        let found: Vec<Option<Found>> = printed
            .iter()
            .map(|p| at(1.0 - 0.02 * (p.x_mm - 12.0)))
            .collect();
        assert!((tilt(&printed, &found) + 0.02).abs() < 1e-4);
        // One label, or labels close together: no tilt.
        assert_eq!(tilt(&printed[..1], &found[..1]), 0.0);
        let near = [column_label(12.0), column_label(30.0)];
        assert_eq!(tilt(&near, &[at(0.0), at(1.0)]), 0.0);
        // A wild slope is clamped.
        let wild = [column_label(12.0), column_label(112.0)];
        assert_eq!(tilt(&wild, &[at(0.0), at(30.0)]), MAX_TILT);
    }
}
