//! Text comparison that tolerates OCR: folding (case, spaces, punctuation),
//! name normalisation, and the best similarity of a short text anywhere
//! inside a long one.

/// Lower case, letters and digits only (any script): `"P. R. China"` → `"prchina"`.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Upper case, letters and digits only: `"SIF 4507"` and `"sif-4507"` → `"SIF4507"`.
pub fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// `compact` with the characters OCR confuses in codes folded to one glyph
/// each (O→0, Q→0, I→1, |→1, S→5, B→8, Z→2), for comparing seal numbers read
/// from a page with typed ones: `"O6152866"` and `"06152866"` → `"06152866"`.
/// Digits keep their order, so a transposition still shows.
pub fn glyphs(s: &str) -> String {
    // A vertical bar is how OCR reads an I or a 1 it takes for a rule.
    compact(&s.replace('|', "1"))
        .chars()
        .map(|c| match c {
            'O' | 'Q' => '0',
            'I' => '1',
            'S' => '5',
            'B' => '8',
            'Z' => '2',
            other => other,
        })
        .collect()
}

/// Whether `read` and `typed` (both [`glyphs`]) differ only by one
/// character at either end, as OCR slips at a word's edges: a stroke of a
/// box line or stamp read as an extra "F" or "1", a first letter dropped, or
/// a letter read as something else ("F" as "1"). A digit is never changed
/// into another digit, and no digit but a 1 (a bar) may appear or vanish:
/// consecutive seals ("…564", "…565") and an edited digit still differ, and
/// so do two digits transposed. Codes shorter than 6 characters get no
/// tolerance.
pub fn edge_slip(read: &str, typed: &str) -> bool {
    let (r, t): (Vec<char>, Vec<char>) = (read.chars().collect(), typed.chars().collect());
    if t.len() < 6 || r.len().abs_diff(t.len()) > 1 {
        return false;
    }
    let stray = |c: char| !c.is_ascii_digit() || c == '1';
    let (n, m) = (r.len(), t.len());
    match n.cmp(&m) {
        std::cmp::Ordering::Greater => {
            (r[1..] == t[..] && stray(r[0])) || (r[..n - 1] == t[..] && stray(r[n - 1]))
        }
        std::cmp::Ordering::Less => {
            (t[1..] == r[..] && stray(t[0])) || (t[..m - 1] == r[..] && stray(t[m - 1]))
        }
        std::cmp::Ordering::Equal => {
            let differ: Vec<usize> = (0..n).filter(|&i| r[i] != t[i]).collect();
            match differ[..] {
                [] => true,
                [i] if i == 0 || i == n - 1 => !(r[i].is_ascii_digit() && t[i].is_ascii_digit()),
                _ => false,
            }
        }
    }
}

/// Words of a company name that say nothing about which company it is.
const LEGAL_FORMS: &[&str] = &[
    "CO",
    "COMPANY",
    "LTD",
    "LIMITED",
    "INC",
    "INCORPORATED",
    "CORP",
    "CORPORATION",
    "LLC",
    "PLC",
    "PTY",
    "GMBH",
    "AG",
    "SA",
    "SAS",
    "SARL",
    "SRL",
    "SPA",
    "BV",
    "NV",
    "AS",
    "APS",
    "AB",
    "OY",
    "LDA",
    "LTDA",
    "EIRELI",
    "KG",
    "CV",
    "DE",
    "THE",
];

/// A company name for comparison: upper case, punctuation dropped, legal-form
/// words (CO., LTD., GMBH...) removed, words joined by one space.
/// `"Shanghai Haixin Food Co., Ltd."` → `"SHANGHAI HAIXIN FOOD"`.
pub fn company(s: &str) -> String {
    let spaced: String = s
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .flat_map(char::to_uppercase)
        .collect();
    spaced
        .split_whitespace()
        .filter(|w| !LEGAL_FORMS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A person's name for comparison: upper case, punctuation dropped, titles
/// (Dr, Mr, DVM...) removed. `"Dr. Sarah O'Connor"` → `"SARAH O CONNOR"`.
pub fn person(s: &str) -> String {
    const TITLES: &[&str] = &[
        "DR", "MR", "MRS", "MS", "MISS", "PROF", "DVM", "BVSC", "MVB", "VMD", "PHD", "MRCVS",
    ];
    let spaced: String = s
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .flat_map(char::to_uppercase)
        .collect();
    spaced
        .split_whitespace()
        .filter(|w| !TITLES.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Normalised Levenshtein similarity 0.0..=1.0 of two already normalised texts.
pub fn similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_levenshtein(a, b)
}

/// The best similarity 0.0..=1.0 of `pattern` to any stretch of `text`: one
/// minus the smallest edit distance between `pattern` and a substring of
/// `text`, over the pattern's length. Both should be folded first.
///
/// This is the best sliding window, with windows of any length: a
/// semi-global alignment, O(len(pattern) × len(text)) time and
/// O(len(pattern)) memory.
pub fn best_window(pattern: &str, text: &str) -> f64 {
    let p: Vec<char> = pattern.chars().collect();
    if p.is_empty() {
        return 1.0;
    }
    // column[i] = distance of p[..i] to the best substring ending here.
    let mut column: Vec<usize> = (0..=p.len()).collect();
    let mut best = p.len();
    for t in text.chars() {
        let mut diagonal = column[0];
        column[0] = 0;
        for i in 1..=p.len() {
            let substitute = diagonal + usize::from(p[i - 1] != t);
            diagonal = column[i];
            column[i] = substitute.min(column[i] + 1).min(column[i - 1] + 1);
        }
        best = best.min(column[p.len()]);
    }
    1.0 - best as f64 / p.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_normalises_names() {
        assert_eq!(fold("P. R. China"), "prchina");
        assert_eq!(fold("中华人民共和国"), "中华人民共和国");
        assert_eq!(compact("sif-4507"), "SIF4507");
        assert_eq!(
            company("Shanghai Haixin Food Co., Ltd. "),
            "SHANGHAI HAIXIN FOOD"
        );
        assert_eq!(person("Dr. Sarah O'Connor"), "SARAH O CONNOR");
    }

    #[test]
    fn glyphs_fold_look_alikes_but_keep_digit_order() {
        assert_eq!(glyphs("O6152866"), "06152866");
        assert_eq!(glyphs("he-O9121792"), glyphs("HE09121792"));
        assert_eq!(glyphs("BS1Z"), "8512");
        // A planted transposition still differs.
        assert_ne!(glyphs("O6152866"), glyphs("O6125866"));
        // A seal's I read as a bar on a clean page (DE-DAIRY).
        assert_eq!(glyphs("|3073862"), glyphs("I3073862"));
    }

    #[test]
    fn edge_slips_are_one_glyph_at_an_end() {
        // Faxed AU-DAIRY seals: a stray "F" before, "F" read as "1".
        assert!(edge_slip("FHDL1361209", "HDL1361209"));
        assert!(edge_slip("17088262", "F7088262"));
        assert!(edge_slip("7088262", "F7088262"));
        assert!(edge_slip("F70882621", "F7088262"));
        // Transpositions, inner changes and short codes are not slips.
        assert!(!edge_slip("71088262", "17088262"));
        assert!(!edge_slip("F7088622", "F7088262"));
        assert!(!edge_slip("F7089262", "F7088262"));
        assert!(!edge_slip("X1234", "1234"));
        assert!(!edge_slip("XF70882621", "F7088262"));
        // A digit changed, added or dropped at an end is another seal.
        assert!(!edge_slip("G2382565", "G2382564"));
        assert!(!edge_slip("G23825645", "G2382564"));
        assert!(!edge_slip("G238256", "G2382564"));
    }

    #[test]
    fn best_window_finds_a_text_inside_another() {
        assert_eq!(best_window("abc", "xxabcxx"), 1.0);
        assert!((best_window("abcd", "xxabxdxx") - 0.75).abs() < 1e-9);
        assert_eq!(best_window("", "x"), 1.0);
        assert_eq!(best_window("ab", ""), 0.0);
    }
}
