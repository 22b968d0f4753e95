//! The registers the importing authority keeps: signatories, establishments,
//! admitted country-product pairs and template versions. Static JSON under
//! `web/registry/`, one file per register.

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// All registers together.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Registry {
    /// `signatories.json`.
    pub signatories: Vec<Signatory>,
    /// `establishments.json`.
    pub establishments: Vec<Establishment>,
    /// `admitted.json`.
    pub admitted: Vec<Admitted>,
    /// `template-versions.json`.
    pub template_versions: Vec<TemplateVersion>,
}

/// An official authorised to sign certificates for an authority.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    /// Register id, e.g. `AU-DAFF-0007`.
    pub id: String,
    /// Full name as printed under the signature, e.g. `Dr. Sarah O'Connor`.
    pub name: String,
    /// Title, e.g. `Official Veterinarian`.
    pub title: String,
    /// Authority id (matches `Template::authority.id`).
    pub authority: String,
    /// Country, ISO 3166-1 alpha-2.
    pub country: String,
    /// First day of authorisation.
    #[schemars(with = "String")]
    pub valid_from: Date,
    /// Last day of authorisation; `None` while authorised.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub valid_to: Option<Date>,
    /// Specimen signature images, paths relative to `web/registry/`.
    #[serde(default)]
    pub specimens: Vec<String>,
}

/// An overseas establishment (slaughterhouse, cutting plant, cold store, packhouse).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Establishment {
    /// Approval number as printed on certificates, e.g. `SIF 4507`, `EST. 245E`.
    pub number: String,
    /// China registration number of the establishment, e.g. `CBRA04507`.
    pub china_registration: String,
    /// Name.
    pub name: String,
    /// Country, ISO 3166-1 alpha-2.
    pub country: String,
    /// Product categories it is listed for (`meat-bovine`, `dairy`...).
    pub categories: Vec<String>,
    /// Date it was listed.
    #[schemars(with = "String")]
    pub listed: Date,
    /// Periods of suspension; production or departure inside one fails rule D7.
    #[serde(default)]
    pub suspensions: Vec<Window>,
}

/// A closed or open period of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// First day.
    #[schemars(with = "String")]
    pub from: Date,
    /// Last day; `None` while still running.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub to: Option<Date>,
}

impl Window {
    /// Whether `day` is inside the window.
    pub fn contains(&self, day: Date) -> bool {
        day >= self.from && self.to.is_none_or(|to| day <= to)
    }
}

/// A country-product pair admitted for import.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Admitted {
    /// Country, ISO 3166-1 alpha-2.
    pub country: String,
    /// Product category.
    pub category: String,
    /// Admitted since.
    #[schemars(with = "String")]
    pub from: Date,
}

/// A template version the importing authority has agreed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateVersion {
    /// Template id.
    pub id: String,
    /// Version.
    pub version: String,
    /// First valid day.
    #[schemars(with = "String")]
    pub from: Date,
    /// Last valid day, `None` while current.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub to: Option<Date>,
}
