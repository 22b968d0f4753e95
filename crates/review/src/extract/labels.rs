//! The fixed texts a template prints (anchors, field labels, goods-table
//! headers), one entry per printed line, and where each line starts.

use crate::template::{Localised, Template};

use super::matching::fold;

/// Points to millimetres.
pub const MM_PER_PT: f32 = 0.3528;

/// Line pitch of stacked languages, as a multiple of the font size.
pub const LINE_PITCH: f32 = 1.3;

/// Font size of field labels and table headers, points (templates do not set one).
pub const LABEL_PT: f32 = 8.0;

/// Font size of printed values, points.
pub const VALUE_PT: f32 = 9.0;

/// What a printed text belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Owner {
    /// The anchor with this id.
    Anchor(String),
    /// The label of the field with this name.
    Field(String),
    /// The header of the goods-table column with this name.
    Column(String),
}

/// One printed line of fixed text.
#[derive(Clone, Debug, PartialEq)]
pub struct Printed {
    /// What it belongs to.
    pub owner: Owner,
    /// Language code.
    pub lang: String,
    /// Stacking position of the language (0 for the first line).
    pub line: usize,
    /// The text as printed.
    pub text: String,
    /// The text folded (see `matching::fold`).
    pub folded: String,
    /// Page, 1-based.
    pub page: u32,
    /// Where the line starts, millimetres from the page's left.
    pub x_mm: f32,
    /// Top of the line, millimetres from the page's top.
    pub y_mm: f32,
    /// How much it counts in identification, > 0.
    pub weight: f32,
}

/// The languages of a localised text in printing order: the template's
/// order, then any others alphabetically.
pub fn stacked<'a>(text: &'a Localised, languages: &[String]) -> Vec<(&'a str, &'a str)> {
    let mut out: Vec<(&str, &str)> = languages
        .iter()
        .filter_map(|l| text.get_key_value(l.as_str()))
        .map(|(l, t)| (l.as_str(), t.as_str()))
        .collect();
    for (l, t) in text {
        if !languages.contains(l) {
            out.push((l.as_str(), t.as_str()));
        }
    }
    out
}

/// Line pitch for a font size in points, millimetres.
pub fn pitch_mm(size_pt: f32) -> f32 {
    LINE_PITCH * size_pt * MM_PER_PT
}

/// Every fixed printed line of the template.
pub fn printed_lines(t: &Template) -> Vec<Printed> {
    let mut out = Vec::new();
    let mut push = |owner: Owner, text: &Localised, page: u32, x: f32, y: f32, pt: f32, w: f32| {
        for (line, (lang, s)) in stacked(text, &t.languages).into_iter().enumerate() {
            let folded = fold(s);
            if folded.is_empty() {
                continue;
            }
            // Longer texts say more; short ones ("No.") say little.
            let length = (folded.chars().count() as f32 / 10.0).clamp(0.2, 1.5);
            out.push(Printed {
                owner: owner.clone(),
                lang: lang.to_string(),
                line,
                text: s.to_string(),
                folded,
                page,
                x_mm: x,
                y_mm: y + line as f32 * pitch_mm(pt),
                weight: w * length,
            });
        }
    };
    for a in &t.anchors {
        let w = match a.id.as_str() {
            "form-code" => 4.0,
            "title" => 3.0,
            "authority" => 2.0,
            _ => 1.0,
        };
        push(
            Owner::Anchor(a.id.clone()),
            &a.text,
            a.at.page,
            a.at.x_mm,
            a.at.y_mm,
            a.size_pt,
            w,
        );
    }
    for f in &t.fields {
        push(
            Owner::Field(f.name.clone()),
            &f.label,
            f.at.page,
            f.at.x_mm,
            f.at.y_mm,
            LABEL_PT,
            1.0,
        );
    }
    if let Some(items) = &t.items {
        for c in &items.columns {
            let x = items.at.x_mm + c.dx_mm;
            push(
                Owner::Column(c.name.clone()),
                &c.label,
                items.at.page,
                x,
                items.at.y_mm,
                LABEL_PT,
                0.5,
            );
        }
    }
    out
}
