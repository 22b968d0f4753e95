//! Inspection of the page images beyond their text: QR codes linking to the
//! electronic record, alteration artefacts inside fields, and (later) stamps
//! and signatures. The results feed rules S1–S4.

mod alteration;
mod finder;
mod grey;
mod grey_mark;
mod patch;
pub mod payload;
pub mod qr;

use image::RgbImage;
use ocr::quad::Quad;
use ocr::text::PageText;
use serde::{Deserialize, Serialize};

pub use payload::ECertPayload;

use crate::field::ExtractedField;

/// Inspects a certificate's pages: decodes every QR code and looks for
/// alteration artefacts around the extracted field values.
///
/// `images` are the decoded pages (the pixel frame of the OCR boxes) and
/// `pages[i]` is the OCR text of `images[i]`; `fields` carry 1-based page
/// numbers. Pages without OCR text are still searched for QR codes.
pub fn inspect(images: &[RgbImage], pages: &[PageText], fields: &[ExtractedField]) -> Inspection {
    let mut inspection = Inspection::default();
    for (index, image) in images.iter().enumerate() {
        let page = index as u32 + 1;
        let grey = grey::Grey::from_rgb(image);
        inspection.qr_codes.extend(qr::read_grey(&grey, page));
        inspection.alterations.extend(alteration::find(
            image,
            &grey,
            pages.get(index),
            fields,
            page,
        ));
    }
    inspection
        .alterations
        .extend(alteration::font_changes(pages, fields));
    inspection
}

/// What the inspection step found on a certificate's pages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Inspection {
    /// Every QR code decoded, in page order.
    pub qr_codes: Vec<QrRead>,
    /// Signs that a field was altered.
    pub alterations: Vec<Alteration>,
}

/// One decoded QR code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QrRead {
    /// Page number, 1-based.
    pub page: u32,
    /// The decoded text.
    pub text: String,
    /// Where the code is, page pixels.
    #[serde(rename = "box")]
    pub quad: Quad,
}

/// A sign of alteration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alteration {
    /// Page number, 1-based.
    pub page: u32,
    /// The field affected, when the artefact lies in a field's value.
    pub field: Option<String>,
    /// What was seen.
    pub kind: AlterationKind,
    /// Where, page pixels.
    #[serde(rename = "box")]
    pub quad: Quad,
}

/// Kinds of alteration artefact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlterationKind {
    /// A patch of correction fluid or a sticker: flat white unlike the paper around it.
    WhitePatch,
    /// The value's text height differs from the rest of the form's values.
    FontChange,
    /// A "COPY" (or translated) mark on the page.
    CopyMark,
}
