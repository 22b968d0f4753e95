//! One review: decode the file, show its pages, run the pipeline, build the
//! template card.

use std::cell::Cell;

use review::report::StepTime;

use super::{now_ms, post, Loaded};
use crate::error::WebError;
use crate::protocol::{FromWorker, ReviewResult, TemplateCard, STEPS};

/// Reviews `bytes` (the file `file_name`) with the declaration's JSON text if
/// given, posting `Step` after each step and `Page` for each decoded page.
pub fn review_file(
    loaded: &Loaded,
    file_name: &str,
    bytes: Vec<u8>,
    declaration: Option<&str>,
) -> Result<ReviewResult, WebError> {
    let started = now_ms();

    // The declaration first: a bad one stops the review before the slow part.
    let declaration = declaration
        .map(|text| review::data::parse_declaration("declaration", text.as_bytes()))
        .transpose()
        .map_err(|e| WebError::Declaration(e.to_string()))?;

    // Decode here rather than in the pipeline, so the pages show during OCR.
    let pages = ocr::decode::decode_all(bytes, &ocr::Limits::default())
        .map_err(|e| WebError::from_review(file_name, e.into()))?;
    let decode_ms = now_ms() - started;
    post(
        &FromWorker::Step {
            index: 0,
            ms: decode_ms,
        },
        None,
    );
    let count = pages.len() as u32;
    for (index, page) in pages.iter().enumerate() {
        post(
            &FromWorker::Page {
                index: index as u32,
                count,
                width: page.width(),
                height: page.image.height(),
            },
            Some(&rgba(&page.image)),
        );
    }

    // The pipeline reads the clock once at its start and once after each
    // step: each reading after the first ends step `calls` of STEPS.
    let calls = Cell::new(0usize);
    let last = Cell::new(0.0f64);
    let clock = || {
        let now = now_ms();
        let call = calls.get();
        if call > 0 {
            post(
                &FromWorker::Step {
                    index: call,
                    ms: now - last.get(),
                },
                None,
            );
        }
        calls.set(call + 1);
        last.set(now);
        now
    };
    let mut report = review::pipeline::review_pages(
        &loaded.engine,
        pages,
        &loaded.data,
        declaration.as_ref(),
        &clock,
    )
    .map_err(|e| WebError::from_review(file_name, e))?;
    report.timings.insert(
        0,
        StepTime {
            step: STEPS[0].into(),
            ms: decode_ms,
        },
    );

    // The card of the identified template.
    let template = report.template.as_ref().and_then(|m| {
        let t = loaded.data.template(&m.id, &m.version)?;
        Some(TemplateCard {
            id: t.id.clone(),
            version: t.version.clone(),
            country_name: t.country_name.clone(),
            product: t.product.name.clone(),
            valid_from: t.validity.from.to_string(),
            valid_to: t.validity.to.map(|d| d.to_string()),
            confidence: m.confidence,
        })
    });
    Ok(ReviewResult {
        report,
        template,
        worker_ms: now_ms() - started,
    })
}

/// RGBA pixels of an RGB image (opaque), as a canvas takes them.
fn rgba(image: &image::RgbImage) -> Vec<u8> {
    let mut out = Vec::with_capacity(image.as_raw().len() / 3 * 4);
    for pixel in image.as_raw().chunks_exact(3) {
        out.extend_from_slice(pixel);
        out.push(255);
    }
    out
}
