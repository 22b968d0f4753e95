//! The whole review of one certificate, step by step: decode, OCR, identify,
//! extract, inspect, check, decide.
//!
//! Three entry points share the later steps: [`review`] from the file's
//! bytes, [`review_pages`] from decoded pages, [`review_text`] from OCR
//! output already computed (the evaluation caches OCR, the slowest step).
//! Time is read through `now_ms` (milliseconds from any origin), since the
//! browser and the command line measure it differently and this crate reads
//! no clock itself.

use image::RgbImage;
use ocr::text::PageText;
use ocr::{Engine, Limits, Page};

use crate::check::{self, Context};
use crate::data::DataSet;
use crate::decide::decide;
use crate::declaration::Declaration;
use crate::error::Result;
use crate::field::ExtractedField;
use crate::report::{Report, StepTime, TemplateMatch};
use crate::{extract, identify, inspect};

/// Records the time of each step.
struct Stopwatch<'a> {
    now_ms: &'a dyn Fn() -> f64,
    last: f64,
    steps: Vec<StepTime>,
}

impl<'a> Stopwatch<'a> {
    fn start(now_ms: &'a dyn Fn() -> f64) -> Self {
        Stopwatch {
            now_ms,
            last: now_ms(),
            steps: Vec::new(),
        }
    }

    /// Ends the step `name`, which began when the previous one ended.
    fn lap(&mut self, name: &str) {
        let now = (self.now_ms)();
        let ms = (now - self.last).max(0.0);
        log::debug!("{name}: {ms:.0} ms");
        self.steps.push(StepTime {
            step: name.to_string(),
            ms,
        });
        self.last = now;
    }
}

/// Reviews a certificate file (PNG, JPEG, TIFF, WebP or PDF; every page)
/// against the templates, rules and registers of `data`, and the
/// declaration when one is given. Errors: the file cannot be decoded, is
/// beyond the default [`Limits`], or OCR fails.
pub fn review(
    engine: &Engine,
    bytes: &[u8],
    data: &DataSet,
    declaration: Option<&Declaration>,
    now_ms: &dyn Fn() -> f64,
) -> Result<Report> {
    let mut clock = Stopwatch::start(now_ms);

    // Decode every page within the default limits.
    let pages = ocr::decode::decode_all(bytes.to_vec(), &Limits::default())?;
    clock.lap("decode");

    ocr_and_review(engine, pages, data, declaration, clock)
}

/// Reviews decoded pages (the decoding done by the caller).
pub fn review_pages(
    engine: &Engine,
    pages: Vec<Page>,
    data: &DataSet,
    declaration: Option<&Declaration>,
    now_ms: &dyn Fn() -> f64,
) -> Result<Report> {
    ocr_and_review(engine, pages, data, declaration, Stopwatch::start(now_ms))
}

/// OCR, then the steps that work on text and images.
fn ocr_and_review(
    engine: &Engine,
    pages: Vec<Page>,
    data: &DataSet,
    declaration: Option<&Declaration>,
    mut clock: Stopwatch,
) -> Result<Report> {
    // Read every page's text.
    let texts = pages
        .iter()
        .map(|page| engine.ocr_page(page))
        .collect::<ocr::Result<Vec<PageText>>>()?;
    clock.lap("ocr");

    // The images stay for inspection; the pages are not needed any more.
    let images: Vec<RgbImage> = pages.into_iter().map(|p| p.image).collect();
    Ok(review_after_ocr(&texts, &images, data, declaration, clock))
}

/// Reviews a certificate from its OCR output: `pages[i]` is the text of
/// `images[i]` (the decoded page, in the same pixel frame as the OCR
/// boxes). `images` may be empty: then no QR code or alteration is looked
/// for.
pub fn review_text(
    pages: &[PageText],
    images: &[RgbImage],
    data: &DataSet,
    declaration: Option<&Declaration>,
    now_ms: &dyn Fn() -> f64,
) -> Report {
    review_after_ocr(pages, images, data, declaration, Stopwatch::start(now_ms))
}

/// Identify, extract, inspect, check, decide.
fn review_after_ocr(
    pages: &[PageText],
    images: &[RgbImage],
    data: &DataSet,
    declaration: Option<&Declaration>,
    mut clock: Stopwatch,
) -> Report {
    // Which template and version, and where each of its pages lies.
    let identification = identify::identify(pages, &data.templates);
    let template = identification.best.and_then(|i| data.templates.get(i));
    clock.lap("identify");

    // The values, where the template says they are; without a template,
    // what labels and patterns tell anywhere on the pages.
    let fields: Vec<ExtractedField> = match template {
        Some(t) => extract::extract(pages, t, &identification.transforms),
        None => extract::generic::extract_generic(pages),
    };
    clock.lap("extract");

    // QR codes and alteration artefacts on the page images.
    let inspection = inspect::inspect(images, pages, &fields);
    clock.lap("inspect");

    // Every rule of the catalogue.
    let context = Context {
        template,
        fields: &fields,
        pages,
        declaration,
        registry: &data.registry,
        inspection: &inspection,
    };
    let findings = check::check(&data.rules, &context);
    clock.lap("check");

    // The verdict.
    let verdict = decide(&findings, template.is_some());
    clock.lap("decide");

    let best = template.map(|t| {
        identification
            .candidates
            .iter()
            .find(|c| c.id == t.id && c.version == t.version)
            .cloned()
            .unwrap_or_else(|| TemplateMatch {
                id: t.id.clone(),
                version: t.version.clone(),
                confidence: 0.0,
            })
    });
    Report {
        template: best,
        candidates: identification.candidates,
        pages: pages.len() as u32,
        fields,
        findings,
        verdict,
        timings: clock.steps,
        rules_version: data.rules.version.clone(),
    }
}
