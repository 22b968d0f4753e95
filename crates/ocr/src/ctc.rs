//! CTC decoding: from the recogniser's per-step class probabilities to text.
//!
//! Greedy (best-path) decoding: take the most probable class at each time
//! step, merge repeats, drop the blank. The recognisers are trained for this
//! decoder, and beam search buys little on printed text.

use crate::error::{OcrError, Result};

/// The recogniser's alphabet: class 0 is the CTC blank, classes 1..=n are the
/// dictionary's symbols in file order, and class n + 1, when the network has
/// it, is a space.
#[derive(Debug, Clone, PartialEq)]
pub struct Dictionary {
    symbols: Vec<String>,
}

impl Dictionary {
    /// Parses a dictionary file: one symbol per line, UTF-8.
    pub fn parse(text: &str) -> Result<Dictionary> {
        let symbols: Vec<String> = text
            .split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
            .collect();
        // A trailing newline leaves one empty entry behind.
        let symbols = match symbols.split_last() {
            Some((last, rest)) if last.is_empty() => rest.to_vec(),
            _ => symbols,
        };
        if symbols.is_empty() || symbols.iter().any(|s| s.is_empty()) {
            return Err(OcrError::Model {
                name: "dict".into(),
                detail: format!(
                    "the dictionary has {} symbols, {} of them empty",
                    symbols.len(),
                    symbols.iter().filter(|s| s.is_empty()).count()
                ),
            });
        }
        Ok(Dictionary { symbols })
    }

    /// Number of symbols in the file (without blank and space).
    pub fn len(&self) -> usize {
        self.symbols.len()
    }

    /// Whether the dictionary is empty (never, once parsed).
    pub fn is_empty(&self) -> bool {
        self.symbols.is_empty()
    }

    /// Checks that a network with `classes` output classes fits this
    /// dictionary (blank + symbols, optionally + space).
    pub fn check_classes(&self, classes: usize) -> Result<()> {
        let n = self.symbols.len();
        if classes == n + 1 || classes == n + 2 {
            Ok(())
        } else {
            Err(OcrError::Model {
                name: "rec".into(),
                detail: format!(
                    "the recogniser has {classes} classes but the dictionary has {n} symbols \
                     (expected {} or {})",
                    n + 1,
                    n + 2
                ),
            })
        }
    }

    /// The text of class `class` (1-based into the dictionary; n + 1 is space).
    fn symbol(&self, class: usize) -> &str {
        self.symbols
            .get(class - 1)
            .map(String::as_str)
            .unwrap_or(" ")
    }
}

/// Decodes one line from probabilities of shape (`steps`, `classes`),
/// row-major. Returns the text and its confidence: the mean probability of
/// the emitted characters (0.0 when nothing is emitted).
///
/// Rows that do not sum to one are taken as logits and soft-maxed first.
pub fn decode(dict: &Dictionary, probs: &[f32], classes: usize) -> (String, f32) {
    let mut text = String::new();
    let (mut sum, mut count) = (0.0f32, 0usize);
    let mut previous = 0usize;
    for row in probs.chunks_exact(classes) {
        // The best class at this step, and its probability.
        let (best, &value) = row
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .unwrap_or((0, &0.0));
        let p = probability(row, value);

        // Emit it unless it is the blank or repeats the previous step.
        if best != 0 && best != previous {
            text.push_str(dict.symbol(best));
            sum += p;
            count += 1;
        }
        previous = best;
    }
    let confidence = if count == 0 { 0.0 } else { sum / count as f32 };
    (text, confidence)
}

/// The probability of `value` within `row`: itself if the row already sums
/// to one, else its softmax.
fn probability(row: &[f32], value: f32) -> f32 {
    let total: f32 = row.iter().sum();
    if (total - 1.0).abs() < 1e-2 && row.iter().all(|v| *v >= 0.0) {
        return value;
    }
    let denom: f32 = row.iter().map(|v| (v - value).exp()).sum();
    1.0 / denom
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict() -> Dictionary {
        Dictionary::parse("a\nb\né\n").unwrap()
    }

    /// One-hot rows of 5 classes (blank, a, b, é, space) with probability 0.9.
    fn rows(classes: &[usize]) -> Vec<f32> {
        let mut out = Vec::new();
        for &c in classes {
            let mut row = [0.025f32; 5];
            row[c] = 0.9;
            out.extend_from_slice(&row);
        }
        out
    }

    #[test]
    fn repeats_merge_and_blanks_separate_doubled_letters() {
        let (text, confidence) = decode(&dict(), &rows(&[1, 1, 0, 1, 2, 0, 4, 3, 3]), 5);
        assert_eq!(text, "aab é");
        assert!((confidence - 0.9).abs() < 1e-6);
    }

    #[test]
    fn logits_are_softmaxed_for_the_confidence() {
        let logits = [0.0f32, 2.0, 0.0, 0.0, 0.0];
        let (text, confidence) = decode(&dict(), &logits, 5);
        assert_eq!(text, "a");
        let expected = 2f32.exp() / (2f32.exp() + 4.0);
        assert!((confidence - expected).abs() < 1e-5, "{confidence}");
    }

    #[test]
    fn only_blanks_is_empty_text_with_zero_confidence() {
        assert_eq!(decode(&dict(), &rows(&[0, 0, 0]), 5), (String::new(), 0.0));
    }

    #[test]
    fn class_count_must_fit_the_dictionary() {
        assert!(dict().check_classes(5).is_ok());
        assert!(dict().check_classes(4).is_ok());
        let err = dict().check_classes(7).unwrap_err().to_string();
        assert!(
            err.contains("7 classes") && err.contains("3 symbols"),
            "{err}"
        );
    }

    #[test]
    fn a_dictionary_with_an_empty_line_is_refused() {
        assert!(Dictionary::parse("a\n\nb\n").is_err());
    }
}
