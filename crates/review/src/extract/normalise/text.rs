//! Free text: spaces collapsed, and the spaces OCR tends to drop put back.

use std::sync::OnceLock;

use regex::Regex;

use super::collapse_spaces;

/// Free text normalised: trimmed, runs of whitespace as one space, and a
/// space restored where the tiny recogniser drops it: after a full stop
/// that ends a word of two or more letters (`NO.7`, `Dr.Smith`) or an
/// initial (`P.R.`, `J.Miller`), after a comma before a letter
/// (`CO.,LTD.`), and between two words run together (`SarahO'Connor`,
/// `MatthiasBecker`: four or more lower-case letters then a capital).
pub fn text(raw: &str) -> String {
    static RULES: OnceLock<[(Regex, &str); 4]> = OnceLock::new();
    let rules = RULES.get_or_init(|| {
        let re = |p: &str| Regex::new(p).expect("text rule");
        [
            (re(r"(\p{L}{2,})\.([\p{Lu}0-9])"), "$1. $2"),
            (re(r"\b(\p{Lu})\.(\p{Lu})"), "$1. $2"),
            (re(r",(\p{L})"), ", $1"),
            (re(r"(\p{Ll}{4,})(\p{Lu})"), "$1 $2"),
        ]
    });
    let mut out = collapse_spaces(raw);
    for (re, with) in rules {
        // Twice: matches that share a letter ("P.R.C") come one at a time.
        for _ in 0..2 {
            out = re.replace_all(&out, *with).into_owned();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_spaces_come_back() {
        assert_eq!(text("  NO.7  GANGWAN STREET "), "NO. 7 GANGWAN STREET");
        assert_eq!(text("P.R.CHINA"), "P. R. CHINA");
        assert_eq!(text("P. R.CHINA"), "P. R. CHINA");
        assert_eq!(text("Dr. SarahO'Connor"), "Dr. Sarah O'Connor");
        assert_eq!(text("Dr. MatthiasBecker"), "Dr. Matthias Becker");
        assert_eq!(text("CO.,LTD."), "CO., LTD.");
        assert_eq!(text("Dr. Angus MacDonald"), "Dr. Angus MacDonald");
        assert_eq!(text("1,200 cartons of 20.5 kg"), "1,200 cartons of 20.5 kg");
        assert_eq!(
            text("SHANGHAI HAIXIN FOOD CO., LTD."),
            "SHANGHAI HAIXIN FOOD CO., LTD."
        );
    }
}
