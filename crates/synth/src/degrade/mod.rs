//! Spoils a printed page the way scanning, faxing and photographing do, and
//! moves the ground-truth boxes with every geometric change.

mod blur;
mod fax;
mod optics;
mod warp;

use image::imageops::FilterType;
use image::Rgb;
use imageproc::geometric_transformations::Projection;
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use crate::layout::Units;
use crate::request::{Degradation, LOW_DPI};
use crate::truth::{Quad, RenderedPage};
use crate::SynthError;

/// Applies `degradation` to the page in place.
pub(crate) fn apply(
    page: &mut RenderedPage,
    degradation: Degradation,
    rng: &mut ChaCha8Rng,
) -> Result<(), SynthError> {
    let units = Units { dpi: page.dpi };
    match degradation {
        Degradation::Clean => {}
        Degradation::Rotated => rotate(page, rng),
        Degradation::Blurred => {
            let sigma = units.mm(rng.random_range(0.09..0.15));
            page.image = blur::blur(&page.image, sigma);
        }
        Degradation::Jpeg => {
            let quality = rng.random_range(8..=25u8);
            page.image = optics::jpeg_round_trip(&page.image, quality)?;
        }
        Degradation::Fax => page.image = fax::fax(&page.image, page.dpi, rng),
        Degradation::Photo => photograph(page, rng),
        Degradation::LowDpi => low_dpi(page),
    }
    Ok(())
}

/// Maps every ground-truth and don't-care quad through `projection`.
fn move_boxes(page: &mut RenderedPage, projection: &Projection) {
    let map = |quad: &mut Quad| {
        for corner in quad.iter_mut() {
            let (x, y) = *projection * (corner[0], corner[1]);
            *corner = [x, y];
        }
    };
    page.lines.iter_mut().for_each(|line| map(&mut line.quad));
    page.dont_care.iter_mut().for_each(map);
}

/// Scanned askew: 0.5°..3° either way about the page centre, white outside.
fn rotate(page: &mut RenderedPage, rng: &mut ChaCha8Rng) {
    let degrees = rng.random_range(0.5..3.0f32) * if rng.random_bool(0.5) { 1.0 } else { -1.0 };
    let (cx, cy) = (
        page.image.width() as f32 / 2.0,
        page.image.height() as f32 / 2.0,
    );
    let projection = Projection::translate(cx, cy)
        * Projection::rotate(degrees.to_radians())
        * Projection::translate(-cx, -cy);
    let lid = *page.image.get_pixel(0, 0);
    page.image = warp::warp(&page.image, &projection, lid);
    move_boxes(page, &projection);
}

/// Photographed: the page corners pulled inwards by 1..4.5 % (perspective) on a
/// darker desk, then uneven light, colour cast, softness and sensor noise.
fn photograph(page: &mut RenderedPage, rng: &mut ChaCha8Rng) {
    // Perspective.
    let (w, h) = (page.image.width() as f32, page.image.height() as f32);
    let mut inset = || {
        (
            rng.random_range(0.01..0.045f32) * w,
            rng.random_range(0.01..0.045f32) * h,
        )
    };
    let (a, b, c, d) = (inset(), inset(), inset(), inset());
    let from = [(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)];
    let to = [
        (a.0, a.1),
        (w - b.0, b.1),
        (w - c.0, h - c.1),
        (d.0, h - d.1),
    ];
    if let Some(projection) = Projection::from_control_points(from, to) {
        let desk = Rgb([
            rng.random_range(60..110),
            rng.random_range(55..95),
            rng.random_range(45..80),
        ]);
        page.image = warp::warp(&page.image, &projection, desk);
        move_boxes(page, &projection);
    }

    // Light, cast, softness, noise.
    optics::illuminate(&mut page.image, rng);
    let units = Units { dpi: page.dpi };
    page.image = blur::blur(&page.image, units.mm(rng.random_range(0.04..0.08)));
    optics::sensor_noise(&mut page.image, rng.random_range(3.0..7.0), rng.random());
}

/// Resampled to `LOW_DPI` (no change at or below it); boxes scaled with it.
fn low_dpi(page: &mut RenderedPage) {
    if page.dpi <= LOW_DPI {
        return;
    }
    let factor = LOW_DPI / page.dpi;
    let (w, h) = page.image.dimensions();
    let (nw, nh) = (
        ((w as f32) * factor).round().max(1.0) as u32,
        ((h as f32) * factor).round().max(1.0) as u32,
    );
    page.image = image::imageops::resize(&page.image, nw, nh, FilterType::Triangle);
    let scale = Projection::scale(nw as f32 / w as f32, nh as f32 / h as f32);
    move_boxes(page, &scale);
    page.dpi = LOW_DPI;
}
