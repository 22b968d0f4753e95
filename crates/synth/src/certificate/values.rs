//! The filled-in values of one certificate, drawn at random and kept
//! consistent with the registers: an establishment of the template's country
//! listed for its product and active on the production date, a signatory of
//! its authority authorised on the issue date, dates in order and inside the
//! template version's validity, valid container numbers, weights that add up.
//! Faults that need particular register entries or dates (suspension,
//! listing, expiry, cut-over, date order) are planted while drawing.

use std::collections::BTreeSet;

use jiff::civil::Date;
use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use review::registry::{Establishment, Signatory};
use review::template::{KeyedOn, Template};
use review::DataSet;

use super::dates::{between, plus};
use super::fault::Fault;
use super::params::RuleParams;
use super::tables;
use crate::content::pick;
use crate::{iso6346, SynthError};

/// Earliest day the generator issues certificates on.
pub(crate) const EARLIEST: Date = Date::constant(2019, 1, 1);
/// Latest day the generator issues certificates on (no OS clock: fixed).
pub(crate) const LATEST: Date = Date::constant(2026, 11, 30);

/// One line of the goods table.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Item {
    /// Goods description.
    pub description: String,
    /// Number of packages.
    pub packages: u64,
    /// Net weight, hundredths of a kilogram.
    pub net: u64,
    /// Gross weight, hundredths of a kilogram.
    pub gross: u64,
    /// Production date.
    pub production: Date,
}

/// Everything filled in on one certificate (before printing).
#[derive(Clone, Debug)]
pub(crate) struct Consignment {
    /// Certificate number as printed.
    pub number: String,
    /// Consignor: name, then address lines.
    pub consignor: Vec<String>,
    /// Consignee: name, then address lines.
    pub consignee: Vec<String>,
    /// Origin country code (ISO 3166-1 alpha-2) and printed name.
    pub origin: (String, String),
    /// Region or zone of origin.
    pub origin_region: String,
    /// Destination code and printed text.
    pub destination: (String, String),
    /// Port of loading.
    pub port_of_loading: String,
    /// Port of entry in China.
    pub port_of_entry: String,
    /// Transport mode: `SEA` or `AIR`.
    pub mode: String,
    /// Vessel and voyage, or flight number.
    pub transport_id: String,
    /// Container numbers (ISO 6346).
    pub containers: Vec<String>,
    /// Seal numbers, one per container.
    pub seals: Vec<String>,
    /// Goods description.
    pub description: String,
    /// Species, when the template's product has one.
    pub species: Option<String>,
    /// HS code, digits.
    pub hs_code: String,
    /// Total packages.
    pub packages: u64,
    /// Total net weight, hundredths of a kilogram.
    pub net: u64,
    /// Total gross weight, hundredths of a kilogram.
    pub gross: u64,
    /// Goods lines.
    pub items: Vec<Item>,
    /// Production date.
    pub production: Date,
    /// Departure date.
    pub departure: Date,
    /// Issue date.
    pub issue: Date,
    /// Place of issue.
    pub issue_place: String,
    /// Establishment approval numbers as printed.
    pub establishments: Vec<String>,
    /// Signatory's name as printed.
    pub signatory: String,
    /// Signatory's register id (their hand), `None` for an unregistered name.
    pub signatory_id: Option<String>,
    /// Verification number.
    pub verification_number: String,
}

/// What the draw needs to know.
pub(crate) struct Context<'a> {
    /// The template version printed.
    pub template: &'a Template,
    /// Templates, rules and registers.
    pub data: &'a DataSet,
    /// Rule parameters.
    pub params: &'a RuleParams,
    /// Faults to plant.
    pub faults: &'a BTreeSet<Fault>,
}

impl Context<'_> {
    fn has(&self, fault: Fault) -> bool {
        self.faults.contains(&fault)
    }

    fn name(&self) -> String {
        format!("{} {}", self.template.id, self.template.version)
    }

    fn impossible(&self, fault: Fault, reason: &str) -> SynthError {
        SynthError::FaultNotPossible {
            fault: fault.name().to_string(),
            template: self.name(),
            reason: reason.to_string(),
        }
    }
}

/// The dates and register entries of one certificate.
struct Drawn<'a> {
    production: Date,
    issue: Date,
    departure: Date,
    establishments: Vec<&'a Establishment>,
    signatory: &'a Signatory,
}

/// Draws every value of a certificate.
pub(crate) fn draw(ctx: &Context<'_>, rng: &mut ChaCha8Rng) -> Result<Consignment, SynthError> {
    let t = ctx.template;
    let country = tables::country(&t.country);
    let drawn = draw_dates(ctx, rng)?;

    // Parties.
    let est = drawn.establishments[0];
    let town = *pick(rng, country.towns);
    let consignor = vec![
        est.name.to_uppercase(),
        format!(
            "{} {}, {}",
            rng.random_range(1..400),
            pick(rng, country.streets),
            town
        ),
    ];
    let importer = pick(rng, tables::IMPORTERS);
    let consignee = vec![importer.0.to_string(), importer.1.to_string()];

    // Transport: by sea in containers when the form has containers.
    let by_sea = t.fields.iter().any(|f| f.name == "containers");
    let container_count = if by_sea {
        rng.random_range(1..=3usize)
    } else {
        0
    };
    let containers: Vec<String> = (0..container_count).map(|_| container(rng)).collect();
    let seals: Vec<String> = containers
        .iter()
        .map(|_| {
            let shape = *pick(rng, tables::SEALS);
            fill(rng, shape)
        })
        .collect();
    let (mode, transport_id) = if by_sea {
        let voyage = format!(
            "{}{}",
            rng.random_range(100..999),
            pick(rng, &["N", "S", "E", "W"])
        );
        (
            "SEA".to_string(),
            format!("{} V.{voyage}", pick(rng, tables::VESSELS)),
        )
    } else {
        let airline = *pick(rng, &["CA", "MU", "CZ", "LH", "EK", "QR", "SQ"]);
        (
            "AIR".to_string(),
            format!("{airline} {}", rng.random_range(100..999)),
        )
    };

    // Goods.
    let (items, packages, net, gross) = goods(ctx, rng, container_count, drawn.production);
    let hs_code = hs_code(rng, t);
    let number = certificate_number(rng, t, drawn.issue);

    Ok(Consignment {
        number,
        consignor,
        consignee,
        origin: (t.country.clone(), country_name(t)),
        origin_region: town.to_string(),
        destination: ("CN".into(), "P. R. CHINA".into()),
        port_of_loading: pick(rng, country.ports).to_string(),
        port_of_entry: importer.2.to_string(),
        mode,
        transport_id,
        containers,
        seals,
        description: t.product.name.to_uppercase(),
        species: t.product.species.clone(),
        hs_code,
        packages,
        net,
        gross,
        items,
        production: drawn.production,
        departure: drawn.departure,
        issue: drawn.issue,
        issue_place: pick(rng, country.towns).to_string(),
        establishments: drawn
            .establishments
            .iter()
            .map(|e| e.number.clone())
            .collect(),
        signatory: drawn.signatory.name.clone(),
        signatory_id: Some(drawn.signatory.id.clone()),
        verification_number: format!("{:08}", rng.random_range(0..100_000_000u32)),
    })
}

/// The template's country name as printed (upper case).
pub(crate) fn country_name(t: &Template) -> String {
    t.country_name.to_uppercase()
}

/// Establishments of the template's country listed for its product.
pub(crate) fn eligible<'a>(ctx: &Context<'a>) -> Vec<&'a Establishment> {
    let t = ctx.template;
    ctx.data
        .registry
        .establishments
        .iter()
        .filter(|e| e.country == t.country && e.categories.contains(&t.product.category))
        .collect()
}

/// Whether an establishment may produce on `production` and ship on `departure`.
fn active(e: &Establishment, production: Date, departure: Date) -> bool {
    e.listed <= production
        && !e
            .suspensions
            .iter()
            .any(|w| w.contains(production) || w.contains(departure))
}

/// Whether a signatory is authorised on `day`.
fn authorised(s: &Signatory, day: Date) -> bool {
    s.valid_from <= day && s.valid_to.is_none_or(|to| day <= to)
}

/// A uniformly random day in `from..=to`.
fn day_between(rng: &mut ChaCha8Rng, from: Date, to: Date) -> Date {
    let span = between(from, to).max(0);
    plus(from, rng.random_range(0..=span))
}

/// Draws production, issue and departure dates with the establishments and
/// the signatory they need, planting the date and register faults.
fn draw_dates<'a>(ctx: &Context<'a>, rng: &mut ChaCha8Rng) -> Result<Drawn<'a>, SynthError> {
    let t = ctx.template;
    let p = ctx.params;
    let window = p.departure_window_days.clamp(0, 7);
    let eligible = eligible(ctx);
    if eligible.is_empty() {
        return Err(SynthError::NoConsistentValues {
            template: ctx.name(),
            reason: format!(
                "no establishment of {} listed for {}",
                t.country, t.product.category
            ),
        });
    }
    let signatories: Vec<&Signatory> = ctx
        .data
        .registry
        .signatories
        .iter()
        .filter(|s| s.authority == t.authority.id)
        .collect();
    if signatories.is_empty() {
        return Err(SynthError::NoConsistentValues {
            template: ctx.name(),
            reason: format!("no signatory registered for {}", t.authority.id),
        });
    }

    // The entries some faults need.
    let suspended: Vec<&Establishment> = eligible
        .iter()
        .copied()
        .filter(|e| !e.suspensions.is_empty())
        .collect();
    if ctx.has(Fault::DuringSuspension) && suspended.is_empty() {
        return Err(ctx.impossible(
            Fault::DuringSuspension,
            "no establishment with a suspension",
        ));
    }
    let expiring: Vec<&Signatory> = signatories
        .iter()
        .copied()
        .filter(|s| s.valid_to.is_some())
        .collect();
    if ctx.has(Fault::ExpiredSignatory) && expiring.is_empty() {
        return Err(ctx.impossible(
            Fault::ExpiredSignatory,
            "no signatory whose authorisation ended",
        ));
    }
    let cut_over = t.validity.to;
    if ctx.has(Fault::OutdatedTemplate) && cut_over.is_none() {
        return Err(ctx.impossible(Fault::OutdatedTemplate, "the version is current"));
    }

    let valid_from = t.validity.from.max(EARLIEST);
    let valid_to = t.validity.to.unwrap_or(LATEST).min(LATEST);
    for _ in 0..2000 {
        // An anchor date, from the fault that constrains most.
        let mut anchor_est: Option<&Establishment> = None;
        let mut anchor_sig: Option<&Signatory> = None;
        let mut production: Option<Date> = None;
        let (issue, mut departure);
        if ctx.has(Fault::DuringSuspension) {
            let e = *pick(rng, &suspended);
            let w = pick(rng, &e.suspensions);
            let end = w.to.unwrap_or(plus(w.from, 60)).min(LATEST);
            let day = day_between(rng, w.from, end);
            production = Some(day);
            anchor_est = Some(e);
            issue = plus(day, rng.random_range(1..=10));
            departure = plus(issue, rng.random_range(0..=window));
        } else if ctx.has(Fault::BeforeListing) {
            let e = *pick(rng, &eligible);
            let day = plus(e.listed, -rng.random_range(1..=30));
            production = Some(day);
            anchor_est = Some(e);
            issue = plus(day, rng.random_range(1..=10));
            departure = plus(issue, rng.random_range(0..=window));
        } else if ctx.has(Fault::ExpiredSignatory) {
            let s = *pick(rng, &expiring);
            let end = s.valid_to.unwrap_or(LATEST);
            issue = plus(end, rng.random_range(1..=60));
            anchor_sig = Some(s);
            departure = plus(issue, rng.random_range(0..=window));
        } else {
            let keyed = match (ctx.has(Fault::OutdatedTemplate), cut_over) {
                (true, Some(to)) => plus(to, rng.random_range(1..=90)),
                _ => day_between(rng, valid_from, valid_to),
            };
            match t.validity.keyed_on {
                KeyedOn::IssueDate => {
                    issue = keyed;
                    departure = plus(issue, rng.random_range(0..=window));
                }
                KeyedOn::DepartureDate => {
                    departure = keyed;
                    issue = plus(departure, -rng.random_range(0..=window));
                }
            }
        }
        let mut production = production.unwrap_or(plus(issue, -rng.random_range(2..=40)));

        // Date-order faults.
        if ctx.has(Fault::ProductionAfterIssue) {
            production = plus(issue, rng.random_range(1..=3));
            departure = departure.max(production);
        }
        if ctx.has(Fault::IssuedAfterDeparture) {
            let grace = p.issue_grace_days.max(0);
            departure = plus(issue, -rng.random_range(grace + 1..=grace + 4));
            production = production.min(plus(departure, -rng.random_range(1..=5)));
        }
        if ctx.has(Fault::LateDeparture) {
            let days = p.departure_window_days.max(0);
            departure = plus(issue, rng.random_range(days + 1..=days + 6));
        }

        // The template version on its keyed date.
        let keyed = match t.validity.keyed_on {
            KeyedOn::IssueDate => issue,
            KeyedOn::DepartureDate => departure,
        };
        let version_ok = match (ctx.has(Fault::OutdatedTemplate), cut_over) {
            (true, Some(to)) => keyed > to && keyed >= t.validity.from,
            _ => keyed >= t.validity.from && t.validity.to.is_none_or(|to| keyed <= to),
        };
        if !version_ok || issue > LATEST || issue < EARLIEST {
            continue;
        }

        // The signatory.
        let signatory = match anchor_sig {
            Some(s) if s.valid_from <= issue && s.valid_to.is_some_and(|to| to < issue) => s,
            Some(_) => continue,
            None => {
                let valid: Vec<&Signatory> = signatories
                    .iter()
                    .copied()
                    .filter(|s| authorised(s, issue))
                    .collect();
                if valid.is_empty() {
                    continue;
                }
                *pick(rng, &valid)
            }
        };

        // The establishments: the fault's first, then active ones.
        let mut chosen: Vec<&Establishment> = Vec::new();
        if let Some(e) = anchor_est {
            if ctx.has(Fault::BeforeListing)
                && e.suspensions
                    .iter()
                    .any(|w| w.contains(production) || w.contains(departure))
            {
                continue;
            }
            chosen.push(e);
        }
        let mut usable: Vec<&Establishment> = eligible
            .iter()
            .copied()
            .filter(|e| active(e, production, departure))
            .filter(|e| !chosen.iter().any(|c| c.number == e.number))
            .collect();
        let wanted = if rng.random_bool(0.35) { 2 } else { 1 };
        while chosen.len() < wanted && !usable.is_empty() {
            let i = rng.random_range(0..usable.len());
            chosen.push(usable.remove(i));
        }
        if chosen.is_empty() {
            continue;
        }
        return Ok(Drawn {
            production,
            issue,
            departure,
            establishments: chosen,
            signatory,
        });
    }
    let reason = format!(
        "no dates in {valid_from}..={valid_to} with an active establishment and an authorised signatory"
    );
    if ctx.faults.is_empty() {
        return Err(SynthError::NoConsistentValues {
            template: ctx.name(),
            reason,
        });
    }
    // The faults' constraints left nothing: they cannot be planted here.
    let names: Vec<&str> = ctx.faults.iter().map(|f| f.name()).collect();
    Err(SynthError::FaultNotPossible {
        fault: names.join(","),
        template: ctx.name(),
        reason,
    })
}

/// Fills a shape: `#` a digit, `@` a capital letter.
pub(crate) fn fill(rng: &mut ChaCha8Rng, shape: &str) -> String {
    shape
        .chars()
        .map(|c| match c {
            '#' => char::from(b'0' + rng.random_range(0..10u8)),
            '@' => char::from(b'A' + rng.random_range(0..26u8)),
            other => other,
        })
        .collect()
}

/// A container number with a valid check digit.
pub(crate) fn container(rng: &mut ChaCha8Rng) -> String {
    let owner = pick(rng, tables::CONTAINER_OWNERS);
    let prefix = format!("{owner}{:06}", rng.random_range(0..1_000_000u32));
    let digit = iso6346::check_digit(&prefix).unwrap_or(0);
    format!("{prefix}{digit}")
}

/// Kilograms per package (hundredths) and per-package tare for a category.
fn packaging(rng: &mut ChaCha8Rng, category: &str) -> (u64, u64) {
    let c = category.to_ascii_lowercase();
    if c.contains("embryo") || c.contains("semen") {
        (
            rng.random_range(30..=60) * 100,
            rng.random_range(1500..=3000),
        )
    } else if c.contains("dairy") || c.contains("milk") {
        (2500, rng.random_range(20..=40))
    } else if c.contains("fruit") || c.contains("plant") || c.contains("citrus") {
        (rng.random_range(5..=10) * 100, rng.random_range(30..=80))
    } else {
        (rng.random_range(18..=27) * 100, rng.random_range(60..=150))
    }
}

/// The goods lines and totals: packages, net and gross (hundredths of kg).
fn goods(
    ctx: &Context<'_>,
    rng: &mut ChaCha8Rng,
    containers: usize,
    production: Date,
) -> (Vec<Item>, u64, u64, u64) {
    let t = ctx.template;
    let (per_package, tare) = packaging(rng, &t.product.category);
    let category = t.product.category.to_ascii_lowercase();

    // How much in all.
    let total_packages: u64 = if category.contains("embryo") || category.contains("semen") {
        rng.random_range(1..=3)
    } else if containers > 0 {
        let per_container = rng.random_range(18_000..=25_000u64) * 100;
        (per_container * containers as u64 / per_package).max(1)
    } else {
        (rng.random_range(400..=4000u64) * 100 / per_package).max(1)
    };

    // Split over the goods lines.
    let max_rows = t.items.as_ref().map_or(1, |i| i.max_rows.clamp(1, 4)) as u64;
    let rows = rng.random_range(1..=max_rows).min(total_packages).max(1);
    let name = t.product.name.to_uppercase();
    let cuts: Vec<&str> = if category.starts_with("meat") {
        vec!["BONELESS", "BONE-IN", "TRIMMINGS", "SHANKS", "CUTS"]
    } else {
        vec!["GRADE A", "GRADE B", "LOT 1", "LOT 2"]
    }
    .into_iter()
    .filter(|cut| !cut.split(' ').any(|w| name.split(' ').any(|n| n == w)))
    .collect();
    let mut left = total_packages;
    let mut items = Vec::new();
    for row in 0..rows {
        let packages = if row + 1 == rows {
            left
        } else {
            let share = left / (rows - row);
            rng.random_range((share / 2).max(1)..=share.max(1))
        };
        left -= packages;
        let net = packages * per_package;
        let gross = net + packages * tare;
        let description = if rows > 1 && !cuts.is_empty() {
            format!("{name} {}", cuts[row as usize % cuts.len()])
        } else {
            name.clone()
        };
        items.push(Item {
            description,
            packages,
            net,
            gross,
            production,
        });
    }
    let packages = items.iter().map(|i| i.packages).sum();
    let net = items.iter().map(|i| i.net).sum();
    let gross = items.iter().map(|i| i.gross).sum();
    (items, packages, net, gross)
}

/// A 10-digit HS code under one of the template's headings.
fn hs_code(rng: &mut ChaCha8Rng, t: &Template) -> String {
    let heading = t
        .product
        .hs_headings
        .get(rng.random_range(0..t.product.hs_headings.len().max(1)))
        .cloned()
        .unwrap_or_else(|| "0202".into());
    extend_hs(rng, &heading)
}

/// Pads an HS heading to 10 digits with plausible sub-heading digits.
pub(crate) fn extend_hs(rng: &mut ChaCha8Rng, heading: &str) -> String {
    let mut code: String = heading.chars().filter(|c| c.is_ascii_digit()).collect();
    if code.len() < 6 {
        code.push_str(pick::<&str>(rng, &["10", "20", "30", "90"]));
    }
    if code.len() < 8 {
        code.push_str(pick::<&str>(rng, &["00", "10", "90"]));
    }
    while code.len() < 10 {
        code.push_str(pick::<&str>(rng, &["90", "00", "10"]));
    }
    code.truncate(10);
    code
}

/// A certificate number of the template's pattern: the example with its
/// digits drawn anew and a year-like run set to the issue year.
fn certificate_number(rng: &mut ChaCha8Rng, t: &Template, issue: Date) -> String {
    let pattern = regex::Regex::new(&t.number_pattern).ok();
    let year = issue.year().to_string();
    let example = &t.number_example;
    for _ in 0..50 {
        let candidate = redraw_digits(rng, example, &year);
        if pattern.as_ref().is_none_or(|p| p.is_match(&candidate)) {
            return candidate;
        }
    }
    log::warn!(
        "{}: no number drawn matches {:?}; using the example",
        t.id,
        t.number_pattern
    );
    example.clone()
}

/// Redraws every digit of `example`, keeping 4-digit runs starting with `20`
/// (years) as `year` and 2-digit runs after a separator at the end as the year's tail.
fn redraw_digits(rng: &mut ChaCha8Rng, example: &str, year: &str) -> String {
    let chars: Vec<char> = example.chars().collect();
    let mut out = String::with_capacity(example.len());
    let mut i = 0;
    while i < chars.len() {
        // A run of digits.
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            let at_end = i == chars.len() && start > 0;
            if run.len() == 4 && run.starts_with("20") {
                out.push_str(year);
            } else if run.len() == 2 && at_end && !chars[start - 1].is_ascii_alphanumeric() {
                out.push_str(&year[2..]);
            } else {
                for _ in 0..run.len() {
                    out.push(char::from(b'0' + rng.random_range(0..10u8)));
                }
            }
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn numbers_keep_their_shape_and_year() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let n = redraw_digits(&mut rng, "0001/4507/23", "2026");
        assert_eq!(n.len(), 12);
        assert!(n.ends_with("/26"), "{n}");
        let n = redraw_digits(&mut rng, "CHEDP.DK.2024.0003917", "2026");
        assert!(n.starts_with("CHEDP.DK.2026."), "{n}");
        assert_eq!(extend_hs(&mut rng, "0202").len(), 10);
        assert!(extend_hs(&mut rng, "020230").starts_with("020230"));
    }
}
