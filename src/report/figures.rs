//! The facts of a half-year (R12), as plain numbers: how many cases, how they came in, who
//! they were about (by age band only), what the team proposed and the users accepted, how
//! long they waited, and how the meetings went. Pure: cases, schedule and today in, numbers
//! out.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::model::dates::Half;
use crate::model::{Case, Config, Schedule, Status, WayIn};

/// The age bands of the report, in order.
pub const AGE_BANDS: [&str; 7] = ["0-5", "6-12", "13-18", "19-25", "26-66", "67+", "unknown"];

/// Every figure of one half-year.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Figures {
    pub half: String,
    /// Cases referred or discussed in the half-year: the report's population.
    pub cases: usize,
    pub referred: usize,
    pub discussed: usize,
    /// By way in, in the order bti, user-case, guidance.
    pub by_way: Vec<(String, usize)>,
    /// By referring unit (id), in rt.toml's order; units with no cases included.
    pub by_unit: Vec<(String, usize)>,
    /// By age band at referral.
    pub by_age: Vec<(String, usize)>,
    /// Referrals per month of the half-year (`2027-01` …).
    pub by_month: Vec<(String, usize)>,
    pub anonymous: usize,
    pub bti: usize,
    pub level2: usize,
    /// Measures proposed for cases discussed in the half-year.
    pub proposed: usize,
    /// Proposed measures by the unit given the assignment.
    pub proposed_by_unit: Vec<(String, usize)>,
    /// Of those, accepted by the users.
    pub accepted: usize,
    /// Days from referral to the meeting, for the cases discussed.
    pub days_median: Option<f64>,
    pub days_max: Option<i64>,
    pub meetings_planned: usize,
    pub meetings_held: usize,
    pub meetings_cancelled: usize,
    /// Cases per held meeting, on average, and the capacity.
    pub cases_per_meeting: Option<f64>,
    pub capacity: u32,
    /// Cases discussed but not yet decided by the user, as of today.
    pub waiting_decision: usize,
    /// Cases decided and still followed up (not closed), as of today.
    pub in_follow_up: usize,
}

fn median(v: &mut [i64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    let n = v.len();
    Some(if n % 2 == 1 { v[n / 2] as f64 } else { (v[n / 2 - 1] + v[n / 2]) as f64 / 2.0 })
}

/// The figures of a half-year from every case and its schedule.
pub fn compute(
    half: Half,
    cases: &[&Case],
    schedule: &Schedule,
    config: &Config,
    today: NaiveDate,
) -> Figures {
    let discussed_in = |c: &Case| c.outcome.as_ref().is_some_and(|o| half.contains(o.date));
    let population: Vec<&Case> =
        cases.iter().copied().filter(|c| half.contains(c.referred) || discussed_in(c)).collect();
    let count = |f: &dyn Fn(&Case) -> bool| population.iter().filter(|c| f(c)).count();

    let by_way = WayIn::ALL.iter().map(|w| (w.code().to_string(), count(&|c| c.way_in == *w))).collect();
    let mut by_unit: Vec<(String, usize)> =
        config.units.iter().map(|u| (u.id.clone(), count(&|c| c.referrer.unit == u.id))).collect();
    let unknown_unit = count(&|c| config.unit(&c.referrer.unit).is_none());
    if unknown_unit > 0 {
        by_unit.push(("?".into(), unknown_unit));
    }
    let by_age =
        AGE_BANDS.iter().map(|b| (b.to_string(), count(&|c| c.age_band_at_referral() == *b))).collect();
    let first_month = half.first_day().month();
    let by_month = (0..6)
        .map(|i| {
            let month = first_month + i;
            let key = format!("{}-{month:02}", half.year);
            (key, count(&|c| half.contains(c.referred) && c.referred.month() == month))
        })
        .collect();

    let discussed: Vec<&Case> = population.iter().copied().filter(|c| discussed_in(c)).collect();
    let mut proposed_by: BTreeMap<String, usize> = BTreeMap::new();
    let mut accepted = 0;
    for c in &discussed {
        if let Some(o) = &c.outcome {
            for p in &o.proposed {
                *proposed_by.entry(p.unit.clone()).or_insert(0) += 1;
            }
            if let Some(d) = &c.decision {
                accepted += d.accepted.iter().filter(|a| o.proposed.iter().any(|p| &p.measure == *a)).count();
            }
        }
    }
    let proposed_by_unit: Vec<(String, usize)> = config
        .units
        .iter()
        .map(|u| (u.id.clone(), proposed_by.get(&u.id).copied().unwrap_or(0)))
        .chain(proposed_by.iter().filter(|(u, _)| config.unit(u).is_none()).map(|(u, n)| (u.clone(), *n)))
        .collect();
    let mut days: Vec<i64> = discussed
        .iter()
        .filter_map(|c| c.outcome.as_ref().map(|o| (o.date - c.referred).num_days()))
        .collect();

    // A meeting counts as held when its day has passed, it was not cancelled, and it had
    // cases: a past meeting with nothing on it did not take place in any way that matters.
    let in_meeting = |d: NaiveDate| {
        cases.iter().filter(|c| c.outcome.as_ref().map(|o| o.date).or(c.meeting) == Some(d)).count()
    };
    let (held, per_held): (Vec<NaiveDate>, Vec<usize>) = schedule
        .meetings
        .iter()
        .filter(|m| m.is_open() && m.date <= today.min(half.last_day()))
        .map(|m| (m.date, in_meeting(m.date)))
        .filter(|(_, n)| *n > 0)
        .unzip();

    Figures {
        half: half.to_string(),
        cases: population.len(),
        referred: count(&|c| half.contains(c.referred)),
        discussed: discussed.len(),
        by_way,
        by_unit,
        by_age,
        by_month,
        // Discussed anonymously (R3); a case anonymised later by `rt purge` is not one.
        anonymous: count(&|c| c.is_anonymous()),
        bti: count(&|c| c.way_in == WayIn::Bti),
        level2: count(&|c| c.way_in == WayIn::Bti && c.outcome.as_ref().is_some_and(|o| o.level2)),
        proposed: proposed_by.values().sum(),
        proposed_by_unit,
        accepted,
        days_median: median(&mut days),
        days_max: days.iter().copied().max(),
        meetings_planned: schedule.meetings.len(),
        meetings_held: held.len(),
        meetings_cancelled: schedule.meetings.iter().filter(|m| !m.is_open()).count(),
        cases_per_meeting: (!held.is_empty())
            .then(|| per_held.iter().sum::<usize>() as f64 / held.len() as f64),
        capacity: config.meetings.cases_per_meeting,
        waiting_decision: count(&|c| c.status == Status::Discussed),
        in_follow_up: count(&|c| c.status == Status::Decided),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [5]), Some(5.0));
        assert_eq!(median(&mut [9, 1, 5]), Some(5.0));
        assert_eq!(median(&mut [1, 2, 3, 10]), Some(2.5));
    }
}
