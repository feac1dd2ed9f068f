//! The user's decision (R9), one answer at a time: families often answer one measure now and
//! another later, so new answers add to those given; an answer already given changes only
//! when asked to (`--change`), and the change is kept with its date. The case is decided
//! once every proposed measure has an answer.

use chrono::NaiveDate;

use super::Finding;
use crate::model::{Answer, Decision, DecisionChange, Field, Outcome, Proposal};
use crate::problem::Problem;

/// The answers given in one `rt decide`.
pub struct Given<'a> {
    /// Measures the user says yes to.
    pub accept: &'a [String],
    /// Measures the user says no to.
    pub decline: &'a [String],
    /// Whether earlier answers may change.
    pub change: bool,
    /// When the user answered.
    pub date: NaiveDate,
}

/// The decision with the new answers, or what is wrong with them.
pub fn apply(earlier: Option<&Decision>, given: &Given) -> Result<Decision, Vec<Finding>> {
    let mut findings = Vec::new();
    let field = |answer: Answer| match answer {
        Answer::Accepted => Field::Accepted(None),
        Answer::Declined => Field::Declined(None),
    };
    if given.accept.is_empty() && given.decline.is_empty() {
        findings.push(Finding::error(Field::Accepted(None), Problem::NothingDecided));
    }
    for id in given.accept.iter().filter(|id| given.decline.contains(id)) {
        findings.push(Finding::error(Field::Accepted(None), Problem::AcceptedAndDeclined { id: id.clone() }));
    }
    let mut d = earlier.cloned().unwrap_or(Decision {
        date: given.date,
        accepted: Vec::new(),
        declined: Vec::new(),
        changes: Vec::new(),
    });
    let answered_on =
        |d: &Decision, id: &str| d.changes.iter().rev().find(|c| c.measure == id).map_or(d.date, |c| c.date);
    let mut changed = false;
    // A measure given both ways is reported above, and judged no further.
    let both = |id: &&String| given.accept.contains(id) && given.decline.contains(id);
    let answers = given
        .accept
        .iter()
        .filter(|id| !both(id))
        .map(|id| (id, Answer::Accepted))
        .chain(given.decline.iter().filter(|id| !both(id)).map(|id| (id, Answer::Declined)));
    for (id, answer) in answers {
        match (d.answer(id), given.change) {
            (Some(before), _) if before == answer => {}
            (Some(before), false) => findings.push(Finding::error(
                field(answer),
                Problem::AlreadyAnswered {
                    id: id.clone(),
                    accepted: before == Answer::Accepted,
                    date: answered_on(&d, id),
                },
            )),
            (Some(_), true) => {
                d.accepted.retain(|m| m != id);
                d.declined.retain(|m| m != id);
                d.changes.push(DecisionChange { date: given.date, measure: id.clone(), to: answer });
                push(&mut d, id, answer);
                changed = true;
            }
            (None, true) => {
                findings.push(Finding::error(field(answer), Problem::NothingToChange { id: id.clone() }))
            }
            (None, false) => {
                push(&mut d, id, answer);
                changed = true;
            }
        }
    }
    if !findings.is_empty() {
        return Err(findings);
    }
    if changed {
        d.date = given.date;
    }
    Ok(d)
}

fn push(d: &mut Decision, id: &str, answer: Answer) {
    match answer {
        Answer::Accepted => d.accepted.push(id.to_string()),
        Answer::Declined => d.declined.push(id.to_string()),
    }
}

/// The user's answers on measures a new outcome (`rt record` again) no longer proposes: an
/// answer given is not taken away by recording anew.
pub fn answers_dropped(decision: Option<&Decision>, proposed: &[Proposal]) -> Vec<Finding> {
    let Some(d) = decision else { return Vec::new() };
    let given = d.accepted.iter().map(|id| (id, true)).chain(d.declined.iter().map(|id| (id, false)));
    given
        .filter(|(id, _)| !proposed.iter().any(|p| &p.measure == *id))
        .map(|(id, accepted)| {
            Finding::error(
                Field::ProposedMeasure(0),
                Problem::AnsweredNotProposed { id: id.clone(), accepted },
            )
        })
        .collect()
}

/// Whether a finding of the case check only repeats one the command already explained
/// better (a decision on a measure no longer proposed, after [`answers_dropped`]).
pub fn explained(finding: &Finding, given: &[Finding]) -> bool {
    let Problem::NotProposed { id } = &finding.problem else { return false };
    given.iter().any(|g| matches!(&g.problem, Problem::AnsweredNotProposed { id: other, .. } if other == id))
}

/// The proposed measures the user has not answered yet.
pub fn unanswered(outcome: &Outcome, decision: Option<&Decision>) -> Vec<String> {
    outcome
        .proposed
        .iter()
        .filter(|p| decision.is_none_or(|d| d.answer(&p.measure).is_none()))
        .map(|p| p.measure.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Proposal;
    use crate::testing::d;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn given<'a>(accept: &'a [String], decline: &'a [String], change: bool, day: u32) -> Given<'a> {
        Given { accept, decline, change, date: d(2027, 2, day) }
    }

    #[test]
    fn answers_add_up_and_a_change_is_kept_with_its_date() {
        let first = apply(None, &given(&ids(&["a"]), &[], false, 1)).unwrap();
        assert_eq!((first.accepted.clone(), first.declined.clone()), (ids(&["a"]), ids(&[])));
        let second = apply(Some(&first), &given(&[], &ids(&["b"]), false, 3)).unwrap();
        assert_eq!(
            (second.accepted.clone(), second.declined.clone(), second.date),
            (ids(&["a"]), ids(&["b"]), d(2027, 2, 3))
        );
        let same = apply(Some(&second), &given(&ids(&["a"]), &[], false, 5)).unwrap();
        assert_eq!(same, second, "the same answer again changes nothing, not even the date");
        let changed = apply(Some(&second), &given(&ids(&["b"]), &ids(&["a"]), true, 9)).unwrap();
        assert_eq!((changed.accepted.clone(), changed.declined.clone()), (ids(&["b"]), ids(&["a"])));
        assert_eq!(
            changed.changes,
            [
                DecisionChange { date: d(2027, 2, 9), measure: "b".into(), to: Answer::Accepted },
                DecisionChange { date: d(2027, 2, 9), measure: "a".into(), to: Answer::Declined },
            ]
        );
    }

    #[test]
    fn an_answer_changes_only_when_asked_and_only_if_there_is_one() {
        let first = apply(None, &given(&ids(&["a"]), &[], false, 1)).unwrap();
        let err = apply(Some(&first), &given(&[], &ids(&["a"]), false, 2)).unwrap_err();
        assert_eq!(
            err[0].problem,
            Problem::AlreadyAnswered { id: "a".into(), accepted: true, date: d(2027, 2, 1) }
        );
        let err = apply(Some(&first), &given(&[], &ids(&["b"]), true, 2)).unwrap_err();
        assert_eq!(err[0].problem, Problem::NothingToChange { id: "b".into() });
        let err = apply(None, &given(&[], &[], false, 2)).unwrap_err();
        assert_eq!(err[0].problem, Problem::NothingDecided);
    }

    #[test]
    fn the_unanswered_measures() {
        let p = |m: &str| Proposal { measure: m.into(), unit: "helsestasjon".into(), evaluate: None };
        let outcome = Outcome {
            date: d(2027, 1, 26),
            assessment: String::new(),
            next_step: String::new(),
            proposed: vec![p("a"), p("b")],
            level2: false,
            follow_up: None,
            coordinator: String::new(),
        };
        assert_eq!(unanswered(&outcome, None), ids(&["a", "b"]));
        let first = apply(None, &given(&ids(&["a"]), &[], false, 1)).unwrap();
        assert_eq!(unanswered(&outcome, Some(&first)), ids(&["b"]));
    }
}
