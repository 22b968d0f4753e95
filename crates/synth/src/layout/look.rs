//! The typographic look of one page: typefaces, sizes, form colour and
//! decorations, drawn at random per page.

use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use crate::content::pick;
use crate::fonts::Face;

/// Decoration around the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Frame {
    /// No border.
    None,
    /// One thin rule around the page.
    Single,
    /// A thick and a thin rule.
    Double,
    /// A band of wavy security-print lines.
    Guilloche,
}

/// Page-wide typographic choices.
#[derive(Clone, Debug)]
pub(crate) struct Look {
    /// Regular body face.
    pub regular: Face,
    /// Bold face for labels and titles.
    pub bold: Face,
    /// Face of the certificate number.
    pub number_face: Face,
    /// Label size in points.
    pub label_pt: f32,
    /// Value size in points.
    pub value_pt: f32,
    /// Title size in points.
    pub title_pt: f32,
    /// Authority header size in points.
    pub header_pt: f32,
    /// Attestation and footnote size in points.
    pub small_pt: f32,
    /// Colour of the pre-printed form (rules, labels, titles), RGB.
    pub form_colour: [u8; 3],
    /// Shade label cells lightly.
    pub shade_labels: bool,
    /// Prefer the Chinese label under the English one (else beside it when it fits).
    pub stack_labels: bool,
    /// Width of the label column as a fraction of the text width.
    pub label_fraction: f32,
    /// Put pairs of short fields side by side in one table row.
    pub merge_pairs: bool,
    /// Shaded band behind section headings.
    pub heading_band: bool,
    /// Page border.
    pub frame: Frame,
    /// Faint rosette printed behind the text.
    pub watermark: bool,
    /// Paper colour, RGB.
    pub paper: [u8; 3],
}

/// Dark inks used for pre-printed forms.
const FORM_COLOURS: [[u8; 3]; 5] = [
    [20, 20, 22],
    [20, 20, 22],
    [18, 38, 96],
    [16, 70, 48],
    [88, 40, 24],
];

impl Look {
    /// Draws a look.
    pub(crate) fn draw(rng: &mut ChaCha8Rng) -> Look {
        let (regular, bold) = *pick(
            rng,
            &[
                (Face::Sans, Face::SansBold),
                (Face::Serif, Face::SerifBold),
                (Face::DejaVuSans, Face::DejaVuSansBold),
            ],
        );
        let number_face = if rng.random_bool(0.3) {
            Face::Mono
        } else {
            bold
        };
        let value_pt = rng.random_range(9.5..11.0f32);
        let paper_tone = rng.random_range(246..=255u8);
        Look {
            regular,
            bold,
            number_face,
            label_pt: rng.random_range(8.0..9.0f32),
            value_pt,
            title_pt: rng.random_range(12.5..14.0f32),
            header_pt: rng.random_range(8.5..10.0f32),
            small_pt: rng.random_range(8.0..9.0f32),
            form_colour: *pick(rng, &FORM_COLOURS),
            shade_labels: rng.random_bool(0.4),
            stack_labels: rng.random_bool(0.6),
            label_fraction: rng.random_range(0.27..0.33f32),
            merge_pairs: rng.random_bool(0.6),
            heading_band: rng.random_bool(0.4),
            frame: *pick(
                rng,
                &[Frame::None, Frame::Single, Frame::Double, Frame::Guilloche],
            ),
            watermark: rng.random_bool(0.35),
            paper: [
                paper_tone,
                paper_tone,
                paper_tone.saturating_sub(rng.random_range(0..6)),
            ],
        }
    }
}
