//! Text styles, measured line boxes, word wrapping and the `Block` that
//! collects positioned runs and rules.

use crate::fonts::{Face, Fonts};

/// Which ink a mark is printed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ink {
    /// The filled-in values: black.
    Text,
    /// The pre-printed form: rules, labels, titles (black or a dark colour).
    Form,
}

/// How a run is set.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    /// Typeface.
    pub face: Face,
    /// Size in pixels per em.
    pub em_px: f32,
    /// Ink it is printed in.
    pub ink: Ink,
    /// Thicken the strokes (the CJK face has no bold in the set).
    pub embolden: bool,
}

/// A positioned text run.
#[derive(Clone, Debug)]
pub(crate) struct TextItem {
    /// The run's text (no leading or trailing spaces).
    pub text: String,
    /// How it is set.
    pub style: Style,
    /// Pen start x in page pixels.
    pub x: f32,
    /// Baseline y in page pixels.
    pub baseline: f32,
}

/// A filled rectangle: a ruled line or a light shading.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RuleItem {
    /// `[x0, y0, x1, y1]` in page pixels.
    pub rect: [f32; 4],
    /// Ink it is printed in.
    pub ink: Ink,
    /// Ink coverage 0..=1 (1 for rules, ~0.1 for shading).
    pub coverage: f32,
}

/// Horizontal alignment of a line inside a width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Centre,
    Right,
}

/// Measures text for one page.
#[derive(Clone, Copy)]
pub(crate) struct Measure<'a> {
    /// The fonts.
    pub fonts: &'a Fonts,
}

impl Measure<'_> {
    /// Width in pixels of `text` in `style`.
    pub fn width(&self, style: &Style, text: &str) -> f32 {
        self.fonts.advance(style.face, style.em_px, text)
    }

    /// Ascent and descent in pixels.
    pub fn ascent_descent(&self, style: &Style) -> (f32, f32) {
        let (ascent, descent) = self.fonts.vertical_metrics(style.face);
        (ascent * style.em_px, descent * style.em_px)
    }

    /// Distance between successive baselines in pixels.
    pub fn pitch(&self, style: &Style) -> f32 {
        let (ascent, descent) = self.ascent_descent(style);
        ascent + descent + 0.2 * style.em_px
    }

    /// Gap between two runs on one baseline: one em, about two character widths.
    pub fn run_gap(&self, style: &Style) -> f32 {
        style.em_px
    }

    /// Breaks `text` into lines no wider than `max_width`: at spaces for Latin,
    /// between any two characters for Chinese; an over-long word is cut.
    pub fn wrap(&self, style: &Style, text: &str, max_width: f32) -> Vec<String> {
        let pieces: Vec<String> = if style.face.is_cjk() {
            text.chars().map(String::from).collect()
        } else {
            text.split_whitespace().map(String::from).collect()
        };
        let joiner = if style.face.is_cjk() { "" } else { " " };
        let mut lines: Vec<String> = Vec::new();
        let mut current = String::new();
        for piece in pieces {
            let candidate = if current.is_empty() {
                piece.clone()
            } else {
                format!("{current}{joiner}{piece}")
            };
            if self.width(style, &candidate) <= max_width || current.is_empty() {
                current = candidate;
            } else {
                lines.push(std::mem::take(&mut current));
                current = piece;
            }
            // Cut a single piece that is wider than the line on its own.
            while self.width(style, &current) > max_width && current.chars().count() > 1 {
                let (head, tail) = self.cut(style, &current, max_width);
                lines.push(head);
                current = tail;
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
        lines
    }

    /// Splits `text` after the longest prefix that fits `max_width` (at least one char).
    fn cut(&self, style: &Style, text: &str, max_width: f32) -> (String, String) {
        let mut split = text.char_indices().nth(1).map_or(text.len(), |(i, _)| i);
        for (index, _) in text.char_indices().skip(2) {
            if self.width(style, &text[..index]) > max_width {
                break;
            }
            split = index;
        }
        (text[..split].to_string(), text[split..].to_string())
    }
}

/// Runs and rules laid out from y = 0 downwards, placed on the page later.
#[derive(Default, Debug)]
pub(crate) struct Block {
    /// Text runs.
    pub texts: Vec<TextItem>,
    /// Rules and shading.
    pub rules: Vec<RuleItem>,
    /// Height in pixels.
    pub height: f32,
}

impl Block {
    /// Adds a run (empty or blank text is skipped).
    pub fn text(&mut self, style: Style, x: f32, baseline: f32, text: &str) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return;
        }
        self.texts.push(TextItem {
            text,
            style,
            x,
            baseline,
        });
    }

    /// Adds a filled rectangle.
    pub fn rule(&mut self, rect: [f32; 4], ink: Ink, coverage: f32) {
        self.rules.push(RuleItem {
            rect,
            ink,
            coverage,
        });
    }

    /// Sets `lines` one under the other from `top`, aligned inside `[x, x + width]`;
    /// returns the y just below the last line's descent.
    pub fn lines(
        &mut self,
        measure: &Measure<'_>,
        style: Style,
        (x, width): (f32, f32),
        top: f32,
        lines: &[String],
        align: Align,
    ) -> f32 {
        let (ascent, descent) = measure.ascent_descent(&style);
        let pitch = measure.pitch(&style);
        let mut baseline = top + ascent;
        for line in lines {
            let line_width = measure.width(&style, line);
            let start = match align {
                Align::Left => x,
                Align::Centre => x + (width - line_width) / 2.0,
                Align::Right => x + width - line_width,
            };
            self.text(style, start, baseline, line);
            baseline += pitch;
        }
        if lines.is_empty() {
            top
        } else {
            baseline - pitch + descent
        }
    }

    /// Moves everything down by `dy` pixels.
    pub fn shift(&mut self, dy: f32) {
        for text in &mut self.texts {
            text.baseline += dy;
        }
        for rule in &mut self.rules {
            rule.rect[1] += dy;
            rule.rect[3] += dy;
        }
    }

    /// Appends another block's items, moved down by `dy`.
    pub fn append(&mut self, mut other: Block, dy: f32) {
        other.shift(dy);
        self.texts.extend(other.texts);
        self.rules.extend(other.rules);
    }
}
