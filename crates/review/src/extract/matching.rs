//! Fuzzy matching of printed texts (anchors, labels) against OCR lines.
//!
//! Texts are compared folded: lower case, Latin accents dropped, spaces and
//! punctuation removed, so that `Consignee / Destinataire:` and
//! `CONSIGNEE/DESTINATAIRE` are the same text. Chinese and Cyrillic letters
//! are kept as they are.

use strsim::normalized_levenshtein;

/// The lower-case base letter(s) of `c` without its accent (`é` → `e`,
/// `æ` → `ae`, `ß` → `ss`), or `c` lower-cased.
pub fn fold_char(c: char) -> impl Iterator<Item = char> {
    let base: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ă' => {
            "a"
        }
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'ń' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ș' | 'ş' | 'š' | 'Ș' | 'Ş' | 'Š' => "s",
        'ț' | 'ţ' | 'Ț' | 'Ţ' => "t",
        'ž' | 'Ž' => "z",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ß' => "ss",
        _ => "",
    };
    let mut out: Vec<char> = base.chars().collect();
    if out.is_empty() {
        out.extend(c.to_lowercase());
    }
    out.into_iter()
}

/// `text` folded for comparison: letters and digits only, lower case,
/// accents dropped.
pub fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(fold_char)
        .collect()
}

/// How well an OCR line (folded) holds an expected text (folded), 0..=1.
///
/// The best of: the whole line against the text; the line's start against
/// the text (OCR merged the label with the value after it); and, for long
/// texts, the line against the text's start (the text was wrapped), scaled
/// down by how much of the text the line covers. Texts of up to three
/// characters must match exactly.
pub fn similarity(expected: &str, line: &str) -> f32 {
    let e: Vec<char> = expected.chars().collect();
    let l: Vec<char> = line.chars().collect();
    if e.is_empty() || l.is_empty() {
        return 0.0;
    }
    if e.len() <= 3 {
        return if l.starts_with(&e) { 1.0 } else { 0.0 };
    }
    let mut best = normalized_levenshtein(expected, line) as f32;

    // The label at the start of a longer line.
    if l.len() > e.len() {
        for len in e.len().saturating_sub(1)..=(e.len() + 1).min(l.len()) {
            let head: String = l[..len].iter().collect();
            best = best.max(normalized_levenshtein(expected, &head) as f32);
        }
    }

    // The start of a long text wrapped over several lines.
    if l.len() >= 8 && l.len() * 3 < e.len() * 2 {
        let head: String = e[..l.len()].iter().collect();
        let covered = l.len() as f32 / e.len() as f32;
        best = best.max(normalized_levenshtein(&head, line) as f32 * (0.4 + 0.6 * covered));
    }
    best
}

/// How many characters of `raw` make up its first `folded_len` folded
/// characters, so that a label can be cut off the start of a merged line.
/// Returns a byte index into `raw`.
pub fn raw_prefix_end(raw: &str, folded_len: usize) -> usize {
    let mut count = 0;
    for (i, c) in raw.char_indices() {
        if count >= folded_len {
            return i;
        }
        if c.is_alphanumeric() {
            count += fold_char(c).count();
        }
    }
    raw.len()
}

/// The length (in folded characters) of the start of `line` that best
/// matches `expected`, and how well it matches.
pub fn best_prefix(expected: &str, line: &str) -> (usize, f32) {
    let e_len = expected.chars().count();
    let l: Vec<char> = line.chars().collect();
    let mut best = (l.len(), 0.0);
    for len in e_len.saturating_sub(2)..=(e_len + 2).min(l.len()) {
        let head: String = l[..len].iter().collect();
        let s = normalized_levenshtein(expected, &head) as f32;
        if s > best.1 {
            best = (len, s);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_accents_and_punctuation() {
        assert_eq!(fold("Consignee / Destinataire:"), "consigneedestinataire");
        assert_eq!(fold("Expéditeur (Nom, adresse)"), "expediteurnomadresse");
        assert_eq!(fold("收货人 Consignee"), "收货人consignee");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn merged_and_wrapped_lines_match() {
        let label = fold("Net weight");
        assert_eq!(similarity(&label, &fold("Net weight")), 1.0);
        assert_eq!(similarity(&label, &fold("Net weight 24,560.00 kg")), 1.0);
        assert!(similarity(&label, &fold("Nct weight")) > 0.85);
        assert!(similarity(&label, &fold("Gross weight")) < 0.75);
        let title = fold("Veterinary health certificate for frozen beef exported to China");
        let wrapped = similarity(&title, &fold("Veterinary health certificate for"));
        assert!(wrapped > 0.5 && wrapped < 0.8, "{wrapped}");
        assert_eq!(similarity("no", "no123"), 1.0);
        assert_eq!(similarity("no", "on"), 0.0);
    }

    #[test]
    fn cutting_a_label_off_a_merged_line() {
        let raw = "Net weight: 24,560.00 kg";
        let (len, score) = best_prefix(&fold("Net weight"), &fold(raw));
        assert_eq!((len, score), (9, 1.0));
        assert_eq!(
            raw[raw_prefix_end(raw, len)..].trim_start_matches([':', ' ']),
            "24,560.00 kg"
        );
    }
}
