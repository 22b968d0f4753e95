//! Prints a laid-out page: paper, decorations, form and text inks, and the
//! ground truth of every run; stamp and signature are pressed on afterwards.

mod glyph;
pub(crate) mod hand;
mod ink;
pub(crate) mod marks;
mod paper;
pub(crate) mod seal;
pub(crate) mod signature;
pub(crate) mod stamp;

use image::{Rgb, RgbImage};

use crate::fonts::Fonts;
use crate::layout::{Ink, PageLayout, TextItem};
use crate::truth::{Script, TruthLine};
use glyph::Placement;
use ink::InkLayer;

/// Colour of the filled-in text (toner black).
pub(crate) const TEXT_COLOUR: [u8; 3] = [22, 22, 26];

/// Boldening of emboldened runs, in ems.
const EMBOLDEN_EM: f32 = 0.03;

/// Prints the layout; returns the page and its text runs in reading order.
pub(crate) fn print(fonts: &Fonts, layout: &PageLayout) -> (RgbImage, Vec<TruthLine>) {
    // Paper and pre-printed decorations.
    let mut image = RgbImage::from_pixel(layout.width, layout.height, Rgb(layout.look.paper));
    paper::decorate(&mut image, layout);

    // Form and text inks, each as one layer over the whole page.
    let mut form = InkLayer::new(0, 0, layout.width, layout.height);
    let mut text = InkLayer::new(0, 0, layout.width, layout.height);
    for rule in &layout.rules {
        let layer = match rule.ink {
            Ink::Form => &mut form,
            Ink::Text => &mut text,
        };
        layer.fill_rect(rule.rect, rule.coverage);
    }
    for item in &layout.texts {
        let layer = match item.style.ink {
            Ink::Form => &mut form,
            Ink::Text => &mut text,
        };
        let placement = Placement {
            origin: [item.x, item.baseline],
            em_px: item.style.em_px,
            angle: 0.0,
        };
        let embolden = if item.style.embolden {
            EMBOLDEN_EM
        } else {
            0.0
        };
        glyph::draw_run(
            layer,
            fonts,
            item.style.face,
            &item.text,
            placement,
            embolden,
        );
    }
    form.multiply_onto(&mut image, layout.look.form_colour, 1.0);
    text.multiply_onto(&mut image, TEXT_COLOUR, 1.0);

    // Ground truth in reading order: by baseline, then left to right.
    let mut lines: Vec<(f32, f32, TruthLine)> = layout
        .texts
        .iter()
        .map(|item| (item.baseline, item.x, truth_line(fonts, item)))
        .collect();
    lines.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    (image, lines.into_iter().map(|(_, _, line)| line).collect())
}

/// The ground truth of one run: pen advance by ascent-to-descent box.
pub(crate) fn truth_line(fonts: &Fonts, item: &TextItem) -> TruthLine {
    let width = fonts.advance(item.style.face, item.style.em_px, &item.text);
    let (ascent, descent) = fonts.vertical_metrics(item.style.face);
    let top = item.baseline - ascent * item.style.em_px;
    let bottom = item.baseline + descent * item.style.em_px;
    let (left, right) = (item.x, item.x + width);
    TruthLine {
        text: item.text.clone(),
        quad: [[left, top], [right, top], [right, bottom], [left, bottom]],
        script: if item.style.face.is_cjk() {
            Script::Chinese
        } else {
            Script::Latin
        },
    }
}
