//! Certificates printed from the agreed templates (`review::template`), with
//! an answer key, a matching customs declaration and optional planted faults.
//!
//! `generate` draws the values (consistent with the registers), plants the
//! faults, lays every page out exactly where the template says, prints it,
//! adds the QR code, the stamp and the signature, then spoils the pages with
//! the requested degradation. Every random choice comes from generators
//! seeded by the request, so a request always gives the same pages.

mod compose;
mod dates;
mod fault;
mod key;
mod numbers;
mod params;
mod plant;
mod printed;
mod rotation;
mod tables;
mod values;

use std::collections::{BTreeMap, BTreeSet};

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use review::declaration::Declaration;
use review::inspect::ECertPayload;
use review::template::{Ink as StampInk, StampShape, Template};
use review::DataSet;
use serde::{Deserialize, Serialize};

pub use fault::Fault;
pub use key::{AnswerKey, FaultKey, OutputFormat};
pub use rotation::FaultRotation;

use crate::layout::{Frame, Look, PageLayout, Units};
use crate::raster::hand::{sign_as, text_seed, Hand};
use crate::raster::seal::SealSpec;
use crate::raster::{marks, seal};
use crate::request::Degradation;
use crate::truth::RenderedPage;
use crate::{degrade, raster, stream, Fonts, Stream, SynthError, MAX_DPI, MIN_DPI};

/// One certificate to generate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CertificateRequest {
    /// Template id, e.g. `AU-BEEF`.
    pub template: String,
    /// Template version; `None` picks one at random (the old one for `outdated-template`).
    pub version: Option<String>,
    /// Chooses every value and mark.
    pub seed: u64,
    /// Faults to plant (each must apply to the template).
    pub faults: Vec<Fault>,
    /// What happens to the pages after printing.
    pub degradation: Degradation,
    /// Print resolution, dots per inch, `MIN_DPI..=MAX_DPI`.
    pub dpi: f32,
    /// How the pages will be stored (recorded in the answer key).
    pub format: OutputFormat,
    /// Base file name; `None` gives `<id>-<version>-<seed>` in lower case.
    pub name: Option<String>,
}

impl CertificateRequest {
    /// A clean 200 dpi PNG certificate of `template` without faults.
    pub fn new(template: &str, seed: u64) -> CertificateRequest {
        CertificateRequest {
            template: template.to_string(),
            version: None,
            seed,
            faults: Vec::new(),
            degradation: Degradation::Clean,
            dpi: 200.0,
            format: OutputFormat::Png,
            name: None,
        }
    }
}

/// A generated certificate: its pages, answer key and declaration.
#[derive(Clone, Debug)]
pub struct GeneratedCertificate {
    /// The pages, printed and spoiled, with their ground truth.
    pub pages: Vec<RenderedPage>,
    /// What was printed and planted.
    pub key: AnswerKey,
    /// The importer's declaration for this consignment.
    pub declaration: Declaration,
    /// Each field's printed lines, as set on the page (after wrapping),
    /// goods cells as `items[i].column`; absent when not printed.
    pub printed: BTreeMap<String, Vec<String>>,
}

/// Seed offsets of the certificate's random streams beyond the page streams.
const VALUES: u64 = 0x5641_4c55;
const PLANT: u64 = 0x504c_4e54;
const SPECIMEN: u64 = 0x5350_4543;

/// Whether `generate` can plant the request's faults: draws the values and
/// plants the faults exactly as `generate` does, without printing anything
/// (a few milliseconds). `Err(SynthError::FaultNotPossible)` when a fault
/// does not fit the template or its registers.
pub fn plantable(data: &DataSet, request: &CertificateRequest) -> Result<(), SynthError> {
    let faults: BTreeSet<Fault> = request.faults.iter().copied().collect();
    let mut rng = ChaCha8Rng::seed_from_u64(request.seed ^ VALUES);
    let template = choose_template(data, request, &faults, &mut rng)?;
    let params = params::RuleParams::from_rules(&data.rules);
    let ctx = values::Context {
        template,
        data,
        params: &params,
        faults: &faults,
    };
    let mut consignment = values::draw(&ctx, &mut rng)?;
    let mut plant_rng = ChaCha8Rng::seed_from_u64(request.seed ^ PLANT);
    plant::certificate(&ctx, &mut consignment, &mut plant_rng)?;
    plant::declaration(&ctx, &consignment, &mut plant_rng)?;
    Ok(())
}

/// Generates the certificate a request describes.
pub fn generate(
    fonts: &Fonts,
    data: &DataSet,
    request: &CertificateRequest,
) -> Result<GeneratedCertificate, SynthError> {
    if !(MIN_DPI..=MAX_DPI).contains(&request.dpi) {
        return Err(SynthError::Dpi {
            dpi: request.dpi,
            min: MIN_DPI,
            max: MAX_DPI,
        });
    }
    let faults: BTreeSet<Fault> = request.faults.iter().copied().collect();
    let mut rng = ChaCha8Rng::seed_from_u64(request.seed ^ VALUES);
    let template = choose_template(data, request, &faults, &mut rng)?;
    for fault in &faults {
        if !fault.applies_to(template) {
            return Err(SynthError::FaultNotPossible {
                fault: fault.name().to_string(),
                template: format!("{} {}", template.id, template.version),
                reason: "the template's layout does not allow it".into(),
            });
        }
    }

    // Values, faults and the declaration.
    let params = params::RuleParams::from_rules(&data.rules);
    let ctx = values::Context {
        template,
        data,
        params: &params,
        faults: &faults,
    };
    let mut consignment = values::draw(&ctx, &mut rng)?;
    let mut plant_rng = ChaCha8Rng::seed_from_u64(request.seed ^ PLANT);
    let tamper = plant::certificate(&ctx, &mut consignment, &mut plant_rng)?;
    let declaration = plant::declaration(&ctx, &consignment, &mut plant_rng)?;

    // Lay out and print every page.
    let units = Units { dpi: request.dpi };
    let hs_dotted = hs_style(template, &consignment.hs_code, rng.random_bool(0.5));
    let composed = compose::compose(fonts, units, template, &consignment, &tamper, hs_dotted);
    let look = look(template);
    let (width, height) = (
        units.mm(template.page_size.width_mm).round() as u32,
        units.mm(template.page_size.height_mm).round() as u32,
    );
    let mut pages = Vec::with_capacity(composed.pages.len());
    for draft in composed.pages {
        let layout = PageLayout {
            width,
            height,
            texts: draft.texts,
            rules: draft.rules,
            look: look.clone(),
            stamp_centre: [0.0, 0.0],
            signature_box: [0.0, 0.0, 0.0, 0.0],
        };
        let (image, lines) = raster::print(fonts, &layout);
        pages.push(RenderedPage {
            image,
            dpi: request.dpi,
            lines,
            dont_care: Vec::new(),
        });
    }

    // The retyped date, the QR code, the stamp, the signature, a copy mark.
    let page = |p: u32| (p.clamp(1, template.pages) - 1) as usize;
    if let Some(retyped) = &composed.retyped {
        let target = &mut pages[page(retyped.page)];
        marks::white_patch(&mut target.image, retyped.patch);
        let line = marks::overprint(&mut target.image, fonts, &retyped.text);
        target.lines.push(line);
    }
    if let Some(zone) = &template.security.qr {
        let payload = ECertPayload {
            country: template.country.clone(),
            number: consignment.number.replace(' ', ""),
            issue_date: consignment.issue.to_string(),
            net_weight: tamper
                .qr_net_weight
                .clone()
                .unwrap_or_else(|| numbers::weight_canonical(consignment.net)),
            containers: consignment.containers.join(","),
        };
        if let Ok(code) = qrcode::QrCode::new(payload.encode().as_bytes()) {
            let modules: Vec<bool> = code
                .to_colors()
                .iter()
                .map(|c| *c == qrcode::Color::Dark)
                .collect();
            let target = &mut pages[page(zone.page)];
            let quad = marks::qr(
                &mut target.image,
                &modules,
                code.width(),
                zone_px(units, zone),
            );
            target.dont_care.push(quad);
        }
    }
    let stamp = stamp_spec(template, data, &tamper, units, fonts, request.seed);
    let target = &mut pages[page(template.stamp.zone.page)];
    let quad = seal::press(
        &mut target.image,
        fonts,
        units,
        &stamp,
        &mut stream(request.seed, Stream::Stamp),
    );
    target.dont_care.push(quad);
    let hand_id = consignment
        .signatory_id
        .clone()
        .unwrap_or_else(|| consignment.signatory.clone());
    let target = &mut pages[page(template.signature.page)];
    let zone = &template.signature;
    let quad = if tamper.copied_signature {
        // The specimen itself, pasted at a whole-pixel position.
        let specimen = specimen_signature(&hand_id, zone.width_mm, zone.height_mm, request.dpi);
        let [x0, y0, _, _] = zone_px(units, zone);
        marks::paste(
            &mut target.image,
            &specimen,
            x0.round() as i64,
            y0.round() as i64,
        )
    } else {
        sign_as(
            &mut target.image,
            units,
            signature_box(units, zone),
            &Hand::of(&hand_id),
            &mut stream(request.seed, Stream::Signature),
        )
    };
    target.dont_care.extend(quad);
    if tamper.copy_mark {
        for target in &mut pages {
            let quad = marks::copy_mark(&mut target.image, fonts, request.dpi);
            target.dont_care.push(quad);
        }
    }

    // Spoil the pages.
    for (i, target) in pages.iter_mut().enumerate() {
        let mut rng = stream(request.seed ^ ((i as u64) << 40), Stream::Degradation);
        degrade::apply(target, request.degradation, &mut rng)?;
    }

    // The answer key.
    let base = request.name.clone().unwrap_or_else(|| {
        format!("{}-{}-{}", template.id, template.version, request.seed).to_lowercase()
    });
    let fault_keys: Vec<FaultKey> = faults
        .iter()
        .map(|f| FaultKey {
            fault: f.name().to_string(),
            // A fault the degradation wiped out trips nothing.
            rules: if f.visible_after(request.degradation) {
                f.rules()
                    .iter()
                    .copied()
                    .chain(plant::also_trips(&ctx, &consignment, *f))
                    .map(str::to_string)
                    .collect()
            } else {
                Vec::new()
            },
        })
        .collect();
    let tripped: Vec<&str> = fault_keys
        .iter()
        .flat_map(|k| k.rules.iter().map(String::as_str))
        .collect();
    let expected_verdict = params::expected_verdict(&data.rules, template, tripped.iter().copied());
    let key = AnswerKey {
        file: format!("{base}.{}", request.format.extension()),
        template: template.id.clone(),
        version: template.version.clone(),
        seed: request.seed,
        pages: template.pages,
        degradation: request.degradation.name().to_string(),
        dpi: pages.first().map_or(request.dpi, |p| p.dpi),
        format: request.format,
        fields: composed.fields,
        faults: fault_keys,
        expected_verdict,
        declaration: format!("{base}.declaration.json"),
    };
    log::debug!(
        "generated {} ({} pages, {} fields, faults {:?})",
        key.file,
        key.pages,
        key.fields.len(),
        request.faults
    );
    Ok(GeneratedCertificate {
        pages,
        key,
        declaration,
        printed: composed.raw,
    })
}

/// The template version to print: the one asked for, the superseded one for
/// `outdated-template`, else any version of the id.
fn choose_template<'a>(
    data: &'a DataSet,
    request: &CertificateRequest,
    faults: &BTreeSet<Fault>,
    rng: &mut ChaCha8Rng,
) -> Result<&'a Template, SynthError> {
    let unknown = || SynthError::UnknownTemplate {
        id: request.template.clone(),
        version: request.version.clone(),
    };
    if let Some(version) = &request.version {
        return data
            .template(&request.template, version)
            .ok_or_else(unknown);
    }
    let mut versions: Vec<&Template> = data
        .templates
        .iter()
        .filter(|t| t.id == request.template)
        .collect();
    if versions.is_empty() {
        return Err(unknown());
    }
    if faults.contains(&Fault::OutdatedTemplate) {
        versions.retain(|t| t.validity.to.is_some());
        if versions.is_empty() {
            return Err(SynthError::FaultNotPossible {
                fault: Fault::OutdatedTemplate.name().into(),
                template: request.template.clone(),
                reason: "the id has no superseded version".into(),
            });
        }
    }
    versions.sort_by(|a, b| a.version.cmp(&b.version));
    Ok(versions[rng.random_range(0..versions.len())])
}

/// Whether to print the HS code dotted: as drawn, unless the field's pattern
/// accepts only the other form.
fn hs_style(t: &Template, digits: &str, dotted: bool) -> bool {
    let Some(pattern) = t
        .fields
        .iter()
        .find(|f| f.name == "hs_code")
        .and_then(|f| f.pattern.as_ref())
        .and_then(|p| regex::Regex::new(p).ok())
    else {
        return dotted;
    };
    let dotted_form = {
        let mut out = digits.get(..4).unwrap_or(digits).to_string();
        let mut rest = digits.get(4..).unwrap_or("");
        while !rest.is_empty() {
            let take = rest.len().min(2);
            out.push('.');
            out.push_str(&rest[..take]);
            rest = &rest[take..];
        }
        out
    };
    match (pattern.is_match(&dotted_form), pattern.is_match(digits)) {
        (true, false) => true,
        (false, true) => false,
        _ => dotted,
    }
}

/// The plain look of a template's pages: its faces, black form ink, and
/// paper as a scanner sees office paper (a little under full white, about
/// 241 of 255), so that correction fluid (full white) stands out from it.
fn look(t: &Template) -> Look {
    let (regular, bold) = compose::faces(t);
    Look {
        regular,
        bold,
        number_face: bold,
        label_pt: compose::LABEL_PT,
        value_pt: compose::VALUE_PT,
        title_pt: 12.0,
        header_pt: 9.0,
        small_pt: compose::LABEL_PT,
        form_colour: [24, 24, 28],
        shade_labels: false,
        stack_labels: true,
        label_fraction: 0.3,
        merge_pairs: false,
        heading_band: false,
        frame: Frame::None,
        watermark: false,
        paper: PAPER,
    }
}

/// Paper colour of certificate pages, RGB: 14 levels under the correction
/// fluid, more than one step of the coarsest JPEG the degradations use
/// (quality 8 rounds block means to steps of about 12.5 levels), so a patch
/// survives compression as it does on real scans.
const PAPER: [u8; 3] = [241, 241, 237];

/// A zone in page pixels `[x0, y0, x1, y1]`.
fn zone_px(units: Units, z: &review::template::Zone) -> [f32; 4] {
    [
        units.mm(z.x_mm),
        units.mm(z.y_mm),
        units.mm(z.x_mm + z.width_mm),
        units.mm(z.y_mm + z.height_mm),
    ]
}

/// The box a signature is written in: the zone less a margin.
fn signature_box(units: Units, z: &review::template::Zone) -> [f32; 4] {
    let [x0, y0, x1, y1] = zone_px(units, z);
    let (w, h) = (x1 - x0, y1 - y0);
    [x0 + 0.08 * w, y0 + 0.15 * h, x1 - 0.12 * w, y1 - 0.15 * h]
}

/// The generator of a signatory's specimen signature: the same for every
/// call, so a `copied-signature` is pixel-identical to the specimen.
fn specimen_rng(hand_id: &str) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(text_seed(hand_id) ^ SPECIMEN)
}

/// Draws a signatory's specimen signature (the one lodged with the
/// importing authority) on white of `width_mm` × `height_mm` at `dpi`.
/// A `copied-signature` certificate carries this image pasted into its
/// signature zone, pixel for pixel; genuine certificates carry the same hand
/// varied a little.
pub fn specimen_signature(
    signatory_id: &str,
    width_mm: f32,
    height_mm: f32,
    dpi: f32,
) -> image::RgbImage {
    let units = Units { dpi };
    let (w, h) = (
        units.mm(width_mm).round() as u32,
        units.mm(height_mm).round() as u32,
    );
    let mut image = image::RgbImage::from_pixel(w.max(1), h.max(1), image::Rgb([255, 255, 255]));
    let zone = review::template::Zone {
        page: 1,
        x_mm: 0.0,
        y_mm: 0.0,
        width_mm,
        height_mm,
    };
    let area = signature_box(units, &zone);
    let _ = sign_as(
        &mut image,
        units,
        area,
        &Hand::of(signatory_id),
        &mut specimen_rng(signatory_id),
    );
    image
}

/// RGB of a stamp ink.
fn ink_colour(ink: StampInk) -> [u8; 3] {
    match ink {
        StampInk::Blue => [35, 65, 165],
        StampInk::Red => [196, 36, 52],
        StampInk::Violet => [112, 52, 150],
        StampInk::Green => [30, 118, 72],
        StampInk::Black => [32, 32, 36],
    }
}

/// The stamp to press: the template's, or another authority's for `foreign-stamp`.
fn stamp_spec(
    t: &Template,
    data: &DataSet,
    tamper: &plant::Tampering,
    units: Units,
    fonts: &Fonts,
    seed: u64,
) -> SealSpec {
    let z = &t.stamp.zone;
    let centre = [
        units.mm(z.x_mm + z.width_mm / 2.0),
        units.mm(z.y_mm + z.height_mm / 2.0),
    ];
    let own_name = t
        .authority
        .name
        .get("en")
        .or_else(|| t.authority.name.values().next())
        .cloned()
        .unwrap_or_else(|| t.authority.id.clone())
        .to_uppercase();
    let authority_seed = text_seed(&t.authority.id);
    let emblems = ['★', '✦', '✪', '❖'];
    let mut emblem = emblems[(authority_seed % emblems.len() as u64) as usize];
    if !fonts
        .missing_glyphs(crate::Face::DejaVuSansBold, &emblem.to_string())
        .is_empty()
    {
        emblem = '★';
    }
    // One of the authority's inks (never black where the form forbids it).
    let inks: Vec<StampInk> = t
        .stamp
        .inks
        .iter()
        .copied()
        .filter(|i| !(t.stamp.non_black_required && *i == StampInk::Black))
        .collect();
    let ink = inks
        .get((seed % inks.len().max(1) as u64) as usize)
        .copied()
        .unwrap_or(StampInk::Blue);
    let shape = t.stamp.shape;
    let centre_text = values::country_name(t);
    match &tamper.foreign_stamp {
        None => SealSpec {
            centre,
            semi_axes_mm: axes(shape, z),
            colour: ink_colour(ink),
            ring: own_name,
            centre_text,
            emblem,
        },
        Some(other) => {
            // Another authority's name, the other shape, an ink the form does not use.
            let other_shape = match shape {
                StampShape::Round => StampShape::Oval,
                StampShape::Oval => StampShape::Round,
            };
            let foreign_ink = if t.stamp.non_black_required {
                StampInk::Black
            } else {
                [
                    StampInk::Violet,
                    StampInk::Green,
                    StampInk::Red,
                    StampInk::Blue,
                ]
                .into_iter()
                .find(|i| !t.stamp.inks.contains(i))
                .unwrap_or(StampInk::Black)
            };
            let other_country = data
                .templates
                .iter()
                .find(|x| {
                    x.authority.name.get("en").map(|n| n.to_uppercase()) == Some(other.clone())
                })
                .map(values::country_name)
                .unwrap_or_else(|| "REPUBLIC".into());
            SealSpec {
                centre,
                semi_axes_mm: axes(other_shape, z),
                colour: ink_colour(foreign_ink),
                ring: other.clone(),
                centre_text: other_country,
                emblem: if emblem == '★' { '✦' } else { '★' },
            }
        }
    }
}

/// Half width and height of a stamp of `shape` fitting zone `z`, millimetres.
fn axes(shape: StampShape, z: &review::template::Zone) -> [f32; 2] {
    match shape {
        StampShape::Round => {
            let r = (z.width_mm.min(z.height_mm) / 2.0).clamp(15.0, 21.0);
            [r, r]
        }
        StampShape::Oval => [
            (z.width_mm / 2.0).clamp(18.0, 24.0),
            (z.height_mm / 2.0).clamp(12.0, 16.0),
        ],
    }
}
