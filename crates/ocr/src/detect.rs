//! Text detection: the DB detector run on a fixed-size canvas.
//!
//! The detector cannot be planned with a symbolic height and width (its
//! feature-pyramid concatenation cannot unify the symbols), so the page is
//! scaled to fit a canvas whose long side is fixed and whose short side is
//! rounded up to a multiple of 128 pixels, then padded with white. Plans are
//! cached per canvas size: an A4 document needs one or two.

use image::imageops::{resize, FilterType};
use image::RgbImage;

use crate::db::{self, DbParams};
use crate::error::{OcrError, Result};
use crate::network::{Network, NetworkInput};
use crate::quad::{self, Quad};

/// Per-channel mean and standard deviation the detector was trained with,
/// in the network's channel order (blue, green, red).
const MEAN: [f32; 3] = [0.485, 0.456, 0.406];
const STD: [f32; 3] = [0.229, 0.224, 0.225];

/// Canvas short sides are rounded up to a multiple of this, in pixels.
const SHORT_SIDE_STEP: u32 = 128;

/// Detector settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DetectorOptions {
    /// Long side of the canvas in pixels (multiple of 32, 320..=4000).
    pub long_side: u32,
    /// Post-processing parameters.
    pub db: DbParams,
}

impl Default for DetectorOptions {
    fn default() -> Self {
        Self {
            long_side: 1280,
            db: DbParams::default(),
        }
    }
}

/// A line found by the detector, in the pixels of the image it was given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DetectedLine {
    /// Corners clockwise from the top-left of the text direction.
    pub quad: Quad,
    /// Mean detector probability inside the box, 0.0..=1.0.
    pub score: f32,
}

/// The DB text detector.
pub struct Detector {
    network: Network,
    options: DetectorOptions,
}

impl Detector {
    /// Loads the detector from ONNX bytes.
    pub fn new(onnx: &[u8], options: DetectorOptions) -> Result<Detector> {
        Ok(Detector {
            network: Network::load("det", onnx)?,
            options,
        })
    }

    /// The canvas (width, height) in pixels and the scale from image to
    /// canvas, for an image of `width` x `height` pixels.
    pub fn canvas(&self, width: u32, height: u32) -> (u32, u32, f32) {
        let long = self.options.long_side;
        let scale = long as f32 / width.max(height).max(1) as f32;
        let short = (width.min(height) as f32 * scale).ceil() as u32;
        let short = short.div_ceil(SHORT_SIDE_STEP).max(1) * SHORT_SIDE_STEP;
        let short = short.min(long);
        if width >= height {
            (long, short, scale)
        } else {
            (short, long, scale)
        }
    }

    /// The network this detector runs, for benchmarks.
    pub fn network(&self) -> &Network {
        &self.network
    }

    /// The network input [`Detector::detect`] builds for `image`: the image
    /// scaled into its canvas at the top-left, white elsewhere, shape
    /// (1, 3, canvas height, canvas width). An empty image is an error.
    pub fn prepare(&self, image: &RgbImage) -> Result<NetworkInput> {
        if image.width() == 0 || image.height() == 0 {
            return Err(OcrError::Inference {
                stage: "detection",
                detail: format!("the image is empty ({:?} pixels)", image.dimensions()),
            });
        }
        Ok(self.scale_into_canvas(image).0)
    }

    /// Finds text lines in `image` (a page, any size).
    pub fn detect(&self, image: &RgbImage) -> Result<Vec<DetectedLine>> {
        let (width, height) = image.dimensions();
        if width == 0 || height == 0 {
            return Ok(Vec::new());
        }

        // Scale the page into the canvas.
        let (input, rw, rh) = self.scale_into_canvas(image);
        let (cw, ch) = (input.shape[3] as u32, input.shape[2] as u32);

        // Run the network: output (1, 1, ch, cw) probabilities.
        let (_, prob) = self.network.run_input(input)?;
        if prob.len() != (cw * ch) as usize {
            return Err(OcrError::Inference {
                stage: "detection",
                detail: format!("output has {} values, expected {cw} x {ch}", prob.len()),
            });
        }

        // Boxes on the map, scaled back to the page.
        let found = db::boxes(
            &prob,
            cw as usize,
            rw as usize,
            rh as usize,
            &self.options.db,
        );
        let (sx, sy) = (width as f32 / rw as f32, height as f32 / rh as f32);
        Ok(found
            .into_iter()
            .map(|b| DetectedLine {
                quad: quad::map(&b.quad, |x, y| {
                    (
                        (x * sx).clamp(0.0, width as f32),
                        (y * sy).clamp(0.0, height as f32),
                    )
                }),
                score: b.score,
            })
            .collect())
    }

    /// The network input for a non-empty `image` and the size (width,
    /// height) the image was scaled to inside the canvas.
    fn scale_into_canvas(&self, image: &RgbImage) -> (NetworkInput, u32, u32) {
        // Scale the page to fit the canvas.
        let (width, height) = image.dimensions();
        let (cw, ch, scale) = self.canvas(width, height);
        let rw = ((width as f32 * scale).round() as u32).clamp(1, cw);
        let rh = ((height as f32 * scale).round() as u32).clamp(1, ch);
        let scaled = resize(image, rw, rh, FilterType::Triangle);

        // Normalise into a (1, 3, ch, cw) tensor, padded with white.
        let (cw, ch) = (cw as usize, ch as usize);
        let input = NetworkInput {
            shape: vec![1, 3, ch, cw],
            plan_shape: vec![Some(1), Some(3), Some(ch), Some(cw)],
            values: to_values(&scaled, cw, ch),
        };
        (input, rw, rh)
    }
}

/// The (1, 3, h, w) input values: `image` at the top-left, white elsewhere,
/// channels in blue-green-red order, normalised by [`MEAN`] and [`STD`].
fn to_values(image: &RgbImage, w: usize, h: usize) -> Vec<f32> {
    let white: [f32; 3] = std::array::from_fn(|c| (1.0 - MEAN[c]) / STD[c]);
    let mut data = vec![0f32; 3 * h * w];
    for (c, plane) in data.chunks_exact_mut(h * w).enumerate() {
        plane.fill(white[c]);
    }
    let (iw, ih) = (image.width() as usize, image.height() as usize);
    let raw = image.as_raw();
    for y in 0..ih.min(h) {
        for x in 0..iw.min(w) {
            let px = &raw[(y * iw + x) * 3..(y * iw + x) * 3 + 3];
            for c in 0..3 {
                // Channel c of the network is blue, green, red: pixel channel 2 - c.
                let v = px[2 - c] as f32 / 255.0;
                data[c * h * w + y * w + x] = (v - MEAN[c]) / STD[c];
            }
        }
    }
    data
}
