//! Identification: which template (and version) a certificate is printed on,
//! and where each template page lies on each scanned page.
//!
//! Every fixed text of a template (anchors, field labels, table headers) is
//! fuzzy-matched, in any of its languages, against the OCR lines of the
//! page the template puts it on (`extract::matching`). A line's top-left
//! corner and the text's printed position form a pair; a robust fit
//! (`extract::geometry::fit`) finds the scale, rotation and offset most
//! pairs agree with. A template's score is the weight of the texts found
//! where the fit puts them, over the weight of all its texts: titles,
//! authority names and the form code count most, and each found text counts
//! by how well it was read, so that an old and a new version of one form
//! (whose form codes differ by a few characters and whose layouts differ)
//! score apart.
//!
//! Calibration: the true template scores 0.6 or more on a page with a few
//! misread or missing lines; a form with no template scores below
//! [`UNKNOWN_BELOW`] (0.45), because only generic labels (`Consignee`,
//! `Net weight`) match and rarely where the template has them. Texts that
//! match none of the title, authority and form code lower the score by 40 %.

use std::collections::HashMap;

use ocr::PageText;

use crate::extract::geometry::{fit, through_one, Pair, Transform};
use crate::extract::labels::{printed_lines, Owner, Printed};
use crate::extract::matching::{fold, similarity};
use crate::report::TemplateMatch;
use crate::template::Template;

/// Best scores below this mean "unknown template".
pub const UNKNOWN_BELOW: f32 = 0.45;

/// How far a text may lie from where the fitted transform puts it, millimetres.
pub const TOLERANCE_MM: f32 = 3.0;

/// Texts matched less well than this are not considered at all.
pub const MIN_SIMILARITY: f32 = 0.7;

/// How many candidates are reported.
pub const MAX_CANDIDATES: usize = 5;

/// The outcome of identification.
#[derive(Clone, Debug, PartialEq)]
pub struct Identification {
    /// The best candidates, most likely first (at most 5).
    pub candidates: Vec<TemplateMatch>,
    /// Index into the templates of the identified one; `None` when the best
    /// score is below [`UNKNOWN_BELOW`].
    pub best: Option<usize>,
    /// Per scanned page, the template-to-page transform of the best
    /// candidate (even when it is below the threshold); `None` for pages
    /// beyond the template's page count.
    pub transforms: Vec<Option<Transform>>,
}

/// How one template fits the scanned pages.
#[derive(Clone, Debug)]
struct Fitted {
    score: f32,
    transforms: Vec<Option<Transform>>,
}

/// OCR lines of one page, folded once, with the matches already computed
/// for each distinct folded text (templates share many labels).
struct PreparedPage<'a> {
    page: &'a PageText,
    folded: Vec<String>,
    matches: HashMap<String, Vec<(usize, f32)>>,
}

impl<'a> PreparedPage<'a> {
    fn new(page: &'a PageText) -> Self {
        PreparedPage {
            page,
            folded: page.lines.iter().map(|l| fold(&l.text)).collect(),
            matches: HashMap::new(),
        }
    }

    /// Lines that hold `folded` with similarity >= [`MIN_SIMILARITY`].
    fn matches(&mut self, folded: &str) -> &[(usize, f32)] {
        if !self.matches.contains_key(folded) {
            let found = self
                .folded
                .iter()
                .enumerate()
                .filter(|(_, line)| plausible_lengths(folded, line))
                .map(|(i, line)| (i, similarity(folded, line)))
                .filter(|(_, s)| *s >= MIN_SIMILARITY)
                .collect();
            self.matches.insert(folded.to_string(), found);
        }
        self.matches.get(folded).map_or(&[], Vec::as_slice)
    }
}

/// Whether a line is long enough to hold a text (whole, or its start when wrapped).
fn plausible_lengths(expected: &str, line: &str) -> bool {
    let (e, l) = (expected.len(), line.len());
    l * 2 >= e || l >= 12
}

/// Identifies the template of a certificate from its OCR pages.
pub fn identify(pages: &[PageText], templates: &[Template]) -> Identification {
    let mut prepared: Vec<PreparedPage> = pages.iter().map(PreparedPage::new).collect();
    let mut fitted: Vec<(usize, Fitted)> = templates
        .iter()
        .enumerate()
        .map(|(i, t)| (i, fit_template(t, &mut prepared)))
        .collect();
    fitted.sort_by(|a, b| b.1.score.total_cmp(&a.1.score));

    let candidates = fitted
        .iter()
        .take(MAX_CANDIDATES)
        .map(|(i, f)| TemplateMatch {
            id: templates[*i].id.clone(),
            version: templates[*i].version.clone(),
            confidence: f.score,
        })
        .collect();
    let best = fitted
        .first()
        .filter(|(_, f)| f.score >= UNKNOWN_BELOW)
        .map(|(i, _)| *i);
    let transforms = fitted
        .first()
        .map(|(_, f)| f.transforms.clone())
        .unwrap_or_else(|| vec![None; pages.len()]);
    if let Some((i, f)) = fitted.first() {
        log::debug!(
            "identify: best {} {} at {:.3}{}",
            templates[*i].id,
            templates[*i].version,
            f.score,
            if best.is_some() { "" } else { " (unknown)" }
        );
    }
    Identification {
        candidates,
        best,
        transforms,
    }
}

/// Fits one template to the pages (template page n on scanned page n) and scores it.
fn fit_template(t: &Template, pages: &mut [PreparedPage]) -> Fitted {
    let printed = printed_lines(t);
    let mut found = 0.0f32;
    let mut total = 0.0f32;
    let mut distinctive = false;
    let mut transforms: Vec<Option<Transform>> = vec![None; pages.len()];
    let mut single: Vec<Option<Pair>> = vec![None; pages.len()];

    for page_no in 1..=t.pages {
        let expected: Vec<&Printed> = printed.iter().filter(|p| p.page == page_no).collect();
        total += expected.iter().map(|p| p.weight).sum::<f32>();
        let Some(page) = pages.get_mut(page_no as usize - 1) else {
            continue;
        };

        // Pairs: every plausible reading of every expected text.
        let mut pairs = Vec::new();
        let mut pair_lines = Vec::new();
        for (key, e) in expected.iter().enumerate() {
            let matches = page.matches(&e.folded).to_vec();
            for (line, s) in matches {
                let w = e.weight * read_quality(s);
                if w > 0.0 {
                    let q = page.page.lines[line].quad[0];
                    pairs.push(Pair {
                        mm: (e.x_mm, e.y_mm),
                        px: (q[0], q[1]),
                        weight: w,
                        key,
                    });
                    pair_lines.push(line);
                }
            }
        }

        // The transform most texts agree with; each line serves one text.
        let index = page_no as usize - 1;
        match fit(&pairs, TOLERANCE_MM) {
            Some((transform, mut inliers)) => {
                inliers.sort_by(|&a, &b| pairs[b].weight.total_cmp(&pairs[a].weight));
                let mut used = Vec::new();
                for i in inliers {
                    if used.contains(&pair_lines[i]) {
                        continue;
                    }
                    used.push(pair_lines[i]);
                    found += pairs[i].weight;
                    if let Owner::Anchor(id) = &expected[pairs[i].key].owner {
                        distinctive |= matches!(id.as_str(), "title" | "authority" | "form-code");
                    }
                }
                transforms[index] = Some(transform);
            }
            None => {
                single[index] = pairs
                    .iter()
                    .max_by(|a, b| a.weight.total_cmp(&b.weight))
                    .copied();
            }
        }
    }

    // Pages without a fit borrow scale and angle from a page with one.
    let reference = transforms.iter().flatten().next().copied();
    for (i, page) in pages.iter().enumerate().take(t.pages as usize) {
        if transforms[i].is_some() {
            continue;
        }
        let guess = Transform::fit_width(t.page_size.width_mm, page.page.width as f32);
        let base = reference.unwrap_or(guess);
        transforms[i] = Some(match &single[i] {
            Some(p) => through_one(base.scale, base.angle, p),
            None => base,
        });
    }

    // Score: found over expected, lowered for extra pages and for generic-only matches.
    let mut score = if total > 0.0 { found / total } else { 0.0 };
    let extra_pages = pages.len().saturating_sub(t.pages as usize);
    score *= 0.9f32.powi(extra_pages as i32);
    if !distinctive {
        score *= 0.6;
    }
    Fitted {
        score: score.clamp(0.0, 1.0),
        transforms,
    }
}

/// How much a match of similarity `s` counts: 0 at [`MIN_SIMILARITY`], 1 when exact.
fn read_quality(s: f32) -> f32 {
    ((s - MIN_SIMILARITY) / (1.0 - MIN_SIMILARITY)).clamp(0.0, 1.0)
}
