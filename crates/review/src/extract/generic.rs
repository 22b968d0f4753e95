//! Generic extraction for a certificate whose template is unknown: values
//! found by their shape (container numbers, dates, weights with units) and
//! by the label words around them, in English, French, Spanish, Portuguese,
//! German, Dutch, Italian, Danish, Romanian and Chinese.
//!
//! Lines are first straightened by their median direction, so that "on the
//! same row" and "just below" hold on a skewed scan. A value after a label
//! is the rest of the label's line, or else the nearest line to its right
//! on the same row, or else the line just below it.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use ocr::quad::Quad;
use ocr::PageText;
use regex::Regex;

use super::matching::{fold, raw_prefix_end};
use super::normalise::{
    certificate_number, codes_find_containers, collapse_spaces, date_any_order, date_pattern,
    format_number, hs_code, parse_decimal, seals,
};
use crate::field::{names, ExtractedField};
use crate::template::DecimalMark;

/// Label words (folded) of the certificate number.
const NUMBER_WORDS: &[&str] = &[
    "certificateno",
    "certificatenumber",
    "certificaten",
    "nducertificat",
    "numerodecertificat",
    "numeroducertificat",
    "certificadon",
    "numerodecertificado",
    "certificadonumero",
    "ndocertificado",
    "numerodocertificado",
    "zertifikatnr",
    "zertifikatsnummer",
    "bescheinigungsnummer",
    "certificaatnummer",
    "certificaatnr",
    "certificaton",
    "numerodelcertificato",
    "certifikatnr",
    "certificatnr",
    "numarulcertificatului",
    "证书编号",
    "证书号",
];

/// Label words of the consignor.
const CONSIGNOR_WORDS: &[&str] = &[
    "consignor",
    "exporter",
    "shipper",
    "expediteur",
    "exportateur",
    "exportador",
    "remitente",
    "expedidor",
    "absender",
    "versender",
    "ausfuhrer",
    "exporteur",
    "afzender",
    "speditore",
    "esportatore",
    "mittente",
    "afsender",
    "eksportor",
    "expeditor",
    "exportator",
    "发货人",
    "出口商",
];

/// Label words of the consignee.
const CONSIGNEE_WORDS: &[&str] = &[
    "consignee",
    "importer",
    "receiver",
    "destinataire",
    "importateur",
    "destinatario",
    "consignatario",
    "importador",
    "empfanger",
    "einfuhrer",
    "geadresseerde",
    "ontvanger",
    "importeur",
    "modtager",
    "importator",
    "收货人",
    "进口商",
];

/// Label words of seal numbers.
const SEAL_WORDS: &[&str] = &[
    "seal", "sello", "precinto", "lacre", "scelle", "plomb", "siegel", "zegel", "sigillo", "segl",
    "plomba", "sigiliu", "封识", "铅封", "封条",
];

/// Label words of the HS code (besides a stand-alone `HS`).
const HS_WORDS: &[&str] = &[
    "hscode",
    "codigosh",
    "codesh",
    "ncm",
    "nomenclature",
    "zolltarif",
    "warennummer",
    "goederencode",
    "codicesa",
    "codnc",
    "商品编码",
    "hs编码",
];

/// Label words of the issue date.
const ISSUE_WORDS: &[&str] = &[
    "issue",
    "issued",
    "doneat",
    "delivre",
    "delivrance",
    "faita",
    "emision",
    "expedido",
    "expedicion",
    "emissao",
    "emitido",
    "ausgestellt",
    "ausstellung",
    "afgifte",
    "uitgifte",
    "rilascio",
    "rilasciato",
    "udstedt",
    "udstedelse",
    "eliberat",
    "eliberarii",
    "签发",
    "签证",
];

/// Label words of the departure date.
const DEPARTURE_WORDS: &[&str] = &[
    "departure",
    "shipment",
    "loading",
    "shipping",
    "embarque",
    "embarco",
    "depart",
    "expedition",
    "chargement",
    "salida",
    "partida",
    "abfahrt",
    "versand",
    "verladung",
    "vertrek",
    "verzending",
    "lading",
    "partenza",
    "spedizione",
    "imbarco",
    "afgang",
    "afsendelse",
    "plecare",
    "incarcare",
    "离港",
    "装运",
    "启运",
    "出发",
];

/// Label words of the production date.
const PRODUCTION_WORDS: &[&str] = &[
    "production",
    "produced",
    "slaughter",
    "manufactur",
    "processing",
    "produccion",
    "faena",
    "fabricacion",
    "elaboracion",
    "producao",
    "abate",
    "fabricacao",
    "herstellung",
    "produktion",
    "schlachtung",
    "productie",
    "slacht",
    "produzione",
    "macellazione",
    "slagtning",
    "productiei",
    "sacrificare",
    "生产",
    "屠宰",
    "加工",
];

/// Label words of a net weight.
const NET_WORDS: &[&str] = &["net", "neto", "netto", "liquido", "nett", "净重"];

/// Label words of a gross weight.
const GROSS_WORDS: &[&str] = &["gross", "bruto", "brut", "brutto", "毛重"];

/// Words between a label and its value ("No.", "Number").
const LABEL_TAIL: &[&str] = &[
    "no", "nos", "number", "numbers", "nr", "n", "nº", "n°", "num", "numero", "número", "code",
    "s", "code(s)", "no(s)", "(s)",
];

/// Confidence factor of a value found after a label.
const WITH_LABEL: f32 = 0.8;

/// Confidence factor of a value found by its shape alone.
const WITHOUT_LABEL: f32 = 0.5;

/// A line straightened: its text and box in deskewed pixels.
struct Row<'a> {
    text: &'a str,
    folded: String,
    confidence: f32,
    quad: Quad,
    left: f32,
    top: f32,
    right: f32,
    bottom: f32,
}

impl Row<'_> {
    fn height(&self) -> f32 {
        (self.bottom - self.top).max(1.0)
    }

    fn centre_y(&self) -> f32 {
        (self.top + self.bottom) / 2.0
    }
}

/// Reads what can be read without a template from every page.
///
/// Names are canonical (`containers`, `seals`, `hs_code`, `net_weight`,
/// `gross_weight`, `production_date`, `departure_date`, `issue_date`,
/// `certificate_number`, `consignor`, `consignee`) when a label says which;
/// other weights and dates are `weight[i]` and `date[i]` in reading order.
pub fn extract_generic(pages: &[PageText]) -> Vec<ExtractedField> {
    let mut out = Vec::new();
    let mut containers = Vec::new();
    let mut dates = 0;
    let mut weights = 0;
    for (index, page) in pages.iter().enumerate() {
        let page_no = index as u32 + 1;
        let rows = straighten(page);
        containers.extend(find_containers(&rows, page_no));
        labelled(&rows, page_no, &mut out);
        dated(&rows, page_no, &mut dates, &mut out);
        weighed(&rows, page_no, &mut weights, &mut out);
    }
    if let Some((page, quad, conf)) = containers.first().map(|c| (c.1, c.2, c.3)) {
        let numbers: Vec<String> = containers.iter().map(|c| c.0.clone()).collect();
        let mut seen = BTreeSet::new();
        let unique: Vec<String> = numbers
            .into_iter()
            .filter(|n| seen.insert(n.clone()))
            .collect();
        out.push(ExtractedField {
            name: names::CONTAINERS.into(),
            raw: unique.join(", "),
            value: Some(unique.join(",")),
            confidence: conf * WITHOUT_LABEL,
            page,
            quad,
        });
    }

    // One field per name: the first found.
    let mut seen = BTreeSet::new();
    out.retain(|f| seen.insert(f.name.clone()));
    out
}

/// The page's lines rotated by minus their median direction.
fn straighten(page: &PageText) -> Vec<Row<'_>> {
    let mut angles: Vec<f32> = page
        .lines
        .iter()
        .map(|l| (l.quad[1][1] - l.quad[0][1]).atan2(l.quad[1][0] - l.quad[0][0]))
        .collect();
    angles.sort_by(f32::total_cmp);
    let angle = angles.get(angles.len() / 2).copied().unwrap_or(0.0);
    let (s, c) = (-angle).sin_cos();
    page.lines
        .iter()
        .map(|l| {
            let q = l.quad.map(|[x, y]| [c * x - s * y, s * x + c * y]);
            let (left, top, right, bottom) = ocr::quad::bounds(&q);
            Row {
                text: &l.text,
                folded: fold(&l.text),
                confidence: l.confidence,
                quad: l.quad,
                left,
                top,
                right,
                bottom,
            }
        })
        .collect()
}

/// The part of a page quad between fractions `from` and `to` of its length.
fn sub_quad(q: &Quad, from: f32, to: f32) -> Quad {
    let lerp =
        |a: [f32; 2], b: [f32; 2], t: f32| [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    [
        lerp(q[0], q[1], from),
        lerp(q[0], q[1], to),
        lerp(q[3], q[2], to),
        lerp(q[3], q[2], from),
    ]
}

/// The quad of bytes `start..end` of a row's text.
fn part_quad(row: &Row, start: usize, end: usize) -> Quad {
    let total = row.text.chars().count().max(1) as f32;
    let a = row.text[..start].chars().count() as f32 / total;
    let b = row.text[..end].chars().count() as f32 / total;
    sub_quad(&row.quad, a, b)
}

/// Container numbers of every row: (number, page, quad, confidence).
fn find_containers(rows: &[Row], page: u32) -> Vec<(String, u32, Quad, f32)> {
    rows.iter()
        .flat_map(|r| {
            codes_find_containers(r.text)
                .into_iter()
                .map(move |n| (n, page, r.quad, r.confidence))
        })
        .collect()
}

/// Where a label word ends in a row's raw text (byte index), if the row holds one.
fn label_end(row: &Row, words: &[&str]) -> Option<usize> {
    words
        .iter()
        .filter_map(|w| row.folded.find(w).map(|at| (at, w)))
        .min_by_key(|(at, _)| *at)
        .map(|(at, w)| {
            let chars = row.folded[..at].chars().count() + w.chars().count();
            raw_prefix_end(row.text, chars)
        })
}

/// The rest of a row after its label (and words like "No."), trimmed.
fn after_label(row: &Row, end: usize) -> Option<(usize, String)> {
    let mut rest = &row.text[end..];
    // Drop the rest of the label word ("Exporter" found as "export") and filler words.
    loop {
        let trimmed =
            rest.trim_start_matches(|c: char| c.is_whitespace() || ":：.-/()#".contains(c));
        let word_end = trimmed
            .find(|c: char| c.is_whitespace() || c == ':')
            .unwrap_or(trimmed.len());
        let word = trimmed[..word_end]
            .trim_end_matches(['.', ':'])
            .to_lowercase();
        if !word.is_empty() && LABEL_TAIL.contains(&word.as_str()) {
            rest = &trimmed[word_end..];
        } else if trimmed.len() < rest.len() {
            rest = trimmed;
        } else {
            break;
        }
    }
    let start = row.text.len() - rest.len();
    let value = rest.trim();
    (!value.is_empty()).then(|| (start, value.to_string()))
}

/// The nearest row right of `row` on the same line, or else the row just below.
fn neighbour<'a>(rows: &'a [Row<'a>], row: &Row) -> Option<&'a Row<'a>> {
    let h = row.height();
    let right = rows
        .iter()
        .filter(|r| (r.centre_y() - row.centre_y()).abs() < 0.6 * h && r.left > row.right - 1.0)
        .filter(|r| r.left - row.right < 40.0 * h)
        .min_by(|a, b| a.left.total_cmp(&b.left));
    right.or_else(|| {
        rows.iter()
            .filter(|r| r.top >= row.bottom - 0.2 * h && r.top - row.bottom < 1.5 * h)
            .filter(|r| r.left < row.right && r.right > row.left)
            .min_by(|a, b| a.top.total_cmp(&b.top))
    })
}

/// Values named by a label word: number, consignor, consignee, seals, HS code.
fn labelled(rows: &[Row], page: u32, out: &mut Vec<ExtractedField>) {
    type Reader = fn(&str) -> Option<String>;
    let kinds: [(&str, &[&str], Reader); 4] = [
        (names::CERTIFICATE_NUMBER, NUMBER_WORDS, |s| {
            certificate_number(s).ok()
        }),
        (names::CONSIGNOR, CONSIGNOR_WORDS, |s| {
            Some(collapse_spaces(s))
        }),
        (names::CONSIGNEE, CONSIGNEE_WORDS, |s| {
            Some(collapse_spaces(s))
        }),
        (names::SEALS, SEAL_WORDS, |s| seals(s).ok()),
    ];
    for row in rows {
        for (name, words, read) in &kinds {
            if let Some(end) = label_end(row, words) {
                if let Some(f) = value_after(rows, row, end, page, name, *read) {
                    out.push(f);
                }
            }
        }
        if let Some(end) = hs_label_end(row) {
            if let Some(f) = value_after(rows, row, end, page, names::HS_CODE, |s| hs_code(s).ok())
            {
                out.push(f);
            }
        }
    }
}

/// Where an HS label ends: a stand-alone `HS` or `H.S.`, or an HS word.
fn hs_label_end(row: &Row) -> Option<usize> {
    static HS: OnceLock<Regex> = OnceLock::new();
    let re = HS.get_or_init(|| Regex::new(r"(?i)\bH\.?\s?S\.?(\s*code)?\b").expect("HS regex"));
    re.find(row.text)
        .map(|m| m.end())
        .or_else(|| label_end(row, HS_WORDS))
}

/// The field `name` read after a label ending at byte `end` of `row`.
fn value_after(
    rows: &[Row],
    row: &Row,
    end: usize,
    page: u32,
    name: &str,
    read: fn(&str) -> Option<String>,
) -> Option<ExtractedField> {
    let (raw, quad, confidence) = match after_label(row, end) {
        Some((start, text)) => (text, part_quad(row, start, row.text.len()), row.confidence),
        None => {
            let n = neighbour(rows, row)?;
            (n.text.trim().to_string(), n.quad, n.confidence)
        }
    };
    let value = read(&raw)?;
    Some(ExtractedField {
        name: name.to_string(),
        raw,
        value: Some(value),
        confidence: confidence * WITH_LABEL,
        page,
        quad,
    })
}

/// Every date, named by the label before it (same row, or the row to its left, or above).
fn dated(rows: &[Row], page: u32, counter: &mut usize, out: &mut Vec<ExtractedField>) {
    for row in rows {
        for m in date_pattern().find_iter(row.text) {
            let Ok(date) = date_any_order(m.as_str()) else {
                continue;
            };
            let before = fold(&row.text[..m.start()]);
            let context = if before.is_empty() {
                left_or_above(rows, row)
                    .map(|r| r.folded.clone())
                    .unwrap_or_default()
            } else {
                before
            };
            let kinds = [
                (names::ISSUE_DATE, ISSUE_WORDS),
                (names::DEPARTURE_DATE, DEPARTURE_WORDS),
                (names::PRODUCTION_DATE, PRODUCTION_WORDS),
            ];
            let name = last_word_kind(&context, &kinds);
            let (name, factor) = match name {
                Some(n) => (n.to_string(), WITH_LABEL),
                None => (format!("date[{}]", *counter), WITHOUT_LABEL),
            };
            *counter += 1;
            out.push(ExtractedField {
                name,
                raw: m.as_str().to_string(),
                value: Some(date.to_string()),
                confidence: row.confidence * factor,
                page,
                quad: part_quad(row, m.start(), m.end()),
            });
        }
    }
}

/// The kind whose word occurs last in `context` (the word nearest the value).
fn last_word_kind<'a>(context: &str, kinds: &[(&'a str, &[&str])]) -> Option<&'a str> {
    kinds
        .iter()
        .filter_map(|(name, words)| {
            words
                .iter()
                .filter_map(|w| context.rfind(w))
                .max()
                .map(|at| (at, *name))
        })
        .max_by_key(|(at, _)| *at)
        .map(|(_, name)| name)
}

/// The row just left of `row` on the same line, or else the row just above it.
fn left_or_above<'a>(rows: &'a [Row<'a>], row: &Row) -> Option<&'a Row<'a>> {
    let h = row.height();
    let left = rows
        .iter()
        .filter(|r| (r.centre_y() - row.centre_y()).abs() < 0.6 * h && r.right < row.left + 1.0)
        .max_by(|a, b| a.right.total_cmp(&b.right));
    left.or_else(|| {
        rows.iter()
            .filter(|r| r.bottom <= row.top + 0.2 * h && row.top - r.bottom < 1.5 * h)
            .filter(|r| r.left < row.right && r.right > row.left)
            .max_by(|a, b| a.bottom.total_cmp(&b.bottom))
    })
}

/// Weights with a unit, named net or gross by the label before them.
fn weighed(rows: &[Row], page: u32, counter: &mut usize, out: &mut Vec<ExtractedField>) {
    static WEIGHT: OnceLock<Regex> = OnceLock::new();
    let re = WEIGHT.get_or_init(|| {
        Regex::new(r"(?i)(\d[\d.,\s]*\d|\d)\s*(kgs?|kilos?|kilograms?|mt|t|tonnes?|lbs?)\b")
            .expect("weight regex")
    });
    for row in rows {
        for caps in re.captures_iter(row.text) {
            let (Some(all), Some(number), Some(unit)) = (caps.get(0), caps.get(1), caps.get(2))
            else {
                continue;
            };
            let Some(value) = parse_decimal(number.as_str(), guess_mark(number.as_str())) else {
                continue;
            };
            let factor = match unit.as_str().to_lowercase().as_str() {
                "t" | "mt" | "tonne" | "tonnes" => 1000.0,
                "lb" | "lbs" => 0.453_592_37,
                _ => 1.0,
            };
            let before = fold(&row.text[..all.start()]);
            let context = if before.is_empty() {
                left_or_above(rows, row)
                    .map(|r| r.folded.clone())
                    .unwrap_or_default()
            } else {
                before
            };
            let kinds = [
                (names::NET_WEIGHT, NET_WORDS),
                (names::GROSS_WEIGHT, GROSS_WORDS),
            ];
            let (name, conf) = match last_word_kind(&context, &kinds) {
                Some(n) => (n.to_string(), WITH_LABEL),
                None => (format!("weight[{}]", *counter), WITHOUT_LABEL),
            };
            *counter += 1;
            out.push(ExtractedField {
                name,
                raw: all.as_str().to_string(),
                value: Some(format_number(value * factor)),
                confidence: row.confidence * conf,
                page,
                quad: part_quad(row, all.start(), all.end()),
            });
        }
    }
}

/// The decimal mark a number without a template most likely uses: a comma
/// followed by one or two digits, or a point followed by three digits
/// without a comma, mean a comma form.
fn guess_mark(number: &str) -> DecimalMark {
    let compact: String = number.chars().filter(|c| !c.is_whitespace()).collect();
    match compact.rfind(['.', ',']) {
        Some(i) => {
            let after = compact.len() - i - 1;
            let sep = compact.as_bytes()[i];
            if (sep == b',' && after != 3) || (sep == b'.' && after == 3 && !compact.contains(','))
            {
                DecimalMark::Comma
            } else {
                DecimalMark::Point
            }
        }
        None => DecimalMark::Point,
    }
}
