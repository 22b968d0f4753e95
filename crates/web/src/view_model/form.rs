//! The declaration form: what the user types, checked field by field, and
//! turned into the same declaration JSON as a declaration file
//! (see [`review::declaration::Declaration`]); a declaration file fills it.

use review::declaration::{Declaration, DeclaredContainer};
use serde_json::{Map, Value};
use thiserror::Error;

/// One container row of the form: number and seal, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContainerRow {
    /// ISO 6346 container number, e.g. `CSQU3054383`.
    pub number: String,
    /// Seal number, e.g. `G2382564` (may be empty).
    pub seal: String,
}

/// A text input of the form (everything but the containers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum FormField {
    /// Consignor name.
    Consignor,
    /// Consignee name.
    Consignee,
    /// Country of origin, ISO 3166-1 alpha-2.
    OriginCountry,
    /// HS code.
    HsCode,
    /// Goods description.
    Product,
    /// Number of packages.
    Packages,
    /// Net weight, kilograms.
    NetWeight,
    /// Gross weight, kilograms.
    GrossWeight,
    /// Port of loading.
    PortOfLoading,
    /// Port of entry.
    PortOfEntry,
    /// Departure date, `YYYY-MM-DD`.
    DepartureDate,
    /// Establishment numbers, separated by commas or new lines.
    Establishments,
    /// Certificate number.
    CertificateNumber,
}

impl FormField {
    /// Every text input, in the form's order.
    pub const ALL: [FormField; 13] = [
        FormField::CertificateNumber,
        FormField::Consignor,
        FormField::Consignee,
        FormField::OriginCountry,
        FormField::HsCode,
        FormField::Product,
        FormField::Packages,
        FormField::NetWeight,
        FormField::GrossWeight,
        FormField::PortOfLoading,
        FormField::PortOfEntry,
        FormField::DepartureDate,
        FormField::Establishments,
    ];

    /// The declaration's key for this input, also the input's id suffix
    /// (`decl-net_weight_kg`).
    pub fn key(self) -> &'static str {
        match self {
            FormField::Consignor => "consignor",
            FormField::Consignee => "consignee",
            FormField::OriginCountry => "origin_country",
            FormField::HsCode => "hs_code",
            FormField::Product => "product",
            FormField::Packages => "packages",
            FormField::NetWeight => "net_weight_kg",
            FormField::GrossWeight => "gross_weight_kg",
            FormField::PortOfLoading => "port_of_loading",
            FormField::PortOfEntry => "port_of_entry",
            FormField::DepartureDate => "departure_date",
            FormField::Establishments => "establishments",
            FormField::CertificateNumber => "certificate_number",
        }
    }

    /// The certificate field this input is compared with (a canonical field
    /// name for [`crate::i18n::field`]).
    pub fn field_name(self) -> &'static str {
        match self {
            FormField::Product => "description",
            FormField::NetWeight => "net_weight",
            FormField::GrossWeight => "gross_weight",
            other => other.key(),
        }
    }
}

/// What is wrong with a typed value. Every variant carries the value.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum FormError {
    /// Not two letters.
    #[error("country {0:?} is not a two-letter ISO code such as AU")]
    Country(String),
    /// Not 6 to 10 digits (dots and spaces allowed).
    #[error("HS code {0:?} needs 6 to 10 digits")]
    HsCode(String),
    /// Not a whole number of at least 1.
    #[error("{0:?} is not a whole number of packages")]
    Packages(String),
    /// Not a positive number of kilograms.
    #[error("{0:?} is not a weight in kilograms")]
    Weight(String),
    /// More than 1 000 000 kg: a typing slip.
    #[error("{0} kg is more than 1 000 000 kg")]
    TooHeavy(f64),
    /// Gross weight under net weight.
    #[error("gross weight {gross} kg is under net weight {net} kg")]
    GrossUnderNet {
        /// Net weight, kilograms.
        net: f64,
        /// Gross weight, kilograms.
        gross: f64,
    },
    /// Not a calendar date `YYYY-MM-DD`.
    #[error("{0:?} is not a date YYYY-MM-DD")]
    Date(String),
    /// Not four letters and seven digits.
    #[error("container {0:?} is not 4 letters and 7 digits (ISO 6346)")]
    Container(String),
    /// A seal typed without its container.
    #[error("seal {0:?} has no container number")]
    SealWithoutContainer(String),
}

/// Where a form error is: a text input or a container row (0-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ErrorPlace {
    /// A text input.
    Field(FormField),
    /// A container row.
    Container(usize),
}

/// The declaration form's values, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeclarationForm {
    /// Text inputs, indexed like [`FormField::ALL`].
    values: [String; 13],
    /// Containers and seals.
    pub containers: Vec<ContainerRow>,
}

/// Strips spaces (also thin and no-break ones) and thousands separators
/// from a typed number: `24 560`, `24,560.5`, `24 560,5` (decimal comma).
fn clean_number(text: &str) -> String {
    let s: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '_')
        .collect();
    if s.contains('.') {
        s.replace(',', "")
    } else if let Some((int, frac)) = s.rsplit_once(',') {
        // One comma followed by three digits is a thousands separator;
        // otherwise it is a decimal comma.
        if frac.len() == 3 && !int.contains(',') || int.contains(',') {
            s.replace(',', "")
        } else {
            format!("{int}.{frac}")
        }
    } else {
        s
    }
}

/// Parses a weight in kilograms.
fn weight(text: &str) -> Result<f64, FormError> {
    let kg: f64 = clean_number(text)
        .parse()
        .map_err(|_| FormError::Weight(text.to_string()))?;
    if !kg.is_finite() || kg <= 0.0 {
        return Err(FormError::Weight(text.to_string()));
    }
    if kg > 1_000_000.0 {
        return Err(FormError::TooHeavy(kg));
    }
    Ok(kg)
}

/// Is `s` a calendar date `YYYY-MM-DD` (checked by the declaration's own
/// date type)?
fn valid_date(s: &str) -> bool {
    let probe = serde_json::json!({ "departure_date": s });
    serde_json::from_value::<Declaration>(probe).is_ok()
}

/// Is `s` four letters and seven digits?
fn valid_container(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    chars.len() == 11
        && chars[..4].iter().all(|c| c.is_ascii_uppercase())
        && chars[4..].iter().all(|c| c.is_ascii_digit())
}

impl DeclarationForm {
    /// The typed value of an input.
    pub fn get(&self, field: FormField) -> &str {
        &self.values[field as usize]
    }

    /// Sets the typed value of an input.
    pub fn set(&mut self, field: FormField, value: String) {
        self.values[field as usize] = value;
    }

    /// Nothing typed at all.
    pub fn is_empty(&self) -> bool {
        self.values.iter().all(|v| v.trim().is_empty())
            && self
                .containers
                .iter()
                .all(|c| c.number.trim().is_empty() && c.seal.trim().is_empty())
    }

    /// The form filled from a declaration.
    pub fn from_declaration(d: &Declaration) -> DeclarationForm {
        let mut form = DeclarationForm::default();
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        let number = |v: Option<f64>| v.map(show_number).unwrap_or_default();
        form.set(FormField::CertificateNumber, text(&d.certificate_number));
        form.set(FormField::Consignor, text(&d.consignor));
        form.set(FormField::Consignee, text(&d.consignee));
        form.set(FormField::OriginCountry, text(&d.origin_country));
        form.set(FormField::HsCode, text(&d.hs_code));
        form.set(FormField::Product, text(&d.product));
        form.set(
            FormField::Packages,
            d.packages.map(|p| p.to_string()).unwrap_or_default(),
        );
        form.set(FormField::NetWeight, number(d.net_weight_kg));
        form.set(FormField::GrossWeight, number(d.gross_weight_kg));
        form.set(FormField::PortOfLoading, text(&d.port_of_loading));
        form.set(FormField::PortOfEntry, text(&d.port_of_entry));
        form.set(
            FormField::DepartureDate,
            d.departure_date.map(|x| x.to_string()).unwrap_or_default(),
        );
        form.set(FormField::Establishments, d.establishments.join(", "));
        form.containers = d
            .containers
            .iter()
            .map(|c| ContainerRow {
                number: c.number.clone(),
                seal: c.seal.clone().unwrap_or_default(),
            })
            .collect();
        form
    }

    /// The form filled from a declaration file's JSON text.
    pub fn from_json(text: &str) -> Result<DeclarationForm, serde_json::Error> {
        let mut value: Value = serde_json::from_str(text)?;
        // The example files name their schema; the declaration has no such field.
        if let Some(object) = value.as_object_mut() {
            object.remove("$schema");
        }
        let d: Declaration = serde_json::from_value(value)?;
        Ok(DeclarationForm::from_declaration(&d))
    }

    /// The declaration, or every error with its place.
    pub fn to_declaration(&self) -> Result<Declaration, Vec<(ErrorPlace, FormError)>> {
        let mut errors = Vec::new();
        let mut d = Declaration::default();
        let trimmed = |f: FormField| {
            let v = self.get(f).trim();
            (!v.is_empty()).then(|| v.to_string())
        };
        d.certificate_number = trimmed(FormField::CertificateNumber);
        d.consignor = trimmed(FormField::Consignor);
        d.consignee = trimmed(FormField::Consignee);
        d.product = trimmed(FormField::Product);
        d.port_of_loading = trimmed(FormField::PortOfLoading);
        d.port_of_entry = trimmed(FormField::PortOfEntry);
        if let Some(c) = trimmed(FormField::OriginCountry) {
            let upper = c.to_ascii_uppercase();
            if upper.len() == 2 && upper.chars().all(|x| x.is_ascii_uppercase()) {
                d.origin_country = Some(upper);
            } else {
                errors.push((
                    ErrorPlace::Field(FormField::OriginCountry),
                    FormError::Country(c),
                ));
            }
        }
        if let Some(hs) = trimmed(FormField::HsCode) {
            let digits = hs.chars().filter(|c| c.is_ascii_digit()).count();
            let only = hs
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ' ');
            if only && (6..=10).contains(&digits) {
                d.hs_code = Some(hs);
            } else {
                errors.push((ErrorPlace::Field(FormField::HsCode), FormError::HsCode(hs)));
            }
        }
        if let Some(p) = trimmed(FormField::Packages) {
            match clean_number(&p).parse::<u64>() {
                Ok(n) if n >= 1 => d.packages = Some(n),
                _ => errors.push((
                    ErrorPlace::Field(FormField::Packages),
                    FormError::Packages(p),
                )),
            }
        }
        for (field, slot) in [
            (FormField::NetWeight, &mut d.net_weight_kg),
            (FormField::GrossWeight, &mut d.gross_weight_kg),
        ] {
            if let Some(w) = trimmed(field) {
                match weight(&w) {
                    Ok(kg) => *slot = Some(kg),
                    Err(e) => errors.push((ErrorPlace::Field(field), e)),
                }
            }
        }
        if let (Some(net), Some(gross)) = (d.net_weight_kg, d.gross_weight_kg) {
            if gross < net {
                errors.push((
                    ErrorPlace::Field(FormField::GrossWeight),
                    FormError::GrossUnderNet { net, gross },
                ));
            }
        }
        if let Some(date) = trimmed(FormField::DepartureDate) {
            match valid_date(&date).then(|| date.parse().ok()).flatten() {
                Some(parsed) => d.departure_date = Some(parsed),
                None => errors.push((
                    ErrorPlace::Field(FormField::DepartureDate),
                    FormError::Date(date),
                )),
            }
        }
        d.establishments = self
            .get(FormField::Establishments)
            .split([',', ';', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        for (i, row) in self.containers.iter().enumerate() {
            let number: String = row
                .number
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_uppercase();
            let seal = row.seal.trim().to_string();
            if number.is_empty() {
                if !seal.is_empty() {
                    errors.push((
                        ErrorPlace::Container(i),
                        FormError::SealWithoutContainer(seal),
                    ));
                }
                continue;
            }
            if !valid_container(&number) {
                errors.push((
                    ErrorPlace::Container(i),
                    FormError::Container(row.number.clone()),
                ));
                continue;
            }
            d.containers.push(DeclaredContainer {
                number,
                seal: (!seal.is_empty()).then_some(seal),
            });
        }
        if errors.is_empty() {
            Ok(d)
        } else {
            Err(errors)
        }
    }

    /// The declaration's JSON text (absent values left out), or every error.
    pub fn to_json(&self) -> Result<String, Vec<(ErrorPlace, FormError)>> {
        let d = self.to_declaration()?;
        let value = serde_json::to_value(&d).unwrap_or(Value::Null);
        let mut object = Map::new();
        if let Value::Object(map) = value {
            for (k, v) in map {
                let empty = v.is_null() || v.as_array().is_some_and(|a| a.is_empty());
                if !empty {
                    object.insert(k, v);
                }
            }
        }
        Ok(serde_json::to_string_pretty(&Value::Object(object)).unwrap_or_default())
    }
}

/// A number without trailing zeros (`24560`, `24560.5`).
pub fn show_number(n: f64) -> String {
    let s = format!("{n:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str =
        include_str!("../../../../web/examples/declarations/au-beef-shanghai.json");

    #[test]
    fn a_declaration_file_fills_the_form_and_comes_back_the_same() {
        let form = DeclarationForm::from_json(EXAMPLE).unwrap();
        assert_eq!(form.get(FormField::NetWeight), "24560");
        assert_eq!(form.get(FormField::DepartureDate), "2026-03-12");
        assert_eq!(form.containers.len(), 2);
        assert_eq!(form.containers[1].seal, "G2382565");
        let back: Declaration = serde_json::from_str(&form.to_json().unwrap()).unwrap();
        let mut original: Value = serde_json::from_str(EXAMPLE).unwrap();
        original.as_object_mut().unwrap().remove("$schema");
        let original: Declaration = serde_json::from_value(original).unwrap();
        assert_eq!(back, original);
    }

    #[test]
    fn typed_numbers_with_separators_are_read() {
        assert_eq!(clean_number("24 560"), "24560");
        assert_eq!(clean_number("24,560.5"), "24560.5");
        assert_eq!(clean_number("24560,5"), "24560.5");
        assert_eq!(clean_number("1,234,567"), "1234567");
        let mut form = DeclarationForm::default();
        form.set(FormField::NetWeight, "24 650".into());
        form.set(FormField::Packages, "1 200".into());
        form.set(FormField::OriginCountry, "au".into());
        let d = form.to_declaration().unwrap();
        assert_eq!(d.net_weight_kg, Some(24650.0));
        assert_eq!(d.packages, Some(1200));
        assert_eq!(d.origin_country.as_deref(), Some("AU"));
        assert!(!form.to_json().unwrap().contains("\"containers\""));
    }

    #[test]
    fn bad_values_are_reported_with_their_place_and_value() {
        let mut form = DeclarationForm::default();
        form.set(FormField::OriginCountry, "Australia".into());
        form.set(FormField::HsCode, "02x2".into());
        form.set(FormField::Packages, "0".into());
        form.set(FormField::NetWeight, "25000".into());
        form.set(FormField::GrossWeight, "24000".into());
        form.set(FormField::DepartureDate, "2026-02-30".into());
        form.containers.push(ContainerRow {
            number: "CSQU305438".into(),
            seal: "S1".into(),
        });
        form.containers.push(ContainerRow {
            number: "".into(),
            seal: "S2".into(),
        });
        // Non-ASCII text of the right byte length must not split a character.
        form.containers.push(ContainerRow {
            number: "ABCÄ123456".into(),
            seal: String::new(),
        });
        let errors = form.to_declaration().unwrap_err();
        let expected = vec![
            (
                ErrorPlace::Field(FormField::OriginCountry),
                FormError::Country("Australia".into()),
            ),
            (
                ErrorPlace::Field(FormField::HsCode),
                FormError::HsCode("02x2".into()),
            ),
            (
                ErrorPlace::Field(FormField::Packages),
                FormError::Packages("0".into()),
            ),
            (
                ErrorPlace::Field(FormField::GrossWeight),
                FormError::GrossUnderNet {
                    net: 25000.0,
                    gross: 24000.0,
                },
            ),
            (
                ErrorPlace::Field(FormField::DepartureDate),
                FormError::Date("2026-02-30".into()),
            ),
            (
                ErrorPlace::Container(0),
                FormError::Container("CSQU305438".into()),
            ),
            (
                ErrorPlace::Container(1),
                FormError::SealWithoutContainer("S2".into()),
            ),
            (
                ErrorPlace::Container(2),
                FormError::Container("ABCÄ123456".into()),
            ),
        ];
        assert_eq!(errors, expected);
        assert_eq!(
            errors[3].1.to_string(),
            "gross weight 24000 kg is under net weight 25000 kg"
        );
    }

    #[test]
    fn an_empty_form_is_empty_and_gives_an_empty_declaration() {
        let form = DeclarationForm::default();
        assert!(form.is_empty());
        assert_eq!(form.to_json().unwrap(), "{}");
        assert!(DeclarationForm::from_json("[1,2]").is_err());
        assert!(DeclarationForm::from_json("{\"weight\": 3}").is_err());
    }
}
