//! Text recognition: each line cropped from the full-resolution page along
//! its (possibly rotated) box, scaled to the recogniser's height, read in
//! batches of similar width and CTC-decoded.

use image::RgbImage;

use crate::ctc::{self, Dictionary};
use crate::error::{OcrError, Result};
use crate::network::{Network, NetworkInput};
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
        // Natively, one line at a time through a plan of concrete shape is
        // fastest: measured with the tiny recogniser at width 640, tract takes
        // 19 ms for a single line but 54 ms per line in a batch of 8 (and
        // 58 ms with a symbolic batch axis). Fine width steps keep padding
        // waste low. In WebAssembly a symbolic width costs nothing extra and
        // saves planning each width.
        let width_buckets = if cfg!(target_arch = "wasm32") {
            Vec::new()
        } else {
            vec![
                80, 160, 240, 320, 400, 480, 560, 640, 800, 960, 1120, 1280, 1600, 1920, 2560,
                3200, 3840,
            ]
        };
        Self {
            width_buckets,
            batch: 1,
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

/// A batch of lines exactly as the recogniser feeds it to the network.
#[derive(Debug, Clone, PartialEq)]
pub struct LineBatch {
    /// For each slot of the batch, the index of its line among the quads
    /// given to [`Recogniser::batches`].
    pub lines: Vec<usize>,
    /// For each slot, the width of the line's crop before padding, pixels.
    pub widths: Vec<usize>,
    /// The input, shape (lines, 3, [`LINE_HEIGHT`], padded width), values
    /// -1.0..=1.0, each crop left-aligned and padded with zeros.
    pub input: NetworkInput,
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
        let output = recogniser.run(recogniser.line_input(probe, 1, 64))?;
        let classes = output.1;
        recogniser.dict.check_classes(classes)?;
        Ok(recogniser)
    }

    /// Reads the lines of `page` inside `quads` (page pixels, corners
    /// clockwise from the text's top-left). Returns one result per quad, in
    /// the same order.
    pub fn recognise(&self, page: &RgbImage, quads: &[Quad]) -> Result<Vec<ReadLine>> {
        // Crop every line at the recogniser's height.
        let crops = self.crops(page, quads);

        // Read them in batches of similar width.
        let mut results = vec![
            ReadLine {
                text: String::new(),
                confidence: 0.0
            };
            crops.len()
        ];
        for batch in self.batch_order(&crops) {
            // Pack the batch into (n, 3, 48, width), padding with zeros.
            let batch = self.pack(&crops, batch);
            let width = batch.input.shape[3];

            // Decode each line from its own steps only, not the padding's.
            let (probs, classes, steps) = self.run(batch.input)?;
            for (slot, (&i, &crop_width)) in batch.lines.iter().zip(&batch.widths).enumerate() {
                let row = &probs[slot * steps * classes..(slot + 1) * steps * classes];
                let used = (crop_width * steps).div_ceil(width) + 1;
                let used = used.min(steps);
                let (text, confidence) = ctc::decode(&self.dict, &row[..used * classes], classes);
                results[i] = ReadLine { text, confidence };
            }
        }
        Ok(results)
    }

    /// The network inputs [`Recogniser::recognise`] builds for the lines of
    /// `page` inside `quads`, in the order it runs them. For benchmarks: this
    /// holds every batch at once, where reading holds one at a time.
    pub fn batches(&self, page: &RgbImage, quads: &[Quad]) -> Vec<LineBatch> {
        let crops = self.crops(page, quads);
        self.batch_order(&crops)
            .into_iter()
            .map(|batch| self.pack(&crops, batch))
            .collect()
    }

    /// The network this recogniser runs, for benchmarks.
    pub fn network(&self) -> &Network {
        &self.network
    }

    /// Every line of `page` inside `quads`, cropped at [`LINE_HEIGHT`].
    fn crops(&self, page: &RgbImage, quads: &[Quad]) -> Vec<Crop> {
        quads
            .iter()
            .map(|q| Crop::from_page(page, q, self.options.max_width))
            .collect()
    }

    /// The crops' indices in batches of at most `batch` lines of similar
    /// width, narrowest first.
    fn batch_order(&self, crops: &[Crop]) -> Vec<Vec<usize>> {
        let mut order: Vec<usize> = (0..crops.len()).collect();
        order.sort_by_key(|&i| crops[i].width);
        order
            .chunks(self.options.batch.clamp(1, 64))
            .map(<[usize]>::to_vec)
            .collect()
    }

    /// Packs the crops `lines` into one input padded to the bucket width of
    /// the widest.
    fn pack(&self, crops: &[Crop], lines: Vec<usize>) -> LineBatch {
        let widths: Vec<usize> = lines.iter().map(|&i| crops[i].width).collect();
        let width = self.bucket(widths.iter().copied().max().unwrap_or(8));
        let plane = LINE_HEIGHT * width;
        let mut data = vec![0f32; lines.len() * 3 * plane];
        for (slot, &i) in lines.iter().enumerate() {
            crops[i].copy_into(&mut data[slot * 3 * plane..(slot + 1) * 3 * plane], width);
        }
        LineBatch {
            input: self.line_input(data, lines.len(), width),
            lines,
            widths,
        }
    }

    /// The input of `n` lines of `width` pixels holding `values`, planned
    /// with a concrete width if `width` is one of the buckets.
    fn line_input(&self, values: Vec<f32>, n: usize, width: usize) -> NetworkInput {
        let concrete = self.options.width_buckets.contains(&width);
        NetworkInput {
            shape: vec![n, 3, LINE_HEIGHT, width],
            plan_shape: vec![None, Some(3), Some(LINE_HEIGHT), concrete.then_some(width)],
            values,
        }
    }

    /// The padded width for a crop of `width` pixels.
    fn bucket(&self, width: usize) -> usize {
        match self.options.width_buckets.iter().find(|&&b| b >= width) {
            Some(&b) => b,
            None => width.div_ceil(8) * 8,
        }
    }

    /// Runs a batch of lines; returns the probabilities of shape
    /// (lines, steps, classes), the number of classes and of steps.
    fn run(&self, input: NetworkInput) -> Result<(Vec<f32>, usize, usize)> {
        let (dims, probs) = self.network.run_input(input)?;
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
