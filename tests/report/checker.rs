//! An attacker's view of a published report, independent of rt's suppression code: it reads
//! one half-year of `rt report --format json`, takes every number it shows as known, a value
//! "< N" as an unknown whole number from 1 to N − 1, and any other value ("hidden") as an
//! unknown whole number of at least 1 (zeros are never hidden), writes down what any reader knows about how the figures add up, and finds each
//! hidden cell's feasible range by enumerating the integer assignments (depth first, cutting a
//! branch only when a relation can no longer hold). A cell is *reversible* when its range is a
//! single value, or lies within 1..2.

use serde_json::Value;

/// Σ coefficient × term ≤ 0, or = 0.
struct Relation {
    terms: Vec<(i64, Term)>,
    equal: bool,
}

#[derive(Clone, Copy)]
enum Term {
    Known(i64),
    Unknown(usize),
}

/// A published value: a number, or an unknown with the largest value its label allows.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Cell {
    Known(i64),
    Unknown(Option<i64>),
}

/// A hidden cell whose range gives it away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub cell: String,
    pub low: i64,
    pub high: i64,
}

/// The cells of one half-year, by name (`cases`, `by_way/bti` …).
pub struct Half {
    names: Vec<String>,
    values: Vec<Cell>,
    relations: Vec<Relation>,
}

impl Half {
    /// Reads one half-year's object (`current` or `previous` of the JSON report).
    pub fn read(figures: &Value) -> Half {
        Half::read_with(figures, true)
    }

    /// Reads one half-year with only its sums, or with the "a part is at most its whole"
    /// relations too (which the figures of rt before issue 16 did not always keep: it counted
    /// a lift in two half-years).
    pub fn read_with(figures: &Value, parts_of_wholes: bool) -> Half {
        let mut half = Half { names: Vec::new(), values: Vec::new(), relations: Vec::new() };
        for key in [
            "cases",
            "referred",
            "discussed",
            "anonymous",
            "anonymised_later",
            "bti",
            "level2",
            "proposed",
            "accepted",
            "waiting_decision",
            "in_follow_up",
            "closed",
            "with_stafettlogg",
            "evaluations_due",
            "evaluations_on_time",
            "followups_ended",
        ] {
            if let Some(v) = figures.get(key) {
                half.push(key.to_string(), v);
            }
        }
        for table in ["by_way", "by_unit", "by_age", "by_month", "proposed_by_unit", "ended_by_reason"] {
            for pair in figures[table].as_array().into_iter().flatten() {
                half.push(format!("{table}/{}", pair[0].as_str().unwrap()), &pair[1]);
            }
        }
        let parts = |half: &Half, table: &str| -> Vec<String> {
            half.names.iter().filter(|n| n.starts_with(&format!("{table}/"))).cloned().collect()
        };
        for table in ["by_way", "by_unit", "by_age"] {
            let p = parts(&half, table);
            half.relate(&["cases"], &p.iter().map(String::as_str).collect::<Vec<_>>(), true);
        }
        let months = parts(&half, "by_month");
        half.relate(&["referred"], &months.iter().map(String::as_str).collect::<Vec<_>>(), true);
        let units = parts(&half, "proposed_by_unit");
        half.relate(&["proposed"], &units.iter().map(String::as_str).collect::<Vec<_>>(), true);
        half.relate(&["bti"], &["by_way/bti"], true);
        let reasons = parts(&half, "ended_by_reason");
        if !reasons.is_empty() {
            half.relate(&["followups_ended"], &reasons.iter().map(String::as_str).collect::<Vec<_>>(), true);
        }
        if !parts_of_wholes {
            return half;
        }
        half.relate(&["referred"], &["cases"], false);
        half.relate(&["discussed"], &["cases"], false);
        half.relate(&["cases"], &["referred", "discussed"], false);
        half.relate(&["anonymous"], &["cases"], false);
        if figures.get("anonymised_later").is_some() {
            half.relate(&["anonymous", "anonymised_later"], &["cases"], false);
        }
        half.relate(&["level2"], &["bti"], false);
        half.relate(&["level2"], &["discussed"], false);
        half.relate(&["waiting_decision", "in_follow_up"], &["discussed"], false);
        if half.names.iter().any(|n| n == "with_stafettlogg") {
            half.relate(&["with_stafettlogg"], &["in_follow_up"], false);
            half.relate(&["evaluations_on_time"], &["evaluations_due"], false);
        }
        half
    }

    fn push(&mut self, name: String, v: &Value) {
        let below = |s: &str| s.trim().strip_prefix('<').and_then(|n| n.trim().parse::<i64>().ok());
        self.names.push(name);
        self.values.push(match (v.as_i64(), v.as_str()) {
            (Some(n), _) => Cell::Known(n),
            (None, Some(label)) => Cell::Unknown(below(label).map(|n| n - 1)),
            (None, None) => panic!("a figure is a number or a label: {v}"),
        });
    }

    /// Σ left = Σ right (or ≤); skipped when a figure is missing from the report.
    fn relate(&mut self, left: &[&str], right: &[&str], equal: bool) {
        let term = |name: &str| -> Option<Term> {
            let i = self.names.iter().position(|n| n == name)?;
            Some(match self.values[i] {
                Cell::Known(n) => Term::Known(n),
                Cell::Unknown(_) => Term::Unknown(i),
            })
        };
        let mut terms = Vec::new();
        for (names, sign) in [(left, 1), (right, -1)] {
            for name in names {
                match term(name) {
                    Some(t) => terms.push((sign, t)),
                    None => return,
                }
            }
        }
        if right.is_empty() {
            return;
        }
        self.relations.push(Relation { terms, equal });
    }

    /// The hidden cells' names.
    pub fn hidden(&self) -> Vec<&str> {
        let hidden = |v: &&Cell| matches!(v, Cell::Unknown(_));
        self.names.iter().zip(&self.values).filter(|(_, v)| hidden(v)).map(|(n, _)| n.as_str()).collect()
    }

    /// The largest value any hidden cell is tried at: far above every published figure.
    fn cap(&self) -> i64 {
        let shown: i64 = self.values.iter().map(|v| if let Cell::Known(n) = v { *n } else { 0 }).sum();
        shown + 2 * self.hidden().len() as i64 + 3
    }

    /// Each hidden cell's feasible range, `(name, least, greatest)`; a greatest equal to the
    /// cap means the published figures set no upper bound.
    pub fn ranges(&self) -> Vec<(String, i64, i64)> {
        let unknowns: Vec<usize> =
            (0..self.values.len()).filter(|i| matches!(self.values[*i], Cell::Unknown(_))).collect();
        let cap = self.cap();
        // Each unknown's values: 1 up to what its label allows, or the cap.
        let top: Vec<i64> =
            self.values.iter().map(|v| if let Cell::Unknown(Some(m)) = v { *m } else { cap }).collect();
        unknowns
            .iter()
            .map(|&cell| {
                // Only the unknowns linked to this one, nearest first, can bound it: the rest
                // have values that fit (the true ones), whatever this one is.
                let mut order = vec![cell];
                let mut i = 0;
                while i < order.len() {
                    let at = order[i];
                    for r in self.relations.iter().filter(|r| r.mentions(at)) {
                        for (_, t) in &r.terms {
                            if let Term::Unknown(u) = t
                                && !order.contains(u)
                            {
                                order.push(*u);
                            }
                        }
                    }
                    i += 1;
                }
                let relations: Vec<&Relation> =
                    self.relations.iter().filter(|r| order.iter().any(|u| r.mentions(*u))).collect();
                let feasible = |k: i64| {
                    let mut fixed: Vec<Option<i64>> = self
                        .values
                        .iter()
                        .map(|v| if let Cell::Known(n) = v { Some(*n) } else { None })
                        .collect();
                    fixed[cell] = Some(k);
                    extend(&relations, &mut fixed, &order[1..], &top)
                };
                let low =
                    (1..=top[cell]).find(|k| feasible(*k)).expect("the published figures have a solution");
                let high = (low..=top[cell]).rev().find(|k| feasible(*k)).unwrap();
                (self.names[cell].clone(), low, high)
            })
            .collect()
    }

    /// The hidden cells a reader can pin down.
    pub fn reversible(&self) -> Vec<Finding> {
        self.ranges()
            .into_iter()
            .filter(|(_, low, high)| low == high || *high <= 2)
            .map(|(cell, low, high)| Finding { cell, low, high })
            .collect()
    }
}

impl Relation {
    fn mentions(&self, unknown: usize) -> bool {
        self.terms.iter().any(|(_, t)| matches!(t, Term::Unknown(u) if *u == unknown))
    }
}

/// Whether the unknowns in `order` can be given values in 1..=top that keep every relation.
fn extend(relations: &[&Relation], fixed: &mut Vec<Option<i64>>, order: &[usize], top: &[i64]) -> bool {
    if !relations.iter().all(|r| could_hold(r, fixed, top)) {
        return false;
    }
    let Some((&next, rest)) = order.split_first() else { return true };
    for k in 1..=top[next] {
        fixed[next] = Some(k);
        if extend(relations, fixed, rest, top) {
            fixed[next] = None;
            return true;
        }
    }
    fixed[next] = None;
    false
}

/// Whether a relation can still hold with its open unknowns anywhere in 1..=top.
fn could_hold(r: &Relation, fixed: &[Option<i64>], top: &[i64]) -> bool {
    let (mut low, mut high) = (0i64, 0i64);
    for (k, t) in &r.terms {
        let (a, b) = match t {
            Term::Known(v) => (*v, *v),
            Term::Unknown(i) => fixed[*i].map_or((1, top[*i]), |v| (v, v)),
        };
        let (a, b) = (k * a, k * b);
        low += a.min(b);
        high += a.max(b);
    }
    if r.equal { low <= 0 && 0 <= high } else { low <= 0 }
}

/// The reversible cells of both half-years of a JSON report, named `2027H1 by_way/guidance`.
pub fn check(report: &Value) -> Vec<Finding> {
    check_with(report, true)
}

/// [`check`], with or without the relations of parts and wholes.
pub fn check_with(report: &Value, parts_of_wholes: bool) -> Vec<Finding> {
    ["current", "previous"]
        .iter()
        .flat_map(|which| {
            let half = report[which]["half"].as_str().unwrap_or(which).to_string();
            Half::read_with(&report[which], parts_of_wholes)
                .reversible()
                .into_iter()
                .map(move |f| Finding { cell: format!("{half} {}", f.cell), ..f })
        })
        .collect()
}
