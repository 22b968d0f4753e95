//! The mapping from template millimetres to page pixels, and its robust fit.
//!
//! A scan is the printed form scaled (any resolution), shifted (paper fed
//! a few millimetres off), slightly rotated (skew up to a few degrees, or a
//! quarter turn that the OCR reported in the page's decoded frame). A
//! similarity transform (scale, rotation, offset) covers all of these.

use ocr::quad::Quad;
use serde::{Deserialize, Serialize};

/// Template millimetres to page pixels: `page = scale · R(angle) · mm + offset`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Transform {
    /// Pixels per millimetre (3.9 at 100 dpi, 7.9 at 200 dpi, 11.8 at 300 dpi).
    pub scale: f32,
    /// Rotation of the page content in radians, positive clockwise on the
    /// page (y down), e.g. 0.035 for a 2-degree skew.
    pub angle: f32,
    /// Page pixel position of the template's origin (its top-left corner), x.
    pub offset_x: f32,
    /// Page pixel position of the template's origin, y.
    pub offset_y: f32,
}

impl Transform {
    /// `scale·cos(angle)` and `scale·sin(angle)`.
    fn ab(&self) -> (f32, f32) {
        (self.scale * self.angle.cos(), self.scale * self.angle.sin())
    }

    /// Page pixels of a template point in millimetres.
    pub fn to_page(&self, x_mm: f32, y_mm: f32) -> (f32, f32) {
        let (a, b) = self.ab();
        (
            a * x_mm - b * y_mm + self.offset_x,
            b * x_mm + a * y_mm + self.offset_y,
        )
    }

    /// Template millimetres of a page point in pixels.
    pub fn to_template(&self, x_px: f32, y_px: f32) -> (f32, f32) {
        let (a, b) = self.ab();
        let (u, v) = (x_px - self.offset_x, y_px - self.offset_y);
        let det = a * a + b * b;
        if det <= f32::EPSILON {
            return (0.0, 0.0);
        }
        ((a * u + b * v) / det, (-b * u + a * v) / det)
    }

    /// A quad in page pixels as a quad in template millimetres.
    pub fn quad_to_template(&self, quad: &Quad) -> Quad {
        quad.map(|[x, y]| {
            let (u, v) = self.to_template(x, y);
            [u, v]
        })
    }

    /// The page-pixel quad of a template rectangle (left, top, right, bottom in mm),
    /// clockwise from its top-left corner.
    pub fn rect_to_page(&self, left: f32, top: f32, right: f32, bottom: f32) -> Quad {
        [(left, top), (right, top), (right, bottom), (left, bottom)].map(|(x, y)| {
            let (u, v) = self.to_page(x, y);
            [u, v]
        })
    }

    /// A transform without rotation mapping a `width_mm`-wide template onto
    /// a page `width_px` wide: the guess when nothing on the page matched.
    pub fn fit_width(width_mm: f32, width_px: f32) -> Transform {
        Transform {
            scale: width_px / width_mm.max(1.0),
            angle: 0.0,
            offset_x: 0.0,
            offset_y: 0.0,
        }
    }
}

/// A template point and the page point that appears to correspond to it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pair {
    /// Template point, millimetres.
    pub mm: (f32, f32),
    /// Page point, pixels.
    pub px: (f32, f32),
    /// How much the pair counts, > 0.
    pub weight: f32,
    /// Which expected text it comes from: at most one pair per key counts.
    pub key: usize,
}

/// Plausible scales: 1.5 px/mm (40 dpi) to 30 px/mm (760 dpi).
const SCALE_RANGE: std::ops::RangeInclusive<f32> = 1.5..=30.0;

/// Largest tilt away from a quarter turn, radians (6 degrees).
const MAX_TILT: f32 = 0.105;

/// The transform most pairs agree with, within `tolerance_mm`, and the
/// indices of the pairs that agree (at most one per key). Hypotheses come
/// from two pairs at least 15 mm apart; the best (by summed weight of the
/// agreeing pairs) is refined by weighted least squares. `None` with fewer
/// than two agreeing keys.
pub fn fit(pairs: &[Pair], tolerance_mm: f32) -> Option<(Transform, Vec<usize>)> {
    // Seed hypotheses from the heaviest pairs only: enough to find the truth.
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    order.sort_by(|&i, &j| pairs[j].weight.total_cmp(&pairs[i].weight));
    order.truncate(48);

    let mut best: Option<(f32, Transform)> = None;
    for (n, &i) in order.iter().enumerate() {
        for &j in &order[n + 1..] {
            let (p, q) = (&pairs[i], &pairs[j]);
            if p.key == q.key {
                continue;
            }
            let Some(t) = from_two(p, q) else { continue };
            let (score, _) = agreeing(pairs, &t, tolerance_mm);
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, t));
            }
        }
    }
    let (_, mut t) = best?;

    // Refine twice: least squares on the agreeing pairs, then agree again.
    let mut inliers = agreeing(pairs, &t, tolerance_mm).1;
    for _ in 0..2 {
        if let Some(refined) = least_squares(pairs, &inliers) {
            if plausible(&refined) {
                t = refined;
            }
        }
        inliers = agreeing(pairs, &t, tolerance_mm).1;
    }
    (inliers.len() >= 2).then_some((t, inliers))
}

/// The exact similarity mapping `p` and `q`, if they are far enough apart
/// and the result is a plausible scan.
fn from_two(p: &Pair, q: &Pair) -> Option<Transform> {
    let (dxm, dym) = (q.mm.0 - p.mm.0, q.mm.1 - p.mm.1);
    let (dxp, dyp) = (q.px.0 - p.px.0, q.px.1 - p.px.1);
    let len_mm = (dxm * dxm + dym * dym).sqrt();
    if len_mm < 15.0 {
        return None;
    }
    let len_px = (dxp * dxp + dyp * dyp).sqrt();
    let scale = len_px / len_mm;
    let angle = dyp.atan2(dxp) - dym.atan2(dxm);
    let t = with_offset(scale, angle, p);
    plausible(&t).then_some(t)
}

/// The transform of `scale` and `angle` that maps the pair's points onto each other.
fn with_offset(scale: f32, angle: f32, p: &Pair) -> Transform {
    let mut t = Transform {
        scale,
        angle: wrap_angle(angle),
        offset_x: 0.0,
        offset_y: 0.0,
    };
    let (x, y) = t.to_page(p.mm.0, p.mm.1);
    t.offset_x = p.px.0 - x;
    t.offset_y = p.px.1 - y;
    t
}

/// A transform through one pair, with a known scale and angle (from another
/// page of the same document, or the page's size).
pub fn through_one(scale: f32, angle: f32, p: &Pair) -> Transform {
    with_offset(scale, angle, p)
}

/// `angle` in (-π, π].
fn wrap_angle(angle: f32) -> f32 {
    let tau = std::f32::consts::TAU;
    let mut a = angle % tau;
    if a > std::f32::consts::PI {
        a -= tau;
    } else if a <= -std::f32::consts::PI {
        a += tau;
    }
    a
}

/// Scale in range and rotation within a few degrees of a quarter turn.
fn plausible(t: &Transform) -> bool {
    let quarter = std::f32::consts::FRAC_PI_2;
    let tilt = (t.angle - (t.angle / quarter).round() * quarter).abs();
    SCALE_RANGE.contains(&t.scale) && tilt <= MAX_TILT
}

/// Summed weight of the pairs `t` maps within `tolerance_mm`, best pair per
/// key, and their indices.
fn agreeing(pairs: &[Pair], t: &Transform, tolerance_mm: f32) -> (f32, Vec<usize>) {
    let limit = tolerance_mm * t.scale;
    let mut per_key: std::collections::HashMap<usize, (usize, f32)> =
        std::collections::HashMap::new();
    for (i, p) in pairs.iter().enumerate() {
        let (x, y) = t.to_page(p.mm.0, p.mm.1);
        let d = ((x - p.px.0).powi(2) + (y - p.px.1).powi(2)).sqrt();
        if d <= limit {
            // Closer pairs win ties of weight.
            let merit = p.weight * (1.0 - 0.5 * d / limit);
            let entry = per_key.entry(p.key).or_insert((i, f32::MIN));
            if merit > entry.1 {
                *entry = (i, merit);
            }
        }
    }
    let mut indices: Vec<usize> = per_key.values().map(|(i, _)| *i).collect();
    indices.sort_unstable();
    let score = indices.iter().map(|&i| pairs[i].weight).sum();
    (score, indices)
}

/// Weighted least-squares similarity through the chosen pairs.
fn least_squares(pairs: &[Pair], chosen: &[usize]) -> Option<Transform> {
    if chosen.len() < 2 {
        return None;
    }
    let total: f32 = chosen.iter().map(|&i| pairs[i].weight).sum();
    let mean = |f: &dyn Fn(&Pair) -> f32| {
        chosen
            .iter()
            .map(|&i| pairs[i].weight * f(&pairs[i]))
            .sum::<f32>()
            / total
    };
    let (mx, my) = (mean(&|p| p.mm.0), mean(&|p| p.mm.1));
    let (px, py) = (mean(&|p| p.px.0), mean(&|p| p.px.1));
    let (mut sxx, mut sa, mut sb) = (0.0f32, 0.0f32, 0.0f32);
    for &i in chosen {
        let p = &pairs[i];
        let (u, v) = (p.mm.0 - mx, p.mm.1 - my);
        let (x, y) = (p.px.0 - px, p.px.1 - py);
        sxx += p.weight * (u * u + v * v);
        sa += p.weight * (u * x + v * y);
        sb += p.weight * (u * y - v * x);
    }
    if sxx <= f32::EPSILON {
        return None;
    }
    let (a, b) = (sa / sxx, sb / sxx);
    let t = Transform {
        scale: (a * a + b * b).sqrt(),
        angle: b.atan2(a),
        offset_x: px - (a * mx - b * my),
        offset_y: py - (b * mx + a * my),
    };
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(t: &Transform, mm: (f32, f32), key: usize) -> Pair {
        Pair {
            mm,
            px: t.to_page(mm.0, mm.1),
            weight: 1.0,
            key,
        }
    }

    #[test]
    fn round_trip() {
        let t = Transform {
            scale: 7.87,
            angle: 0.035,
            offset_x: 40.0,
            offset_y: -12.0,
        };
        let (x, y) = t.to_page(100.0, 200.0);
        let (u, v) = t.to_template(x, y);
        assert!((u - 100.0).abs() < 1e-3 && (v - 200.0).abs() < 1e-3);
    }

    #[test]
    fn fit_ignores_outliers() {
        let truth = Transform {
            scale: 11.81,
            angle: -0.03,
            offset_x: 80.0,
            offset_y: 55.0,
        };
        let mut pairs: Vec<Pair> = [
            (12.0, 12.0),
            (120.0, 20.0),
            (30.0, 150.0),
            (150.0, 260.0),
            (60.0, 90.0),
        ]
        .iter()
        .enumerate()
        .map(|(k, &mm)| pair(&truth, mm, k))
        .collect();
        // Two wrong matches: far from where the truth puts them.
        pairs.push(Pair {
            mm: (50.0, 50.0),
            px: (1500.0, 200.0),
            weight: 1.0,
            key: 9,
        });
        pairs.push(Pair {
            mm: (12.0, 12.0),
            px: (900.0, 2000.0),
            weight: 1.0,
            key: 0,
        });
        let (t, inliers) = fit(&pairs, 3.0).expect("a fit");
        assert_eq!(inliers, vec![0, 1, 2, 3, 4]);
        assert!((t.scale - truth.scale).abs() < 1e-3, "{t:?}");
        assert!((t.angle - truth.angle).abs() < 1e-4, "{t:?}");
        assert!((t.offset_x - truth.offset_x).abs() < 0.1, "{t:?}");
    }

    #[test]
    fn quarter_turns_are_plausible_but_tilts_are_not() {
        let mk = |angle: f32| Transform {
            scale: 8.0,
            angle,
            offset_x: 0.0,
            offset_y: 0.0,
        };
        assert!(plausible(&mk(std::f32::consts::FRAC_PI_2 + 0.02)));
        assert!(!plausible(&mk(0.5)));
    }
}
