//! The OCR of one page, step by step: suppress stamp ink, detect lines, put
//! the page upright, read every line, order them, map boxes back.

use std::time::Duration;

use image::RgbImage;

use crate::detect::{DetectedLine, Detector, DetectorOptions};
use crate::error::{OcrError, Result};
use crate::geometry;
use crate::ink;
use crate::order;
use crate::page::Page;
use crate::quad::{self, Quad};
use crate::recognise::{ReadLine, Recogniser, RecogniserOptions};
use crate::text::{Line, PageStatus, PageText};

/// Lines sampled to decide whether a page is upside down.
const ORIENTATION_SAMPLE: usize = 6;
/// How much more confident the turned reading must be to turn the page.
const ORIENTATION_MARGIN: f32 = 0.1;
/// Mean confidence (0..=1) of the sampled lines above which the page is
/// taken as upright without reading them turned: upside-down text reads as
/// low-confidence noise, and skipping the second reading saves about a
/// seventh of a page's time.
const UPRIGHT_CONFIDENCE: f32 = 0.9;

/// Engine settings.
#[derive(Debug, Clone, PartialEq)]
pub struct EngineOptions {
    /// Detector settings.
    pub detector: DetectorOptions,
    /// Recogniser settings.
    pub recogniser: RecogniserOptions,
    /// Lighten red, blue and violet ink (stamps, signatures) before reading.
    pub suppress_stamp_ink: bool,
    /// Find whole-page rotation (0, 90, 180, 270 degrees).
    pub detect_orientation: bool,
    /// Lines read with a lower confidence (0.0..=1.0) are dropped as noise.
    pub min_confidence: f32,
}

impl Default for EngineOptions {
    fn default() -> Self {
        Self {
            detector: DetectorOptions::default(),
            recogniser: RecogniserOptions::default(),
            suppress_stamp_ink: true,
            detect_orientation: true,
            min_confidence: 0.5,
        }
    }
}

/// Time spent in each step of the last page, for benchmarks and logs.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StepTimes {
    /// Ink suppression and other preparation.
    pub prepare: Duration,
    /// Detection runs (one, or two for a sideways page).
    pub detect: Duration,
    /// The upside-down test (and reading again, if the page was turned).
    pub orient: Duration,
    /// Recognition of every line.
    pub recognise: Duration,
}

/// A page whose lines are found but not read yet (see
/// [`Engine::detect_page`]).
pub struct DetectedPage {
    /// The page with stamp ink lightened, turned upright by quarter turns:
    /// the image the lines are read from.
    pub upright: RgbImage,
    /// The line boxes in `upright`'s pixels, in detection order.
    pub quads: Vec<Quad>,
    lines: Vec<DetectedLine>,
    quarters: u32,
    width: u32,
    height: u32,
    dpi: Option<f32>,
    times: StepTimes,
}

/// The OCR engine: a detector and a recogniser, loaded once, used for many pages.
pub struct Engine {
    detector: Detector,
    recogniser: Recogniser,
    options: EngineOptions,
}

impl Engine {
    /// Loads the models from their bytes (ONNX detector, ONNX recogniser and
    /// the recogniser's dictionary text).
    pub fn new(det: &[u8], rec: &[u8], dict: &str, options: EngineOptions) -> Result<Engine> {
        Ok(Engine {
            detector: Detector::new(det, options.detector)?,
            recogniser: Recogniser::new(rec, dict, options.recogniser.clone())?,
            options,
        })
    }

    /// The detector, e.g. to prepare its input for a benchmark.
    pub fn detector(&self) -> &Detector {
        &self.detector
    }

    /// The recogniser, e.g. to prepare its input for a benchmark.
    pub fn recogniser(&self) -> &Recogniser {
        &self.recogniser
    }

    /// The settings the engine was built with.
    pub fn options(&self) -> &EngineOptions {
        &self.options
    }

    /// Reads one page.
    pub fn ocr_page(&self, page: &Page) -> Result<PageText> {
        self.ocr_page_timed(page).map(|(text, _)| text)
    }

    /// Reads one page and reports the time of each step.
    pub fn ocr_page_timed(&self, page: &Page) -> Result<(PageText, StepTimes)> {
        // Find the lines on the upright page.
        let detected = self.detect_page(page)?;

        // Read every line along its own box, which also undoes skew.
        let clock = Clock::start();
        let read = self.recognise(&detected.upright, &detected.quads)?;
        let recognise = clock.elapsed();

        // Settle orientation, order the lines, map them back.
        let (text, mut times) = self.finish_page(detected, read)?;
        times.recognise += recognise;
        Ok((text, times))
    }

    /// The first half of [`Engine::ocr_page_timed`]: lightens stamp ink,
    /// finds the lines and turns a page lying on its side upright. The
    /// caller reads `quads` on `upright` (with [`Engine::recognise`], here
    /// or on another engine built from the same models, e.g. in a second
    /// browser worker) and hands the result to [`Engine::finish_page`].
    pub fn detect_page(&self, page: &Page) -> Result<DetectedPage> {
        let mut times = StepTimes::default();

        // Lighten stamp ink so that the text under a stamp reads as text.
        let clock = Clock::start();
        let prepared = if self.options.suppress_stamp_ink {
            ink::suppress_coloured_ink(&page.image)
        } else {
            page.image.clone()
        };
        times.prepare = clock.elapsed();

        // Find the lines; a page lying on its side is turned and searched again.
        let clock = Clock::start();
        let mut quarters = 0;
        let mut upright = prepared;
        let mut lines = self.detector.detect(&upright)?;
        if self.options.detect_orientation && geometry::is_sideways(&lines) {
            quarters = 1;
            upright = geometry::rotate(&upright, 1);
            lines = self.detector.detect(&upright)?;
        }
        times.detect = clock.elapsed();

        Ok(DetectedPage {
            upright,
            quads: lines.iter().map(|l| l.quad).collect(),
            lines,
            quarters,
            width: page.width(),
            height: page.height(),
            dpi: page.dpi,
            times,
        })
    }

    /// Reads the lines inside `quads` (pixels of `image`), one result per
    /// quad in the same order.
    pub fn recognise(&self, image: &RgbImage, quads: &[Quad]) -> Result<Vec<ReadLine>> {
        self.recogniser.recognise(image, quads)
    }

    /// The second half of [`Engine::ocr_page_timed`]: `read[i]` is what was
    /// read inside `detected.quads[i]`. Turns an upside-down page (reading
    /// its lines again), drops unconfident lines, orders the rest and maps
    /// their boxes back to the page as decoded. Errors when `read` does not
    /// have one entry per quad.
    pub fn finish_page(
        &self,
        detected: DetectedPage,
        mut read: Vec<ReadLine>,
    ) -> Result<(PageText, StepTimes)> {
        let DetectedPage {
            mut upright,
            mut quads,
            mut lines,
            mut quarters,
            width,
            height,
            dpi,
            mut times,
        } = detected;
        if read.len() != quads.len() {
            return Err(OcrError::Inference {
                stage: "recognition",
                detail: format!("{} lines read for {} boxes", read.len(), quads.len()),
            });
        }

        // An upside-down page reads far worse than its half-turn: compare on
        // the longest lines, and read again turned if that wins.
        let clock = Clock::start();
        if self.options.detect_orientation && self.is_upside_down(&upright, &quads, &read)? {
            quarters += 2;
            let (w, h) = upright.dimensions();
            upright = geometry::rotate(&upright, 2);
            for line in &mut lines {
                let turned = quad::map(&line.quad, |x, y| (w as f32 - x, h as f32 - y));
                line.quad = geometry::flip_quad(&turned);
            }
            quads = lines.iter().map(|l| l.quad).collect();
            read = self.recogniser.recognise(&upright, &quads)?;
        }
        times.orient = clock.elapsed();

        // Keep confident lines, in reading order, in the page's own pixels.
        let skew = geometry::skew_degrees(&lines);
        let kept: Vec<Line> = lines
            .iter()
            .zip(read)
            .filter(|(_, r)| {
                !r.text.trim().is_empty() && r.confidence >= self.options.min_confidence
            })
            .map(|(l, ReadLine { text, confidence })| Line {
                text: text.trim().to_string(),
                confidence,
                quad: l.quad,
            })
            .collect();
        let quads: Vec<Quad> = kept.iter().map(|l| l.quad).collect();
        let mut slots: Vec<Option<Line>> = kept.into_iter().map(Some).collect();
        let mut kept: Vec<Line> = order::reading_order(&quads, skew)
            .into_iter()
            .filter_map(|i| slots[i].take())
            .collect();
        for line in &mut kept {
            line.quad = quad::map(&line.quad, |x, y| {
                geometry::unrotate_point(x, y, quarters, width, height)
            });
        }

        log::debug!(
            "page {width}x{height}: {} lines, turned {} degrees, skew {skew:.2}, {times:?}",
            kept.len(),
            quarters * 90
        );
        let status = if kept.is_empty() {
            PageStatus::NoText
        } else {
            PageStatus::Text
        };
        let text = PageText {
            width,
            height,
            dpi,
            rotation: (quarters % 4) * 90,
            skew,
            status,
            lines: kept,
        };
        Ok((text, times))
    }

    /// Whether the page reads better turned by half a turn, judged on its
    /// longest lines; `read` is what was read from `quads` as they are.
    fn is_upside_down(&self, page: &RgbImage, quads: &[Quad], read: &[ReadLine]) -> Result<bool> {
        // Sample the longest lines: they carry the most evidence.
        let mut sample: Vec<usize> = (0..quads.len()).collect();
        sample.sort_by(|&a, &b| {
            geometry::direction(&quads[b])
                .0
                .total_cmp(&geometry::direction(&quads[a]).0)
        });
        sample.truncate(ORIENTATION_SAMPLE);
        if sample.is_empty() {
            return Ok(false);
        }

        // Lines that already read confidently are upright.
        let n = sample.len() as f32;
        let as_is = sample.iter().map(|&i| read[i].confidence).sum::<f32>() / n;
        if as_is >= UPRIGHT_CONFIDENCE {
            log::debug!("orientation: sample reads at {as_is:.3}, upright");
            return Ok(false);
        }

        // Read them turned around and compare the mean confidences.
        let turned: Vec<Quad> = sample
            .iter()
            .map(|&i| geometry::flip_quad(&quads[i]))
            .collect();
        let flipped = self.recogniser.recognise(page, &turned)?;
        let turned = flipped.iter().map(|l| l.confidence).sum::<f32>() / n;
        log::debug!("orientation: sample reads at {as_is:.3}, turned at {turned:.3}");
        Ok(turned > as_is + ORIENTATION_MARGIN)
    }
}

/// A stopwatch that also works in WebAssembly, where `std::time::Instant`
/// is not available: there it reports zero.
struct Clock {
    #[cfg(not(target_arch = "wasm32"))]
    started: std::time::Instant,
}

impl Clock {
    fn start() -> Clock {
        Clock {
            #[cfg(not(target_arch = "wasm32"))]
            started: std::time::Instant::now(),
        }
    }

    fn elapsed(&self) -> Duration {
        #[cfg(not(target_arch = "wasm32"))]
        return self.started.elapsed();
        #[cfg(target_arch = "wasm32")]
        return Duration::ZERO;
    }
}
