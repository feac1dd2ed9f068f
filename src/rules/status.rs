//! Where a case may go next: status moves only forward along
//! referred → scheduled → discussed → decided → closed. The team's outcome may be amended
//! while the case is still only discussed; a case may be closed early (withdrawn, moved
//! elsewhere) but only with a reason (a lapsed consent is one; a guidance case, which has no
//! user decision, closes once the team's advice is recorded).

use crate::model::Status;
use crate::problem::Problem;

/// What a command wants to do with a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// `rt record`: the team's outcome.
    Record,
    /// `rt decide`: the user's decision.
    Decide,
    /// `rt close`: end the case.
    Close {
        /// Whether there is a reason to end it before the user's decision: one given, a
        /// lapsed consent, or — for a guidance case — the team's advice recorded.
        with_reason: bool,
    },
}

impl Step {
    /// The command's name, for messages.
    pub fn command(self) -> &'static str {
        match self {
            Step::Record => "rt record",
            Step::Decide => "rt decide",
            Step::Close { .. } => "rt close",
        }
    }
}

/// The status a step leads to from `from`, or why it may not be taken.
pub fn next(from: Status, step: Step) -> Result<Status, Problem> {
    use Status::*;
    let to = match (step, from) {
        (Step::Record, Referred | Scheduled | Discussed) => Discussed,
        (Step::Decide, Discussed | Decided) => Decided,
        (Step::Close { .. }, Decided) => Closed,
        (Step::Close { with_reason: true }, Referred | Scheduled | Discussed) => Closed,
        (Step::Close { with_reason: false }, Referred | Scheduled | Discussed) => {
            return Err(Problem::CloseNeedsReason { status: from });
        }
        _ => return Err(Problem::StepNotAllowed { command: step.command(), status: from }),
    };
    Ok(to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    #[test]
    fn every_step_from_every_status() {
        let close = Step::Close { with_reason: false };
        let close_why = Step::Close { with_reason: true };
        let table = [
            (Referred, Step::Record, Some(Discussed)),
            (Scheduled, Step::Record, Some(Discussed)),
            (Discussed, Step::Record, Some(Discussed)),
            (Decided, Step::Record, None),
            (Closed, Step::Record, None),
            (Referred, Step::Decide, None),
            (Scheduled, Step::Decide, None),
            (Discussed, Step::Decide, Some(Decided)),
            (Decided, Step::Decide, Some(Decided)),
            (Closed, Step::Decide, None),
            (Decided, close, Some(Closed)),
            (Scheduled, close, None),
            (Scheduled, close_why, Some(Closed)),
            (Closed, close_why, None),
        ];
        for (from, step, expected) in table {
            assert_eq!(next(from, step).ok(), expected, "{from:?} {step:?}");
        }
        assert_eq!(next(Scheduled, close), Err(Problem::CloseNeedsReason { status: Scheduled }));
        assert_eq!(
            next(Closed, Step::Record),
            Err(Problem::StepNotAllowed { command: "rt record", status: Closed })
        );
    }
}
