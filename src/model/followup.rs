//! The follow-up after the user's decision (R13): the stafettlogg.
//!
//! In the BTI model a case that needs coordinated work gets a *stafettholder*, who keeps a
//! *stafettlogg*: the goals; the measures, each with a responsible person and an evaluation
//! date; the services taking part and each one's task (every one covered by the user's
//! consent); short dated entries; evaluations; hand-overs of the stafett, which count only
//! when the new holder accepts; and a closing with its reason. It lives in the case file as
//! `[followup]`, and belongs to the child: it replaces meeting minutes in the follow-up, not
//! each service's own journal.

use chrono::NaiveDate;

use crate::lang::Lang;

/// Why a follow-up ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EndReason {
    /// The goals were reached.
    GoalReached,
    /// The concern is gone.
    ConcernGone,
    /// Moved to an individual plan (IP) with a koordinator.
    IndividualPlan,
    /// The user (or the family) ended it.
    UserEnded,
}

impl EndReason {
    /// Every reason.
    pub const ALL: [EndReason; 4] =
        [EndReason::GoalReached, EndReason::ConcernGone, EndReason::IndividualPlan, EndReason::UserEnded];

    /// The code used in files, flags and JSON.
    pub fn code(self) -> &'static str {
        match self {
            EndReason::GoalReached => "goal-reached",
            EndReason::ConcernGone => "concern-gone",
            EndReason::IndividualPlan => "individual-plan",
            EndReason::UserEnded => "user-ended",
        }
    }

    /// Reads a code (and the Norwegian words).
    pub fn parse(text: &str) -> Option<EndReason> {
        match text.trim().to_lowercase().as_str() {
            "goal-reached" | "mål-nådd" | "målet-er-nådd" | "mål nådd" => Some(EndReason::GoalReached),
            "concern-gone" | "bekymring-borte" | "ingen-bekymring" => Some(EndReason::ConcernGone),
            "individual-plan" | "ip" | "individuell-plan" => Some(EndReason::IndividualPlan),
            "user-ended" | "avsluttet-av-bruker" | "brukeren-avsluttet" => Some(EndReason::UserEnded),
            _ => None,
        }
    }

    /// The words a user reads.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            EndReason::GoalReached => lang.pick("målet er nådd", "the goal is reached"),
            EndReason::ConcernGone => lang.pick("bekymringen er borte", "the concern is gone"),
            EndReason::IndividualPlan => lang.pick(
                "overført til individuell plan (IP) med koordinator",
                "moved to an individual plan (IP) with a koordinator",
            ),
            EndReason::UserEnded => lang.pick("brukeren avsluttet", "the user ended it"),
        }
    }
}

/// What an evaluation of a measure found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Go on as planned.
    Continue,
    /// Go on, changed.
    Change,
    /// Stop the measure.
    Stop,
}

impl Verdict {
    /// Every verdict.
    pub const ALL: [Verdict; 3] = [Verdict::Continue, Verdict::Change, Verdict::Stop];

    /// The code used in files, flags and JSON.
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Continue => "continue",
            Verdict::Change => "change",
            Verdict::Stop => "stop",
        }
    }

    /// Reads a code (and the Norwegian words).
    pub fn parse(text: &str) -> Option<Verdict> {
        match text.trim().to_lowercase().as_str() {
            "continue" | "fortsett" | "fortsette" => Some(Verdict::Continue),
            "change" | "endre" | "juster" => Some(Verdict::Change),
            "stop" | "avslutt" | "stopp" => Some(Verdict::Stop),
            _ => None,
        }
    }

    /// The words a user reads.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Verdict::Continue => lang.pick("fortsetter", "continues"),
            Verdict::Change => lang.pick("endres", "is changed"),
            Verdict::Stop => lang.pick("avsluttes", "is stopped"),
        }
    }
}

/// A goal of the follow-up, numbered from 1 in the order set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Goal {
    /// The goal, in the user's and the team's words.
    pub text: String,
    /// When it was set.
    pub set: NaiveDate,
}

/// A measure in the plan: who is responsible and when it is evaluated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedMeasure {
    /// A measure id from the tiltaksbank.
    pub measure: String,
    /// The person responsible (chosen by the provider unit's leader, R9).
    pub responsible: String,
    /// When it is to be evaluated.
    pub evaluate: NaiveDate,
    /// The goal (1-based) it serves, if one is named.
    pub goal: Option<u32>,
}

/// A service taking part, and its task (covered by the user's consent).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Participant {
    /// A unit id of `rt.toml`.
    pub unit: String,
    /// Its task.
    pub task: String,
    /// When it joined.
    pub joined: NaiveDate,
}

/// A proposed hand-over of the stafett; it counts when the new holder accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handover {
    /// The holder who proposed it.
    pub from: String,
    /// The proposed new holder.
    pub to: String,
    /// When it was proposed.
    pub proposed: NaiveDate,
    /// The answer, when there is one: accepted or declined, and when.
    pub answer: Option<(bool, NaiveDate)>,
}

/// A short dated entry of the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The day it is about.
    pub date: NaiveDate,
    /// Who wrote it.
    pub by: String,
    /// What happened.
    pub text: String,
}

/// An evaluation of a planned measure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    /// The measure evaluated.
    pub measure: String,
    /// When.
    pub date: NaiveDate,
    /// What was decided.
    pub verdict: Verdict,
    /// A short note.
    pub note: String,
}

/// The follow-up of a case (R13).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Followup {
    /// When it started.
    pub started: NaiveDate,
    /// The stafettholder now (a hand-over changes it only when accepted).
    pub holder: String,
    /// The goals, numbered from 1.
    pub goals: Vec<Goal>,
    /// The measures of the plan.
    pub measures: Vec<PlannedMeasure>,
    /// The services taking part.
    pub participants: Vec<Participant>,
    /// Hand-overs of the stafett, in order.
    pub handovers: Vec<Handover>,
    /// The log.
    pub log: Vec<Entry>,
    /// Evaluations of measures.
    pub evaluations: Vec<Evaluation>,
    /// When it ended, and why.
    pub ended: Option<(NaiveDate, EndReason)>,
}

impl Followup {
    /// A new follow-up, held by `holder`.
    pub fn new(started: NaiveDate, holder: &str) -> Followup {
        Followup {
            started,
            holder: holder.to_string(),
            goals: Vec::new(),
            measures: Vec::new(),
            participants: Vec::new(),
            handovers: Vec::new(),
            log: Vec::new(),
            evaluations: Vec::new(),
            ended: None,
        }
    }

    /// Answers the pending hand-over: accepted, the new holder holds the stafett from `on`.
    /// `false` when none is pending.
    pub fn answer(&mut self, accept: bool, on: NaiveDate) -> bool {
        let Some(h) = self.handovers.last_mut().filter(|h| h.answer.is_none()) else { return false };
        h.answer = Some((accept, on));
        if accept {
            self.holder = h.to.clone();
        }
        true
    }

    /// A hand-over proposed and not yet answered.
    pub fn pending(&self) -> Option<&Handover> {
        self.handovers.last().filter(|h| h.answer.is_none())
    }

    /// The last evaluation of a measure, if any.
    pub fn last_evaluation(&self, measure: &str) -> Option<&Evaluation> {
        self.evaluations.iter().rev().find(|e| e.measure == measure)
    }

    /// Whether a planned measure is still running (not stopped at an evaluation).
    pub fn is_running(&self, measure: &str) -> bool {
        self.last_evaluation(measure).is_none_or(|e| e.verdict != Verdict::Stop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::d;

    #[test]
    fn the_holder_changes_only_when_the_new_one_accepts() {
        let mut f = Followup::new(d(2027, 2, 1), "Kari");
        assert!(!f.answer(true, d(2027, 2, 2)), "nothing to answer");
        f.handovers.push(Handover {
            from: "Kari".into(),
            to: "Per".into(),
            proposed: d(2027, 3, 1),
            answer: None,
        });
        assert_eq!(f.holder, "Kari");
        assert!(f.pending().is_some());
        assert!(f.answer(false, d(2027, 3, 2)));
        assert_eq!(f.holder, "Kari");
        assert!(f.pending().is_none());
        f.handovers.push(Handover {
            from: "Kari".into(),
            to: "Nina".into(),
            proposed: d(2027, 3, 5),
            answer: None,
        });
        assert!(f.answer(true, d(2027, 3, 6)));
        assert_eq!(f.holder, "Nina");
    }

    #[test]
    fn codes_read_back() {
        for r in EndReason::ALL {
            assert_eq!(EndReason::parse(r.code()), Some(r));
        }
        for v in Verdict::ALL {
            assert_eq!(Verdict::parse(v.code()), Some(v));
        }
        assert_eq!(EndReason::parse("IP"), Some(EndReason::IndividualPlan));
    }
}
