//! A handwritten-looking signature. The pen path follows the classic model of
//! cursive writing: a steady drift to the right plus coupled horizontal and
//! vertical oscillations (one period per letter), whose vertical amplitude
//! changes per letter (small letters, ascenders, descenders, a tall capital)
//! and whose horizontal swing exceeds the drift so the strokes loop. The
//! stroke width follows a slowly varying pen pressure and tapers at both
//! ends; an underline flourish often follows.

use std::f32::consts::{PI, TAU};

use image::RgbImage;
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::ink::InkLayer;
use crate::layout::Units;
use crate::truth::Quad;

/// Signs inside the box `[x0, y0, x1, y1]` (strokes may overshoot a little);
/// returns the quad around the ink, if any was laid down.
pub(crate) fn sign(
    image: &mut RgbImage,
    units: Units,
    area: [f32; 4],
    rng: &mut ChaCha8Rng,
) -> Option<Quad> {
    let [x0, y0, x1, y1] = area;
    let (w, h) = (x1 - x0, y1 - y0);
    if !(w > 4.0 && h > 4.0) {
        return None;
    }
    let pad = units.mm(5.0);
    let mut layer = InkLayer::new(
        (x0 - pad) as i32,
        (y0 - pad) as i32,
        (w + 2.0 * pad) as u32,
        (h + 2.0 * pad) as u32,
    );

    // The name, word by word (the pen lifts between words).
    let pen = units.mm(rng.random_range(0.17..0.27));
    let phase = rng.random_range(0.0..TAU);
    for word in cursive(rng, area) {
        stroke(&mut layer, &word, pen, phase);
    }

    // An underline flourish.
    if rng.random_bool(0.6) {
        let y = y0 + h * rng.random_range(0.8..0.98);
        let flourish = [
            [x0 + w * rng.random_range(0.0..0.2), y + h * 0.1],
            [x0 + w * 0.4, y - h * 0.05],
            [x0 + w * 0.8, y + h * rng.random_range(-0.1..0.1)],
            [x1 + w * 0.05, y - h * rng.random_range(0.1..0.3)],
        ];
        stroke(&mut layer, &spline(&flourish), pen * 0.8, phase + 1.0);
    }

    // Ballpoint blue or black.
    let colour = if rng.random_bool(0.7) {
        [
            rng.random_range(15..40),
            rng.random_range(30..60),
            rng.random_range(110..160),
        ]
    } else {
        [30, 30, 38]
    };
    layer.multiply_onto(image, colour, 0.92);
    layer
        .inked_bounds()
        .map(|[a, b, c, d]| [[a, b], [c, b], [c, d], [a, d]])
}

/// Dense pen paths, one per word, written across `area`.
fn cursive(rng: &mut ChaCha8Rng, area: [f32; 4]) -> Vec<Vec<[f32; 2]>> {
    let [x0, y0, x1, y1] = area;
    let (w, h) = (x1 - x0, y1 - y0);
    let baseline = y0 + 0.72 * h;
    let slant = rng.random_range(0.15..0.45f32);

    // Letters per word; the drift per radian makes them fill the width.
    let words: Vec<usize> = (0..rng.random_range(1..=2))
        .map(|_| rng.random_range(5..11))
        .collect();
    let letters: usize = words.iter().sum();
    let gap_letters = 0.8 * (words.len() - 1) as f32;
    let drift = w / ((letters as f32 + gap_letters) * TAU);
    let swing = drift * rng.random_range(2.4..3.4);

    let mut paths = Vec::new();
    let mut start_x = x0;
    for count in words {
        // Height of each letter: a capital first, then mostly small letters.
        let heights: Vec<(f32, f32)> = (0..count)
            .map(|i| {
                let roll = rng.random_range(0.0..1.0f32);
                if i == 0 {
                    (rng.random_range(0.55..0.72) * h, 0.0)
                } else if roll < 0.18 {
                    (rng.random_range(0.4..0.55) * h, 0.0)
                } else if roll > 0.86 {
                    (0.2 * h, -rng.random_range(0.15..0.25) * h)
                } else {
                    (rng.random_range(0.18..0.3) * h, 0.0)
                }
            })
            .collect();
        let span = count as f32 * TAU;
        let steps = (span * (drift + swing + 0.7 * h) / 0.6).ceil() as usize;
        let shift = rng.random_range(0.35..0.65) * PI;

        // Sample the oscillation.
        let mut path = Vec::with_capacity(steps + 1);
        for k in 0..=steps {
            let t = span * k as f32 / steps as f32;
            let (height, drop) = letter_height(&heights, t / TAU);
            let up = height * 0.5 * (1.0 - (t + shift).cos()) - drop;
            let x = start_x + drift * t + swing * (1.0 - t.cos()) * 0.5 + slant * up;
            path.push([x, baseline - up]);
        }
        paths.push(path);
        start_x += (count as f32 + 0.8) * TAU * drift;
    }
    paths
}

/// Letter height and descender drop at letter position `u` (letters are
/// 1 apart), blended smoothly between neighbours.
pub(crate) fn letter_height(heights: &[(f32, f32)], u: f32) -> (f32, f32) {
    let last = heights.len().saturating_sub(1);
    let i = (u.floor().max(0.0) as usize).min(last);
    let j = (i + 1).min(last);
    let f = u - u.floor();
    let blend = 0.5 - 0.5 * (PI * f).cos();
    // Only the last quarter of a letter blends into the next one.
    let b = ((blend - 0.75) * 4.0).clamp(0.0, 1.0);
    let (a, c) = (heights[i], heights[j]);
    (a.0 + (c.0 - a.0) * b, a.1 + (c.1 - a.1) * b)
}

/// A dense Catmull-Rom spline through `points`.
pub(crate) fn spline(points: &[[f32; 2]]) -> Vec<[f32; 2]> {
    if points.len() < 2 {
        return points.to_vec();
    }
    let mut p = Vec::with_capacity(points.len() + 2);
    p.push(points[0]);
    p.extend_from_slice(points);
    p.push(points[points.len() - 1]);
    let mut out = Vec::new();
    for s in 0..points.len() - 1 {
        let (a, b, c, d) = (p[s], p[s + 1], p[s + 2], p[s + 3]);
        let chord = ((c[0] - b[0]).powi(2) + (c[1] - b[1]).powi(2)).sqrt();
        let steps = (chord * 1.6 / 0.5).ceil().max(2.0) as usize;
        out.extend((0..steps).map(|k| catmull_rom(a, b, c, d, k as f32 / steps as f32)));
    }
    out.push(points[points.len() - 1]);
    out
}

/// Point at `t` (0..1) on the Catmull-Rom segment from `b` to `c`.
fn catmull_rom(a: [f32; 2], b: [f32; 2], c: [f32; 2], d: [f32; 2], t: f32) -> [f32; 2] {
    let (t2, t3) = (t * t, t * t * t);
    let f = |i: usize| {
        0.5 * (2.0 * b[i]
            + (c[i] - a[i]) * t
            + (2.0 * a[i] - 5.0 * b[i] + 4.0 * c[i] - d[i]) * t2
            + (3.0 * b[i] - a[i] - 3.0 * c[i] + d[i]) * t3)
    };
    [f(0), f(1)]
}

/// Inks a dense path with round pen discs whose radius follows a smooth
/// pressure curve and tapers at both ends.
pub(crate) fn stroke(layer: &mut InkLayer, path: &[[f32; 2]], pen: f32, phase: f32) {
    let count = path.len();
    for (k, at) in path.iter().enumerate() {
        let progress = k as f32 / count.max(2) as f32;
        let pressure =
            0.65 + 0.35 * (phase + progress * 19.0).sin() * (phase * 0.7 + progress * 5.0).cos();
        let taper = (progress / 0.03)
            .min((1.0 - progress) / 0.05)
            .clamp(0.25, 1.0);
        disc(layer, *at, pen * pressure * taper);
    }
}

/// An anti-aliased filled disc.
fn disc(layer: &mut InkLayer, at: [f32; 2], radius: f32) {
    let radius = radius.max(0.4);
    for y in (at[1] - radius - 1.0).floor() as i32..=(at[1] + radius + 1.0).ceil() as i32 {
        for x in (at[0] - radius - 1.0).floor() as i32..=(at[0] + radius + 1.0).ceil() as i32 {
            let (dx, dy) = (x as f32 + 0.5 - at[0], y as f32 + 0.5 - at[1]);
            let d = (dx * dx + dy * dy).sqrt();
            layer.cover(x, y, radius + 0.5 - d);
        }
    }
}
