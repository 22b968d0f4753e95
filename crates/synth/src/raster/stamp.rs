//! The round official stamp: two rings, the authority's name around the ring,
//! a star and a short text in the middle; pressed slightly turned, with
//! uneven ink, multiplied over whatever is printed underneath.

use std::f32::consts::{FRAC_PI_2, TAU};

use image::RgbImage;
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::glyph::{draw_run, Placement};
use super::ink::InkLayer;
use crate::fonts::{Face, Fonts};
use crate::layout::Units;
use crate::truth::Quad;

/// The stamp face: every glyph it needs is in DejaVu Sans Bold.
const FACE: Face = Face::DejaVuSansBold;

/// What the stamp says.
pub(crate) struct StampText<'a> {
    /// Text around the ring (upper case).
    pub ring: &'a str,
    /// Short text under the star.
    pub centre: &'a str,
}

/// Presses a stamp centred near `centre` (kept on the page) and returns the
/// square it covers.
pub(crate) fn press(
    image: &mut RgbImage,
    fonts: &Fonts,
    units: Units,
    centre: [f32; 2],
    text: &StampText<'_>,
    rng: &mut ChaCha8Rng,
) -> Quad {
    // Size, turn and position.
    let radius = units.mm(rng.random_range(16.0..20.5));
    let tilt = rng.random_range(-0.22..0.22f32);
    let (width, height) = (image.width() as f32, image.height() as f32);
    let margin = radius + units.mm(2.0);
    let c = [
        centre[0].clamp(margin, (width - margin).max(margin)),
        centre[1].clamp(margin, (height - margin).max(margin)),
    ];
    let size = (2.0 * radius).ceil() as u32 + 8;
    let mut layer = InkLayer::new(
        (c[0] - radius) as i32 - 4,
        (c[1] - radius) as i32 - 4,
        size,
        size,
    );

    // Rings: a bold outer one, a thin inner one and sometimes a dotted-looking third.
    let inner = radius - units.mm(6.0);
    let mut rings = vec![
        (radius - units.mm(0.5), units.mm(0.9)),
        (inner, units.mm(0.35)),
    ];
    if rng.random_bool(0.5) {
        rings.push((radius - units.mm(1.4), units.mm(0.2)));
    }
    draw_rings(&mut layer, c, &rings);

    // Ring text along the upper arc, a star at the bottom.
    ring_text(
        &mut layer,
        fonts,
        units,
        c,
        inner + units.mm(1.3),
        tilt,
        text.ring,
    );

    // Star and centre text, turned with the stamp.
    let (cos, sin) = (tilt.cos(), tilt.sin());
    let at = |dx: f32, dy: f32| [c[0] + dx * cos - dy * sin, c[1] + dx * sin + dy * cos];
    let star_em = units.mm(9.0);
    centred_run(
        &mut layer,
        fonts,
        at(0.0, -units.mm(2.2)),
        star_em,
        tilt,
        "★",
    );
    let centre_em = units
        .mm(3.6)
        .min(2.0 * inner * 0.8 / (text.centre.chars().count().max(1) as f32 * 0.75));
    centred_run(
        &mut layer,
        fonts,
        at(0.0, units.mm(5.6)),
        centre_em,
        tilt,
        text.centre,
    );

    // Uneven ink: blotchy density, paper grain and a pressure gradient.
    let texture = InkTexture::new(rng, c, radius, units.mm(1.6));
    layer.modulate(|x, y| texture.density(x, y));

    // Red or blue ink, multiplied over the page.
    let colour = if rng.random_bool(0.6) {
        [
            rng.random_range(180..215),
            rng.random_range(20..45),
            rng.random_range(35..60),
        ]
    } else {
        [
            rng.random_range(25..50),
            rng.random_range(50..80),
            rng.random_range(140..180),
        ]
    };
    layer.multiply_onto(image, colour, rng.random_range(0.85..0.95));
    let (x0, y0, x1, y1) = (c[0] - radius, c[1] - radius, c[0] + radius, c[1] + radius);
    [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]
}

/// Anti-aliased circles `(radius, thickness)` around `c`.
fn draw_rings(layer: &mut InkLayer, c: [f32; 2], rings: &[(f32, f32)]) {
    let (x0, y0, w, h) = layer.area();
    for y in y0..y0 + h as i32 {
        for x in x0..x0 + w as i32 {
            let (dx, dy) = (x as f32 + 0.5 - c[0], y as f32 + 0.5 - c[1]);
            let d = (dx * dx + dy * dy).sqrt();
            let cover = rings
                .iter()
                .map(|(r, t)| (t / 2.0 + 0.5 - (d - r).abs()).clamp(0.0, 1.0))
                .fold(0.0, f32::max);
            if cover > 0.0 {
                layer.cover(x, y, cover);
            }
        }
    }
}

/// Sets `text` clockwise along the circle of `baseline_radius`, centred on the
/// top (turned by `tilt`), letters standing outwards; repeats short texts and
/// spreads the letters to fill most of the ring, with a star at the bottom.
fn ring_text(
    layer: &mut InkLayer,
    fonts: &Fonts,
    units: Units,
    c: [f32; 2],
    baseline_radius: f32,
    tilt: f32,
    text: &str,
) {
    // Fit the text into 80 % of the circle, shrinking or spreading it.
    let span = 0.8 * TAU * baseline_radius;
    let mut em = units.mm(3.4);
    let mut line = text.to_string();
    while fonts.advance(FACE, em, &line) < 0.45 * span {
        line = format!("{line} ★ {text}");
    }
    let natural = fonts.advance(FACE, em, &line);
    if natural > span {
        em *= span / natural;
    }
    let natural = fonts.advance(FACE, em, &line);
    let count = line.chars().count().max(1) as f32;
    let tracking = ((span - natural) / count).min(0.5 * em);
    let used = natural + tracking * count;

    // Walk the pen along the arc, one glyph at a time.
    let mut phi = -FRAC_PI_2 + tilt - used / baseline_radius / 2.0;
    let mut buffer = [0u8; 4];
    for ch in line.chars() {
        let glyph = ch.encode_utf8(&mut buffer);
        let advance = fonts.advance(FACE, em, glyph);
        let origin = [
            c[0] + baseline_radius * phi.cos(),
            c[1] + baseline_radius * phi.sin(),
        ];
        let placement = Placement {
            origin,
            em_px: em,
            angle: phi + FRAC_PI_2,
        };
        draw_run(layer, fonts, FACE, glyph, placement, 0.0);
        phi += (advance + tracking) / baseline_radius;
    }

    // The star closing the ring at the bottom.
    let bottom = FRAC_PI_2 + tilt;
    let at = [
        c[0] + (baseline_radius + 0.3 * em) * bottom.cos(),
        c[1] + (baseline_radius + 0.3 * em) * bottom.sin(),
    ];
    centred_run(layer, fonts, at, em, tilt, "★");
}

/// Draws `text` with its visual centre (half advance, half cap height) at `at`.
pub(crate) fn centred_run(
    layer: &mut InkLayer,
    fonts: &Fonts,
    at: [f32; 2],
    em: f32,
    angle: f32,
    text: &str,
) {
    let width = fonts.advance(FACE, em, text);
    let half_cap = 0.36 * em;
    let (cos, sin) = (angle.cos(), angle.sin());
    let origin = [
        at[0] - width / 2.0 * cos - half_cap * sin,
        at[1] - width / 2.0 * sin + half_cap * cos,
    ];
    let placement = Placement {
        origin,
        em_px: em,
        angle,
    };
    draw_run(layer, fonts, FACE, text, placement, 0.0);
}

/// Ink density over the stamp: coarse blotches on a grid, per-pixel grain and
/// more ink on the side the stamp was pressed harder.
pub(crate) struct InkTexture {
    grid: Vec<f32>,
    columns: usize,
    cell: f32,
    origin: [f32; 2],
    grain_seed: u64,
    pressure: [f32; 2],
    centre: [f32; 2],
    radius: f32,
}

impl InkTexture {
    /// Blotches on a grid of `cell` pixels over a stamp of `radius` around `centre`.
    pub(crate) fn new(
        rng: &mut ChaCha8Rng,
        centre: [f32; 2],
        radius: f32,
        cell: f32,
    ) -> InkTexture {
        let cell = cell.max(1.0);
        let columns = (2.0 * radius / cell).ceil() as usize + 3;
        let grid = (0..columns * columns)
            .map(|_| rng.random_range(0.5..1.0f32))
            .collect();
        let angle = rng.random_range(0.0..TAU);
        InkTexture {
            grid,
            columns,
            cell,
            origin: [centre[0] - radius - cell, centre[1] - radius - cell],
            grain_seed: rng.random(),
            pressure: [angle.cos(), angle.sin()],
            centre,
            radius,
        }
    }

    /// Density factor 0..=1 at page pixel `(x, y)`.
    pub(crate) fn density(&self, x: i32, y: i32) -> f32 {
        // Bilinear blotches.
        let gx = ((x as f32 - self.origin[0]) / self.cell).clamp(0.0, (self.columns - 2) as f32);
        let gy = ((y as f32 - self.origin[1]) / self.cell).clamp(0.0, (self.columns - 2) as f32);
        let (ix, iy) = (gx as usize, gy as usize);
        let (fx, fy) = (gx - ix as f32, gy - iy as f32);
        let g = |i: usize, j: usize| self.grid[j * self.columns + i];
        let blotch = g(ix, iy) * (1.0 - fx) * (1.0 - fy)
            + g(ix + 1, iy) * fx * (1.0 - fy)
            + g(ix, iy + 1) * (1.0 - fx) * fy
            + g(ix + 1, iy + 1) * fx * fy;
        let blotch = ((blotch - 0.45) * 2.2).clamp(0.2, 1.0);

        // Grain from a hash of the pixel position.
        let grain = 0.85 + 0.15 * hash01(self.grain_seed, x, y);

        // Pressure across the stamp.
        let along = ((x as f32 - self.centre[0]) * self.pressure[0]
            + (y as f32 - self.centre[1]) * self.pressure[1])
            / self.radius;
        let pressure = 0.9 + 0.1 * along.clamp(-1.0, 1.0);
        blotch * grain * pressure
    }
}

/// A deterministic pseudo-random value in 0..1 for a pixel (SplitMix64 of the
/// position), cheaper than a generator call per pixel.
pub(crate) fn hash01(seed: u64, x: i32, y: i32) -> f32 {
    let mut z = seed ^ ((x as u64) << 32 | (y as u32 as u64));
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 40) as f32 / (1u64 << 24) as f32
}
