//! The importer's customs declaration, as far as the certificate review needs it.

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One customs declaration. Every field is optional: a draft in the
/// enterprise pre-check may be incomplete, and a rule whose declared value
/// is missing reports "not applicable".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Declaration {
    /// Certificate number the declaration refers to.
    #[serde(default)]
    pub certificate_number: Option<String>,
    /// Consignor (overseas exporter) name.
    #[serde(default)]
    pub consignor: Option<String>,
    /// Consignee (importer) name.
    #[serde(default)]
    pub consignee: Option<String>,
    /// Country of origin, ISO 3166-1 alpha-2.
    #[serde(default)]
    pub origin_country: Option<String>,
    /// HS code, digits (dots allowed).
    #[serde(default)]
    pub hs_code: Option<String>,
    /// Goods description.
    #[serde(default)]
    pub product: Option<String>,
    /// Number of packages.
    #[serde(default)]
    pub packages: Option<u64>,
    /// Net weight, kilograms.
    #[serde(default)]
    pub net_weight_kg: Option<f64>,
    /// Gross weight, kilograms.
    #[serde(default)]
    pub gross_weight_kg: Option<f64>,
    /// Containers and their seals.
    #[serde(default)]
    pub containers: Vec<DeclaredContainer>,
    /// Port of loading.
    #[serde(default)]
    pub port_of_loading: Option<String>,
    /// Port of entry in China.
    #[serde(default)]
    pub port_of_entry: Option<String>,
    /// Departure date.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub departure_date: Option<Date>,
    /// Establishment approval numbers.
    #[serde(default)]
    pub establishments: Vec<String>,
}

/// A declared container.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclaredContainer {
    /// ISO 6346 container number, e.g. `CSQU3054383`.
    pub number: String,
    /// Seal number, e.g. `G2382564`.
    #[serde(default)]
    pub seal: Option<String>,
}
