//! Reading order of the lines on a page, by recursive XY-cut.
//!
//! The lines are split into groups along the widest empty bands: first
//! horizontal bands (table rows, paragraphs), then vertical ones (columns),
//! and each group is ordered the same way. A horizontal band only cuts when it
//! is clearly wider than the spacing inside a paragraph; otherwise a column
//! gap is preferred, so that two-column text reads column by column while a
//! table reads row by row (label, then value). Boxes are first turned by the
//! page's skew, so that skewed lines do not overlap in projection, and
//! shrunk to their ink (the detector's boxes are grown around the text by
//! about a third of their height on every side).

use crate::quad::{self, Quad};

/// Share of a box's height that is ink rather than margin.
const INK_HEIGHT: f32 = 0.4;
/// Margin on each side of a box's ink, in box heights.
const MARGIN: f32 = 0.3;
/// A horizontal band cuts when at least this many median ink heights wide.
const ROW_GAP: f32 = 2.0;
/// A vertical band cuts when at least this many median ink heights wide.
const COLUMN_GAP: f32 = 1.0;

/// The order in which to read `quads`: indices into it. `skew_degrees` is the
/// page's skew (positive when lines descend to the right).
pub fn reading_order(quads: &[Quad], skew_degrees: f32) -> Vec<usize> {
    // Straighten the boxes about the origin; only relative positions matter.
    let (s, c) = (-skew_degrees).to_radians().sin_cos();
    let boxes: Vec<Extent> = quads
        .iter()
        .map(|q| {
            let turned = quad::map(q, |x, y| (x * c - y * s, x * s + y * c));
            let (x0, y0, x1, y1) = quad::bounds(&turned);
            let (h, mid) = (y1 - y0, (y0 + y1) / 2.0);
            let margin = (MARGIN * h).min((x1 - x0) / 2.0);
            Extent {
                x0: x0 + margin,
                y0: mid - INK_HEIGHT * h / 2.0,
                x1: x1 - margin,
                y1: mid + INK_HEIGHT * h / 2.0,
            }
        })
        .collect();

    // The median ink height sets the scale of the gaps.
    let mut heights: Vec<f32> = boxes.iter().map(|b| b.y1 - b.y0).collect();
    heights.sort_by(f32::total_cmp);
    let median = heights
        .get(heights.len() / 2)
        .copied()
        .unwrap_or(1.0)
        .max(1.0);

    let mut order = Vec::with_capacity(quads.len());
    cut(&boxes, (0..quads.len()).collect(), median, &mut order);
    order
}

/// An axis-aligned extent in straightened page pixels.
#[derive(Debug, Clone, Copy)]
struct Extent {
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
}

/// Appends the members of `group` to `order` in reading order.
fn cut(boxes: &[Extent], group: Vec<usize>, median: f32, order: &mut Vec<usize>) {
    if group.len() <= 1 {
        order.extend(group);
        return;
    }

    // Try rows first, then columns, then any row gap at all.
    let rows = split(boxes, &group, median * ROW_GAP, |b| (b.y0, b.y1));
    let parts = if rows.len() > 1 {
        rows
    } else {
        let columns = split(boxes, &group, median * COLUMN_GAP, |b| (b.x0, b.x1));
        if columns.len() > 1 {
            columns
        } else {
            split(boxes, &group, 0.0, |b| (b.y0, b.y1))
        }
    };

    // No gap anywhere: lines overlap in both directions; read by position.
    if parts.len() <= 1 {
        let mut rest = group;
        rest.sort_by(|&a, &b| {
            let (ca, cb) = (boxes[a].y0 + boxes[a].y1, boxes[b].y0 + boxes[b].y1);
            ca.total_cmp(&cb).then(boxes[a].x0.total_cmp(&boxes[b].x0))
        });
        order.extend(rest);
        return;
    }
    for part in parts {
        cut(boxes, part, median, order);
    }
}

/// Splits `group` at every empty band wider than `min_gap` along one axis;
/// `span` gives a box's interval on that axis. Parts come in axis order.
fn split(
    boxes: &[Extent],
    group: &[usize],
    min_gap: f32,
    span: impl Fn(&Extent) -> (f32, f32),
) -> Vec<Vec<usize>> {
    let mut sorted = group.to_vec();
    sorted.sort_by(|&a, &b| span(&boxes[a]).0.total_cmp(&span(&boxes[b]).0));

    let mut parts: Vec<Vec<usize>> = Vec::new();
    let mut reach = f32::MIN;
    for i in sorted {
        let (start, end) = span(&boxes[i]);
        match parts.last_mut() {
            Some(part) if start - reach <= min_gap => part.push(i),
            _ => parts.push(vec![i]),
        }
        reach = reach.max(end);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> Quad {
        [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]
    }

    #[test]
    fn two_columns_of_tight_lines_read_column_by_column() {
        // Boxes 26 high every 26 pixels (grown boxes touch), columns 60 apart.
        let mut quads = Vec::new();
        for row in 0..3 {
            let y = row as f32 * 26.0;
            quads.push(rect(0.0, y, 400.0, y + 26.0));
            quads.push(rect(460.0, y, 900.0, y + 26.0));
        }
        assert_eq!(reading_order(&quads, 0.0), vec![0, 2, 4, 1, 3, 5]);
    }

    #[test]
    fn a_table_reads_row_by_row() {
        // Label and value cells, rows 40 apart (gap 20 = one line height).
        let mut quads = Vec::new();
        for row in 0..3 {
            let y = row as f32 * 40.0;
            quads.push(rect(600.0, y, 900.0, y + 20.0));
            quads.push(rect(0.0, y, 300.0, y + 20.0));
        }
        assert_eq!(reading_order(&quads, 0.0), vec![1, 0, 3, 2, 5, 4]);
    }

    #[test]
    fn skewed_lines_keep_their_order() {
        // Three full-width lines descending 3 degrees: their plain bounds
        // overlap, their straightened bounds do not.
        let t = 3f32.to_radians().tan();
        let line = |y: f32| {
            [
                [0.0, y],
                [1000.0, y + 1000.0 * t],
                [1000.0, y + 20.0 + 1000.0 * t],
                [0.0, y + 20.0],
            ]
        };
        let quads = [line(60.0), line(0.0), line(30.0)];
        assert_eq!(reading_order(&quads, 3.0), vec![1, 2, 0]);
    }
}
