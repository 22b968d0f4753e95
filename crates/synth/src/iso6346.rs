//! ISO 6346 freight container numbers: owner code (3 letters), category
//! letter (U, J or Z), 6-digit serial and a check digit.
//!
//! Written by hand: the check digit is a dozen lines and no well-kept crate
//! does only this.

use crate::SynthError;

/// Numeric value of a letter in the check-digit sum: A=10, B=12 … Z=38,
/// skipping the multiples of 11.
fn letter_value(letter: char) -> Option<u32> {
    if !letter.is_ascii_uppercase() {
        return None;
    }
    let mut value = 10;
    for c in 'A'..=letter {
        if value % 11 == 0 {
            value += 1;
        }
        if c == letter {
            return Some(value);
        }
        value += 1;
    }
    None
}

/// Check digit (0..=9) for a 10-character prefix: 4 capital letters then 6 digits,
/// e.g. "CSQU305438" → 3.
pub fn check_digit(prefix: &str) -> Result<u8, SynthError> {
    // Validate the shape.
    let chars: Vec<char> = prefix.chars().collect();
    let shape_ok = chars.len() == 10
        && chars[..4].iter().all(|c| c.is_ascii_uppercase())
        && chars[4..].iter().all(|c| c.is_ascii_digit());
    if !shape_ok {
        return Err(SynthError::ContainerPrefix {
            prefix: prefix.to_string(),
        });
    }

    // Weighted sum with weights 2^position, modulo 11, 10 counted as 0.
    let mut sum = 0u32;
    for (position, c) in chars.iter().enumerate() {
        let value = match c.to_digit(10) {
            Some(digit) => digit,
            None => letter_value(*c).unwrap_or(0),
        };
        sum += value << position;
    }
    Ok((sum % 11 % 10) as u8)
}

/// True if `number` is a container number with a correct check digit. Spaces and
/// hyphens between the parts are ignored ("MSKU 123456-5" is read as "MSKU1234565").
pub fn is_valid(number: &str) -> bool {
    let compact: String = number.chars().filter(|c| *c != ' ' && *c != '-').collect();
    if compact.len() != 11 || !compact.is_ascii() {
        return false;
    }
    let (prefix, digit) = compact.split_at(10);
    match (check_digit(prefix), digit.parse::<u8>()) {
        (Ok(expected), Ok(found)) => expected == found,
        _ => false,
    }
}

/// Finds everything shaped like a container number in `text` (4 capital letters
/// ending in U, J or Z, 6 digits, 1 digit, optionally separated by one space or
/// hyphen) and returns each in compact form, valid or not.
pub fn find_in_text(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut start = 0;
    while start + 4 <= chars.len() {
        if let Some((compact, end)) = container_at(&chars, start) {
            found.push(compact);
            start = end;
        } else {
            start += 1;
        }
    }
    found
}

/// Reads a container number starting exactly at `start`; returns it compact
/// with the index just past it.
fn container_at(chars: &[char], start: usize) -> Option<(String, usize)> {
    // Owner code and category, not glued to a preceding word.
    if start > 0 && chars[start - 1].is_alphanumeric() {
        return None;
    }
    let owner = chars.get(start..start + 4)?;
    if !owner.iter().all(|c| c.is_ascii_uppercase()) || !matches!(owner[3], 'U' | 'J' | 'Z') {
        return None;
    }
    let mut compact: String = owner.iter().collect();
    let mut i = start + 4;

    // Serial (6 digits) and check digit, each optionally after one separator.
    for count in [6, 1] {
        if matches!(chars.get(i), Some(' ') | Some('-')) {
            i += 1;
        }
        let digits = chars.get(i..i + count)?;
        if !digits.iter().all(|c| c.is_ascii_digit()) {
            return None;
        }
        compact.extend(digits);
        i += count;
    }

    // Not followed by more of a word.
    if chars.get(i).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    Some((compact, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_values_skip_multiples_of_eleven() {
        assert_eq!(letter_value('A'), Some(10));
        assert_eq!(letter_value('B'), Some(12));
        assert_eq!(letter_value('K'), Some(21));
        assert_eq!(letter_value('L'), Some(23));
        assert_eq!(letter_value('U'), Some(32));
        assert_eq!(letter_value('V'), Some(34));
        assert_eq!(letter_value('Z'), Some(38));
        assert_eq!(letter_value('a'), None);
    }

    #[test]
    fn known_container_numbers() {
        // The standard's worked example, and one worked by hand.
        assert_eq!(check_digit("CSQU305438").unwrap(), 3);
        assert!(is_valid("CSQU3054383"));
        assert!(is_valid("CSQU 305438-3"));
        assert!(!is_valid("CSQU3054384"));
        assert_eq!(check_digit("MSKU123456").unwrap(), 5);
        assert!(is_valid("MSKU 123456 5"));
    }

    #[test]
    fn bad_prefixes_are_errors() {
        assert!(check_digit("CSQ305438").is_err());
        assert!(check_digit("csqu305438").is_err());
        assert!(check_digit("CSQU30543X").is_err());
        assert!(check_digit("").is_err());
        assert!(!is_valid("CSQU305438"));
        assert!(!is_valid("ÄSQU3054383"));
    }

    #[test]
    fn finds_numbers_in_text() {
        let text = "Container No.: MSKU 123456-5 / CSQU3054383, seal ML-BR 1234567";
        assert_eq!(find_in_text(text), vec!["MSKU1234565", "CSQU3054383"]);
        assert!(find_in_text("XMSKU1234565").is_empty());
        assert!(find_in_text("MSKU12345651").is_empty());
    }
}
