//! The repository's static data: templates, registers, rules and example
//! declarations load, agree with each other and with the domain brief, their
//! texts do not overlap on the page, the committed JSON Schemas are current,
//! and bad data gives errors that name the file and the item.
//!
//! `UPDATE_SCHEMAS=1 cargo test -p review --test data` rewrites web/schema/.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use jiff::civil::{date, Date};
use review::data::{parse_declaration, parse_rules, parse_template, schema::json_schemas};
use review::rules::{RuleKind, Severity};
use review::template::{FieldType, KeyedOn, Template};
use review::DataSet;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The `.json` files of a directory as `(prefix/name, bytes)`, sorted.
fn json_files(dir: &Path, prefix: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("data directory") {
        let path = entry.expect("directory entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let name = path.file_name().expect("file name").to_string_lossy();
            let bytes = std::fs::read(&path).expect("readable file");
            out.push((format!("{prefix}{name}"), bytes));
        }
    }
    out.sort();
    out
}

/// Every data file of the repository, named as `DataSet::from_files` expects.
fn repository_files() -> Vec<(String, Vec<u8>)> {
    let root = root();
    let mut files = vec![(
        "rules.json".to_string(),
        std::fs::read(root.join("rules.json")).expect("rules.json"),
    )];
    files.extend(json_files(&root.join("web/templates"), "templates/"));
    files.extend(json_files(&root.join("web/registry"), "registry/"));
    files
}

fn load() -> DataSet {
    DataSet::from_files(&repository_files()).unwrap_or_else(|e| panic!("{e}"))
}

/// Replaces the file named `name` in `files` with `f` applied to its JSON.
fn edit(
    files: &mut [(String, Vec<u8>)],
    name: &str,
    f: impl FnOnce(&mut serde_json::Value),
) -> String {
    let (_, bytes) = files
        .iter_mut()
        .find(|(n, _)| n == name)
        .expect("file to edit");
    let mut value: serde_json::Value = serde_json::from_slice(bytes).expect("JSON");
    f(&mut value);
    *bytes = serde_json::to_vec(&value).expect("JSON");
    name.to_string()
}

const SECTION_4: [&str; 33] = [
    "P1", "P2", "P3", "P4", "F1", "F3", "F5", "F6", "F7", "D1", "D2", "D3", "D5", "D6", "D7", "C1",
    "C2", "C3", "C4", "C5", "M1", "M2", "M3", "M4", "M5", "M6", "R1", "R2", "R3", "S1", "S2", "S3",
    "S4",
];

const CANONICAL: [&str; 19] = [
    "certificate_number",
    "consignor",
    "consignee",
    "origin_country",
    "destination",
    "port_of_loading",
    "transport_mode",
    "transport_id",
    "description",
    "hs_code",
    "packages",
    "net_weight",
    "gross_weight",
    "production_date",
    "departure_date",
    "issue_date",
    "issue_place",
    "establishments",
    "signatory",
];

#[test]
fn repository_data_has_the_promised_coverage() {
    let data = load();
    let t = &data.templates;
    let ids: BTreeSet<&str> = t.iter().map(|t| t.id.as_str()).collect();
    let countries: BTreeSet<&str> = t.iter().map(|t| t.country.as_str()).collect();
    let multi_page: BTreeSet<&str> = t
        .iter()
        .filter(|t| t.pages >= 2)
        .map(|t| t.id.as_str())
        .collect();
    let with_qr: BTreeSet<&str> = t
        .iter()
        .filter(|t| t.security.qr.is_some())
        .map(|t| t.id.as_str())
        .collect();
    let with_items: BTreeSet<&str> = t
        .iter()
        .filter(|t| t.items.is_some())
        .map(|t| t.id.as_str())
        .collect();
    let mut versions: BTreeMap<&str, usize> = BTreeMap::new();
    for template in t {
        *versions.entry(&template.id).or_default() += 1;
    }
    let versioned: Vec<&str> = versions
        .iter()
        .filter(|(_, n)| **n >= 2)
        .map(|(id, _)| *id)
        .collect();

    assert_eq!(ids.len(), 30, "{ids:?}");
    assert_eq!(countries.len(), 19, "{countries:?}");
    assert!(multi_page.len() >= 3, "{multi_page:?}");
    assert!(versioned.len() >= 3, "{versioned:?}");
    assert!(with_qr.len() >= 2, "{with_qr:?}");
    assert!(with_items.len() >= 10, "{with_items:?}");
    assert_eq!(t.len(), 34);
    assert!(t
        .iter()
        .any(|t| t.validity.to.is_some() && t.validity.keyed_on == KeyedOn::DepartureDate));
    for id in ["BR-BEEF", "RO-EMBRYO"] {
        assert!(t.iter().any(|t| t.id == id && t.pages == 3), "{id}");
    }
    assert!(t
        .iter()
        .filter(|t| t.id == "GB-PORK")
        .all(|t| t.stamp.non_black_required));
}

#[test]
fn every_template_follows_the_conventions() {
    let data = load();
    for t in &data.templates {
        let name = format!("{} {}", t.id, t.version);
        let anchors: BTreeSet<&str> = t.anchors.iter().map(|a| a.id.as_str()).collect();
        for required in ["title", "authority", "form-code"] {
            assert!(anchors.contains(required), "{name}: anchor {required}");
        }
        assert!(t.anchors.len() >= 6, "{name}: {} anchors", t.anchors.len());
        let title = t.anchors.iter().find(|a| a.id == "title").expect("title");
        assert!((11.0..=14.0).contains(&title.size_pt), "{name}: title size");

        // Languages: Chinese and English always, exporter's language first.
        assert!(t.languages.contains(&"zh".to_string()), "{name}");
        assert!(t.languages.contains(&"en".to_string()), "{name}");

        // Canonical fields, with containers and seals on sea shipments.
        let fields: BTreeSet<&str> = t.fields.iter().map(|f| f.name.as_str()).collect();
        for f in CANONICAL {
            assert!(fields.contains(f), "{name}: field {f}");
        }
        let by_air = ["RO-EMBRYO", "NO-SALMON"].contains(&t.id.as_str());
        assert_eq!(fields.contains("containers"), !by_air, "{name}");
        assert_eq!(fields.contains("seals"), !by_air, "{name}");
        assert_eq!(
            fields.contains("species"),
            t.product.species.is_some(),
            "{name}"
        );
        let number = t
            .fields
            .iter()
            .find(|f| f.name == "certificate_number")
            .expect("number field");
        assert_eq!(number.at.page, 1, "{name}: number on page 1");
        assert_eq!(number.kind, FieldType::CertificateNumber);

        // Multi-page forms repeat a "page x of y" footer with the number.
        if t.pages > 1 {
            let footer = t.footer.as_ref().expect("footer on a multi-page form");
            for part in ["{number}", "{page}", "{pages}", "Page {page} of {pages}"] {
                assert!(footer.text.contains(part), "{name}: footer {part}");
            }
            let pages: BTreeSet<u32> = t.fields.iter().map(|f| f.at.page).collect();
            assert_eq!(pages.len() as u32, t.pages, "{name}: every page has fields");
        }
        assert!(
            (1..=3).contains(&t.attestations.len()),
            "{name}: attestations"
        );
        assert!(!t.product.hs_headings.is_empty());
    }
}

#[test]
fn printed_labels_are_distinct_within_a_template() {
    let data = load();
    for t in &data.templates {
        // Every fixed text with its owner; one owner may repeat a text across
        // languages ("Total" in English and Portuguese).
        let mut owners: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut add = |owner: String, text: &review::template::Localised| {
            for s in text.values() {
                owners.entry(s.clone()).or_default().insert(owner.clone());
            }
        };
        for a in &t.anchors {
            add(format!("anchor {}", a.id), &a.text);
        }
        for f in &t.fields {
            add(format!("field {}", f.name), &f.label);
        }
        if let Some(items) = &t.items {
            for c in &items.columns {
                add(format!("column {}", c.name), &c.label);
            }
            add("total".into(), &items.total_label);
        }
        for (text, who) in owners {
            assert!(
                who.len() == 1,
                "{} {}: {text:?} printed by {who:?}",
                t.id,
                t.version
            );
        }
    }
}

#[test]
fn old_and_new_versions_differ_in_form_code_and_layout() {
    let data = load();
    let mut by_id: BTreeMap<&str, Vec<&Template>> = BTreeMap::new();
    for t in &data.templates {
        by_id.entry(&t.id).or_default().push(t);
    }
    for (id, versions) in by_id.into_iter().filter(|(_, v)| v.len() > 1) {
        let (old, new) = (versions[0], versions[1]);
        let code = |t: &Template| {
            t.anchors
                .iter()
                .find(|a| a.id == "form-code")
                .map(|a| a.text.clone())
        };
        assert_ne!(code(old), code(new), "{id}: form codes");
        let moved = old
            .fields
            .iter()
            .filter(|f| {
                new.fields
                    .iter()
                    .find(|g| g.name == f.name)
                    .is_none_or(|g| g.at != f.at || g.value != f.value)
            })
            .count();
        assert!(moved >= 2, "{id}: only {moved} fields differ");
        assert!(old.validity.to < Some(new.validity.from), "{id}");
    }
}

/// Rough extent of a printed line in millimetres: Latin about 0.55 em per
/// character, CJK 1 em; the height of one line is 1.17 em.
fn text_box(text: &str, x: f32, y: f32, pt: f32) -> [f32; 4] {
    let em = pt * 0.3528;
    let w: f32 = text
        .chars()
        .map(|c| if (c as u32) >= 0x2e80 { em } else { 0.55 * em })
        .sum();
    [x, y, x + w, y + 1.17 * em]
}

/// The box of a stacked localised text (one line per language).
fn stacked_box<'a>(texts: impl Iterator<Item = &'a String>, x: f32, y: f32, pt: f32) -> [f32; 4] {
    let pitch = 1.3 * pt * 0.3528;
    let mut out = [x, y, x, y];
    for (i, t) in texts.enumerate() {
        let b = text_box(t, x, y + i as f32 * pitch, pt);
        out[2] = out[2].max(b[2]);
        out[3] = out[3].max(b[3]);
    }
    out
}

#[test]
fn printed_texts_keep_apart_on_every_page() {
    let data = load();
    for t in &data.templates {
        // Every printed text block on its page: (page, owner, box).
        let mut boxes: Vec<(u32, String, [f32; 4])> = Vec::new();
        for a in &t.anchors {
            let b = stacked_box(a.text.values(), a.at.x_mm, a.at.y_mm, a.size_pt);
            boxes.push((a.at.page, format!("anchor {}", a.id), b));
        }
        for f in &t.fields {
            let label = stacked_box(f.label.values(), f.at.x_mm, f.at.y_mm, 8.0);
            let (x, y) = (f.at.x_mm + f.value.dx_mm, f.at.y_mm + f.value.dy_mm);
            let value = [x, y, x + f.value.width_mm, y + f.value.height_mm - 0.5];
            assert!(
                f.value.height_mm >= f.max_lines as f32 * 4.2 - 0.01,
                "{} {}: {} height",
                t.id,
                t.version,
                f.name
            );
            if f.value.dy_mm == 0.0 {
                assert!(
                    value[0] - label[2] >= 6.0,
                    "{} {}: {} label touches its value",
                    t.id,
                    t.version,
                    f.name
                );
            }
            boxes.push((f.at.page, format!("label {}", f.name), label));
            boxes.push((f.at.page, format!("value {}", f.name), value));
        }
        if let Some(items) = &t.items {
            // Header block, 1 mm, the rows, then the totals row whose label
            // is stacked from the row's top (inset as in a full row).
            let stack = |n: usize| (n as f32 - 1.0) * 3.67 + 3.3;
            let inset = ((items.row_height_mm - 4.2) / 2.0).max(0.0) + 0.3;
            let height = t.languages.len() as f32 * 3.67
                + 1.0
                + items.max_rows as f32 * items.row_height_mm
                + inset
                + stack(t.languages.len());
            let (x, y) = (items.at.x_mm, items.at.y_mm);
            boxes.push((items.at.page, "items".into(), [x, y, 198.0, y + height]));
            for pair in items.columns.windows(2) {
                assert!(pair[0].dx_mm + pair[0].width_mm + 5.0 <= pair[1].dx_mm + 0.01);
            }
        }
        for a in &t.attestations {
            let (x, y) = (a.at.x_mm, a.at.y_mm);
            // Running text averages about 0.5 em per character.
            let chars = a.text.chars().count() as f32;
            let lines = (chars * 0.5 * 8.0 * 0.3528 / a.width_mm).ceil();
            boxes.push((
                a.at.page,
                format!("attestation {}", a.id),
                [x, y, x + a.width_mm, y + (lines - 1.0) * 3.67 + 3.3],
            ));
        }
        // The signature is ink, not text, but must not cover printed text;
        // the stamp may (it is pressed over the issue block) but stays in the margins.
        let sig = &t.signature;
        let zone = [
            sig.x_mm,
            sig.y_mm,
            sig.x_mm + sig.width_mm,
            sig.y_mm + sig.height_mm,
        ];
        boxes.push((sig.page, "signature".into(), zone));
        let stamp = &t.stamp.zone;
        assert!(
            stamp.x_mm >= 12.0
                && stamp.x_mm + stamp.width_mm <= 198.0
                && stamp.y_mm >= 12.0
                && stamp.y_mm + stamp.height_mm <= 285.0
                && stamp.page == sig.page,
            "{} {}: stamp zone {stamp:?}",
            t.id,
            t.version
        );
        if let Some(qr) = &t.security.qr {
            let b = [
                qr.x_mm,
                qr.y_mm,
                qr.x_mm + qr.width_mm,
                qr.y_mm + qr.height_mm,
            ];
            boxes.push((qr.page, "qr".into(), b));
        }

        // Two blocks of different owners are at least 4 mm apart one way.
        for (i, (p1, o1, b1)) in boxes.iter().enumerate() {
            assert!(
                b1[0] >= 11.9 && b1[2] <= 198.1 && b1[1] >= 11.9 && b1[3] <= 285.1,
                "{} {}: {o1} leaves the margins: {b1:?}",
                t.id,
                t.version
            );
            for (p2, o2, b2) in &boxes[i + 1..] {
                let same_field = o1.split_once(' ').map(|(_, n)| n)
                    == o2.split_once(' ').map(|(_, n)| n)
                    && o1.starts_with("label")
                    && o2.starts_with("value");
                if p1 != p2 || same_field {
                    continue;
                }
                let gap_x = (b2[0] - b1[2]).max(b1[0] - b2[2]);
                let gap_y = (b2[1] - b1[3]).max(b1[1] - b2[3]);
                assert!(
                    gap_x >= 3.9 || gap_y >= 3.9,
                    "{} {} page {p1}: {o1} and {o2} are too close ({gap_x:.1}, {gap_y:.1} mm)",
                    t.id,
                    t.version
                );
            }
        }
    }
}

#[test]
fn registers_cover_every_template() {
    let data = load();
    let reg = &data.registry;
    let new_year = date(2026, 1, 1);
    let authorities: BTreeSet<&str> = data
        .templates
        .iter()
        .map(|t| t.authority.id.as_str())
        .collect();
    for a in &authorities {
        let signatories: Vec<_> = reg
            .signatories
            .iter()
            .filter(|s| s.authority == *a)
            .collect();
        assert!((3..=4).contains(&signatories.len()), "{a}");
        assert!(
            signatories
                .iter()
                .any(|s| s.valid_to.is_some_and(|to| to < new_year)),
            "{a}: an expired signatory"
        );
        for s in signatories {
            assert_eq!(s.specimens, vec![format!("specimens/{}.png", s.id)]);
        }
    }
    let pairs: BTreeSet<(&str, &str)> = data
        .templates
        .iter()
        .map(|t| (t.country.as_str(), t.product.category.as_str()))
        .collect();
    assert_eq!(pairs.len(), reg.admitted.len());
    let in_2026 = |d: Date| d.year() == 2026;
    for (country, category) in &pairs {
        let listed: Vec<_> = reg
            .establishments
            .iter()
            .filter(|e| e.country == *country && e.categories.iter().any(|c| c == category))
            .collect();
        assert!(listed.len() >= 4, "{country} {category}");
        let suspended = listed
            .iter()
            .filter(|e| e.suspensions.iter().any(|w| in_2026(w.from)))
            .count();
        assert_eq!(suspended, 1, "{country} {category}: suspended in 2026");
        assert!(
            listed.iter().any(|e| in_2026(e.listed)),
            "{country} {category}"
        );
        assert!(listed.iter().all(|e| e.china_registration.starts_with('C')));
    }
    assert!(reg.establishments.iter().any(|e| e
        .suspensions
        .iter()
        .any(|w| in_2026(w.from) && w.to.is_some())));
    assert!(reg.establishments.iter().any(|e| e.number == "SIF 4507"));
    assert!(reg.establishments.iter().any(|e| e.number == "EST. 245E"));
}

#[test]
fn rules_cover_section_4_with_the_agreed_parameters() {
    let data = load();
    let rules = &data.rules.rules;
    let ids: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, SECTION_4);
    let rule = |id: &str| rules.iter().find(|r| r.id == id).expect("rule");
    assert!(!rule("S1").enabled && !rule("S2").enabled);
    assert!(rules
        .iter()
        .filter(|r| !["S1", "S2"].contains(&r.id.as_str()))
        .all(|r| r.enabled));
    for r in rules {
        for text in [&r.message.en, &r.message.zh] {
            assert!(text.contains("{found}"), "{}: {text}", r.id);
        }
        assert!(!r.explanation.en.is_empty() && !r.explanation.zh.is_empty());
    }
    match &rule("P2").check {
        RuleKind::Destination { accepted } => {
            for a in [
                "PRCHINA",
                "PEOPLESREPUBLICOFCHINA",
                "CHINA",
                "中华人民共和国",
                "中国",
            ] {
                assert!(accepted.iter().any(|x| x == a), "{a}");
            }
        }
        other => panic!("P2 is {other:?}"),
    }
    assert_eq!(rule("D2").check, RuleKind::IssueBeforeDeparture { days: 0 });
    assert_eq!(rule("D3").check, RuleKind::DepartureWindow { days: 10 });
    assert_eq!(
        rule("C2").check,
        RuleKind::ItemsSum {
            tolerance_percent: 0.1
        }
    );
    assert_eq!(
        rule("C5").check,
        RuleKind::Attestations {
            min_similarity: 0.9
        }
    );
    assert_eq!(
        rule("M1").check,
        RuleKind::ConsigneeMatch {
            min_similarity: 0.85
        }
    );
    assert_eq!(
        rule("M4").check,
        RuleKind::NetWeightMatch {
            percent: 0.5,
            kg: 50.0
        }
    );
    assert_eq!(
        rule("F5").check,
        RuleKind::HsCode {
            lengths: vec![4, 6, 8, 10]
        }
    );
    assert_eq!(
        rule("R3").check,
        RuleKind::Signatory {
            min_similarity: 0.85
        }
    );
    assert_eq!(rule("P1").severity, Severity::Fail);
    for id in ["R3", "S1", "S2", "S3", "S4"] {
        assert_eq!(
            rule(id).class,
            review::rules::FindingClass::SuspectedFraud,
            "{id}"
        );
    }
}

#[test]
fn example_declarations_parse() {
    let files = json_files(&root().join("web/examples/declarations"), "");
    assert_eq!(files.len(), 3);
    for (name, bytes) in &files {
        let d = parse_declaration(name, bytes).unwrap_or_else(|e| panic!("{e}"));
        assert!(d.consignee.is_some(), "{name}");
    }
    let (_, au) = files
        .iter()
        .find(|(n, _)| n == "au-beef-shanghai.json")
        .expect("AU example");
    let au = parse_declaration("au", au).expect("AU example parses");
    assert_eq!(au.net_weight_kg, Some(24560.0));
    assert_eq!(au.containers[0].number, "CSQU3054383");
}

#[test]
fn committed_schemas_are_current() {
    let dir = root().join("web/schema");
    let update = std::env::var_os("UPDATE_SCHEMAS").is_some();
    if update {
        std::fs::create_dir_all(&dir).expect("web/schema");
    }
    for (name, text) in json_schemas() {
        let path = dir.join(name);
        if update {
            std::fs::write(&path, &text).expect("schema written");
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == text,
            "web/schema/{name} is out of date: run UPDATE_SCHEMAS=1 cargo test -p review --test data"
        );
    }
}

#[test]
fn template_with_a_wrong_field_type_names_file_and_field() {
    let mut files = repository_files();
    let name = edit(&mut files, "templates/au-dairy-2021.json", |v| {
        v["fields"][3]["type"] = "weigth".into();
    });
    let err = DataSet::from_files(&files)
        .expect_err("bad type")
        .to_string();
    assert!(err.contains(&name), "{err}");
    assert!(err.contains("fields[3].type"), "{err}");
    assert!(err.contains("weigth"), "{err}");
}

#[test]
fn template_with_a_page_beyond_its_count_names_file_and_item() {
    let bytes = std::fs::read(root().join("web/templates/au-dairy-2021.json")).expect("template");
    let mut v: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    v["fields"][5]["at"]["page"] = 2.into();
    let err = parse_template(
        "templates/au-dairy-2021.json",
        &serde_json::to_vec(&v).expect("JSON"),
    )
    .expect_err("page 2 of 1")
    .to_string();
    assert!(err.contains("templates/au-dairy-2021.json"), "{err}");
    assert!(err.contains("fields[5].at"), "{err}");
    assert!(err.contains("page 2 of 1"), "{err}");
}

#[test]
fn rule_with_a_misspelt_or_bad_param_names_the_rule() {
    let bytes = std::fs::read(root().join("rules.json")).expect("rules");
    let mut v: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    let rules = v["rules"].as_array_mut().expect("rules");
    let d3 = rules.iter_mut().find(|r| r["id"] == "D3").expect("D3");
    d3["params"] = serde_json::json!({"dayz": 10});
    let err = parse_rules("rules.json", &serde_json::to_vec(&v).expect("JSON"))
        .expect_err("misspelt")
        .to_string();
    assert!(err.starts_with("rules.json: rule D3"), "{err}");
    assert!(err.contains("days"), "{err}");

    // An extra parameter beside the right ones is refused, not ignored.
    let mut v: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    let rules = v["rules"].as_array_mut().expect("rules");
    let m4 = rules.iter_mut().find(|r| r["id"] == "M4").expect("M4");
    m4["params"]["kilograms"] = 50.into();
    let err = parse_rules("rules.json", &serde_json::to_vec(&v).expect("JSON"))
        .expect_err("unknown parameter")
        .to_string();
    assert!(err.contains("rule M4: params.kilograms"), "{err}");
    assert!(err.contains("\"kg\""), "{err}");

    // A value out of range names the parameter.
    let mut v: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    let rules = v["rules"].as_array_mut().expect("rules");
    let m1 = rules.iter_mut().find(|r| r["id"] == "M1").expect("M1");
    m1["params"]["min_similarity"] = 85.into();
    let err = parse_rules("rules.json", &serde_json::to_vec(&v).expect("JSON"))
        .expect_err("out of range")
        .to_string();
    assert!(err.contains("rule M1: params.min_similarity"), "{err}");
}

#[test]
fn registers_that_disagree_with_templates_are_named() {
    // A version window that differs from the template's.
    let mut files = repository_files();
    edit(&mut files, "registry/template-versions.json", |v| {
        let all = v.as_array_mut().expect("array");
        let ca = all
            .iter_mut()
            .find(|t| t["id"] == "CA-DAIRY" && t["version"] == "2020")
            .expect("CA-DAIRY 2020");
        ca["to"] = "2025-12-30".into();
    });
    let err = DataSet::from_files(&files).expect_err("window").to_string();
    assert!(
        err.contains("registry/template-versions.json: CA-DAIRY 2020"),
        "{err}"
    );

    // An authority without signatories.
    let mut files = repository_files();
    edit(&mut files, "registry/signatories.json", |v| {
        v.as_array_mut()
            .expect("array")
            .retain(|s| s["authority"] != "NO-MT");
    });
    let err = DataSet::from_files(&files)
        .expect_err("no signatory")
        .to_string();
    assert!(
        err.contains("templates/no-salmon-2022.json: authority.id"),
        "{err}"
    );

    // A country-category without establishments.
    let mut files = repository_files();
    edit(&mut files, "registry/establishments.json", |v| {
        v.as_array_mut()
            .expect("array")
            .retain(|e| e["country"] != "TH");
    });
    let err = DataSet::from_files(&files)
        .expect_err("no establishment")
        .to_string();
    assert!(
        err.contains("templates/th-fruit-2022.json: product.category"),
        "{err}"
    );

    // A missing register.
    let files: Vec<_> = repository_files()
        .into_iter()
        .filter(|(n, _)| n != "registry/admitted.json")
        .collect();
    let err = DataSet::from_files(&files)
        .expect_err("missing")
        .to_string();
    assert!(err.contains("registry/admitted.json"), "{err}");
}

#[test]
fn from_files_ignores_other_files_and_accepts_web_prefix() {
    let mut files: Vec<_> = repository_files()
        .into_iter()
        .map(|(n, b)| {
            if n == "rules.json" {
                (n, b)
            } else {
                (format!("web/{n}"), b)
            }
        })
        .collect();
    files.push(("web/schema/template.schema.json".into(), b"{".to_vec()));
    files.push((
        "registry/specimens/AU-DAFF-0001.png".into(),
        vec![0x89, b'P'],
    ));
    files.push(("README.md".into(), b"# data".to_vec()));
    let data = DataSet::from_files(&files).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(data.templates.len(), 34);
}
