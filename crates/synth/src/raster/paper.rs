//! Pre-printed decorations of the form: a page border (plain, double or a
//! guilloche band) and a faint rosette behind the text.

use std::f32::consts::{PI, TAU};

use image::RgbImage;

use super::ink::InkLayer;
use crate::layout::{Frame, PageLayout, Units};

/// Millimetres per inch.
const MM_PER_INCH: f32 = 25.4;

/// Prints the border and watermark of `layout` onto the page.
pub(crate) fn decorate(image: &mut RgbImage, layout: &PageLayout) {
    let (width, height) = (layout.width as f32, layout.height as f32);
    let units = Units {
        dpi: width / (crate::layout::PAGE_WIDTH_MM / MM_PER_INCH),
    };
    let colour = layout.look.form_colour;

    // Page border.
    match layout.look.frame {
        Frame::None => {}
        Frame::Single => {
            let mut layer = InkLayer::new(0, 0, layout.width, layout.height);
            outline(&mut layer, units.mm(8.0), units.mm(0.35), width, height);
            layer.multiply_onto(image, colour, 1.0);
        }
        Frame::Double => {
            let mut layer = InkLayer::new(0, 0, layout.width, layout.height);
            outline(&mut layer, units.mm(7.0), units.mm(0.9), width, height);
            outline(&mut layer, units.mm(8.6), units.mm(0.25), width, height);
            layer.multiply_onto(image, colour, 1.0);
        }
        Frame::Guilloche => guilloche_band(image, units, colour, layout.width, layout.height),
    }

    // Watermark rosette in the middle of the page.
    if layout.look.watermark {
        rosette(image, units, colour, [width / 2.0, height * 0.52]);
    }
}

/// A rectangle `inset` pixels inside the page edge, `thickness` wide.
fn outline(layer: &mut InkLayer, inset: f32, thickness: f32, width: f32, height: f32) {
    let (x0, y0, x1, y1) = (inset, inset, width - inset, height - inset);
    layer.fill_rect([x0, y0, x1, y0 + thickness], 1.0);
    layer.fill_rect([x0, y1 - thickness, x1, y1], 1.0);
    layer.fill_rect([x0, y0, x0 + thickness, y1], 1.0);
    layer.fill_rect([x1 - thickness, y0, x1, y1], 1.0);
}

/// Coverage of a line `line_px` wide where `phase` (radians) crosses a
/// multiple of π, for a pattern whose phase turns by 2π every `wavelength_px`.
fn wave_line(phase: f32, wavelength_px: f32, line_px: f32) -> f32 {
    let distance = phase.sin().abs() * wavelength_px / TAU;
    (1.0 - distance / line_px).clamp(0.0, 1.0)
}

/// A band of interlaced waves between 6 and 11 mm from the page edge.
fn guilloche_band(image: &mut RgbImage, units: Units, colour: [u8; 3], width: u32, height: u32) {
    let (outer, inner) = (units.mm(6.0), units.mm(11.0));
    let band = inner - outer;
    let wavelength = units.mm(2.2);
    let line = units.mm(0.12).max(0.8);
    let mut layer = InkLayer::new(0, 0, width, height);
    let (w, h) = (width as f32, height as f32);

    // Only the four strips of the band are visited.
    let (o, i) = (outer.floor() as u32, inner.ceil() as u32);
    let strips = [
        (o..width.saturating_sub(o), o..i),
        (
            o..width.saturating_sub(o),
            height.saturating_sub(i)..height.saturating_sub(o),
        ),
        (o..i, o..height.saturating_sub(o)),
        (
            width.saturating_sub(i)..width.saturating_sub(o),
            o..height.saturating_sub(o),
        ),
    ];
    for (xs, ys) in strips {
        for y in ys {
            for x in xs.clone() {
                let (fx, fy) = (x as f32, y as f32);
                // Depth into the band and position along the edge.
                let d = fx.min(fy).min(w - fx).min(h - fy);
                if d < outer || d > inner {
                    continue;
                }
                let along = if fx.min(w - fx) < fy.min(h - fy) {
                    fy
                } else {
                    fx
                };
                let t = (d - outer) / band;
                let swing = (TAU * along / units.mm(9.0)).sin() * 2.6 * (t * PI).sin();
                let phase = TAU * along / wavelength;
                let a = wave_line(phase + swing, wavelength, line);
                let b = wave_line(phase - swing, wavelength, line);
                layer.cover(x as i32, y as i32, a.max(b));
            }
        }
    }
    layer.multiply_onto(image, colour, 0.55);
}

/// A faint rosette of looping lines, 45 mm in radius, behind the text.
fn rosette(image: &mut RgbImage, units: Units, colour: [u8; 3], centre: [f32; 2]) {
    let radius = units.mm(45.0);
    let size = (2.0 * radius).ceil() as u32 + 2;
    let (x0, y0) = ((centre[0] - radius) as i32, (centre[1] - radius) as i32);
    let mut layer = InkLayer::new(x0, y0, size, size);
    let wavelength = units.mm(3.0);
    let line = units.mm(0.15).max(0.8);
    for ly in 0..size as i32 {
        for lx in 0..size as i32 {
            let (dx, dy) = ((x0 + lx) as f32 - centre[0], (y0 + ly) as f32 - centre[1]);
            let r = (dx * dx + dy * dy).sqrt();
            if r > radius {
                continue;
            }
            let theta = dy.atan2(dx);
            let fade = 1.0 - (r / radius).powi(4);
            let phase = TAU * r / wavelength;
            let a = wave_line(phase + 3.0 * (12.0 * theta).sin(), wavelength, line);
            let b = wave_line(phase - 3.0 * (12.0 * theta).sin(), wavelength, line);
            layer.cover(x0 + lx, y0 + ly, a.max(b) * fade);
        }
    }
    layer.multiply_onto(image, colour, 0.13);
}
