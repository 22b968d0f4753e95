//! Normalisation of raw field text to the canonical forms of `crate::field`.
//!
//! Each field type has its own parser: dates (`date`), weights, counts and
//! numbers (`number`), HS codes, containers, seals and establishments
//! (`codes`), countries (`country`). [`normalise`] dispatches on the type.
//! Every parser tolerates the usual OCR confusions where the position tells
//! a digit from a letter (`O`/`0`, `I`/`1` in a number) and returns a
//! [`NormaliseError`] naming the raw text when the value cannot be read or is
//! impossible (a 13th month, an unknown unit).

mod codes;
mod country;
mod date;
mod number;
mod text;

pub use codes::{
    certificate_number, containers, establishments, find_containers as codes_find_containers,
    fit_number_pattern, hs_code, iso6346_check_digit_ok, seals, CONTAINER_PATTERN,
};
pub use country::country_code;
pub use date::{date, date_any_order, date_in_text, date_pattern};
pub use number::{count, format_number, number, parse_decimal, weight_kg};
pub use text::text;

use crate::template::{FieldType, Locale};

/// Why a raw value could not be normalised.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NormaliseError {
    /// Nothing that looks like a value of the expected kind.
    #[error("{kind}: cannot read {raw:?}")]
    Unreadable {
        /// The expected kind (`date`, `weight`, `count`...).
        kind: &'static str,
        /// The raw text.
        raw: String,
    },
    /// A date whose parts do not make a calendar date (`31/13/2024`).
    #[error("date {raw:?}: {reason}")]
    ImpossibleDate {
        /// The raw text.
        raw: String,
        /// Which part is out of range.
        reason: String,
    },
    /// A date that could be read in more than one way (two-digit parts only).
    #[error("date {raw:?} is ambiguous: {reason}")]
    AmbiguousDate {
        /// The raw text.
        raw: String,
        /// The readings that compete.
        reason: String,
    },
    /// A weight with a unit that is not a mass unit.
    #[error("weight {raw:?}: unknown unit {unit:?}")]
    Unit {
        /// The raw text.
        raw: String,
        /// The unit as written.
        unit: String,
    },
    /// A country name or code that is not in the table.
    #[error("country {raw:?} is not known")]
    Country {
        /// The raw text.
        raw: String,
    },
}

/// Normalises `raw` as a value of type `kind`, written in `locale`, to its
/// canonical form (see `crate::field`). Text is trimmed with runs of
/// whitespace collapsed to one space.
pub fn normalise(kind: FieldType, raw: &str, locale: &Locale) -> Result<String, NormaliseError> {
    match kind {
        FieldType::Text => Ok(text(raw)),
        FieldType::Date => date_in_text(raw, locale.date_order).map(|d| d.to_string()),
        FieldType::Number => number(raw, locale.decimal).map(format_number),
        FieldType::Weight => weight_kg(raw, locale.decimal).map(format_number),
        FieldType::Count => count(raw).map(|n| n.to_string()),
        FieldType::HsCode => hs_code(raw),
        FieldType::Country => country_code(raw).map(str::to_string),
        FieldType::Containers => containers(raw),
        FieldType::Seals => seals(raw),
        FieldType::Establishments => establishments(raw),
        FieldType::CertificateNumber => certificate_number(raw),
    }
}

/// `raw` trimmed, with every run of whitespace replaced by one space.
pub fn collapse_spaces(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The error for `raw` that does not read as a `kind`.
fn unreadable(kind: &'static str, raw: &str) -> NormaliseError {
    NormaliseError::Unreadable {
        kind,
        raw: raw.to_string(),
    }
}

/// Reads OCR look-alikes of digits as digits: `O`, `o`, `Q`, `D` as 0, `I`,
/// `l`, `|` as 1, `S` as 5, `B` as 8, `Z` as 2, `G` as 6. Use only where the
/// position says a digit belongs.
fn digit_lookalike(c: char) -> char {
    match c {
        'O' | 'o' | 'Q' | 'D' => '0',
        'I' | 'l' | '|' | 'i' | 'L' => '1',
        'S' | 's' => '5',
        'B' => '8',
        'Z' | 'z' => '2',
        'G' => '6',
        other => other,
    }
}

/// Reads OCR look-alikes of letters as letters: `0` as O, `1` as I, `5` as
/// S, `8` as B, `2` as Z, `6` as G. Use only where the position says a letter belongs.
fn letter_lookalike(c: char) -> char {
    match c {
        '0' => 'O',
        '1' => 'I',
        '5' => 'S',
        '8' => 'B',
        '2' => 'Z',
        '6' => 'G',
        other => other.to_ascii_uppercase(),
    }
}
