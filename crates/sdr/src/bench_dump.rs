//! `sdr bench --dump DIR2`: every page's network inputs exactly as the
//! engine builds them, tract's outputs on them and tract's time on each,
//! written as `.npy` files with an `index.json`, so that
//! `scripts/bench_onnxruntime.py` can run the very same inputs through
//! onnxruntime and compare both the times and the outputs.
//!
//! The dump follows the engine's main pass over a page: stamp-ink
//! suppression (when the engine does it), detection (again on the page
//! turned a quarter if it lies sideways, as the engine does), and one
//! recognition of every detected line, batch by batch. The upside-down test
//! and the second reading of a page found upside down are not dumped.
//!
//! Files, for the `n`-th page dumped (from 0):
//! - `page{n:03}-det{k}.npy`, `page{n:03}-det{k}-out.npy`: detector input
//!   (1, 3, H, W) and output (1, 1, H, W);
//! - `page{n:03}-rec{b}.npy`, `page{n:03}-rec{b}-out.npy`: recogniser batch
//!   `b` input (lines, 3, 48, W) and, of its output (lines, W / 8, classes),
//!   the best class of each step and its probability, shape
//!   (lines, W / 8, 2) (the class index as a float, exact below 2^24): that
//!   is all the greedy CTC decoding uses, and the full output would take
//!   some 200 MB a page;
//! - `index.json`: the model files, and per page and input the file names,
//!   shapes and tract's median time in milliseconds.

use std::path::{Path, PathBuf};
use std::time::Instant;

use ocr::geometry;
use ocr::ink;
use ocr::manifest::Manifest;
use ocr::network::{Network, NetworkInput};
use ocr::page::Page;
use ocr::Engine;
use serde::Serialize;

use crate::bench_cmd::{median, ms};
use crate::error::CliError;
use crate::models::Tier;
use crate::npy;

/// What is kept of a network's output.
#[derive(Debug, Clone, Copy)]
enum Output {
    /// All of it.
    Full,
    /// Along the last axis, the best class and its probability.
    BestClass,
}

/// One dumped network input.
#[derive(Debug, Serialize)]
struct DumpedInput {
    /// Input file name in the dump folder.
    input: String,
    /// Tract's output on it, file name in the dump folder.
    output: String,
    /// Input shape, NCHW.
    shape: Vec<usize>,
    /// Output shape.
    output_shape: Vec<usize>,
    /// Lines in the input (1 for the detector).
    lines: usize,
    /// Tract's median time on it, milliseconds.
    tract_ms: f64,
}

/// One dumped page.
#[derive(Debug, Serialize)]
struct DumpedPage {
    /// File name within the benchmarked folder.
    file: String,
    /// Page number in the file, from 1.
    page: usize,
    /// Detector inputs (two when the page lay sideways).
    detector: Vec<DumpedInput>,
    /// Recogniser batches in the order the engine runs them.
    recogniser: Vec<DumpedInput>,
}

/// `index.json`.
#[derive(Debug, Serialize)]
struct Index {
    /// Detector ONNX file, absolute path.
    detector_model: PathBuf,
    /// Recogniser ONNX file, absolute path.
    recogniser_model: PathBuf,
    /// Tract runs per input; each time is their median.
    network_runs: usize,
    pages: Vec<DumpedPage>,
}

/// Writes the dump, page by page, and the index at the end.
pub struct Dumper {
    dir: PathBuf,
    index: Index,
}

impl Dumper {
    /// Creates `dir` if needed and finds the model files of `tier` in
    /// `models` through its manifest.
    pub fn new(dir: &Path, models: &Path, tier: Tier, runs: usize) -> Result<Dumper, CliError> {
        let output_error = |e: std::io::Error| CliError::Output(format!("{}: {e}", dir.display()));
        std::fs::create_dir_all(dir).map_err(output_error)?;

        // The model files, as the manifest names them.
        let manifest_path = models.join("manifest.json");
        let text = std::fs::read_to_string(&manifest_path).map_err(|e| CliError::Input {
            file: manifest_path.display().to_string(),
            detail: e.to_string(),
        })?;
        let manifest = Manifest::parse(&text)?;
        let rec = match tier {
            Tier::Tiny => "rec",
            Tier::Small => "rec-small",
        };
        let absolute = |name: &str| -> Result<PathBuf, CliError> {
            let path = models.join(&manifest.get(name)?.file);
            std::fs::canonicalize(&path).map_err(|e| CliError::Input {
                file: path.display().to_string(),
                detail: e.to_string(),
            })
        };
        Ok(Dumper {
            dir: dir.to_path_buf(),
            index: Index {
                detector_model: absolute("det")?,
                recogniser_model: absolute(rec)?,
                network_runs: runs,
                pages: Vec::new(),
            },
        })
    }

    /// Dumps page `index` (from 0) of `file`; returns tract's time on its
    /// detector inputs and on its recogniser batches, milliseconds.
    pub fn page(
        &mut self,
        engine: &Engine,
        file: &str,
        index: usize,
        page: &Page,
    ) -> Result<(f64, f64), CliError> {
        let n = self.index.pages.len();
        let options = engine.options();

        // The page as the engine prepares it.
        let mut upright = if options.suppress_stamp_ink {
            ink::suppress_coloured_ink(&page.image)
        } else {
            page.image.clone()
        };

        // Detector inputs: the page, and the page turned if it lies sideways.
        let detector = engine.detector();
        let mut inputs = vec![detector.prepare(&upright)?];
        let mut lines = detector.detect(&upright)?;
        if options.detect_orientation && geometry::is_sideways(&lines) {
            upright = geometry::rotate(&upright, 1);
            inputs.push(detector.prepare(&upright)?);
            lines = detector.detect(&upright)?;
        }
        let mut detector_dumps = Vec::new();
        for (k, input) in inputs.into_iter().enumerate() {
            let name = format!("page{n:03}-det{k}");
            let network = detector.network();
            detector_dumps.push(self.dump(network, input, 1, &name, Output::Full)?);
        }

        // Recogniser batches for every detected line.
        let quads: Vec<_> = lines.iter().map(|line| line.quad).collect();
        let recogniser = engine.recogniser();
        let mut recogniser_dumps = Vec::new();
        for (b, batch) in recogniser.batches(&upright, &quads).into_iter().enumerate() {
            let name = format!("page{n:03}-rec{b}");
            let (network, count) = (recogniser.network(), batch.lines.len());
            let dumped = self.dump(network, batch.input, count, &name, Output::BestClass)?;
            recogniser_dumps.push(dumped);
        }

        // Record the page.
        let det_ms = detector_dumps.iter().map(|d| d.tract_ms).sum();
        let rec_ms = recogniser_dumps.iter().map(|d| d.tract_ms).sum();
        self.index.pages.push(DumpedPage {
            file: file.to_string(),
            page: index + 1,
            detector: detector_dumps,
            recogniser: recogniser_dumps,
        });
        Ok((det_ms, rec_ms))
    }

    /// Writes `index.json`.
    pub fn finish(self) -> Result<(), CliError> {
        let path = self.dir.join("index.json");
        let text = serde_json::to_string_pretty(&self.index)
            .map_err(|e| CliError::Output(e.to_string()))?;
        std::fs::write(&path, text)
            .map_err(|e| CliError::Output(format!("{}: {e}", path.display())))
    }

    /// Times `network` on `input` (median of the configured runs) and
    /// writes the input and the first run's output, as `kept`, as
    /// `{name}.npy` and `{name}-out.npy`.
    fn dump(
        &self,
        network: &Network,
        input: NetworkInput,
        lines: usize,
        name: &str,
        kept: Output,
    ) -> Result<DumpedInput, CliError> {
        // Run it, copying the input outside the clock each time.
        let mut times = Vec::with_capacity(self.index.network_runs);
        let mut output = None;
        for _ in 0..self.index.network_runs {
            let copy = input.clone();
            let clock = Instant::now();
            let result = network.run_input(copy)?;
            times.push(ms(clock.elapsed()));
            output.get_or_insert(result);
        }
        let (output_shape, output_values) = output.unwrap_or_default();
        let (output_shape, output_values) = match kept {
            Output::Full => (output_shape, output_values),
            Output::BestClass => best_class(output_shape, &output_values),
        };

        // Write both.
        let (input_file, output_file) = (format!("{name}.npy"), format!("{name}-out.npy"));
        npy::write_f32(&self.dir.join(&input_file), &input.shape, &input.values)?;
        npy::write_f32(&self.dir.join(&output_file), &output_shape, &output_values)?;
        Ok(DumpedInput {
            input: input_file,
            output: output_file,
            shape: input.shape,
            output_shape,
            lines,
            tract_ms: median(&times),
        })
    }
}

/// Of `values` of `shape` (..., classes), the index and value of the largest
/// along the last axis: shape (..., 2). The first of equal values wins.
fn best_class(shape: Vec<usize>, values: &[f32]) -> (Vec<usize>, Vec<f32>) {
    let classes = shape.last().copied().unwrap_or(1).max(1);
    let best = values.chunks_exact(classes).flat_map(|row| {
        let (index, value) =
            row.iter().enumerate().fold(
                (0, f32::NEG_INFINITY),
                |b, (i, &v)| if v > b.1 { (i, v) } else { b },
            );
        [index as f32, value]
    });
    let mut kept_shape = shape;
    if let Some(last) = kept_shape.last_mut() {
        *last = 2;
    }
    (kept_shape, best.collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_class_keeps_the_winner_of_each_step() {
        let values = [0.1, 0.7, 0.2, 0.5, 0.25, 0.25];
        let (shape, kept) = best_class(vec![1, 2, 3], &values);
        assert_eq!(shape, vec![1, 2, 2]);
        assert_eq!(kept, vec![1.0, 0.7, 0.0, 0.5]);
    }
}
