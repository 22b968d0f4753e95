//! The page viewer: one page at a time with a box over each extracted
//! field, coloured by the outcome of the rules on it (pass green, warn
//! amber, fail red, not checked grey); the selected finding's evidence is
//! drawn thick in purple and scrolled into view. Zoom with the buttons or
//! the wheel, pan by dragging; thumbnails pick the page of a multi-page file.
//!
//! Each page is two stacked canvases: the image (drawn once) and the boxes
//! (redrawn when the selection changes). Boxes are drawn rather than laid
//! out as elements because the Content-Security-Policy forbids inline
//! styles; for the same reason the zoom is a CSS class per level.
//!
//! Stable ids: `#page-viewport` (`data-zoom` in percent, `data-page`
//! 1-based), `#zoom-in`, `#zoom-out`, `#zoom-fit`, `#zoom-level`,
//! `#thumb-<n>` (1-based).

use std::rc::Rc;

use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement, ImageData};
use yew::prelude::*;

use super::state::PageImage;
use super::zoom::{self, FIT};
use crate::i18n::{self, text, Label, Lang};
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

/// A drag in progress: pointer position and scroll offsets at its start.
#[derive(Clone, Copy)]
struct Drag {
    x: i32,
    y: i32,
    left: i32,
    top: i32,
}

/// Where to keep a point of the page still while zooming: the point's
/// position as fractions of the content, and its offset in the viewport.
#[derive(Clone, Copy)]
struct Anchor {
    fx: f64,
    fy: f64,
    ox: f64,
    oy: f64,
}

/// The anchor of the viewport point (ox, oy).
fn anchor(viewport: &Element, ox: f64, oy: f64) -> Anchor {
    let w = viewport.scroll_width().max(1) as f64;
    let h = viewport.scroll_height().max(1) as f64;
    Anchor {
        fx: (viewport.scroll_left() as f64 + ox) / w,
        fy: (viewport.scroll_top() as f64 + oy) / h,
        ox,
        oy,
    }
}

/// An element's top-left corner in client coordinates (its bounding
/// rectangle, read without the `DomRect` binding).
fn client_origin(element: &Element) -> Option<(f64, f64)> {
    let get = |target: &JsValue, name: &str| js_sys::Reflect::get(target, &JsValue::from_str(name));
    let method: js_sys::Function = get(element, "getBoundingClientRect")
        .ok()?
        .dyn_into()
        .ok()?;
    let rect = method.call0(element).ok()?;
    Some((
        get(&rect, "left").ok()?.as_f64()?,
        get(&rect, "top").ok()?.as_f64()?,
    ))
}

/// The centre of a quad as fractions of the page: (x, y).
fn quad_centre(quad: &[[f32; 2]; 4], page: &PageImage) -> (f64, f64) {
    let cx = quad.iter().map(|p| p[0] as f64).sum::<f64>() / 4.0;
    let cy = quad.iter().map(|p| p[1] as f64).sum::<f64>() / 4.0;
    (
        cx / page.width.max(1) as f64,
        cy / page.height.max(1) as f64,
    )
}

/// The viewer.
#[function_component(PageView)]
pub fn page_view(props: &PageViewProps) -> Html {
    let lang = props.lang;
    let current = use_state(|| 0usize);
    let level = use_state(|| FIT);
    let viewport = use_node_ref();
    let drag = use_mut_ref(|| None::<Drag>);
    let pending_anchor = use_mut_ref(|| None::<Anchor>);
    let pending_focus = use_mut_ref(|| None::<(f64, f64)>);

    // A page index that exists (the file may have fewer pages than before).
    let count = props.pages.len();
    let shown = (*current).min(count.saturating_sub(1));

    // A newly selected finding: go to its evidence's page and centre it.
    {
        let current = current.clone();
        let pending_focus = pending_focus.clone();
        let viewport = viewport.clone();
        let evidence = props.selected.and_then(|i| {
            let result = props.result.as_ref()?;
            let e = result.report.findings.get(i)?.evidence.first()?;
            let index = (e.page as usize).checked_sub(1)?;
            let page = props.pages.get(index)?;
            Some((index, quad_centre(&e.quad, page)))
        });
        use_effect_with(props.selected, move |_| {
            if let Some((index, centre)) = evidence {
                *pending_focus.borrow_mut() = Some(centre);
                current.set(index);
                if let Some(v) = viewport.cast::<Element>() {
                    v.scroll_into_view();
                }
            }
        });
    }

    // After each render: keep the zoom's anchor still, or centre the evidence.
    {
        let viewport = viewport.clone();
        let pending_anchor = pending_anchor.clone();
        let pending_focus = pending_focus.clone();
        use_effect(move || {
            let Some(v) = viewport.cast::<Element>() else {
                return;
            };
            let (w, h) = (v.scroll_width() as f64, v.scroll_height() as f64);
            if let Some(a) = pending_anchor.borrow_mut().take() {
                v.set_scroll_left((a.fx * w - a.ox).round() as i32);
                v.set_scroll_top((a.fy * h - a.oy).round() as i32);
            }
            if let Some((fx, fy)) = pending_focus.borrow_mut().take() {
                let (cw, ch) = (v.client_width() as f64, v.client_height() as f64);
                v.set_scroll_left((fx * w - cw / 2.0).round() as i32);
                v.set_scroll_top((fy * h - ch / 2.0).round() as i32);
            }
        });
    }

    // Zoom to a level, keeping the viewport point (ox, oy) still (the
    // centre when none).
    let zoom_to = {
        let level = level.clone();
        let viewport = viewport.clone();
        let pending_anchor = pending_anchor.clone();
        Rc::new(move |next: usize, at: Option<(f64, f64)>| {
            if next == *level {
                return;
            }
            if let Some(v) = viewport.cast::<Element>() {
                let (ox, oy) = at.unwrap_or((
                    v.client_width() as f64 / 2.0,
                    v.client_height() as f64 / 2.0,
                ));
                *pending_anchor.borrow_mut() = Some(anchor(&v, ox, oy));
            }
            level.set(next);
        })
    };
    let button = |id: &'static str, label: Label, symbol: &'static str, next: usize| {
        let zoom_to = zoom_to.clone();
        html! {
            <button type="button" {id} class="zoom" title={text(lang, label)}
                aria-label={text(lang, label)} onclick={move |_| zoom_to(next, None)}>
                { symbol }
            </button>
        }
    };
    let on_wheel = {
        let zoom_to = zoom_to.clone();
        let level = *level;
        let viewport = viewport.clone();
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let next = if e.delta_y() < 0.0 {
                zoom::zoom_in(level)
            } else {
                zoom::zoom_out(level)
            };
            let at = viewport
                .cast::<Element>()
                .and_then(|v| client_origin(&v))
                .map(|(left, top)| (e.client_x() as f64 - left, e.client_y() as f64 - top));
            zoom_to(next, at);
        })
    };
    let on_down = {
        let drag = drag.clone();
        let viewport = viewport.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            if let Some(v) = viewport.cast::<Element>() {
                let _ = v.set_pointer_capture(e.pointer_id());
                *drag.borrow_mut() = Some(Drag {
                    x: e.client_x(),
                    y: e.client_y(),
                    left: v.scroll_left(),
                    top: v.scroll_top(),
                });
            }
        })
    };
    let on_move = {
        let drag = drag.clone();
        let viewport = viewport.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(d) = *drag.borrow() else { return };
            if let Some(v) = viewport.cast::<Element>() {
                v.set_scroll_left(d.left - (e.client_x() - d.x));
                v.set_scroll_top(d.top - (e.client_y() - d.y));
            }
        })
    };
    let on_up = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };

    let thumbs = (count > 1).then(|| {
        html! {
            <nav class="thumbs" aria-label={text(lang, Label::Pages)}>
                { for props.pages.iter().enumerate().map(|(i, page)| {
                    let current = current.clone();
                    html! {
                        <button type="button" id={format!("thumb-{}", i + 1)}
                            class={classes!("thumb", (i == shown).then_some("current"))}
                            onclick={move |_| current.set(i)}>
                            <Thumb page={page.clone()} />
                            <span>{ i18n::page(lang, i as u32 + 1) }</span>
                        </button>
                    }
                }) }
            </nav>
        }
    });
    let percent = zoom::percent(*level);
    html! {
        <div class="pages">
            <div class="viewer-tools">
                { button("zoom-out", Label::ZoomOut, "−", zoom::zoom_out(*level)) }
                <span id="zoom-level">{ i18n::zoom(percent) }</span>
                { button("zoom-in", Label::ZoomIn, "+", zoom::zoom_in(*level)) }
                <button type="button" id="zoom-fit" class="zoom-fit"
                    onclick={{ let zoom_to = zoom_to.clone(); move |_| zoom_to(FIT, None) }}>
                    { text(lang, Label::ZoomFit) }
                </button>
                <span class="hint">{ text(lang, Label::ZoomHint) }</span>
            </div>
            { for thumbs }
            <div id="page-viewport" ref={viewport} class="viewport"
                data-zoom={percent.to_string()} data-page={(shown + 1).to_string()}
                onwheel={on_wheel} onpointerdown={on_down} onpointermove={on_move}
                onpointerup={on_up.clone()} onpointercancel={on_up}>
                if let Some(page) = props.pages.get(shown) {
                    <figure class={classes!("page", format!("zoom-{percent}"))}>
                        <figcaption>{ i18n::page(lang, shown as u32 + 1) }</figcaption>
                        <OnePage number={shown as u32 + 1} page={page.clone()}
                            result={props.result.clone()} selected={props.selected} />
                    </figure>
                }
            </div>
        </div>
    }
}

/// Properties of [`Thumb`].
#[derive(Properties, PartialEq)]
struct ThumbProps {
    page: PageImage,
}

/// A page's thumbnail: the image in a canvas that CSS shows small.
#[function_component(Thumb)]
fn thumb(props: &ThumbProps) -> Html {
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        use_effect_with(props.page.clone(), move |page| draw_page(&canvas, page));
    }
    html! {
        <canvas ref={canvas} width={props.page.width.to_string()}
            height={props.page.height.to_string()} />
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

/// Draws a page's pixels into a canvas of its size.
fn draw_page(canvas: &NodeRef, page: &PageImage) {
    let Some(ctx) = context(canvas) else { return };
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
        use_effect_with(props.page.clone(), move |page| draw_page(&image, page));
    }

    // The boxes, whenever the page, the result or the selection changes.
    {
        let boxes = boxes.clone();
        let (w, h) = (props.page.width as f64, props.page.height as f64);
        let number = props.number;
        use_effect_with(
            (props.result.clone(), props.selected, props.page.clone()),
            move |(result, selected, _)| {
                let Some(ctx) = context(&boxes) else { return };
                ctx.clear_rect(0.0, 0.0, w, h);
                let Some(result) = result else { return };
                let line = (w / 600.0).max(2.0);
                let report = &result.report;
                for row in field_rows(report) {
                    if let Some(field) = report.fields.get(row.index) {
                        if field.page == number {
                            stroke_quad(&ctx, &field.quad, outcome_colour(row.outcome), line);
                        }
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
        <div class="canvas-stack" data-page={props.number.to_string()}>
            <canvas ref={image} class="image" width={w.clone()} height={h.clone()} />
            <canvas ref={boxes} class="boxes" width={w} height={h} />
        </div>
    }
}
