//! Certificate templates: one agreed certificate format and version, as
//! described by a JSON file under `web/templates/`.
//!
//! Positions are in millimetres from the top-left corner of the page they are
//! on, x to the right and y down, the way the form is printed. Pages count
//! from 1. A template tells the generator where to print and tells
//! identification and extraction where to look; the two read the same file.

use std::collections::BTreeMap;

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Text in several languages, keyed by ISO 639-1 code (`en`, `zh`, `fr`, `pt`, ...).
pub type Localised = BTreeMap<String, String>;

/// One certificate format in one version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// Stable id shared by every version of the format, e.g. `AU-BEEF`.
    pub id: String,
    /// Version label, e.g. `2019` or `7006EHC-v2`; unique within the id.
    pub version: String,
    /// Issuing country or region, ISO 3166-1 alpha-2 (`AU`, `NZ`, `GB`...).
    pub country: String,
    /// The country or region's English name, e.g. `Australia`.
    pub country_name: String,
    /// The authority that issues and signs the certificate.
    pub authority: Authority,
    /// Veterinary, health or phytosanitary.
    pub kind: CertificateKind,
    /// What the certificate covers.
    pub product: Product,
    /// Languages printed on the form, ISO 639-1, in printing order (e.g. `["en", "zh"]`).
    pub languages: Vec<String>,
    /// When this version may be used.
    pub validity: Validity,
    /// Number of pages, 1..=8.
    pub pages: u32,
    /// Page size in millimetres (A4 is 210 × 297).
    pub page_size: PageSize,
    /// How dates and numbers are written on this form.
    pub locale: Locale,
    /// Full-match regular expression for the certificate number, e.g. `^\d{4}/\d{4}/\d{2}$`.
    pub number_pattern: String,
    /// An example certificate number that matches `number_pattern`.
    pub number_example: String,
    /// Fixed printed texts that identify the form (title, box labels, headers).
    pub anchors: Vec<Anchor>,
    /// The filled-in values and where they are.
    pub fields: Vec<Field>,
    /// The goods table, when the form lists goods line by line.
    #[serde(default)]
    pub items: Option<ItemTable>,
    /// Fixed health or phytosanitary statements printed on the form.
    #[serde(default)]
    pub attestations: Vec<Attestation>,
    /// Where the official veterinarian or inspector signs.
    pub signature: Zone,
    /// Where the official stamp goes and what it looks like.
    pub stamp: StampSpec,
    /// QR code, watermark and verification number.
    #[serde(default)]
    pub security: Security,
    /// Footer printed on every page ("Page {page} of {pages}", certificate number).
    #[serde(default)]
    pub footer: Option<Footer>,
}

/// The competent authority of the exporting country.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// Register id of the authority, e.g. `AU-DAFF`; signatories refer to it.
    pub id: String,
    /// Its name as printed, per language.
    pub name: Localised,
}

/// The family of certificate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CertificateKind {
    /// Veterinary (health) certificate for meat, dairy, seafood, casings, embryos.
    Veterinary,
    /// Health certificate for processed food.
    Health,
    /// Phytosanitary certificate for fruit and plants.
    Phytosanitary,
}

/// The goods a template covers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// Register category, e.g. `meat-bovine`, `dairy`, `fruit-citrus`;
    /// establishments and admitted pairs use the same words.
    pub category: String,
    /// English name, e.g. `frozen beef`.
    pub name: String,
    /// Species in English (`bovine`, `porcine`, `Salmo salar`...), when one applies.
    #[serde(default)]
    pub species: Option<String>,
    /// HS headings allowed on this certificate, 4 to 10 digits without dots (`0202`, `020230`).
    pub hs_headings: Vec<String>,
}

/// The period in which a template version may be used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Validity {
    /// First valid day (ISO date).
    #[schemars(with = "String")]
    pub from: Date,
    /// Last valid day (ISO date); `None` while the version is current.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub to: Option<Date>,
    /// Which date of the certificate the window applies to.
    pub keyed_on: KeyedOn,
}

/// The certificate date a template's cut-over applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum KeyedOn {
    /// The date of issue.
    IssueDate,
    /// The date the goods leave (departure or loading).
    DepartureDate,
}

/// Page size in millimetres.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageSize {
    /// Width in millimetres, 100..=500.
    pub width_mm: f32,
    /// Height in millimetres, 100..=500.
    pub height_mm: f32,
}

/// How a form writes dates and numbers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Locale {
    /// Order of day, month and year in numeric dates.
    pub date_order: DateOrder,
    /// The date format the generator prints, as a `jiff` strftime pattern
    /// (`%d/%m/%Y`, `%m/%d/%Y`, `%d %b %Y`, `%Y-%m-%d`, `%d.%m.%Y`).
    pub date_format: String,
    /// Decimal separator of numbers: `24.560,00` (comma) or `24,560.00` (point).
    pub decimal: DecimalMark,
}

/// Order of the parts of a numeric date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// 22/04/2016.
    Dmy,
    /// 04/22/2016.
    Mdy,
    /// 2016-04-22.
    Ymd,
}

/// Decimal separator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecimalMark {
    /// `24.560,00`: comma decimal, point (or space) thousands.
    Comma,
    /// `24,560.00`: point decimal, comma thousands.
    Point,
}

/// A point on a page, in millimetres from its top-left corner.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct At {
    /// Page number, 1-based.
    pub page: u32,
    /// Millimetres from the left edge.
    pub x_mm: f32,
    /// Millimetres from the top edge (top of the text).
    pub y_mm: f32,
}

/// A rectangle on a page, in millimetres.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    /// Page number, 1-based.
    pub page: u32,
    /// Left edge, millimetres from the page's left.
    pub x_mm: f32,
    /// Top edge, millimetres from the page's top.
    pub y_mm: f32,
    /// Width in millimetres.
    pub width_mm: f32,
    /// Height in millimetres.
    pub height_mm: f32,
}

/// A fixed printed text that identifies the form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    /// Id unique within the template, e.g. `title`, `box-consignor`.
    pub id: String,
    /// The text per language. The languages are printed one under the other
    /// from `at`, in the template's language order, each on its own line.
    pub text: Localised,
    /// Where the first language's line starts.
    pub at: At,
    /// Font size in points (title 12–16, labels 7–9).
    #[serde(default = "default_anchor_pt")]
    pub size_pt: f32,
}

fn default_anchor_pt() -> f32 {
    8.0
}

/// The kind of value a field holds, which decides how it is normalised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    /// Free text (names, addresses, descriptions); normalised by trimming and collapsing spaces.
    Text,
    /// A date in the template's locale; normalised to ISO `YYYY-MM-DD`.
    Date,
    /// A decimal number in the template's locale; normalised to a plain number.
    Number,
    /// A weight; normalised to kilograms as a number.
    Weight,
    /// A whole count (packages); normalised to an integer.
    Count,
    /// An HS code; normalised to its digits.
    HsCode,
    /// ISO 3166-1 alpha-2 country code or country name; normalised to the code.
    Country,
    /// Container numbers; normalised to ISO 6346 form (`CSQU3054383`), comma separated.
    Containers,
    /// Seal numbers; normalised upper-case without spaces, comma separated.
    Seals,
    /// Establishment approval numbers (`SIF 4507`, `EST. 245E`); comma separated.
    Establishments,
    /// The certificate number; kept as printed, spaces removed.
    CertificateNumber,
}

/// A filled-in value: its label, where the value is printed, and its format.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Canonical field name (see `crate::field::names`), e.g. `consignee`, `net_weight`.
    pub name: String,
    /// How the value is normalised.
    #[serde(rename = "type")]
    pub kind: FieldType,
    /// The printed label per language, stacked like an anchor's text.
    pub label: Localised,
    /// Where the label's first line starts.
    pub at: At,
    /// Where the value is printed, relative to `at`.
    pub value: ValueRegion,
    /// Full-match regular expression the raw value must satisfy, if any.
    #[serde(default)]
    pub pattern: Option<String>,
    /// Whether rule P1 requires a value.
    #[serde(default = "default_true")]
    pub required: bool,
    /// Up to how many lines the value may take (addresses: 2–3).
    #[serde(default = "default_one")]
    pub max_lines: u32,
}

fn default_true() -> bool {
    true
}

fn default_one() -> u32 {
    1
}

/// The rectangle where a field's value is printed, relative to the top-left
/// of its label (same page), in millimetres.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValueRegion {
    /// Horizontal offset of the value's left edge from the label's, millimetres.
    pub dx_mm: f32,
    /// Vertical offset of the value's top from the label's, millimetres.
    pub dy_mm: f32,
    /// Width available for the value, millimetres.
    pub width_mm: f32,
    /// Height available for the value (all its lines), millimetres.
    pub height_mm: f32,
}

/// The goods table: one row per consignment line, then a totals row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemTable {
    /// Top-left of the header row.
    pub at: At,
    /// Height of one row, millimetres.
    pub row_height_mm: f32,
    /// Most rows the table holds, 1..=10.
    pub max_rows: u32,
    /// Columns, left to right.
    pub columns: Vec<Column>,
    /// Label of the totals row per language ("Total" / "合计").
    pub total_label: Localised,
}

/// One column of the goods table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// Canonical name: `description`, `packages`, `net_weight`, `gross_weight`, `production_date`.
    pub name: String,
    /// How the cells are normalised.
    #[serde(rename = "type")]
    pub kind: FieldType,
    /// Header text per language.
    pub label: Localised,
    /// Left edge from the table's left, millimetres.
    pub dx_mm: f32,
    /// Column width, millimetres.
    pub width_mm: f32,
}

/// A fixed statement the certificate must carry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attestation {
    /// Id unique within the template, e.g. `AD-BSE`.
    pub id: String,
    /// The statement in English (the language checked by rule C5).
    pub text: String,
    /// Whether rule C5 requires it.
    #[serde(default = "default_true")]
    pub required: bool,
    /// Where its first line starts; it wraps within `width_mm`.
    pub at: At,
    /// Wrapping width, millimetres.
    pub width_mm: f32,
}

/// Where the stamp goes and what a genuine one looks like.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StampSpec {
    /// The zone the stamp is pressed in.
    pub zone: Zone,
    /// Round or oval.
    pub shape: StampShape,
    /// Inks the authority uses, e.g. `["blue"]`.
    pub inks: Vec<Ink>,
    /// Whether black ink makes the certificate invalid (UK style rule).
    #[serde(default)]
    pub non_black_required: bool,
}

/// Outline of an official stamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StampShape {
    /// Circle, 35–45 mm.
    Round,
    /// Ellipse, about 45 × 30 mm.
    Oval,
}

/// Stamp ink colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Ink {
    /// Blue.
    Blue,
    /// Red.
    Red,
    /// Violet.
    Violet,
    /// Green.
    Green,
    /// Black.
    Black,
}

/// Security features printed on the form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Security {
    /// Where the QR code linking to the electronic record is, if there is one.
    #[serde(default)]
    pub qr: Option<Zone>,
    /// Watermark text printed faintly across the page, if any.
    #[serde(default)]
    pub watermark: Option<String>,
    /// Whether a verification number accompanies the certificate number.
    #[serde(default)]
    pub verification_number: bool,
}

/// What every page repeats at its foot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Footer {
    /// Text with `{page}`, `{pages}` and `{number}` placeholders, e.g.
    /// `Certificate No. {number} - Page {page} of {pages}`.
    pub text: String,
    /// Millimetres from the top of each page to the footer line.
    pub y_mm: f32,
}
