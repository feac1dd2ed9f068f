//! A half-year's figures as they may be published: one disclosure decision, made once from
//! that half-year's figures alone, that the Markdown, the HTML and the JSON all render.
//!
//! The tables handed to [`disclosure`]: the cases in all, split by way in, by referring unit
//! and by age band (three tables sharing one total); the referrals split by month; the
//! measures proposed split by unit (a unit's cell counts as few people when it holds the
//! measures of one or two cases); and the parts a reader knows are at most a whole — referred,
//! discussed and anonymous cases of all cases, all cases of referred plus discussed, lifts of
//! BTI cases and of discussed cases, waiting plus in follow-up of discussed cases. A share is
//! shown only where both its counts are. Deciding each half-year alone means the previous
//! half-year's column is hidden exactly as it was in its own report, so two reports together
//! give no more away than each does.

use serde_json::{Value, json};

use super::disclosure::{CellId, Hidden, Tables};
use super::figures::Figures;

/// A figure as published.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shown<T> {
    Value(T),
    /// Hidden to protect the people behind it.
    Hidden,
    /// There is no such figure (a share of nothing, a median of no cases).
    Undefined,
}

impl<T: Copy + Into<Value>> Shown<T> {
    /// As JSON: the value, `"hidden"`, or `null`.
    pub fn json(self) -> Value {
        match self {
            Shown::Value(v) => v.into(),
            Shown::Hidden => json!("hidden"),
            Shown::Undefined => Value::Null,
        }
    }
}

/// Every figure of one half-year, as published.
#[derive(Clone, Debug, PartialEq)]
pub struct Published {
    pub half: String,
    pub cases: Shown<usize>,
    pub referred: Shown<usize>,
    pub discussed: Shown<usize>,
    pub by_way: Vec<(String, Shown<usize>)>,
    pub by_unit: Vec<(String, Shown<usize>)>,
    pub by_age: Vec<(String, Shown<usize>)>,
    pub by_month: Vec<(String, Shown<usize>)>,
    pub anonymous: Shown<usize>,
    pub anonymised_later: Shown<usize>,
    /// In percent.
    pub anonymous_share: Shown<u32>,
    pub bti: Shown<usize>,
    pub level2: Shown<usize>,
    pub proposed: Shown<usize>,
    pub proposed_by_unit: Vec<(String, Shown<usize>)>,
    pub accepted: Shown<usize>,
    pub days_median: Option<f64>,
    pub days_max: Option<i64>,
    pub meetings_planned: usize,
    pub meetings_held: usize,
    pub meetings_cancelled: usize,
    pub cases_per_meeting: Shown<f64>,
    pub capacity: u32,
    pub waiting_decision: Shown<usize>,
    pub in_follow_up: Shown<usize>,
    pub closed: Shown<usize>,
    pub with_stafettlogg: Shown<usize>,
    pub evaluations_due: Shown<usize>,
    pub evaluations_on_time: Shown<usize>,
    pub ended_by_reason: Vec<(String, Shown<usize>)>,
    pub followups_ended: Shown<usize>,
}

/// The tables of one half-year, with the cell of every figure in them.
struct Cells {
    tables: Tables,
    cases: CellId,
    referred: CellId,
    discussed: CellId,
    by_way: Vec<CellId>,
    by_unit: Vec<CellId>,
    by_age: Vec<CellId>,
    by_month: Vec<CellId>,
    anonymous: CellId,
    anonymised_later: CellId,
    bti: CellId,
    level2: CellId,
    proposed: CellId,
    proposed_by_unit: Vec<CellId>,
    accepted: CellId,
    waiting_decision: CellId,
    in_follow_up: CellId,
    closed: CellId,
    with_stafettlogg: CellId,
    evaluations_due: CellId,
    evaluations_on_time: CellId,
    ended_by_reason: Vec<CellId>,
    followups_ended: CellId,
}

fn cells(f: &Figures) -> Cells {
    let mut t = Tables::new();
    let mut people = |v: &[(String, usize)]| v.iter().map(|(_, n)| t.people(*n)).collect::<Vec<_>>();
    let (by_way, by_unit, by_age, by_month) =
        (people(&f.by_way), people(&f.by_unit), people(&f.by_age), people(&f.by_month));
    let proposed_by_unit: Vec<CellId> =
        f.proposed_by_unit.iter().map(|(_, n)| t.measures(n.measures, n.cases)).collect();
    let cases = t.people(f.cases);
    let referred = t.people(f.referred);
    let discussed = t.people(f.discussed);
    let anonymous = t.people(f.anonymous);
    let anonymised_later = t.people(f.anonymised_later);
    // The key figure "BTI cases" is the way-in table's BTI row: one cell in two places.
    let bti =
        f.by_way.iter().position(|(k, _)| k == "bti").map(|i| by_way[i]).unwrap_or_else(|| t.people(f.bti));
    let level2 = t.people(f.level2);
    let proposed = t.measures(f.proposed.measures, f.proposed.cases);
    let accepted = t.measures(f.accepted.measures, f.accepted.cases);
    let waiting_decision = t.people(f.waiting_decision);
    let in_follow_up = t.people(f.in_follow_up);
    let closed = t.people(f.closed);
    let with_stafettlogg = t.people(f.with_stafettlogg);
    let evaluations_due = t.measures(f.evaluations_due.measures, f.evaluations_due.cases);
    let evaluations_on_time = t.measures(f.evaluations_on_time.measures, f.evaluations_on_time.cases);
    let ended_by_reason: Vec<CellId> = f.ended_by_reason.iter().map(|(_, n)| t.people(*n)).collect();
    let followups_ended = t.people(f.followups_ended);
    t.sum(followups_ended, &ended_by_reason);
    t.at_most(&[with_stafettlogg], &[in_follow_up]);
    t.at_most(&[evaluations_on_time], &[evaluations_due]);
    t.sum(cases, &by_way);
    t.sum(cases, &by_unit);
    t.sum(cases, &by_age);
    t.sum(referred, &by_month);
    t.sum(proposed, &proposed_by_unit);
    t.at_most(&[referred], &[cases]);
    t.at_most(&[discussed], &[cases]);
    t.at_most(&[cases], &[referred, discussed]);
    t.at_most(&[anonymous], &[cases]);
    t.at_most(&[anonymised_later], &[cases]);
    t.at_most(&[anonymous, anonymised_later], &[cases]);
    t.at_most(&[level2], &[bti]);
    t.at_most(&[level2], &[discussed]);
    t.at_most(&[waiting_decision, in_follow_up], &[discussed]);
    Cells {
        tables: t,
        cases,
        referred,
        discussed,
        by_way,
        by_unit,
        by_age,
        by_month,
        anonymous,
        anonymised_later,
        bti,
        level2,
        proposed,
        proposed_by_unit,
        accepted,
        waiting_decision,
        in_follow_up,
        closed,
        with_stafettlogg,
        evaluations_due,
        evaluations_on_time,
        ended_by_reason,
        followups_ended,
    }
}

impl Published {
    /// The figures as published: with `protect`, hidden where [`disclosure`] says so.
    pub fn new(f: &Figures, protect: bool) -> Published {
        let c = cells(f);
        let hidden = if protect { c.tables.suppress() } else { Hidden::none(&c.tables) };
        let show =
            |cell: CellId, n: usize| if hidden.contains(cell) { Shown::Hidden } else { Shown::Value(n) };
        let list = |v: &[(String, usize)], ids: &[CellId]| -> Vec<(String, Shown<usize>)> {
            v.iter().zip(ids).map(|((k, n), id)| (k.clone(), show(*id, *n))).collect()
        };
        let anonymous_share = match (show(c.anonymous, f.anonymous), show(c.cases, f.cases)) {
            (_, Shown::Value(0)) => Shown::Undefined,
            (Shown::Value(part), Shown::Value(whole)) => {
                Shown::Value(((part as f64 / whole as f64) * 100.0).round() as u32)
            }
            _ => Shown::Hidden,
        };
        // Cases per meeting gives away the cases in held meetings, which are about the
        // discussed cases: shown only when both would be.
        let few = protect && (1..super::disclosure::THRESHOLD as usize).contains(&f.in_held_meetings);
        let cases_per_meeting = match f.cases_per_meeting {
            None => Shown::Undefined,
            Some(_) if few || hidden.contains(c.discussed) => Shown::Hidden,
            Some(x) => Shown::Value((x * 10.0).round() / 10.0),
        };
        Published {
            half: f.half.clone(),
            cases: show(c.cases, f.cases),
            referred: show(c.referred, f.referred),
            discussed: show(c.discussed, f.discussed),
            by_way: list(&f.by_way, &c.by_way),
            by_unit: list(&f.by_unit, &c.by_unit),
            by_age: list(&f.by_age, &c.by_age),
            by_month: list(&f.by_month, &c.by_month),
            anonymous: show(c.anonymous, f.anonymous),
            anonymised_later: show(c.anonymised_later, f.anonymised_later),
            anonymous_share,
            bti: show(c.bti, f.bti),
            level2: show(c.level2, f.level2),
            proposed: show(c.proposed, f.proposed.measures),
            proposed_by_unit: f
                .proposed_by_unit
                .iter()
                .zip(&c.proposed_by_unit)
                .map(|((k, n), id)| (k.clone(), show(*id, n.measures)))
                .collect(),
            accepted: show(c.accepted, f.accepted.measures),
            days_median: f.days_median,
            days_max: f.days_max,
            meetings_planned: f.meetings_planned,
            meetings_held: f.meetings_held,
            meetings_cancelled: f.meetings_cancelled,
            cases_per_meeting,
            capacity: f.capacity,
            waiting_decision: show(c.waiting_decision, f.waiting_decision),
            in_follow_up: show(c.in_follow_up, f.in_follow_up),
            closed: show(c.closed, f.closed),
            with_stafettlogg: show(c.with_stafettlogg, f.with_stafettlogg),
            evaluations_due: show(c.evaluations_due, f.evaluations_due.measures),
            evaluations_on_time: show(c.evaluations_on_time, f.evaluations_on_time.measures),
            ended_by_reason: list(&f.ended_by_reason, &c.ended_by_reason),
            followups_ended: show(c.followups_ended, f.followups_ended),
        }
    }

    /// As JSON: every figure, a hidden one as `"hidden"`.
    pub fn json(&self) -> Value {
        let pairs = |v: &[(String, Shown<usize>)]| -> Value {
            Value::Array(v.iter().map(|(k, n)| json!([k, n.json()])).collect())
        };
        json!({
            "half": self.half,
            "cases": self.cases.json(),
            "referred": self.referred.json(),
            "discussed": self.discussed.json(),
            "by_way": pairs(&self.by_way),
            "by_unit": pairs(&self.by_unit),
            "by_age": pairs(&self.by_age),
            "by_month": pairs(&self.by_month),
            "anonymous": self.anonymous.json(),
            "anonymous_share": self.anonymous_share.json(),
            "anonymised_later": self.anonymised_later.json(),
            "bti": self.bti.json(),
            "level2": self.level2.json(),
            "proposed": self.proposed.json(),
            "proposed_by_unit": pairs(&self.proposed_by_unit),
            "accepted": self.accepted.json(),
            "days_median": self.days_median,
            "days_max": self.days_max,
            "meetings_planned": self.meetings_planned,
            "meetings_held": self.meetings_held,
            "meetings_cancelled": self.meetings_cancelled,
            "cases_per_meeting": self.cases_per_meeting.json(),
            "capacity": self.capacity,
            "waiting_decision": self.waiting_decision.json(),
            "in_follow_up": self.in_follow_up.json(),
            "closed": self.closed.json(),
            "with_stafettlogg": self.with_stafettlogg.json(),
            "evaluations_due": self.evaluations_due.json(),
            "evaluations_on_time": self.evaluations_on_time.json(),
            "ended_by_reason": pairs(&self.ended_by_reason),
            "followups_ended": self.followups_ended.json(),
        })
    }
}

#[cfg(test)]
mod tests;
