//! The page images with a box over each extracted field, coloured by the
//! outcome of the rules on it; the selected finding's evidence is drawn thick.
//!
//! Each page is two stacked canvases: the image (drawn once) and the boxes
//! (redrawn when the selection changes). Boxes are drawn rather than laid
//! out as elements because the Content-Security-Policy forbids inline styles.

use std::rc::Rc;

use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};
use yew::prelude::*;

use super::state::PageImage;
use crate::i18n::{self, Lang};
use crate::protocol::ReviewResult;
use crate::view_model::{field_rows, outcome_colour};

/// Properties of [`PageView`].
#[derive(Properties, PartialEq)]
pub struct PageViewProps {
    /// The page's language.
    pub lang: Lang,
    /// The decoded pages.
    pub pages: Vec<PageImage>,
    /// The review result, once done.
    pub result: Option<Rc<ReviewResult>>,
    /// The selected finding.
    pub selected: Option<usize>,
}

/// Every page, one under the other.
#[function_component(PageView)]
pub fn page_view(props: &PageViewProps) -> Html {
    html! {
        <div class="pages">
            { for props.pages.iter().enumerate().map(|(i, page)| html! {
                <figure class="page">
                    <figcaption>{ i18n::page(props.lang, i as u32 + 1) }</figcaption>
                    <OnePage number={i as u32 + 1} page={page.clone()}
                        result={props.result.clone()} selected={props.selected} />
                </figure>
            }) }
        </div>
    }
}

/// Properties of [`OnePage`].
#[derive(Properties, PartialEq)]
struct OnePageProps {
    number: u32,
    page: PageImage,
    result: Option<Rc<ReviewResult>>,
    selected: Option<usize>,
}

/// The 2D context of a canvas.
fn context(canvas: &NodeRef) -> Option<CanvasRenderingContext2d> {
    let canvas: HtmlCanvasElement = canvas.cast()?;
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// Draws one quad's outline.
fn stroke_quad(ctx: &CanvasRenderingContext2d, quad: &[[f32; 2]; 4], colour: &str, width: f64) {
    ctx.set_stroke_style_str(colour);
    ctx.set_line_width(width);
    ctx.begin_path();
    ctx.move_to(quad[0][0] as f64, quad[0][1] as f64);
    for p in &quad[1..] {
        ctx.line_to(p[0] as f64, p[1] as f64);
    }
    ctx.close_path();
    ctx.stroke();
}

#[function_component(OnePage)]
fn one_page(props: &OnePageProps) -> Html {
    let image = use_node_ref();
    let boxes = use_node_ref();

    // The image, once per page.
    {
        let image = image.clone();
        use_effect_with(props.page.clone(), move |page| {
            if let Some(ctx) = context(&image) {
                match ImageData::new_with_u8_clamped_array_and_sh(
                    Clamped(&page.pixels[..]),
                    page.width,
                    page.height,
                ) {
                    Ok(data) => {
                        if let Err(e) = ctx.put_image_data(&data, 0.0, 0.0) {
                            log::error!("drawing the page: {e:?}");
                        }
                    }
                    Err(e) => log::error!("page pixels: {e:?}"),
                }
            }
        });
    }

    // The boxes, whenever the result or the selection changes.
    {
        let boxes = boxes.clone();
        let (w, h) = (props.page.width as f64, props.page.height as f64);
        let number = props.number;
        use_effect_with(
            (props.result.clone(), props.selected),
            move |(result, selected)| {
                let Some(ctx) = context(&boxes) else { return };
                ctx.clear_rect(0.0, 0.0, w, h);
                let Some(result) = result else { return };
                let line = (w / 600.0).max(2.0);
                let report = &result.report;
                for row in field_rows(report) {
                    let field = &report.fields[row.index];
                    if field.page == number {
                        stroke_quad(&ctx, &field.quad, outcome_colour(row.outcome), line);
                    }
                }
                let evidence = selected.and_then(|i| report.findings.get(i));
                for e in evidence.iter().flat_map(|f| f.evidence.iter()) {
                    if e.page == number {
                        stroke_quad(&ctx, &e.quad, "#6a1b9a", line * 3.0);
                    }
                }
            },
        );
    }

    let w = props.page.width.to_string();
    let h = props.page.height.to_string();
    html! {
        <div class="canvas-stack">
            <canvas ref={image} class="image" width={w.clone()} height={h.clone()} />
            <canvas ref={boxes} class="boxes" width={w} height={h} />
        </div>
    }
}
