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
//! The score is half layout and half identity. Layout is the squared
//! fraction of the template's texts found where the fit puts them, each
//! text weighted by how few templates print it (every form has a
//! `Consignee` label; few have a given section header). Identity is the
//! form code read back (its code characters only: `EX188 2019` of `Form
//! EX188 - Version 2019`, so that two versions differ in a character or
//! two) for 70 %, and the title for 30 %, weighted by its rarity.
//!
//! Calibration: the true template scores 0.85 or more on a synthetic page
//! with a few misread labels, and 0.6 or more with its form code unreadable;
//! a page of a form whose template is missing (every other template of the
//! repository, including forms of the same authority built on the same
//! model) scores below [`UNKNOWN_BELOW`] (0.45): the highest such score
//! measured by `tests/extract.rs` is printed by that test.

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
    let rarity = Rarity::of(templates);
    let mut fitted: Vec<(usize, Fitted)> = templates
        .iter()
        .enumerate()
        .map(|(i, t)| (i, fit_template(t, &mut prepared, &rarity)))
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
fn fit_template(t: &Template, pages: &mut [PreparedPage], rarity: &Rarity) -> Fitted {
    let mut printed = printed_lines(t);
    for p in &mut printed {
        p.weight *= rarity.factor(&p.folded);
    }
    let mut found = 0.0f32;
    let mut total = 0.0f32;
    // Identity: the form code's own characters, and the title.
    let mut code_quality = 0.0f32;
    let mut title_found = 0.0f32;
    let mut title_total = 0.0f32;
    let title_rarity = printed
        .iter()
        .find(|p| p.owner == Owner::Anchor("title".into()))
        .map_or(1.0, |p| rarity.factor(&p.folded));
    for p in printed
        .iter()
        .filter(|p| p.owner == Owner::Anchor("title".into()))
    {
        title_total += p.weight;
    }
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
                    let e = expected[pairs[i].key];
                    if let Owner::Anchor(id) = &e.owner {
                        let line = &page.page.lines[pair_lines[i]].text;
                        match id.as_str() {
                            "form-code" => {
                                let s = strsim::normalized_levenshtein(
                                    &form_code_core(&e.text),
                                    &form_code_core(line),
                                ) as f32;
                                code_quality = code_quality.max(code_read_quality(s));
                            }
                            "title" => title_found += pairs[i].weight,
                            _ => {}
                        }
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

    // Score: half layout (texts found where expected, squared: forms built on
    // one model share most labels), half identity (form code, then title,
    // weighted by how rare the title is); lowered for extra pages.
    let layout = if total > 0.0 { found / total } else { 0.0 };
    let title = if title_total > 0.0 {
        title_found / title_total
    } else {
        0.0
    };
    let identity = CODE_SHARE * code_quality + (1.0 - CODE_SHARE) * title * title_rarity;
    let mut score = 0.5 * layout * layout + 0.5 * identity;
    let extra_pages = pages.len().saturating_sub(t.pages as usize);
    score *= 0.9f32.powi(extra_pages as i32);
    log::trace!(
        "identify: {} {}: layout {layout:.3}, code {code_quality:.3}, title {title:.3}",
        t.id,
        t.version
    );
    Fitted {
        score: score.clamp(0.0, 1.0),
        transforms,
    }
}

/// Share of the form code in the identity half of the score (the title has the rest).
const CODE_SHARE: f32 = 0.7;

/// Words of a form code that every form code has ("Form", "Version", "表格", "版").
const FORM_CODE_WORDS: &[&str] = &[
    "formular",
    "formulario",
    "form",
    "modelo",
    "modele",
    "model",
    "versiunea",
    "versao",
    "versie",
    "version",
    "表格",
    "版",
];

/// The characters that tell one form code from another: `Form EX188 -
/// Version 2019` gives `ex1882019`.
fn form_code_core(text: &str) -> String {
    let mut core = fold(text);
    for word in FORM_CODE_WORDS {
        core = core.replace(word, "");
    }
    core
}

/// How much a form-code core read with similarity `s` counts: nothing below
/// 0.75 (two wrong characters in nine), fully when exact.
fn code_read_quality(s: f32) -> f32 {
    ((s - 0.75) / 0.25).clamp(0.0, 1.0)
}

/// How many templates print each folded text: a text every template
/// prints ("Consignee") tells little about which one a page is.
struct Rarity {
    templates_with: HashMap<String, usize>,
}

impl Rarity {
    fn of(templates: &[Template]) -> Rarity {
        let mut templates_with: HashMap<String, usize> = HashMap::new();
        for t in templates {
            let mut texts: Vec<String> = printed_lines(t).into_iter().map(|p| p.folded).collect();
            texts.sort();
            texts.dedup();
            for text in texts {
                *templates_with.entry(text).or_default() += 1;
            }
        }
        Rarity { templates_with }
    }

    /// Weight factor of a text: 1 when one template prints it, falling
    /// towards [`SHARED_FLOOR`] as more do.
    fn factor(&self, folded: &str) -> f32 {
        let n = self.templates_with.get(folded).copied().unwrap_or(1).max(1) as f32;
        SHARED_FLOOR + (1.0 - SHARED_FLOOR) / n
    }
}

/// Least weight factor of a text printed by every template.
const SHARED_FLOOR: f32 = 0.1;

/// How much a match of similarity `s` counts: 0 at [`MIN_SIMILARITY`], 1 when exact.
fn read_quality(s: f32) -> f32 {
    ((s - MIN_SIMILARITY) / (1.0 - MIN_SIMILARITY)).clamp(0.0, 1.0)
}
