//! Loading and validating the static data: templates, rules and registers.
//!
//! Every file is parsed with its JSON path tracked, so an error names the
//! file and the field (`web/templates/au-beef-2019.json: fields[3].type:
//! unknown variant "weigth"`). Checks that a schema cannot express — a
//! pattern that does not compile, a page number beyond the page count, a
//! rule whose parameters are out of range — follow the parse.

use std::collections::BTreeSet;

use serde::de::DeserializeOwned;

mod cross;
mod files;
mod params;
pub mod schema;

pub use files::template_file_name;

use crate::error::{Result, ReviewError};
use crate::registry::{Admitted, Establishment, Registry, Signatory, TemplateVersion};
use crate::rules::RuleBook;
use crate::template::{At, Template, Zone};

/// Templates, rules and registers, validated.
#[derive(Clone, Debug)]
pub struct DataSet {
    /// Every template version.
    pub templates: Vec<Template>,
    /// The rule catalogue.
    pub rules: RuleBook,
    /// The registers.
    pub registry: Registry,
}

impl DataSet {
    /// The template with this id and version.
    pub fn template(&self, id: &str, version: &str) -> Option<&Template> {
        self.templates
            .iter()
            .find(|t| t.id == id && t.version == version)
    }
}

/// Parses `bytes` as JSON into `T`, naming `file` and the JSON path on error.
pub fn parse_json<T: DeserializeOwned>(file: &str, bytes: &[u8]) -> Result<T> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        ReviewError::Data {
            file: file.to_string(),
            path: if path == "." { "(top)".into() } else { path },
            detail: e.into_inner().to_string(),
        }
    })
}

fn data_error(file: &str, path: impl Into<String>, detail: impl Into<String>) -> ReviewError {
    ReviewError::Data {
        file: file.to_string(),
        path: path.into(),
        detail: detail.into(),
    }
}

/// Parses `bytes` as a JSON object into `T`, accepting and ignoring a
/// top-level `"$schema"` key (editor hint), naming `file` and the JSON path on error.
pub fn parse_json_with_schema_key<T: DeserializeOwned>(file: &str, bytes: &[u8]) -> Result<T> {
    let mut value: serde_json::Value = parse_json(file, bytes)?;
    if let Some(object) = value.as_object_mut() {
        object.remove("$schema");
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        ReviewError::Data {
            file: file.to_string(),
            path: if path == "." { "(top)".into() } else { path },
            detail: e.into_inner().to_string(),
        }
    })
}

/// Parses a customs declaration (a top-level `"$schema"` key is allowed).
pub fn parse_declaration(file: &str, bytes: &[u8]) -> Result<crate::declaration::Declaration> {
    parse_json_with_schema_key(file, bytes)
}

/// Parses and validates one template file (a top-level `"$schema"` key is allowed).
pub fn parse_template(file: &str, bytes: &[u8]) -> Result<Template> {
    let template: Template = parse_json_with_schema_key(file, bytes)?;
    validate_template(file, &template)?;
    Ok(template)
}

/// Checks what the template's JSON Schema cannot: ranges, patterns, page numbers, languages.
pub fn validate_template(file: &str, t: &Template) -> Result<()> {
    let err = |path: &str, detail: String| data_error(file, path, detail);

    // Identity and pages.
    if t.id.trim().is_empty() || t.version.trim().is_empty() {
        return Err(err("id", "id and version must not be empty".into()));
    }
    if !(1..=8).contains(&t.pages) {
        return Err(err("pages", format!("{} pages; expected 1..=8", t.pages)));
    }
    let size = t.page_size;
    if !(100.0..=500.0).contains(&size.width_mm) || !(100.0..=500.0).contains(&size.height_mm) {
        return Err(err(
            "page_size",
            format!(
                "{} × {} mm; expected 100..=500 each",
                size.width_mm, size.height_mm
            ),
        ));
    }
    if t.languages.is_empty() {
        return Err(err("languages", "no language".into()));
    }

    // The certificate number pattern compiles and matches its example.
    let pattern = regex::Regex::new(&t.number_pattern).map_err(|e| {
        err(
            "number_pattern",
            format!("{:?} does not compile: {e}", t.number_pattern),
        )
    })?;
    if !pattern.is_match(&t.number_example) {
        return Err(err(
            "number_example",
            format!(
                "{:?} does not match {:?}",
                t.number_example, t.number_pattern
            ),
        ));
    }

    // Positions on existing pages and inside them.
    let check_at = |path: String, at: &At| -> Result<()> {
        if at.page < 1 || at.page > t.pages {
            return Err(err(&path, format!("page {} of {}", at.page, t.pages)));
        }
        if !(0.0..=size.width_mm).contains(&at.x_mm) || !(0.0..=size.height_mm).contains(&at.y_mm) {
            return Err(err(
                &path,
                format!("({}, {}) mm is off the page", at.x_mm, at.y_mm),
            ));
        }
        Ok(())
    };
    let check_zone = |path: &str, z: &Zone| -> Result<()> {
        check_at(
            path.to_string(),
            &At {
                page: z.page,
                x_mm: z.x_mm,
                y_mm: z.y_mm,
            },
        )?;
        if z.width_mm <= 0.0 || z.height_mm <= 0.0 {
            return Err(err(
                path,
                format!("{} × {} mm is empty", z.width_mm, z.height_mm),
            ));
        }
        Ok(())
    };
    for (i, a) in t.anchors.iter().enumerate() {
        check_at(format!("anchors[{i}].at"), &a.at)?;
        check_languages(file, &format!("anchors[{i}].text"), &a.text, &t.languages)?;
    }
    check_zone("signature", &t.signature)?;
    check_zone("stamp.zone", &t.stamp.zone)?;
    if let Some(qr) = &t.security.qr {
        check_zone("security.qr", qr)?;
    }

    // Fields: unique names, known languages, compiling patterns.
    let mut names = BTreeSet::new();
    for (i, f) in t.fields.iter().enumerate() {
        if !names.insert(f.name.as_str()) {
            return Err(err(
                &format!("fields[{i}].name"),
                format!("{:?} appears twice", f.name),
            ));
        }
        check_at(format!("fields[{i}].at"), &f.at)?;
        check_languages(file, &format!("fields[{i}].label"), &f.label, &t.languages)?;
        if let Some(p) = &f.pattern {
            regex::Regex::new(p).map_err(|e| {
                err(
                    &format!("fields[{i}].pattern"),
                    format!("{p:?} does not compile: {e}"),
                )
            })?;
        }
        if f.max_lines == 0 || f.value.width_mm <= 0.0 || f.value.height_mm <= 0.0 {
            return Err(err(
                &format!("fields[{i}].value"),
                "empty value region".into(),
            ));
        }
    }
    if let Some(items) = &t.items {
        check_at("items.at".into(), &items.at)?;
        if !(1..=10).contains(&items.max_rows) {
            return Err(err(
                "items.max_rows",
                format!("{}; expected 1..=10", items.max_rows),
            ));
        }
    }
    for (i, a) in t.attestations.iter().enumerate() {
        check_at(format!("attestations[{i}].at"), &a.at)?;
    }
    Ok(())
}

/// Every text of a localised map is in one of the template's languages, and
/// each of them is present.
fn check_languages(
    file: &str,
    path: &str,
    text: &crate::template::Localised,
    languages: &[String],
) -> Result<()> {
    for lang in text.keys() {
        if !languages.contains(lang) {
            return Err(data_error(
                file,
                path,
                format!("language {lang:?} is not in the template's languages {languages:?}"),
            ));
        }
    }
    if text.is_empty() {
        return Err(data_error(file, path, "no text"));
    }
    Ok(())
}

/// Parses the rule catalogue. Each rule is parsed on its own so that an
/// error names the rule's id.
pub fn parse_rules(file: &str, bytes: &[u8]) -> Result<RuleBook> {
    // The envelope first, keeping rules raw.
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Raw {
        version: String,
        rules: Vec<serde_json::Value>,
        #[serde(rename = "$schema", default)]
        _schema: Option<String>,
    }
    let raw: Raw = parse_json(file, bytes)?;

    // Then each rule, named by its id.
    let mut rules = Vec::with_capacity(raw.rules.len());
    let mut ids = BTreeSet::new();
    for (i, value) in raw.rules.into_iter().enumerate() {
        let id = value
            .get("id")
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .unwrap_or_else(|| format!("rules[{i}]"));
        let given = value.get("params").cloned();
        let rule: crate::rules::Rule = serde_path_to_error::deserialize(value).map_err(|e| {
            data_error(
                file,
                format!("rule {id}: {}", e.path()),
                e.into_inner().to_string(),
            )
        })?;
        if !ids.insert(rule.id.clone()) {
            return Err(data_error(file, format!("rule {id}"), "id appears twice"));
        }
        params::check_known(file, &rule, given.as_ref())?;
        params::check_params(file, &rule)?;
        rules.push(rule);
    }
    Ok(RuleBook {
        version: raw.version,
        rules,
    })
}

/// Parses the four register files (each a JSON array).
pub fn parse_registry(
    signatories: (&str, &[u8]),
    establishments: (&str, &[u8]),
    admitted: (&str, &[u8]),
    template_versions: (&str, &[u8]),
) -> Result<Registry> {
    Ok(Registry {
        signatories: parse_json::<Vec<Signatory>>(signatories.0, signatories.1)?,
        establishments: parse_json::<Vec<Establishment>>(establishments.0, establishments.1)?,
        admitted: parse_json::<Vec<Admitted>>(admitted.0, admitted.1)?,
        template_versions: parse_json::<Vec<TemplateVersion>>(
            template_versions.0,
            template_versions.1,
        )?,
    })
}
