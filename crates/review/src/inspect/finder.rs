//! A cheap search for QR finder patterns (the three nested squares, dark
//! light dark in widths 1:1:3:1:1 along any line through the centre), to
//! crop the places where a code may be when the whole-page decode misses it.
//!
//! Each row of a locally thresholded image is run-length coded; five runs
//! dark-light-dark-light-dark in the right proportions, confirmed by the same
//! proportions down the column through their centre, make a hit. Hits of the
//! same square on neighbouring rows are merged into a finder; finders of
//! similar module size at a plausible distance are grouped into a candidate
//! code, whose region (with a quiet-zone margin) is returned.

use super::grey::Grey;

/// Side of the square window of the local mean threshold, pixels.
const WINDOW: usize = 63;
/// A pixel is dark when it is this much below its local mean (grey levels).
const CONTRAST: i32 = 12;
/// Smallest module accepted, pixels.
const MIN_MODULE: f32 = 0.8;
/// At most this many finders are grouped (bounds the search for triples).
const MAX_FINDERS: usize = 120;

/// A place where a QR code may be, in the searched image's pixels.
#[allow(dead_code)]
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate {
    /// `[x0, y0, x1, y1]`: where to crop, with margin, not clamped.
    pub region: [f32; 4],
    /// Mean of the finders' centres.
    pub centre: [f32; 2],
    /// How many finders the candidate has (3 for now).
    pub finders: usize,
    /// Mean module size of its finders, pixels.
    pub module: f32,
}

/// One finder: merged hits.
#[derive(Clone, Debug)]
struct Finder {
    x: f32,
    y: f32,
    module: f32,
    hits: u32,
}

/// The candidate code regions of an image, the most complete first.
pub(crate) fn candidates(grey: &Grey) -> Vec<Candidate> {
    let dark = threshold(grey);
    let mut finders = find_finders(grey.width, grey.height, &dark);
    finders.retain(|f| f.hits >= 2);
    finders.sort_by_key(|f| std::cmp::Reverse(f.hits));
    finders.truncate(MAX_FINDERS);
    group(&finders)
}

/// Dark pixels: below the local mean by `CONTRAST`, or below half the page mean.
fn threshold(grey: &Grey) -> Vec<bool> {
    let (w, h) = (grey.width, grey.height);
    // Integral image with a zero first row and column.
    let mut integral = vec![0u64; (w + 1) * (h + 1)];
    for y in 0..h {
        let mut row = 0u64;
        for x in 0..w {
            row += grey.at(x, y) as u64;
            integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row;
        }
    }
    let total = integral[(w + 1) * (h + 1) - 1];
    let page_mean = (total / (w * h).max(1) as u64) as i32;
    let r = WINDOW / 2;
    let mut dark = vec![false; w * h];
    for y in 0..h {
        let (y0, y1) = (y.saturating_sub(r), (y + r + 1).min(h));
        for x in 0..w {
            let (x0, x1) = (x.saturating_sub(r), (x + r + 1).min(w));
            let sum = integral[y1 * (w + 1) + x1] + integral[y0 * (w + 1) + x0]
                - integral[y0 * (w + 1) + x1]
                - integral[y1 * (w + 1) + x0];
            let mean = (sum / ((x1 - x0) * (y1 - y0)) as u64) as i32;
            let v = grey.at(x, y) as i32;
            dark[y * w + x] = v < mean - CONTRAST || v < page_mean / 2;
        }
    }
    dark
}

/// Whether five run lengths are in proportion 1:1:3:1:1; the module size if so.
fn proportion(runs: [usize; 5]) -> Option<f32> {
    let total: usize = runs.iter().sum();
    let module = total as f32 / 7.0;
    if module < MIN_MODULE {
        return None;
    }
    // A one-module run may be off by 0.7 module, the core by 1.2 modules,
    // plus a pixel of rounding each.
    let ok = [1.0f32, 1.0, 3.0, 1.0, 1.0]
        .iter()
        .zip(runs)
        .all(|(&expected, run)| {
            let slack = if expected > 1.0 { 1.2 } else { 0.7 } * module + 1.0;
            (run as f32 - expected * module).abs() <= slack
        });
    ok.then_some(module)
}

/// Runs along the column `x` from `y`, up and down: the vertical pattern's
/// module size and centre, when it has the finder's proportions.
fn vertical(
    w: usize,
    h: usize,
    dark: &[bool],
    x: usize,
    y: usize,
    limit: usize,
) -> Option<(f32, f32)> {
    let at = |yy: usize| dark[yy * w + x];
    if !at(y) {
        return None;
    }
    // Up: dark core, light, dark.
    let mut up = [0usize; 3];
    let mut yy = y as isize;
    for (i, run) in up.iter_mut().enumerate() {
        let want_dark = i != 1;
        while yy >= 0 && at(yy as usize) == want_dark && *run <= limit {
            *run += 1;
            yy -= 1;
        }
    }
    let mut down = [0usize; 3];
    let mut yy = y + 1;
    for (i, run) in down.iter_mut().enumerate() {
        let want_dark = i != 1;
        while yy < h && at(yy) == want_dark && *run <= limit {
            *run += 1;
            yy += 1;
        }
    }
    let core = up[0] + down[0];
    let module = proportion([up[2], up[1], core, down[1], down[2]])?;
    let centre = y as f32 - up[0] as f32 + core as f32 / 2.0;
    Some((module, centre))
}

/// Row-by-row hits, merged into finders.
fn find_finders(w: usize, h: usize, dark: &[bool]) -> Vec<Finder> {
    let mut finders: Vec<Finder> = Vec::new();
    let mut runs: Vec<(usize, usize, bool)> = Vec::new(); // (start, length, dark)
    for y in 0..h {
        runs.clear();
        let row = &dark[y * w..(y + 1) * w];
        let mut start = 0;
        for x in 1..=w {
            if x == w || row[x] != row[start] {
                runs.push((start, x - start, row[start]));
                start = x;
            }
        }
        for window in runs.windows(5) {
            if !window[0].2 {
                continue;
            }
            let lengths = [
                window[0].1,
                window[1].1,
                window[2].1,
                window[3].1,
                window[4].1,
            ];
            let Some(module) = proportion(lengths) else {
                continue;
            };
            let cx = window[2].0 + window[2].1 / 2;
            let total: usize = lengths.iter().sum();
            let Some((vmodule, cy)) = vertical(w, h, dark, cx, y, total) else {
                continue;
            };
            if vmodule < module * 0.6 || vmodule > module * 1.6 {
                continue;
            }
            let x = window[2].0 as f32 + window[2].1 as f32 / 2.0;
            merge(&mut finders, x, cy, (module + vmodule) / 2.0);
        }
    }
    finders
}

/// Adds a hit to the finder it belongs to, or starts a new one.
fn merge(finders: &mut Vec<Finder>, x: f32, y: f32, module: f32) {
    for f in finders.iter_mut().rev().take(64) {
        if (f.x - x).abs() < 1.5 * f.module && (f.y - y).abs() < 1.5 * f.module {
            let n = f.hits as f32;
            f.x = (f.x * n + x) / (n + 1.0);
            f.y = (f.y * n + y) / (n + 1.0);
            f.module = (f.module * n + module) / (n + 1.0);
            f.hits += 1;
            return;
        }
    }
    finders.push(Finder {
        x,
        y,
        module,
        hits: 1,
    });
}

/// Finder triples that form a code's corner: a right angle at one finder,
/// two equal arms of 14 to 170 modules (versions 1 to 40, with slack), and
/// similar module sizes. Overlapping triples keep the first found (finders
/// are in decreasing hit count).
fn group(finders: &[Finder]) -> Vec<Candidate> {
    let n = finders.len();
    let mut out: Vec<Candidate> = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            if !similar(&finders[a], &finders[b]) {
                continue;
            }
            for c in b + 1..n {
                if !similar(&finders[a], &finders[c]) || !similar(&finders[b], &finders[c]) {
                    continue;
                }
                let Some(candidate) = corner(&finders[a], &finders[b], &finders[c]) else {
                    continue;
                };
                let overlaps = out.iter().any(|o| {
                    let (p, q) = (&o.region, &candidate.region);
                    p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3]
                });
                if !overlaps {
                    out.push(candidate);
                }
            }
        }
    }
    out
}

/// Module sizes within a factor 1.5 of each other.
fn similar(a: &Finder, b: &Finder) -> bool {
    let ratio = a.module / b.module;
    (0.67..=1.5).contains(&ratio)
}

/// The candidate code of three finders, when one of them is the right-angle
/// corner of the other two.
fn corner(a: &Finder, b: &Finder, c: &Finder) -> Option<Candidate> {
    let module = (a.module + b.module + c.module) / 3.0;
    for (p, q, r) in [(a, b, c), (b, a, c), (c, a, b)] {
        let (u, v) = ([q.x - p.x, q.y - p.y], [r.x - p.x, r.y - p.y]);
        let (lu, lv) = (u[0].hypot(u[1]), v[0].hypot(v[1]));
        if lu == 0.0 || lv == 0.0 || !(0.8..=1.25).contains(&(lu / lv)) {
            continue;
        }
        let arm = (lu + lv) / 2.0 / module;
        if !(12.0..=175.0).contains(&arm) {
            continue;
        }
        let cos = (u[0] * v[0] + u[1] * v[1]) / (lu * lv);
        if cos.abs() > 0.2 {
            continue;
        }
        // The fourth corner completes the square; the code's edge is 3.5
        // modules beyond each finder centre, then the quiet zone.
        let s = [q.x + r.x - p.x, q.y + r.y - p.y];
        let xs = [p.x, q.x, r.x, s[0]];
        let ys = [p.y, q.y, r.y, s[1]];
        let margin = 8.0 * module;
        let region = [
            xs.iter().copied().fold(f32::MAX, f32::min) - margin,
            ys.iter().copied().fold(f32::MAX, f32::min) - margin,
            xs.iter().copied().fold(f32::MIN, f32::max) + margin,
            ys.iter().copied().fold(f32::MIN, f32::max) + margin,
        ];
        let centre = [(q.x + r.x) / 2.0, (q.y + r.y) / 2.0];
        return Some(Candidate {
            region,
            centre,
            finders: 3,
            module,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proportion_accepts_finder_runs_only() {
        assert_eq!(proportion([4, 4, 12, 4, 4]), Some(4.0));
        assert!(proportion([4, 5, 11, 3, 5]).is_some());
        assert_eq!(proportion([4, 4, 4, 4, 4]), None);
        assert_eq!(proportion([1, 1, 1, 1, 1]), None);
    }

    #[test]
    fn a_drawn_code_corner_is_found() {
        // Three 7-module finders of 4 px modules, 20 modules apart, on white.
        let (w, h) = (200, 200);
        let mut data = vec![240u8; w * h];
        for (fx, fy) in [(20, 20), (100, 20), (20, 100)] {
            for my in 0..7 {
                for mx in 0..7 {
                    let ring = mx == 0 || my == 0 || mx == 6 || my == 6;
                    let core = (2..=4).contains(&mx) && (2..=4).contains(&my);
                    if ring || core {
                        for y in 0..4 {
                            for x in 0..4 {
                                data[(fy + my * 4 + y) * w + fx + mx * 4 + x] = 20;
                            }
                        }
                    }
                }
            }
        }
        let c = candidates(&Grey {
            width: w,
            height: h,
            data,
        });
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].finders, 3);
        assert!((c[0].centre[0] - 74.0).abs() < 2.0, "{c:?}");
    }
}
