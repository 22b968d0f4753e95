//! Page layout: turns a certificate's content into positioned text runs and
//! rules on an A4 page, dropping optional parts until everything fits.

mod look;
mod sections;
mod text;

use rand::seq::SliceRandom;
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

pub(crate) use look::{Frame, Look};
pub(crate) use text::{Ink, RuleItem, Style, TextItem};

use crate::content::{Certificate, Field};
use crate::fonts::Fonts;
use sections::Ctx;
use text::{Block, Measure};

/// A4 width in millimetres.
pub(crate) const PAGE_WIDTH_MM: f32 = 210.0;
/// A4 height in millimetres.
pub(crate) const PAGE_HEIGHT_MM: f32 = 297.0;

/// Converts physical sizes to pixels at one resolution.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Units {
    /// Dots per inch.
    pub dpi: f32,
}

impl Units {
    /// Millimetres to pixels.
    pub fn mm(&self, mm: f32) -> f32 {
        mm * self.dpi / 25.4
    }

    /// Typographic points (1/72 inch) to pixels.
    pub fn pt(&self, pt: f32) -> f32 {
        pt * self.dpi / 72.0
    }
}

/// Everything to print on one page, in page pixels.
pub(crate) struct PageLayout {
    /// Page width in pixels.
    pub width: u32,
    /// Page height in pixels.
    pub height: u32,
    /// Text runs in reading order.
    pub texts: Vec<TextItem>,
    /// Rules and shading.
    pub rules: Vec<RuleItem>,
    /// The look the page was set in.
    pub look: Look,
    /// Where the stamp's centre goes.
    pub stamp_centre: [f32; 2],
    /// Where the signature goes, `[x0, y0, x1, y1]`.
    pub signature_box: [f32; 4],
}

/// Which optional parts are printed.
#[derive(Clone, Debug)]
struct Plan {
    /// Consignment fields left out (indices into `Certificate::consignment`).
    omitted: Vec<usize>,
    /// Optional fields not yet left out, in the order they go.
    droppable: Vec<usize>,
    /// Fields of the two-column production section printed (0 leaves it out).
    production: usize,
    /// Print the Chinese attestation paragraph.
    chinese: bool,
    /// Number of attestation statements printed.
    statements: usize,
}

/// Consignment fields that may be left out when the page is full.
const OPTIONAL_FIELDS: [usize; 6] = [2, 6, 8, 11, 12, 5];

/// Pairs of consignment fields that may share a table row.
const PAIRABLE: [(usize, usize); 4] = [(2, 3), (5, 6), (7, 8), (12, 13)];

impl Plan {
    /// Leaves out one more part; false when nothing is left to drop.
    fn reduce(&mut self) -> bool {
        // The two-column section shrinks by a row at a time and outlasts the
        // optional fields and all but two statements.
        if self.omitted.len() < 3 && !self.droppable.is_empty() {
            self.omitted.push(self.droppable.remove(0));
        } else if self.statements > 3 {
            self.statements -= 1;
        } else if self.production > 4 {
            self.production -= 2;
        } else if !self.droppable.is_empty() {
            self.omitted.push(self.droppable.remove(0));
        } else if self.statements > 2 {
            self.statements -= 1;
        } else if self.production > 0 {
            self.production -= 2.min(self.production);
        } else if self.chinese {
            self.chinese = false;
        } else if self.statements > 1 {
            self.statements -= 1;
        } else {
            return false;
        }
        true
    }

    /// Plans with one dropped part given back, most wanted first.
    fn grown(&self, statements: usize, chinese: bool, production: usize) -> Vec<Plan> {
        let mut plans = Vec::new();
        if self.production < production {
            plans.push(Plan {
                production: (self.production + 2).min(production),
                ..self.clone()
            });
        }
        if self.statements < statements {
            plans.push(Plan {
                statements: self.statements + 1,
                ..self.clone()
            });
        }
        if chinese && !self.chinese {
            plans.push(Plan {
                chinese: true,
                ..self.clone()
            });
        }
        for (k, field) in self.omitted.iter().enumerate().rev() {
            let mut plan = self.clone();
            plan.omitted.remove(k);
            plan.droppable.insert(0, *field);
            plans.push(plan);
        }
        plans
    }
}

/// Lays out a certificate on an A4 page at `units.dpi`.
pub(crate) fn compose(
    fonts: &Fonts,
    units: Units,
    certificate: &Certificate,
    rng: &mut ChaCha8Rng,
) -> PageLayout {
    // Page geometry and look.
    let look = Look::draw(rng);
    let width = units.mm(PAGE_WIDTH_MM).round() as u32;
    let height = units.mm(PAGE_HEIGHT_MM).round() as u32;
    let side = units.mm(rng.random_range(17.0..21.0));
    let top = units.mm(rng.random_range(12.0..16.0));
    let bottom = units.mm(rng.random_range(11.0..14.0));
    let ctx = Ctx {
        m: Measure { fonts },
        u: units,
        look: &look,
        left: side,
        width: width as f32 - 2.0 * side,
    };
    let issue_seed = rng.random::<u64>();

    // Start with everything and drop optional parts until the page fits.
    let mut droppable = OPTIONAL_FIELDS.to_vec();
    droppable.shuffle(rng);
    let wants_chinese = rng.random_bool(0.7);
    let mut plan = Plan {
        omitted: Vec::new(),
        droppable,
        production: certificate.production.len(),
        chinese: wants_chinese,
        statements: certificate.statements.len(),
    };
    let margins = Margins {
        top,
        bottom,
        page_height: height as f32,
    };
    let place = |plan: &Plan| place_all(&ctx, certificate, plan, margins, issue_seed);

    // Drop parts until the page fits...
    let mut placed = place(&plan);
    while placed.is_err() {
        if !plan.reduce() {
            log::warn!("certificate does not fit the page; printing what fits");
            break;
        }
        placed = place(&plan);
    }

    // ...then give back whatever still fits, one part at a time.
    if placed.is_ok() {
        let full = certificate.statements.len();
        while let Some((bigger, result)) = plan
            .grown(full, wants_chinese, certificate.production.len())
            .into_iter()
            .map(|candidate| {
                let result = place(&candidate);
                (candidate, result)
            })
            .find(|(_, result)| result.is_ok())
        {
            plan = bigger;
            placed = result;
        }
    }

    let (block, marks) = match placed {
        Ok(done) | Err(done) => done,
    };
    PageLayout {
        width,
        height,
        texts: block.texts,
        rules: block.rules,
        look,
        stamp_centre: marks.stamp_centre,
        signature_box: marks.signature_box,
    }
}

/// Vertical page frame of the text area.
#[derive(Clone, Copy)]
struct Margins {
    top: f32,
    bottom: f32,
    page_height: f32,
}

/// Positions every block of the plan. `Err` carries what fit when something
/// did not.
#[allow(clippy::type_complexity)]
fn place_all(
    ctx: &Ctx<'_>,
    certificate: &Certificate,
    plan: &Plan,
    frame: Margins,
    issue_seed: u64,
) -> Result<(Block, sections::IssueMarks), (Block, sections::IssueMarks)> {
    use rand::SeedableRng;
    let u = ctx.u;
    let mut page = Block::default();

    // Footnote and issue block are anchored to the page foot.
    let note = sections::footnote(ctx);
    let note_top = frame.page_height - frame.bottom - note.height;
    let mut issue_rng = ChaCha8Rng::seed_from_u64(issue_seed);
    let (issue, mut marks) = sections::issue_block(ctx, certificate, &mut issue_rng);
    let issue_top = note_top - u.mm(6.0) - issue.height;
    marks.stamp_centre[1] += issue_top;
    marks.signature_box[1] += issue_top;
    marks.signature_box[3] += issue_top;
    let limit = issue_top - u.mm(5.0);

    // The flowing part, top down.
    let fields: Vec<&Field> = certificate
        .consignment
        .iter()
        .enumerate()
        .filter(|(i, _)| !plan.omitted.contains(i))
        .map(|(_, f)| f)
        .collect();
    let kept: Vec<usize> = (0..certificate.consignment.len())
        .filter(|i| !plan.omitted.contains(i))
        .collect();
    let pairs: Vec<bool> = kept
        .iter()
        .enumerate()
        .map(|(k, i)| {
            ctx.look.merge_pairs
                && PAIRABLE
                    .iter()
                    .any(|(a, b)| a == i && kept.get(k + 1) == Some(b))
        })
        .collect();
    let mut flow: Vec<(Block, f32)> = vec![
        (sections::header(ctx, certificate), u.mm(4.0)),
        (sections::title(ctx, certificate), u.mm(4.0)),
        (sections::number_row(ctx, certificate), u.mm(3.0)),
        (
            sections::heading(ctx, "I", "Identification of the consignment", "货物信息"),
            u.mm(1.5),
        ),
        (sections::consignment_table(ctx, &fields, &pairs), u.mm(4.0)),
    ];
    if plan.production > 0 {
        flow.push((
            sections::heading(ctx, "II", "Production and storage", "生产及储存信息"),
            u.mm(1.5),
        ));
        flow.push((
            sections::two_columns(
                ctx,
                &certificate.production[..plan.production.min(certificate.production.len())],
            ),
            u.mm(4.0),
        ));
    }
    let number = if plan.production > 0 { "III" } else { "II" };
    flow.push((
        sections::heading(ctx, number, "Attestation", "证明"),
        u.mm(2.0),
    ));
    let statements = &certificate.statements[..plan.statements.min(certificate.statements.len())];
    let chinese = plan.chinese.then_some(certificate.statement_zh.as_str());
    flow.push((
        sections::attestation(ctx, &certificate.attestation_intro, statements, chinese),
        0.0,
    ));

    // Place while it fits.
    let mut y = frame.top;
    let mut fits = true;
    for (block, gap_after) in flow {
        if y + block.height > limit {
            fits = false;
            break;
        }
        let height = block.height;
        page.append(block, y);
        y += height + gap_after;
    }
    page.append(issue, issue_top);
    page.append(note, note_top);
    if fits {
        Ok((page, marks))
    } else {
        Err((page, marks))
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    /// Page box of a laid-out run: pen advance × ascent..descent.
    fn run_box(fonts: &Fonts, item: &TextItem) -> [f32; 4] {
        let width = fonts.advance(item.style.face, item.style.em_px, &item.text);
        let (ascent, descent) = fonts.vertical_metrics(item.style.face);
        [
            item.x,
            item.baseline - ascent * item.style.em_px,
            item.x + width,
            item.baseline + descent * item.style.em_px,
        ]
    }

    fn overlaps(a: [f32; 4], b: [f32; 4]) -> bool {
        a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
    }

    #[test]
    fn runs_keep_clear_of_rules_and_of_each_other() {
        let fonts = Fonts::from_debian().expect("Debian fonts");
        let units = Units { dpi: 150.0 };
        for seed in 0..16 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let certificate = Certificate::generate(&mut rng);
            let layout = compose(&fonts, units, &certificate, &mut rng);
            let boxes: Vec<[f32; 4]> = layout.texts.iter().map(|t| run_box(&fonts, t)).collect();

            // No run touches a ruled line (shading is allowed under text).
            for (item, b) in layout.texts.iter().zip(&boxes) {
                for rule in layout.rules.iter().filter(|r| r.coverage >= 1.0) {
                    assert!(
                        !overlaps(*b, rule.rect),
                        "seed {seed}: {:?} touches a rule",
                        item.text
                    );
                }
            }

            // Runs sharing a line are at least 0.9 em apart; runs never overlap.
            for (i, (a, ta)) in boxes.iter().zip(&layout.texts).enumerate() {
                for (b, tb) in boxes.iter().zip(&layout.texts).skip(i + 1) {
                    assert!(
                        !overlaps(*a, *b),
                        "seed {seed}: {:?} overlaps {:?}",
                        ta.text,
                        tb.text
                    );
                    let shared = a[3].min(b[3]) - a[1].max(b[1]);
                    if shared > 0.0 {
                        let gap = (b[0] - a[2]).max(a[0] - b[2]);
                        let em = ta.style.em_px.max(tb.style.em_px);
                        assert!(
                            gap >= 0.9 * em,
                            "seed {seed}: {:?} and {:?} only {gap} px apart",
                            ta.text,
                            tb.text
                        );
                    }
                }
            }

            // Everything on the page, inside the margins.
            for b in &boxes {
                assert!(b[0] >= units.mm(15.0) && b[2] <= layout.width as f32 - units.mm(15.0));
                assert!(b[1] >= units.mm(10.0) && b[3] <= layout.height as f32 - units.mm(10.0));
            }
        }
    }
}
