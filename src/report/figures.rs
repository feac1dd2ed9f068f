//! The facts of a half-year (R12), as plain numbers: how many cases, how they came in, who
//! they were about (by age band only), what the team proposed and the users accepted, how
//! long they waited, and how the meetings went. Pure: cases, schedule and today in, numbers
//! out.
//!
//! Every event is counted in the half-year it happened — a referral on its day, a lift to level
//! 2 and a proposal at the meeting, an acceptance at the user's decision, a close on its day —
//! and only when it was recorded by `today`: looking back, a case counts as it stood then.
//! A meeting counts as held only after its day. What stands at a moment (waiting for a
//! decision, in follow-up) is taken at the end of the half-year, or today if that comes first.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::model::dates::Half;
use crate::model::{Case, Config, Decision, Outcome, Schedule, WayIn};

/// The age bands of the report, in order.
pub const AGE_BANDS: [&str; 7] = ["0-5", "6-12", "13-18", "19-25", "26-66", "67+", "unknown"];

/// A count of measures, and how many cases (people) they were for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub measures: usize,
    pub cases: usize,
}

/// Every figure of one half-year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    pub half: String,
    /// Cases referred or discussed in the half-year: the report's population.
    pub cases: usize,
    pub referred: usize,
    pub discussed: usize,
    /// By way in, in the order bti, user-case, guidance.
    pub by_way: Vec<(String, usize)>,
    /// By referring unit (id), in rt.toml's order; units with no cases included, `?` for
    /// units rt.toml does not know (only when there are such cases).
    pub by_unit: Vec<(String, usize)>,
    /// By age band at referral.
    pub by_age: Vec<(String, usize)>,
    /// Referrals per month of the half-year (`2027-01` …).
    pub by_month: Vec<(String, usize)>,
    /// Discussed anonymously from the referral (R3).
    pub anonymous: usize,
    /// Gone on anonymously later, when the consent lapsed (R2): identity removed then.
    pub anonymised_later: usize,
    pub bti: usize,
    /// BTI cases lifted to level 2 at a meeting of the half-year.
    pub level2: usize,
    /// Measures proposed at the meetings of the half-year.
    pub proposed: Tally,
    /// Proposed measures by the unit given the assignment.
    pub proposed_by_unit: Vec<(String, Tally)>,
    /// Measures the users accepted by decisions made in the half-year.
    pub accepted: Tally,
    /// Days from referral to the meeting, for the cases discussed.
    pub days_median: Option<f64>,
    pub days_max: Option<i64>,
    pub meetings_planned: usize,
    pub meetings_held: usize,
    pub meetings_cancelled: usize,
    /// Cases per held meeting, on average; the cases in held meetings; the capacity.
    pub cases_per_meeting: Option<f64>,
    pub in_held_meetings: usize,
    pub capacity: u32,
    /// Cases of the half-year discussed but not decided or closed, at its end (or today).
    pub waiting_decision: usize,
    /// Cases of the half-year decided and not closed, at its end (or today).
    pub in_follow_up: usize,
    /// Cases closed in the half-year.
    pub closed: usize,
    /// Of the cases in follow-up at its end, those with a stafettlogg (R13).
    pub with_stafettlogg: usize,
    /// Evaluations of planned measures due in the half-year (by then), and the cases behind.
    pub evaluations_due: Tally,
    /// Of those, the ones held by their date.
    pub evaluations_on_time: Tally,
    /// Follow-ups ended in the half-year, by reason (every reason listed).
    pub ended_by_reason: Vec<(String, usize)>,
    /// Follow-ups ended in the half-year.
    pub followups_ended: usize,
}

fn median(v: &mut [i64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    let n = v.len();
    Some(if n % 2 == 1 { v[n / 2] as f64 } else { (v[n / 2 - 1] + v[n / 2]) as f64 / 2.0 })
}

/// A case as it was recorded on `today`.
#[derive(Clone, Copy)]
struct AsOf<'a> {
    case: &'a Case,
    today: NaiveDate,
}

impl<'a> AsOf<'a> {
    /// Referred by then.
    fn exists(self) -> bool {
        self.case.referred <= self.today
    }

    /// The outcome, once its meeting's day is over.
    fn outcome(self) -> Option<&'a Outcome> {
        self.case.outcome.as_ref().filter(|o| o.date < self.today && self.exists())
    }

    /// The user's decision, once made (and its outcome counted).
    fn decision(self) -> Option<&'a Decision> {
        self.outcome()?;
        self.case.decision.as_ref().filter(|d| d.date <= self.today)
    }

    /// The day it was closed, once closed.
    fn closed(self) -> Option<NaiveDate> {
        self.case.closed.filter(|d| *d <= self.today && self.exists())
    }
}

/// The figures of a half-year from every case and its schedule.
pub fn compute<'a>(
    half: Half,
    cases: &[&'a Case],
    schedule: &Schedule,
    config: &Config,
    today: NaiveDate,
) -> Figures {
    let all: Vec<AsOf> = cases.iter().map(|case| AsOf { case, today }).filter(|c| c.exists()).collect();
    let discussed_in = |c: &AsOf| c.outcome().is_some_and(|o| half.contains(o.date));
    let referred_in = |c: &AsOf| half.contains(c.case.referred);
    let population: Vec<AsOf> = all.iter().copied().filter(|c| referred_in(c) || discussed_in(c)).collect();
    let count = |f: &dyn Fn(&AsOf) -> bool| population.iter().filter(|c| f(c)).count();

    let by_way = WayIn::ALL.iter().map(|w| (w.code().to_string(), count(&|c| c.case.way_in == *w))).collect();
    let mut by_unit: Vec<(String, usize)> =
        config.units.iter().map(|u| (u.id.clone(), count(&|c| c.case.referrer.unit == u.id))).collect();
    let unknown_unit = count(&|c| config.unit(&c.case.referrer.unit).is_none());
    if unknown_unit > 0 {
        by_unit.push(("?".into(), unknown_unit));
    }
    let by_age =
        AGE_BANDS.iter().map(|b| (b.to_string(), count(&|c| c.case.age_band_at_referral() == *b))).collect();
    let first_month = half.first_day().month();
    let by_month = (first_month..first_month + 6)
        .map(|month| {
            let key = format!("{}-{month:02}", half.year);
            (key, count(&|c| referred_in(c) && c.case.referred.month() == month))
        })
        .collect();

    // At the meetings of the half-year: proposals, lifts, days waited.
    let discussed: Vec<(&Case, &Outcome)> = population
        .iter()
        .filter(|c| discussed_in(c))
        .filter_map(|c| c.outcome().map(|o| (c.case, o)))
        .collect();
    let mut proposed_by: BTreeMap<&str, Tally> = BTreeMap::new();
    for (_, o) in &discussed {
        let mut units: Vec<&str> = o.proposed.iter().map(|p| p.unit.as_str()).collect();
        for u in &units {
            proposed_by.entry(u).or_default().measures += 1;
        }
        units.sort_unstable();
        units.dedup();
        for u in units {
            proposed_by.entry(u).or_default().cases += 1;
        }
    }
    let proposed = Tally {
        measures: proposed_by.values().map(|t| t.measures).sum(),
        cases: discussed.iter().filter(|(_, o)| !o.proposed.is_empty()).count(),
    };
    let proposed_by_unit: Vec<(String, Tally)> = config
        .units
        .iter()
        .map(|u| (u.id.clone(), proposed_by.get(u.id.as_str()).copied().unwrap_or_default()))
        .chain(proposed_by.iter().filter(|(u, _)| config.unit(u).is_none()).map(|(u, t)| (u.to_string(), *t)))
        .collect();
    let mut days: Vec<i64> = discussed.iter().map(|(c, o)| (o.date - c.referred).num_days()).collect();

    // Decisions and closes of the half-year, whichever half-year the case belongs to.
    let mut accepted = Tally::default();
    for c in &all {
        let (Some(o), Some(d)) = (c.outcome(), c.decision()) else { continue };
        if !half.contains(d.date) {
            continue;
        }
        let n = d.accepted.iter().filter(|a| o.proposed.iter().any(|p| &p.measure == *a)).count();
        accepted.measures += n;
        accepted.cases += usize::from(n > 0);
    }
    let closed = all.iter().filter(|c| c.closed().is_some_and(|d| half.contains(d))).count();

    // What stands at the end of the half-year, or today if it is not over.
    let end = today.min(half.last_day());
    let discussed_by_end = |c: &AsOf| c.outcome().is_some_and(|o| o.date <= end);
    let decided_by_end = |c: &AsOf| discussed_by_end(c) && c.decision().is_some_and(|d| d.date <= end);
    let closed_by_end = |c: &AsOf| c.closed().is_some_and(|d| d <= end);

    // A meeting counts as held once its day is over, unless cancelled, and when it had
    // cases: a past meeting with nothing on it did not take place in any way that matters.
    let in_meeting = |d: NaiveDate| {
        all.iter().filter(|c| c.case.outcome.as_ref().map(|o| o.date).or(c.case.meeting) == Some(d)).count()
    };
    let (held, per_held): (Vec<NaiveDate>, Vec<usize>) = schedule
        .meetings
        .iter()
        .filter(|m| m.is_open() && m.date < today && m.date <= half.last_day())
        .map(|m| (m.date, in_meeting(m.date)))
        .filter(|(_, n)| *n > 0)
        .unzip();
    let in_held_meetings: usize = per_held.iter().sum();

    // The follow-ups (R13), as recorded by then.
    let followup = |c: &AsOf<'a>| c.case.followup.as_ref().filter(|f| f.started <= today);
    let with_stafettlogg = population
        .iter()
        .filter(|c| decided_by_end(c) && !closed_by_end(c) && followup(c).is_some_and(|f| f.started <= end))
        .count();
    let (mut evaluations_due, mut evaluations_on_time) = (Tally::default(), Tally::default());
    for c in &all {
        let Some(f) = followup(c) else { continue };
        let due: Vec<&crate::model::followup::PlannedMeasure> =
            f.measures.iter().filter(|m| half.contains(m.evaluate) && m.evaluate <= end).collect();
        let on_time = due
            .iter()
            .filter(|m| {
                f.evaluations
                    .iter()
                    .any(|e| e.measure == m.measure && e.date <= m.evaluate && e.date <= today)
            })
            .count();
        evaluations_due.measures += due.len();
        evaluations_due.cases += usize::from(!due.is_empty());
        evaluations_on_time.measures += on_time;
        evaluations_on_time.cases += usize::from(on_time > 0);
    }
    let ended_in =
        |c: &AsOf<'a>| followup(c).and_then(|f| f.ended).filter(|(d, _)| half.contains(*d) && *d <= today);
    let ended_by_reason: Vec<(String, usize)> = crate::model::EndReason::ALL
        .iter()
        .map(|r| {
            (
                r.code().to_string(),
                all.iter().filter(|c| ended_in(c).is_some_and(|(_, why)| why == *r)).count(),
            )
        })
        .collect();
    let followups_ended = all.iter().filter(|c| ended_in(c).is_some()).count();

    Figures {
        half: half.to_string(),
        cases: population.len(),
        referred: count(&referred_in),
        discussed: discussed.len(),
        by_way,
        by_unit,
        by_age,
        by_month,
        // Discussed anonymously (R3); a case anonymised later by `rt purge` is not one, nor
        // one that went on anonymously when its consent lapsed (counted apart).
        anonymous: count(&|c| c.case.is_anonymous() && c.case.anonymous_since.is_none()),
        anonymised_later: count(&|c| c.case.anonymous_since.is_some_and(|d| d <= today)),
        bti: count(&|c| c.case.way_in == WayIn::Bti),
        level2: discussed.iter().filter(|(c, o)| c.way_in == WayIn::Bti && o.level2).count(),
        proposed,
        proposed_by_unit,
        accepted,
        days_median: median(&mut days),
        days_max: days.iter().copied().max(),
        meetings_planned: schedule.meetings.len(),
        meetings_held: held.len(),
        meetings_cancelled: schedule.meetings.iter().filter(|m| !m.is_open()).count(),
        cases_per_meeting: (!held.is_empty()).then(|| in_held_meetings as f64 / held.len() as f64),
        in_held_meetings,
        capacity: config.meetings.cases_per_meeting,
        waiting_decision: count(&|c| discussed_by_end(c) && !decided_by_end(c) && !closed_by_end(c)),
        in_follow_up: count(&|c| decided_by_end(c) && !closed_by_end(c)),
        closed,
        with_stafettlogg,
        evaluations_due,
        evaluations_on_time,
        ended_by_reason,
        followups_ended,
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
