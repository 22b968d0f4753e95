//! Plants the faults that change printed values, the declaration or the
//! marks, each changing only what it names. Date and register faults that
//! need particular dates are planted earlier, while the values are drawn.

use std::collections::BTreeSet;

use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use review::declaration::{Declaration, DeclaredContainer};
use review::template::Template;

use super::fault::Fault;
use super::params::RuleParams;
use super::tables;
use super::values::{container, eligible, extend_hs, Consignment, Context};
use crate::content::pick;
use crate::SynthError;

/// What printing does differently because of the faults.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tampering {
    /// Fields left blank.
    pub omit_fields: BTreeSet<String>,
    /// Leave out every Chinese text.
    pub no_chinese: bool,
    /// Certificate number printed in page 2's footer instead of the real one.
    pub page2_number: Option<String>,
    /// Field whose date is printed impossible.
    pub bad_date_field: Option<String>,
    /// Attestation ids left out.
    pub omit_attestations: BTreeSet<String>,
    /// Stamp of another authority: its name and country code.
    pub foreign_stamp: Option<String>,
    /// Sign with the specimen itself, pixel for pixel.
    pub copied_signature: bool,
    /// The QR code carries another net weight.
    pub qr_net_weight: Option<String>,
    /// Field whose date is covered and retyped.
    pub edited_date: Option<String>,
    /// Print a large "COPY" across the page.
    pub copy_mark: bool,
}

/// Applies the value faults to `c` and returns the printing changes.
pub(crate) fn certificate(
    ctx: &Context<'_>,
    c: &mut Consignment,
    rng: &mut ChaCha8Rng,
) -> Result<Tampering, SynthError> {
    let t = ctx.template;
    let mut tamper = Tampering::default();
    let has_field = |name: &str| t.fields.iter().any(|f| f.name == name);
    for &fault in ctx.faults {
        let impossible = |reason: &str| SynthError::FaultNotPossible {
            fault: fault.name().to_string(),
            template: format!("{} {}", t.id, t.version),
            reason: reason.to_string(),
        };
        if !fault.applies_to(t) {
            return Err(impossible("the template's layout does not allow it"));
        }
        match fault {
            Fault::MissingConsignee => {
                tamper.omit_fields.insert("consignee".into());
            }
            Fault::WrongDestination => c.destination = ("HK".into(), "HONG KONG".into()),
            Fault::MissingChinese => tamper.no_chinese = true,
            Fault::PageNumberMismatch => tamper.page2_number = Some(other_number(rng, &c.number)),
            Fault::BadNumber => c.number = bad_number(rng, t, &c.number),
            Fault::BadCheckDigit => {
                let first = c
                    .containers
                    .first_mut()
                    .ok_or_else(|| impossible("no container"))?;
                let digit = first.pop().and_then(|d| d.to_digit(10)).unwrap_or(0);
                let wrong = (digit + rng.random_range(1..=9)) % 10;
                first.push(char::from(b'0' + wrong as u8));
            }
            Fault::HsOutsideHeadings => c.hs_code = outside_headings(rng, t, ctx.params),
            Fault::BadDate => {
                let field = ["production_date", "departure_date", "issue_date"]
                    .into_iter()
                    .find(|f| has_field(f))
                    .ok_or_else(|| impossible("no date field"))?;
                tamper.bad_date_field = Some(field.to_string());
            }
            Fault::WrongCountry => c.origin = other_country(ctx),
            Fault::NetOverGross => {
                for item in &mut c.items {
                    std::mem::swap(&mut item.net, &mut item.gross);
                }
                std::mem::swap(&mut c.net, &mut c.gross);
            }
            Fault::ItemsSumMismatch => {
                let item = c
                    .items
                    .first_mut()
                    .ok_or_else(|| impossible("no goods line"))?;
                let tolerance = ctx.params.items_tolerance_percent.max(0.1);
                let cut =
                    (c.net as f64 * (tolerance * 10.0 + rng.random_range(2.0..5.0)) / 100.0) as u64;
                item.net = item.net.saturating_sub(cut.max(100)).max(100);
            }
            Fault::SpeciesHsMismatch => {
                c.species = Some(other_species(rng, c, ctx.params));
            }
            Fault::TransportMismatch => c.mode = "AIR".into(),
            Fault::MissingAttestation => {
                let required: Vec<&str> = t
                    .attestations
                    .iter()
                    .filter(|a| a.required)
                    .map(|a| a.id.as_str())
                    .collect();
                let id = *pick(rng, &required);
                tamper.omit_attestations.insert(id.to_string());
            }
            Fault::UnlistedEstablishment => {
                let listed: BTreeSet<&str> = ctx
                    .data
                    .registry
                    .establishments
                    .iter()
                    .map(|e| e.number.as_str())
                    .collect();
                let first = c
                    .establishments
                    .first_mut()
                    .ok_or_else(|| impossible("no establishment"))?;
                *first = unlisted_number(rng, first, &listed);
            }
            Fault::UnknownSignatory => {
                let registered: BTreeSet<String> = ctx
                    .data
                    .registry
                    .signatories
                    .iter()
                    .map(|s| s.name.to_uppercase())
                    .collect();
                let name = tables::UNKNOWN_OFFICIALS
                    .iter()
                    .find(|n| !registered.contains(&n.to_uppercase()))
                    .copied()
                    .unwrap_or("DR. NOBODY REGISTERED");
                c.signatory = name.to_string();
                c.signatory_id = None;
            }
            Fault::ForeignStamp => tamper.foreign_stamp = Some(foreign_authority(ctx)),
            Fault::CopiedSignature => tamper.copied_signature = true,
            Fault::QrMismatch => {
                let other = c.net + c.net * rng.random_range(5..15) / 100;
                tamper.qr_net_weight = Some(super::numbers::weight_canonical(other));
            }
            Fault::EditedDate => {
                let field = ["issue_date", "departure_date"]
                    .into_iter()
                    .find(|f| has_field(f))
                    .ok_or_else(|| impossible("no issue or departure date field"))?;
                tamper.edited_date = Some(field.to_string());
            }
            Fault::CopyMark => tamper.copy_mark = true,
            // Planted while drawing the values, or in the declaration.
            _ => {}
        }
    }
    Ok(tamper)
}

/// The declaration copying the certificate's values, then the mismatch faults.
pub(crate) fn declaration(
    ctx: &Context<'_>,
    c: &Consignment,
    rng: &mut ChaCha8Rng,
) -> Result<Declaration, SynthError> {
    let mut d = Declaration {
        certificate_number: Some(c.number.clone()),
        consignor: c.consignor.first().cloned(),
        consignee: c.consignee.first().cloned(),
        origin_country: Some(c.origin.0.clone()),
        hs_code: Some(c.hs_code.clone()),
        product: Some(c.description.clone()),
        packages: Some(c.packages),
        net_weight_kg: Some(c.net as f64 / 100.0),
        gross_weight_kg: Some(c.gross as f64 / 100.0),
        containers: c
            .containers
            .iter()
            .zip(c.seals.iter().map(Some).chain(std::iter::repeat(None)))
            .map(|(number, seal)| DeclaredContainer {
                number: number.clone(),
                seal: seal.cloned(),
            })
            .collect(),
        port_of_loading: Some(c.port_of_loading.clone()),
        port_of_entry: Some(c.port_of_entry.clone()),
        departure_date: Some(c.departure),
        establishments: c.establishments.clone(),
    };
    let t = ctx.template;
    for &fault in ctx.faults {
        let impossible = |reason: &str| SynthError::FaultNotPossible {
            fault: fault.name().to_string(),
            template: format!("{} {}", t.id, t.version),
            reason: reason.to_string(),
        };
        match fault {
            Fault::ConsigneeMismatch => {
                let others: Vec<&str> = tables::IMPORTERS
                    .iter()
                    .map(|i| i.0)
                    .filter(|n| Some(*n) != c.consignee.first().map(String::as_str))
                    .collect();
                d.consignee = Some(pick(rng, &others).to_string());
            }
            Fault::ContainerMismatch => {
                let k = rng.random_range(0..d.containers.len().max(1));
                let slot = d
                    .containers
                    .get_mut(k)
                    .ok_or_else(|| impossible("no container"))?;
                slot.number = container(rng);
            }
            Fault::SealMismatch => {
                let slot = d
                    .containers
                    .iter_mut()
                    .find(|s| s.seal.as_deref().is_some_and(transposable))
                    .ok_or_else(|| impossible("no seal with two different adjacent digits"))?;
                if let Some(seal) = &mut slot.seal {
                    *seal = transpose(rng, seal);
                }
            }
            Fault::WeightMismatch => {
                let net = c.net as f64 / 100.0;
                let (percent, kg) = ctx.params.weight_tolerance;
                let off = (net * (percent / 100.0) * 4.0)
                    .max(kg * 4.0)
                    .max(net * rng.random_range(0.05..0.1));
                let sign = if rng.random_bool(0.5) { 1.0 } else { -1.0 };
                d.net_weight_kg = Some(((net + sign * off).max(1.0) * 100.0).round() / 100.0);
            }
            Fault::PackageMismatch => {
                d.packages = Some(c.packages + rng.random_range(1..=(c.packages / 10).max(2)));
            }
            Fault::OriginMismatch => {
                let (_, code, _) = tables::CONFUSABLE
                    .iter()
                    .find(|(from, _, _)| *from == c.origin.0)
                    .copied()
                    .unwrap_or(("", "AQ", ""));
                d.origin_country = Some(code.to_string());
            }
            Fault::RegistrationMismatch => {
                let others: Vec<String> = eligible(ctx)
                    .iter()
                    .map(|e| e.number.clone())
                    .filter(|n| !c.establishments.contains(n))
                    .collect();
                let replacement = if others.is_empty() {
                    unlisted_number(rng, &c.establishments[0], &BTreeSet::new())
                } else {
                    pick(rng, &others).clone()
                };
                if let Some(first) = d.establishments.first_mut() {
                    *first = replacement;
                }
            }
            _ => {}
        }
    }
    Ok(d)
}

/// Another country for `wrong-country`: a neighbour that has templates of its
/// own (so its printed name is known), else any other template's country.
fn other_country(ctx: &Context<'_>) -> (String, String) {
    let own = &ctx.template.country;
    let name_of = |code: &str| {
        ctx.data
            .templates
            .iter()
            .find(|t| t.country == code)
            .map(|t| t.country_name.to_uppercase())
    };
    let neighbour = tables::CONFUSABLE
        .iter()
        .filter(|(from, _, _)| from == own)
        .find_map(|(_, code, _)| name_of(code).map(|name| (code.to_string(), name)));
    neighbour
        .or_else(|| {
            ctx.data
                .templates
                .iter()
                .find(|t| &t.country != own)
                .map(|t| (t.country.clone(), t.country_name.to_uppercase()))
        })
        .unwrap_or_else(|| ("AQ".into(), "ANTARCTICA".into()))
}

/// The number with one digit changed (for page 2's footer).
fn other_number(rng: &mut ChaCha8Rng, number: &str) -> String {
    let digits: Vec<usize> = number
        .char_indices()
        .filter(|(_, c)| c.is_ascii_digit())
        .map(|(i, _)| i)
        .collect();
    if digits.is_empty() {
        return format!("{number}1");
    }
    let at = *pick(rng, &digits);
    let mut out = String::with_capacity(number.len());
    for (i, ch) in number.char_indices() {
        if i == at {
            let d = ch.to_digit(10).unwrap_or(0);
            out.push(char::from(
                b'0' + ((d + rng.random_range(1..=9)) % 10) as u8,
            ));
        } else {
            out.push(ch);
        }
    }
    out
}

/// A number that no longer matches the template's pattern.
fn bad_number(rng: &mut ChaCha8Rng, t: &Template, number: &str) -> String {
    let pattern = regex::Regex::new(&t.number_pattern).ok();
    // Still bad once spaces are dropped, as the review reads a number
    // ("DOA69 - 566578" is the same number as "DOA69-566578").
    let fails = |n: &str| {
        let bare: String = n.chars().filter(|c| !c.is_whitespace()).collect();
        pattern
            .as_ref()
            .is_none_or(|p| !p.is_match(n) && !p.is_match(&bare))
    };
    for _ in 0..40 {
        let candidate = match rng.random_range(0..4) {
            // Drop a digit.
            0 => {
                let digits: Vec<usize> = number
                    .char_indices()
                    .filter(|(_, c)| c.is_ascii_digit())
                    .map(|(i, _)| i)
                    .collect();
                match digits.get(rng.random_range(0..digits.len().max(1))) {
                    Some(&i) => format!("{}{}", &number[..i], &number[i + 1..]),
                    None => format!("{number}0"),
                }
            }
            // An extra digit.
            1 => format!("{number}{}", rng.random_range(0..10)),
            // Another separator.
            2 => number.replace(['/', '.', '-'], " "),
            // A letter for a digit.
            _ => letter_for_digit(rng, number),
        };
        if candidate != number && fails(&candidate) && !candidate.trim().is_empty() {
            return candidate;
        }
    }
    format!("X{number}X")
}

/// `number` with its first digit replaced by a letter that looks like no
/// digit: an O for a 0 or an I for a 1 differs only in glyph shape, which
/// neither OCR nor a tired eye is sure of, so it would be no fault to find.
fn letter_for_digit(rng: &mut ChaCha8Rng, number: &str) -> String {
    let letter = *pick(rng, &["A", "K", "X", "E"]);
    number.replacen(|c: char| c.is_ascii_digit(), letter, 1)
}

/// A 10-digit HS code outside the template's headings; where the rule
/// catalogue lists headings per species, one that still fits the species.
fn outside_headings(rng: &mut ChaCha8Rng, t: &Template, params: &RuleParams) -> String {
    let allowed = |code: &str| {
        t.product
            .hs_headings
            .iter()
            .any(|h| code.starts_with(h.as_str()))
    };
    let species_headings = t
        .product
        .species
        .as_deref()
        .map(|s| headings_of(params, s))
        .unwrap_or_default();
    let mut candidates: Vec<String> = species_headings
        .iter()
        .map(|h| extend_hs(rng, h))
        .filter(|c| !allowed(c))
        .collect();
    if candidates.is_empty() {
        candidates = ["0203", "0207", "0402", "0805", "0303", "1602", "0511"]
            .iter()
            .map(|h| extend_hs(rng, h))
            .filter(|c| !allowed(c))
            .collect();
    }
    candidates
        .get(rng.random_range(0..candidates.len().max(1)))
        .cloned()
        .unwrap_or_else(|| "9999999999".into())
}

/// The HS headings rule C3 allows for a species: those of every catalogue
/// word that is the species or its genus (`citrus` for `Citrus limon`).
pub(crate) fn headings_of(params: &RuleParams, species: &str) -> Vec<String> {
    let species = species.to_lowercase();
    let genus = species.split_whitespace().next().unwrap_or("");
    params
        .species_headings
        .iter()
        .filter(|(word, _)| **word == species || *word == genus)
        .flat_map(|(_, headings)| headings.iter().cloned())
        .collect()
}

/// Rules a planted fault trips beyond its own, when the template leaves no
/// way around them: an HS code outside the template's headings that is also
/// outside the species' headings trips C3 as well.
pub(crate) fn also_trips(ctx: &Context<'_>, c: &Consignment, fault: Fault) -> Vec<&'static str> {
    match (fault, ctx.template.product.species.as_deref()) {
        (Fault::HsOutsideHeadings, Some(species)) => {
            let headings = headings_of(ctx.params, species);
            if !headings.is_empty() && !headings.iter().any(|h| c.hs_code.starts_with(h.as_str())) {
                vec!["C3"]
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    }
}

/// A species whose headings do not cover the certificate's HS code.
fn other_species(rng: &mut ChaCha8Rng, c: &Consignment, params: &RuleParams) -> String {
    let own = c.species.clone().unwrap_or_default().to_lowercase();
    let mut others: Vec<String> = params
        .species_headings
        .iter()
        .filter(|(species, headings)| {
            **species != own && !headings.iter().any(|h| c.hs_code.starts_with(h.as_str()))
        })
        .map(|(species, _)| species.clone())
        .collect();
    if others.is_empty() {
        others = ["porcine", "bovine", "ovine", "poultry"]
            .iter()
            .filter(|s| **s != own)
            .map(|s| s.to_string())
            .collect();
    }
    pick(rng, &others).clone()
}

/// An establishment number of the same shape as `like` that is not listed.
fn unlisted_number(rng: &mut ChaCha8Rng, like: &str, listed: &BTreeSet<&str>) -> String {
    for _ in 0..50 {
        let candidate: String = like
            .chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    char::from(b'0' + rng.random_range(0..10u8))
                } else {
                    c
                }
            })
            .collect();
        if candidate != like && !listed.contains(candidate.as_str()) {
            return candidate;
        }
    }
    format!("{like}9")
}

/// Whether a seal has two adjacent different digits to swap.
fn transposable(seal: &str) -> bool {
    let b = seal.as_bytes();
    b.windows(2)
        .any(|w| w[0].is_ascii_digit() && w[1].is_ascii_digit() && w[0] != w[1])
}

/// The seal with two adjacent different digits swapped.
fn transpose(rng: &mut ChaCha8Rng, seal: &str) -> String {
    let mut b = seal.as_bytes().to_vec();
    let spots: Vec<usize> = (0..b.len().saturating_sub(1))
        .filter(|&i| b[i].is_ascii_digit() && b[i + 1].is_ascii_digit() && b[i] != b[i + 1])
        .collect();
    if let Some(&i) = spots.get(rng.random_range(0..spots.len().max(1))) {
        b.swap(i, i + 1);
    }
    String::from_utf8(b).unwrap_or_else(|_| seal.to_string())
}

/// Another template's authority name (English), for a foreign stamp.
fn foreign_authority(ctx: &Context<'_>) -> String {
    let own = &ctx.template.authority.id;
    ctx.data
        .templates
        .iter()
        .filter(|t| &t.authority.id != own)
        .find_map(|t| t.authority.name.get("en").cloned())
        .unwrap_or_else(|| "MINISTRY OF AGRICULTURE OF THE REPUBLIC".into())
        .to_uppercase()
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn seals_transpose_and_numbers_change() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let s = transpose(&mut rng, "G2382564");
        assert_ne!(s, "G2382564");
        let mut a: Vec<char> = s.chars().collect();
        let mut b: Vec<char> = "G2382564".chars().collect();
        a.sort();
        b.sort();
        assert_eq!(a, b);
        assert!(!transposable("G1111111"));
        let n = other_number(&mut rng, "0001/4507/23");
        assert_ne!(n, "0001/4507/23");
        assert_eq!(n.len(), 12);
    }

    #[test]
    fn a_letter_for_a_digit_looks_like_no_digit() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for _ in 0..50 {
            let n = letter_for_digit(&mut rng, "00-573940-C");
            assert_eq!(n.len(), 11);
            assert!(n.ends_with("0-573940-C"), "{n}");
            let first = n.chars().next().unwrap();
            assert!("AKXE".contains(first), "{n}");
        }
    }
}
