//! Each field's value as printed in the template's locale, and its canonical
//! form for the answer key (`review::field`).

use review::template::{FieldType, Template};

use super::dates;
use super::numbers::{weight, weight_canonical};
use super::values::{Consignment, Item};

/// A value as printed: its lines (before wrapping) and canonical form.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Printed {
    /// Lines of text, each wrapped to the value's width when printed.
    pub lines: Vec<String>,
    /// Canonical form for the answer key.
    pub canonical: String,
}

impl Printed {
    fn one(line: String, canonical: String) -> Printed {
        Printed {
            lines: vec![line],
            canonical,
        }
    }

    fn text(lines: Vec<String>) -> Printed {
        let canonical = collapse(&lines.join(" "));
        Printed { lines, canonical }
    }
}

/// Trims and collapses runs of spaces.
pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How dates of this certificate are printed: the locale's format, or an
/// impossible date for the named field (`bad-date`).
#[derive(Clone, Debug, Default)]
pub(crate) struct DateSpoil {
    /// Field whose date is printed with month 13 (or day 32).
    pub field: Option<String>,
}

/// The printed value of canonical field `name`, `None` when the generator
/// has no value for that name.
pub(crate) fn field(
    t: &Template,
    c: &Consignment,
    name: &str,
    kind: FieldType,
    spoil: &DateSpoil,
    hs_dotted: bool,
) -> Option<Printed> {
    let mark = t.locale.decimal;
    let date = |d: jiff::civil::Date| {
        if spoil.field.as_deref() == Some(name) {
            let raw = dates::format_impossible(&t.locale.date_format, d);
            Printed::one(raw.clone(), raw)
        } else {
            Printed::one(dates::format(&t.locale.date_format, d), d.to_string())
        }
    };
    let kg = |centi: u64| Printed::one(weight(centi, mark), weight_canonical(centi));
    let country = |code: &str, printed: &str| match kind {
        FieldType::Country => Printed::one(printed.to_string(), code.to_string()),
        _ => Printed::text(vec![printed.to_string()]),
    };
    let list = |values: &[String]| {
        Printed::one(
            values.join(", "),
            values
                .iter()
                .map(|v| v.replace(' ', ""))
                .collect::<Vec<_>>()
                .join(","),
        )
    };
    Some(match name {
        "certificate_number" => Printed::one(c.number.clone(), c.number.replace(' ', "")),
        "consignor" => Printed::text(c.consignor.clone()),
        "consignee" => Printed::text(c.consignee.clone()),
        "origin_country" => country(&c.origin.0, &c.origin.1),
        "origin_region" => Printed::text(vec![c.origin_region.clone()]),
        "destination" => country(&c.destination.0, &c.destination.1),
        "port_of_loading" => Printed::text(vec![c.port_of_loading.clone()]),
        "port_of_entry" => Printed::text(vec![c.port_of_entry.clone()]),
        "transport_mode" => Printed::text(vec![c.mode.clone()]),
        "transport_id" => Printed::text(vec![c.transport_id.clone()]),
        "containers" => list(&c.containers),
        "seals" => list(&c.seals),
        "description" => Printed::text(vec![c.description.clone()]),
        "species" => Printed::text(vec![c.species.clone()?]),
        "hs_code" => Printed::one(hs_printed(&c.hs_code, hs_dotted), c.hs_code.clone()),
        "packages" => Printed::one(c.packages.to_string(), c.packages.to_string()),
        "net_weight" => kg(c.net),
        "gross_weight" => kg(c.gross),
        "production_date" => date(c.production),
        "departure_date" => date(c.departure),
        "issue_date" => date(c.issue),
        "issue_place" => Printed::text(vec![c.issue_place.clone()]),
        "establishments" => Printed::one(
            c.establishments.join(", "),
            c.establishments
                .iter()
                .map(|e| collapse(&e.to_uppercase()))
                .collect::<Vec<_>>()
                .join(","),
        ),
        "signatory" => Printed::text(vec![c.signatory.clone()]),
        "verification_number" => {
            Printed::one(c.verification_number.clone(), c.verification_number.clone())
        }
        _ => return None,
    })
}

/// A goods-table cell of column `name`.
pub(crate) fn cell(
    t: &Template,
    item: &Item,
    name: &str,
    spoil: &DateSpoil,
    row: usize,
) -> Option<Printed> {
    let mark = t.locale.decimal;
    Some(match name {
        "description" => Printed::text(vec![item.description.clone()]),
        "packages" => Printed::one(item.packages.to_string(), item.packages.to_string()),
        "net_weight" => Printed::one(weight(item.net, mark), weight_canonical(item.net)),
        "gross_weight" => Printed::one(weight(item.gross, mark), weight_canonical(item.gross)),
        "production_date" => {
            if spoil.field.as_deref() == Some("production_date") && row == 0 {
                let raw = dates::format_impossible(&t.locale.date_format, item.production);
                Printed::one(raw.clone(), raw)
            } else {
                Printed::one(
                    dates::format(&t.locale.date_format, item.production),
                    item.production.to_string(),
                )
            }
        }
        _ => return None,
    })
}

/// A totals-row cell of column `name` (numeric columns only).
pub(crate) fn total(t: &Template, c: &Consignment, name: &str) -> Option<String> {
    let mark = t.locale.decimal;
    match name {
        "packages" => Some(c.packages.to_string()),
        "net_weight" => Some(weight(c.net, mark)),
        "gross_weight" => Some(weight(c.gross, mark)),
        _ => None,
    }
}

/// An HS code as digits or dotted (`0202.30.00.90`).
fn hs_printed(digits: &str, dotted: bool) -> String {
    if !dotted || digits.len() < 6 {
        return digits.to_string();
    }
    let mut out = digits[..4].to_string();
    let mut rest = &digits[4..];
    while !rest.is_empty() {
        let take = rest.len().min(2);
        out.push('.');
        out.push_str(&rest[..take]);
        rest = &rest[take..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hs_codes_print_dotted() {
        assert_eq!(hs_printed("0202300090", true), "0202.30.00.90");
        assert_eq!(hs_printed("0202300090", false), "0202300090");
        assert_eq!(hs_printed("020230", true), "0202.30");
    }
}
