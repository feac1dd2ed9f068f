//! R2 in time: whether a user's identity may be shown on a day.
//!
//! Consent is valid from its date until it expires or is withdrawn. A known user whose
//! consent has lapsed — withdrawn, expired, or never given — may only be discussed
//! anonymously, so from that moment no invitation, referat, list or mail shows the initials
//! or the birth date, and no identified outcome or decision is saved. Every renderer asks
//! [`identity_allowed`] with the day it judges on ([`judged_on`]): the meeting, or today when
//! that is later, since a withdrawal reaches back over every output made after it.

use chrono::NaiveDate;

use crate::model::{Case, CaseSummary, Consent, Status, User};
use crate::problem::Problem;

/// Why a known user's identity may not be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lapse {
    /// The user withdrew the consent on this day.
    Withdrawn(NaiveDate),
    /// The consent was valid to and including this day.
    Expired(NaiveDate),
    /// No consent was given (by then).
    NotGiven,
}

impl Lapse {
    /// Whether it was withdrawn, and the day it lapsed (withdrawn, or the last valid day); a
    /// consent never given has no day.
    pub fn dated(self) -> Option<(bool, NaiveDate)> {
        match self {
            Lapse::Withdrawn(d) => Some((true, d)),
            Lapse::Expired(d) => Some((false, d)),
            Lapse::NotGiven => None,
        }
    }
}

/// What the rule needs of a case: who it is about and the consent. A whole [`Case`] and a
/// [`CaseSummary`] both have them.
pub trait Consented {
    /// Who the case is about.
    fn user(&self) -> &User;
    /// The consent, if any.
    fn consent(&self) -> Option<&Consent>;
}

impl Consented for Case {
    fn user(&self) -> &User {
        &self.user
    }
    fn consent(&self) -> Option<&Consent> {
        self.consent.as_ref()
    }
}

impl Consented for CaseSummary {
    fn user(&self) -> &User {
        &self.user
    }
    fn consent(&self) -> Option<&Consent> {
        self.consent.as_ref()
    }
}

/// Why a known user's consent does not hold on `on`; `None` when it holds, or when there is
/// no identity to protect (anonymous, guidance without a user, anonymised).
pub fn lapse(case: &impl Consented, on: NaiveDate) -> Option<Lapse> {
    if !matches!(case.user(), User::Known { .. }) {
        return None;
    }
    let Some(c) = case.consent() else { return Some(Lapse::NotGiven) };
    match (c.withdrawn, c.expires) {
        (Some(w), _) if w <= on => Some(Lapse::Withdrawn(w)),
        (_, Some(e)) if e < on => Some(Lapse::Expired(e)),
        _ if c.date > on => Some(Lapse::NotGiven),
        _ => None,
    }
}

/// Whether the user's identity may be shown in an output judged on `on`: always for a case
/// without identity (there is none to show), for a known user only while consent holds.
pub fn identity_allowed(case: &impl Consented, on: NaiveDate) -> bool {
    lapse(case, on).is_none()
}

/// Whether anything may be written on a case on `on` (an outcome, a decision, a goal, a log
/// entry, a hand-over): not while it holds a known user whose consent was withdrawn or has
/// expired. The case must first go on anonymously (`rt consent ID --then anonymous`) or be
/// closed (`rt close`, which this does not judge), and it says so. A consent never given is
/// an error of the case file itself, found by its check.
pub fn identity_may_be_saved(case: &Case, on: NaiveDate) -> Result<(), Problem> {
    match lapse(case, on).and_then(Lapse::dated) {
        Some((withdrawn, date)) => {
            Err(Problem::IdentityAfterConsent { id: case.id.to_string(), withdrawn, date })
        }
        None => Ok(()),
    }
}

/// The day an output about a case placed in `meeting` is judged on: the meeting, or today
/// when that is later — a consent withdrawn after the meeting still hides the user from
/// every referat made since.
pub fn judged_on(meeting: Option<NaiveDate>, today: NaiveDate) -> NaiveDate {
    meeting.map_or(today, |m| m.max(today))
}

/// A case still waiting for its meeting whose consent will have lapsed by then: the meeting
/// and why. (Only a withdrawal or an expiry: a missing consent is an error of its own.)
pub fn lapses_before_meeting(case: &Case) -> Option<(NaiveDate, Lapse)> {
    let meeting = case.meeting.filter(|_| case.status == Status::Scheduled)?;
    lapse(case, meeting).filter(|l| l.dated().is_some()).map(|l| (meeting, l))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{bti_case, d};

    #[test]
    fn consent_holds_from_its_date_until_it_expires_or_is_withdrawn() {
        let mut case = bti_case(); // consent given 2027-01-04
        assert_eq!(lapse(&case, d(2027, 1, 4)), None);
        assert_eq!(lapse(&case, d(2027, 1, 3)), Some(Lapse::NotGiven), "not yet given");
        case.consent.as_mut().unwrap().expires = Some(d(2027, 1, 20));
        assert_eq!(lapse(&case, d(2027, 1, 20)), None, "valid through its last day");
        assert_eq!(lapse(&case, d(2027, 1, 21)), Some(Lapse::Expired(d(2027, 1, 20))));
        case.consent.as_mut().unwrap().withdrawn = Some(d(2027, 1, 10));
        assert_eq!(lapse(&case, d(2027, 1, 9)), None);
        assert_eq!(lapse(&case, d(2027, 1, 10)), Some(Lapse::Withdrawn(d(2027, 1, 10))), "from that day");
        assert_eq!(lapse(&case, d(2027, 1, 30)), Some(Lapse::Withdrawn(d(2027, 1, 10))), "withdrawal first");
        case.consent = None;
        assert_eq!(lapse(&case, d(2027, 1, 10)), Some(Lapse::NotGiven));
        assert!(!identity_allowed(&case, d(2027, 1, 10)));
    }

    #[test]
    fn nothing_identified_is_saved_once_the_consent_has_lapsed() {
        let mut case = bti_case(); // consent given 2027-01-04
        assert_eq!(identity_may_be_saved(&case, d(2027, 2, 1)), Ok(()));
        case.consent.as_mut().unwrap().withdrawn = Some(d(2027, 1, 10));
        assert_eq!(identity_may_be_saved(&case, d(2027, 1, 9)), Ok(()), "before the withdrawal");
        assert_eq!(
            identity_may_be_saved(&case, d(2027, 2, 1)),
            Err(Problem::IdentityAfterConsent {
                id: case.id.to_string(),
                withdrawn: true,
                date: d(2027, 1, 10)
            })
        );
        let anonymous = Case { user: User::Anonymous { age: Some(7) }, consent: None, ..case };
        assert_eq!(identity_may_be_saved(&anonymous, d(2027, 2, 1)), Ok(()), "gone on anonymously");
    }

    #[test]
    fn without_identity_there_is_nothing_to_hide() {
        for user in [User::Anonymous { age: Some(7) }, User::Nobody, User::Removed] {
            let case = Case { user, consent: None, ..bti_case() };
            assert!(identity_allowed(&case, d(2030, 1, 1)));
        }
    }

    #[test]
    fn an_output_is_judged_on_the_meeting_or_today_whichever_is_later() {
        assert_eq!(judged_on(Some(d(2027, 1, 26)), d(2027, 1, 19)), d(2027, 1, 26));
        assert_eq!(judged_on(Some(d(2027, 1, 26)), d(2027, 2, 1)), d(2027, 2, 1));
        assert_eq!(judged_on(None, d(2027, 2, 1)), d(2027, 2, 1));
    }

    #[test]
    fn only_a_scheduled_case_lapses_before_its_meeting() {
        let mut case = Case { status: Status::Scheduled, meeting: Some(d(2027, 1, 26)), ..bti_case() };
        assert_eq!(lapses_before_meeting(&case), None);
        case.consent.as_mut().unwrap().expires = Some(d(2027, 1, 20));
        assert_eq!(lapses_before_meeting(&case), Some((d(2027, 1, 26), Lapse::Expired(d(2027, 1, 20)))));
        case.status = Status::Discussed;
        assert_eq!(lapses_before_meeting(&case), None);
    }
}
