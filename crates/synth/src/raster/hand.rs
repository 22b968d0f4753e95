//! A signatory's own hand: the shape of their signature (letters per word,
//! letter heights, slant, loop width, pen, ink) is fixed by their register
//! id, and each certificate they sign varies it a little, the way one
//! person's signatures resemble each other without being identical.

use std::f32::consts::{PI, TAU};

use image::RgbImage;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::ink::InkLayer;
use super::signature::{letter_height, spline, stroke};
use crate::layout::Units;
use crate::truth::Quad;

/// The fixed traits of one person's signature.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Hand {
    /// Letter heights and descender drops per word, as fractions of the box height.
    words: Vec<Vec<(f32, f32)>>,
    /// Forward slant (x per unit of height).
    slant: f32,
    /// Horizontal swing relative to the drift (loop width), 2.4..3.4.
    swing: f32,
    /// Phase of the oscillation, radians.
    shift: f32,
    /// Pen radius, millimetres.
    pen_mm: f32,
    /// Pressure phase.
    phase: f32,
    /// Underline flourish: start x, rise, end lift (fractions), if any.
    flourish: Option<[f32; 3]>,
    /// Ink colour.
    colour: [u8; 3],
}

/// A stable 64-bit hash of a text (FNV-1a), so a register id always gives the same hand.
pub(crate) fn text_seed(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl Hand {
    /// The hand of the person with this register id (or name).
    pub(crate) fn of(id: &str) -> Hand {
        let mut rng = ChaCha8Rng::seed_from_u64(text_seed(id));
        let words = (0..rng.random_range(1..=2))
            .map(|_| {
                (0..rng.random_range(5..11))
                    .map(|i| {
                        let roll = rng.random_range(0.0..1.0f32);
                        if i == 0 {
                            (rng.random_range(0.55..0.72), 0.0)
                        } else if roll < 0.18 {
                            (rng.random_range(0.4..0.55), 0.0)
                        } else if roll > 0.86 {
                            (0.2, -rng.random_range(0.15..0.25))
                        } else {
                            (rng.random_range(0.18..0.3), 0.0)
                        }
                    })
                    .collect()
            })
            .collect();
        let colour = if rng.random_bool(0.7) {
            [
                rng.random_range(15..40),
                rng.random_range(30..60),
                rng.random_range(110..160),
            ]
        } else {
            [30, 30, 38]
        };
        Hand {
            words,
            slant: rng.random_range(0.15..0.45),
            swing: rng.random_range(2.4..3.4),
            shift: rng.random_range(0.35..0.65) * PI,
            pen_mm: rng.random_range(0.17..0.27),
            phase: rng.random_range(0.0..TAU),
            flourish: rng.random_bool(0.6).then(|| {
                [
                    rng.random_range(0.0..0.2),
                    rng.random_range(0.8..0.98),
                    rng.random_range(0.1..0.3),
                ]
            }),
            colour,
        }
    }

    /// The same hand on another day: every trait varied by a few percent.
    fn varied(&self, rng: &mut ChaCha8Rng) -> Hand {
        let mut jitter = |v: f32, by: f32| v * rng.random_range(1.0 - by..1.0 + by);
        Hand {
            words: self
                .words
                .iter()
                .map(|w| w.iter().map(|&(h, d)| (jitter(h, 0.08), d)).collect())
                .collect(),
            slant: jitter(self.slant, 0.12),
            swing: jitter(self.swing, 0.05),
            shift: jitter(self.shift, 0.05),
            pen_mm: jitter(self.pen_mm, 0.08),
            phase: self.phase,
            flourish: self
                .flourish
                .map(|f| [f[0], jitter(f[1], 0.03), jitter(f[2], 0.15)]),
            colour: self.colour,
        }
    }
}

/// Signs in `hand` inside the box `[x0, y0, x1, y1]`; `rng` varies the hand
/// and its position (the same generator state gives the same pixels).
/// Returns the quad around the ink.
pub(crate) fn sign_as(
    image: &mut RgbImage,
    units: Units,
    area: [f32; 4],
    hand: &Hand,
    rng: &mut ChaCha8Rng,
) -> Option<Quad> {
    let hand = hand.varied(rng);
    let (dx, dy) = (
        units.mm(rng.random_range(-1.5..1.5)),
        units.mm(rng.random_range(-1.0..1.0)),
    );
    let [x0, y0, x1, y1] = [area[0] + dx, area[1] + dy, area[2] + dx, area[3] + dy];
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

    // The words, then the flourish.
    let pen = units.mm(hand.pen_mm);
    for path in cursive(&hand, [x0, y0, x1, y1]) {
        stroke(&mut layer, &path, pen, hand.phase);
    }
    if let Some([start, level, lift]) = hand.flourish {
        let y = y0 + h * level;
        let points = [
            [x0 + w * start, y + h * 0.1],
            [x0 + w * 0.4, y - h * 0.05],
            [x0 + w * 0.8, y],
            [x1 + w * 0.05, y - h * lift],
        ];
        stroke(&mut layer, &spline(&points), pen * 0.8, hand.phase + 1.0);
    }
    layer.multiply_onto(image, hand.colour, 0.92);
    layer
        .inked_bounds()
        .map(|[a, b, c, d]| [[a, b], [c, b], [c, d], [a, d]])
}

/// Pen paths, one per word, filling `area` in this hand.
fn cursive(hand: &Hand, area: [f32; 4]) -> Vec<Vec<[f32; 2]>> {
    let [x0, y0, x1, y1] = area;
    let (w, h) = (x1 - x0, y1 - y0);
    let baseline = y0 + 0.72 * h;
    let letters: usize = hand.words.iter().map(Vec::len).sum();
    let gaps = 0.8 * (hand.words.len().saturating_sub(1)) as f32;
    let drift = w / ((letters as f32 + gaps) * TAU);
    let swing = drift * hand.swing;

    let mut paths = Vec::new();
    let mut start_x = x0;
    for word in &hand.words {
        let heights: Vec<(f32, f32)> = word.iter().map(|&(a, d)| (a * h, d * h)).collect();
        let span = heights.len() as f32 * TAU;
        let steps = (span * (drift + swing + 0.7 * h) / 0.6).ceil() as usize;
        let mut path = Vec::with_capacity(steps + 1);
        for k in 0..=steps {
            let t = span * k as f32 / steps.max(1) as f32;
            let (height, drop) = letter_height(&heights, t / TAU);
            let up = height * 0.5 * (1.0 - (t + hand.shift).cos()) - drop;
            let x = start_x + drift * t + swing * (1.0 - t.cos()) * 0.5 + hand.slant * up;
            path.push([x, baseline - up]);
        }
        paths.push(path);
        start_x += (heights.len() as f32 + 0.8) * TAU * drift;
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hand_is_stable_and_varies_a_little() {
        let a = Hand::of("AU-DAFF-0007");
        assert_eq!(a, Hand::of("AU-DAFF-0007"));
        assert_ne!(a, Hand::of("AU-DAFF-0008"));
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        let v = a.varied(&mut rng);
        assert_eq!(v.words.len(), a.words.len());
        assert!((v.slant / a.slant - 1.0).abs() <= 0.12 + 1e-6);
    }
}
