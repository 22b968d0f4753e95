//! DB post-processing: from the detector's probability map to rotated line
//! boxes.
//!
//! Differentiable-binarisation detectors output, per pixel, the probability
//! that it lies inside a shrunk text region. A line is a connected region of
//! the thresholded map; its minimum-area rectangle, kept when the mean
//! probability inside is high enough, is grown back ("unclipped") by the
//! distance the training shrank it. Regions are rectangles here, not general
//! polygons: certificate text is set in straight lines, and a rectangle is
//! what the recogniser crops.

use image::{GrayImage, Luma};
use imageproc::contours::{find_contours, BorderType};
use imageproc::geometry::min_area_rect;
use imageproc::point::Point;

use crate::quad::Quad;

/// Parameters of the post-processing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DbParams {
    /// Pixels with probability above this are text (0.0..1.0; 0.2 is usual).
    pub threshold: f32,
    /// Mean probability a box must reach to be kept (0.0..1.0).
    pub box_threshold: f32,
    /// How far to grow each box: distance = area * ratio / perimeter.
    pub unclip_ratio: f32,
    /// Boxes whose short side is below this, in map pixels, are dropped.
    pub min_size: f32,
    /// At most this many regions are examined.
    pub max_candidates: usize,
}

impl Default for DbParams {
    fn default() -> Self {
        Self {
            threshold: 0.2,
            box_threshold: 0.45,
            unclip_ratio: 1.6,
            min_size: 3.0,
            max_candidates: 3000,
        }
    }
}

/// A detected line box in map pixels, with its mean probability.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapBox {
    /// Corners clockwise from the top-left of the text direction.
    pub quad: Quad,
    /// Mean probability inside the unexpanded box, 0.0..=1.0.
    pub score: f32,
}

/// Finds line boxes in a probability map.
///
/// `prob` is row-major with shape (`stride_h`, `stride_w`); only its top-left
/// `width` x `height` part is examined (the rest is canvas padding).
pub fn boxes(
    prob: &[f32],
    stride_w: usize,
    width: usize,
    height: usize,
    params: &DbParams,
) -> Vec<MapBox> {
    // Threshold the valid part of the map.
    let bitmap = GrayImage::from_fn(width as u32, height as u32, |x, y| {
        let p = prob[y as usize * stride_w + x as usize];
        Luma([if p > params.threshold { 255 } else { 0 }])
    });

    // One outer contour per text region.
    let contours = find_contours::<i32>(&bitmap);
    let mut found = Vec::new();
    for contour in contours
        .iter()
        .filter(|c| c.border_type == BorderType::Outer && c.points.len() >= 4)
        .take(params.max_candidates)
    {
        // Fit the tightest rotated rectangle around the region's pixels.
        let points: Vec<Point<f32>> = contour
            .points
            .iter()
            .map(|p| Point::new(p.x as f32, p.y as f32))
            .collect();
        let Some(rect) = Rect::fit(&points) else {
            continue;
        };
        if rect.half_len.min(rect.half_thick) * 2.0 < params.min_size {
            continue;
        }

        // Keep it only if the detector is confident inside it.
        let score = mean_inside(prob, stride_w, width, height, &rect);
        if score < params.box_threshold {
            continue;
        }

        // Grow it back by the shrink distance used in training.
        let grown = rect.unclip(params.unclip_ratio);
        if grown.half_len.min(grown.half_thick) * 2.0 < params.min_size + 2.0 {
            continue;
        }
        found.push(MapBox {
            quad: grown.quad(),
            score,
        });
    }
    found
}

/// A rotated rectangle: centre, unit axis along the text, half extents.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Rect {
    centre: [f32; 2],
    /// Unit vector along the long side, with a non-negative x component.
    axis: [f32; 2],
    half_len: f32,
    half_thick: f32,
}

impl Rect {
    /// The minimum-area rectangle covering the pixel centres `points`, widened
    /// by half a pixel on every side so it covers the pixels themselves.
    fn fit(points: &[Point<f32>]) -> Option<Rect> {
        if points.is_empty() {
            return None;
        }
        let c = min_area_rect(points);
        let e1 = [c[1].x - c[0].x, c[1].y - c[0].y];
        let e2 = [c[3].x - c[0].x, c[3].y - c[0].y];
        let (l1, l2) = (e1[0].hypot(e1[1]), e2[0].hypot(e2[1]));
        let centre = [
            (c[0].x + c[1].x + c[2].x + c[3].x) / 4.0,
            (c[0].y + c[1].y + c[2].y + c[3].y) / 4.0,
        ];

        // The long side gives the text direction; a degenerate rectangle (a
        // line of pixels) is a horizontal one-pixel line.
        let (long, long_len, short_len) = if l1 >= l2 { (e1, l1, l2) } else { (e2, l2, l1) };
        let mut axis = if long_len > 0.0 {
            [long[0] / long_len, long[1] / long_len]
        } else {
            [1.0, 0.0]
        };
        if axis[0] < 0.0 || (axis[0] == 0.0 && axis[1] < 0.0) {
            axis = [-axis[0], -axis[1]];
        }
        Some(Rect {
            centre,
            axis,
            half_len: long_len / 2.0 + 0.5,
            half_thick: short_len / 2.0 + 0.5,
        })
    }

    /// The rectangle grown on every side by `area * ratio / perimeter`.
    fn unclip(&self, ratio: f32) -> Rect {
        let (w, h) = (self.half_len * 2.0, self.half_thick * 2.0);
        let distance = w * h * ratio / (2.0 * (w + h));
        Rect {
            half_len: self.half_len + distance,
            half_thick: self.half_thick + distance,
            ..*self
        }
    }

    /// Corners clockwise (image coordinates, y down) from the top-left.
    fn quad(&self) -> Quad {
        let [cx, cy] = self.centre;
        let [ux, uy] = self.axis;
        // The normal, pointing down the text.
        let (vx, vy) = (-uy, ux);
        let (a, b) = (self.half_len, self.half_thick);
        [
            [cx - a * ux - b * vx, cy - a * uy - b * vy],
            [cx + a * ux - b * vx, cy + a * uy - b * vy],
            [cx + a * ux + b * vx, cy + a * uy + b * vy],
            [cx - a * ux + b * vx, cy - a * uy + b * vy],
        ]
    }

    /// Whether the point lies inside the rectangle.
    fn contains(&self, x: f32, y: f32) -> bool {
        let (dx, dy) = (x - self.centre[0], y - self.centre[1]);
        let along = dx * self.axis[0] + dy * self.axis[1];
        let across = -dx * self.axis[1] + dy * self.axis[0];
        along.abs() <= self.half_len && across.abs() <= self.half_thick
    }
}

/// Mean probability of the map pixels inside `rect`.
fn mean_inside(prob: &[f32], stride_w: usize, width: usize, height: usize, rect: &Rect) -> f32 {
    let q = rect.quad();
    let (x0, y0, x1, y1) = crate::quad::bounds(&q);
    let clamp = |v: f32, hi: usize| (v.max(0.0) as usize).min(hi.saturating_sub(1));
    let (x0, x1) = (clamp(x0.floor(), width), clamp(x1.ceil(), width));
    let (y0, y1) = (clamp(y0.floor(), height), clamp(y1.ceil(), height));

    let (mut sum, mut count) = (0.0f32, 0usize);
    for y in y0..=y1 {
        for x in x0..=x1 {
            if rect.contains(x as f32, y as f32) {
                sum += prob[y * stride_w + x];
                count += 1;
            }
        }
    }
    if count == 0 {
        0.0
    } else {
        sum / count as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A map of `w` x `h` with rectangles of probability 0.9 painted on it.
    fn map_with(w: usize, h: usize, rects: &[(usize, usize, usize, usize)]) -> Vec<f32> {
        let mut prob = vec![0.01f32; w * h];
        for &(x0, y0, x1, y1) in rects {
            for y in y0..y1 {
                for x in x0..x1 {
                    prob[y * w + x] = 0.9;
                }
            }
        }
        prob
    }

    #[test]
    fn two_lines_give_two_boxes_grown_by_the_unclip_distance() {
        let prob = map_with(200, 100, &[(10, 10, 110, 20), (10, 50, 60, 58)]);
        let params = DbParams::default();
        let mut found = boxes(&prob, 200, 200, 100, &params);
        found.sort_by(|a, b| a.quad[0][1].total_cmp(&b.quad[0][1]));
        assert_eq!(found.len(), 2);

        // First region: 100 x 10 pixels; distance = 1000 * 1.6 / 220 = 7.27.
        let q = found[0].quad;
        let d = 100.0 * 10.0 * 1.6 / 220.0;
        assert!((q[0][0] - (10.0 - d)).abs() < 0.6, "{q:?}");
        assert!((q[2][0] - (110.0 + d)).abs() < 0.6, "{q:?}");
        assert!((q[0][1] - (10.0 - d)).abs() < 0.6, "{q:?}");
        assert!((q[2][1] - (20.0 + d)).abs() < 0.6, "{q:?}");
        assert!((found[0].score - 0.9).abs() < 1e-4);
    }

    #[test]
    fn faint_and_tiny_regions_are_dropped() {
        let mut prob = map_with(100, 100, &[(5, 5, 7, 7)]);
        for y in 50..60 {
            for x in 10..80 {
                prob[y * 100 + x] = 0.3;
            }
        }
        assert!(boxes(&prob, 100, 100, 100, &DbParams::default()).is_empty());
    }

    #[test]
    fn a_skewed_line_keeps_its_angle_and_corner_order() {
        // A 3 degree line, 120 long and 8 thick.
        let (w, h) = (200usize, 120usize);
        let angle = 3f32.to_radians();
        let mut prob = vec![0.0f32; w * h];
        for y in 0..h {
            for x in 0..w {
                let (dx, dy) = (x as f32 - 100.0, y as f32 - 60.0);
                let along = dx * angle.cos() + dy * angle.sin();
                let across = -dx * angle.sin() + dy * angle.cos();
                if along.abs() < 60.0 && across.abs() < 4.0 {
                    prob[y * w + x] = 0.95;
                }
            }
        }
        let found = boxes(&prob, w, w, h, &DbParams::default());
        assert_eq!(found.len(), 1);
        let q = found[0].quad;
        let measured = (q[1][1] - q[0][1]).atan2(q[1][0] - q[0][0]).to_degrees();
        assert!((measured - 3.0).abs() < 0.6, "angle {measured}");
        // Clockwise from top-left: top-right is to the right, bottom-left below.
        assert!(q[1][0] > q[0][0] && q[3][1] > q[0][1]);
    }

    #[test]
    fn only_the_valid_part_of_a_padded_map_is_read() {
        // The line sits in the padding (x >= 100) and must be ignored.
        let prob = map_with(200, 50, &[(120, 10, 190, 20)]);
        assert!(boxes(&prob, 200, 100, 50, &DbParams::default()).is_empty());
    }
}
