//! Dates: numeric in the template's day/month order, ISO, month names in
//! ten languages, and Chinese `2016年4月22日`.

use std::sync::OnceLock;

use jiff::civil::Date;
use regex::Regex;

use super::{digit_lookalike, NormaliseError};
use crate::extract::matching::fold_char;
use crate::template::DateOrder;

/// Month names and abbreviations (accents folded, lower case) in English,
/// French, Spanish, Portuguese, German, Dutch, Italian, Danish and Romanian.
const MONTHS: [&[&str]; 12] = [
    &[
        "january", "jan", "janvier", "janv", "enero", "ene", "janeiro", "januar", "janner",
        "januari", "gennaio", "gen", "ianuarie", "ian",
    ],
    &[
        "february",
        "feb",
        "fevrier",
        "fevr",
        "fev",
        "febrero",
        "fevereiro",
        "februar",
        "februari",
        "febbraio",
        "februarie",
        "febr",
    ],
    &[
        "march", "mar", "mars", "marzo", "marco", "marz", "mrz", "maart", "mrt", "marts", "martie",
    ],
    &[
        "april", "apr", "avril", "avr", "abril", "abr", "aprile", "aprilie",
    ],
    &["may", "mai", "mayo", "maio", "mei", "maggio", "mag", "maj"],
    &[
        "june", "jun", "juin", "junio", "junho", "juni", "giugno", "giu", "iunie", "iun",
    ],
    &[
        "july", "jul", "juillet", "juil", "julio", "julho", "juli", "luglio", "lug", "iulie", "iul",
    ],
    &[
        "august", "aug", "aout", "agosto", "ago", "augustus", "agost",
    ],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
        "set",
        "setembro",
        "settembre",
        "septembrie",
    ],
    &[
        "october",
        "oct",
        "octobre",
        "octubre",
        "outubro",
        "out",
        "oktober",
        "okt",
        "ottobre",
        "ott",
        "octombrie",
    ],
    &[
        "november",
        "nov",
        "novembre",
        "noviembre",
        "novembro",
        "noiembrie",
        "noi",
    ],
    &[
        "december",
        "dec",
        "decembre",
        "diciembre",
        "dic",
        "dezembro",
        "dez",
        "dezember",
        "dicembre",
        "decembrie",
    ],
];

/// Words around a date that are not part of it ("de" in Spanish and
/// Portuguese dates, "of", "the").
const FILLER: &[&str] = &["de", "del", "of", "the", "den", "le", "el", "do", "da"];

/// Parses a date written in a form whose numeric dates use `order`.
///
/// Accepted: `22/04/2016`, `22.04.2016`, `22-04-16` (two-digit years are
/// 20yy), `2016-04-22` (a four-digit first part is always a year),
/// `22 APR 2016`, `April 22, 2016`, `22 de abril de 2016`, `2016年4月22日`.
/// A month beyond 12 or a day beyond the month's length is an
/// [`NormaliseError::ImpossibleDate`]; two-digit parts only in a
/// year-first form are [`NormaliseError::AmbiguousDate`].
pub fn date(raw: &str, order: DateOrder) -> Result<Date, NormaliseError> {
    let tokens = tokens(raw);
    if tokens.is_empty() {
        return Err(super::unreadable("date", raw));
    }

    // A month name fixes the month; the numbers are the day and the year.
    if let Some((month, numbers)) = with_month_name(&tokens) {
        return match numbers.as_slice() {
            [a, b] => {
                let (day, year) = if a.len() == 4 { (b, a) } else { (a, b) };
                build(raw, year, month, day)
            }
            _ => Err(super::unreadable("date", raw)),
        };
    }

    // Numeric: three parts.
    let parts: Vec<&str> = tokens.iter().map(String::as_str).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(super::unreadable("date", raw));
    };
    if !(a.chars().all(|ch| ch.is_ascii_digit())
        && b.chars().all(|ch| ch.is_ascii_digit())
        && c.chars().all(|ch| ch.is_ascii_digit()))
    {
        return Err(super::unreadable("date", raw));
    }
    if a.len() == 4 {
        return build_numeric(raw, a, b, c);
    }
    match order {
        DateOrder::Dmy => build_numeric(raw, c, b, a),
        DateOrder::Mdy => build_numeric(raw, c, a, b),
        DateOrder::Ymd if a.len() <= 2 && c.len() <= 2 => Err(NormaliseError::AmbiguousDate {
            raw: raw.to_string(),
            reason: "a year-first form with a two-digit first part".into(),
        }),
        DateOrder::Ymd => build_numeric(raw, c, b, a),
    }
}

/// Parses the date in `raw`: the whole text, or else the first part of it
/// that looks like a date and parses (a stamp's letters read into the
/// line, a word before the date). The error is the whole text's.
pub fn date_in_text(raw: &str, order: DateOrder) -> Result<Date, NormaliseError> {
    date(raw, order).or_else(|whole| {
        if !matches!(whole, NormaliseError::Unreadable { .. }) {
            return Err(whole);
        }
        date_pattern()
            .find_iter(raw)
            .find_map(|m| date(m.as_str(), order).ok())
            .ok_or(whole)
    })
}

/// What a date looks like inside a text: numeric (`22/04/2016`,
/// `22.04.16`), ISO, with a month name (`22 APR 2016`, `April 22, 2016`,
/// `22 de abril de 2016`), or Chinese (`2016年4月22日`).
pub fn date_pattern() -> &'static Regex {
    static DATE: OnceLock<Regex> = OnceLock::new();
    DATE.get_or_init(|| {
        Regex::new(concat!(
            r"\b\d{4}-\d{1,2}-\d{1,2}\b",
            r"|\b\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{2,4}\b",
            r"|\b\d{1,2}\.?\s*(?:de\s+)?\p{L}{3,12}\.?,?\s*(?:de\s+)?\d{4}\b",
            r"|\b\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4}\b",
            r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日",
        ))
        .expect("date pattern")
    })
}

/// Parses a date of unknown order, as in a form without a template: day
/// first unless only month first gives a valid date; a four-digit first
/// part means year first.
pub fn date_any_order(raw: &str) -> Result<Date, NormaliseError> {
    date(raw, DateOrder::Dmy).or_else(|dmy| date(raw, DateOrder::Mdy).map_err(|_| dmy))
}

/// Splits into lower-case tokens of letters or digits; Chinese 年月日 and
/// any punctuation separate. In digit-led tokens look-alike letters become digits.
fn tokens(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in raw.chars() {
        if c.is_alphanumeric() && !matches!(c, '年' | '月' | '日') {
            current.push(c);
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.into_iter()
        .flat_map(|t| {
            if let Some(parts) = zero_for_o(&t) {
                return parts;
            }
            let digits = t.chars().filter(char::is_ascii_digit).count();
            // Three letters in a row are a word, not look-alike digits ("JUL2026").
            if digits * 2 >= t.chars().count() && longest_letter_run(&t) < 3 {
                vec![t.chars().map(digit_lookalike).collect()]
            } else {
                // Digits run into a month name ("15MAY"): split them apart.
                split_digits(&t.chars().flat_map(fold_char).collect::<String>())
            }
        })
        .filter(|t| !FILLER.contains(&t.as_str()))
        .collect()
}

/// A token whose month name starts with an O read as a zero (`170CT` for
/// `17OCT`, `0KT`): the day's digits, if any, and the month name. `None`
/// unless O and the letters after the zero make a month name.
fn zero_for_o(token: &str) -> Option<Vec<String>> {
    let folded: String = token.chars().flat_map(fold_char).collect();
    let split = folded.find(|c: char| !c.is_ascii_digit())?;
    let (digits, letters) = folded.split_at(split);
    let day = digits.strip_suffix('0')?;
    if day.len() > 2 || !letters.chars().all(char::is_alphabetic) {
        return None;
    }
    let month = format!("o{letters}");
    month_number(&month)?;
    Some(
        [day.to_string(), month]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect(),
    )
}

/// The most letters in a row in `word`.
fn longest_letter_run(word: &str) -> usize {
    word.split(|c: char| !c.is_alphabetic())
        .map(|run| run.chars().count())
        .max()
        .unwrap_or(0)
}

/// `word` cut where digits meet letters: `15may` gives `15`, `may`.
fn split_digits(word: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for c in word.chars() {
        let same = parts
            .last()
            .and_then(|p| p.chars().last())
            .is_some_and(|l| l.is_ascii_digit() == c.is_ascii_digit());
        match parts.last_mut() {
            Some(p) if same => p.push(c),
            _ => parts.push(c.to_string()),
        }
    }
    parts
}

/// The month of the first month-name token, and the numeric tokens.
fn with_month_name(tokens: &[String]) -> Option<(u32, Vec<&str>)> {
    let month_at = tokens.iter().position(|t| month_number(t).is_some())?;
    let month = month_number(&tokens[month_at])?;
    let numbers = tokens
        .iter()
        .enumerate()
        .filter(|(i, t)| *i != month_at && t.chars().all(|c| c.is_ascii_digit()))
        .map(|(_, t)| t.as_str())
        .collect();
    Some((month, numbers))
}

/// 1..=12 for a month name or abbreviation in any of the languages.
fn month_number(word: &str) -> Option<u32> {
    if word.len() < 3 || word.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    for (i, names) in MONTHS.iter().enumerate() {
        if names.contains(&word) {
            return Some(i as u32 + 1);
        }
    }
    None
}

/// A date from year, month and day strings, all digits.
fn build_numeric(raw: &str, year: &str, month: &str, day: &str) -> Result<Date, NormaliseError> {
    let month: u32 = month.parse().map_err(|_| super::unreadable("date", raw))?;
    build(raw, year, month, day)
}

/// A date from the year and day as written and the month number.
fn build(raw: &str, year: &str, month: u32, day: &str) -> Result<Date, NormaliseError> {
    let bad = || super::unreadable("date", raw);
    let day: u32 = day.parse().map_err(|_| bad())?;
    let mut year_n: i32 = year.parse().map_err(|_| bad())?;
    match year.len() {
        2 => year_n += 2000,
        4 => {}
        _ => return Err(bad()),
    }
    let impossible = |reason: String| NormaliseError::ImpossibleDate {
        raw: raw.to_string(),
        reason,
    };
    if !(1..=12).contains(&month) {
        return Err(impossible(format!("month {month} is not 1..=12")));
    }
    if !(1900..=2199).contains(&year_n) {
        return Err(impossible(format!("year {year_n} is out of range")));
    }
    Date::new(year_n as i16, month as i8, day.min(99) as i8)
        .map_err(|_| impossible(format!("day {day} is not in month {month} of {year_n}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(raw: &str, order: DateOrder) -> String {
        date(raw, order)
            .map(|d| d.to_string())
            .unwrap_or_else(|e| format!("error: {e}"))
    }

    #[test]
    fn numeric_dates_follow_the_order() {
        assert_eq!(iso("22/04/2016", DateOrder::Dmy), "2016-04-22");
        assert_eq!(iso("04/22/2016", DateOrder::Mdy), "2016-04-22");
        assert_eq!(iso("05/03/2024", DateOrder::Dmy), "2024-03-05");
        assert_eq!(iso("05/03/2024", DateOrder::Mdy), "2024-05-03");
        assert_eq!(iso("22.04.2016", DateOrder::Dmy), "2016-04-22");
        assert_eq!(iso("2016-04-22", DateOrder::Dmy), "2016-04-22");
        assert_eq!(iso("2016-04-22", DateOrder::Ymd), "2016-04-22");
        assert_eq!(iso("22-04-16", DateOrder::Dmy), "2016-04-22");
        assert_eq!(iso("22/O4/2O16", DateOrder::Dmy), "2016-04-22");
    }

    #[test]
    fn month_names_in_many_languages() {
        assert_eq!(iso("22 APR 2016", DateOrder::Mdy), "2016-04-22");
        assert_eq!(iso("15MAY 2025", DateOrder::Dmy), "2025-05-15");
        assert_eq!(iso("14 JUL2026", DateOrder::Dmy), "2026-07-14");
        assert_eq!(iso("14JUL2026", DateOrder::Dmy), "2026-07-14");
        // The O of OCT read as a zero, run into the day or alone.
        assert_eq!(iso("170CT 2021", DateOrder::Dmy), "2021-10-17");
        assert_eq!(iso("17 0CT 2021", DateOrder::Dmy), "2021-10-17");
        assert_eq!(iso("3 0kt. 2021", DateOrder::Dmy), "2021-10-03");
        assert!(date("170 2021", DateOrder::Dmy).is_err());
        assert_eq!(iso("2O25-05-15", DateOrder::Dmy), "2025-05-15");
        assert_eq!(iso("April 22, 2016", DateOrder::Dmy), "2016-04-22");
        assert_eq!(iso("22 de abril de 2016", DateOrder::Dmy), "2016-04-22");
        assert_eq!(iso("3 février 2025", DateOrder::Dmy), "2025-02-03");
        assert_eq!(iso("3. März 2025", DateOrder::Dmy), "2025-03-03");
        assert_eq!(iso("12 mei 2025", DateOrder::Dmy), "2025-05-12");
        assert_eq!(iso("1 ottobre 2025", DateOrder::Dmy), "2025-10-01");
        assert_eq!(iso("7 DEZ 2025", DateOrder::Dmy), "2025-12-07");
        assert_eq!(iso("9 OUT 2025", DateOrder::Dmy), "2025-10-09");
        assert_eq!(iso("14 marts 2026", DateOrder::Dmy), "2026-03-14");
        assert_eq!(iso("14 noiembrie 2026", DateOrder::Dmy), "2026-11-14");
        assert_eq!(iso("2016年4月22日", DateOrder::Dmy), "2016-04-22");
    }

    #[test]
    fn dates_inside_other_text() {
        let found = |raw| date_in_text(raw, DateOrder::Dmy).map(|d| d.to_string());
        assert_eq!(found("ONEOV 22/08/2025 W"), Ok("2025-08-22".into()));
        assert_eq!(found("Date: 3 MAR 2026"), Ok("2026-03-03".into()));
        assert!(matches!(
            found("31/13/2024"),
            Err(NormaliseError::ImpossibleDate { .. })
        ));
        assert!(found("no date here").is_err());
    }

    #[test]
    fn impossible_and_unreadable_dates_are_errors() {
        assert!(matches!(
            date("31/13/2024", DateOrder::Dmy),
            Err(NormaliseError::ImpossibleDate { .. })
        ));
        assert!(matches!(
            date("31/04/2024", DateOrder::Dmy),
            Err(NormaliseError::ImpossibleDate { .. })
        ));
        assert!(matches!(
            date("22/04/2016", DateOrder::Mdy),
            Err(NormaliseError::ImpossibleDate { .. })
        ));
        assert!(matches!(
            date("05/03/04", DateOrder::Ymd),
            Err(NormaliseError::AmbiguousDate { .. })
        ));
        assert!(date("soon", DateOrder::Dmy).is_err());
        assert!(date("", DateOrder::Dmy).is_err());
        assert_eq!(
            date_any_order("04/22/2016").map(|d| d.to_string()),
            Ok("2016-04-22".into())
        );
    }
}
