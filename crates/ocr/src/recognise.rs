//! Text recognition: each line cropped from the full-resolution page along
//! its (possibly rotated) box, scaled to the recogniser's height, read in
//! batches of similar width and CTC-decoded.

use image::RgbImage;

use crate::ctc::{self, Dictionary};
use crate::error::{OcrError, Result};
use crate::network::{tensor_from, Network};
use crate::quad::Quad;

/// Input height of the recogniser, in pixels.
pub const LINE_HEIGHT: usize = 48;

/// Recogniser settings.
#[derive(Debug, Clone, PartialEq)]
pub struct RecogniserOptions {
    /// Input widths planned with a concrete shape, ascending, in pixels
    /// (multiples of 8). A batch is padded to the smallest one that fits.
    /// Empty: one plan with a symbolic width (the choice for WebAssembly,
    /// where planning is costly and concrete widths gain little).
    pub width_buckets: Vec<usize>,
    /// Lines read in one network run (1..=64).
    pub batch: usize,
    /// Longest crop, in pixels at [`LINE_HEIGHT`]; longer lines are squeezed
    /// to fit (about 400 characters).
    pub max_width: usize,
}

impl Default for RecogniserOptions {
    fn default() -> Self {
        let width_buckets = if cfg!(target_arch = "wasm32") {
            Vec::new()
        } else {
            vec![160, 320, 480, 640, 960, 1280, 1920, 2560, 3840]
        };
        Self {
            width_buckets,
            batch: 8,
            max_width: 6400,
        }
    }
}

/// A line read by the recogniser.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadLine {
    /// The text.
    pub text: String,
    /// Mean character probability, 0.0..=1.0.
    pub confidence: f32,
}

/// The CTC line recogniser with its dictionary.
pub struct Recogniser {
    network: Network,
    dict: Dictionary,
    options: RecogniserOptions,
}

impl Recogniser {
    /// Loads the recogniser from ONNX bytes and its dictionary's text, and
    /// checks that the two agree on the number of classes.
    pub fn new(onnx: &[u8], dict: &str, options: RecogniserOptions) -> Result<Recogniser> {
        let recogniser = Recogniser {
            network: Network::load("rec", onnx)?,
            dict: Dictionary::parse(dict)?,
            options,
        };

        // A white line must come back with one row of class scores per step.
        let probe = vec![1.0f32; 3 * LINE_HEIGHT * 64];
        let output = recogniser.run(probe, 1, 64)?;
        let classes = output.1;
        recogniser.dict.check_classes(classes)?;
        Ok(recogniser)
    }

    /// Reads the lines of `page` inside `quads` (page pixels, corners
    /// clockwise from the text's top-left). Returns one result per quad, in
    /// the same order.
    pub fn recognise(&self, page: &RgbImage, quads: &[Quad]) -> Result<Vec<ReadLine>> {
        // Crop every line at the recogniser's height.
        let crops: Vec<Crop> = quads
            .iter()
            .map(|q| Crop::from_page(page, q, self.options.max_width))
            .collect();

        // Read them in batches of similar width.
        let mut order: Vec<usize> = (0..crops.len()).collect();
        order.sort_by_key(|&i| crops[i].width);
        let mut results = vec![
            ReadLine {
                text: String::new(),
                confidence: 0.0
            };
            crops.len()
        ];
        for batch in order.chunks(self.options.batch.clamp(1, 64)) {
            let widest = batch.iter().map(|&i| crops[i].width).max().unwrap_or(8);
            let width = self.bucket(widest);

            // Pack the batch into (n, 3, 48, width), padding with zeros.
            let plane = LINE_HEIGHT * width;
            let mut data = vec![0f32; batch.len() * 3 * plane];
            for (slot, &i) in batch.iter().enumerate() {
                crops[i].copy_into(&mut data[slot * 3 * plane..(slot + 1) * 3 * plane], width);
            }

            // Decode each line from its own steps only, not the padding's.
            let (probs, classes, steps) = self.run(data, batch.len(), width)?;
            for (slot, &i) in batch.iter().enumerate() {
                let row = &probs[slot * steps * classes..(slot + 1) * steps * classes];
                let used = (crops[i].width * steps).div_ceil(width) + 1;
                let used = used.min(steps);
                let (text, confidence) = ctc::decode(&self.dict, &row[..used * classes], classes);
                results[i] = ReadLine { text, confidence };
            }
        }
        Ok(results)
    }

    /// The padded width for a crop of `width` pixels.
    fn bucket(&self, width: usize) -> usize {
        match self.options.width_buckets.iter().find(|&&b| b >= width) {
            Some(&b) => b,
            None => width.div_ceil(8) * 8,
        }
    }

    /// Runs `n` lines of `width` pixels; returns the probabilities of shape
    /// (n, steps, classes), the number of classes and of steps.
    fn run(&self, data: Vec<f32>, n: usize, width: usize) -> Result<(Vec<f32>, usize, usize)> {
        let input = tensor_from(data, &[n, 3, LINE_HEIGHT, width], "recognition")?;
        let concrete = self.options.width_buckets.contains(&width);
        let shape = [None, Some(3), Some(LINE_HEIGHT), concrete.then_some(width)];
        let (dims, probs) = self.network.run(input, &shape)?;
        let [_, steps, classes] = dims[..] else {
            return Err(OcrError::Inference {
                stage: "recognition",
                detail: format!("output shape {dims:?}, expected (lines, steps, classes)"),
            });
        };
        Ok((probs, classes, steps))
    }
}

/// One line, resampled to [`LINE_HEIGHT`] rows, normalised to -1..=1, in
/// blue-green-red planes.
struct Crop {
    /// Width in pixels.
    width: usize,
    /// Planar data, shape (3, LINE_HEIGHT, width).
    data: Vec<f32>,
}

impl Crop {
    /// Resamples the inside of `quad` from `page` so that the quad's
    /// top-left..top-right edge becomes the crop's top row.
    fn from_page(page: &RgbImage, quad: &Quad, max_width: usize) -> Crop {
        // The box's edges: along the text and down across it.
        let [p0, p1, _, p3] = *quad;
        let along = [p1[0] - p0[0], p1[1] - p0[1]];
        let down = [p3[0] - p0[0], p3[1] - p0[1]];
        let length = along[0].hypot(along[1]).max(1.0);
        let thickness = down[0].hypot(down[1]).max(1.0);

        // Keep the aspect ratio at the recogniser's height.
        let scale = LINE_HEIGHT as f32 / thickness;
        let width = ((length * scale).round() as usize).clamp(8, max_width.max(8));

        // Average several samples per output pixel when shrinking a lot,
        // so that thin strokes do not vanish.
        let factor = (1.0 / scale).max(length / width as f32);
        let taps = (factor.ceil() as usize).clamp(1, 4);

        let mut data = vec![0f32; 3 * LINE_HEIGHT * width];
        let plane = LINE_HEIGHT * width;
        for v in 0..LINE_HEIGHT {
            for u in 0..width {
                let mut rgb = [0f32; 3];
                for ty in 0..taps {
                    for tx in 0..taps {
                        let fu = (u as f32 + (tx as f32 + 0.5) / taps as f32) / width as f32;
                        let fv = (v as f32 + (ty as f32 + 0.5) / taps as f32) / LINE_HEIGHT as f32;
                        let x = p0[0] + fu * along[0] + fv * down[0];
                        let y = p0[1] + fu * along[1] + fv * down[1];
                        let s = bilinear(page, x - 0.5, y - 0.5);
                        rgb[0] += s[0];
                        rgb[1] += s[1];
                        rgb[2] += s[2];
                    }
                }
                let n = (taps * taps) as f32;
                for c in 0..3 {
                    // Plane c is blue, green, red: pixel channel 2 - c.
                    let value = rgb[2 - c] / n / 255.0;
                    data[c * plane + v * width + u] = (value - 0.5) / 0.5;
                }
            }
        }
        Crop { width, data }
    }

    /// Copies this crop into a (3, LINE_HEIGHT, `width`) slot, left-aligned.
    fn copy_into(&self, slot: &mut [f32], width: usize) {
        let w = self.width.min(width);
        for c in 0..3 {
            for v in 0..LINE_HEIGHT {
                let src = c * LINE_HEIGHT * self.width + v * self.width;
                let dst = c * LINE_HEIGHT * width + v * width;
                slot[dst..dst + w].copy_from_slice(&self.data[src..src + w]);
            }
        }
    }
}

/// The page colour at (`x`, `y`) (pixel centres at integers), bilinearly
/// interpolated; outside the page it is white.
fn bilinear(page: &RgbImage, x: f32, y: f32) -> [f32; 3] {
    let (w, h) = (page.width() as i64, page.height() as i64);
    let (x0, y0) = (x.floor() as i64, y.floor() as i64);
    let (fx, fy) = (x - x0 as f32, y - y0 as f32);
    let raw = page.as_raw();
    let at = |xi: i64, yi: i64| -> [f32; 3] {
        if xi < 0 || yi < 0 || xi >= w || yi >= h {
            return [255.0; 3];
        }
        let i = ((yi * w + xi) * 3) as usize;
        [raw[i] as f32, raw[i + 1] as f32, raw[i + 2] as f32]
    };
    let (a, b, c, d) = (
        at(x0, y0),
        at(x0 + 1, y0),
        at(x0, y0 + 1),
        at(x0 + 1, y0 + 1),
    );
    std::array::from_fn(|k| {
        let top = a[k] + (b[k] - a[k]) * fx;
        let bottom = c[k] + (d[k] - c[k]) * fx;
        top + (bottom - top) * fy
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Rgb;

    #[test]
    fn a_crop_keeps_the_aspect_ratio_at_line_height() {
        let page = RgbImage::from_pixel(400, 100, Rgb([255, 255, 255]));
        let quad = [[10.0, 10.0], [250.0, 10.0], [250.0, 34.0], [10.0, 34.0]];
        let crop = Crop::from_page(&page, &quad, 6400);
        assert_eq!(crop.width, 480);
        // White normalises to 1.0.
        assert!(crop.data.iter().all(|v| (v - 1.0).abs() < 1e-5));
    }

    #[test]
    fn a_rotated_crop_reads_along_the_box() {
        // Black left half, white right half; a box turned 180 degrees puts
        // the white half first.
        let page = RgbImage::from_fn(200, 50, |x, _| {
            if x < 100 {
                Rgb([0, 0, 0])
            } else {
                Rgb([255, 255, 255])
            }
        });
        let quad = [[190.0, 40.0], [10.0, 40.0], [10.0, 10.0], [190.0, 10.0]];
        let crop = Crop::from_page(&page, &quad, 6400);
        let row = &crop.data[20 * crop.width..21 * crop.width];
        assert!(row[2] > 0.9, "starts white: {}", row[2]);
        assert!(
            row[crop.width - 3] < -0.9,
            "ends black: {}",
            row[crop.width - 3]
        );
    }

    #[test]
    fn bilinear_is_white_outside_and_exact_on_pixels() {
        let page = RgbImage::from_pixel(4, 4, Rgb([10, 20, 30]));
        assert_eq!(bilinear(&page, 1.0, 2.0), [10.0, 20.0, 30.0]);
        assert_eq!(bilinear(&page, -5.0, 2.0), [255.0; 3]);
    }
}
