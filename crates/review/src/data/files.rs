//! Loading the whole data set from named files, as the web app fetches them
//! and the command line reads them.

use std::collections::BTreeMap;

use super::{data_error, parse_registry, parse_rules, parse_template, DataSet};
use crate::error::Result;
use crate::template::Template;

/// The register files, by their names under `registry/`.
const REGISTERS: [&str; 4] = [
    "signatories.json",
    "establishments.json",
    "admitted.json",
    "template-versions.json",
];

/// The rule catalogue's name.
const RULES: &str = "rules.json";

/// What a file name says the file holds.
enum Kind<'a> {
    Rules,
    Template,
    Register(&'a str),
    Ignored,
}

/// Sorts a name into rules, template, register or ignored. A leading `web/`
/// is allowed, so repository-relative names work too.
fn kind_of(name: &str) -> Kind<'_> {
    let name = name.strip_prefix("web/").unwrap_or(name);
    if !name.ends_with(".json") || name.ends_with(".schema.json") || name.starts_with("schema/") {
        return Kind::Ignored;
    }
    if name == RULES {
        return Kind::Rules;
    }
    if let Some(rest) = name.strip_prefix("templates/") {
        if !rest.contains('/') {
            return Kind::Template;
        }
    }
    if let Some(rest) = name.strip_prefix("registry/") {
        if !rest.contains('/') {
            return Kind::Register(rest);
        }
    }
    Kind::Ignored
}

/// The file name a template must have: `<id lower-case>-<version lower-case>.json`.
pub fn template_file_name(t: &Template) -> String {
    format!("{}-{}.json", t.id.to_lowercase(), t.version.to_lowercase())
}

impl DataSet {
    /// Loads and validates templates, rules and registers from `(name, bytes)`
    /// pairs named `rules.json`, `templates/<file>.json` and
    /// `registry/<file>.json` (a leading `web/` is accepted). Other files,
    /// files not ending in `.json` and JSON Schemas are ignored. The four
    /// registers and `rules.json` are required. Errors name the file and the item.
    pub fn from_files(files: &[(String, Vec<u8>)]) -> Result<DataSet> {
        let mut rules = None;
        let mut templates: Vec<Template> = Vec::new();
        let mut registers: BTreeMap<&str, (&str, &[u8])> = BTreeMap::new();
        let mut seen: BTreeMap<(String, String), String> = BTreeMap::new();

        // Parse each file by what its name says it is.
        for (name, bytes) in files {
            match kind_of(name) {
                Kind::Rules => rules = Some(parse_rules(name, bytes)?),
                Kind::Template => {
                    let t = parse_template(name, bytes)?;
                    let expected = template_file_name(&t);
                    if !name.ends_with(&format!("/{expected}")) {
                        return Err(data_error(
                            name,
                            "id",
                            format!(
                                "template {} version {} must be in a file named {expected}",
                                t.id, t.version
                            ),
                        ));
                    }
                    let key = (t.id.clone(), t.version.clone());
                    if let Some(other) = seen.insert(key, name.clone()) {
                        return Err(data_error(
                            name,
                            "version",
                            format!("{} version {} is also in {other}", t.id, t.version),
                        ));
                    }
                    templates.push(t);
                }
                Kind::Register(register) => {
                    if REGISTERS.contains(&register) {
                        registers.insert(register, (name.as_str(), bytes.as_slice()));
                    } else {
                        log::warn!("{name}: not a known register, ignored");
                    }
                }
                Kind::Ignored => log::debug!("{name}: ignored"),
            }
        }

        // Every register and the rules are required.
        let register = |r: &'static str| {
            registers
                .get(r)
                .copied()
                .ok_or_else(|| data_error(&format!("registry/{r}"), "(file)", "missing"))
        };
        let registry = parse_registry(
            register(REGISTERS[0])?,
            register(REGISTERS[1])?,
            register(REGISTERS[2])?,
            register(REGISTERS[3])?,
        )?;
        let rules = rules.ok_or_else(|| data_error(RULES, "(file)", "missing"))?;

        // Templates in a stable order: by id, then by first valid day.
        templates.sort_by(|a, b| (&a.id, a.validity.from).cmp(&(&b.id, b.validity.from)));
        let data = DataSet {
            templates,
            rules,
            registry,
        };
        data.validate()?;
        log::debug!(
            "data set: {} templates, {} rules, {} signatories, {} establishments",
            data.templates.len(),
            data.rules.rules.len(),
            data.registry.signatories.len(),
            data.registry.establishments.len()
        );
        Ok(data)
    }
}
