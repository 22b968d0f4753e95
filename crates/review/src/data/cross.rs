//! Cross-checks between templates, registers and rules: what no single
//! file's schema can see.

use std::collections::{BTreeMap, BTreeSet};

use super::files::template_file_name;
use super::{data_error, DataSet};
use crate::error::Result;
use crate::template::Template;

const SIGNATORIES: &str = "registry/signatories.json";
const ESTABLISHMENTS: &str = "registry/establishments.json";
const ADMITTED: &str = "registry/admitted.json";
const VERSIONS: &str = "registry/template-versions.json";

fn file_of(t: &Template) -> String {
    format!("templates/{}", template_file_name(t))
}

impl DataSet {
    /// Checks that templates, registers and rules agree: each template
    /// version is in `template-versions.json` with the same validity and
    /// vice versa; versions of one id follow each other without gap or
    /// overlap; each template's authority has signatories; each
    /// country-category has establishments and an admitted pair; register
    /// ids are unique and windows are ordered; rule scopes name known
    /// templates. The first disagreement is returned, naming the file and the item.
    pub fn validate(&self) -> Result<()> {
        self.check_registers()?;
        self.check_versions()?;
        self.check_template_registers()?;
        self.check_rule_scopes()
    }

    fn check_registers(&self) -> Result<()> {
        let mut ids = BTreeSet::new();
        for s in &self.registry.signatories {
            if !ids.insert(s.id.as_str()) {
                return Err(data_error(SIGNATORIES, &s.id, "id appears twice"));
            }
            if s.valid_to.is_some_and(|to| to < s.valid_from) {
                return Err(data_error(
                    SIGNATORIES,
                    &s.id,
                    format!(
                        "valid_to {:?} is before valid_from {}",
                        s.valid_to, s.valid_from
                    ),
                ));
            }
        }
        let mut numbers = BTreeSet::new();
        for e in &self.registry.establishments {
            if !numbers.insert((e.country.as_str(), e.number.as_str())) {
                return Err(data_error(
                    ESTABLISHMENTS,
                    &e.number,
                    format!("{} {} appears twice", e.country, e.number),
                ));
            }
            if let Some(w) = e
                .suspensions
                .iter()
                .find(|w| w.to.is_some_and(|to| to < w.from))
            {
                return Err(data_error(
                    ESTABLISHMENTS,
                    &e.number,
                    format!("suspension ends {:?} before it starts {}", w.to, w.from),
                ));
            }
        }
        for v in &self.registry.template_versions {
            if v.to.is_some_and(|to| to < v.from) {
                return Err(data_error(
                    VERSIONS,
                    format!("{} {}", v.id, v.version),
                    format!("to {:?} is before from {}", v.to, v.from),
                ));
            }
        }
        Ok(())
    }

    fn check_versions(&self) -> Result<()> {
        // Register and templates agree, both ways.
        for t in &self.templates {
            let item = format!("{} {}", t.id, t.version);
            let v = self
                .registry
                .template_versions
                .iter()
                .find(|v| v.id == t.id && v.version == t.version)
                .ok_or_else(|| {
                    data_error(
                        VERSIONS,
                        &item,
                        format!("missing (template {})", file_of(t)),
                    )
                })?;
            if v.from != t.validity.from || v.to != t.validity.to {
                return Err(data_error(
                    VERSIONS,
                    &item,
                    format!(
                        "{} to {:?} but {} says {} to {:?}",
                        v.from,
                        v.to,
                        file_of(t),
                        t.validity.from,
                        t.validity.to
                    ),
                ));
            }
        }
        for v in &self.registry.template_versions {
            if self.template(&v.id, &v.version).is_none() {
                return Err(data_error(
                    VERSIONS,
                    format!("{} {}", v.id, v.version),
                    "no template file has this id and version",
                ));
            }
        }

        // Versions of one id: contiguous windows, only the last one open.
        let mut by_id: BTreeMap<&str, Vec<&Template>> = BTreeMap::new();
        for t in &self.templates {
            by_id.entry(t.id.as_str()).or_default().push(t);
        }
        for versions in by_id.values_mut() {
            versions.sort_by_key(|t| t.validity.from);
            for pair in versions.windows(2) {
                let (old, new) = (pair[0], pair[1]);
                let next_day = old.validity.to.and_then(|to| to.tomorrow().ok());
                if next_day != Some(new.validity.from) {
                    return Err(data_error(
                        &file_of(old),
                        "validity.to",
                        format!(
                            "{:?}; the next version {} starts {}, so it must end the day before",
                            old.validity.to, new.version, new.validity.from
                        ),
                    ));
                }
                if old.validity.keyed_on != new.validity.keyed_on {
                    return Err(data_error(
                        &file_of(new),
                        "validity.keyed_on",
                        format!("differs from version {}", old.version),
                    ));
                }
            }
        }
        Ok(())
    }

    fn check_template_registers(&self) -> Result<()> {
        let reg = &self.registry;
        for t in &self.templates {
            let file = file_of(t);
            if !reg
                .signatories
                .iter()
                .any(|s| s.authority == t.authority.id)
            {
                return Err(data_error(
                    &file,
                    "authority.id",
                    format!("no signatory of {} in {SIGNATORIES}", t.authority.id),
                ));
            }
            let category = &t.product.category;
            let listed = |e: &&crate::registry::Establishment| {
                e.country == t.country && e.categories.contains(category)
            };
            if !reg.establishments.iter().any(|e| listed(&e)) {
                return Err(data_error(
                    &file,
                    "product.category",
                    format!(
                        "no establishment for {} {category} in {ESTABLISHMENTS}",
                        t.country
                    ),
                ));
            }
            if !reg
                .admitted
                .iter()
                .any(|a| a.country == t.country && &a.category == category)
            {
                return Err(data_error(
                    &file,
                    "product.category",
                    format!("{} {category} is not in {ADMITTED}", t.country),
                ));
            }
        }
        Ok(())
    }

    fn check_rule_scopes(&self) -> Result<()> {
        for r in &self.rules.rules {
            if let Some(id) = r
                .scope
                .templates
                .iter()
                .find(|id| !self.templates.iter().any(|t| &t.id == *id))
            {
                return Err(data_error(
                    "rules.json",
                    format!("rule {}: scope.templates", r.id),
                    format!("no template {id:?}"),
                ));
            }
        }
        Ok(())
    }
}
