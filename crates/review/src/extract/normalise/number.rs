//! Numbers, weights and counts in either decimal style.

use super::{digit_lookalike, NormaliseError};
use crate::template::DecimalMark;

/// Kilograms per pound.
const KG_PER_LB: f64 = 0.453_592_37;

/// Reads a decimal number written with `mark` as decimal separator:
/// `24.560,00` or `24 560,00` (comma) and `24,560.00` (point). When both
/// separators appear the last one is the decimal mark whatever the locale;
/// a single separator followed by exactly three digits in groups is a
/// thousands separator (`24.560` is 24560 in a comma form); otherwise the
/// locale decides. Spaces, apostrophes and no-break spaces group thousands.
pub fn parse_decimal(text: &str, mark: DecimalMark) -> Option<f64> {
    let s: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '’'))
        .collect();
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let last_dot = s.rfind('.');
    let last_comma = s.rfind(',');
    let decimal = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(d.max(c)),
        (Some(i), None) | (None, Some(i)) => {
            let sep = s.as_bytes()[i] as char;
            let grouped = is_thousands_grouped(&s, sep);
            let locale_decimal = match mark {
                DecimalMark::Comma => ',',
                DecimalMark::Point => '.',
            };
            if grouped && (sep != locale_decimal || s.matches(sep).count() > 1) {
                None
            } else if grouped && sep == locale_decimal {
                // "24,560" in a comma form: a decimal by the locale.
                Some(i)
            } else if s.matches(sep).count() == 1 {
                Some(i)
            } else {
                return None;
            }
        }
        (None, None) => None,
    };
    let mut plain = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        match c {
            '0'..='9' => plain.push(c),
            _ if Some(i) == decimal => plain.push('.'),
            _ => {}
        }
    }
    if plain.starts_with('.') {
        plain.insert(0, '0');
    }
    plain.parse().ok()
}

/// Whether every `sep` in `s` is followed by exactly three digits and the
/// first group has one to three digits (`24.560`, `1.234.567`).
fn is_thousands_grouped(s: &str, sep: char) -> bool {
    let groups: Vec<&str> = s.split(sep).collect();
    groups.len() >= 2
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
}

/// The first run of characters that can belong to a number (digits,
/// separators, grouping spaces) in `raw`, with look-alike letters inside
/// read as digits, and the text after it.
fn number_token(raw: &str) -> Option<(String, &str)> {
    let chars: Vec<(usize, char)> = raw.char_indices().collect();
    let start = chars.iter().position(|(_, c)| c.is_ascii_digit())?;
    let mut end = start;
    let mut i = start;
    while i < chars.len() {
        let c = chars[i].1;
        let next_is_digit = chars
            .get(i + 1)
            .is_some_and(|(_, n)| n.is_ascii_digit() || matches!(n, 'O' | 'o'));
        if c.is_ascii_digit() || ((matches!(c, 'O' | 'o') || c == 'l' || c == 'I') && i > start) {
            // A letter inside digits is an OCR look-alike only when digits surround it.
            if !c.is_ascii_digit() && !next_is_digit && !chars[i - 1].1.is_ascii_digit() {
                break;
            }
            end = i + 1;
        } else if matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}' | '\'') && next_is_digit {
            // A separator counts only between digits.
        } else {
            break;
        }
        i += 1;
    }
    let token: String = chars[start..end]
        .iter()
        .map(|(_, c)| digit_lookalike(*c))
        .collect();
    let rest_at = chars.get(end).map_or(raw.len(), |(b, _)| *b);
    Some((token, &raw[rest_at..]))
}

/// A plain decimal number written with `mark` (the first number in `raw`).
pub fn number(raw: &str, mark: DecimalMark) -> Result<f64, NormaliseError> {
    let (token, _) = number_token(raw).ok_or_else(|| super::unreadable("number", raw))?;
    parse_decimal(&token, mark).ok_or_else(|| super::unreadable("number", raw))
}

/// A weight in kilograms: the first number in `raw` and the unit after it
/// (`kg`, `kgs`, `kilos`, `t`, `MT`, `tonnes`, `lb`, `lbs`; none means kg).
pub fn weight_kg(raw: &str, mark: DecimalMark) -> Result<f64, NormaliseError> {
    let (token, rest) = number_token(raw).ok_or_else(|| super::unreadable("weight", raw))?;
    let value = parse_decimal(&token, mark).ok_or_else(|| super::unreadable("weight", raw))?;
    let unit: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '.')
        .filter(|c| *c != '.')
        .collect::<String>()
        .to_lowercase();
    let factor = match unit.as_str() {
        "" | "kg" | "kgs" | "kilo" | "kilos" | "kilogram" | "kilograms" | "kilogrammes"
        | "kilogramos" | "kilogramas" | "kilogramm" | "quilos" | "公斤" | "千克" => 1.0,
        "t" | "mt" | "tonne" | "tonnes" | "ton" | "tons" | "toneladas" | "吨" => 1000.0,
        "lb" | "lbs" | "pound" | "pounds" => KG_PER_LB,
        // A word that is not a unit ("net", "cartons") leaves kilograms.
        other if !other.starts_with(['k', 'l']) && other.chars().count() >= 3 => 1.0,
        other => {
            return Err(NormaliseError::Unit {
                raw: raw.to_string(),
                unit: other.to_string(),
            })
        }
    };
    Ok(value * factor)
}

/// A whole count: the first number in `raw`, its separators read as thousands
/// (`1 200 cartons`, `1.200`, `1,200` are 1200); a decimal part of zeros is dropped.
pub fn count(raw: &str) -> Result<u64, NormaliseError> {
    let (token, _) = number_token(raw).ok_or_else(|| super::unreadable("count", raw))?;
    let compact: String = token
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\'')
        .collect();
    let mut digits = compact.as_str();

    // A trailing ",00" or ".0" is a decimal part.
    if let Some(i) = compact.rfind(['.', ',']) {
        let tail = &compact[i + 1..];
        if tail.len() != 3 {
            if tail.chars().all(|c| c == '0') {
                digits = &compact[..i];
            } else {
                return Err(super::unreadable("count", raw));
            }
        }
    }
    let plain: String = digits.chars().filter(char::is_ascii_digit).collect();
    plain.parse().map_err(|_| super::unreadable("count", raw))
}

/// The canonical number form: `.` decimal, no grouping, at most 2 decimals,
/// trailing zeros and point removed (`24560`, `24560.5`).
pub fn format_number(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kg(raw: &str, mark: DecimalMark) -> String {
        weight_kg(raw, mark)
            .map(format_number)
            .unwrap_or_else(|e| format!("error: {e}"))
    }

    #[test]
    fn weights_in_both_styles_and_units() {
        use DecimalMark::{Comma, Point};
        assert_eq!(kg("24.560,00 kg", Comma), "24560");
        assert_eq!(kg("24,560.00 KG", Point), "24560");
        assert_eq!(kg("24,560.00 KG", Comma), "24560");
        assert_eq!(kg("24.560 kg", Comma), "24560");
        assert_eq!(kg("24.560 kg", Point), "24.56");
        assert_eq!(kg("24,560 kg", Point), "24560");
        assert_eq!(kg("24 560,5 kgs", Comma), "24560.5");
        assert_eq!(kg("24560KGS", Point), "24560");
        assert_eq!(kg("25.1 MT", Point), "25100");
        assert_eq!(kg("25,1 t", Comma), "25100");
        assert_eq!(kg("1,000 lb", Point), "453.59");
        assert_eq!(kg("1.234.567,891 kg", Comma), "1234567.89");
        assert_eq!(kg("2456O.00 kg", Point), "24560");
        assert!(kg("24 560 m3", Point).starts_with("error"));
        assert!(kg("kg", Point).starts_with("error"));
    }

    #[test]
    fn counts_drop_separators() {
        assert_eq!(count("1 200 cartons"), Ok(1200));
        assert_eq!(count("1.200 caixas"), Ok(1200));
        assert_eq!(count("1,200 CTNS"), Ok(1200));
        assert_eq!(count("1200,00"), Ok(1200));
        assert_eq!(count("850"), Ok(850));
        assert!(count("12,5").is_err());
        assert!(count("cartons").is_err());
    }

    #[test]
    fn canonical_number_form() {
        assert_eq!(format_number(24560.0), "24560");
        assert_eq!(format_number(24560.5), "24560.5");
        assert_eq!(format_number(0.004), "0");
        assert_eq!(format_number(12.345), "12.35");
        assert_eq!(
            number("12,50", DecimalMark::Comma).map(format_number),
            Ok("12.5".into())
        );
    }
}
