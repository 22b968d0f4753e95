//! The official stamp of a template: round or oval, the authority's name
//! around the ring, an emblem and a short text in the middle, in the
//! template's ink, pressed partly transparent and turned at random.

use std::f32::consts::{FRAC_PI_2, TAU};

use image::RgbImage;
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::glyph::{draw_run, Placement};
use super::ink::InkLayer;
use super::stamp::{centred_run, InkTexture};
use crate::fonts::{Face, Fonts};
use crate::layout::Units;
use crate::truth::Quad;

/// The stamp face: DejaVu Sans Bold has every glyph the stamps need.
const FACE: Face = Face::DejaVuSansBold;

/// What a stamp looks like.
#[derive(Clone, Debug)]
pub(crate) struct SealSpec {
    /// Centre, page pixels.
    pub centre: [f32; 2],
    /// Half width and half height in millimetres (equal for a round stamp).
    pub semi_axes_mm: [f32; 2],
    /// Ink colour, RGB.
    pub colour: [u8; 3],
    /// Text around the ring (upper case).
    pub ring: String,
    /// Short text under the emblem.
    pub centre_text: String,
    /// The emblem's character, e.g. `★`.
    pub emblem: char,
}

/// A point on the ellipse of semi-axes `(a, b)` at parameter `theta`, turned by `tilt`.
fn on_ellipse(c: [f32; 2], (a, b): (f32, f32), theta: f32, tilt: f32) -> [f32; 2] {
    let (x, y) = (a * theta.cos(), b * theta.sin());
    let (cos, sin) = (tilt.cos(), tilt.sin());
    [c[0] + x * cos - y * sin, c[1] + x * sin + y * cos]
}

/// Direction of the ellipse's tangent at `theta` (clockwise on the page), turned by `tilt`.
fn tangent(axes: (f32, f32), theta: f32, tilt: f32) -> f32 {
    let (a, b) = axes;
    (b * theta.cos()).atan2(-a * theta.sin()) + tilt
}

/// The parameter reached walking `distance` pixels clockwise from `theta`
/// (anticlockwise when negative).
fn walk(axes: (f32, f32), theta: f32, distance: f32) -> f32 {
    let (a, b) = axes;
    let step = 0.5 / a.max(b).max(1.0) * distance.signum();
    let (mut t, mut done) = (theta, 0.0);
    while done < distance.abs() {
        let speed = ((a * t.sin()).powi(2) + (b * t.cos()).powi(2)).sqrt();
        done += speed * step.abs();
        t += step;
    }
    t
}

/// Presses the stamp; returns the quad around its ink.
pub(crate) fn press(
    image: &mut RgbImage,
    fonts: &Fonts,
    units: Units,
    spec: &SealSpec,
    rng: &mut ChaCha8Rng,
) -> Quad {
    // Size, turn, a little offset from where it was aimed.
    let scale = rng.random_range(0.96..1.04f32);
    let (a, b) = (
        units.mm(spec.semi_axes_mm[0]) * scale,
        units.mm(spec.semi_axes_mm[1]) * scale,
    );
    let tilt = rng.random_range(-0.35..0.35f32);
    let c = [
        spec.centre[0] + units.mm(rng.random_range(-2.0..2.0)),
        spec.centre[1] + units.mm(rng.random_range(-2.0..2.0)),
    ];
    let reach = a.max(b) + 6.0;
    let mut layer = InkLayer::new(
        (c[0] - reach) as i32,
        (c[1] - reach) as i32,
        (2.0 * reach) as u32 + 2,
        (2.0 * reach) as u32 + 2,
    );

    // Rings: bold outer, thin inner.
    let band = units.mm(6.0);
    let rings = [
        ((a - units.mm(0.5), b - units.mm(0.5)), units.mm(0.9)),
        ((a - band, b - band), units.mm(0.35)),
    ];
    let (x0, y0, w, h) = layer.area();
    let (cos, sin) = (tilt.cos(), tilt.sin());
    for y in y0..y0 + h as i32 {
        for x in x0..x0 + w as i32 {
            let (dx, dy) = (x as f32 + 0.5 - c[0], y as f32 + 0.5 - c[1]);
            let (u, v) = (dx * cos + dy * sin, -dx * sin + dy * cos);
            let cover = rings
                .iter()
                .map(|((ra, rb), thick)| {
                    // Distance to the ellipse, approximated by scaling the radius.
                    let r = ((u / ra).powi(2) + (v / rb).powi(2)).sqrt();
                    let d = (r - 1.0) * (u.hypot(v) / r.max(1e-3));
                    (thick / 2.0 + 0.5 - d.abs()).clamp(0.0, 1.0)
                })
                .fold(0.0, f32::max);
            if cover > 0.0 {
                layer.cover(x, y, cover);
            }
        }
    }

    // Ring text, centred on the top.
    let inset = units.mm(1.3);
    let axes = (a - band + inset, b - band + inset);
    let perimeter = TAU * ((axes.0 * axes.0 + axes.1 * axes.1) / 2.0).sqrt();
    let span = 0.78 * perimeter;
    let mut em = units.mm(3.2);
    let mut line = spec.ring.clone();
    while fonts.advance(FACE, em, &line) < 0.45 * span {
        line = format!("{line} ★ {}", spec.ring);
    }
    let natural = fonts.advance(FACE, em, &line);
    if natural > span {
        em *= span / natural;
    }
    let natural = fonts.advance(FACE, em, &line);
    let count = line.chars().count().max(1) as f32;
    let tracking = ((span - natural) / count).min(0.5 * em);
    let used = natural + tracking * count;
    let mut theta = walk(axes, -FRAC_PI_2, -used / 2.0);
    let mut buffer = [0u8; 4];
    for ch in line.chars() {
        let glyph = ch.encode_utf8(&mut buffer);
        let advance = fonts.advance(FACE, em, glyph);
        let placement = Placement {
            origin: on_ellipse(c, axes, theta, tilt),
            em_px: em,
            angle: tangent(axes, theta, tilt),
        };
        draw_run(&mut layer, fonts, FACE, glyph, placement, 0.0);
        theta = walk(axes, theta, advance + tracking);
    }

    // Emblem and centre text.
    let at = |dx: f32, dy: f32| [c[0] + dx * cos - dy * sin, c[1] + dx * sin + dy * cos];
    let inner = (a - band).min(b - band);
    let emblem = spec.emblem.to_string();
    centred_run(
        &mut layer,
        fonts,
        at(0.0, -inner * 0.25),
        inner * 0.8,
        tilt,
        &emblem,
    );
    let centre_em = units
        .mm(3.0)
        .min(2.0 * (a - band) * 0.8 / (spec.centre_text.chars().count().max(1) as f32 * 0.72));
    centred_run(
        &mut layer,
        fonts,
        at(0.0, inner * 0.45),
        centre_em,
        tilt,
        &spec.centre_text,
    );

    // Uneven ink, pressed partly transparent.
    let texture = InkTexture::new(rng, c, a.max(b), units.mm(1.6));
    layer.modulate(|x, y| texture.density(x, y));
    layer.multiply_onto(image, spec.colour, rng.random_range(0.72..0.9));
    match layer.inked_bounds() {
        Some([x0, y0, x1, y1]) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]],
        None => [[c[0], c[1]]; 4],
    }
}
