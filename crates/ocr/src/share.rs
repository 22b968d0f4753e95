//! Sharing a page's lines between several recognisers (browser workers each
//! holding an engine), so that each gets about the same amount of work.

use crate::geometry;
use crate::quad::Quad;

/// Splits the indices of `quads` into `parts` groups (at least one) of
/// about equal recognition work. A line's work is its crop width at the
/// recogniser's height, i.e. its length over its thickness. Every index is
/// in exactly one group, each group in ascending order; groups may be empty
/// when there are fewer lines than parts.
pub fn share_lines(quads: &[Quad], parts: usize) -> Vec<Vec<usize>> {
    let parts = parts.max(1);

    // The longest lines first, each to the group with the least work so far.
    let work = |q: &Quad| {
        let (length, _, thickness) = geometry::direction(q);
        length / thickness.max(1.0)
    };
    let mut order: Vec<usize> = (0..quads.len()).collect();
    order.sort_by(|&a, &b| work(&quads[b]).total_cmp(&work(&quads[a])));
    let mut groups = vec![Vec::new(); parts];
    let mut loads = vec![0.0f32; parts];
    for i in order {
        let least = (0..parts)
            .min_by(|&a, &b| loads[a].total_cmp(&loads[b]))
            .unwrap_or(0);
        loads[least] += work(&quads[i]);
        groups[least].push(i);
    }

    // Ascending indices, so each group reads in detection order.
    for group in &mut groups {
        group.sort_unstable();
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A horizontal line `length` pixels long and 20 thick.
    fn line(length: f32) -> Quad {
        [[0.0, 0.0], [length, 0.0], [length, 20.0], [0.0, 20.0]]
    }

    #[test]
    fn two_parts_get_equal_work_and_every_line_once() {
        let quads: Vec<Quad> = [400.0, 300.0, 200.0, 100.0, 100.0, 100.0]
            .iter()
            .map(|&l| line(l))
            .collect();
        let groups = share_lines(&quads, 2);
        assert_eq!(groups, vec![vec![0, 3, 4], vec![1, 2, 5]]);
    }

    #[test]
    fn fewer_lines_than_parts_leaves_groups_empty() {
        let groups = share_lines(&[line(50.0)], 3);
        assert_eq!(groups, vec![vec![0], vec![], vec![]]);
        assert_eq!(share_lines(&[], 0), vec![Vec::<usize>::new()]);
    }
}
