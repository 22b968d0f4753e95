//! Certificates generated from the repository's templates and registers:
//! every template renders, the answer key matches what was printed and the
//! registers, every fault changes what it says and nothing else, and the
//! PDF output decodes with the OCR crate's decoder.
//!
//! `SYNTH_DUMP=<folder>` writes every generated page there as PNG.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Mutex, OnceLock};

use jiff::civil::Date;
use review::template::{KeyedOn, Template};
mod common;

use review::DataSet;
use synth::certificate::{generate, CertificateRequest, Fault, GeneratedCertificate};
use synth::{Fonts, Script};

/// Resolution of the tests' pages: low, to keep them fast.
const DPI: f32 = 150.0;

/// The repository's templates, rules and registers, loaded once.
fn data() -> &'static DataSet {
    static DATA: OnceLock<DataSet> = OnceLock::new();
    DATA.get_or_init(common::repository_data)
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts::from_debian().expect("Debian fonts"))
}

/// A request for `t` at the tests' resolution.
fn request(t: &Template, seed: u64, faults: Vec<Fault>) -> CertificateRequest {
    let mut r = CertificateRequest::new(&t.id, seed);
    r.version = Some(t.version.clone());
    r.dpi = DPI;
    r.faults = faults;
    r
}

/// Generates (and dumps when asked).
fn make(req: &CertificateRequest) -> Result<GeneratedCertificate, synth::SynthError> {
    let generated = generate(fonts(), data(), req)?;
    if let Ok(dir) = std::env::var("SYNTH_DUMP") {
        let faults: Vec<&str> = req.faults.iter().map(|f| f.name()).collect();
        for (i, page) in generated.pages.iter().enumerate() {
            let file = format!(
                "{}-{}-{}-p{}.png",
                req.template,
                generated.key.version,
                if faults.is_empty() {
                    "clean".to_string()
                } else {
                    faults.join("+")
                },
                i + 1
            );
            page.image.save(Path::new(&dir).join(file)).ok();
        }
    }
    Ok(generated)
}

/// The clean certificate of each template version, seed 1, generated once.
fn clean(t: &Template) -> GeneratedCertificate {
    static CACHE: OnceLock<Mutex<BTreeMap<String, GeneratedCertificate>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(BTreeMap::new()));
    let name = format!("{} {}", t.id, t.version);
    if let Some(done) = cache.lock().unwrap().get(&name) {
        return done.clone();
    }
    let generated = make(&request(t, 1, Vec::new())).unwrap_or_else(|e| panic!("{name}: {e}"));
    cache.lock().unwrap().insert(name, generated.clone());
    generated
}

fn date(key: &BTreeMap<String, String>, name: &str) -> Option<Date> {
    key.get(name).and_then(|v| v.parse().ok())
}

fn check_digit_ok(number: &str) -> bool {
    number.len() == 11
        && synth::iso6346::check_digit(&number[..10])
            .is_ok_and(|d| number[10..].parse::<u8>() == Ok(d))
}

/// Every printed line of every field is a ground-truth line of the page it is on.
fn printed_lines_are_truth(g: &GeneratedCertificate) -> Result<(), String> {
    let truth: BTreeSet<&str> = g
        .pages
        .iter()
        .flat_map(|p| p.lines.iter().map(|l| l.text.as_str()))
        .collect();
    for (name, lines) in &g.printed {
        for line in lines {
            if !truth.contains(line.as_str()) {
                return Err(format!("{name}: {line:?} is not a printed line"));
            }
        }
    }
    Ok(())
}

#[test]
fn every_template_renders_consistent_with_its_registers() {
    let data = data();
    let registry = &data.registry;
    for t in &data.templates {
        let name = format!("{} {}", t.id, t.version);
        let g = clean(t);
        let key = &g.key;

        // Pages, size and the key's identity.
        assert_eq!(g.pages.len() as u32, t.pages, "{name}");
        assert_eq!(key.pages, t.pages, "{name}");
        assert_eq!(
            (key.template.as_str(), key.version.as_str()),
            (t.id.as_str(), t.version.as_str())
        );
        let width = (t.page_size.width_mm * DPI / 25.4).round() as u32;
        assert_eq!(g.pages[0].image.width(), width, "{name}");
        assert_eq!(
            key.expected_verdict,
            review::report::Decision::Release,
            "{name}"
        );
        assert!(key.faults.is_empty());

        // Every field of the template printed, every printed line in the truth.
        for field in &t.fields {
            let value = key
                .fields
                .get(&field.name)
                .map(String::as_str)
                .unwrap_or("");
            assert!(!value.is_empty(), "{name}: {} has no value", field.name);
            let lines = &g.printed[&field.name];
            assert!(
                lines.len() as u32 <= field.max_lines,
                "{name}: {} takes {} lines > {}",
                field.name,
                lines.len(),
                field.max_lines
            );
            if let Some(p) = &field.pattern {
                let re = regex::Regex::new(p).unwrap();
                assert!(
                    re.is_match(&lines.join(" ")),
                    "{name}: {} {:?} !~ {p}",
                    field.name,
                    lines
                );
            }
        }
        printed_lines_are_truth(&g).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(g
            .pages
            .iter()
            .any(|p| p.lines.iter().any(|l| l.script == Script::Chinese)));
        if let Some(footer) = &t.footer {
            let tail = footer.text.split("{pages}").next().unwrap_or("");
            assert!(!tail.is_empty());
            for (i, page) in g.pages.iter().enumerate() {
                let mark = format!("{} of {}", i + 1, t.pages);
                assert!(
                    page.lines.iter().any(|l| l.text.contains(&mark))
                        || !footer.text.contains(" of "),
                    "{name}: page {} has no footer",
                    i + 1
                );
            }
        }

        // Number, containers, HS code, weights.
        let pattern = regex::Regex::new(&t.number_pattern).unwrap();
        assert!(
            pattern.is_match(&key.fields["certificate_number"]),
            "{name}"
        );
        if let Some(list) = key.fields.get("containers") {
            assert!(list.split(',').all(check_digit_ok), "{name}: {list}");
            assert!(list.split(',').count() <= 3);
        }
        let hs = &key.fields["hs_code"];
        assert!(
            t.product
                .hs_headings
                .iter()
                .any(|h| hs.starts_with(h.as_str())),
            "{name}: {hs}"
        );
        let net: f64 = key.fields["net_weight"].parse().unwrap();
        let gross: f64 = key.fields["gross_weight"].parse().unwrap();
        assert!(net < gross, "{name}: {net} >= {gross}");
        if t.items.is_some() {
            let sum: f64 = (0..10)
                .filter_map(|i| key.fields.get(&format!("items[{i}].net_weight")))
                .map(|v| v.parse::<f64>().unwrap())
                .sum();
            assert!((sum - net).abs() < 0.01, "{name}: items {sum} vs {net}");
        }

        // Dates in order and inside the version's validity.
        let issue = date(&key.fields, "issue_date").unwrap();
        let departure = date(&key.fields, "departure_date").unwrap();
        let production = date(&key.fields, "production_date").unwrap();
        assert!(production <= issue && issue <= departure, "{name}");
        assert!(
            departure <= issue.checked_add(jiff::Span::new().days(7)).unwrap(),
            "{name}"
        );
        let keyed = match t.validity.keyed_on {
            KeyedOn::IssueDate => issue,
            KeyedOn::DepartureDate => departure,
        };
        assert!(
            keyed >= t.validity.from && t.validity.to.is_none_or(|to| keyed <= to),
            "{name}"
        );

        // Registers: establishments active, signatory authorised.
        for number in key.fields["establishments"].split(',') {
            let e = registry
                .establishments
                .iter()
                .find(|e| e.number.to_uppercase() == number)
                .unwrap_or_else(|| panic!("{name}: {number} not listed"));
            assert_eq!(e.country, t.country);
            assert!(e.categories.contains(&t.product.category));
            assert!(e.listed <= production);
            assert!(!e
                .suspensions
                .iter()
                .any(|w| w.contains(production) || w.contains(departure)));
        }
        let signatory = registry
            .signatories
            .iter()
            .find(|s| s.name == key.fields["signatory"])
            .unwrap_or_else(|| panic!("{name}: signatory not registered"));
        assert_eq!(signatory.authority, t.authority.id);
        assert!(signatory.valid_from <= issue && signatory.valid_to.is_none_or(|to| issue <= to));

        // The declaration copies the certificate.
        let d = &g.declaration;
        assert_eq!(
            d.certificate_number.as_deref(),
            Some(key.fields["certificate_number"].as_str())
        );
        assert_eq!(d.net_weight_kg, Some(net));
        assert_eq!(
            d.packages.map(|p| p.to_string()).as_deref(),
            Some(key.fields["packages"].as_str())
        );
        assert_eq!(d.departure_date, Some(departure));
        let declared: Vec<&str> = d.containers.iter().map(|c| c.number.as_str()).collect();
        let printed: Vec<&str> = key
            .fields
            .get("containers")
            .map(|c| c.split(',').collect())
            .unwrap_or_default();
        assert_eq!(declared, printed, "{name}");
    }
}

/// The first template version the fault can be planted on, with the
/// certificate and the clean one of the same seed.
fn planted(fault: Fault) -> (Template, GeneratedCertificate, GeneratedCertificate) {
    for t in &data().templates {
        if !fault.applies_to(t) {
            continue;
        }
        // A superseded version is what outdated-template needs; others take any.
        match make(&request(t, 1, vec![fault])) {
            Ok(g) => return (t.clone(), g, clean(t)),
            Err(synth::SynthError::FaultNotPossible { .. }) => continue,
            Err(e) => panic!("{fault}: {} {}: {e}", t.id, t.version),
        }
    }
    panic!("{fault}: no template takes it");
}

/// Names of key fields whose values differ.
fn changed(a: &GeneratedCertificate, b: &GeneratedCertificate) -> BTreeSet<String> {
    let names: BTreeSet<&String> = a.key.fields.keys().chain(b.key.fields.keys()).collect();
    names
        .into_iter()
        .filter(|n| a.key.fields.get(*n) != b.key.fields.get(*n))
        .cloned()
        .collect()
}

fn pixels_differ(a: &GeneratedCertificate, b: &GeneratedCertificate) -> bool {
    a.pages
        .iter()
        .zip(&b.pages)
        .any(|(x, y)| x.image != y.image)
}

#[test]
fn every_fault_changes_what_it_says_and_nothing_else() {
    let registry = &data().registry;
    for fault in Fault::ALL {
        let (t, g, c) = planted(fault);
        let name = format!("{fault} on {} {}", t.id, t.version);
        let key = &g.key.fields;
        let diff = changed(&g, &c);
        let only = |allowed: &[&str]| {
            assert!(
                diff.iter().all(|d| allowed
                    .iter()
                    .any(|a| d == a || d.ends_with(&format!(".{a}")))),
                "{name}: changed {diff:?}, expected only {allowed:?}"
            );
        };
        let expected: Vec<String> = fault.rules().iter().map(|r| r.to_string()).collect();
        assert_eq!(g.key.faults.len(), 1);
        assert_eq!(g.key.faults[0].fault, fault.name());
        assert!(g.key.faults[0].rules.starts_with(&expected), "{name}");
        printed_lines_are_truth(&g).unwrap_or_else(|e| panic!("{name}: {e}"));
        let issue = date(key, "issue_date");
        let departure = date(key, "departure_date");
        let production = date(key, "production_date");
        match fault {
            Fault::MissingConsignee => {
                assert!(!key.contains_key("consignee"), "{name}");
                only(&["consignee"]);
            }
            Fault::WrongDestination => {
                assert_eq!(key["destination"], "HONG KONG");
                only(&["destination"]);
            }
            Fault::MissingChinese => {
                assert!(g
                    .pages
                    .iter()
                    .all(|p| p.lines.iter().all(|l| l.script == Script::Latin)));
                only(&[]);
            }
            Fault::PageNumberMismatch => {
                let number = &key["certificate_number"];
                assert!(g.pages[0]
                    .lines
                    .iter()
                    .any(|l| l.text.contains(number.as_str())));
                assert!(
                    !g.pages[1]
                        .lines
                        .iter()
                        .any(|l| l.text.contains(number.as_str())),
                    "{name}"
                );
                only(&[]);
            }
            Fault::BadNumber => {
                let re = regex::Regex::new(&t.number_pattern).unwrap();
                let number = &key["certificate_number"];
                assert!(!re.is_match(number), "{name}");
                // Still bad as the review reads it, spaces dropped.
                let bare: String = number.chars().filter(|c| !c.is_whitespace()).collect();
                assert!(!re.is_match(&bare), "{name}: {number}");
                only(&["certificate_number"]);
            }
            Fault::BadCheckDigit => {
                assert!(!key["containers"].split(',').all(check_digit_ok));
                only(&["containers"]);
            }
            Fault::HsOutsideHeadings => {
                let hs = &key["hs_code"];
                assert!(!t
                    .product
                    .hs_headings
                    .iter()
                    .any(|h| hs.starts_with(h.as_str())));
                only(&["hs_code"]);
            }
            Fault::BadDate => {
                let bad = ["production_date", "departure_date", "issue_date"]
                    .iter()
                    .filter(|n| key.get(**n).is_some_and(|v| v.parse::<Date>().is_err()))
                    .count();
                assert!(bad >= 1, "{name}");
                only(&["production_date", "departure_date", "issue_date"]);
            }
            Fault::WrongCountry => {
                assert_ne!(key["origin_country"], t.country);
                only(&["origin_country"]);
            }
            Fault::ProductionAfterIssue => assert!(production > issue, "{name}"),
            Fault::IssuedAfterDeparture => assert!(issue > departure, "{name}"),
            Fault::LateDeparture => {
                let gap = departure.unwrap() - issue.unwrap();
                assert!(gap.get_days() > 10, "{name}: {gap:?}");
            }
            Fault::OutdatedTemplate => {
                let keyed = match t.validity.keyed_on {
                    KeyedOn::IssueDate => issue.unwrap(),
                    KeyedOn::DepartureDate => departure.unwrap(),
                };
                assert!(t.validity.to.is_some_and(|to| keyed > to), "{name}");
            }
            Fault::BeforeListing | Fault::DuringSuspension => {
                let p = production.unwrap();
                let bad = key["establishments"].split(',').any(|n| {
                    registry.establishments.iter().any(|e| {
                        e.number.to_uppercase() == n
                            && if fault == Fault::BeforeListing {
                                p < e.listed
                            } else {
                                e.suspensions.iter().any(|w| w.contains(p))
                            }
                    })
                });
                assert!(bad, "{name}");
            }
            Fault::NetOverGross => {
                let net: f64 = key["net_weight"].parse().unwrap();
                let gross: f64 = key["gross_weight"].parse().unwrap();
                assert!(net > gross);
                only(&["net_weight", "gross_weight"]);
            }
            Fault::ItemsSumMismatch => {
                let net: f64 = key["net_weight"].parse().unwrap();
                let sum: f64 = (0..10)
                    .filter_map(|i| key.get(&format!("items[{i}].net_weight")))
                    .map(|v| v.parse::<f64>().unwrap())
                    .sum();
                assert!((sum - net).abs() / net > 0.001, "{name}");
                only(&["net_weight"]);
            }
            Fault::SpeciesHsMismatch => {
                assert_ne!(key.get("species"), c.key.fields.get("species"));
                only(&["species"]);
            }
            Fault::TransportMismatch => {
                assert_eq!(key["transport_mode"], "AIR");
                assert!(key.contains_key("containers"));
                only(&["transport_mode"]);
            }
            Fault::MissingAttestation => {
                assert!(pixels_differ(&g, &c));
                let lines =
                    |x: &GeneratedCertificate| x.pages.iter().map(|p| p.lines.len()).sum::<usize>();
                assert!(lines(&g) < lines(&c), "{name}");
                only(&[]);
            }
            Fault::ConsigneeMismatch => {
                assert_ne!(g.declaration.consignee, c.declaration.consignee);
                only(&[]);
            }
            Fault::ContainerMismatch => {
                assert_ne!(g.declaration.containers, c.declaration.containers);
                only(&[]);
            }
            Fault::SealMismatch => {
                let seals = |x: &GeneratedCertificate| {
                    x.declaration
                        .containers
                        .iter()
                        .map(|c| c.seal.clone())
                        .collect::<Vec<_>>()
                };
                assert_ne!(seals(&g), seals(&c));
                only(&[]);
            }
            Fault::WeightMismatch => {
                assert_ne!(g.declaration.net_weight_kg, c.declaration.net_weight_kg);
                only(&[]);
            }
            Fault::PackageMismatch => {
                assert!(g.declaration.packages > c.declaration.packages);
                only(&[]);
            }
            Fault::OriginMismatch => {
                assert_ne!(
                    g.declaration.origin_country.as_deref(),
                    Some(t.country.as_str())
                );
                only(&[]);
            }
            Fault::UnlistedEstablishment => {
                let first = key["establishments"].split(',').next().unwrap().to_string();
                assert!(!registry
                    .establishments
                    .iter()
                    .any(|e| e.number.to_uppercase() == first));
                only(&["establishments"]);
            }
            Fault::RegistrationMismatch => {
                assert_ne!(g.declaration.establishments, c.declaration.establishments);
                only(&[]);
            }
            Fault::UnknownSignatory => {
                assert!(!registry
                    .signatories
                    .iter()
                    .any(|s| s.name == key["signatory"]));
                only(&["signatory"]);
            }
            Fault::ExpiredSignatory => {
                let s = registry
                    .signatories
                    .iter()
                    .find(|s| s.name == key["signatory"])
                    .unwrap();
                assert!(s.valid_to.is_some_and(|to| to < issue.unwrap()), "{name}");
            }
            Fault::ForeignStamp | Fault::CopiedSignature | Fault::QrMismatch | Fault::CopyMark => {
                assert!(pixels_differ(&g, &c), "{name}");
                only(&[]);
            }
            Fault::EditedDate => {
                // The retyped date is taller than the other values.
                let height = |x: &GeneratedCertificate, text: &str| {
                    x.pages
                        .iter()
                        .flat_map(|p| &p.lines)
                        .find(|l| l.text == text)
                        .map(|l| l.quad[3][1] - l.quad[0][1])
                };
                let field = ["issue_date", "departure_date"]
                    .into_iter()
                    .find(|f| g.printed.contains_key(*f))
                    .unwrap();
                let text = &g.printed[field][0];
                let (after, before) = (height(&g, text).unwrap(), height(&c, text).unwrap());
                assert!(after > before * 1.15, "{name}: {after} vs {before}");
                only(&[]);
            }
        }
    }
}

#[test]
fn the_same_request_gives_the_same_certificate_and_signatures_resemble() {
    let t = data().templates.iter().find(|t| t.pages == 1).unwrap();
    let a = make(&request(t, 7, Vec::new())).unwrap();
    let b = make(&request(t, 7, Vec::new())).unwrap();
    assert_eq!(a.key, b.key);
    assert!(a
        .pages
        .iter()
        .zip(&b.pages)
        .all(|(x, y)| x.image == y.image));
    let c = make(&request(t, 8, Vec::new())).unwrap();
    assert_ne!(a.key.fields, c.key.fields);
}

#[test]
fn pdf_round_trips_through_the_ocr_decoder() {
    let t = data().templates.iter().find(|t| t.pages >= 2).unwrap();
    let g = clean(t);
    for bytes in [
        synth::pdf::write(&g.pages),
        synth::pdf::write_with(&g.pages, synth::pdf::PdfImage::Flate),
    ] {
        let limits = ocr::Limits {
            pdf_dpi: DPI,
            ..ocr::Limits::default()
        };
        let pages = ocr::decode::decode_all(bytes, &limits).expect("the PDF decodes");
        assert_eq!(pages.len(), g.pages.len());
        for (decoded, original) in pages.iter().zip(&g.pages) {
            let (w, h) = original.image.dimensions();
            assert!(
                (decoded.width() as i64 - w as i64).abs() <= 2,
                "{} vs {w}",
                decoded.width()
            );
            assert!(
                (decoded.height() as i64 - h as i64).abs() <= 2,
                "{} vs {h}",
                decoded.height()
            );
            // Mostly paper, some ink, like the original.
            let dark = |img: &image::RgbImage| img.pixels().filter(|p| p.0[0] < 128).count() as f64;
            let ratio = dark(&decoded.image) / dark(&original.image).max(1.0);
            assert!((0.7..1.4).contains(&ratio), "ink ratio {ratio}");
        }
    }
}

#[test]
fn a_fax_that_wipes_out_a_copy_mark_expects_no_s4() {
    let t = data()
        .templates
        .iter()
        .find(|t| Fault::CopyMark.applies_to(t))
        .expect("a template takes copy-mark");
    let mut req = request(t, 7, vec![Fault::CopyMark]);
    let printed = make(&req).unwrap();
    assert_eq!(printed.key.faults[0].rules, vec!["S4".to_string()]);
    req.degradation = synth::Degradation::Fax;
    let fax = make(&req).unwrap();
    assert_eq!(fax.key.faults[0].fault, "copy-mark");
    assert!(fax.key.faults[0].rules.is_empty(), "{:?}", fax.key.faults);
    assert_eq!(fax.key.expected_verdict, clean(t).key.expected_verdict);
}
