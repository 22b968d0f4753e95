//! One review: decode the file, show its pages, run the pipeline, build the
//! template card.

use std::cell::Cell;

use review::report::StepTime;

use super::reader::Reader;
use super::{now_ms, post, Loaded};
use crate::error::WebError;
use crate::protocol::{FromWorker, ReviewResult, TemplateCard, STEPS};

/// Reviews `bytes` (the file `file_name`) with the declaration's JSON text if
/// given, posting `Step` after each step and `Page` for each decoded page.
/// With a ready `reader`, each page's lines are read half here, half there.
pub async fn review_file(
    loaded: &Loaded,
    reader: Option<&Reader>,
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
    post_step(0, decode_ms);
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

    // Read every page, sharing the lines with the reader.
    let ocr_started = now_ms();
    let mut texts = Vec::with_capacity(pages.len());
    for page in &pages {
        let text = read_page(&loaded.engine, reader, page)
            .await
            .map_err(|e| WebError::from_review(file_name, e.into()))?;
        texts.push(text);
    }
    let ocr_ms = now_ms() - ocr_started;
    post_step(1, ocr_ms);

    // The pipeline reads the clock once at its start and once after each
    // step: each reading after the first ends the next step of STEPS.
    let calls = Cell::new(1usize);
    let last = Cell::new(0.0f64);
    let clock = || {
        let now = now_ms();
        let call = calls.get();
        if call > 1 {
            post_step(call, now - last.get());
        }
        calls.set(call + 1);
        last.set(now);
        now
    };
    let images: Vec<image::RgbImage> = pages.into_iter().map(|p| p.image).collect();
    let mut report =
        review::pipeline::review_text(&texts, &images, &loaded.data, declaration.as_ref(), &clock);
    for (index, ms) in [(1, ocr_ms), (0, decode_ms)] {
        report.timings.insert(
            0,
            StepTime {
                step: STEPS[index].into(),
                ms,
            },
        );
    }

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
    let reader_bytes = reader.map_or(0.0, Reader::memory_bytes);
    Ok(ReviewResult {
        report,
        template,
        worker_ms: now_ms() - started,
        wasm_memory_bytes: super::memory_bytes() + reader_bytes,
    })
}

/// One page's OCR: detection here, the lines read here and (about half of
/// them, when the reader is ready) in the reader at the same time. A reader
/// that fails leaves its share to be read here.
async fn read_page(
    engine: &ocr::Engine,
    reader: Option<&Reader>,
    page: &ocr::Page,
) -> ocr::Result<ocr::PageText> {
    let detected = engine.detect_page(page)?;
    let quads = &detected.quads;

    // The reader's share goes out first, so both read at once.
    let reader = reader.filter(|r| r.is_ready() && quads.len() > 1);
    let shares = ocr::share::share_lines(quads, if reader.is_some() { 2 } else { 1 });
    let pick = |share: &[usize]| share.iter().map(|&i| quads[i]).collect::<Vec<_>>();
    let pending = match (reader, shares.get(1)) {
        (Some(reader), Some(theirs)) => match reader.send(&detected.upright, pick(theirs)) {
            Ok(receiver) => Some(receiver),
            Err(e) => {
                log::warn!("{e}; reading alone");
                None
            }
        },
        _ => None,
    };

    // Our share, then theirs (read here if the reader failed).
    let mut read = vec![None; quads.len()];
    let ours = engine.recognise(&detected.upright, &pick(&shares[0]))?;
    for (&i, line) in shares[0].iter().zip(ours) {
        read[i] = Some(line);
    }
    if let Some(theirs) = shares.get(1) {
        let answer = match pending {
            Some(receiver) => receiver.await.unwrap_or_else(|_| Err("no answer".into())),
            None => Err("not sent".into()),
        };
        let lines = match answer {
            Ok(lines) if lines.len() == theirs.len() => lines,
            other => {
                if let Err(e) = other {
                    log::warn!("reader: {e}; reading its share here");
                }
                engine.recognise(&detected.upright, &pick(theirs))?
            }
        };
        for (&i, line) in theirs.iter().zip(lines) {
            read[i] = Some(line);
        }
    }

    log::debug!(
        "{} lines: {} read here, {} by the reader",
        quads.len(),
        shares[0].len(),
        shares.get(1).map_or(0, Vec::len)
    );

    // Every slot is filled by now; finish_page checks the count anyway.
    let read = read.into_iter().flatten().collect();
    engine.finish_page(detected, read).map(|(text, _)| text)
}

/// Tells the page that step `STEPS[index]` ended after `ms` milliseconds.
fn post_step(index: usize, ms: f64) {
    post(&FromWorker::Step { index, ms }, None);
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
