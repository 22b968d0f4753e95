//! The stamp and signature panel: crops of the identified template's stamp
//! and signature zones from the page image, beside a placeholder for the
//! registry's specimens (the next release compares them).
//!
//! The zones come from the template's own static file
//! (`templates/<id>-<version>.json`, lower case), fetched from this origin:
//! no certificate data travels. Stable ids: `#specimens`, `#crop-stamp`,
//! `#crop-signature`.

use std::rc::Rc;

use review::template::Zone;
use serde_json::Value;
use wasm_bindgen::{Clamped, JsCast};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData, Response};
use yew::prelude::*;

use super::state::PageImage;
use crate::i18n::{text, Label, Lang};
use crate::protocol::ReviewResult;

/// The zones of a template: (page width in mm, stamp zone, signature zone).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Zones {
    page_width_mm: f32,
    stamp: Option<Zone>,
    signature: Option<Zone>,
}

/// Reads the zones from a template's JSON text.
fn zones(text: &str) -> Option<Zones> {
    let v: Value = serde_json::from_str(text).ok()?;
    let zone = |z: &Value| serde_json::from_value::<Zone>(z.clone()).ok();
    Some(Zones {
        page_width_mm: v["page_size"]["width_mm"].as_f64()? as f32,
        stamp: zone(&v["stamp"]["zone"]),
        signature: zone(&v["signature"]),
    })
}

/// Fetches a static file's text from this origin.
async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response: Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        log::warn!("{url}: HTTP {}", response.status());
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// A zone's pixel rectangle on a page (x, y, width, height), clipped to it.
fn pixel_rect(zone: &Zone, page: &PageImage, page_width_mm: f32) -> Option<(u32, u32, u32, u32)> {
    if page_width_mm <= 0.0 {
        return None;
    }
    let scale = page.width as f32 / page_width_mm;
    let x = (zone.x_mm * scale).max(0.0) as u32;
    let y = (zone.y_mm * scale).max(0.0) as u32;
    let w = ((zone.width_mm * scale) as u32).min(page.width.saturating_sub(x));
    let h = ((zone.height_mm * scale) as u32).min(page.height.saturating_sub(y));
    (w > 0 && h > 0).then_some((x, y, w, h))
}

/// Properties of [`Specimens`].
#[derive(Properties, PartialEq)]
pub struct SpecimensProps {
    /// The page's language.
    pub lang: Lang,
    /// The decoded pages.
    pub pages: Vec<PageImage>,
    /// The review result.
    pub result: Rc<ReviewResult>,
}

/// The panel.
#[function_component(Specimens)]
pub fn specimens(props: &SpecimensProps) -> Html {
    let lang = props.lang;
    let loaded = use_state(|| None::<Zones>);
    let file = props
        .result
        .report
        .template
        .as_ref()
        .map(|t| format!("templates/{}-{}.json", t.id, t.version).to_lowercase());
    {
        let loaded = loaded.clone();
        use_effect_with(file.clone(), move |file| {
            loaded.set(None);
            if let Some(url) = file.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    match fetch_text(&url).await.as_deref().and_then(zones) {
                        Some(z) => loaded.set(Some(z)),
                        None => log::warn!("{url}: no stamp or signature zone"),
                    }
                });
            }
        });
    }
    let crop = |id: &'static str, label: Label, zone: Option<Zone>| {
        let z = (*loaded).and_then(|l| {
            let zone = zone?;
            let page = props.pages.get((zone.page as usize).checked_sub(1)?)?;
            Some((page.clone(), pixel_rect(&zone, page, l.page_width_mm)?))
        });
        html! {
            <figure class="crop">
                <figcaption>{ text(lang, label) }</figcaption>
                if let Some((page, rect)) = z {
                    <Crop {id} {page} {rect} />
                }
            </figure>
        }
    };
    let zones = *loaded;
    html! {
        <section id="specimens" class="card specimens">
            <h2>{ text(lang, Label::StampSignature) }</h2>
            if file.is_none() {
                <p class="hint">{ text(lang, Label::NoZones) }</p>
            } else {
                <div class="crops">
                    { crop("crop-stamp", Label::StampZone, zones.and_then(|z| z.stamp)) }
                    { crop("crop-signature", Label::SignatureZone, zones.and_then(|z| z.signature)) }
                    <div class="specimen-placeholder">{ text(lang, Label::Specimens) }</div>
                </div>
            }
        </section>
    }
}

/// Properties of [`Crop`].
#[derive(Properties, PartialEq)]
struct CropProps {
    id: &'static str,
    page: PageImage,
    rect: (u32, u32, u32, u32),
}

/// One crop of a page, in a canvas of the crop's size.
#[function_component(Crop)]
fn crop(props: &CropProps) -> Html {
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        use_effect_with((props.page.clone(), props.rect), move |(page, rect)| {
            let (x, y, w, h) = *rect;
            let ctx = canvas
                .cast::<HtmlCanvasElement>()
                .and_then(|c| c.get_context("2d").ok().flatten())
                .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
            let Some(ctx) = ctx else { return };
            let data = ImageData::new_with_u8_clamped_array_and_sh(
                Clamped(&page.pixels[..]),
                page.width,
                page.height,
            );
            match data {
                Ok(data) => {
                    let drawn = ctx
                        .put_image_data_with_dirty_x_and_dirty_y_and_dirty_width_and_dirty_height(
                            &data,
                            -(x as f64),
                            -(y as f64),
                            x as f64,
                            y as f64,
                            w as f64,
                            h as f64,
                        );
                    if let Err(e) = drawn {
                        log::error!("drawing a crop: {e:?}");
                    }
                }
                Err(e) => log::error!("crop pixels: {e:?}"),
            }
        });
    }
    let (_, _, w, h) = props.rect;
    html! {
        <canvas id={props.id} ref={canvas} width={w.to_string()} height={h.to_string()} />
    }
}
