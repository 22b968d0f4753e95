//! A work bound on dashed strokes, checked before `hayro` draws a page.
//!
//! `hayro` hands every dash of a stroke to the rasteriser: `[0.0001] 0 d`
//! across a page is seven million dashes, seconds of work and more than a
//! gigabyte, and the same pattern under a scaled CTM (each dash a thin slice
//! a thousand points wide) aborts on a multi-gigabyte allocation. Negative
//! dash lengths are worse: `kurbo` loops for ever looking for the start of
//! the pattern.
//!
//! The check runs `hayro`'s own interpreter over the page with a device
//! that draws nothing ([`DashProbe`]): content streams, Form XObjects,
//! graphics-state `/D` entries and the CTM are resolved exactly as for the
//! real render, and the probe follows what the renderer follows on its own
//! (tiling pattern cells, soft masks and Type 3 glyphs). For every dashed
//! stroke it estimates the dash segments the renderer will make, path
//! length / (dash period / entries), weighted by the device line width in
//! rasteriser tiles (a wide thin dash costs like many narrow ones), and sums
//! them over the page. No image is decoded; fonts are parsed a second time.
//!
//! Estimates: the path length is the length of its control polygon (an
//! upper bound of the arc length), tiling pattern cells are counted once per
//! copy the pattern bounding box needs, and strokes outside the page are
//! counted too although the renderer skips them.

use std::collections::HashMap;

use hayro::hayro_interpret::font::{Glyph, GlyphRun};
use hayro::hayro_interpret::kurbo::{Affine, BezPath, PathEl, Point, Rect};
use hayro::hayro_interpret::pattern::{Pattern, TilingPattern};
use hayro::hayro_interpret::{
    interpret_page, BlendMode, CacheKey, ClipPath, Context, Device, DrawMode, DrawProps, Image,
    ImageDrawProps, InterpreterCache, InterpreterSettings, Paint, SoftMask, StrokeProps,
};
use hayro::hayro_syntax::page::Page;

use crate::error::{OcrError, Result};

/// Most weighted dash segments one page may ask for. One million costs
/// `hayro` about 0.8 s and 200 MB; a page of dotted form lines needs tens of
/// thousands.
pub(crate) const MAX_DASH_SEGMENTS: u64 = 1_000_000;

/// Side of the rasteriser's tiles, in device pixels: a dash costs about one
/// unit per tile its width crosses.
const TILE_PIXELS: f64 = 4.0;

/// Tiling pattern cells, Type 3 glyphs and soft masks nested deeper than
/// this are not followed (`hayro` stops earlier).
const MAX_DEPTH: u32 = 32;

/// Label of the limits error.
const WHAT: &str = "dash segments in the strokes of a PDF page";

/// Refuse page `index` when its dashed strokes would cost the renderer more
/// than [`MAX_DASH_SEGMENTS`], or when a dash pattern has a negative or
/// non-finite length. `transform` maps user space to device pixels and
/// `target` is the raster, as for the render.
///
/// Counting stops once the limit is passed, so the `value` of the `Limits`
/// error is a lower bound of the page's dash segments.
pub(crate) fn check_dashes(
    page: &Page<'_>,
    transform: Affine,
    target: Rect,
    index: usize,
) -> Result<()> {
    let cache = InterpreterCache::new();
    let mut context = Context::new(
        transform,
        target,
        &cache,
        page.xref(),
        InterpreterSettings::default(),
    );
    let mut probe = DashProbe::default();
    interpret_page(page, &mut context, &mut probe);

    if let Some(detail) = probe.invalid {
        return Err(OcrError::Decode {
            format: "PDF",
            page: Some(index),
            detail,
        });
    }
    log::debug!("page {}: about {:.0} dash segments", index + 1, probe.work);
    if probe.work > MAX_DASH_SEGMENTS as f64 {
        return Err(OcrError::Limits {
            page: Some(index),
            what: WHAT,
            value: probe.work.min(u64::MAX as f64) as u64,
            limit: MAX_DASH_SEGMENTS,
        });
    }
    Ok(())
}

/// A device that draws nothing and adds up the work of dashed strokes.
#[derive(Default)]
struct DashProbe {
    /// Weighted dash segments so far.
    work: f64,
    /// The first invalid dash pattern met, described.
    invalid: Option<String>,
    /// Work of each tiling pattern cell, soft mask and Type 3 glyph already
    /// interpreted, by `hayro` cache key.
    seen: HashMap<u128, f64>,
    /// Nesting of cells, masks and glyphs being interpreted.
    depth: u32,
}

impl DashProbe {
    /// Whether counting can stop: the page is refused whatever follows.
    fn done(&self) -> bool {
        self.invalid.is_some() || self.work > MAX_DASH_SEGMENTS as f64
    }

    /// Count one stroke of `path` (in the coordinates its dashes are
    /// measured in), drawn to the device through `transform`.
    fn stroke(&mut self, path: &BezPath, transform: Affine, stroke: &StrokeProps) {
        if stroke.dash_array.is_empty() || self.done() {
            return;
        }
        match dash_work(polygon_length(path), transform, stroke) {
            Ok(work) => self.work += work,
            Err(detail) => self.invalid = Some(detail),
        }
    }

    /// Count nested content once per cache key (the renderer caches masks
    /// and cells too), `times` over, interpreting it on first sight.
    fn nested(&mut self, key: u128, times: f64, interpret: impl FnOnce(&mut Self)) {
        if self.done() || self.depth >= MAX_DEPTH {
            return;
        }
        let work = match self.seen.get(&key) {
            Some(work) => *work,
            None => {
                let before = std::mem::take(&mut self.work);
                self.depth += 1;
                interpret(self);
                self.depth -= 1;
                let work = self.work;
                self.work = before;
                self.seen.insert(key, work);
                work
            }
        };
        self.work += work * times;
    }

    /// Follow a tiling pattern used as paint.
    fn paint<'a>(&mut self, paint: &Paint<'a>, is_stroke: bool) {
        if let Paint::Pattern(pattern) = paint {
            if let Pattern::Tiling(tiling) = pattern.as_ref() {
                let tiling: &TilingPattern<'a> = tiling;
                self.nested(tiling.cache_key(), cell_copies(tiling), |probe| {
                    tiling.interpret(probe, tiling.matrix, is_stroke);
                });
            }
        }
    }

    /// Follow a soft mask.
    fn mask<'a>(&mut self, mask: Option<&SoftMask<'a>>) {
        if let Some(mask) = mask {
            self.nested(mask.cache_key(), 1.0, |probe| mask.interpret(probe));
        }
    }
}

impl<'a> Device<'a> for DashProbe {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, draw_mode: &DrawMode) {
        self.mask(props.soft_mask.as_ref());
        match draw_mode {
            DrawMode::Stroke(stroke) | DrawMode::FillAndStroke(_, stroke) => {
                self.stroke(path, props.transform, stroke);
            }
            DrawMode::Fill(_) | DrawMode::Invisible => {}
        }
        let is_stroke = matches!(draw_mode, DrawMode::Stroke(_));
        self.paint(&props.paint, is_stroke);
    }

    fn push_clip_path(&mut self, _: &ClipPath) {}

    fn push_transparency_group(&mut self, _: f32, mask: Option<SoftMask<'a>>, _: BlendMode) {
        self.mask(mask.as_ref());
    }

    fn draw_glyph_run(
        &mut self,
        glyph_run: &GlyphRun<'_, 'a>,
        props: DrawProps<'a>,
        draw_mode: &DrawMode,
    ) {
        self.mask(props.soft_mask.as_ref());
        let stroke = match draw_mode {
            DrawMode::Stroke(stroke) | DrawMode::FillAndStroke(_, stroke) => Some(stroke),
            DrawMode::Fill(_) => None,
            DrawMode::Invisible => return,
        };
        for glyph in glyph_run.glyphs() {
            match &**glyph {
                Glyph::Outline(outline) => {
                    if let Some(stroke) = stroke.filter(|s| !s.dash_array.is_empty()) {
                        let path = glyph.transform() * outline.outline();
                        self.stroke(&path, props.transform, stroke);
                    }
                }
                Glyph::Type3(type3) => {
                    let key = type3.cache_key();
                    self.nested(key, 1.0, |probe| {
                        type3.interpret(probe, props.transform, glyph.transform(), &props.paint);
                    });
                }
            }
        }
        self.paint(&props.paint, stroke.is_some());
    }

    fn draw_image(&mut self, _: Image<'a, '_>, props: ImageDrawProps<'a>) {
        self.mask(props.soft_mask.as_ref());
    }

    fn pop_clip(&mut self) {}

    fn pop_transparency_group(&mut self) {}
}

/// Weighted dash segments of a stroke `length` long (in path units):
/// segments = length x entries / sum of entries, each weighted by the
/// device line width in tiles (at least one). `Err` describes a pattern with
/// a negative or non-finite length, which `kurbo` cannot dash.
fn dash_work(
    length: f64,
    transform: Affine,
    stroke: &StrokeProps,
) -> std::result::Result<f64, String> {
    let dashes = &stroke.dash_array;
    let valid = dashes.iter().all(|d| d.is_finite() && *d >= 0.0) && stroke.dash_offset.is_finite();
    let period: f64 = dashes.iter().map(|d| f64::from(*d)).sum();
    if !valid || period <= 0.0 {
        return Err(format!(
            "dash pattern {dashes:?} with phase {} has a negative, zero or infinite length",
            stroke.dash_offset
        ));
    }
    let segments = length * dashes.len() as f64 / period;
    let width_pixels = f64::from(stroke.line_width.abs()) * device_scale(transform);
    let weight = (width_pixels / TILE_PIXELS).max(1.0);
    Ok(if segments.is_finite() {
        segments * weight
    } else {
        f64::MAX
    })
}

/// Device pixels per path unit along the more stretched axis of
/// `transform`.
fn device_scale(transform: Affine) -> f64 {
    let [a, b, c, d, _, _] = transform.as_coeffs();
    a.hypot(b).max(c.hypot(d))
}

/// Length of a path's control polygon: at least its arc length.
fn polygon_length(path: &BezPath) -> f64 {
    let mut length = 0.0;
    let mut start = Point::ORIGIN;
    let mut last = Point::ORIGIN;
    for element in path.elements() {
        let points: &[Point] = match element {
            PathEl::MoveTo(p) => {
                start = *p;
                last = *p;
                continue;
            }
            PathEl::LineTo(p) => &[*p],
            PathEl::QuadTo(p1, p2) => &[*p1, *p2],
            PathEl::CurveTo(p1, p2, p3) => &[*p1, *p2, *p3],
            PathEl::ClosePath => &[start],
        };
        for point in points {
            length += last.distance(*point);
            last = *point;
        }
    }
    length
}

/// Copies of a tiling pattern cell the renderer draws per use: enough to
/// cover the cell's bounding box at its steps, per axis.
fn cell_copies(tiling: &TilingPattern<'_>) -> f64 {
    let bbox = tiling.bbox;
    let per_axis = |extent: f64, step: f32| (extent / f64::from(step.abs())).ceil().max(1.0) + 1.0;
    let copies = per_axis(bbox.width(), tiling.x_step) * per_axis(bbox.height(), tiling.y_step);
    if copies.is_finite() {
        copies
    } else {
        f64::MAX
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dashed(dashes: &[f32], width: f32) -> StrokeProps {
        StrokeProps {
            line_width: width,
            dash_array: dashes.iter().copied().collect(),
            ..StrokeProps::default()
        }
    }

    #[test]
    fn counts_segments_weighted_by_device_width() {
        let identity = Affine::IDENTITY;
        // 100 units of [3 2]: 40 segments, one tile wide.
        let work = dash_work(100.0, identity, &dashed(&[3.0, 2.0], 1.0)).unwrap();
        assert!((work - 40.0).abs() < 1e-9, "{work}");
        // An odd array repeats: [1] is one on and one off per 2 units.
        let work = dash_work(100.0, identity, &dashed(&[1.0], 1.0)).unwrap();
        assert!((work - 100.0).abs() < 1e-9, "{work}");
        // 40 pixels wide at 10x: 400 pixels, 100 tiles per segment.
        let work = dash_work(100.0, Affine::scale(10.0), &dashed(&[3.0, 2.0], 40.0)).unwrap();
        assert!((work - 4_000.0).abs() < 1e-6, "{work}");
    }

    #[test]
    fn negative_and_infinite_dashes_are_invalid() {
        let identity = Affine::IDENTITY;
        assert!(dash_work(1.0, identity, &dashed(&[-1.0, -1.0], 1.0)).is_err());
        assert!(dash_work(1.0, identity, &dashed(&[3.0, -1.0], 1.0)).is_err());
        assert!(dash_work(1.0, identity, &dashed(&[f32::INFINITY], 1.0)).is_err());
        let mut offset = dashed(&[1.0], 1.0);
        offset.dash_offset = f32::NAN;
        assert!(dash_work(1.0, identity, &offset).is_err());
    }

    #[test]
    fn polygon_length_follows_control_points() {
        let mut path = BezPath::new();
        path.move_to((0.0, 0.0));
        path.line_to((3.0, 4.0));
        path.close_path();
        path.move_to((10.0, 0.0));
        path.curve_to((10.0, 1.0), (11.0, 1.0), (11.0, 0.0));
        assert!((polygon_length(&path) - 13.0).abs() < 1e-9);
    }
}
