//! Identification and extraction on synthetic OCR output: pages built from
//! a template's geometry (every fixed text and value placed at its
//! millimetre position, as the generator prints it) and then scanned at
//! 200 dpi with a shift, a small scale change, a 2-degree rotation and a
//! few OCR-style misreadings.

use std::collections::BTreeMap;

use ocr::quad::Quad;
use ocr::{Line, PageStatus, PageText};
use review::extract::generic::extract_generic;
use review::extract::labels::{pitch_mm, stacked, LABEL_PT, MM_PER_PT, VALUE_PT};
use review::extract::{extract, normalise};
use review::field::ExtractedField;
use review::identify::{identify, UNKNOWN_BELOW};
use review::template::{DateOrder, DecimalMark, FieldType, Localised, Template};

/// How the synthetic page was scanned.
#[derive(Clone, Copy)]
struct Scan {
    /// Pixels per millimetre.
    scale: f32,
    /// Rotation, degrees clockwise.
    degrees: f32,
    /// Shift of the paper, millimetres.
    shift: (f32, f32),
}

impl Scan {
    fn skewed() -> Scan {
        Scan {
            scale: 200.0 / 25.4 * 1.015,
            degrees: 2.0,
            shift: (6.0, -4.0),
        }
    }

    fn page_point(&self, x: f32, y: f32) -> [f32; 2] {
        let (s, c) = self.degrees.to_radians().sin_cos();
        let (x, y) = (x + self.shift.0, y + self.shift.1);
        [
            self.scale * (c * x - s * y) + 40.0,
            self.scale * (s * x + c * y) + 25.0,
        ]
    }
}

/// Printed width of a text, millimetres: CJK one em, capitals 0.68 em, others 0.5 em.
fn width_mm(text: &str, size_pt: f32) -> f32 {
    let em = size_pt * MM_PER_PT;
    text.chars()
        .map(|c| {
            if c as u32 >= 0x2E80 {
                em
            } else if c.is_uppercase() {
                0.68 * em
            } else {
                0.5 * em
            }
        })
        .sum()
}

/// A page being written: lines in millimetres.
struct Sheet {
    /// Text, left and top (mm), size (pt), width (mm; 0 to estimate from the text).
    lines: Vec<(String, f32, f32, f32, f32)>,
}

impl Sheet {
    fn text(&mut self, text: &str, x: f32, y: f32, size_pt: f32) {
        self.lines.push((text.to_string(), x, y, size_pt, 0.0));
    }

    fn stacked(&mut self, text: &Localised, languages: &[String], x: f32, y: f32, size_pt: f32) {
        for (k, (_, s)) in stacked(text, languages).into_iter().enumerate() {
            self.text(s, x, y + k as f32 * pitch_mm(size_pt), size_pt);
        }
    }

    /// OCR-style line troubles: every other field label's first line merged
    /// with the value printed right of it, the labels (all languages) of one
    /// field lost, the Chinese label of two more lost, and multi-word values
    /// broken in two at their first space after ten characters.
    fn roughen(&mut self, t: &Template, page: u32) {
        let on_page: Vec<_> = t.fields.iter().filter(|f| f.at.page == page).collect();
        let lost = on_page.get(3).map(|f| f.name.clone());
        for (k, f) in on_page.iter().enumerate() {
            let labels: Vec<&str> = stacked(&f.label, &t.languages)
                .into_iter()
                .map(|(_, s)| s)
                .collect();
            let at = |text: &str, x: f32, y: f32, lines: &[(String, f32, f32, f32, f32)]| {
                lines
                    .iter()
                    .position(|l| l.0 == text && (l.1 - x).abs() < 0.01 && (l.2 - y).abs() < 0.01)
            };
            if Some(&f.name) == lost.as_ref() {
                for (n, label) in labels.iter().enumerate() {
                    let y = f.at.y_mm + n as f32 * pitch_mm(LABEL_PT);
                    if let Some(i) = at(label, f.at.x_mm, y, &self.lines) {
                        self.lines.remove(i);
                    }
                }
                continue;
            }
            if k % 3 == 1 {
                let y = f.at.y_mm + (labels.len() - 1) as f32 * pitch_mm(LABEL_PT);
                if let Some(i) = at(labels[labels.len() - 1], f.at.x_mm, y, &self.lines) {
                    self.lines.remove(i);
                }
            }
            let (vx, vy) = (f.at.x_mm + f.value.dx_mm, f.at.y_mm + f.value.dy_mm);
            if k % 2 == 0 && f.value.dy_mm == 0.0 {
                let label = at(labels[0], f.at.x_mm, f.at.y_mm, &self.lines);
                let value = self
                    .lines
                    .iter()
                    .position(|l| (l.1 - vx).abs() < 0.01 && (l.2 - vy).abs() < 0.01);
                if let (Some(li), Some(vi)) = (label, value) {
                    let merged = format!("{} {}", self.lines[li].0, self.lines[vi].0);
                    let end = vx + width_mm(&self.lines[vi].0, VALUE_PT);
                    self.lines[li].0 = merged;
                    self.lines[li].4 = end - f.at.x_mm;
                    self.lines.remove(vi);
                }
            }
        }

        // Values broken in two.
        let mut broken = Vec::new();
        for line in &mut self.lines {
            if line.3 != VALUE_PT || line.0.chars().count() < 20 {
                continue;
            }
            if let Some(cut) = line
                .0
                .char_indices()
                .skip(10)
                .find(|(_, c)| *c == ' ')
                .map(|(i, _)| i)
            {
                let tail = line.0[cut + 1..].to_string();
                line.0.truncate(cut);
                let x = line.1 + width_mm(&line.0, VALUE_PT) + width_mm(" ", VALUE_PT);
                broken.push((tail, x, line.2, VALUE_PT, 0.0));
            }
        }
        self.lines.extend(broken);
    }

    /// The OCR output of this sheet scanned with `scan`; `misread` changes some texts.
    fn scan(&self, scan: Scan, misread: &dyn Fn(&str) -> String) -> PageText {
        let mut lines: Vec<Line> = self
            .lines
            .iter()
            .map(|(text, x, y, pt, width)| {
                let w = if *width > 0.0 {
                    *width
                } else {
                    width_mm(text, *pt)
                };
                let h = pt * MM_PER_PT;
                let quad: Quad = [
                    scan.page_point(*x, *y),
                    scan.page_point(x + w, *y),
                    scan.page_point(x + w, y + h),
                    scan.page_point(*x, y + h),
                ];
                Line {
                    text: misread(text),
                    confidence: 0.95,
                    quad,
                }
            })
            .collect();
        lines.sort_by(|a, b| a.quad[0][1].total_cmp(&b.quad[0][1]));
        PageText {
            width: (215.0 * scan.scale) as u32,
            height: (300.0 * scan.scale) as u32,
            dpi: Some(scan.scale * 25.4),
            rotation: 0,
            skew: scan.degrees,
            status: PageStatus::Text,
            lines,
        }
    }
}

/// A value as printed in the template's locale, with its canonical form.
fn sample(t: &Template, name: &str, kind: FieldType) -> (Vec<String>, String) {
    let number = |v: &str| match t.locale.decimal {
        DecimalMark::Point => v.to_string(),
        DecimalMark::Comma => v.replace(',', "_").replace('.', ",").replace('_', "."),
    };
    let date = |iso: &str| {
        let d: jiff::civil::Date = iso.parse().expect("iso date");
        (
            vec![d.strftime(&t.locale.date_format).to_string()],
            iso.to_string(),
        )
    };
    let one = |p: &str, c: &str| (vec![p.to_string()], c.to_string());
    match (name, kind) {
        ("certificate_number", _) => one(&t.number_example, &t.number_example),
        ("consignor", _) => (
            vec![
                "PRAIRIE EXPORT FOODS LTD.".into(),
                "120 King Street, Toronto".into(),
            ],
            "PRAIRIE EXPORT FOODS LTD. 120 King Street, Toronto".into(),
        ),
        ("consignee", _) => (
            vec![
                "SHANGHAI HAIXIN FOOD CO., LTD.".into(),
                "88 Jiangning Road, Shanghai".into(),
            ],
            "SHANGHAI HAIXIN FOOD CO., LTD. 88 Jiangning Road, Shanghai".into(),
        ),
        ("origin_country", FieldType::Country) => one(&t.country_name.to_uppercase(), &t.country),
        ("destination", _) => one("P. R. CHINA", "P. R. CHINA"),
        ("transport_mode", _) => one("SEA", "SEA"),
        ("transport_id", _) => one("MSC ANNA V.312E", "MSC ANNA V.312E"),
        ("containers", _) => one("CSQU3054383, MSKU1234565", "CSQU3054383,MSKU1234565"),
        ("seals", _) => one("G2382564, G2382565", "G2382564,G2382565"),
        ("hs_code", _) => one("0402.21.00", "04022100"),
        ("packages", _) => one("1200 CARTONS", "1200"),
        ("net_weight", _) => one(&format!("{} kg", number("24,560.50")), "24560.5"),
        ("gross_weight", _) => one(&format!("{} kg", number("25,100.00")), "25100"),
        ("production_date", _) => date("2026-03-01"),
        ("departure_date", _) => date("2026-03-12"),
        ("issue_date", _) => date("2026-03-10"),
        ("establishments", _) => one("EST 1234, EST 5678", "EST 1234,EST 5678"),
        ("signatory", _) => one("Dr. Jane Smith", "Dr. Jane Smith"),
        (_, FieldType::Date) => date("2026-02-20"),
        (_, FieldType::Count) => one("300", "300"),
        (_, FieldType::Weight) => one(&format!("{} kg", number("1,250.00")), "1250"),
        (_, FieldType::HsCode) => one("0202.30", "020230"),
        (_, FieldType::Country) => one(&t.country_name, &t.country),
        _ => one("SAMPLE VALUE", "SAMPLE VALUE"),
    }
}

/// The template's pages filled in, with the canonical values expected back.
fn filled(t: &Template) -> (Vec<Sheet>, BTreeMap<String, String>) {
    let mut sheets: Vec<Sheet> = (0..t.pages).map(|_| Sheet { lines: Vec::new() }).collect();
    let mut expected = BTreeMap::new();
    for a in &t.anchors {
        let sheet = &mut sheets[a.at.page as usize - 1];
        sheet.stacked(&a.text, &t.languages, a.at.x_mm, a.at.y_mm, a.size_pt);
    }
    for f in &t.fields {
        let sheet = &mut sheets[f.at.page as usize - 1];
        sheet.stacked(&f.label, &t.languages, f.at.x_mm, f.at.y_mm, LABEL_PT);
        let (lines, canonical) = sample(t, &f.name, f.kind);
        let (x, y) = (f.at.x_mm + f.value.dx_mm, f.at.y_mm + f.value.dy_mm);
        for (k, line) in lines.iter().take(f.max_lines as usize).enumerate() {
            sheet.text(line, x, y + k as f32 * 4.2, VALUE_PT);
        }
        expected.insert(f.name.clone(), canonical);
    }
    if let Some(items) = &t.items {
        let sheet = &mut sheets[items.at.page as usize - 1];
        let mut header = 0usize;
        for c in &items.columns {
            sheet.stacked(
                &c.label,
                &t.languages,
                items.at.x_mm + c.dx_mm,
                items.at.y_mm,
                LABEL_PT,
            );
            header = header.max(stacked(&c.label, &t.languages).len());
        }
        let rows_top = items.at.y_mm + header as f32 * pitch_mm(LABEL_PT) + 1.0;
        let inset = ((items.row_height_mm - 4.2) / 2.0).max(0.0) + 0.3;
        for row in 0..2 {
            let y = rows_top + row as f32 * items.row_height_mm + inset;
            for c in &items.columns {
                let (lines, canonical) = sample(t, &c.name, c.kind);
                let printed = if c.kind == FieldType::Text {
                    "Frozen boneless beef"
                } else {
                    &lines[0]
                };
                sheet.text(printed, items.at.x_mm + c.dx_mm, y, VALUE_PT);
                let canonical = if c.kind == FieldType::Text {
                    "Frozen boneless beef".into()
                } else {
                    canonical
                };
                expected.insert(format!("items[{row}].{}", c.name), canonical);
            }
        }
        let totals_top = rows_top + 2.0 * items.row_height_mm + inset;
        sheet.stacked(
            &items.total_label,
            &t.languages,
            items.at.x_mm,
            totals_top,
            LABEL_PT,
        );
    }
    (sheets, expected)
}

/// OCR-style errors: a few letters changed in labels, `0` read as `O` once in a value.
fn misread(text: &str) -> String {
    match text {
        "Consignee" => "Consignec".into(),
        "Certificate No." => "Certiflcate No".into(),
        "Net weight" => "Nct weight".into(),
        _ if text.starts_with("Sanitary Certificate") => {
            text.replacen("Certificate", "Certifcate", 1)
        }
        _ => text.replacen("CSQU3054383", "CSQU3O54383", 1),
    }
}

fn load_templates() -> Vec<Template> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../web/templates");
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("web/templates")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    entries.sort();
    for path in entries {
        let bytes = std::fs::read(&path).expect("template file");
        let name = path.display().to_string();
        match review::data::parse_template(&name, &bytes) {
            Ok(t) => out.push(t),
            Err(e) => panic!("{e}"),
        }
    }
    out
}

fn by_name(fields: &[ExtractedField]) -> BTreeMap<String, Option<String>> {
    fields
        .iter()
        .map(|f| (f.name.clone(), f.value.clone()))
        .collect()
}

#[test]
fn every_template_is_identified_as_itself_and_read_back() {
    let templates = load_templates();
    assert!(!templates.is_empty());
    let mut failures = Vec::new();
    for (i, t) in templates.iter().enumerate() {
        let (sheets, expected) = filled(t);
        let pages: Vec<PageText> = sheets
            .iter()
            .map(|s| s.scan(Scan::skewed(), &misread))
            .collect();
        let id = identify(&pages, &templates);
        let top = &id.candidates[0];
        if id.best != Some(i) || top.confidence < 0.6 {
            failures.push(format!(
                "{} {}: identified as {:?}",
                t.id, t.version, id.candidates
            ));
            continue;
        }
        let fields = extract(&pages, t, &id.transforms);
        let got = by_name(&fields);
        for (name, want) in &expected {
            let have = got.get(name).cloned().flatten();
            if have.as_deref() != Some(want.as_str()) {
                failures.push(format!(
                    "{} {}: {name}: {have:?} != {want:?}",
                    t.id, t.version
                ));
            }
        }
        eprintln!(
            "{} {}: {:.3}, runner-up {:?}",
            t.id,
            t.version,
            top.confidence,
            id.candidates.get(1)
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn rough_scans_are_read_too() {
    let templates = load_templates();
    let scan = Scan {
        scale: 300.0 / 25.4 * 0.985,
        degrees: -3.0,
        shift: (-10.0, 8.0),
    };
    let mut failures = Vec::new();
    let (mut right, mut total) = (0, 0);
    for (i, t) in templates.iter().enumerate() {
        let (mut sheets, expected) = filled(t);
        for (n, sheet) in sheets.iter_mut().enumerate() {
            sheet.roughen(t, n as u32 + 1);
        }
        let pages: Vec<PageText> = sheets.iter().map(|s| s.scan(scan, &misread)).collect();
        let id = identify(&pages, &templates);
        if id.best != Some(i) || id.candidates[0].confidence < 0.6 {
            failures.push(format!(
                "{} {}: identified as {:?}",
                t.id, t.version, id.candidates
            ));
            continue;
        }
        let got = by_name(&extract(&pages, t, &id.transforms));
        for (name, want) in &expected {
            total += 1;
            let have = got.get(name).cloned().flatten();
            if have.as_deref() == Some(want.as_str()) {
                right += 1;
            } else {
                failures.push(format!(
                    "{} {}: {name}: {have:?} != {want:?}",
                    t.id, t.version
                ));
            }
        }
    }
    eprintln!("rough scans: {right}/{total} fields exact");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn normalisation_tables() {
    use review::template::Locale;
    let locale = |order, decimal| Locale {
        date_order: order,
        date_format: String::new(),
        decimal,
    };
    let dmy_comma = locale(DateOrder::Dmy, DecimalMark::Comma);
    let mdy_point = locale(DateOrder::Mdy, DecimalMark::Point);
    let cases: &[(FieldType, &str, &Locale, Option<&str>)] = &[
        (
            FieldType::Date,
            "05/03/2024",
            &dmy_comma,
            Some("2024-03-05"),
        ),
        (
            FieldType::Date,
            "05/03/2024",
            &mdy_point,
            Some("2024-05-03"),
        ),
        (FieldType::Date, "31/13/2024", &dmy_comma, None),
        (FieldType::Date, "29/02/2023", &dmy_comma, None),
        (
            FieldType::Date,
            "29/02/2024",
            &dmy_comma,
            Some("2024-02-29"),
        ),
        (
            FieldType::Date,
            "22 APR 2016",
            &mdy_point,
            Some("2016-04-22"),
        ),
        (
            FieldType::Date,
            "2016年4月22日",
            &mdy_point,
            Some("2016-04-22"),
        ),
        (FieldType::Weight, "24.560,00 kg", &dmy_comma, Some("24560")),
        (FieldType::Weight, "24,560.00 kg", &mdy_point, Some("24560")),
        (FieldType::Weight, "24.560", &dmy_comma, Some("24560")),
        (FieldType::Weight, "24.560", &mdy_point, Some("24.56")),
        (
            FieldType::Weight,
            "50,000 LBS",
            &mdy_point,
            Some("22679.62"),
        ),
        (FieldType::Weight, "24.5 MT", &mdy_point, Some("24500")),
        (FieldType::Count, "1 200 cartons", &dmy_comma, Some("1200")),
        (
            FieldType::HsCode,
            "0202.30.00 90",
            &dmy_comma,
            Some("0202300090"),
        ),
        (
            FieldType::Containers,
            "CSQU 305438 3 / MSKU1234565",
            &dmy_comma,
            Some("CSQU3054383,MSKU1234565"),
        ),
        (
            FieldType::Containers,
            "C5QU3O54383",
            &dmy_comma,
            Some("CSQU3054383"),
        ),
        (
            FieldType::Seals,
            "g2382564 ; G 2382565",
            &dmy_comma,
            Some("G2382564,G2382565"),
        ),
        (
            FieldType::Establishments,
            "sif 4507 , SIF  1234",
            &dmy_comma,
            Some("SIF 4507,SIF 1234"),
        ),
        (
            FieldType::Country,
            "República Argentina",
            &dmy_comma,
            Some("AR"),
        ),
        (FieldType::Country, "Royaume-Uni", &dmy_comma, Some("GB")),
        (FieldType::Country, "NZ", &dmy_comma, Some("NZ")),
        (
            FieldType::CertificateNumber,
            "0001 / 4507 / 23",
            &dmy_comma,
            Some("0001/4507/23"),
        ),
        (
            FieldType::Text,
            "  SHANGHAI   HAIXIN\tFOOD ",
            &dmy_comma,
            Some("SHANGHAI HAIXIN FOOD"),
        ),
    ];
    let mut failures = Vec::new();
    for (kind, raw, locale, want) in cases {
        let got = normalise(*kind, raw, locale).ok();
        if got.as_deref() != *want {
            failures.push(format!("{kind:?} {raw:?}: {got:?} != {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(review::extract::iso6346_check_digit_ok("CSQU3054383"));
    assert!(!review::extract::iso6346_check_digit_ok("CSQU3054384"));
}

/// A form no template describes: other title, authority and layout, with
/// some generic labels.
fn unknown_form() -> PageText {
    let mut sheet = Sheet { lines: Vec::new() };
    sheet.text(
        "REPUBLIC OF ATLANTIS - MINISTRY OF FISHERIES",
        20.0,
        15.0,
        12.0,
    );
    sheet.text(
        "Export health certificate for chilled fish",
        20.0,
        24.0,
        11.0,
    );
    sheet.text("Certificate number: ATL-2026-00417", 20.0, 40.0, 9.0);
    sheet.text("Exporter: BLUE LAGOON SEAFOOD S.A.", 20.0, 50.0, 9.0);
    sheet.text("Consignee: NINGBO OCEAN TRADING CO., LTD.", 20.0, 58.0, 9.0);
    sheet.text("Container No.", 20.0, 70.0, 9.0);
    sheet.text("TGHU 887766 2, CSQU3054383", 70.0, 70.0, 9.0);
    sheet.text("Seal No.: AT445566", 20.0, 80.0, 9.0);
    sheet.text("HS code: 0302.14", 20.0, 90.0, 9.0);
    sheet.text("Net weight", 20.0, 100.0, 9.0);
    sheet.text("18,250.00 kg", 70.0, 100.0, 9.0);
    sheet.text("Gross weight 19,100.00 kg", 20.0, 110.0, 9.0);
    sheet.text("Date of production: 02/03/2026", 20.0, 120.0, 9.0);
    sheet.text("Date of departure", 20.0, 130.0, 9.0);
    sheet.text("14 MAR 2026", 70.0, 130.0, 9.0);
    sheet.text("Done at Port Atlantis on 10/03/2026", 20.0, 200.0, 9.0);
    sheet.scan(Scan::skewed(), &|s| s.to_string())
}

#[test]
fn an_unknown_form_is_unknown_and_read_generically() {
    let templates = load_templates();
    let page = unknown_form();
    let id = identify(std::slice::from_ref(&page), &templates);
    assert_eq!(id.best, None, "{:?}", id.candidates);
    assert!(id.candidates.iter().all(|c| c.confidence < UNKNOWN_BELOW));

    let fields = extract_generic(std::slice::from_ref(&page));
    let got = by_name(&fields);
    let want = [
        ("containers", "TGHU8877662,CSQU3054383"),
        ("seals", "AT445566"),
        ("hs_code", "030214"),
        ("net_weight", "18250"),
        ("gross_weight", "19100"),
        ("production_date", "2026-03-02"),
        ("departure_date", "2026-03-14"),
        ("certificate_number", "ATL-2026-00417"),
        ("consignor", "BLUE LAGOON SEAFOOD S.A."),
        ("consignee", "NINGBO OCEAN TRADING CO., LTD."),
    ];
    for (name, value) in want {
        assert_eq!(
            got.get(name).cloned().flatten().as_deref(),
            Some(value),
            "{name} in {got:?}"
        );
    }
    assert!(got.values().flatten().any(|v| v == "2026-03-10"), "{got:?}");
}

#[test]
fn a_page_whose_template_is_missing_is_unknown() {
    let templates = load_templates();
    let mut failures = Vec::new();
    let mut worst = 0.0f32;
    for t in &templates {
        let (sheets, _) = filled(t);
        let pages: Vec<PageText> = sheets
            .iter()
            .map(|s| s.scan(Scan::skewed(), &misread))
            .collect();
        let others: Vec<Template> = templates.iter().filter(|o| o.id != t.id).cloned().collect();
        let id = identify(&pages, &others);
        let top = id.candidates[0].confidence;
        if top > worst {
            eprintln!(
                "{} {} looks most like {:?}",
                t.id, t.version, id.candidates[0]
            );
            worst = top;
        }
        if id.best.is_some() {
            failures.push(format!(
                "{} {}: taken for {:?}",
                t.id, t.version, id.candidates[0]
            ));
        }
    }
    eprintln!("highest score of another form: {worst:.3}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every data file of the repository, named as `DataSet::from_files` expects.
fn repository_files() -> Vec<(String, Vec<u8>)> {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = vec![(
        "rules.json".to_string(),
        std::fs::read(root.join("rules.json")).expect("rules.json"),
    )];
    for (dir, prefix) in [
        ("web/templates", "templates/"),
        ("web/registry", "registry/"),
    ] {
        let mut entries: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("data folder")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        entries.sort();
        for path in entries {
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .to_string();
            files.push((
                format!("{prefix}{name}"),
                std::fs::read(&path).expect("data file"),
            ));
        }
    }
    files
}

/// The OCR engine with the tiny models from `models/`.
fn engine() -> ocr::Engine {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models");
    let read = |f: &str| std::fs::read(root.join(f)).expect("run scripts/fetch-models.sh first");
    let dict = String::from_utf8(read("ppocrv6-tiny-dict.txt")).expect("dictionary");
    ocr::Engine::new(
        &read("ppocrv6-tiny-det.onnx"),
        &read("ppocrv6-tiny-rec.onnx"),
        &dict,
        ocr::EngineOptions::default(),
    )
    .expect("engine")
}

/// Generated certificates read by the real OCR, then identified and
/// extracted against their answer keys. Environment: `EXTRACT_TEMPLATES`
/// (comma-separated ids, default all), `EXTRACT_SEED` (default 1),
/// `EXTRACT_DEGRADATION` (a name like `rotated`, default `clean`),
/// `EXTRACT_TRUTH=1` (use the generator's printed runs instead of OCR).
/// OCR results are cached under the test's temporary folder.
#[test]
#[ignore = "renders every template and reads it with the real models: minutes"]
fn generated_pages_through_ocr() {
    use synth::certificate::{generate, CertificateRequest};
    let data = review::DataSet::from_files(&repository_files()).unwrap_or_else(|e| panic!("{e}"));
    let fonts = synth::Fonts::from_debian().expect("Debian fonts");
    let reader = std::sync::OnceLock::new();
    let wanted: Option<Vec<String>> = std::env::var("EXTRACT_TEMPLATES")
        .ok()
        .map(|s| s.split(',').map(str::to_string).collect());
    let seed: u64 = std::env::var("EXTRACT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let degradation = std::env::var("EXTRACT_DEGRADATION").unwrap_or_else(|_| "clean".into());
    let degradation = synth::Degradation::ALL
        .into_iter()
        .find(|d| d.name() == degradation)
        .expect("a degradation name");
    let truth = std::env::var("EXTRACT_TRUTH").is_ok_and(|v| v == "1");
    let cache = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("extract-ocr");
    std::fs::create_dir_all(&cache).expect("cache folder");

    let (mut identified, mut certificates, mut right, mut total) = (0, 0, 0, 0);
    for t in &data.templates {
        if wanted.as_ref().is_some_and(|w| !w.contains(&t.id)) {
            continue;
        }
        let mut request = CertificateRequest::new(&t.id, seed);
        request.version = Some(t.version.clone());
        request.degradation = degradation;
        let certificate = generate(&fonts, &data, &request).unwrap_or_else(|e| panic!("{e}"));
        let name = format!("{}-{}-{seed}-{}", t.id, t.version, degradation.name());
        let pages: Vec<PageText> = certificate
            .pages
            .iter()
            .enumerate()
            .map(|(i, page)| {
                if truth {
                    return truth_page(page);
                }
                let file = cache.join(format!("{name}-{i}.json"));
                if let Ok(bytes) = std::fs::read(&file) {
                    if let Ok(text) = serde_json::from_slice(&bytes) {
                        return text;
                    }
                }
                let engine = reader.get_or_init(engine);
                let input = ocr::Page {
                    image: page.image.clone(),
                    dpi: Some(page.dpi),
                };
                let text = engine.ocr_page(&input).expect("OCR");
                std::fs::write(&file, serde_json::to_vec(&text).expect("json")).expect("cache");
                text
            })
            .collect();

        certificates += 1;
        let id = identify(&pages, &data.templates);
        let best = id.best.map(|i| &data.templates[i]);
        if best.is_some_and(|b| b.id == t.id && b.version == t.version) {
            identified += 1;
        } else {
            eprintln!("{name}: identified as {:?}", id.candidates.first());
            continue;
        }
        let extracted = extract(&pages, t, &id.transforms);
        let fields = by_name(&extracted);
        for (field, want) in &certificate.key.fields {
            total += 1;
            let have = fields.get(field).cloned().flatten();
            if have.as_deref() == Some(want.as_str()) {
                right += 1;
            } else {
                let raw = extracted
                    .iter()
                    .find(|f| &f.name == field)
                    .map(|f| f.raw.as_str());
                eprintln!("{name}: {field}: {have:?} != {want:?} (read {raw:?})");
            }
        }
        eprintln!("{name}: {:.3}", id.candidates[0].confidence);
    }
    eprintln!(
        "identified {identified}/{certificates}; fields exact {right}/{total} ({:.1}%)",
        100.0 * right as f32 / total.max(1) as f32
    );
}

/// The generator's printed runs as if OCR had read them exactly.
fn truth_page(page: &synth::RenderedPage) -> PageText {
    PageText {
        width: page.image.width(),
        height: page.image.height(),
        dpi: Some(page.dpi),
        rotation: 0,
        skew: 0.0,
        status: PageStatus::Text,
        lines: page
            .lines
            .iter()
            .map(|l| Line {
                text: l.text.clone(),
                confidence: 1.0,
                quad: l.quad,
            })
            .collect(),
    }
}
