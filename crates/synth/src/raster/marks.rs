//! Marks added to a printed certificate page: a QR code, a correction-fluid
//! patch with a value retyped over it, a large "COPY" across the page.

use image::RgbImage;

use super::glyph::{draw_run, Placement};
use super::ink::InkLayer;
use super::{truth_line, TEXT_COLOUR};
use crate::fonts::{Face, Fonts};
use crate::layout::TextItem;
use crate::truth::{Quad, TruthLine};

/// Prints one run in the filled-in text's ink over whatever is on the page;
/// returns its ground truth.
pub(crate) fn overprint(image: &mut RgbImage, fonts: &Fonts, item: &TextItem) -> TruthLine {
    let mut layer = InkLayer::new(0, 0, image.width(), image.height());
    let placement = Placement {
        origin: [item.x, item.baseline],
        em_px: item.style.em_px,
        angle: 0.0,
    };
    draw_run(
        &mut layer,
        fonts,
        item.style.face,
        &item.text,
        placement,
        0.0,
    );
    layer.multiply_onto(image, TEXT_COLOUR, 1.0);
    truth_line(fonts, item)
}

/// Covers `[x0, y0, x1, y1]` (page pixels) with flat correction-fluid white
/// (255, the whitest a scan records), brighter and flatter than the paper
/// around it.
pub(crate) fn white_patch(image: &mut RgbImage, rect: [f32; 4]) {
    let (w, h) = (image.width() as f32, image.height() as f32);
    let x0 = rect[0].clamp(0.0, w) as u32;
    let x1 = rect[2].clamp(0.0, w) as u32;
    let y0 = rect[1].clamp(0.0, h) as u32;
    let y1 = rect[3].clamp(0.0, h) as u32;
    for y in y0..y1 {
        for x in x0..x1 {
            image.put_pixel(x, y, image::Rgb([255, 255, 255]));
        }
    }
}

/// Prints "COPY" large, grey and diagonal across the page; returns its quad.
pub(crate) fn copy_mark(image: &mut RgbImage, fonts: &Fonts, dpi: f32) -> Quad {
    let (w, h) = (image.width() as f32, image.height() as f32);
    let em = 70.0 * dpi / 25.4;
    let angle = -(h.atan2(w)) * 0.8;
    let face = Face::DejaVuSansBold;
    let text = "COPY";
    let width = fonts.advance(face, em, text);
    let (cos, sin) = (angle.cos(), angle.sin());
    let half_cap = 0.36 * em;
    let centre = [w / 2.0, h / 2.0];
    let origin = [
        centre[0] - width / 2.0 * cos - half_cap * sin,
        centre[1] - width / 2.0 * sin + half_cap * cos,
    ];
    let mut layer = InkLayer::new(0, 0, image.width(), image.height());
    draw_run(
        &mut layer,
        fonts,
        face,
        text,
        Placement {
            origin,
            em_px: em,
            angle,
        },
        0.0,
    );
    layer.multiply_onto(image, [120, 120, 120], 0.45);
    match layer.inked_bounds() {
        Some([x0, y0, x1, y1]) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]],
        None => [[0.0, 0.0]; 4],
    }
}

/// Prints a QR code's modules (`width` × `width`, row-major, true = dark)
/// as large as fits in `zone` (page pixels `[x0, y0, x1, y1]`), keeping a
/// two-module quiet zone inside it; returns its quad.
pub(crate) fn qr(image: &mut RgbImage, modules: &[bool], width: usize, zone: [f32; 4]) -> Quad {
    let side = (zone[2] - zone[0]).min(zone[3] - zone[1]);
    let module = (side / (width as f32 + 4.0)).floor().max(1.0);
    let x0 = zone[0] + 2.0 * module;
    let y0 = zone[1] + 2.0 * module;
    let mut layer = InkLayer::new(0, 0, image.width(), image.height());
    for (i, dark) in modules.iter().enumerate() {
        if *dark {
            let (col, row) = ((i % width) as f32, (i / width) as f32);
            layer.fill_rect(
                [
                    x0 + col * module,
                    y0 + row * module,
                    x0 + (col + 1.0) * module,
                    y0 + (row + 1.0) * module,
                ],
                1.0,
            );
        }
    }
    layer.multiply_onto(image, [10, 10, 12], 1.0);
    let end = width as f32 * module;
    [
        [x0, y0],
        [x0 + end, y0],
        [x0 + end, y0 + end],
        [x0, y0 + end],
    ]
}

/// Pastes `patch` onto the page with its top-left at pixel `(x, y)`,
/// multiplying (white leaves the page as it is, ink darkens it), the way a
/// scanned signature pasted into a document prints; returns the quad around
/// the patch's ink.
pub(crate) fn paste(image: &mut RgbImage, patch: &RgbImage, x: i64, y: i64) -> Option<Quad> {
    let (w, h) = (i64::from(image.width()), i64::from(image.height()));
    let mut bounds: Option<[i64; 4]> = None;
    for (px, py, pixel) in patch.enumerate_pixels() {
        if pixel.0 == [255, 255, 255] {
            continue;
        }
        let (tx, ty) = (x + i64::from(px), y + i64::from(py));
        if tx < 0 || ty < 0 || tx >= w || ty >= h {
            continue;
        }
        let target = image.get_pixel_mut(tx as u32, ty as u32);
        for (channel, ink) in target.0.iter_mut().zip(pixel.0) {
            *channel = ((u32::from(*channel) * u32::from(ink) + 127) / 255) as u8;
        }
        let b = bounds.get_or_insert([tx, ty, tx, ty]);
        b[0] = b[0].min(tx);
        b[1] = b[1].min(ty);
        b[2] = b[2].max(tx + 1);
        b[3] = b[3].max(ty + 1);
    }
    bounds.map(|[x0, y0, x1, y1]| {
        let [x0, y0, x1, y1] = [x0 as f32, y0 as f32, x1 as f32, y1 as f32];
        [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]
    })
}
