//! Weights and counts as a template's locale prints them, and their
//! canonical forms (`review::field`).

use review::template::DecimalMark;

/// Digits of `value` grouped by three with `separator`.
fn group(value: u64, separator: char) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A weight in hundredths of a kilogram printed with two decimals:
/// `24,560.00` (point) or `24.560,00` (comma).
pub(crate) fn weight(centi_kg: u64, mark: DecimalMark) -> String {
    let (thousands, decimal) = match mark {
        DecimalMark::Point => (',', '.'),
        DecimalMark::Comma => ('.', ','),
    };
    format!(
        "{}{decimal}{:02}",
        group(centi_kg / 100, thousands),
        centi_kg % 100
    )
}

/// Canonical kilograms: `.` decimal, no grouping, trailing zeros removed (`24560`, `24560.5`).
pub(crate) fn weight_canonical(centi_kg: u64) -> String {
    let whole = centi_kg / 100;
    match centi_kg % 100 {
        0 => whole.to_string(),
        cents if cents % 10 == 0 => format!("{whole}.{}", cents / 10),
        cents => format!("{whole}.{cents:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_print_and_normalise() {
        assert_eq!(weight(2_456_000, DecimalMark::Point), "24,560.00");
        assert_eq!(weight(2_456_050, DecimalMark::Comma), "24.560,50");
        assert_eq!(weight(99, DecimalMark::Point), "0.99");
        assert_eq!(weight_canonical(2_456_000), "24560");
        assert_eq!(weight_canonical(2_456_050), "24560.5");
        assert_eq!(weight_canonical(2_456_005), "24560.05");
    }
}
