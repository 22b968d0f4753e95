//! The rule catalogue as data: `rules.json` at the repository's top level.
//!
//! A rule's *kind* is Rust code (see `crate::check`); everything a customs
//! team tunes — thresholds, tolerances, scope, severity, messages — lives in
//! the JSON. Each kind's parameters are a typed struct, so a misspelt or
//! out-of-range parameter is an error that names the rule.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The whole catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleBook {
    /// Catalogue version, e.g. `2026.1`; reports record it.
    pub version: String,
    /// The rules, in the order they are checked and reported.
    pub rules: Vec<Rule>,
}

/// One parameterised rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Catalogue id: `P1`, `F3`, `D2`, `M4`, `R3`, `S1`...
    pub id: String,
    /// What the rule checks and its parameters.
    #[serde(flatten)]
    pub check: RuleKind,
    /// Outcome when the rule is violated: `fail` or `warn`.
    pub severity: Severity,
    /// Whether a violation makes the certificate invalid or suspected fraudulent.
    pub class: FindingClass,
    /// Which certificates the rule applies to; empty lists mean all.
    #[serde(default)]
    pub scope: Scope,
    /// Switched off rules are reported as not applicable.
    #[serde(default = "default_true")]
    pub enabled: bool,
    /// What a violation means, in English and Chinese. Placeholders `{found}`
    /// and `{expected}` are replaced by the values compared.
    pub message: Message,
    /// Why the rule exists, for the training kiosk, in English and Chinese.
    pub explanation: Message,
}

fn default_true() -> bool {
    true
}

/// Text in the interface's two languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Message {
    /// English.
    pub en: String,
    /// Simplified Chinese.
    pub zh: String,
}

/// Outcome of a violated rule.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth a look; does not by itself hold the goods.
    Warn,
    /// The certificate does not pass.
    Fail,
}

/// The international phytosanitary standard's split of bad certificates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FindingClass {
    /// Illegible, incomplete, expired, altered without authority or self-contradictory.
    Invalid,
    /// Not issued by the authority, unauthorised signer, or false content.
    SuspectedFraud,
}

/// Which certificates a rule applies to. Empty lists match everything; a
/// certificate is in scope when it matches every non-empty list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    /// Template ids.
    #[serde(default)]
    pub templates: Vec<String>,
    /// Issuing countries, ISO 3166-1 alpha-2.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Product categories (`meat-bovine`, `dairy`...).
    #[serde(default)]
    pub products: Vec<String>,
}

/// A rule kind and its parameters: `{"kind": "departure_window", "params": {"days": 7}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", content = "params", rename_all = "snake_case")]
pub enum RuleKind {
    /// P1: every required field of the template has a value.
    RequiredFields {},
    /// P2: the destination reads as China.
    Destination {
        /// Accepted spellings after normalisation (upper case, punctuation and spaces removed),
        /// e.g. `PRCHINA`, `PEOPLESREPUBLICOFCHINA`, `中华人民共和国`.
        accepted: Vec<String>,
    },
    /// P3: the printed languages include these (ISO 639-1).
    Languages {
        /// Languages that must be present, e.g. `["zh", "en"]`.
        required: Vec<String>,
    },
    /// P4: every page is present ("page x of y") and carries the same certificate number.
    PagesComplete {},
    /// F1: the certificate number matches the template's pattern.
    NumberPattern {},
    /// F3: every container number has a valid ISO 6346 check digit.
    ContainerCheckDigit {},
    /// F5: the HS code is well formed and under one of the template's headings.
    HsCode {
        /// Accepted code lengths in digits, e.g. `[6, 8, 10]`.
        lengths: Vec<u32>,
    },
    /// F6: every date parses in the template's locale, unambiguously.
    DateFormat {},
    /// F7: the origin country matches the template's country.
    CountryCode {},
    /// D1: production date on or before the issue date.
    ProductionBeforeIssue {},
    /// D2: issue date no later than departure plus `days`.
    IssueBeforeDeparture {
        /// Days of grace after departure, 0..=30.
        days: u32,
    },
    /// D3: departure within `days` of issue.
    DepartureWindow {
        /// Longest allowed gap from issue to departure, days.
        days: u32,
    },
    /// D5: the template version is valid on its keyed date.
    TemplateVersion {},
    /// D6: production on or after the establishment's listing date.
    ListingDate {},
    /// D7: production and departure outside any suspension window.
    Suspension {},
    /// C1: net weight no more than gross weight, per line and in total.
    NetWithinGross {},
    /// C2: goods lines sum to the stated totals within `tolerance_percent`.
    ItemsSum {
        /// Allowed relative difference, percent (0.1 means 0.1%).
        tolerance_percent: f64,
    },
    /// C3: species, HS code and product category agree.
    SpeciesHs {
        /// For each species word, the HS headings it may carry (`bovine` → `["0201", "0202"]`).
        headings: std::collections::BTreeMap<String, Vec<String>>,
    },
    /// C4: the transport mode agrees with its identifiers (sea → containers, air → flight number).
    TransportMode {
        /// Regular expression of a flight number, e.g. `^[A-Z0-9]{2}\s?\d{2,4}$`.
        flight_pattern: String,
    },
    /// C5: the template's required attestations are printed (fuzzy match).
    Attestations {
        /// Smallest similarity 0.0..=1.0 that counts as present.
        min_similarity: f64,
    },
    /// M1: consignee equals the declaration's after normalisation (fuzzy).
    ConsigneeMatch {
        /// Smallest similarity 0.0..=1.0 that counts as equal.
        min_similarity: f64,
    },
    /// M2: the set of containers equals the declaration's.
    ContainerSet {},
    /// M3: each container's seal equals the declaration's.
    SealMatch {},
    /// M4: declared net weight within `percent` or `kg` of the certificate's.
    NetWeightMatch {
        /// Relative tolerance, percent.
        percent: f64,
        /// Absolute tolerance, kilograms.
        kg: f64,
    },
    /// M5: declared packages no more than the certificate's.
    PackageCount {},
    /// M6: origin, port of loading and HS code equal to the declaration's.
    OriginPortHs {
        /// Digits of the HS code compared, 4..=10.
        hs_digits: u32,
    },
    /// R1: each establishment listed for the category and active on the production date.
    EstablishmentListed {},
    /// R2: establishment numbers equal to the declaration's.
    RegistrationNumber {},
    /// R3: the signatory is registered for the authority and authorised on the issue date.
    Signatory {
        /// Smallest name similarity 0.0..=1.0 that identifies a registered signatory.
        min_similarity: f64,
    },
    /// S1: stamp present and like the registered specimen; ink rule. Not checked yet.
    Stamp {
        /// Smallest similarity to the specimen, 0.0..=1.0.
        threshold: f64,
    },
    /// S2: signature like a registered specimen, not a pixel copy. Not checked yet.
    Signature {
        /// Smallest similarity to a specimen, 0.0..=1.0.
        threshold: f64,
    },
    /// S3: the QR record agrees with the printed fields.
    QrRecord {},
    /// S4: no alteration artefacts inside a field.
    Alteration {},
}
