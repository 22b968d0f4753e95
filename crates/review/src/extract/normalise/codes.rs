//! Codes: HS codes, ISO 6346 container numbers, seals, establishment
//! approval numbers and certificate numbers.

use super::{digit_lookalike, letter_lookalike, NormaliseError};

/// Regular expression (no anchors) for an ISO 6346 container number as
/// printed: owner code of three letters, category U, J or Z, optional
/// space, six digits, optional space, check digit.
pub const CONTAINER_PATTERN: &str = r"[A-Z]{3}[UJZ]\s?\d{6}\s?\d";

/// The digits of an HS code: `0202.30.00 90` gives `0202300090`. The first
/// run of digits, dots, spaces and dashes is read, with look-alike letters
/// inside it taken as digits; fewer than 4 or more than 10 digits is an error.
pub fn hs_code(raw: &str) -> Result<String, NormaliseError> {
    let chars: Vec<char> = raw.chars().collect();
    let mut start = chars
        .iter()
        .position(char::is_ascii_digit)
        .ok_or_else(|| super::unreadable("hs_code", raw))?;
    // A leading zero read as the letter O belongs to the code.
    while start > 0 && matches!(chars[start - 1], 'O' | 'o') {
        start -= 1;
    }
    let mut digits = String::new();
    for (i, &c) in chars.iter().enumerate().skip(start) {
        let next_digitish = chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        let prev_digit = i > 0 && chars[i - 1].is_ascii_digit();
        match c {
            '0'..='9' => digits.push(c),
            '.' | ' ' | '-' | '\u{a0}' if next_digitish => {}
            'O' | 'o' | 'I' | 'l' if prev_digit || next_digitish => digits.push(digit_lookalike(c)),
            _ => break,
        }
    }
    if (4..=10).contains(&digits.len()) {
        Ok(digits)
    } else {
        Err(super::unreadable("hs_code", raw))
    }
}

/// Whether an ISO 6346 container number (4 letters, 7 digits, no spaces)
/// carries the right check digit: `CSQU3054383` is, `CSQU3054384` is not.
pub fn iso6346_check_digit_ok(number: &str) -> bool {
    let chars: Vec<char> = number.chars().collect();
    if chars.len() != 11
        || !chars[..4].iter().all(char::is_ascii_uppercase)
        || !chars[4..].iter().all(char::is_ascii_digit)
    {
        return false;
    }
    let mut sum = 0u32;
    for (position, c) in chars[..10].iter().enumerate() {
        let value = match c.to_digit(10) {
            Some(d) => d,
            None => letter_value(*c),
        };
        sum += value << position;
    }
    let check = (sum % 11) % 10;
    chars[10].to_digit(10) == Some(check)
}

/// ISO 6346 value of a capital letter: A=10, B=12 … Z=38, skipping multiples of 11.
fn letter_value(letter: char) -> u32 {
    let index = letter as u32 - 'A' as u32;
    let mut value = 10 + index;
    // Values 11, 22, 33 are skipped: one step after each one passed.
    for skipped in [11, 22, 33] {
        if value >= skipped {
            value += 1;
        }
    }
    value
}

/// Container numbers in printed order, `,`-joined (`CSQU3054383,MSKU1234565`).
/// Spaces inside a number are dropped; in the owner code digits read as
/// look-alike letters, in the serial letters as look-alike digits. A number
/// with a wrong check digit is kept (rule F3 reports it).
pub fn containers(raw: &str) -> Result<String, NormaliseError> {
    let found = find_containers(raw);
    if found.is_empty() {
        Err(super::unreadable("containers", raw))
    } else {
        Ok(found.join(","))
    }
}

/// Every container number in `raw`, in order.
pub fn find_containers(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in raw.split([',', ';', '/', '|', '\n']) {
        let compact: Vec<char> = piece
            .chars()
            .filter(|c| c.is_alphanumeric())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let mut i = 0;
        while i + 11 <= compact.len() {
            match read_container(&compact[i..i + 11]) {
                Some(number) => {
                    out.push(number);
                    i += 11;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// An ISO 6346 number from exactly 11 characters, repairing look-alikes;
/// `None` when the shape does not fit (at most two repairs, the category U/J/Z).
fn read_container(window: &[char]) -> Option<String> {
    let mut repairs = 0;
    let mut number = String::with_capacity(11);
    for (i, &c) in window.iter().enumerate() {
        let fixed = if i < 4 {
            letter_lookalike(c)
        } else {
            digit_lookalike(c)
        };
        let ok = if i < 4 {
            fixed.is_ascii_uppercase()
        } else {
            fixed.is_ascii_digit()
        };
        if !ok {
            return None;
        }
        if fixed != c {
            repairs += 1;
        }
        number.push(fixed);
    }
    let category_ok = matches!(window[3], 'U' | 'J' | 'Z');
    (category_ok && repairs <= 2).then_some(number)
}

/// Seal numbers in printed order, upper case without spaces, `,`-joined.
/// Commas, semicolons and slashes separate seals; spaces separate them too
/// when every space-separated part looks like a whole seal (6+ characters
/// with 2+ digits), otherwise spaces are inside one seal (`SL 123456`).
pub fn seals(raw: &str) -> Result<String, NormaliseError> {
    let mut out = Vec::new();
    for piece in raw.split([',', ';', '/', '|']) {
        let words: Vec<&str> = piece.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        let whole = |w: &&str| {
            w.chars().count() >= 6 && w.chars().filter(char::is_ascii_digit).count() >= 2
        };
        if words.len() > 1 && words.iter().all(whole) {
            out.extend(words.iter().map(|w| w.to_uppercase()));
        } else {
            out.push(words.concat().to_uppercase());
        }
    }
    if out.is_empty() {
        Err(super::unreadable("seals", raw))
    } else {
        Ok(out.join(","))
    }
}

/// Establishment approval numbers in printed order, upper case with single
/// spaces, `,`-joined (`SIF 4507,EST. 245E`). Approval numbers put a space
/// between their letter prefix and their number, so one OCR dropped is put
/// back (`UY7` is `UY 7`, `EST.2270` is `EST. 2270`).
pub fn establishments(raw: &str) -> Result<String, NormaliseError> {
    static PREFIX: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let prefix =
        PREFIX.get_or_init(|| regex::Regex::new(r"\b(\p{Lu}{2,}\.?)(\d)").expect("prefix pattern"));
    let parts: Vec<String> = raw
        .split([',', ';'])
        .map(|p| super::collapse_spaces(p).to_uppercase())
        .map(|p| prefix.replace_all(&p, "$1 $2").into_owned())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        Err(super::unreadable("establishments", raw))
    } else {
        Ok(parts.join(","))
    }
}

/// The certificate number as printed without spaces; an empty value is an error.
pub fn certificate_number(raw: &str) -> Result<String, NormaliseError> {
    let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        Err(super::unreadable("certificate_number", raw))
    } else {
        Ok(compact)
    }
}

/// The certificate number fitted to the template's pattern: unchanged when
/// it matches whole, else the first reading with one digit taken as the
/// letter it resembles (`F108/204912` → `FI08/204912` for `^FI\d{2}/\d{6}$`)
/// that matches. A full stop or comma read after the number (a speck on a
/// fax: `DA03/423127.`) is dropped when the number then fits. Letters are
/// never read as digits here, so a number printed with a letter where a
/// digit belongs keeps failing the pattern.
pub fn fit_number_pattern(number: &str, pattern: &str) -> String {
    let Ok(re) = regex::Regex::new(pattern) else {
        return number.to_string();
    };
    let whole = |n: &str| {
        re.find(n)
            .is_some_and(|m| m.start() == 0 && m.end() == n.len())
    };
    if whole(number) {
        return number.to_string();
    }
    let unspecked = number.trim_end_matches(['.', ',']);
    if unspecked != number && whole(unspecked) {
        return unspecked.to_string();
    }
    let chars: Vec<char> = number.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let letter = super::letter_lookalike(c);
        if !c.is_ascii_digit() || letter == c {
            continue;
        }
        let mut candidate = chars.clone();
        candidate[i] = letter;
        let candidate: String = candidate.into_iter().collect();
        if whole(&candidate) {
            return candidate;
        }
    }
    number.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certificate_numbers_fit_their_pattern() {
        let p = r"^FI\d{2}/\d{6}$";
        assert_eq!(fit_number_pattern("F108/204912", p), "FI08/204912");
        assert_eq!(fit_number_pattern("FI08/204912", p), "FI08/204912");
        // A letter where a digit belongs (a planted bad number) stays.
        assert_eq!(fit_number_pattern("FIO8/204912", p), "FIO8/204912");
        assert_eq!(fit_number_pattern("F108/20491", p), "F108/20491");
        // A speck read as a full stop after the number.
        assert_eq!(
            fit_number_pattern("DA03/423127.", r"^DA\d{2}/\d{6}$"),
            "DA03/423127"
        );
        assert_eq!(fit_number_pattern("F108/20491.", p), "F108/20491.");
        assert_eq!(
            fit_number_pattern("0001/4507/23", r"^\d{4}/\d{4}/\d{2}$"),
            "0001/4507/23"
        );
    }

    #[test]
    fn hs_codes_keep_digits() {
        assert_eq!(hs_code("0202.30.00 90"), Ok("0202300090".into()));
        assert_eq!(hs_code("HS 0202.30"), Ok("020230".into()));
        assert_eq!(hs_code("O2O2.3O"), Ok("020230".into()));
        assert_eq!(hs_code("02O2.30"), Ok("020230".into()));
        assert!(hs_code("02").is_err());
    }

    #[test]
    fn iso6346_check_digits() {
        assert!(iso6346_check_digit_ok("CSQU3054383"));
        assert!(!iso6346_check_digit_ok("CSQU3054384"));
        assert!(iso6346_check_digit_ok("MSKU1234565"));
        assert!(!iso6346_check_digit_ok("CSQU305438"));
        assert!(!iso6346_check_digit_ok("csqu3054383"));
    }

    #[test]
    fn containers_are_repaired_by_position() {
        assert_eq!(
            containers("CSQU3054383, MSKU1234565"),
            Ok("CSQU3054383,MSKU1234565".into())
        );
        assert_eq!(containers("CSQU 305438 3"), Ok("CSQU3054383".into()));
        assert_eq!(containers("C5QU3O54383"), Ok("CSQU3054383".into()));
        assert_eq!(
            containers("CSQU3054383 MSKU1234565"),
            Ok("CSQU3054383,MSKU1234565".into())
        );
        assert!(containers("NONE").is_err());
    }

    #[test]
    fn seals_and_establishments() {
        assert_eq!(seals("G2382564, G2382565"), Ok("G2382564,G2382565".into()));
        assert_eq!(seals("G2382564 G2382565"), Ok("G2382564,G2382565".into()));
        assert_eq!(seals("sl 123456"), Ok("SL123456".into()));
        assert_eq!(
            establishments("SIF 4507,  sif  1234"),
            Ok("SIF 4507,SIF 1234".into())
        );
        assert_eq!(
            certificate_number("0001 / 4507 / 23"),
            Ok("0001/4507/23".into())
        );
    }
}
