//! A large grey overprint such as a diagonal "COPY" that the OCR does not
//! read as a line: a wide, connected area of thick neutral mid-grey strokes.
//!
//! The page is cut into cells of about 2 mm (A4 width assumed). Each cell's
//! local paper tone is the brightest cell tone (90th percentile) within
//! 9 mm, so uneven lighting does not count. A cell is grey when most of its
//! pixels are neutral (no stamp colour) and 25 to 110 levels under that
//! tone: inside a thick stroke, not a thin text stroke with its edges. Grey
//! cells that connect into an area of at least [`MIN_AREA_MM2`] spanning
//! [`MIN_SPAN_MM`] (wider than any stamp), away from the page edges (a desk
//! around a photographed page), make a mark.

use image::RgbImage;
use ocr::quad::Quad;

use super::grey::Grey;

/// Width of the page assumed for the cell size, millimetres (A4 portrait).
const PAGE_WIDTH_MM: f32 = 210.0;
/// Side of a cell, millimetres.
const CELL_MM: f32 = 2.0;
/// Radius of the local paper search, cells.
const PAPER_RADIUS: usize = 4;
/// Grey range under the local paper tone, levels.
const GREY_RANGE: (i32, i32) = (25, 110);
/// Largest channel spread of a neutral pixel, levels.
const NEUTRAL_SPREAD: u8 = 30;
/// Share of a cell's pixels that must be grey.
const GREY_SHARE: f32 = 0.6;
/// Gaps of up to twice this many cells join two grey areas.
const BRIDGE: usize = 3;
/// Smallest mark area, square millimetres.
const MIN_AREA_MM2: f32 = 600.0;
/// Smallest extent of a mark's bounds (diagonal), millimetres.
const MIN_SPAN_MM: f32 = 80.0;
/// Cells closer than this share of the page to an edge are left out.
const EDGE_SHARE: f32 = 0.05;

/// The bounds of a large grey mark on the page, page pixels.
pub(crate) fn grey_mark(image: &RgbImage, grey: &Grey) -> Option<Quad> {
    let (w, h) = (grey.width, grey.height);
    if image.width() as usize != w || image.height() as usize != h {
        return None;
    }
    let mm = w as f32 / PAGE_WIDTH_MM;
    let cell = ((CELL_MM * mm).round() as usize).max(2);
    let (cw, ch) = (w / cell, h / cell);
    if cw < 10 || ch < 10 {
        return None;
    }
    // Bright tone of each cell.
    let mut bright = vec![0u8; cw * ch];
    for cy in 0..ch {
        for cx in 0..cw {
            let mut histogram = [0u32; 256];
            for y in cy * cell..(cy + 1) * cell {
                for x in cx * cell..(cx + 1) * cell {
                    histogram[grey.at(x, y) as usize] += 1;
                }
            }
            let target = (cell * cell) as u32 * 9 / 10;
            let mut seen = 0;
            for (level, &n) in histogram.iter().enumerate() {
                seen += n;
                if seen > target {
                    bright[cy * cw + cx] = level as u8;
                    break;
                }
            }
        }
    }
    // Grey cells.
    let r = PAPER_RADIUS;
    let margin = ((EDGE_SHARE * cw.min(ch) as f32) as usize).max(1);
    let mut is_grey = vec![false; cw * ch];
    for cy in margin..ch - margin {
        for cx in margin..cw - margin {
            let mut paper = 0u8;
            for ny in cy.saturating_sub(r)..(cy + r + 1).min(ch) {
                for nx in cx.saturating_sub(r)..(cx + r + 1).min(cw) {
                    paper = paper.max(bright[ny * cw + nx]);
                }
            }
            let (lo, hi) = (paper as i32 - GREY_RANGE.1, paper as i32 - GREY_RANGE.0);
            let mut count = 0usize;
            for y in cy * cell..(cy + 1) * cell {
                for x in cx * cell..(cx + 1) * cell {
                    let v = grey.at(x, y) as i32;
                    if v < lo || v > hi {
                        continue;
                    }
                    let p = image.get_pixel(x as u32, y as u32).0;
                    let spread = p.iter().max().unwrap_or(&0) - p.iter().min().unwrap_or(&0);
                    if spread <= NEUTRAL_SPREAD {
                        count += 1;
                    }
                }
            }
            is_grey[cy * cw + cx] = count as f32 >= GREY_SHARE * (cell * cell) as f32;
        }
    }
    largest_mark(&is_grey, cw, ch, cell, mm)
}

/// The bounds (page pixels) of the first set of grey cells, connected once
/// gaps up to [`BRIDGE`] cells are bridged (between letters, and where
/// printed text crosses the mark), large and wide enough to be a mark.
fn largest_mark(is_grey: &[bool], cw: usize, ch: usize, cell: usize, mm: f32) -> Option<Quad> {
    let cell_mm = cell as f32 / mm;
    // Grey cells dilated by BRIDGE cells.
    let mut near = vec![false; cw * ch];
    for y in 0..ch {
        for x in 0..cw {
            if !is_grey[y * cw + x] {
                continue;
            }
            for ny in y.saturating_sub(BRIDGE)..(y + BRIDGE + 1).min(ch) {
                for nx in x.saturating_sub(BRIDGE)..(x + BRIDGE + 1).min(cw) {
                    near[ny * cw + nx] = true;
                }
            }
        }
    }
    let mut seen = vec![false; cw * ch];
    let mut stack = Vec::new();
    for start in 0..cw * ch {
        if !is_grey[start] || seen[start] {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        let (mut n, mut b) = (0usize, [usize::MAX, usize::MAX, 0usize, 0usize]);
        while let Some(i) = stack.pop() {
            let (x, y) = (i % cw, i / cw);
            if is_grey[i] {
                n += 1;
                b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
            }
            for ny in y.saturating_sub(1)..(y + 2).min(ch) {
                for nx in x.saturating_sub(1)..(x + 2).min(cw) {
                    let j = ny * cw + nx;
                    if near[j] && !seen[j] {
                        seen[j] = true;
                        stack.push(j);
                    }
                }
            }
        }
        let area = n as f32 * cell_mm * cell_mm;
        let span = ((b[2] - b[0] + 1) as f32).hypot((b[3] - b[1] + 1) as f32) * cell_mm;
        if area >= MIN_AREA_MM2 && span >= MIN_SPAN_MM {
            log::debug!("grey mark: {area:.0} mm² over {span:.0} mm");
            let [x0, y0] = [(b[0] * cell) as f32, (b[1] * cell) as f32];
            let [x1, y1] = [((b[2] + 1) * cell) as f32, ((b[3] + 1) * cell) as f32];
            return Some([[x0, y0], [x1, y0], [x1, y1], [x0, y1]]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Rgb;

    /// An A4 page at 50 dpi-ish (420 px wide, 2 px per mm) with dark text
    /// lines, and optionally a thick grey diagonal band.
    fn page(band: bool) -> RgbImage {
        RgbImage::from_fn(420, 594, |x, y| {
            let text = y % 12 < 2 && x % 5 < 3 && (40..380).contains(&x);
            // A 20 mm thick diagonal band over the middle, in letter-like pieces.
            let d = (x as f32 - 60.0) * 0.6 + (y as f32 - 450.0) * 0.8;
            let along = (x as f32 - 60.0) * 0.8 - (y as f32 - 450.0) * 0.6;
            let in_band =
                band && d.abs() < 20.0 && (0.0..360.0).contains(&along) && along % 90.0 < 70.0;
            if text {
                Rgb([20, 20, 20])
            } else if in_band {
                Rgb([190, 190, 190])
            } else {
                Rgb([250, 250, 248])
            }
        })
    }

    #[test]
    fn a_thick_grey_band_is_a_mark_and_text_is_not() {
        let marked = page(true);
        let q = grey_mark(&marked, &Grey::from_rgb(&marked)).expect("mark");
        let (x0, y0, x1, y1) = ocr::quad::bounds(&q);
        assert!(x1 - x0 > 200.0 && y1 - y0 > 150.0, "{q:?}");
        let clean = page(false);
        assert_eq!(grey_mark(&clean, &Grey::from_rgb(&clean)), None);
    }

    #[test]
    fn a_coloured_area_is_no_mark() {
        let stamp = RgbImage::from_fn(420, 594, |x, y| {
            if (100..300).contains(&x) && (200..400).contains(&y) {
                Rgb([60, 90, 220])
            } else {
                Rgb([250, 250, 248])
            }
        });
        assert_eq!(grey_mark(&stamp, &Grey::from_rgb(&stamp)), None);
    }
}
