//! Canonical field names and extracted field values.
//!
//! Templates, rules, the declaration and the generator's answer keys all use
//! these names, so that a rule can say "compare `net_weight` with the
//! declaration" without knowing any template.
//!
//! Normalised values (`ExtractedField::value`, and the generator's answer
//! keys) are strings in one canonical form per field type:
//!
//! | type | canonical form | example |
//! |---|---|---|
//! | text | trimmed, runs of spaces as one, lines joined by one space, case kept; compared through [`canonical_text`] | `SHANGHAI HAIXIN FOOD CO., LTD. 88 Jiangning Road, Shanghai` |
//! | date | ISO 8601 `YYYY-MM-DD` | `2026-03-05` |
//! | number, weight | kilograms (weights) as a decimal with `.`, no thousands separator, at most 2 decimals, trailing zeros and a trailing `.` removed | `24560`, `24560.5` |
//! | count | integer | `1200` |
//! | hs_code | digits only | `0202300090` |
//! | country | ISO 3166-1 alpha-2, upper case | `AU` |
//! | containers | ISO 6346 numbers without spaces, upper case, `,`-joined in printed order | `CSQU3054383,MSKU1234565` |
//! | seals | upper case without spaces, `,`-joined in printed order | `G2382564,G2382565` |
//! | establishments | upper case, single spaces, `,`-joined in printed order | `SIF 4507,SIF 1234` |
//! | certificate_number | as printed without spaces | `0001/4507/23` |
//!
//! Goods-table cells are named `items[i].column` (row `i` from 0), e.g.
//! `items[1].net_weight`.

use ocr::quad::Quad;
use serde::{Deserialize, Serialize};

/// The canonical field names. Templates may add other names; rules only use these.
pub mod names {
    /// Certificate number (`0001/4507/23`).
    pub const CERTIFICATE_NUMBER: &str = "certificate_number";
    /// Consignor or exporter: name and address.
    pub const CONSIGNOR: &str = "consignor";
    /// Consignee or importer: name and address.
    pub const CONSIGNEE: &str = "consignee";
    /// Country of origin, ISO 3166-1 alpha-2.
    pub const ORIGIN_COUNTRY: &str = "origin_country";
    /// Zone or region of origin.
    pub const ORIGIN_REGION: &str = "origin_region";
    /// Country of destination ("P. R. China").
    pub const DESTINATION: &str = "destination";
    /// Place or port of loading.
    pub const PORT_OF_LOADING: &str = "port_of_loading";
    /// Port of entry in China.
    pub const PORT_OF_ENTRY: &str = "port_of_entry";
    /// Means of transport: `sea`, `air`, `road`, `rail`.
    pub const TRANSPORT_MODE: &str = "transport_mode";
    /// Vessel and voyage, or flight number.
    pub const TRANSPORT_ID: &str = "transport_id";
    /// Container numbers.
    pub const CONTAINERS: &str = "containers";
    /// Seal numbers, in the order of the containers.
    pub const SEALS: &str = "seals";
    /// Description of the goods.
    pub const DESCRIPTION: &str = "description";
    /// Species (English common or scientific name).
    pub const SPECIES: &str = "species";
    /// HS code.
    pub const HS_CODE: &str = "hs_code";
    /// Number of packages.
    pub const PACKAGES: &str = "packages";
    /// Total net weight, kilograms.
    pub const NET_WEIGHT: &str = "net_weight";
    /// Total gross weight, kilograms.
    pub const GROSS_WEIGHT: &str = "gross_weight";
    /// Production (or slaughter, or harvest) date.
    pub const PRODUCTION_DATE: &str = "production_date";
    /// Departure (or loading) date.
    pub const DEPARTURE_DATE: &str = "departure_date";
    /// Date of issue.
    pub const ISSUE_DATE: &str = "issue_date";
    /// Place of issue.
    pub const ISSUE_PLACE: &str = "issue_place";
    /// Establishment approval numbers.
    pub const ESTABLISHMENTS: &str = "establishments";
    /// Name of the official veterinarian or inspector.
    pub const SIGNATORY: &str = "signatory";
    /// Verification number printed beside the certificate number.
    pub const VERIFICATION_NUMBER: &str = "verification_number";
}

/// One value read from the certificate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtractedField {
    /// Canonical name, or `items[i].column` for a goods-table cell (`items[0].net_weight`).
    pub name: String,
    /// The text as read (lines joined with a space).
    pub raw: String,
    /// The normalised value (ISO date, kilograms, ISO 6346 numbers, digits...),
    /// `None` when the raw text could not be normalised.
    pub value: Option<String>,
    /// Confidence 0.0..=1.0: the OCR confidence times how well the label matched.
    pub confidence: f32,
    /// Page number, 1-based.
    pub page: u32,
    /// Where the value was read, in page pixels as decoded.
    #[serde(rename = "box")]
    pub quad: Quad,
}

/// Punctuation next to which a space is not significant: OCR often drops
/// or adds the space after a full stop or comma and around `&` or `/`.
const TIGHT: &[char] = &['.', ',', ';', ':', '&', '/', '(', ')', '-'];

/// Text in the form used to compare values: trimmed, runs of white space as
/// one space, and no space next to punctuation (`P. R. CHINA` and
/// `P.R. CHINA` both give `P.R.CHINA`; `IMPORT & EXPORT CO., LTD.` gives
/// `IMPORT&EXPORT CO.,LTD.`). Case and letters are kept.
pub fn canonical_text(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::with_capacity(text.len());
    for (i, word) in words.iter().enumerate() {
        let glue = i > 0 && (words[i - 1].ends_with(TIGHT) || word.starts_with(TIGHT));
        if i > 0 && !glue {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::canonical_text;

    #[test]
    fn spaces_next_to_punctuation_do_not_count() {
        for (a, b) in [
            ("P. R. CHINA", "P.R. CHINA"),
            ("P. R. CHINA", "P. R.CHINA"),
            (
                "IMPORT & EXPORT CO., LTD. NO. 88",
                "IMPORT &EXPORT CO.,LTD. NO.88",
            ),
            ("  RUE DE LA GARE, TOULOUSE ", "RUE DE LA GARE,TOULOUSE"),
        ] {
            assert_eq!(canonical_text(a), canonical_text(b), "{a:?} vs {b:?}");
        }
        assert_eq!(canonical_text(" P. R.  CHINA "), "P.R.CHINA");
        assert_eq!(canonical_text("MILDURA FRUIT"), "MILDURA FRUIT");
        assert_ne!(
            canonical_text("MILDURA FRUIT"),
            canonical_text("MILDURAFRUIT")
        );
    }
}
