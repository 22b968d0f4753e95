//! Lays a certificate out exactly where its template says: anchors and field
//! labels stacked one language per line, values at 9 pt in their value
//! regions, the goods table, wrapped attestations and the footer of every
//! page. Positions follow /work/briefs/layout.md: millimetres from the page's
//! top-left, `y` the top of the text line.
//!
//! The goods table: column labels at `items.at` (stacked languages, 8 pt);
//! the rows start 1 mm below the header block, `row_height_mm` apart, each
//! row's text vertically centred in its row (9 pt); the totals row follows
//! the last goods line, its label stacked from the row's top at `items.at.x`
//! and the totals in the packages and weight columns.

use std::collections::BTreeMap;

use review::template::{FieldType, Localised, Template};

use super::plant::Tampering;
use super::printed::{self, DateSpoil, Printed};
use super::values::Consignment;
use crate::fonts::{Face, Fonts};
use crate::layout::{Ink, RuleItem, Style, TextItem, Units};

/// Millimetres per point.
const MM_PER_PT: f32 = 25.4 / 72.0;
/// Label and anchor line pitch factor (pitch = 1.3 × size).
const PITCH: f32 = 1.3;
/// Size of labels, column headers, attestations and the footer, points.
pub(crate) const LABEL_PT: f32 = 8.0;
/// Size of filled-in values, points.
pub(crate) const VALUE_PT: f32 = 9.0;
/// Size of a retyped date (`edited-date`), points.
pub(crate) const RETYPED_PT: f32 = 11.0;
/// Pitch of value lines, millimetres.
pub(crate) const VALUE_PITCH_MM: f32 = 4.2;

/// One page's text and rules, in page pixels.
#[derive(Default)]
pub(crate) struct PageDraft {
    /// Text runs.
    pub texts: Vec<TextItem>,
    /// Rules.
    pub rules: Vec<RuleItem>,
}

/// A value covered with correction fluid and retyped.
pub(crate) struct Retyped {
    /// Page number, 1-based.
    pub page: u32,
    /// The patch, page pixels `[x0, y0, x1, y1]`.
    pub patch: [f32; 4],
    /// The retyped run.
    pub text: TextItem,
}

/// The laid-out certificate.
pub(crate) struct Composed {
    /// One draft per page.
    pub pages: Vec<PageDraft>,
    /// Canonical values of what was printed, for the answer key.
    pub fields: BTreeMap<String, String>,
    /// Printed lines per field (after wrapping), goods cells as `items[i].column`.
    pub raw: BTreeMap<String, Vec<String>>,
    /// The retyped date, when `edited-date` is planted.
    pub retyped: Option<Retyped>,
}

/// The faces a template is printed in: regular and bold, Latin.
pub(crate) fn faces(t: &Template) -> (Face, Face) {
    let hash =
        t.id.bytes()
            .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    if hash % 2 == 0 {
        (Face::Serif, Face::SerifBold)
    } else {
        (Face::Sans, Face::SansBold)
    }
}

/// Whether a text needs the CJK face.
fn is_cjk(lang: &str, text: &str) -> bool {
    lang == "zh" || lang == "ja" || text.chars().any(|c| ('\u{3000}'..='\u{9fff}').contains(&c))
}

/// Sets text on one page.
struct Pen<'a> {
    fonts: &'a Fonts,
    units: Units,
    regular: Face,
    bold: Face,
}

impl Pen<'_> {
    /// A style of `size_pt` points.
    fn style(&self, face: Face, size_pt: f32, ink: Ink) -> Style {
        Style {
            face,
            em_px: self.units.pt(size_pt),
            ink,
            embolden: false,
        }
    }

    /// A run whose line top is at `(x_mm, y_mm)`.
    fn run(&self, style: Style, x_mm: f32, y_mm: f32, text: &str) -> Option<TextItem> {
        let text = printed::collapse(text);
        if text.is_empty() {
            return None;
        }
        let (ascent, _) = self.fonts.vertical_metrics(style.face);
        Some(TextItem {
            text,
            style,
            x: self.units.mm(x_mm),
            baseline: self.units.mm(y_mm) + ascent * style.em_px,
        })
    }

    /// A line that may mix Latin and Chinese, set as one run per script on a
    /// common baseline (Chinese runs left out when `no_chinese`).
    fn mixed(
        &self,
        style: Style,
        x_mm: f32,
        y_mm: f32,
        text: &str,
        no_chinese: bool,
    ) -> Vec<TextItem> {
        let (ascent, _) = self.fonts.vertical_metrics(style.face);
        let baseline = self.units.mm(y_mm) + ascent * style.em_px;
        let mut x = self.units.mm(x_mm);
        let mut items = Vec::new();
        for (run, cjk) in script_runs(text) {
            let face = if cjk { Face::Cjk } else { style.face };
            let run_style = Style { face, ..style };
            let advance = self.fonts.advance(face, style.em_px, &run);
            let lead = run.len() - run.trim_start().len();
            let lead_px = self.fonts.advance(face, style.em_px, &run[..lead]);
            let trimmed = printed::collapse(&run);
            if !(trimmed.is_empty() || cjk && no_chinese) {
                items.push(TextItem {
                    text: trimmed,
                    style: run_style,
                    x: x + lead_px,
                    baseline,
                });
            }
            x += advance;
        }
        items
    }

    /// Width of `text` in millimetres.
    fn width_mm(&self, style: &Style, text: &str) -> f32 {
        self.fonts.advance(style.face, style.em_px, text) / self.units.mm(1.0)
    }

    /// Breaks `text` at spaces into lines no wider than `width_mm` (a longer word stays whole).
    fn wrap(&self, style: &Style, text: &str, width_mm: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut current = String::new();
        for word in text.split_whitespace() {
            let candidate = if current.is_empty() {
                word.to_string()
            } else {
                format!("{current} {word}")
            };
            if current.is_empty() || self.width_mm(style, &candidate) <= width_mm {
                current = candidate;
            } else {
                lines.push(std::mem::take(&mut current));
                current = word.to_string();
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
        lines
    }

    /// A localised text stacked one language per line from `(x, y)`;
    /// returns the runs (languages left out keep their line).
    fn stacked(
        &self,
        t: &Template,
        text: &Localised,
        (x_mm, y_mm): (f32, f32),
        size_pt: f32,
        bold: bool,
        no_chinese: bool,
    ) -> Vec<TextItem> {
        let pitch = PITCH * size_pt * MM_PER_PT;
        let mut runs = Vec::new();
        for (k, lang) in t.languages.iter().enumerate() {
            let Some(line) = text.get(lang) else { continue };
            let cjk = is_cjk(lang, line);
            if cjk && no_chinese {
                continue;
            }
            let face = match (cjk, bold) {
                (true, _) => Face::Cjk,
                (false, true) => self.bold,
                (false, false) => self.regular,
            };
            let mut style = self.style(face, size_pt, Ink::Form);
            style.embolden = cjk && bold;
            runs.extend(self.run(style, x_mm, y_mm + k as f32 * pitch, line));
        }
        runs
    }
}

/// Whether a character is set in the CJK face.
fn cjk_char(c: char) -> bool {
    ('\u{2e80}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// Splits a line into runs of one script: digits and spaces between two
/// Chinese characters belong to the Chinese run (`第1页`).
fn script_runs(text: &str) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let class: Vec<Option<bool>> = chars
        .iter()
        .map(|&c| {
            if cjk_char(c) {
                Some(true)
            } else if c.is_ascii_digit() || c == ' ' {
                None
            } else {
                Some(false)
            }
        })
        .collect();
    let resolved: Vec<bool> = (0..chars.len())
        .map(|i| {
            class[i].unwrap_or_else(|| {
                let before = class[..i].iter().rev().find_map(|c| *c);
                let after = class[i + 1..].iter().find_map(|c| *c);
                before == Some(true) && after == Some(true)
            })
        })
        .collect();
    let mut runs: Vec<(String, bool)> = Vec::new();
    for (c, cjk) in chars.into_iter().zip(resolved) {
        match runs.last_mut() {
            Some((run, kind)) if *kind == cjk => run.push(c),
            _ => runs.push((c.to_string(), cjk)),
        }
    }
    runs
}

/// Height of a stacked block of `languages` lines at `size_pt`, millimetres.
pub(crate) fn stacked_height(languages: usize, size_pt: f32) -> f32 {
    languages as f32 * PITCH * size_pt * MM_PER_PT
}

/// Lays out every page of the certificate.
pub(crate) fn compose(
    fonts: &Fonts,
    units: Units,
    t: &Template,
    c: &Consignment,
    tamper: &Tampering,
    hs_dotted: bool,
) -> Composed {
    let (regular, bold) = faces(t);
    let pen = Pen {
        fonts,
        units,
        regular,
        bold,
    };
    let mut pages: Vec<PageDraft> = (0..t.pages).map(|_| PageDraft::default()).collect();
    let page_index = |page: u32| (page.clamp(1, t.pages) - 1) as usize;
    let no_zh = tamper.no_chinese;
    let spoil = DateSpoil {
        field: tamper.bad_date_field.clone(),
    };
    let mut fields = BTreeMap::new();
    let mut raw = BTreeMap::new();
    let mut retyped = None;

    // Anchors: the form's fixed texts.
    for anchor in &t.anchors {
        let bold_anchor = anchor.id == "title" || anchor.size_pt >= 10.0;
        let runs = pen.stacked(
            t,
            &anchor.text,
            (anchor.at.x_mm, anchor.at.y_mm),
            anchor.size_pt,
            bold_anchor,
            no_zh,
        );
        pages[page_index(anchor.at.page)].texts.extend(runs);
    }

    // Fields: label, then value.
    let value_style = pen.style(regular, VALUE_PT, Ink::Text);
    for field in &t.fields {
        let page = &mut pages[page_index(field.at.page)];
        page.texts.extend(pen.stacked(
            t,
            &field.label,
            (field.at.x_mm, field.at.y_mm),
            LABEL_PT,
            false,
            no_zh,
        ));
        if tamper.omit_fields.contains(&field.name) {
            continue;
        }
        let Some(value) = printed::field(t, c, &field.name, field.kind, &spoil, hs_dotted) else {
            log::warn!("{}: no value for field {:?}", t.id, field.name);
            continue;
        };
        check_pattern(t, field, &value);

        // Wrap to the region and set line by line.
        let region = field.value;
        let (x, y) = (field.at.x_mm + region.dx_mm, field.at.y_mm + region.dy_mm);
        let lines: Vec<String> = value
            .lines
            .iter()
            .flat_map(|l| pen.wrap(&value_style, l, region.width_mm))
            .collect();
        if lines.len() as u32 > field.max_lines {
            log::warn!(
                "{}: {} takes {} lines, more than its {}",
                t.id,
                field.name,
                lines.len(),
                field.max_lines
            );
        }
        let edited = tamper.edited_date.as_deref() == Some(field.name.as_str());
        for (k, line) in lines.iter().enumerate() {
            let y_line = y + k as f32 * VALUE_PITCH_MM;
            if edited {
                let style = pen.style(regular, RETYPED_PT, Ink::Text);
                let width = pen
                    .width_mm(&value_style, line)
                    .max(pen.width_mm(&style, line));
                if let Some(text) = pen.run(style, x, y_line - 0.6, line) {
                    retyped = Some(Retyped {
                        page: field.at.page,
                        patch: [
                            units.mm(x - 1.0),
                            units.mm(y_line - 1.2),
                            units.mm(x + width + 1.5),
                            units.mm(y_line + 4.6),
                        ],
                        text,
                    });
                }
            } else {
                page.texts.extend(pen.run(value_style, x, y_line, line));
            }
        }
        raw.insert(field.name.clone(), lines.clone());
        fields.insert(field.name.clone(), value.canonical);
    }

    // The goods table.
    if let Some(table) = &t.items {
        let page = &mut pages[page_index(table.at.page)];
        let header = stacked_height(t.languages.len(), LABEL_PT);
        for column in &table.columns {
            page.texts.extend(pen.stacked(
                t,
                &column.label,
                (table.at.x_mm + column.dx_mm, table.at.y_mm),
                LABEL_PT,
                false,
                no_zh,
            ));
        }
        let rows_top = table.at.y_mm + header + 1.0;
        let right = table
            .columns
            .iter()
            .map(|col| col.dx_mm + col.width_mm)
            .fold(0.0f32, f32::max);
        page.rules.push(RuleItem {
            rect: [
                units.mm(table.at.x_mm),
                units.mm(rows_top - 0.45),
                units.mm(table.at.x_mm + right),
                units.mm(rows_top - 0.3),
            ],
            ink: Ink::Form,
            coverage: 1.0,
        });
        let inset = ((table.row_height_mm - VALUE_PITCH_MM) / 2.0).max(0.0) + 0.3;
        let rows = c.items.len().min(table.max_rows as usize);
        for (i, item) in c.items.iter().take(rows).enumerate() {
            let y = rows_top + i as f32 * table.row_height_mm + inset;
            for column in &table.columns {
                let Some(cell) = printed::cell(t, item, &column.name, &spoil, i) else {
                    continue;
                };
                let mut line = cell.lines.join(" ");
                let mut canonical = cell.canonical;
                if column.kind == FieldType::Text {
                    // Shorten a description that overflows its column, keeping
                    // its first and last words.
                    let mut words: Vec<&str> = line.split(' ').collect();
                    while words.len() > 2
                        && pen.width_mm(&value_style, &words.join(" ")) > column.width_mm
                    {
                        words.remove(1);
                    }
                    line = words.join(" ");
                    canonical = line.clone();
                }
                page.texts
                    .extend(pen.run(value_style, table.at.x_mm + column.dx_mm, y, &line));
                let name = format!("items[{i}].{}", column.name);
                raw.insert(name.clone(), vec![line]);
                fields.insert(name, canonical);
            }
        }
        let totals_top = rows_top + rows as f32 * table.row_height_mm + inset;
        page.texts.extend(pen.stacked(
            t,
            &table.total_label,
            (table.at.x_mm, totals_top),
            LABEL_PT,
            true,
            no_zh,
        ));
        for column in &table.columns {
            if let Some(total) = printed::total(t, c, &column.name) {
                page.texts.extend(pen.run(
                    value_style,
                    table.at.x_mm + column.dx_mm,
                    totals_top,
                    &total,
                ));
            }
        }
    }

    // Attestations, wrapped to their width.
    let small = pen.style(regular, LABEL_PT, Ink::Form);
    let pitch = PITCH * LABEL_PT * MM_PER_PT;
    for attestation in &t.attestations {
        if tamper.omit_attestations.contains(&attestation.id) {
            continue;
        }
        let page = &mut pages[page_index(attestation.at.page)];
        for (k, line) in pen
            .wrap(&small, &attestation.text, attestation.width_mm)
            .iter()
            .enumerate()
        {
            page.texts.extend(pen.run(
                small,
                attestation.at.x_mm,
                attestation.at.y_mm + k as f32 * pitch,
                line,
            ));
        }
    }

    // The footer of every page, centred.
    if let Some(footer) = &t.footer {
        for (i, page) in pages.iter_mut().enumerate() {
            let number = match (&tamper.page2_number, i) {
                (Some(other), 1) => other.as_str(),
                _ => c.number.as_str(),
            };
            let text = footer
                .text
                .replace("{page}", &(i + 1).to_string())
                .replace("{pages}", &t.pages.to_string())
                .replace("{number}", number);
            let items = pen.mixed(small, 0.0, footer.y_mm, &text, no_zh);
            let width = items
                .last()
                .map(|last| {
                    last.x + fonts.advance(last.style.face, last.style.em_px, &last.text)
                        - items[0].x
                })
                .unwrap_or(0.0);
            let shift = ((units.mm(t.page_size.width_mm) - width) / 2.0).max(0.0);
            page.texts.extend(items.into_iter().map(|mut item| {
                item.x += shift;
                item
            }));
        }
    }

    Composed {
        pages,
        fields,
        raw,
        retyped,
    }
}

/// Warns when a printed value does not satisfy its field's pattern.
fn check_pattern(t: &Template, field: &review::template::Field, value: &Printed) {
    let Some(pattern) = &field.pattern else {
        return;
    };
    let Ok(re) = regex::Regex::new(pattern) else {
        return;
    };
    let text = value.lines.join(" ");
    if !re.is_match(&text) && field.kind != FieldType::CertificateNumber {
        log::warn!(
            "{}: {} value {text:?} does not match its pattern {pattern:?}",
            t.id,
            field.name
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_lines_split_by_script() {
        let runs = script_runs("Page 1 of 2 / 第1页 共2页");
        assert_eq!(
            runs,
            vec![
                ("Page 1 of 2 / ".to_string(), false),
                ("第1页 共2页".to_string(), true)
            ]
        );
    }
}
