//! Page geometry: whole-page rotation in quarter turns and residual skew,
//! estimated from the detected lines themselves.
//!
//! Certificate text runs in long horizontal lines, so the boxes tell the
//! orientation: mostly tall boxes mean the page lies on its side. Whether an
//! upright-looking page is upside down is decided by the recogniser (see the
//! engine), which reads inverted text with much lower confidence.

use image::imageops;
use image::RgbImage;

use crate::detect::DetectedLine;
use crate::quad::Quad;

/// Lines shorter than this many times their thickness say nothing about
/// direction (single characters, stamps, boxes).
const MIN_ELONGATION: f32 = 2.5;

/// Length (pixels) and direction (radians, -pi..=pi, 0 = left to right) of a
/// line's box, with its thickness in pixels.
pub fn direction(quad: &Quad) -> (f32, f32, f32) {
    let [p0, p1, _, p3] = *quad;
    let (dx, dy) = (p1[0] - p0[0], p1[1] - p0[1]);
    let thickness = (p3[0] - p0[0]).hypot(p3[1] - p0[1]);
    (dx.hypot(dy), dy.atan2(dx), thickness)
}

/// Whether the page's text runs vertically (the page lies at 90 or 270
/// degrees): more elongated line length is vertical than horizontal.
pub fn is_sideways(lines: &[DetectedLine]) -> bool {
    let (mut vertical, mut horizontal) = (0.0f32, 0.0f32);
    for line in lines {
        let (length, angle, thickness) = direction(&line.quad);
        if length < MIN_ELONGATION * thickness {
            // A short box: tall ones may be vertical lines of text.
            if thickness > MIN_ELONGATION * length {
                vertical += thickness;
            }
            continue;
        }
        if angle.sin().abs() > angle.cos().abs() {
            vertical += length;
        } else {
            horizontal += length;
        }
    }
    vertical > horizontal
}

/// The page's skew in degrees, positive when lines descend to the right
/// (turned clockwise): the length-weighted median direction of elongated
/// lines; 0 when there are none.
pub fn skew_degrees(lines: &[DetectedLine]) -> f32 {
    let mut angles: Vec<(f32, f32)> = lines
        .iter()
        .map(|l| direction(&l.quad))
        .filter(|(length, angle, thickness)| {
            *length >= MIN_ELONGATION * 2.0 * thickness && angle.cos() > 0.9
        })
        .map(|(length, angle, _)| (angle.to_degrees(), length))
        .collect();
    if angles.is_empty() {
        return 0.0;
    }
    angles.sort_by(|a, b| a.0.total_cmp(&b.0));
    let half = angles.iter().map(|a| a.1).sum::<f32>() / 2.0;
    let mut seen = 0.0;
    for (angle, weight) in &angles {
        seen += weight;
        if seen >= half {
            return *angle;
        }
    }
    angles[angles.len() - 1].0
}

/// `image` turned clockwise by `quarters` quarter turns (0..=3).
pub fn rotate(image: &RgbImage, quarters: u32) -> RgbImage {
    match quarters % 4 {
        1 => imageops::rotate90(image),
        2 => imageops::rotate180(image),
        3 => imageops::rotate270(image),
        _ => image.clone(),
    }
}

/// Maps a point of an image turned clockwise by `quarters` back to the image
/// before turning, whose size was `width` x `height` pixels.
pub fn unrotate_point(x: f32, y: f32, quarters: u32, width: u32, height: u32) -> (f32, f32) {
    let (w, h) = (width as f32, height as f32);
    match quarters % 4 {
        // Turned once: a point (x, y) came from (y, h - x).
        1 => (y, h - x),
        2 => (w - x, h - y),
        3 => (w - y, x),
        _ => (x, y),
    }
}

/// The quad as seen from the other side: corners start at the opposite
/// corner, so that reading it goes the other way (upside-down text).
pub fn flip_quad(quad: &Quad) -> Quad {
    [quad[2], quad[3], quad[0], quad[1]]
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Rgb;

    fn line(quad: Quad) -> DetectedLine {
        DetectedLine { quad, score: 0.9 }
    }

    #[test]
    fn sideways_pages_are_told_by_their_tall_boxes() {
        let across = line([[0.0, 0.0], [200.0, 0.0], [200.0, 20.0], [0.0, 20.0]]);
        let down = line([[20.0, 0.0], [20.0, 200.0], [0.0, 200.0], [0.0, 0.0]]);
        assert!(!is_sideways(&[across, across, down]));
        assert!(is_sideways(&[down, down, across]));
    }

    #[test]
    fn skew_is_the_weighted_median_angle() {
        let at = |deg: f32, len: f32| {
            let (s, c) = deg.to_radians().sin_cos();
            line([
                [0.0, 0.0],
                [c * len, s * len],
                [c * len - s * 10.0, s * len + c * 10.0],
                [-s * 10.0, c * 10.0],
            ])
        };
        let lines = [
            at(2.0, 400.0),
            at(2.1, 500.0),
            at(-10.0, 60.0),
            at(1.9, 300.0),
        ];
        assert!(
            (skew_degrees(&lines) - 2.0).abs() < 0.05,
            "{}",
            skew_degrees(&lines)
        );
        assert_eq!(skew_degrees(&[]), 0.0);
    }

    #[test]
    fn unrotate_undoes_rotate_for_every_quarter() {
        let image = RgbImage::from_fn(5, 3, |x, y| Rgb([x as u8, y as u8, 0]));
        for quarters in 0..4 {
            let turned = rotate(&image, quarters);
            for (x, y, px) in turned.enumerate_pixels() {
                // Pixel centres map to pixel centres.
                let (ox, oy) = unrotate_point(x as f32 + 0.5, y as f32 + 0.5, quarters, 5, 3);
                let (ox, oy) = ((ox - 0.5).round() as u32, (oy - 0.5).round() as u32);
                assert_eq!(px.0[..2], [ox as u8, oy as u8], "quarters {quarters}");
            }
        }
    }
}
