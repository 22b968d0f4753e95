//! Calendar arithmetic on `jiff` dates through day counts, and dates printed
//! in a template's strftime-like format (also impossible ones, for `bad-date`).

use jiff::civil::Date;

use crate::formats;

/// Days since 1970-01-01.
pub(crate) fn to_days(date: Date) -> i64 {
    formats::Date {
        year: i32::from(date.year()),
        month: date.month() as u32,
        day: date.day() as u32,
    }
    .to_days()
}

/// The date `days` days after 1970-01-01 (clamped to years 1..=9999).
pub(crate) fn from_days(days: i64) -> Date {
    let d = formats::Date::from_days(days);
    let year = d.year.clamp(1, 9999) as i16;
    Date::new(year, d.month as i8, d.day as i8).unwrap_or(Date::constant(2026, 1, 1))
}

/// `date` moved by `days` (negative for earlier).
pub(crate) fn plus(date: Date, days: i64) -> Date {
    from_days(to_days(date) + days)
}

/// Whole days from `a` to `b` (positive when `b` is later).
pub(crate) fn between(a: Date, b: Date) -> i64 {
    to_days(b) - to_days(a)
}

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];

const MONTHS_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Prints year, month and day in `format` (`%d`, `%e`, `%m`, `%Y`, `%y`, `%b`,
/// `%B`, `%%`; other characters as they are). Month and day are not checked,
/// so month 13 prints as `13`; a month name outside 1..=12 prints as `???`.
pub(crate) fn format_parts(format: &str, year: i32, month: u32, day: u32) -> String {
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        // A `-` flag drops the leading zero (`%-d`).
        let mut spec = chars.next();
        let mut pad = true;
        if spec == Some('-') {
            pad = false;
            spec = chars.next();
        }
        let two = |v: u32| {
            if pad {
                format!("{v:02}")
            } else {
                v.to_string()
            }
        };
        let name = |names: &[&str; 12]| {
            if (1..=12).contains(&month) {
                names[month as usize - 1].to_string()
            } else {
                "???".to_string()
            }
        };
        match spec {
            Some('d') => out.push_str(&two(day)),
            Some('e') => out.push_str(&format!("{day:>2}")),
            Some('m') => out.push_str(&two(month)),
            Some('Y') => out.push_str(&year.to_string()),
            Some('y') => out.push_str(&format!("{:02}", year.rem_euclid(100))),
            Some('b') | Some('h') => out.push_str(&name(&MONTHS)),
            Some('B') => out.push_str(&name(&MONTHS_LONG)),
            Some('%') => out.push('%'),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
    }
    out.trim().to_string()
}

/// `date` printed in `format`.
pub(crate) fn format(format: &str, date: Date) -> String {
    format_parts(
        format,
        i32::from(date.year()),
        date.month() as u32,
        date.day() as u32,
    )
}

/// `date` printed in `format` with an impossible month 13, or day 32 when the
/// format names the month.
pub(crate) fn format_impossible(format: &str, date: Date) -> String {
    let year = i32::from(date.year());
    if format.contains("%m") || format.contains("%-m") {
        format_parts(format, year, 13, date.day() as u32)
    } else {
        format_parts(format, year, date.month() as u32, 32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_shifts() {
        let d = Date::constant(2026, 3, 5);
        assert_eq!(format("%d/%m/%Y", d), "05/03/2026");
        assert_eq!(format("%m/%d/%Y", d), "03/05/2026");
        assert_eq!(format("%d %b %Y", d), "05 MAR 2026");
        assert_eq!(format("%Y-%m-%d", d), "2026-03-05");
        assert_eq!(format("%d.%m.%Y", d), "05.03.2026");
        assert_eq!(format_impossible("%d/%m/%Y", d), "05/13/2026");
        assert_eq!(format_impossible("%d %b %Y", d), "32 MAR 2026");
        assert_eq!(plus(d, 27), Date::constant(2026, 4, 1));
        assert_eq!(between(d, Date::constant(2026, 4, 1)), 27);
    }
}
