//! Tests of the suppression: the cases of issue 16 by hand, and a property test against a
//! plain enumeration of every assignment of the hidden cells.

use proptest::prelude::*;

use super::*;

/// A total with its parts; returns (tables, total, parts).
fn table(total: usize, parts: &[usize]) -> (Tables, CellId, Vec<CellId>) {
    let mut t = Tables::new();
    let total = t.people(total);
    let parts: Vec<CellId> = parts.iter().map(|n| t.people(*n)).collect();
    t.sum(total, &parts);
    (t, total, parts)
}

fn hidden_values(t: &Tables, h: &Hidden, cells: &[CellId]) -> Vec<u32> {
    cells.iter().filter(|c| h.contains(**c)).map(|c| t.value(*c)).collect()
}

#[test]
fn a_lone_small_cell_beside_a_total_takes_the_smallest_other_cell_with_it() {
    // The demo: 9 cases, BTI 4, user cases 3, guidance 2 — guidance alone would be 9 − 4 − 3.
    let (t, total, parts) = table(9, &[4, 3, 2]);
    let primary: Vec<bool> = (0..4).map(|i| i == 3).collect();
    assert_eq!(t.exposed(&primary), vec![parts[2]]);
    let h = t.suppress();
    assert_eq!(hidden_values(&t, &h, &parts), vec![3, 2]);
    assert!(!h.contains(total));
    assert!(t.exposed(&h.0).is_empty());
}

#[test]
fn small_cells_that_add_up_to_little_are_pinned_until_a_larger_one_joins() {
    // Three small cells of a shown 12 that must hold 1 + 1 + 1: each would be 1.
    let (t, _, parts) = table(12, &[9, 1, 1, 1]);
    let h = t.suppress();
    assert_eq!(hidden_values(&t, &h, &parts), vec![9, 1, 1, 1], "only 9 can cover them");
    // Months of the demo: 0, 1, 2, 1, 5, 0 of 9 — three hidden cells of 4 in all are each 1..2.
    let (t, _, parts) = table(9, &[0, 1, 2, 1, 5, 0]);
    let h = t.suppress();
    assert_eq!(hidden_values(&t, &h, &parts), vec![1, 2, 1, 5]);
    assert!(!h.contains(parts[0]) && !h.contains(parts[5]), "zeros are never hidden");
}

#[test]
fn many_small_cells_with_room_between_them_need_nothing_more() {
    // Ages of the demo: 1, 2, 2, 1, 1, 1, 1 of 9 — each hidden cell could be 1, 2 or 3.
    let (t, total, _) = table(9, &[1, 2, 2, 1, 1, 1, 1]);
    let h = t.suppress();
    assert_eq!(h.count(), 7);
    assert!(!h.contains(total));
}

#[test]
fn a_part_at_most_its_whole_can_pin_two_small_cells() {
    // Waiting 1 and in follow-up 2 of 3 discussed: together at most 3, so each is 1 or 2.
    let mut t = Tables::new();
    let discussed = t.people(3);
    let waiting = t.people(1);
    let follow = t.people(2);
    let other = t.people(4);
    t.at_most(&[waiting, follow], &[discussed]);
    let total = t.people(7);
    t.sum(total, &[discussed, other]);
    let primary = vec![false, true, true, false, false];
    assert_eq!(t.exposed(&primary), vec![waiting, follow]);
    let h = t.suppress();
    assert!(h.contains(discussed) && h.contains(other) && !h.contains(total), "{h:?}");
}

#[test]
fn measures_for_one_or_two_people_are_hidden_however_many_they_are() {
    let mut t = Tables::new();
    let total = t.measures(9, 4);
    let a = t.measures(4, 1);
    let b = t.measures(5, 3);
    t.sum(total, &[a, b]);
    let h = t.suppress();
    assert!(h.contains(a) && h.contains(b), "4 measures for one person, and its complement");
    assert!(!h.contains(total));
}

#[test]
fn a_hidden_total_needs_a_hidden_part_in_every_table_it_totals() {
    // Two cases in all (hidden), one table 2 + 0, another 1 + 1: all small, all hidden.
    let mut t = Tables::new();
    let total = t.people(2);
    let ways = [t.people(2), t.people(0)];
    let units = [t.people(1), t.people(1)];
    t.sum(total, &ways);
    t.sum(total, &units);
    let h = t.suppress();
    assert!(h.contains(total) && h.contains(ways[0]) && !h.contains(ways[1]));
    assert!(h.contains(units[0]) && h.contains(units[1]));
    assert!(t.exposed(&h.0).is_empty());
}

#[test]
fn division_rounds_the_right_way() {
    assert_eq!((div_floor(7, 2), div_ceil(7, 2)), (3, 4));
    assert_eq!((div_floor(-7, 2), div_ceil(-7, 2)), (-4, -3));
    assert_eq!((div_floor(7, -2), div_ceil(7, -2)), (-4, -3));
    assert_eq!((div_floor(-6, -2), div_ceil(-6, -2)), (3, 3));
}

/// Every assignment of the hidden cells in 1..=cap that keeps every relation: for each hidden
/// cell, the least and greatest value it can take.
fn ranges_by_enumeration(t: &Tables, hidden: &[bool], cap: u32) -> Vec<(u32, u32)> {
    let vars: Vec<usize> = (0..t.cells.len()).filter(|i| hidden[*i]).collect();
    let mut values: Vec<i64> = t.cells.iter().map(|c| i64::from(c.value)).collect();
    let mut ranges = vec![(u32::MAX, 0); vars.len()];
    let mut digits = vec![1u32; vars.len()];
    loop {
        for (v, cell) in vars.iter().enumerate() {
            values[*cell] = i64::from(digits[v]);
        }
        let holds = t.relations.iter().all(|r| {
            let s: i64 = r.terms.iter().map(|(i, k)| k * values[*i]).sum();
            if r.equal { s == 0 } else { s <= 0 }
        });
        if holds {
            for (v, d) in digits.iter().enumerate() {
                ranges[v] = (ranges[v].0.min(*d), ranges[v].1.max(*d));
            }
        }
        let Some(next) = digits.iter().position(|d| *d < cap) else { break };
        digits[..next].iter_mut().for_each(|d| *d = 1);
        digits[next] += 1;
    }
    ranges
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Two tables sharing a total, and a part bounded by a cell of the first: what the
    /// suppression leaves hidden, plain enumeration cannot pin.
    #[test]
    fn suppression_leaves_nothing_an_enumeration_can_pin(
        first in proptest::collection::vec(0usize..5, 2..4),
        second in proptest::collection::vec(0usize..5, 2..4),
        bounded in 0usize..5,
    ) {
        let total: usize = first.iter().sum();
        let mut second = second;
        let extra = total as i64 - second.iter().sum::<usize>() as i64;
        // Make the second table add up to the same total.
        if extra >= 0 { second[0] += extra as usize } else {
            let mut left = -extra as usize;
            for n in second.iter_mut() { let take = left.min(*n); *n -= take; left -= take; }
        }
        let bounded = bounded.min(first[0]);
        let mut t = Tables::new();
        let tc = t.people(total);
        let a: Vec<CellId> = first.iter().map(|n| t.people(*n)).collect();
        let b: Vec<CellId> = second.iter().map(|n| t.people(*n)).collect();
        let l = t.people(bounded);
        t.sum(tc, &a);
        t.sum(tc, &b);
        t.at_most(&[l], &[a[0]]);
        let h = t.suppress();
        prop_assume!(h.count() <= 5);
        let cap = total as u32 + 4;
        let ranges = ranges_by_enumeration(&t, &h.0, cap);
        for (lo, hi) in ranges {
            prop_assert!(lo < hi, "a hidden cell is determined: {first:?} {second:?} {bounded}");
            prop_assert!(hi >= THRESHOLD, "a hidden cell is pinned to 1..2");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// The search and plain enumeration agree, within the same bound, on which hidden cells
    /// are exposed — for any choice of hidden cells, not only the suppression's.
    #[test]
    fn the_search_agrees_with_enumeration(
        first in proptest::collection::vec(0usize..5, 2..4),
        bounded in 0usize..5,
        share in 0usize..5,
        mask in proptest::collection::vec(any::<bool>(), 7),
    ) {
        let total: usize = first.iter().sum();
        let mut t = Tables::new();
        let tc = t.people(total);
        let a: Vec<CellId> = first.iter().map(|n| t.people(*n)).collect();
        let l = t.people(bounded.min(total));
        let s = t.people(share.min(total - bounded.min(total)));
        t.sum(tc, &a);
        t.at_most(&[l, s], &[tc]);
        let hidden: Vec<bool> =
            (0..t.cells.len()).map(|i| mask[i] && t.cells[i].value > 0).collect();
        let n = hidden.iter().filter(|h| **h).count();
        prop_assume!(n > 0 && n <= 5);
        let cap = total as u32 + THRESHOLD + n as u32;
        let ranges = ranges_by_enumeration(&t, &hidden, cap);
        let vars: Vec<usize> = (0..t.cells.len()).filter(|i| hidden[*i]).collect();
        let flagged: Vec<CellId> = vars
            .iter()
            .zip(&ranges)
            .filter(|(_, (lo, hi))| lo == hi || *hi < THRESHOLD)
            .map(|(i, _)| CellId(*i))
            .collect();
        prop_assert_eq!(t.exposed(&hidden), flagged);
    }
}
