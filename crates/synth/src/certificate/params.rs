//! What the generator reads from the rule catalogue: the parameters that
//! decide how far a planted fault must go, and the severities that decide
//! the expected verdict.

use std::collections::BTreeMap;

use review::report::Decision;
use review::rules::{RuleBook, RuleKind, Severity};
use review::template::Template;

/// Rule parameters the generator respects.
#[derive(Clone, Debug)]
pub(crate) struct RuleParams {
    /// D2: days of grace after departure.
    pub issue_grace_days: i64,
    /// D3: longest gap from issue to departure, days.
    pub departure_window_days: i64,
    /// C3: HS headings per species word.
    pub species_headings: BTreeMap<String, Vec<String>>,
    /// M4: relative tolerance, percent, and absolute, kilograms.
    pub weight_tolerance: (f64, f64),
    /// C2: relative tolerance, percent.
    pub items_tolerance_percent: f64,
}

impl RuleParams {
    /// Reads the parameters from the catalogue; defaults where a rule is absent.
    pub(crate) fn from_rules(rules: &RuleBook) -> RuleParams {
        let mut params = RuleParams {
            issue_grace_days: 0,
            departure_window_days: 7,
            species_headings: BTreeMap::new(),
            weight_tolerance: (0.5, 50.0),
            items_tolerance_percent: 0.1,
        };
        for rule in &rules.rules {
            match &rule.check {
                RuleKind::IssueBeforeDeparture { days } => {
                    params.issue_grace_days = i64::from(*days)
                }
                RuleKind::DepartureWindow { days } => {
                    params.departure_window_days = i64::from(*days)
                }
                RuleKind::SpeciesHs { headings } => params.species_headings = headings.clone(),
                RuleKind::NetWeightMatch { percent, kg } => {
                    params.weight_tolerance = (*percent, *kg)
                }
                RuleKind::ItemsSum { tolerance_percent } => {
                    params.items_tolerance_percent = *tolerance_percent
                }
                _ => {}
            }
        }
        params
    }
}

/// The verdict the review should reach for these tripped rules: hold if one
/// of them fails, manual check if they only warn, release when none applies.
/// Rules that are switched off, out of the template's scope or absent from
/// the catalogue do not count.
pub(crate) fn expected_verdict<'a>(
    rules: &RuleBook,
    template: &Template,
    tripped: impl IntoIterator<Item = &'a str>,
) -> Decision {
    let mut decision = Decision::Release;
    for id in tripped {
        let Some(rule) = rules.rules.iter().find(|r| r.id == id) else {
            log::warn!("rule {id} is not in the catalogue {}", rules.version);
            continue;
        };
        if !rule.enabled || !in_scope(rule, template) {
            continue;
        }
        let this = match rule.severity {
            Severity::Fail => Decision::Hold,
            Severity::Warn => Decision::ManualCheck,
        };
        decision = decision.max(this);
    }
    decision
}

/// Whether a rule's scope covers the template.
pub(crate) fn in_scope(rule: &review::rules::Rule, template: &Template) -> bool {
    let scope = &rule.scope;
    (scope.templates.is_empty() || scope.templates.contains(&template.id))
        && (scope.countries.is_empty() || scope.countries.contains(&template.country))
        && (scope.products.is_empty() || scope.products.contains(&template.product.category))
}
