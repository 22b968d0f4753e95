//! What a certificate says: every field's text, drawn at random from the
//! country, product and importer tables.

mod consignees;
mod countries;
mod products;

use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use crate::formats::{Date, DateStyle};
use crate::iso6346;

use countries::Country;

/// A labelled field: English label, Chinese label, value lines.
#[derive(Clone, Debug)]
pub(crate) struct Field {
    /// English label, e.g. "Net weight".
    pub label: &'static str,
    /// Chinese label, e.g. "净重".
    pub label_zh: &'static str,
    /// The value; each entry is a paragraph the layout may wrap.
    pub value: Vec<String>,
    /// Chinese value lines printed after `value` (e.g. the importer's name).
    pub value_zh: Vec<String>,
}

impl Field {
    fn new(label: &'static str, label_zh: &'static str, value: String) -> Field {
        Field {
            label,
            label_zh,
            value: vec![value],
            value_zh: Vec::new(),
        }
    }
}

/// Everything printed on one certificate.
pub(crate) struct Certificate {
    /// Header lines naming the authority.
    pub authority: Vec<String>,
    /// English title (one paragraph, wrapped by the layout).
    pub title_en: String,
    /// Chinese title.
    pub title_zh: String,
    /// Certificate number.
    pub number: String,
    /// Consignment table: consignor, consignee, goods, transport.
    pub consignment: Vec<Field>,
    /// Short fields for the two-column production section.
    pub production: Vec<Field>,
    /// First attestation line.
    pub attestation_intro: String,
    /// Numbered attestation statements.
    pub statements: Vec<String>,
    /// The attestation in Chinese.
    pub statement_zh: String,
    /// Place of issue.
    pub place: String,
    /// Date of issue as printed.
    pub issued: String,
    /// Certifying official's name.
    pub officer: String,
    /// Official's title line.
    pub officer_title: String,
    /// English and Chinese label for the official.
    pub officer_label: (&'static str, &'static str),
    /// Stamp ring text.
    pub stamp_ring: String,
    /// Stamp centre text.
    pub stamp_centre: String,
}

/// Picks one item of a non-empty constant table.
pub(crate) fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// Fills a pattern: `#` becomes a digit, `@` a capital letter, `YYYY` the year.
fn fill_pattern(rng: &mut ChaCha8Rng, pattern: &str, year: i32) -> String {
    let pattern = pattern.replace("YYYY", &year.to_string());
    pattern
        .chars()
        .map(|c| match c {
            '#' => char::from(b'0' + rng.random_range(0..10u8)),
            '@' => char::from(b'A' + rng.random_range(0..26u8)),
            other => other,
        })
        .collect()
}

/// A random container number with a correct check digit, in one of the
/// printed styles ("MSKU1234565", "MSKU 123456 5", "MSKU 123456-5").
fn container_number(rng: &mut ChaCha8Rng) -> String {
    let owner = pick(rng, consignees::CONTAINER_OWNERS);
    let serial = rng.random_range(0..1_000_000u32);
    let prefix = format!("{owner}{serial:06}");
    let digit = iso6346::check_digit(&prefix).unwrap_or(0);
    match rng.random_range(0..3) {
        0 => format!("{prefix}{digit}"),
        1 => format!("{owner} {serial:06} {digit}"),
        _ => format!("{owner} {serial:06}-{digit}"),
    }
}

/// A date style: usually the country's, sometimes another.
fn date_style(rng: &mut ChaCha8Rng, country: &Country) -> DateStyle {
    if rng.random_bool(0.7) {
        country.date_style
    } else {
        *pick(rng, &DateStyle::ALL)
    }
}

impl Certificate {
    /// Draws a certificate's content.
    pub(crate) fn generate(rng: &mut ChaCha8Rng) -> Certificate {
        // Who, what and when.
        let country = pick(rng, countries::COUNTRIES);
        let kind = pick(rng, products::KINDS);
        let product = pick(rng, kind.products);
        let exporter = pick(rng, country.exporters);
        let consignee = pick(rng, consignees::CONSIGNEES);
        let issued = Date {
            year: rng.random_range(2025..=2026),
            month: rng.random_range(1..=12),
            day: rng.random_range(1..=28),
        };
        let slaughtered = issued.plus_days(-rng.random_range(25..120));
        let produced = slaughtered.plus_days(rng.random_range(0..3));
        let departure = issued.plus_days(rng.random_range(0..6));
        let numbers = country.number_style;

        // Title, with or without the country.
        let with_country = rng.random_bool(0.5);
        let from = if with_country {
            format!("FROM {} ", country.name_upper)
        } else {
            String::new()
        };
        let title_en = kind.title_en.replace("{FROM}", &from);
        let title_zh = kind
            .title_zh
            .replace("{ZH}", if with_country { country.name_zh } else { "" });

        // Identifiers.
        let pattern = *pick(rng, country.numbers);
        let number = fill_pattern(rng, pattern, issued.year);
        let pattern = *pick(rng, country.establishments);
        let establishment = fill_pattern(rng, pattern, issued.year);
        let containers: Vec<String> = (0..rng.random_range(1..=2))
            .map(|_| container_number(rng))
            .collect();
        let seals: Vec<String> = containers
            .iter()
            .map(|_| {
                let pattern = *pick(rng, consignees::SEALS);
                fill_pattern(rng, pattern, issued.year)
            })
            .collect();

        // Quantities.
        let net_kg = rng.random_range(kind.net_kg.0..=kind.net_kg.1) * containers.len() as u64;
        let net_centi = net_kg * 100 + rng.random_range(0..4u64) * 25;
        let gross_centi = net_centi + net_centi * rng.random_range(25..60u64) / 1000;
        let per_package = rng
            .random_range(kind.kg_per_package.0..=kind.kg_per_package.1)
            .max(1);
        let packages = format!(
            "{} {}",
            numbers.count(net_kg / per_package),
            pick(rng, kind.packaging)
        );
        let hs_code = match rng.random_range(0..3) {
            0 => product.hs_short.to_string(),
            1 => product.hs_long.to_string(),
            _ => format!("{} ({})", product.hs_short, product.hs_long),
        };
        let vessel = pick(rng, consignees::VESSELS);
        let pattern = *pick(rng, &["###N", "###E", "@@###S", "###W"]);
        let voyage = fill_pattern(rng, pattern, 0);
        let transport = match rng.random_range(0..2) {
            0 => format!("Vessel {vessel}, voyage {voyage}"),
            _ => format!("By sea: {vessel} / {voyage}"),
        };

        // The consignment table.
        let mut consignee_field = Field::new("Consignee", "收货人", consignee.name.to_string());
        consignee_field.value.push(consignee.address.to_string());
        consignee_field.value_zh.push(consignee.name_zh.to_string());
        let mut consignor = Field::new("Consignor", "发货人", exporter.name.to_string());
        consignor.value.push(exporter.address.to_string());
        let consignment = vec![
            consignor,
            consignee_field,
            Field::new(
                "Country of origin",
                "原产国",
                country.name.replace("the ", ""),
            ),
            Field::new("Establishment No.", "注册编号", establishment.clone()),
            Field::new(
                "Description of goods",
                "货物名称",
                product.description.to_string(),
            ),
            Field::new("HS code", "商品编码", hs_code),
            Field::new("Number of packages", "包装数量", packages),
            Field::new("Net weight", "净重", numbers.weight_kg(net_centi)),
            Field::new("Gross weight", "毛重", numbers.weight_kg(gross_centi)),
            Field::new("Container No.", "集装箱号", containers.join(" / ")),
            Field::new("Seal No.", "封识号", seals.join(" / ")),
            Field::new("Means of transport", "运输工具", transport),
            Field::new(
                "Port of loading",
                "启运口岸",
                pick(rng, country.ports).to_string(),
            ),
            Field::new(
                "Port of destination",
                "目的口岸",
                consignee.port.to_string(),
            ),
        ];

        // The production section.
        let storage = pick(rng, kind.storage).to_string();
        let date_label = if kind.plant {
            ("Date of harvest", "收获日期")
        } else {
            ("Date of slaughter", "屠宰日期")
        };
        let pattern = *pick(rng, &["LOT YYYY-####-@", "Batch #####", "L#######"]);
        let lot = fill_pattern(rng, pattern, issued.year);
        let marks = match rng.random_range(0..3) {
            0 => "N/M".to_string(),
            1 => format!("{establishment} – MADE IN {}", country.name_upper),
            _ => "As per packing list".to_string(),
        };
        let production = vec![
            Field::new(
                date_label.0,
                date_label.1,
                date_style(rng, country).format(slaughtered),
            ),
            Field::new(
                "Date of production",
                "生产日期",
                date_style(rng, country).format(produced),
            ),
            Field::new(
                "Date of departure",
                "启运日期",
                date_style(rng, country).format(departure),
            ),
            Field::new("Storage", "储存条件", storage.clone()),
            Field::new("Lot number", "批号", lot),
            Field::new("Shipping marks", "唛头", marks),
        ];

        // Attestation statements with the blanks filled in.
        let statements = kind
            .statements
            .iter()
            .filter(|_| rng.random_bool(0.8))
            .map(|s| {
                s.replace("{COUNTRY}", country.name)
                    .replace("{SPECIES}", kind.species)
                    .replace("{EST}", &establishment)
                    .replace("{STORAGE}", &storage)
                    .replace("{SEAL}", &seals[0])
                    .replace("{CONTAINER}", &containers[0])
            })
            .collect();

        // Issue block and stamp.
        Certificate {
            authority: country.authority.iter().map(|s| s.to_string()).collect(),
            title_en,
            title_zh,
            number,
            consignment,
            production,
            attestation_intro: kind.attestation_intro.to_string(),
            statements,
            statement_zh: kind.statement_zh.to_string(),
            place: pick(rng, country.places).to_string(),
            issued: date_style(rng, country).format(issued),
            officer: pick(rng, country.officers).to_string(),
            officer_title: country.officer_title.to_string(),
            officer_label: kind.officer_label,
            stamp_ring: pick(rng, country.stamp_ring).to_string(),
            stamp_centre: pick(rng, country.stamp_centre).to_string(),
        }
    }
}
