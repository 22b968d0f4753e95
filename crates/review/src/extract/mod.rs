//! Field extraction: the values printed on a certificate of a known
//! template, read from the OCR lines where the template says they are.
//!
//! Per page, every OCR line is mapped into template millimetres through the
//! page's transform (from `crate::identify`). Each fixed text (anchor,
//! label, table header) is looked for near its printed place
//! (`locate`); a field's value region is then taken relative to where its
//! label was found, or where the transform alone puts it when the label is
//! missing (`fields`). The lines starting in the region are joined in
//! reading order and normalised by the field's type (`normalise`). The
//! goods table is read row by row between its header and its totals row
//! (`table`). Forms without a template go to `generic`.

pub mod fields;
pub mod generic;
pub mod geometry;
pub mod labels;
pub mod locate;
pub mod matching;
pub mod normalise;
pub mod placed;
pub mod table;

use ocr::PageText;

use crate::field::ExtractedField;
use crate::template::{FieldType, Locale, Template};
use geometry::Transform;
use labels::{printed_lines, Printed};
use locate::{locate, Found};
use placed::{join, place, Piece, Placed};

pub use normalise::{iso6346_check_digit_ok, normalise, NormaliseError};

/// Reads every field of `template` from the pages. `transforms[i]` maps
/// template page `i + 1` to scanned page `i` (as `crate::identify` fits
/// them); pages without one are skipped. Fields with no text in their
/// region are left out (rule P1 reports them). Goods-table cells are named
/// `items[i].column`; the totals row gives the column's own name when the
/// template has no field of that name.
pub fn extract(
    pages: &[PageText],
    template: &Template,
    transforms: &[Option<Transform>],
) -> Vec<ExtractedField> {
    let printed = printed_lines(template);
    let mut out = Vec::new();
    for (index, page) in pages.iter().enumerate().take(template.pages as usize) {
        let Some(transform) = transforms.get(index).copied().flatten() else {
            continue;
        };
        let page_no = index as u32 + 1;
        let view = PageView::new(page, &transform, &printed, page_no);
        read_fields(template, &view, &mut out);
        read_items(template, &view, &mut out);
    }
    out
}

/// One page seen through its transform, with the fixed texts located.
struct PageView {
    page_no: u32,
    transform: Transform,
    placed: Vec<Placed>,
    printed: Vec<Printed>,
    found: Vec<Option<Found>>,
    fixed: Vec<bool>,
}

impl PageView {
    fn new(page: &PageText, transform: &Transform, all: &[Printed], page_no: u32) -> Self {
        let placed = place(page, transform);
        let printed: Vec<Printed> = all.iter().filter(|p| p.page == page_no).cloned().collect();
        let found: Vec<Option<Found>> = printed.iter().map(|p| locate(p, &placed)).collect();
        let mut fixed = vec![false; placed.len()];
        for f in found.iter().flatten() {
            fixed[f.placed] = true;
        }
        PageView {
            page_no,
            transform: *transform,
            placed,
            printed,
            found,
            fixed,
        }
    }

    /// An extracted field from pieces, normalised as `kind`.
    fn field(
        &self,
        name: String,
        kind: FieldType,
        locale: &Locale,
        pieces: Vec<Piece>,
        label_score: f32,
    ) -> Option<ExtractedField> {
        let (raw, confidence, b) = join(pieces)?;
        let value = match normalise(kind, &raw, locale) {
            Ok(v) => Some(v),
            Err(e) => {
                log::debug!("extract: {name}: {e}");
                None
            }
        };
        Some(ExtractedField {
            name,
            raw,
            value,
            confidence: (confidence * label_score).clamp(0.0, 1.0),
            page: self.page_no,
            quad: self
                .transform
                .rect_to_page(b.left, b.top, b.right, b.bottom),
        })
    }
}

/// The template's fields printed on this page.
fn read_fields(t: &Template, view: &PageView, out: &mut Vec<ExtractedField>) {
    for field in t.fields.iter().filter(|f| f.at.page == view.page_no) {
        let place = fields::place_field(field, &view.printed, &view.found);
        let pieces = fields::value_pieces(&place, &view.placed, &view.fixed, &view.printed);
        let pieces = fields::tidy(pieces, field.max_lines, stamp_region(t, view.page_no));
        let name = field.name.clone();
        if let Some(mut f) = view.field(name, field.kind, &t.locale, pieces, place.label_score) {
            if field.kind == FieldType::CertificateNumber {
                f.value = f
                    .value
                    .map(|v| normalise::fit_number_pattern(&v, &t.number_pattern));
            }
            out.push(f);
        }
    }
}

/// The stamp's zone on this page as a region, widened by 3 mm; an empty
/// region on other pages.
fn stamp_region(t: &Template, page_no: u32) -> fields::Region {
    let z = &t.stamp.zone;
    if z.page != page_no {
        return (0.0, 0.0, 0.0, 0.0);
    }
    (
        z.x_mm - 3.0,
        z.y_mm - 3.0,
        z.x_mm + z.width_mm + 3.0,
        z.y_mm + z.height_mm + 3.0,
    )
}

/// The goods table, if the template has one on this page.
fn read_items(t: &Template, view: &PageView, out: &mut Vec<ExtractedField>) {
    let Some(items) = t.items.as_ref().filter(|i| i.at.page == view.page_no) else {
        return;
    };
    let read = table::read_table(
        t,
        items,
        &view.placed,
        &view.fixed,
        &view.printed,
        &view.found,
    );
    for (row, column, pieces) in read.cells {
        let name = format!("items[{row}].{}", column.name);
        if let Some(f) = view.field(name, column.kind, &t.locale, pieces, read.header_score) {
            out.push(f);
        }
    }
    for (column, pieces) in read.totals {
        let has_field = t.fields.iter().any(|f| f.name == column.name);
        if has_field || column.kind == FieldType::Text {
            continue;
        }
        let name = column.name.clone();
        if let Some(f) = view.field(name, column.kind, &t.locale, pieces, read.header_score) {
            out.push(f);
        }
    }
}
