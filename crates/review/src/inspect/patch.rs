//! Correction fluid or a sticker under a value: a rectangle around the
//! value's box that is flat white, brighter than the paper around it, and
//! ends in a step on all four sides.
//!
//! The paper's level is the median of a ring 0.8 to 2 box heights outside
//! the value; ink (darker than that by 4 noise widths, at least 10 levels)
//! is left out of every measure. The commonest grey level of the value's
//! box must be brighter than the paper's by [`MIN_STEP`], and the box flat:
//! most of its pixels nearer that level than the paper's lie within the
//! paper's noise of it. The commonest level, not the mean, is compared: the
//! glyphs' halos (blur, low resolution, JPEG) pull a mean down to the
//! paper's and leave the patch's own white where it was. Each pixel is
//! first averaged with its neighbours, and only pixels with no ink among
//! them count: JPEG ringing swings pixels next to every glyph past full
//! white and down into the ink range, and would otherwise make full white
//! the commonest level of a genuine value's box on a strongly compressed
//! page.
//! Walking out from each side of the box, the brightness must fall back to
//! the ring's within 0.8 box heights: the patch's edge. A bright area that
//! goes on (a white table cell on tinted paper) is no patch.

use ocr::quad::Quad;

use super::grey::Grey;

/// Smallest step between the commonest grey level of a value's box and the
/// paper's, grey levels. Fluid (full white) on the generator's scanned
/// paper (241) measures 14 on clean, blurred, rotated and low-resolution
/// pages, 10 to 15 after JPEG of quality 8 to 25 and 11 to 12 on
/// photographs (26 patches); genuine values measure 0, or within the
/// paper's noise on photographs (1,575 values of 120 certificates, and
/// every value of the 23 stored as JPEG or photographed among them, once
/// ringing is averaged out). A patch only 2 levels over near-white paper
/// still counts.
pub(crate) const MIN_STEP: f32 = 1.5;
/// Smallest share of the box's pixels nearer its commonest level than the
/// paper's that lie within the paper's noise (at least one level) of that
/// level. Patches measured 0.70 to 1.00, and 0.52 to 0.78 after JPEG, where
/// the retyped glyphs' ringing spreads the levels (26 patches of every
/// degradation but fax); the bound guards against a bright but uneven box
/// that no genuine value has reached since ringing is averaged out.
const MIN_FLATNESS: f32 = 0.45;
/// The step must also exceed this many noise widths of the paper.
const NOISE_STEPS: f32 = 1.0;
/// The patch edge lies within this many box heights of the value's box.
const EDGE_REACH: f32 = 0.8;
/// The ring of paper reaches this many box heights out.
const RING_REACH: f32 = 2.0;
/// Smallest value box height that is examined, pixels.
const MIN_HEIGHT: f32 = 6.0;

/// Whether a field is one whose value is worth altering and short enough to
/// patch: dates, numbers, weights, counts and codes.
pub(crate) fn watched(name: &str) -> bool {
    let column = name.rsplit('.').next().unwrap_or(name);
    [
        "date",
        "number",
        "weight",
        "packages",
        "hs_code",
        "containers",
        "seals",
    ]
    .iter()
    .any(|key| column.contains(key))
}

/// Statistics of the paper around a box.
struct Paper {
    /// Median of the ring: the paper's commonest grey level.
    level: f32,
    /// Pixels below this are ink.
    ink_below: f32,
    /// Robust standard deviation of the ring.
    noise: f32,
}

/// The patch around the value at `quad` (page pixels), if there is one.
pub(crate) fn white_patch(grey: &Grey, quad: &Quad) -> Option<Quad> {
    let (bx0, by0, bx1, by1) = ocr::quad::bounds(quad);
    let h = by1 - by0;
    if h < MIN_HEIGHT || bx1 <= bx0 {
        return None;
    }
    let (w, ht) = (grey.width as f32, grey.height as f32);
    let b = [bx0.max(0.0), by0.max(0.0), bx1.min(w), by1.min(ht)];
    if b[2] - b[0] < 2.0 || b[3] - b[1] < 2.0 {
        return None;
    }
    let paper = paper_around(grey, b, h)?;
    let histogram = non_ink_histogram(grey, quad, b, paper.ink_below);
    let box_level = commonest(&histogram)?;
    let step = box_level - paper.level;

    // Correction fluid and stickers are flat: the box's pixels nearer its
    // commonest level than the paper's stay within the paper's noise of it.
    // JPEG ringing around glyphs also brightens a box, but unevenly.
    let flat = flatness(
        &histogram,
        box_level,
        paper.level + step / 2.0,
        paper.noise.max(1.0),
    );
    log::trace!(
        "box [{bx0:.0}, {by0:.0}, {bx1:.0}, {by1:.0}]: {step:.1} levels over paper {:.1} \
         (noise {:.1}), flatness {flat:.2}",
        paper.level,
        paper.noise
    );
    if step < MIN_STEP || step < NOISE_STEPS * paper.noise || flat < MIN_FLATNESS {
        return None;
    }

    // Walk out from each side while the brightness stays above halfway.
    let mid = paper.level + step / 2.0;
    let reach = (EDGE_REACH * h).ceil() as i32;
    let left = edge(grey, &paper, mid, reach, |d| {
        [
            b[0] - d as f32 - 1.0,
            b[1] + 0.2 * h,
            b[0] - d as f32,
            b[3] - 0.2 * h,
        ]
    })?;
    let right = edge(grey, &paper, mid, reach, |d| {
        [
            b[2] + d as f32,
            b[1] + 0.2 * h,
            b[2] + d as f32 + 1.0,
            b[3] - 0.2 * h,
        ]
    })?;
    let top = edge(grey, &paper, mid, reach, |d| {
        [b[0], b[1] - d as f32 - 1.0, b[2], b[1] - d as f32]
    })?;
    let bottom = edge(grey, &paper, mid, reach, |d| {
        [b[0], b[3] + d as f32, b[2], b[3] + d as f32 + 1.0]
    })?;
    // The patch may end at the value's own box: on a photographed page the
    // OCR took a patch's border for the edge of the retyped line.
    log::debug!(
        "bright area around [{bx0:.0}, {by0:.0}, {bx1:.0}, {by1:.0}]: {step:.1} levels over paper {:.1}, \
         reaching {left}, {top}, {right}, {bottom} px past the box",
        paper.level
    );
    let r = [b[0] - left, b[1] - top, b[2] + right, b[3] + bottom];
    Some([[r[0], r[1]], [r[2], r[1]], [r[2], r[3]], [r[0], r[3]]])
}

/// How far (pixels) from the box side the bright area ends: the first strip
/// `strip(d)` whose non-ink mean is at or below `mid`; `None` when it does
/// not end within `reach` or runs off the page.
fn edge(
    grey: &Grey,
    paper: &Paper,
    mid: f32,
    reach: i32,
    strip: impl Fn(i32) -> [f32; 4],
) -> Option<f32> {
    for d in 0..=reach {
        let r = strip(d);
        if r[0] < 0.0 || r[1] < 0.0 || r[2] > grey.width as f32 || r[3] > grey.height as f32 {
            return None;
        }
        match mean_above(grey, r, paper.ink_below, 1) {
            Some(m) if m <= mid => return Some(d as f32),
            _ => {}
        }
    }
    None
}

/// The paper tone and noise in the ring between 0.8 and 2 box heights
/// around box `b`.
fn paper_around(grey: &Grey, b: [f32; 4], h: f32) -> Option<Paper> {
    let (inner, outer) = (EDGE_REACH * h, RING_REACH * h);
    let o = [
        (b[0] - outer).max(0.0),
        (b[1] - outer).max(0.0),
        (b[2] + outer).min(grey.width as f32),
        (b[3] + outer).min(grey.height as f32),
    ];
    let i = [b[0] - inner, b[1] - inner, b[2] + inner, b[3] + inner];
    let step = ((h / 16.0) as usize).max(1);
    let mut sample = Vec::new();
    for y in (o[1] as usize..o[3] as usize).step_by(step) {
        for x in (o[0] as usize..o[2] as usize).step_by(step) {
            let (fx, fy) = (x as f32, y as f32);
            if fx >= i[0] && fx < i[2] && fy >= i[1] && fy < i[3] {
                continue;
            }
            sample.push(grey.at(x, y));
        }
    }
    if sample.len() < 50 {
        return None;
    }
    sample.sort_unstable();
    let median = sample[sample.len() / 2] as f32;
    let mut deviations: Vec<f32> = sample.iter().map(|&v| (v as f32 - median).abs()).collect();
    deviations.sort_by(f32::total_cmp);
    let noise = 1.4826 * deviations[deviations.len() / 2];
    let ink_below = median - (4.0 * noise).max(10.0);
    Some(Paper {
        level: median,
        ink_below,
        noise,
    })
}

/// How many pixels of `quad` (within its bounds `r`) have each grey level
/// once averaged with their eight neighbours, counting only pixels whose
/// whole 3×3 neighbourhood is lighter than `ink_below`. The quad, not its
/// bounds: the bounds of a tilted box take in paper at its corners. The
/// average keeps a flat area's level and pulls JPEG ringing (pixels
/// swinging around the paper's level, clipped at full white, next to every
/// glyph) back towards the paper.
fn non_ink_histogram(grey: &Grey, quad: &Quad, r: [f32; 4], ink_below: f32) -> [u32; 256] {
    let mut histogram = [0u32; 256];
    let (x0, y0) = ((r[0] as usize).max(1), (r[1] as usize).max(1));
    let x1 = (r[2] as usize).min(grey.width.saturating_sub(1));
    let y1 = (r[3] as usize).min(grey.height.saturating_sub(1));
    for y in y0..y1 {
        for x in x0..x1 {
            if !inside(quad, [x as f32 + 0.5, y as f32 + 0.5]) {
                continue;
            }
            let mut sum = 0u32;
            let mut inked = false;
            for (dx, dy) in (0..3).flat_map(|dy| (0..3).map(move |dx| (dx, dy))) {
                let p = grey.at(x + dx - 1, y + dy - 1);
                inked |= (p as f32) < ink_below;
                sum += p as u32;
            }
            if !inked {
                histogram[((sum + 4) / 9) as usize] += 1;
            }
        }
    }
    histogram
}

/// Whether point `p` lies inside the convex `quad` (corners in order, either
/// way round) or on its edge.
fn inside(quad: &Quad, p: [f32; 2]) -> bool {
    let side =
        |a: [f32; 2], b: [f32; 2]| (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    let sides = [0, 1, 2, 3].map(|i| side(quad[i], quad[(i + 1) % 4]));
    sides.iter().all(|&s| s >= 0.0) || sides.iter().all(|&s| s <= 0.0)
}

/// The commonest grey level of a histogram, each level counted with half
/// of its two neighbours (noise spreads a flat area over neighbouring
/// levels); `None` for an empty histogram.
fn commonest(histogram: &[u32; 256]) -> Option<f32> {
    let weight =
        |v: usize| 2 * histogram[v] + histogram[v.saturating_sub(1)] + histogram[(v + 1).min(255)];
    (0..256)
        .filter(|&v| histogram[v] > 0)
        .max_by_key(|&v| (weight(v), v))
        .map(|v| v as f32)
}

/// Fraction 0.0..=1.0 of a histogram's pixels at or above `floor` that
/// lie within `spread` levels of `level`; 0.0 when none is at or above
/// `floor`.
fn flatness(histogram: &[u32; 256], level: f32, floor: f32, spread: f32) -> f32 {
    let (mut near, mut total) = (0u32, 0u32);
    for (v, &n) in histogram.iter().enumerate() {
        let v = v as f32;
        if v < floor {
            continue;
        }
        total += n;
        if (v - level).abs() <= spread {
            near += n;
        }
    }
    if total == 0 {
        return 0.0;
    }
    near as f32 / total as f32
}

/// Mean of the pixels of `[x0, y0, x1, y1]` at or above `ink_below`; `None`
/// when fewer than a quarter of them are (mostly ink) or the area is empty.
fn mean_above(grey: &Grey, r: [f32; 4], ink_below: f32, step: usize) -> Option<f32> {
    let x0 = r[0].max(0.0) as usize;
    let y0 = r[1].max(0.0) as usize;
    let x1 = (r[2].max(0.0) as usize).min(grey.width);
    let y1 = (r[3].max(0.0) as usize).min(grey.height);
    let (mut sum, mut kept, mut total) = (0u64, 0u64, 0u64);
    for y in (y0..y1).step_by(step) {
        for x in (x0..x1).step_by(step) {
            total += 1;
            let v = grey.at(x, y);
            if v as f32 >= ink_below {
                sum += v as u64;
                kept += 1;
            }
        }
    }
    (total > 0 && kept * 4 >= total).then(|| sum as f32 / kept as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paper of tone 248 with ±2 noise, a dark value box at (100..200,
    /// 100..120), and a patch of level 254.
    fn page(patch: Option<[usize; 4]>) -> Grey {
        page_with(patch, 254, 0, 0)
    }

    /// Paper of tone 248 with ±2 noise, a dark value box at (100..200,
    /// 100..120), and a patch of level `white` whose columns
    /// `x % 100 < halo` are at `halo_level` instead (JPEG ringing, blurred
    /// glyph edges).
    fn page_with(patch: Option<[usize; 4]>, white: i32, halo: usize, halo_level: i32) -> Grey {
        let (w, h) = (400, 300);
        let mut data = Vec::with_capacity(w * h);
        for y in 0..h {
            for x in 0..w {
                let noise = ((x * 7919 + y * 104_729) % 5) as i32 - 2;
                let mut v = 248 + noise;
                if let Some([x0, y0, x1, y1]) = patch {
                    if x >= x0 && x < x1 && y >= y0 && y < y1 {
                        v = if x % 100 < halo { halo_level } else { white };
                    }
                }
                // Strokes of the value every 6 px.
                if (100..200).contains(&x) && (103..117).contains(&y) && x % 6 < 2 {
                    v = 30;
                }
                data.push(v as u8);
            }
        }
        Grey {
            width: w,
            height: h,
            data,
        }
    }

    const VALUE: Quad = [
        [100.0, 100.0],
        [200.0, 100.0],
        [200.0, 120.0],
        [100.0, 120.0],
    ];

    #[test]
    fn patch_is_found_with_its_edges() {
        let q = white_patch(&page(Some([94, 95, 208, 126])), &VALUE).expect("patch");
        assert_eq!(q[0], [94.0, 95.0]);
        assert_eq!(q[2], [208.0, 126.0]);
        // A patch that ends at the value's box, level (a photographed page
        // whose OCR box took in the patch's border) or tilted.
        let q = white_patch(&page(Some([100, 100, 200, 120])), &VALUE).expect("patch");
        assert_eq!((q[0], q[2]), ([100.0, 100.0], [200.0, 120.0]));
        let tilted: Quad = [
            [100.0, 100.0],
            [200.0, 98.0],
            [200.0, 120.0],
            [100.0, 122.0],
        ];
        assert!(white_patch(&page(Some([99, 97, 201, 123])), &tilted).is_some());
    }

    #[test]
    fn a_patch_on_a_jpeg_page_is_flat_enough() {
        // Fluid at 255 over paper at 248, with 45% of the patch's columns
        // spread to 252 by ringing: 0.55 of the pixels nearer the fluid's
        // level than the paper's are within the noise of it (patches on JPEG
        // pages measure 0.52 and more).
        let patch = Some([94, 95, 208, 126]);
        assert!(white_patch(&page_with(patch, 255, 45, 252), &VALUE).is_some());
        // Halos darker than halfway to the paper do not count against it.
        assert!(white_patch(&page_with(patch, 255, 50, 249), &VALUE).is_some());
    }

    #[test]
    fn jpeg_ringing_around_glyphs_is_no_patch() {
        // Around the strokes, JPEG ringing swings pixels past full white
        // (clipped at 255) and down into the ink range, reaching 3 px past
        // the box as a patch's edge would. Left out as ink, the dark swings
        // leave a flat full white; no neighbourhood of three by three is
        // free of them, so none is taken for the box's level.
        let mut grey = page(None);
        for y in 97..123 {
            for x in 97..203 {
                if grey.at(x, y) > 200 {
                    let dark = x % 3 == 0 && y % 3 == 0;
                    grey.data[y * grey.width + x] = if dark { 200 } else { 255 };
                }
            }
        }
        assert_eq!(white_patch(&grey, &VALUE), None);
    }

    #[test]
    fn a_patch_two_levels_over_the_paper_is_found_through_glyph_halos() {
        // The generator's fluid is 2 levels over the paper; a quarter of the
        // box is halo darker than the paper, so the box's mean is only 1.25
        // over it, while its commonest level is still the fluid's.
        let patch = Some([94, 95, 208, 126]);
        let q = white_patch(&page_with(patch, 250, 25, 247), &VALUE).expect("patch");
        assert_eq!(q[0], [94.0, 95.0]);
        // One level over the paper is within its noise: no patch.
        assert_eq!(white_patch(&page_with(patch, 249, 0, 0), &VALUE), None);
    }

    #[test]
    fn plain_paper_and_endless_white_are_no_patch() {
        assert_eq!(white_patch(&page(None), &VALUE), None);
        assert_eq!(white_patch(&page(Some([0, 0, 400, 300])), &VALUE), None);
        // Bright on the left only up to the page edge region: no closed edge.
        assert_eq!(white_patch(&page(Some([0, 95, 208, 126])), &VALUE), None);
    }

    #[test]
    fn watched_fields_are_short_values() {
        assert!(watched("issue_date"));
        assert!(watched("items[2].net_weight"));
        assert!(watched("certificate_number"));
        assert!(!watched("consignee"));
        assert!(!watched("description"));
    }
}
