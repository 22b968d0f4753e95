//! Alteration artefacts on one page (rule S4): a "COPY" mark (read by the
//! OCR, or a large grey overprint the OCR skipped), correction
//! fluid or a sticker under a value ([`super::patch`]), and a value retyped
//! at another size than the rest of the form's values.

use ocr::quad::Quad;
use ocr::text::{Line, PageText};

use image::RgbImage;

use super::grey::Grey;
use super::{grey_mark, patch, Alteration, AlterationKind};
use crate::field::ExtractedField;

/// Words of a copy mark, upper case, in the languages of the certificates.
const COPY_WORDS: [&str; 7] = ["COPY", "COPIE", "COPIA", "KOPIE", "KOPI", "副本", "复印件"];

/// A one-edit match of a copy word counts only on a line at least this many
/// times the page's median line height, or tilted by at least
/// [`TILTED_DEGREES`] (a stamped or watermarked mark, not form text).
const LARGE_LINE: f32 = 2.0;
/// Tilt of a copy-mark line, degrees.
const TILTED_DEGREES: f32 = 10.0;

/// A watched value (date, number, weight...) whose text box is more than
/// this factor taller than the median of comparable values counts as a font
/// change. Measured with the tiny OCR models on 10 generated certificates
/// (309 single-line values): genuine values range 0.69 to 1.28 times their
/// peers' median, so the 1.25 first planned would fire on most genuine
/// certificates; the generator's retyped date (11 pt among 9 pt values)
/// measures 1.22 to 1.24 and is left to the white-patch detector.
pub(crate) const FONT_CHANGE_RATIO: f32 = 1.35;
/// A watched value this many times smaller than its peers' median counts too
/// (genuine values reach 0.69).
const FONT_SHRINK_RATIO: f32 = 0.6;
/// Beyond this factor the box more likely holds two lines merged by the
/// detector than a retyped value.
const MERGED_LINES_RATIO: f32 = 1.8;
/// Fewest other comparable values needed for a median.
const MIN_PEERS: usize = 3;
/// Fewest letters and digits a value needs for its height to be measured:
/// the detector boxes one or two glyphs loosely (a package count "1" on a
/// photographed page measured half its peers' height).
const MIN_MEASURED_CHARS: usize = 3;

/// The copy marks and white patches of page `page` (1-based): `fields` are
/// all the certificate's fields (those of other pages are skipped). Font
/// changes are found over the whole certificate by [`font_changes`].
pub(crate) fn find(
    image: &RgbImage,
    grey: &Grey,
    text: Option<&PageText>,
    fields: &[ExtractedField],
    page: u32,
) -> Vec<Alteration> {
    let mut out = Vec::new();
    let lines: &[Line] = text.map(|t| t.lines.as_slice()).unwrap_or(&[]);
    out.extend(copy_marks(lines, page));
    if out.is_empty() {
        // A mark too large or faint for the OCR to read as a line.
        if let Some(quad) = grey_mark::grey_mark(image, grey) {
            out.push(Alteration {
                page,
                field: None,
                kind: AlterationKind::CopyMark,
                quad,
            });
        }
    }
    let on_page: Vec<&ExtractedField> = fields.iter().filter(|f| f.page == page).collect();
    for field in on_page.iter().filter(|f| patch::watched(&f.name)) {
        if let Some(quad) = patch::white_patch(grey, &field.quad) {
            out.push(Alteration {
                page,
                field: Some(field.name.clone()),
                kind: AlterationKind::WhitePatch,
                quad,
            });
        }
    }
    out
}

/// Lines whose every word is a copy word (exactly, or with one OCR slip on
/// a conspicuous line).
fn copy_marks(lines: &[Line], page: u32) -> Vec<Alteration> {
    let mut heights: Vec<f32> = lines.iter().map(|l| height(&l.quad)).collect();
    let median_height = median(&mut heights).unwrap_or(0.0);
    lines
        .iter()
        .filter(|line| {
            let words: Vec<String> = line
                .text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| w.chars().flat_map(char::to_uppercase).collect())
                .collect();
            if words.is_empty() {
                return false;
            }
            if words.iter().all(|w| COPY_WORDS.contains(&w.as_str())) {
                return true;
            }
            let conspicuous = height(&line.quad) >= LARGE_LINE * median_height
                || tilt_degrees(&line.quad).abs() >= TILTED_DEGREES;
            conspicuous
                && words.iter().all(|word| {
                    COPY_WORDS
                        .iter()
                        .any(|w| w.chars().count() >= 4 && one_edit(w, word))
                })
        })
        .map(|line| Alteration {
            page,
            field: None,
            kind: AlterationKind::CopyMark,
            quad: line.quad,
        })
        .collect()
}

/// Whether `a` and `b` differ by at most one insertion, deletion or substitution.
fn one_edit(a: &str, b: &str) -> bool {
    strsim::levenshtein(a, b) <= 1
}

/// How a value's glyphs reach above and below: `(tall, descends)`. Capitals,
/// digits and ascenders make a line tall; g, j, p, q, y and brackets make it
/// descend. Boxes are only compared within one class.
fn glyph_class(text: &str) -> (bool, bool) {
    let tall = text
        .chars()
        .any(|c| c.is_uppercase() || c.is_ascii_digit() || "bdfhklt".contains(c) || !c.is_ascii());
    let descends = text.chars().any(|c| "gjpqy()[]{}".contains(c));
    (tall, descends)
}

/// One single-line value and its measure.
struct Measured<'a> {
    field: &'a ExtractedField,
    /// Index of the page in `pages`.
    page: usize,
    /// Height of the one OCR line in the value's box, pixels.
    height: f32,
    /// [`glyph_class`] of that line.
    class: (bool, bool),
}

/// Watched single-line values whose text height differs from their peers':
/// the single-line values of the same glyph class on the same page or, when
/// the page has fewer than [`MIN_PEERS`], on every page of the same pixel
/// size.
pub(crate) fn font_changes(pages: &[PageText], fields: &[ExtractedField]) -> Vec<Alteration> {
    let mut values = Vec::new();
    for field in fields {
        let index = field.page as usize;
        let Some(text) = index.checked_sub(1).and_then(|i| pages.get(i)) else {
            continue;
        };
        let (x0, y0, x1, y1) = ocr::quad::bounds(&field.quad);
        let inside: Vec<&Line> = text
            .lines
            .iter()
            .filter(|l| {
                let [cx, cy] = centre(&l.quad);
                cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1
            })
            .collect();
        let long_enough =
            |l: &Line| l.text.chars().filter(|c| c.is_alphanumeric()).count() >= MIN_MEASURED_CHARS;
        if let [line] = inside.as_slice() {
            if !long_enough(line) {
                continue;
            }
            values.push(Measured {
                field,
                page: index - 1,
                height: height(&line.quad),
                class: glyph_class(&line.text),
            });
        }
    }
    let size = |i: usize| (pages[i].width, pages[i].height);
    let mut out = Vec::new();
    for (i, value) in values.iter().enumerate() {
        if !patch::watched(&value.field.name) {
            continue;
        }
        let peers_where = |same_page: bool| -> Vec<f32> {
            values
                .iter()
                .enumerate()
                .filter(|(j, v)| {
                    *j != i
                        && v.class == value.class
                        && if same_page {
                            v.page == value.page
                        } else {
                            size(v.page) == size(value.page)
                        }
                })
                .map(|(_, v)| v.height)
                .collect()
        };
        let mut peers = peers_where(true);
        if peers.len() < MIN_PEERS {
            peers = peers_where(false);
        }
        if peers.len() < MIN_PEERS {
            continue;
        }
        let Some(reference) = median(&mut peers) else {
            continue;
        };
        if reference <= 0.0 {
            continue;
        }
        let ratio = value.height / reference;
        let changed =
            (ratio > FONT_CHANGE_RATIO && ratio < MERGED_LINES_RATIO) || ratio < FONT_SHRINK_RATIO;
        if changed {
            log::debug!(
                "{} is {:.1} px high, its {} peers {reference:.1} px",
                value.field.name,
                value.height,
                peers.len()
            );
            out.push(Alteration {
                page: value.field.page,
                field: Some(value.field.name.clone()),
                kind: AlterationKind::FontChange,
                quad: value.field.quad,
            });
        }
    }
    out
}

/// Distance between the midpoints of the quad's top and bottom edges, pixels.
pub(crate) fn height(q: &Quad) -> f32 {
    let top = [(q[0][0] + q[1][0]) / 2.0, (q[0][1] + q[1][1]) / 2.0];
    let bottom = [(q[3][0] + q[2][0]) / 2.0, (q[3][1] + q[2][1]) / 2.0];
    (bottom[0] - top[0]).hypot(bottom[1] - top[1])
}

/// Angle of the quad's top edge from the horizontal, degrees.
fn tilt_degrees(q: &Quad) -> f32 {
    (q[1][1] - q[0][1]).atan2(q[1][0] - q[0][0]).to_degrees()
}

/// Mean of the four corners.
fn centre(q: &Quad) -> [f32; 2] {
    [
        q.iter().map(|p| p[0]).sum::<f32>() / 4.0,
        q.iter().map(|p| p[1]).sum::<f32>() / 4.0,
    ]
}

/// The median, `None` for no values (reorders `values`).
fn median(values: &mut [f32]) -> Option<f32> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f32::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, quad: Quad) -> Line {
        Line {
            text: text.into(),
            confidence: 0.9,
            quad,
        }
    }

    fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> Quad {
        [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]
    }

    #[test]
    fn copy_words_match_whole_lines_and_fuzzy_only_when_conspicuous() {
        let mut lines: Vec<Line> = (0..10)
            .map(|i| {
                line(
                    "Net weight",
                    rect(0.0, i as f32 * 40.0, 200.0, i as f32 * 40.0 + 20.0),
                )
            })
            .collect();
        lines.push(line("copie", rect(0.0, 500.0, 80.0, 520.0)));
        lines.push(line("C0PY", rect(0.0, 600.0, 80.0, 620.0)));
        lines.push(line(
            "A TRUE COPY OF THE ORIGINAL",
            rect(0.0, 700.0, 300.0, 720.0),
        ));
        // Large and tilted, one OCR slip.
        lines.push(line(
            "COPV",
            [
                [100.0, 900.0],
                [900.0, 500.0],
                [950.0, 600.0],
                [150.0, 1000.0],
            ],
        ));
        lines.push(line("复印件", rect(0.0, 1100.0, 60.0, 1120.0)));
        lines.push(line("COPY / COPIE", rect(0.0, 1200.0, 60.0, 1220.0)));
        let found = copy_marks(&lines, 2);
        let texts: Vec<[f32; 2]> = found.iter().map(|a| a.quad[0]).collect();
        assert_eq!(
            texts,
            vec![[0.0, 500.0], [100.0, 900.0], [0.0, 1100.0], [0.0, 1200.0]],
            "{found:?}"
        );
        assert!(found
            .iter()
            .all(|a| a.page == 2 && a.kind == AlterationKind::CopyMark));
    }

    fn page_of(lines: Vec<Line>) -> PageText {
        PageText {
            width: 1000,
            height: 1400,
            dpi: Some(200.0),
            rotation: 0,
            skew: 0.0,
            status: ocr::text::PageStatus::Text,
            lines,
        }
    }

    fn field(name: &str, quad: Quad) -> ExtractedField {
        ExtractedField {
            name: name.into(),
            raw: String::new(),
            value: None,
            confidence: 1.0,
            page: 1,
            quad,
        }
    }

    #[test]
    fn a_much_taller_watched_value_is_a_font_change() {
        // Five values 20 px high, the issue date 30 px, the consignee 40 px.
        let heights = [
            ("net_weight", 20.0),
            ("gross_weight", 21.0),
            ("packages", 19.0),
            ("hs_code", 20.0),
            ("departure_date", 22.0),
            ("issue_date", 30.0),
            ("consignee", 40.0),
        ];
        let mut lines = Vec::new();
        let mut fields = Vec::new();
        for (i, (name, h)) in heights.iter().enumerate() {
            let y = 100.0 * i as f32;
            lines.push(line("24 560 KG", rect(100.0, y, 300.0, y + h)));
            fields.push(field(name, rect(95.0, y - 2.0, 305.0, y + h + 2.0)));
        }
        let found = font_changes(&[page_of(lines)], &fields);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].field.as_deref(), Some("issue_date"));
        assert_eq!(found[0].kind, AlterationKind::FontChange);
        assert_eq!(found[0].quad, fields[5].quad);
    }

    #[test]
    fn a_one_digit_value_is_not_measured() {
        // A package count "1" boxed at half its peers' height (a
        // photographed RO-EMBRYO page) is no font change; "10" neither.
        let mut lines = Vec::new();
        let mut fields = Vec::new();
        let values = [
            ("net_weight", "50,00", 36.0),
            ("gross_weight", "66,29", 38.0),
            ("production_date", "30.11.2024", 40.0),
            ("issue_date", "01.12.2024", 37.0),
            ("packages", "1", 19.0),
            ("items[0].packages", "10", 19.0),
        ];
        for (i, (name, text, h)) in values.iter().enumerate() {
            let y = 100.0 * i as f32;
            lines.push(line(text, rect(100.0, y, 300.0, y + h)));
            fields.push(field(name, rect(95.0, y - 2.0, 305.0, y + h + 2.0)));
        }
        assert_eq!(font_changes(&[page_of(lines.clone())], &fields), vec![]);
        // Three digits are measured: a shrunken one is found.
        lines[4].text = "100".into();
        let found = font_changes(&[page_of(lines)], &fields);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].field.as_deref(), Some("packages"));
    }

    #[test]
    fn glyph_classes_separate_digits_from_descenders() {
        assert_eq!(glyph_class("2026-03-05"), (true, false));
        assert_eq!(glyph_class("Shanghai Co"), (true, true));
        assert_eq!(glyph_class("sea"), (false, false));
    }

    #[test]
    fn median_of_even_and_odd_counts() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&mut []), None);
    }
}
