//! Renders realistic certificate-like pages — veterinary and phytosanitary
//! certificates for exports to China — with exact ground truth, to measure the
//! OCR engine (character error rate and exact-line rate, see [`score`]).
//!
//! A page is A4 portrait at 100–600 dpi: authority header, bilingual title,
//! certificate number, a ruled consignment table with bilingual labels, a
//! two-column production section, attestation paragraphs in small type, and
//! the issue block with an optional round stamp pressed over printed text and
//! an optional handwritten signature. Every random choice comes from a
//! ChaCha8 generator seeded by the request, so a request always gives the
//! same pixels; the library never touches the file system or OS entropy and
//! builds for `wasm32-unknown-unknown`.
//!
//! ```no_run
//! # fn main() -> Result<(), synth::SynthError> {
//! let fonts = synth::Fonts::from_debian()?;
//! let page = synth::render_page(&fonts, &synth::PageRequest::new(7))?;
//! println!("{} lines at {} dpi", page.lines.len(), page.dpi);
//! # Ok(())
//! # }
//! ```

pub mod certificate;
mod content;
#[cfg(not(target_arch = "wasm32"))]
mod debian_fonts;
mod degrade;
mod error;
mod fonts;
pub mod formats;
pub mod iso6346;
mod layout;
pub mod pdf;
mod raster;
mod request;
pub mod score;
mod truth;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

pub use error::SynthError;
pub use fonts::{Face, FontBytes, Fonts};
pub use request::{Degradation, PageRequest, LOW_DPI, MAX_DPI, MIN_DPI};
pub use score::{score_page, score_page_excluding, OcrLine, PageScore};
pub use truth::{quad_bounds, Quad, RenderedPage, Script, TruthLine};

use content::Certificate;
use layout::Units;
use raster::stamp::StampText;

/// Independent random streams of one page, so that switching the stamp or
/// the signature off leaves the text and layout untouched.
#[derive(Clone, Copy)]
enum Stream {
    Content = 1,
    Layout = 2,
    Stamp = 3,
    Signature = 4,
    Degradation = 5,
}

/// The generator of one stream of a seed.
fn stream(seed: u64, stream: Stream) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed ^ (stream as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// Renders the page a request describes, with its ground truth. Deterministic:
/// the same request and fonts give identical pixels. A dpi outside
/// `MIN_DPI..=MAX_DPI` is an error.
pub fn render_page(fonts: &Fonts, request: &PageRequest) -> Result<RenderedPage, SynthError> {
    request.validate()?;
    let units = Units { dpi: request.dpi };

    // Content and layout.
    let certificate = Certificate::generate(&mut stream(request.seed, Stream::Content));
    let layout = layout::compose(
        fonts,
        units,
        &certificate,
        &mut stream(request.seed, Stream::Layout),
    );

    // Print the form and the filled-in text.
    let (image, lines) = raster::print(fonts, &layout);
    let mut page = RenderedPage {
        image,
        dpi: request.dpi,
        lines,
        dont_care: Vec::new(),
    };

    // Stamp over the issue block, then the signature.
    if request.stamp {
        let text = StampText {
            ring: &certificate.stamp_ring,
            centre: &certificate.stamp_centre,
        };
        let mut rng = stream(request.seed, Stream::Stamp);
        let quad = raster::stamp::press(
            &mut page.image,
            fonts,
            units,
            layout.stamp_centre,
            &text,
            &mut rng,
        );
        page.dont_care.push(quad);
    }
    if request.signature {
        let mut rng = stream(request.seed, Stream::Signature);
        if let Some(quad) =
            raster::signature::sign(&mut page.image, units, layout.signature_box, &mut rng)
        {
            page.dont_care.push(quad);
        }
    }

    // Spoil it.
    degrade::apply(
        &mut page,
        request.degradation,
        &mut stream(request.seed, Stream::Degradation),
    )?;
    log::debug!(
        "rendered seed {} ({}) with {} lines",
        request.seed,
        request.degradation.name(),
        page.lines.len()
    );
    Ok(page)
}
