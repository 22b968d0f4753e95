//! What page to render: seed, resolution, degradation and the optional marks.

use serde::{Deserialize, Serialize};

use crate::SynthError;

/// Smallest supported resolution in dots per inch.
pub const MIN_DPI: f32 = 100.0;
/// Largest supported resolution in dots per inch (an A4 page at 600 dpi is ~105 MB of RGB).
pub const MAX_DPI: f32 = 600.0;
/// Resolution of the `Degradation::LowDpi` output.
pub const LOW_DPI: f32 = 150.0;

/// How the printed page is spoiled after rendering, the way real scans and
/// photographs are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Degradation {
    /// The page as printed: no degradation.
    Clean,
    /// Scanned askew: rotated about the page centre by 0.5°..3° either way;
    /// ground-truth boxes are rotated with it.
    Rotated,
    /// Out of focus: (almost) Gaussian blur with sigma 0.09..0.15 mm.
    Blurred,
    /// Saved as a low-quality JPEG (quality 8..=25) and decoded again.
    Jpeg,
    /// Faxed: resampled to fax resolution (204×196 dpi), thresholded to black and
    /// white with ragged edges and speckle, then brought back to the page size.
    Fax,
    /// Photographed with a phone: mild perspective (page on a darker desk),
    /// uneven illumination, a colour cast, softness and sensor noise.
    Photo,
    /// Scanned at 150 dpi: the page is resampled to `LOW_DPI` (no change when it
    /// was requested at 150 dpi or less).
    LowDpi,
}

impl Degradation {
    /// Every degradation, `Clean` first.
    pub const ALL: [Degradation; 7] = [
        Degradation::Clean,
        Degradation::Rotated,
        Degradation::Blurred,
        Degradation::Jpeg,
        Degradation::Fax,
        Degradation::Photo,
        Degradation::LowDpi,
    ];

    /// Lower-case name, e.g. "low-dpi", for file names and reports.
    pub fn name(self) -> &'static str {
        match self {
            Degradation::Clean => "clean",
            Degradation::Rotated => "rotated",
            Degradation::Blurred => "blurred",
            Degradation::Jpeg => "jpeg",
            Degradation::Fax => "fax",
            Degradation::Photo => "photo",
            Degradation::LowDpi => "low-dpi",
        }
    }
}

/// One page to render. The same request always gives the same pixels.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageRequest {
    /// Chooses the certificate's content, layout and every random detail.
    pub seed: u64,
    /// Print resolution in dots per inch, `MIN_DPI..=MAX_DPI` (150..300 is typical).
    pub dpi: f32,
    /// What happens to the page after printing.
    pub degradation: Degradation,
    /// Press a round official stamp over the issue block (not part of the ground truth).
    pub stamp: bool,
    /// Sign above the veterinarian's name (not part of the ground truth).
    pub signature: bool,
}

impl PageRequest {
    /// A clean 300 dpi page with stamp and signature.
    pub fn new(seed: u64) -> PageRequest {
        PageRequest {
            seed,
            dpi: 300.0,
            degradation: Degradation::Clean,
            stamp: true,
            signature: true,
        }
    }

    /// Checks the request; a dpi outside `MIN_DPI..=MAX_DPI` (or NaN) is an error.
    pub fn validate(&self) -> Result<(), SynthError> {
        if !(MIN_DPI..=MAX_DPI).contains(&self.dpi) {
            return Err(SynthError::Dpi {
                dpi: self.dpi,
                min: MIN_DPI,
                max: MAX_DPI,
            });
        }
        Ok(())
    }
}
