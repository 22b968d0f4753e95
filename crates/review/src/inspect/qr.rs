//! QR codes on a page (rule S3): every code decoded with `rqrr`, with its
//! corners in page pixels.
//!
//! Scanned pages are large and spoiled (rotated, blurred, JPEG, fax,
//! photographed), so decoding runs in bounded passes:
//!
//! 1. the whole page at half size (the box filter smooths JPEG blocks, fax
//!    speckle and paper noise, and is four times cheaper);
//! 2. for each right-angled triple of finder patterns ([`super::finder`])
//!    that no decoded code covers (at most [`MAX_CROPS`]), its crop at full
//!    size centred on a paper-coloured canvas, then the same binarised with
//!    Otsu's threshold, then at half size;
//! 3. only when the finder scan saw no triple: the whole page at full size.
//!
//! Measured natively in release: 29–55 ms per 200 dpi generated page
//! (every degradation), 88–100 ms per 300 dpi page.

use image::RgbImage;
use ocr::quad::Quad;
use rqrr::PreparedImage;

use super::finder::{self, Candidate};
use super::grey::Grey;
use super::QrRead;

/// Most crops tried per page, largest clusters first (bounds the time on
/// pages full of look-alike patterns).
const MAX_CROPS: usize = 6;
/// Smallest crop side in modules of the candidate's finders.
const MIN_CROP_MODULES: f32 = 80.0;

/// A decoded code in page pixels.
#[derive(Clone, Debug)]
struct Decoded {
    text: String,
    quad: Quad,
}

/// Decodes every QR code of a page; `page` is the 1-based page number written
/// into each result.
pub fn read_codes(image: &RgbImage, page: u32) -> Vec<QrRead> {
    read_grey(&Grey::from_rgb(image), page)
}

/// [`read_codes`] on the page already converted to grey.
pub(crate) fn read_grey(grey: &Grey, page: u32) -> Vec<QrRead> {
    let half = grey.half();
    let mut found: Vec<Decoded> = Vec::new();

    // 1. Whole page at half size.
    decode_into(&half, 2.0, [0.0, 0.0], &mut found);

    // 2. Crops around finder clusters not yet explained.
    let candidates = finder::candidates(&half);
    log::debug!(
        "page {page}: {} finder clusters, {} codes at half size",
        candidates.len(),
        found.len()
    );
    for candidate in candidates.iter().take(MAX_CROPS) {
        if covered(candidate, &found) {
            continue;
        }
        try_crop(grey, candidate, &mut found);
    }

    // 3. No finder triple at all: the full page, for codes too fine at half size.
    if candidates.is_empty() && found.is_empty() {
        decode_into(grey, 1.0, [0.0, 0.0], &mut found);
    }

    found
        .into_iter()
        .map(|d| QrRead {
            page,
            text: d.text,
            quad: d.quad,
        })
        .collect()
}

/// Tries one candidate: its crop at full size on a paper-coloured canvas
/// (rqrr's threshold averages over an eighth of the width, and other
/// finder look-alikes stay out), the crop binarised with Otsu's threshold,
/// then the padded crop at half size.
fn try_crop(grey: &Grey, candidate: &Candidate, found: &mut Vec<Decoded>) {
    // Candidate coordinates are at half size.
    let [x0, y0, x1, y1] = candidate.region.map(|v| (v * 2.0).max(0.0) as usize);
    let crop = grey.crop(x0, y0, x1, y1);
    if crop.width < 21 || crop.height < 21 {
        return;
    }
    let side = (MIN_CROP_MODULES * candidate.module * 2.0) as usize;
    let canvas = crop.padded(side, side, crop.percentile(0.9));
    let offset = [
        x0 as f32 - ((canvas.width - crop.width) / 2) as f32,
        y0 as f32 - ((canvas.height - crop.height) / 2) as f32,
    ];
    let before = found.len();
    if decode_into(&canvas, 1.0, offset, found) {
        return;
    }
    let threshold = crop.otsu();
    decode_bitmap_into(&canvas, threshold, offset, found);
    if found.len() > before {
        return;
    }
    decode_into(&canvas.half(), 2.0, offset, found);
}

/// Whether a decoded code already lies over the candidate's centre.
fn covered(candidate: &Candidate, found: &[Decoded]) -> bool {
    let [cx, cy] = candidate.centre.map(|v| v * 2.0);
    found.iter().any(|d| {
        let (x0, y0, x1, y1) = ocr::quad::bounds(&d.quad);
        let margin = 0.15 * (x1 - x0).max(y1 - y0);
        cx >= x0 - margin && cx <= x1 + margin && cy >= y0 - margin && cy <= y1 + margin
    })
}

/// One grid rqrr found: its corners in the searched image and the decoded text.
type GridRead = ([rqrr::Point; 4], Result<String, rqrr::DeQRError>);

/// Runs rqrr on `grey` (its own adaptive threshold) and adds the decoded
/// codes, mapped by `scale` then `offset` to page pixels; true when at least
/// one grid was found and all decoded.
fn decode_into(grey: &Grey, scale: f32, offset: [f32; 2], found: &mut Vec<Decoded>) -> bool {
    let grids = guarded(|| {
        let mut prepared =
            PreparedImage::prepare_from_greyscale(grey.width, grey.height, |x, y| grey.at(x, y));
        prepared
            .detect_grids()
            .iter()
            .map(|g| (g.bounds, g.decode().map(|(_, text)| text)))
            .collect()
    });
    collect(grids, scale, offset, found)
}

/// Like [`decode_into`] on the image thresholded at `threshold`.
fn decode_bitmap_into(
    grey: &Grey,
    threshold: u8,
    offset: [f32; 2],
    found: &mut Vec<Decoded>,
) -> bool {
    let grids = guarded(|| {
        let mut prepared = PreparedImage::prepare_from_bitmap(grey.width, grey.height, |x, y| {
            grey.at(x, y) < threshold
        });
        prepared
            .detect_grids()
            .iter()
            .map(|g| (g.bounds, g.decode().map(|(_, text)| text)))
            .collect()
    });
    collect(grids, 1.0, offset, found)
}

/// Runs one rqrr search, treating a panic inside rqrr as "no grid": it has
/// an open report of an assertion failing on degenerate finder groups
/// (rqrr issue 54). Natively the panic is caught; in WebAssembly (panics
/// abort) this guard cannot help.
fn guarded(search: impl FnOnce() -> Vec<GridRead>) -> Vec<GridRead> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(search)) {
        Ok(grids) => grids,
        Err(_) => {
            log::warn!("the QR decoder panicked on this image; no code read from it");
            Vec::new()
        }
    }
}

/// Adds the decoded grids to `found`, mapped to page pixels; true when at
/// least one grid was found and all decoded.
fn collect(grids: Vec<GridRead>, scale: f32, offset: [f32; 2], found: &mut Vec<Decoded>) -> bool {
    let mut all = !grids.is_empty();
    for (bounds, text) in grids {
        let quad = bounds.map(|p| {
            [
                p.x as f32 * scale + offset[0],
                p.y as f32 * scale + offset[1],
            ]
        });
        match text {
            Ok(text) => add(found, Decoded { text, quad }),
            Err(e) => {
                log::debug!("QR grid at {:?} did not decode: {e}", quad[0]);
                all = false;
            }
        }
    }
    all
}

/// Adds a code unless the same text was already read at the same place.
fn add(found: &mut Vec<Decoded>, code: Decoded) {
    let centre = centre(&code.quad);
    let size = side(&code.quad);
    let duplicate = found.iter().any(|d| {
        let c = centre_of(d);
        d.text == code.text && (c[0] - centre[0]).hypot(c[1] - centre[1]) < size.max(side(&d.quad))
    });
    if !duplicate {
        found.push(code);
    }
}

/// Centre of a decoded code's quad.
fn centre_of(d: &Decoded) -> [f32; 2] {
    centre(&d.quad)
}

/// Mean of the four corners.
fn centre(q: &Quad) -> [f32; 2] {
    let x = q.iter().map(|p| p[0]).sum::<f32>() / 4.0;
    let y = q.iter().map(|p| p[1]).sum::<f32>() / 4.0;
    [x, y]
}

/// Length of the quad's top side, pixels.
fn side(q: &Quad) -> f32 {
    (q[1][0] - q[0][0]).hypot(q[1][1] - q[0][1])
}
