//! Draws text runs as glyph outlines under an affine transform, so the same
//! code sets upright lines and the rotated letters of a stamp's ring.

use ab_glyph::{
    point, Font, Glyph, Outline, OutlineCurve, OutlinedGlyph, Point, PxScale, PxScaleFactor, Rect,
};

use super::ink::InkLayer;
use crate::fonts::{units_per_em, Face, Fonts};

/// Where and how a run is set: pen start on the baseline, size, direction.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Placement {
    /// Pen start on the baseline, page pixels.
    pub origin: [f32; 2],
    /// Pixels per em.
    pub em_px: f32,
    /// Baseline direction in radians, clockwise on the page (0 = left to right).
    pub angle: f32,
}

/// Draws `text` in `face` into `layer`; `embolden` (in ems, ~0.03) thickens
/// strokes by drawing the run again shifted. Returns the advance in pixels.
pub(crate) fn draw_run(
    layer: &mut InkLayer,
    fonts: &Fonts,
    face: Face,
    text: &str,
    placement: Placement,
    embolden: f32,
) -> f32 {
    let offsets: &[f32] = if embolden > 0.0 {
        &[0.0, 0.5, 1.0]
    } else {
        &[0.0]
    };
    let mut advance = 0.0;
    for step in offsets {
        let shift = step * embolden * placement.em_px;
        let (cos, sin) = (placement.angle.cos(), placement.angle.sin());
        let shifted = Placement {
            origin: [
                placement.origin[0] + shift * cos,
                placement.origin[1] + shift * sin,
            ],
            ..placement
        };
        advance = draw_once(layer, fonts, face, text, shifted);
    }
    advance
}

/// One pass of `draw_run`.
fn draw_once(
    layer: &mut InkLayer,
    fonts: &Fonts,
    face: Face,
    text: &str,
    placement: Placement,
) -> f32 {
    let font = fonts.font(face);
    let scale = placement.em_px / units_per_em(font);
    let (cos, sin) = (placement.angle.cos(), placement.angle.sin());
    let mut pen = 0.0;
    let mut previous = None;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(prev) = previous {
            pen += font.kern_unscaled(prev, id) * scale;
        }
        previous = Some(id);

        // Font units (y up) → page pixels (y down) for this glyph.
        let ox = placement.origin[0] + pen * cos;
        let oy = placement.origin[1] + pen * sin;
        let to_page = |p: &Point| {
            let x = ox + scale * (p.x * cos + p.y * sin);
            let y = oy + scale * (p.x * sin - p.y * cos);
            // ab_glyph rasterises with y flipped: hand it (x, -y).
            point(x, -y)
        };
        if let Some(outline) = font.outline(id) {
            draw_outline(layer, id, &outline, to_page);
        }
        pen += font.h_advance_unscaled(id) * scale;
    }
    pen
}

/// Rasterises one glyph outline mapped by `to_page` into the layer.
fn draw_outline(
    layer: &mut InkLayer,
    id: ab_glyph::GlyphId,
    outline: &Outline,
    to_page: impl Fn(&Point) -> Point,
) {
    // Map every curve point.
    let curves: Vec<OutlineCurve> = outline
        .curves
        .iter()
        .map(|curve| match curve {
            OutlineCurve::Line(a, b) => OutlineCurve::Line(to_page(a), to_page(b)),
            OutlineCurve::Quad(a, b, c) => OutlineCurve::Quad(to_page(a), to_page(b), to_page(c)),
            OutlineCurve::Cubic(a, b, c, d) => {
                OutlineCurve::Cubic(to_page(a), to_page(b), to_page(c), to_page(d))
            }
        })
        .collect();

    // Bounds in the flipped space: min holds the largest flipped y.
    let (mut min_x, mut max_x, mut min_y, mut max_y) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
    let mut extend = |p: &Point| {
        min_x = min_x.min(p.x);
        max_x = max_x.max(p.x);
        min_y = min_y.min(p.y);
        max_y = max_y.max(p.y);
    };
    for curve in &curves {
        match curve {
            OutlineCurve::Line(a, b) => [a, b].into_iter().for_each(&mut extend),
            OutlineCurve::Quad(a, b, c) => [a, b, c].into_iter().for_each(&mut extend),
            OutlineCurve::Cubic(a, b, c, d) => [a, b, c, d].into_iter().for_each(&mut extend),
        }
    }
    if curves.is_empty() || !(min_x.is_finite() && max_y.is_finite()) {
        return;
    }

    // Skip glyphs entirely off the layer (cheap clip).
    let (lx, ly, lw, lh) = layer.area();
    if max_x < lx as f32
        || min_x > (lx + lw as i32) as f32
        || -min_y < ly as f32
        || -max_y > (ly + lh as i32) as f32
    {
        return;
    }
    let mapped = Outline {
        bounds: Rect {
            min: point(min_x, max_y),
            max: point(max_x, min_y),
        },
        curves,
    };
    let glyph = Glyph {
        id,
        scale: PxScale::from(1.0),
        position: point(0.0, 0.0),
    };
    let outlined = OutlinedGlyph::new(
        glyph,
        mapped,
        PxScaleFactor {
            horizontal: 1.0,
            vertical: 1.0,
        },
    );
    let origin = outlined.px_bounds().min;
    outlined.draw(|x, y, c| layer.cover(origin.x as i32 + x as i32, origin.y as i32 + y as i32, c));
}
