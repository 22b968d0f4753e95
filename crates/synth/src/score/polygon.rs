//! Areas and intersections of convex quadrilaterals (Sutherland–Hodgman
//! clipping). Written by hand: it is a few lines, and a geometry crate would
//! pull in far more than two functions.

use crate::truth::Quad;

/// Signed area (positive when the corners turn counter-clockwise in x-right,
/// y-up terms).
fn signed_area(points: &[[f32; 2]]) -> f32 {
    let n = points.len();
    (0..n)
        .map(|i| {
            let (a, b) = (points[i], points[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum::<f32>()
        / 2.0
}

/// Area of a quad in square pixels (either winding).
pub(crate) fn area(quad: &Quad) -> f32 {
    signed_area(quad).abs()
}

/// The quad's corners in positive winding.
fn positive(quad: &Quad) -> Vec<[f32; 2]> {
    let mut points = quad.to_vec();
    if signed_area(&points) < 0.0 {
        points.reverse();
    }
    points
}

/// Area of the intersection of two convex quads (either winding). Degenerate
/// or self-crossing quads give an approximate, never negative, result.
pub(crate) fn intersection_area(a: &Quad, b: &Quad) -> f32 {
    let clip = positive(b);
    let mut subject = positive(a);
    for i in 0..clip.len() {
        if subject.is_empty() {
            return 0.0;
        }
        let (e0, e1) = (clip[i], clip[(i + 1) % clip.len()]);
        let side =
            |p: [f32; 2]| (e1[0] - e0[0]) * (p[1] - e0[1]) - (e1[1] - e0[1]) * (p[0] - e0[0]);
        let input = std::mem::take(&mut subject);
        for j in 0..input.len() {
            let (p, q) = (input[j], input[(j + 1) % input.len()]);
            let (sp, sq) = (side(p), side(q));
            if sp >= 0.0 {
                subject.push(p);
            }
            if (sp >= 0.0) != (sq >= 0.0) {
                let t = sp / (sp - sq);
                subject.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
            }
        }
    }
    if subject.len() < 3 {
        return 0.0;
    }
    signed_area(&subject).abs()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> Quad {
        [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]
    }

    #[test]
    fn rectangles() {
        assert_eq!(area(&rect(0.0, 0.0, 4.0, 2.0)), 8.0);
        assert_eq!(
            intersection_area(&rect(0.0, 0.0, 4.0, 2.0), &rect(2.0, 1.0, 6.0, 5.0)),
            2.0
        );
        assert_eq!(
            intersection_area(&rect(0.0, 0.0, 1.0, 1.0), &rect(2.0, 2.0, 3.0, 3.0)),
            0.0
        );
        let mut reversed = rect(1.0, 0.0, 3.0, 2.0);
        reversed.reverse();
        assert_eq!(intersection_area(&rect(0.0, 0.0, 2.0, 2.0), &reversed), 2.0);
    }

    #[test]
    fn rotated_square_inside_square() {
        // A diamond with half-diagonal 1 centred in a 4 × 4 square: area 2.
        let diamond = [[2.0, 1.0], [3.0, 2.0], [2.0, 3.0], [1.0, 2.0]];
        let area_in = intersection_area(&diamond, &rect(0.0, 0.0, 4.0, 4.0));
        assert!((area_in - 2.0).abs() < 1e-5);
        // Cut in half by a rectangle covering x < 2.
        let half = intersection_area(&diamond, &rect(0.0, 0.0, 2.0, 4.0));
        assert!((half - 1.0).abs() < 1e-5);
    }
}
