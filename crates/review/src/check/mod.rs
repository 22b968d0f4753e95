//! Rule checks: the catalogue of `rules.json` applied to one certificate.
//!
//! [`check`] gives one [`Finding`] per rule, in catalogue order. Each rule
//! kind is a small function in the file of its family (presence P1–P4,
//! format F1–F7, dates D1–D7, consistency C1–C5, declared M1–M6, registers
//! R1–R3, security S1–S4). A kind function returns either a [`Judgement`]
//! (the values compared and whether the rule holds) or [`NotApplicable`]
//! (why it could not be checked: a missing value, no declaration, an
//! unknown template). This file turns that into a finding: the rule's
//! severity, class and messages with `{found}` and `{expected}` filled in.
//! Those two values are bilingual too ([`say`]): a number or a code reads
//! the same in both languages, a phrase ("3 days after issue") does not.

mod consistency;
mod dates;
mod declared;
mod format;
pub mod fuzzy;
mod presence;
mod registers;
mod security;
mod values;

use ocr::text::PageText;

use crate::declaration::Declaration;
use crate::field::ExtractedField;
use crate::inspect::Inspection;
use crate::registry::Registry;
use crate::report::{Compared, Evidence, Finding, Outcome, Source};
use crate::rules::{Message, Rule, RuleBook, RuleKind, Severity};
use crate::template::Template;

pub use crate::extract::iso6346_check_digit_ok;

/// Everything the rules look at for one certificate.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The identified template, `None` when the template is unknown.
    pub template: Option<&'a Template>,
    /// The extracted values (canonical names, `items[i].column` for goods lines).
    pub fields: &'a [ExtractedField],
    /// The OCR text of every page, in page order.
    pub pages: &'a [PageText],
    /// The importer's declaration, when one is given.
    pub declaration: Option<&'a Declaration>,
    /// The registers.
    pub registry: &'a Registry,
    /// QR codes and alteration artefacts found on the pages.
    pub inspection: &'a Inspection,
}

/// Why a rule could not be checked, in English and Chinese.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotApplicable(pub Message);

/// Shorthand for a bilingual [`NotApplicable`].
pub(crate) fn na(en: impl Into<String>, zh: impl Into<String>) -> NotApplicable {
    NotApplicable(Message {
        en: en.into(),
        zh: zh.into(),
    })
}

/// What a rule kind concluded about the certificate.
#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    /// Whether the rule holds.
    pub ok: bool,
    /// The value found, as shown in the message's `{found}`, per language.
    pub found: Message,
    /// The value expected, as shown in the message's `{expected}`, per language.
    pub expected: Message,
    /// The values compared.
    pub compared: Vec<Compared>,
    /// Where on the certificate.
    pub evidence: Vec<Evidence>,
}

impl Judgement {
    /// A judgement without compared values or evidence yet. `found` and
    /// `expected` are a [`Message`] from [`say`], or a plain value (a
    /// number, a code, a name) that reads the same in both languages.
    pub(crate) fn new(ok: bool, found: impl Into<Said>, expected: impl Into<Said>) -> Self {
        Judgement {
            ok,
            found: found.into().0,
            expected: expected.into().0,
            compared: Vec::new(),
            evidence: Vec::new(),
        }
    }

    /// Adds compared values.
    pub(crate) fn compared(mut self, compared: Vec<Compared>) -> Self {
        self.compared.extend(compared);
        self
    }

    /// Adds the boxes of these fields as evidence.
    pub(crate) fn fields<'f>(
        mut self,
        fields: impl IntoIterator<Item = &'f ExtractedField>,
    ) -> Self {
        for f in fields {
            self.evidence.push(Evidence {
                page: f.page,
                quad: f.quad,
            });
        }
        self
    }

    /// Adds evidence boxes.
    pub(crate) fn evidence(mut self, evidence: Vec<Evidence>) -> Self {
        self.evidence.extend(evidence);
        self
    }
}

/// A value shown in a message: the same text in both languages for a
/// plain value, or a phrase in each (from [`say`]).
pub(crate) struct Said(Message);

impl From<Message> for Said {
    fn from(m: Message) -> Self {
        Said(m)
    }
}

impl From<String> for Said {
    fn from(value: String) -> Self {
        Said(Message {
            en: value.clone(),
            zh: value,
        })
    }
}

impl From<&String> for Said {
    fn from(value: &String) -> Self {
        Said::from(value.clone())
    }
}

impl From<&str> for Said {
    fn from(value: &str) -> Self {
        Said::from(value.to_string())
    }
}

/// A phrase in English and Chinese, for a message's `{found}` or
/// `{expected}`.
pub(crate) fn say(en: impl Into<String>, zh: impl Into<String>) -> Message {
    Message {
        en: en.into(),
        zh: zh.into(),
    }
}

/// Bilingual phrases joined with `separator` in English and `zh_separator`
/// in Chinese.
pub(crate) fn join_said(parts: &[Message], separator: &str, zh_separator: &str) -> Message {
    say(
        parts
            .iter()
            .map(|p| p.en.as_str())
            .collect::<Vec<_>>()
            .join(separator),
        parts
            .iter()
            .map(|p| p.zh.as_str())
            .collect::<Vec<_>>()
            .join(zh_separator),
    )
}

/// The result of one rule kind.
pub type Eval = std::result::Result<Judgement, NotApplicable>;

/// A compared value.
pub(crate) fn compared(source: Source, name: &str, value: impl Into<String>) -> Compared {
    Compared {
        source,
        name: name.to_string(),
        value: value.into(),
    }
}

/// Applies every rule of the catalogue to the certificate: one finding per
/// rule, in catalogue order.
pub fn check(rules: &RuleBook, ctx: &Context) -> Vec<Finding> {
    rules
        .rules
        .iter()
        .map(|rule| check_rule(rule, ctx))
        .collect()
}

/// One rule: scope and switch first, then its kind.
pub fn check_rule(rule: &Rule, ctx: &Context) -> Finding {
    let eval = if matches!(
        rule.check,
        RuleKind::Stamp { .. } | RuleKind::Signature { .. }
    ) {
        security::later_release()
    } else if !rule.enabled {
        Err(na("rule switched off", "规则已停用"))
    } else if let Err(why) = in_scope(rule, ctx) {
        Err(why)
    } else {
        run(&rule.check, ctx)
    };
    finding(rule, eval)
}

/// Whether the certificate is in the rule's scope. A scoped rule needs the
/// template to know it.
fn in_scope(rule: &Rule, ctx: &Context) -> std::result::Result<(), NotApplicable> {
    let scope = &rule.scope;
    if scope.templates.is_empty() && scope.countries.is_empty() && scope.products.is_empty() {
        return Ok(());
    }
    let Some(t) = ctx.template else {
        return Err(na(
            "the rule applies to some templates only and the template is unknown",
            "该规则仅适用于部分模板，而模板未识别",
        ));
    };
    let fits = |list: &[String], value: &str| list.is_empty() || list.iter().any(|v| v == value);
    if fits(&scope.templates, &t.id)
        && fits(&scope.countries, &t.country)
        && fits(&scope.products, &t.product.category)
    {
        Ok(())
    } else {
        Err(na(
            format!(
                "not in the rule's scope (template {}, country {}, product {})",
                t.id, t.country, t.product.category
            ),
            format!(
                "不在规则适用范围内（模板 {}，国家 {}，产品 {}）",
                t.id, t.country, t.product.category
            ),
        ))
    }
}

/// Dispatches to the rule kind's function.
fn run(kind: &RuleKind, ctx: &Context) -> Eval {
    use RuleKind as K;
    match kind {
        K::RequiredFields {} => presence::required_fields(ctx),
        K::Destination { accepted } => presence::destination(ctx, accepted),
        K::Languages { required } => presence::languages(ctx, required),
        K::PagesComplete {} => presence::pages_complete(ctx),
        K::NumberPattern {} => format::number_pattern(ctx),
        K::ContainerCheckDigit {} => format::container_check_digit(ctx),
        K::HsCode { lengths } => format::hs_code(ctx, lengths),
        K::DateFormat {} => format::date_format(ctx),
        K::CountryCode {} => format::country_code(ctx),
        K::ProductionBeforeIssue {} => dates::production_before_issue(ctx),
        K::IssueBeforeDeparture { days } => dates::issue_before_departure(ctx, *days),
        K::DepartureWindow { days } => dates::departure_window(ctx, *days),
        K::TemplateVersion {} => dates::template_version(ctx),
        K::ListingDate {} => dates::listing_date(ctx),
        K::Suspension {} => dates::suspension(ctx),
        K::NetWithinGross {} => consistency::net_within_gross(ctx),
        K::ItemsSum { tolerance_percent } => consistency::items_sum(ctx, *tolerance_percent),
        K::SpeciesHs { headings } => consistency::species_hs(ctx, headings),
        K::TransportMode { flight_pattern } => consistency::transport_mode(ctx, flight_pattern),
        K::Attestations { min_similarity } => consistency::attestations(ctx, *min_similarity),
        K::ConsigneeMatch { min_similarity } => declared::consignee(ctx, *min_similarity),
        K::ContainerSet {} => declared::container_set(ctx),
        K::SealMatch {} => declared::seals(ctx),
        K::NetWeightMatch { percent, kg } => declared::net_weight(ctx, *percent, *kg),
        K::PackageCount {} => declared::package_count(ctx),
        K::OriginPortHs { hs_digits } => declared::origin_port_hs(ctx, *hs_digits),
        K::EstablishmentListed {} => registers::establishment_listed(ctx),
        K::RegistrationNumber {} => registers::registration_number(ctx),
        K::Signatory { min_similarity } => registers::signatory(ctx, *min_similarity),
        K::Stamp { .. } | K::Signature { .. } => security::later_release(),
        K::QrRecord {} => security::qr_record(ctx),
        K::Alteration {} => security::alteration(ctx),
    }
}

/// The finding for a rule's evaluation.
fn finding(rule: &Rule, eval: Eval) -> Finding {
    match eval {
        Err(NotApplicable(message)) => Finding {
            rule: rule.id.clone(),
            outcome: Outcome::NotApplicable,
            class: rule.class,
            message,
            compared: Vec::new(),
            evidence: Vec::new(),
        },
        Ok(j) => {
            let (outcome, message) = if j.ok {
                let message = Message {
                    en: format!("Passed: {}", j.found.en),
                    zh: format!("通过：{}", j.found.zh),
                };
                (Outcome::Pass, message)
            } else {
                let outcome = match rule.severity {
                    Severity::Fail => Outcome::Fail,
                    Severity::Warn => Outcome::Warn,
                };
                (outcome, fill(&rule.message, &j.found, &j.expected))
            };
            Finding {
                rule: rule.id.clone(),
                outcome,
                class: rule.class,
                message,
                compared: j.compared,
                evidence: j.evidence,
            }
        }
    }
}

/// The message with `{found}` and `{expected}` replaced, each language by
/// its own wording of the values.
pub fn fill(message: &Message, found: &Message, expected: &Message) -> Message {
    let one = |s: &str, found: &str, expected: &str| {
        s.replace("{found}", found).replace("{expected}", expected)
    };
    Message {
        en: one(&message.en, &found.en, &expected.en),
        zh: one(&message.zh, &found.zh, &expected.zh),
    }
}
