//! Scoring a trainee's marks against the planted faults.

use std::collections::BTreeSet;

use synth::certificate::Fault;

/// How the trainee's marks compare with the answer key, fault kind by fault
/// kind (a mark of another fault that trips the same rule does not count).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    /// Planted faults the trainee marked.
    pub hits: usize,
    /// Planted faults the trainee did not mark.
    pub misses: usize,
    /// Marked fault kinds that were not planted.
    pub false_marks: usize,
}

impl Score {
    /// Compares the marks with the planted faults.
    pub fn of(marked: &BTreeSet<Fault>, planted: &BTreeSet<Fault>) -> Score {
        Score {
            hits: marked.intersection(planted).count(),
            misses: planted.difference(marked).count(),
            false_marks: marked.difference(planted).count(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_misses_and_false_marks_are_counted_per_fault_kind() {
        let planted: BTreeSet<Fault> = [Fault::NetOverGross, Fault::WeightMismatch, Fault::BadDate]
            .into_iter()
            .collect();
        let marked: BTreeSet<Fault> = [Fault::NetOverGross, Fault::CopyMark].into_iter().collect();
        assert_eq!(
            Score::of(&marked, &planted),
            Score {
                hits: 1,
                misses: 2,
                false_marks: 1
            }
        );
        assert_eq!(
            Score::of(&planted, &planted),
            Score {
                hits: 3,
                misses: 0,
                false_marks: 0
            }
        );
        assert_eq!(
            Score::of(&BTreeSet::new(), &BTreeSet::new()),
            Score::default()
        );
    }
}
