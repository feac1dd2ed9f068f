//! Disclosure control for the tables a report publishes: which cells to hide so that no count
//! of 1–2 people is shown, and no hidden count can be worked out — exactly, or as "1 or 2" —
//! from the published cells and the relations that link them (primary and secondary
//! suppression). Pure: tables as data in, a hidden-or-shown decision per cell out.
//!
//! The reader is assumed to know every published cell, every relation (a total is the sum of
//! its parts, a part is at most its whole) and that zeros are never hidden, so a hidden cell is
//! a whole number of at least 1. A hidden cell is *protected* when the published figures allow
//! it a value other than its own and a value of at least [`THRESHOLD`]. Cells about 1–2 people
//! are hidden first; then, one at a time, the shown cell that leaves the fewest hidden cells
//! unprotected (the smallest on a tie) is hidden too, until every hidden cell is protected.
//! Protection is checked by a small exact search over the integer solutions (bounds
//! propagation and bisection, with a budget): a cell the search cannot clear counts as
//! unprotected, so the search may hide too much, never too little.

/// Counts of people below this are hidden, and no hidden count may be pinned below it.
pub const THRESHOLD: u32 = 3;

/// How many nodes one question to the search may visit before it gives up (and the cell
/// counts as unprotected).
const BUDGET: u32 = 20_000;

/// A cell of a table, as [`Tables`] hands it out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellId(usize);

/// One publishable figure: its value, and how many people stand behind it (a count of
/// measures can be about fewer people than measures).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Cell {
    value: u32,
    people: u32,
}

/// Σ coefficient × cell, equal to 0 or at most 0.
#[derive(Clone, Debug)]
struct Relation {
    terms: Vec<(usize, i64)>,
    equal: bool,
}

/// Tables as data: the cells of every table that is published together, and the relations
/// a reader knows between them (row and column totals, tables that share a margin).
#[derive(Clone, Debug, Default)]
pub struct Tables {
    cells: Vec<Cell>,
    relations: Vec<Relation>,
}

/// Which cells to hide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hidden(Vec<bool>);

impl Hidden {
    /// Nothing hidden.
    pub fn none(tables: &Tables) -> Hidden {
        Hidden(vec![false; tables.cells.len()])
    }

    /// Whether this cell is hidden.
    pub fn contains(&self, cell: CellId) -> bool {
        self.0[cell.0]
    }

    /// How many cells are hidden.
    pub fn count(&self) -> usize {
        self.0.iter().filter(|h| **h).count()
    }
}

impl Tables {
    /// No cells yet.
    pub fn new() -> Tables {
        Tables::default()
    }

    /// A count of people.
    pub fn people(&mut self, n: usize) -> CellId {
        self.measures(n, n)
    }

    /// A count of things (measures) that concern `people` people.
    pub fn measures(&mut self, n: usize, people: usize) -> CellId {
        let clamp = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        self.cells.push(Cell { value: clamp(n), people: clamp(people) });
        CellId(self.cells.len() - 1)
    }

    /// The value of a cell.
    pub fn value(&self, cell: CellId) -> u32 {
        self.cells[cell.0].value
    }

    /// `total` is the sum of `parts`.
    pub fn sum(&mut self, total: CellId, parts: &[CellId]) {
        self.relate(&[total], parts, true);
    }

    /// The sum of `part` is at most the sum of `whole`.
    pub fn at_most(&mut self, part: &[CellId], whole: &[CellId]) {
        self.relate(part, whole, false);
    }

    fn relate(&mut self, left: &[CellId], right: &[CellId], equal: bool) {
        let mut terms: Vec<(usize, i64)> = Vec::new();
        let mut add = |c: CellId, k: i64| match terms.iter_mut().find(|(i, _)| *i == c.0) {
            Some(t) => t.1 += k,
            None => terms.push((c.0, k)),
        };
        left.iter().for_each(|c| add(*c, 1));
        right.iter().for_each(|c| add(*c, -1));
        terms.retain(|(_, k)| *k != 0);
        self.relations.push(Relation { terms, equal });
    }

    /// The cells that must be hidden: primary (1–2 people) and secondary.
    pub fn suppress(&self) -> Hidden {
        let mut hidden: Vec<bool> =
            self.cells.iter().map(|c| c.value > 0 && (1..THRESHOLD).contains(&c.people)).collect();
        loop {
            let exposed = self.exposed(&hidden);
            let Some(&first) = exposed.first() else { break };
            let shown = |i: &usize| !hidden[*i] && self.cells[*i].value > 0;
            let mut candidates: Vec<usize> = self
                .relations
                .iter()
                .filter(|r| r.terms.iter().any(|(i, _)| *i == first.0))
                .flat_map(|r| r.terms.iter().map(|(i, _)| *i))
                .filter(shown)
                .collect();
            if candidates.is_empty() {
                candidates = (0..self.cells.len()).filter(shown).collect();
            }
            candidates.sort_unstable();
            candidates.dedup();
            let best = candidates.into_iter().min_by_key(|&i| {
                let mut trial = hidden.clone();
                trial[i] = true;
                (self.exposed(&trial).len(), self.cells[i].value, i)
            });
            match best {
                Some(i) => hidden[i] = true,
                // Every non-zero cell is hidden: nothing more can be done (and nothing more
                // can be worked out than the relations between zeros allow).
                None => break,
            }
        }
        Hidden(hidden)
    }

    /// The hidden cells that the published cells and relations do not protect.
    pub fn exposed(&self, hidden: &[bool]) -> Vec<CellId> {
        let vars: Vec<usize> = (0..self.cells.len()).filter(|i| hidden[*i]).collect();
        if vars.is_empty() {
            return Vec::new();
        }
        let var_of = |cell: usize| vars.iter().position(|v| *v == cell);
        let rows: Vec<Row> = self
            .relations
            .iter()
            .filter_map(|r| {
                let mut rhs = 0i64;
                let mut terms = Vec::new();
                for (cell, k) in &r.terms {
                    match var_of(*cell) {
                        Some(v) => terms.push((v, *k)),
                        None => rhs -= k * i64::from(self.cells[*cell].value),
                    }
                }
                (!terms.is_empty()).then_some(Row { terms, rhs, equal: r.equal })
            })
            .collect();
        let largest = self.cells.iter().map(|c| i64::from(c.value)).max().unwrap_or(0);
        let cap = largest + i64::from(THRESHOLD) + vars.len() as i64;
        let domains = vec![(1, cap); vars.len()];
        let possible = |v: usize, lo: i64, hi: i64| {
            let mut d = domains.clone();
            d[v] = (lo.max(1), hi.min(cap));
            let mut budget = BUDGET;
            d[v].0 <= d[v].1 && solve(&rows, d, &mut budget)
        };
        vars.iter()
            .enumerate()
            .filter(|(v, cell)| {
                let own = i64::from(self.cells[**cell].value);
                let t = i64::from(THRESHOLD);
                let protected = if own < t {
                    // A value of THRESHOLD or more differs from the cell's own.
                    possible(*v, t, cap)
                } else {
                    possible(*v, 1, own - 1) || possible(*v, own + 1, cap)
                };
                !protected
            })
            .map(|(_, cell)| CellId(*cell))
            .collect()
    }
}

/// Σ coefficient × variable, equal to or at most `rhs`.
#[derive(Clone, Debug)]
struct Row {
    terms: Vec<(usize, i64)>,
    rhs: i64,
    equal: bool,
}

fn div_floor(a: i64, b: i64) -> i64 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) { q - 1 } else { q }
}

fn div_ceil(a: i64, b: i64) -> i64 {
    -div_floor(-a, b)
}

/// Narrows every domain to what the rows allow; false when some row cannot hold.
fn propagate(rows: &[Row], dom: &mut [(i64, i64)]) -> bool {
    loop {
        let mut changed = false;
        for row in rows {
            let span = |(lo, hi): (i64, i64), k: i64| if k > 0 { (k * lo, k * hi) } else { (k * hi, k * lo) };
            let spans: Vec<(i64, i64)> = row.terms.iter().map(|(v, k)| span(dom[*v], *k)).collect();
            let (min, max) = spans.iter().fold((0, 0), |(a, b), (c, d)| (a + c, b + d));
            if min > row.rhs || (row.equal && max < row.rhs) {
                return false;
            }
            for (&(v, k), &(own_min, own_max)) in row.terms.iter().zip(&spans) {
                // k·x ≤ rhs − (the others at their least)
                let up = row.rhs - (min - own_min);
                let (mut lo, mut hi) = dom[v];
                if k > 0 {
                    hi = hi.min(div_floor(up, k));
                } else {
                    lo = lo.max(div_ceil(up, k));
                }
                if row.equal {
                    // k·x ≥ rhs − (the others at their most)
                    let down = row.rhs - (max - own_max);
                    if k > 0 {
                        lo = lo.max(div_ceil(down, k));
                    } else {
                        hi = hi.min(div_floor(down, k));
                    }
                }
                if lo > hi {
                    return false;
                }
                if (lo, hi) != dom[v] {
                    dom[v] = (lo, hi);
                    changed = true;
                }
            }
        }
        if !changed {
            return true;
        }
    }
}

/// Whether some whole-number point of the domains satisfies every row (false also when the
/// budget runs out).
fn solve(rows: &[Row], mut dom: Vec<(i64, i64)>, budget: &mut u32) -> bool {
    if *budget == 0 {
        return false;
    }
    *budget -= 1;
    if !propagate(rows, &mut dom) {
        return false;
    }
    let open = (0..dom.len()).filter(|v| dom[*v].0 < dom[*v].1).min_by_key(|v| (dom[*v].1 - dom[*v].0, *v));
    let Some(v) = open else { return true };
    let (lo, hi) = dom[v];
    let mid = lo + (hi - lo) / 2;
    let mut low = dom.clone();
    low[v] = (lo, mid);
    if solve(rows, low, budget) {
        return true;
    }
    dom[v] = (mid + 1, hi);
    solve(rows, dom, budget)
}

#[cfg(test)]
mod tests;
