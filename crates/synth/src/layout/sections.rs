//! The parts of a certificate page, each laid out as a `Block` from y = 0:
//! authority header, title, number row, section headings, the consignment
//! table, the two-column production section, the attestation, the issue
//! block and the footnote.

use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::look::Look;
use super::text::{Align, Block, Ink, Measure, Style};
use super::Units;
use crate::content::{Certificate, Field};
use crate::fonts::Face;

/// What every section needs: measuring, units, the look and the text column.
pub(crate) struct Ctx<'a> {
    /// Text measurement.
    pub m: Measure<'a>,
    /// Millimetre and point conversion.
    pub u: Units,
    /// The page's look.
    pub look: &'a Look,
    /// Left edge of the text column in pixels.
    pub left: f32,
    /// Width of the text column in pixels.
    pub width: f32,
}

/// Where the issue block wants the stamp and the signature.
pub(crate) struct IssueMarks {
    /// Stamp centre (x, y relative to the block top).
    pub stamp_centre: [f32; 2],
    /// Signature box `[x0, y0, x1, y1]` relative to the block top.
    pub signature_box: [f32; 4],
}

impl Ctx<'_> {
    fn style(&self, face: Face, pt: f32, ink: Ink) -> Style {
        Style {
            face,
            em_px: self.u.pt(pt),
            ink,
            embolden: false,
        }
    }

    fn label_en(&self) -> Style {
        self.style(self.look.bold, self.look.label_pt, Ink::Form)
    }

    fn label_zh(&self) -> Style {
        self.style(Face::Cjk, self.look.label_pt - 0.3, Ink::Form)
    }

    fn value(&self) -> Style {
        self.style(self.look.regular, self.look.value_pt, Ink::Text)
    }

    fn value_zh(&self) -> Style {
        self.style(Face::Cjk, self.look.value_pt - 0.5, Ink::Text)
    }

    fn small(&self) -> Style {
        self.style(self.look.regular, self.look.small_pt, Ink::Form)
    }

    /// Cell padding: (horizontal, vertical) in pixels.
    fn padding(&self) -> (f32, f32) {
        (self.u.mm(2.0), self.u.mm(1.1))
    }

    /// Places runs on one shared baseline from `x`, `top`; returns the bottom
    /// (y below the deepest descent) and the x after the last run.
    fn inline(&self, block: &mut Block, runs: &[(Style, &str)], x: f32, top: f32) -> (f32, f32) {
        let ascent = runs
            .iter()
            .map(|(s, _)| self.m.ascent_descent(s).0)
            .fold(0.0, f32::max);
        let descent = runs
            .iter()
            .map(|(s, _)| self.m.ascent_descent(s).1)
            .fold(0.0, f32::max);
        let baseline = top + ascent;
        let mut pen = x;
        for (i, (style, text)) in runs.iter().enumerate() {
            if i > 0 {
                pen += self.m.run_gap(style);
            }
            block.text(*style, pen, baseline, text);
            pen += self.m.width(style, text);
        }
        (baseline + descent, pen)
    }

    /// Width of runs set inline.
    fn inline_width(&self, runs: &[(Style, &str)]) -> f32 {
        runs.iter()
            .enumerate()
            .map(|(i, (s, t))| self.m.width(s, t) + if i > 0 { self.m.run_gap(s) } else { 0.0 })
            .sum()
    }

    /// A bilingual label inside `width`: beside each other when the look
    /// prefers it and it fits, else English (wrapped) over Chinese.
    fn label(&self, block: &mut Block, en: &str, zh: &str, x: f32, top: f32, width: f32) -> f32 {
        self.label_in(block, (en, zh), (x, top), width, self.look.stack_labels)
    }

    /// `label` with the stacking choice made by the caller.
    fn label_in(
        &self,
        block: &mut Block,
        (en, zh): (&str, &str),
        (x, top): (f32, f32),
        width: f32,
        stack: bool,
    ) -> f32 {
        let runs = [(self.label_en(), en), (self.label_zh(), zh)];
        if !stack && self.inline_width(&runs) <= width {
            return self.inline(block, &runs, x, top).0;
        }
        let en_lines = self.m.wrap(&self.label_en(), en, width);
        let y = block.lines(
            &self.m,
            self.label_en(),
            (x, width),
            top,
            &en_lines,
            Align::Left,
        );
        let zh_lines = self.m.wrap(&self.label_zh(), zh, width);
        let gap = 0.15 * self.label_zh().em_px;
        block.lines(
            &self.m,
            self.label_zh(),
            (x, width),
            y + gap,
            &zh_lines,
            Align::Left,
        )
    }

    /// The value paragraphs of a field (Latin, then Chinese) inside `width`.
    fn field_value(&self, block: &mut Block, field: &Field, x: f32, top: f32, width: f32) -> f32 {
        let mut y = top;
        let mut first = true;
        let paragraphs = field
            .value
            .iter()
            .map(|p| (self.value(), p))
            .chain(field.value_zh.iter().map(|p| (self.value_zh(), p)));
        for (style, paragraph) in paragraphs {
            if !first {
                y += 0.25 * style.em_px;
            }
            first = false;
            let lines = self.m.wrap(&style, paragraph, width);
            y = block.lines(&self.m, style, (x, width), y, &lines, Align::Left);
        }
        y
    }
}

/// The issuing authority, centred, over a thick and a thin rule.
pub(crate) fn header(ctx: &Ctx<'_>, certificate: &Certificate) -> Block {
    let mut block = Block::default();
    let mut y = 0.0;
    for (i, line) in certificate.authority.iter().enumerate() {
        let style = if i == 0 {
            ctx.style(ctx.look.bold, ctx.look.header_pt + 1.0, Ink::Form)
        } else {
            ctx.style(ctx.look.regular, ctx.look.header_pt, Ink::Form)
        };
        let lines = ctx.m.wrap(&style, line, ctx.width * 0.9);
        y = block.lines(
            &ctx.m,
            style,
            (ctx.left, ctx.width),
            y,
            &lines,
            Align::Centre,
        );
        y += ctx.u.mm(0.8);
    }
    y += ctx.u.mm(1.5);
    let right = ctx.left + ctx.width;
    block.rule([ctx.left, y, right, y + ctx.u.mm(0.6)], Ink::Form, 1.0);
    y += ctx.u.mm(1.1);
    block.rule([ctx.left, y, right, y + ctx.u.mm(0.2)], Ink::Form, 1.0);
    block.height = y + ctx.u.mm(0.2);
    block
}

/// The English title (wrapped, centred, bold) over the Chinese title.
pub(crate) fn title(ctx: &Ctx<'_>, certificate: &Certificate) -> Block {
    let mut block = Block::default();
    let english = ctx.style(ctx.look.bold, ctx.look.title_pt, Ink::Form);
    let lines = ctx
        .m
        .wrap(&english, &certificate.title_en, ctx.width * 0.86);
    let mut y = block.lines(
        &ctx.m,
        english,
        (ctx.left, ctx.width),
        0.0,
        &lines,
        Align::Centre,
    );
    y += ctx.u.mm(1.5);
    let chinese = Style {
        embolden: true,
        ..ctx.style(Face::Cjk, ctx.look.title_pt, Ink::Form)
    };
    let lines = ctx.m.wrap(&chinese, &certificate.title_zh, ctx.width * 0.9);
    block.height = block.lines(
        &ctx.m,
        chinese,
        (ctx.left, ctx.width),
        y,
        &lines,
        Align::Centre,
    );
    block
}

/// "Certificate No. 证书编号 BR-2026/045871" with "ORIGINAL" at the right.
pub(crate) fn number_row(ctx: &Ctx<'_>, certificate: &Certificate) -> Block {
    let mut block = Block::default();
    let label = ctx.style(ctx.look.bold, ctx.look.label_pt + 1.0, Ink::Form);
    let zh = ctx.style(Face::Cjk, ctx.look.label_pt + 0.5, Ink::Form);
    let number = ctx.style(ctx.look.number_face, ctx.look.value_pt + 0.5, Ink::Text);
    let runs = [
        (label, "Certificate No."),
        (zh, "证书编号"),
        (number, certificate.number.as_str()),
    ];
    let (bottom, end) = ctx.inline(&mut block, &runs, ctx.left, 0.0);
    let original = ctx.style(ctx.look.bold, ctx.look.label_pt + 2.0, Ink::Form);
    let original_x = ctx.left + ctx.width - ctx.m.width(&original, "ORIGINAL");
    let mut height = bottom;
    if original_x > end + 3.0 * ctx.m.run_gap(&original) {
        let (original_bottom, _) =
            ctx.inline(&mut block, &[(original, "ORIGINAL")], original_x, 0.0);
        height = height.max(original_bottom);
    }
    block.height = height;
    block
}

/// A numbered section heading in English and Chinese, on a shaded band when
/// the look wants one.
pub(crate) fn heading(ctx: &Ctx<'_>, number: &str, english: &str, chinese: &str) -> Block {
    let mut block = Block::default();
    let en = ctx.style(ctx.look.bold, ctx.look.label_pt + 1.5, Ink::Form);
    let zh = ctx.style(Face::Cjk, ctx.look.label_pt + 1.0, Ink::Form);
    let text = format!("{number}. {english}");
    let pad = ctx.u.mm(1.0);
    let (bottom, _) = ctx.inline(
        &mut block,
        &[(en, &text), (zh, chinese)],
        ctx.left + pad,
        pad,
    );
    block.height = bottom + pad;
    if ctx.look.heading_band {
        let rect = [ctx.left, 0.0, ctx.left + ctx.width, block.height];
        block.rule(rect, Ink::Form, 0.12);
    }
    block
}

/// A cell of the ruled table.
enum Cell<'a> {
    Label(&'a Field),
    Value(&'a Field),
}

/// The consignment table: label cell and value cell per field; pairs of
/// short fields share a row when `pairs` says so. `fields` is in print order.
pub(crate) fn consignment_table(ctx: &Ctx<'_>, fields: &[&Field], pairs: &[bool]) -> Block {
    let mut block = Block::default();
    let (pad_x, pad_y) = ctx.padding();
    let outer = ctx.u.mm(0.35);
    let inner = ctx.u.mm(0.2);
    let label_w = ctx.width * ctx.look.label_fraction;
    let half = ctx.width / 2.0;

    // Group the fields into rows of cells with widths.
    let mut rows: Vec<Vec<(f32, Cell<'_>)>> = Vec::new();
    let mut i = 0;
    while i < fields.len() {
        let pair = pairs.get(i).copied().unwrap_or(false) && i + 1 < fields.len();
        if pair {
            let pair_label = label_w * 0.8;
            rows.push(vec![
                (pair_label, Cell::Label(fields[i])),
                (half - pair_label, Cell::Value(fields[i])),
                (pair_label, Cell::Label(fields[i + 1])),
                (half - pair_label, Cell::Value(fields[i + 1])),
            ]);
            i += 2;
        } else {
            rows.push(vec![
                (label_w, Cell::Label(fields[i])),
                (ctx.width - label_w, Cell::Value(fields[i])),
            ]);
            i += 1;
        }
    }

    // Lay out each row, then rule around its cells.
    let mut y = 0.0;
    let right = ctx.left + ctx.width;
    block.rule(
        [
            ctx.left - outer / 2.0,
            -outer / 2.0,
            right + outer / 2.0,
            outer / 2.0,
        ],
        Ink::Form,
        1.0,
    );
    for (r, row) in rows.iter().enumerate() {
        let mut row_block = Block::default();
        let mut bottom: f32 = 0.0;
        let mut x = ctx.left;
        for (width, cell) in row {
            let inner_w = width - 2.0 * pad_x;
            let cell_bottom = match cell {
                Cell::Label(field) => ctx.label(
                    &mut row_block,
                    field.label,
                    field.label_zh,
                    x + pad_x,
                    pad_y,
                    inner_w,
                ),
                Cell::Value(field) => {
                    ctx.field_value(&mut row_block, field, x + pad_x, pad_y, inner_w)
                }
            };
            bottom = bottom.max(cell_bottom);
            x += width;
        }
        let height = bottom + pad_y;

        // Shading of label cells goes under the rules.
        if ctx.look.shade_labels {
            let mut x = ctx.left;
            for (width, cell) in row {
                if matches!(cell, Cell::Label(_)) {
                    row_block.rule([x, 0.0, x + width, height], Ink::Form, 0.1);
                }
                x += width;
            }
        }

        // Vertical rules: outer edges thicker.
        let mut x = ctx.left;
        for (c, (width, _)) in row.iter().enumerate() {
            let t = if c == 0 { outer } else { inner };
            row_block.rule([x - t / 2.0, 0.0, x + t / 2.0, height], Ink::Form, 1.0);
            x += width;
        }
        row_block.rule(
            [right - outer / 2.0, 0.0, right + outer / 2.0, height],
            Ink::Form,
            1.0,
        );

        // Bottom rule.
        let t = if r + 1 == rows.len() { outer } else { inner };
        row_block.rule(
            [
                ctx.left - outer / 2.0,
                height - t / 2.0,
                right + outer / 2.0,
                height + t / 2.0,
            ],
            Ink::Form,
            1.0,
        );
        block.append(row_block, y);
        y += height;
    }
    block.height = y + outer / 2.0;
    block
}

/// Fields in two unruled columns: "Label:" then the value at a tab stop.
pub(crate) fn two_columns(ctx: &Ctx<'_>, fields: &[Field]) -> Block {
    let mut block = Block::default();
    let gutter = ctx.u.mm(8.0);
    let column_w = (ctx.width - gutter) / 2.0;
    let split = fields.len().div_ceil(2);
    let mut height: f32 = 0.0;
    for (c, column) in [&fields[..split], &fields[split..]].iter().enumerate() {
        let x = ctx.left + c as f32 * (column_w + gutter);
        height = height.max(column_fields(ctx, &mut block, column, (x, 0.0), column_w));
    }
    block.height = height;
    block
}

/// One column of `two_columns` from `(x, top)`; returns its bottom.
fn column_fields(
    ctx: &Ctx<'_>,
    block: &mut Block,
    fields: &[Field],
    (x, top): (f32, f32),
    width: f32,
) -> f32 {
    // Tab stop after the widest label, capped at 55 % of the column.
    let label_width = |f: &Field| {
        let en = ctx.m.width(&ctx.label_en(), &format!("{}:", f.label));
        let zh = ctx.m.width(&ctx.label_zh(), f.label_zh);
        (en + ctx.m.run_gap(&ctx.label_zh()) + zh, en.max(zh))
    };
    let gap = 1.5 * ctx.m.run_gap(&ctx.value());
    let inline = fields.iter().map(|f| label_width(f).0).fold(0.0, f32::max);
    let stacked = fields.iter().map(|f| label_width(f).1).fold(0.0, f32::max);
    // Labels beside their Chinese when that leaves the value 40 % of the column.
    let stack = inline + gap > width * 0.6;
    let tab = (if stack { stacked } else { inline } + gap).min(width * 0.6);

    // Rows.
    let mut y = top;
    for field in fields {
        let label = format!("{}:", field.label);
        let label_bottom = ctx.label_in(block, (&label, field.label_zh), (x, y), tab - gap, stack);
        let value_bottom = ctx.field_value(block, field, x + tab, y, width - tab);
        y = label_bottom.max(value_bottom) + ctx.u.mm(1.5);
    }
    y - ctx.u.mm(1.5)
}

/// The attestation: intro line, numbered statements with hanging indent and,
/// when `chinese` is set, the Chinese paragraph.
pub(crate) fn attestation(
    ctx: &Ctx<'_>,
    intro: &str,
    statements: &[String],
    chinese: Option<&str>,
) -> Block {
    let mut block = Block::default();
    let style = ctx.small();
    let lines = ctx.m.wrap(&style, intro, ctx.width);
    let mut y = block.lines(
        &ctx.m,
        style,
        (ctx.left, ctx.width),
        0.0,
        &lines,
        Align::Left,
    );
    for (i, statement) in statements.iter().enumerate() {
        // First line carries the number; the others hang under the text.
        y += 0.35 * style.em_px;
        let prefix = format!("{}. ", i + 1);
        let indent = ctx.m.width(&style, &prefix);
        let mut lines = ctx.m.wrap(&style, statement, ctx.width - indent);
        if let Some(first) = lines.first_mut() {
            *first = format!("{prefix}{first}");
        }
        let (first, rest) = lines.split_at(lines.len().min(1));
        y = block.lines(&ctx.m, style, (ctx.left, ctx.width), y, first, Align::Left);
        if !rest.is_empty() {
            let top = y + 0.2 * style.em_px;
            let x = (ctx.left + indent, ctx.width - indent);
            y = block.lines(&ctx.m, style, x, top, rest, Align::Left);
        }
    }
    if let Some(text) = chinese {
        y += 0.6 * style.em_px;
        let zh = ctx.style(Face::Cjk, ctx.look.small_pt + 0.3, Ink::Form);
        let lines = ctx.m.wrap(&zh, text, ctx.width);
        y = block.lines(&ctx.m, zh, (ctx.left, ctx.width), y, &lines, Align::Left);
    }
    block.height = y;
    block
}

/// The issue block: place and date of issue, the official, the signature line
/// with name and title under it. Returns where stamp and signature go.
pub(crate) fn issue_block(
    ctx: &Ctx<'_>,
    certificate: &Certificate,
    rng: &mut ChaCha8Rng,
) -> (Block, IssueMarks) {
    let mut block = Block::default();
    let gutter = ctx.u.mm(8.0);
    let column_w = (ctx.width - gutter) / 2.0;
    let right_x = ctx.left + column_w + gutter;

    // Place and date of issue side by side.
    let place = Field {
        label: "Place of issue",
        label_zh: "签证地点",
        value: vec![certificate.place.clone()],
        value_zh: Vec::new(),
    };
    let date = Field {
        label: "Date of issue",
        label_zh: "签证日期",
        value: vec![certificate.issued.clone()],
        value_zh: Vec::new(),
    };
    let left_bottom = column_fields(
        ctx,
        &mut block,
        std::slice::from_ref(&place),
        (ctx.left, 0.0),
        column_w,
    );
    let right_bottom = column_fields(
        ctx,
        &mut block,
        std::slice::from_ref(&date),
        (right_x, 0.0),
        column_w,
    );
    let mut y = left_bottom.max(right_bottom) + ctx.u.mm(4.0);

    // The official on the left.
    let officer = Field {
        label: certificate.officer_label.0,
        label_zh: certificate.officer_label.1,
        value: vec![certificate.officer.clone()],
        value_zh: Vec::new(),
    };
    let officer_bottom = column_fields(
        ctx,
        &mut block,
        std::slice::from_ref(&officer),
        (ctx.left, y),
        column_w,
    );

    // Signature line on the right with name, title and caption under it.
    let line_y = y + ctx.u.mm(rng.random_range(15.0..19.0));
    let line_w = column_w.min(ctx.u.mm(72.0));
    block.rule(
        [right_x, line_y, right_x + line_w, line_y + ctx.u.mm(0.25)],
        Ink::Form,
        1.0,
    );
    let mut ry = line_y + ctx.u.mm(1.8);
    let name = ctx.style(ctx.look.bold, ctx.look.value_pt, Ink::Text);
    let lines = ctx.m.wrap(&name, &certificate.officer, column_w);
    ry = block.lines(&ctx.m, name, (right_x, column_w), ry, &lines, Align::Left);
    let small = ctx.small();
    let lines = ctx.m.wrap(&small, &certificate.officer_title, column_w);
    ry = block.lines(
        &ctx.m,
        small,
        (right_x, column_w),
        ry + 0.2 * small.em_px,
        &lines,
        Align::Left,
    );
    ry = ctx.label(
        &mut block,
        "Signature and official stamp",
        "签字及印章",
        right_x,
        ry + ctx.u.mm(1.0),
        column_w,
    );
    y = ry.max(officer_bottom);
    block.height = y;

    // Stamp over the name and title; signature across the line.
    let radius = ctx.u.mm(18.0);
    let marks = IssueMarks {
        stamp_centre: [
            right_x + radius * rng.random_range(-0.6..0.6f32),
            line_y + radius * rng.random_range(-0.1..0.6f32),
        ],
        signature_box: {
            let x0 = right_x + ctx.u.mm(rng.random_range(2.0..14.0));
            let x1 = (x0 + ctx.u.mm(rng.random_range(42.0..60.0))).min(ctx.left + ctx.width);
            [
                x0,
                line_y - ctx.u.mm(rng.random_range(11.0..15.0)),
                x1,
                line_y + ctx.u.mm(3.0),
            ]
        },
    };
    (block, marks)
}

/// The footnote line at the page foot, with "Page 1 of 1" at the right.
pub(crate) fn footnote(ctx: &Ctx<'_>) -> Block {
    let mut block = Block::default();
    let style = ctx.small();
    let page = "Page 1 of 1";
    let page_w = ctx.m.width(&style, page);
    let note = "This certificate is valid only with the official stamp and the signature of the certifying officer. Any alteration renders it void.";
    let note_w = ctx.width - page_w - 3.0 * ctx.m.run_gap(&style);
    let lines = ctx.m.wrap(&style, note, note_w);
    let bottom = block.lines(&ctx.m, style, (ctx.left, note_w), 0.0, &lines, Align::Left);
    block.lines(
        &ctx.m,
        style,
        (ctx.left, ctx.width),
        0.0,
        &[page.to_string()],
        Align::Right,
    );
    block.height = bottom;
    block
}
