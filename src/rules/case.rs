//! The rules a case must keep, whether it comes from `rt refer` or from a file (R1–R4).
//!
//! R5 (violence or abuse) is not here: such a case is never written, so `rt refer` stops it
//! before a case exists. What remains here is a reminder when a text mentions violence.

use chrono::{Months, NaiveDate};

use super::text::{self, MAX_NAME, MAX_TEXT};
use super::{Finding, national_id};
use crate::model::dates::age_on;
use crate::model::{Case, Config, ConsentBy, Field, Status, Tiltaksbank, User, WayIn};
use crate::problem::Problem;
use crate::suggest;

/// What the rules need to know besides the case.
pub struct RuleContext<'a> {
    /// The team configuration (units, consent age).
    pub config: &'a Config,
    /// The tiltaksbank, when loaded; measures are checked only then.
    pub measures: Option<&'a Tiltaksbank>,
    /// Today's date.
    pub today: NaiveDate,
}

/// The oldest birth date accepted, relative to today.
const MAX_AGE_YEARS: u32 = 110;

/// Every finding on a case.
pub fn check(case: &Case, cx: &RuleContext) -> Vec<Finding> {
    let mut out = Vec::new();
    check_identity(case, cx, &mut out);
    check_consent(case, cx, &mut out);
    check_texts(case, &mut out);
    check_references(case, cx, &mut out);
    check_dates_and_status(case, cx, &mut out);
    super::meeting_date::check(case, cx.today, &mut out);
    super::followup::check(case, cx, &mut out);
    out
}

/// R1 and R3: who the case is about.
fn check_identity(case: &Case, cx: &RuleContext, out: &mut Vec<Finding>) {
    match (&case.user, case.way_in) {
        (User::Nobody, WayIn::Bti | WayIn::UserCase) => {
            out.push(Finding::error(Field::User, Problem::UserMissing { way: case.way_in }));
        }
        (User::Known { initials, born }, _) => {
            if text::normalise_initials(initials).as_deref() != Some(initials.as_str()) {
                out.push(Finding::error(Field::Initials, Problem::BadInitials));
            }
            if *born > cx.today {
                out.push(Finding::error(Field::Born, Problem::BornInFuture));
            } else if cx.today.checked_sub_months(Months::new(12 * MAX_AGE_YEARS)).is_some_and(|d| *born < d)
            {
                out.push(Finding::error(Field::Born, Problem::BornTooLongAgo));
            }
        }
        (User::Anonymous { age: Some(age) }, _) if u32::from(*age) > MAX_AGE_YEARS => {
            out.push(Finding::error(
                Field::Age,
                Problem::OutOfRange {
                    key: "user.age".into(),
                    value: i64::from(*age),
                    min: 0,
                    max: i64::from(MAX_AGE_YEARS),
                },
            ));
        }
        _ => {}
    }
    if case.bti_level.is_some() && case.way_in != WayIn::Bti {
        out.push(Finding::error(Field::BtiLevel, Problem::BtiLevelNotBti { way: case.way_in }));
    }
}

/// R2 and R3: consent and the unit-leader check.
fn check_consent(case: &Case, cx: &RuleContext, out: &mut Vec<Finding>) {
    match (&case.user, &case.consent) {
        (User::Known { .. }, None) => out.push(Finding::error(Field::Consent, Problem::ConsentMissing)),
        (User::Anonymous { .. }, Some(_)) => {
            out.push(Finding::error(Field::Consent, Problem::ConsentOnAnonymous));
        }
        (User::Nobody, Some(_)) => out.push(Finding::error(Field::Consent, Problem::ConsentWithoutUser)),
        (User::Removed, Some(_)) => out.push(Finding::error(Field::Consent, Problem::ConsentOnAnonymous)),
        _ => {}
    }
    if case.anonymous_since.is_some() && (matches!(case.user, User::Known { .. }) || case.consent.is_some()) {
        out.push(Finding::error(Field::User, Problem::AnonymousSinceWithIdentity));
    }
    // R3: an anonymous user has no named contact persons; a name would tell who it is.
    if matches!(case.user, User::Anonymous { .. }) && !case.invite.is_empty() {
        out.push(Finding::error(Field::Invite(None), Problem::ContactsOfAnonymous));
    }
    if matches!(case.user, User::Known { .. }) && case.leader_consulted.is_none() {
        out.push(Finding::error(Field::LeaderConsulted, Problem::LeaderCheckMissing));
    }
    let Some(consent) = &case.consent else { return };
    if consent.date > cx.today {
        out.push(Finding::error(Field::ConsentDate, Problem::ConsentInFuture));
    }
    for (field, date) in
        [(Field::ConsentExpires, consent.expires), (Field::ConsentWithdrawn, consent.withdrawn)]
    {
        if date.is_some_and(|d| d < consent.date) {
            let key = field.path();
            out.push(Finding::error(field, Problem::ConsentDatesReversed { key }));
        }
    }
    // R2 in time: a case waiting for a meeting its consent will not reach is told as such;
    // otherwise an expired consent on an open case.
    if let Some((meeting, lapse)) = super::consent::lapses_before_meeting(case)
        && let Some((withdrawn, date)) = lapse.dated()
    {
        let field = if withdrawn { Field::ConsentWithdrawn } else { Field::ConsentExpires };
        let id = case.id.to_string();
        out.push(Finding::warning(
            field,
            Problem::ConsentLapsesBeforeMeeting { id, meeting, withdrawn, date },
        ));
    } else if consent.expires.is_some_and(|d| d < cx.today)
        && consent.withdrawn.is_none()
        && case.status != Status::Closed
    {
        out.push(Finding::warning(Field::ConsentExpires, Problem::ConsentExpired));
    }
    for (i, unit) in consent.units.iter().enumerate() {
        check_unit(unit, Field::ConsentUnits(Some(i)), cx, out);
    }
    if let User::Known { born, .. } = &case.user {
        let age = age_on(*born, consent.date);
        let self_age = cx.config.self_consent_age;
        let fits = match consent.given_by {
            ConsentBy::SelfConsent => age >= i32::from(self_age),
            ConsentBy::User => age >= 18,
            ConsentBy::Guardian => true,
        };
        if !fits {
            out.push(Finding::error(
                Field::ConsentBy,
                Problem::ConsentByAge { given_by: consent.given_by, age, self_age },
            ));
        }
    }
}

/// R4, and hygiene for every text: no national ids, no control characters, sane lengths.
/// An anonymised case has had its texts removed on purpose, so R4 no longer applies to it.
fn check_texts(case: &Case, out: &mut Vec<Finding>) {
    let s = &case.situation;
    let kept = case.anonymised.is_none();
    let required = [
        (Field::Concern, &s.concern, kept),
        (Field::Tried, &s.tried, kept),
        (Field::Wishes, &s.wishes, kept && case.way_in != WayIn::Guidance),
    ];
    for (field, value, needed) in required {
        if needed && value.trim().is_empty() {
            out.push(Finding::error(field.clone(), Problem::TextMissing { field }));
        }
    }
    let mut texts: Vec<(Field, &str, usize)> = vec![
        (Field::Concern, &s.concern, MAX_TEXT),
        (Field::Tried, &s.tried, MAX_TEXT),
        (Field::Wishes, &s.wishes, MAX_TEXT),
        (Field::Question, &s.question, MAX_TEXT),
        (Field::ReferrerName, &case.referrer.name, MAX_NAME),
        (Field::ClosedReason, &case.closed_reason, MAX_TEXT),
    ];
    texts.extend(case.invite.iter().enumerate().map(|(i, n)| (Field::Invite(Some(i)), n.as_str(), MAX_NAME)));
    if let Some(o) = &case.outcome {
        texts.push((Field::Assessment, &o.assessment, MAX_TEXT));
        texts.push((Field::NextStep, &o.next_step, MAX_TEXT));
        texts.push((Field::Coordinator, &o.coordinator, MAX_NAME));
    }
    for (field, value, max) in texts {
        check_text(field, value, max, out);
    }
    if kept && case.referrer.name.trim().is_empty() {
        out.push(Finding::error(Field::ReferrerName, Problem::FieldMissing { field: Field::ReferrerName }));
    }
}

/// Hygiene for one text: no national id, no control characters (no line break in a name), a
/// sane length; and R5's reminder when a free text speaks of violence.
pub(super) fn check_text(field: Field, value: &str, max: usize, out: &mut Vec<Finding>) {
    let one_line = max == MAX_NAME;
    if national_id::contains_national_id(value) {
        out.push(Finding::error(field.clone(), Problem::NationalId { field: field.clone() }));
    }
    if let Some(problem) = text::character_problem(&field, value, one_line) {
        out.push(Finding::error(field.clone(), problem));
    }
    if value.chars().count() > max {
        out.push(Finding::error(field.clone(), Problem::TextTooLong { field: field.clone(), max }));
    }
    if !one_line && field != Field::Question && text::mentions_violence(value) {
        out.push(Finding::warning(field.clone(), Problem::ViolenceMentioned { field }));
    }
}

/// Units, measures and the people to invite must exist.
fn check_references(case: &Case, cx: &RuleContext, out: &mut Vec<Finding>) {
    check_unit(&case.referrer.unit, Field::ReferrerUnit, cx, out);
    // R7: only people of rt.toml can be invited; anyone else would get no invitation.
    for (i, name) in case.invite.iter().enumerate() {
        if cx.config.person(name).is_none() {
            let suggestion = suggest::closest(name, cx.config.person_names());
            out.push(Finding::warning(
                Field::Invite(Some(i)),
                Problem::UnknownContact { name: name.clone(), suggestion },
            ));
        }
    }
    let Some(outcome) = &case.outcome else {
        if case.decision.is_some() {
            out.push(Finding::error(
                Field::Decision,
                Problem::StatusNeeds { status: case.status, key: "outcome".into() },
            ));
        }
        return;
    };
    for (i, p) in outcome.proposed.iter().enumerate() {
        // A service outside the team offers measures but takes no assignment from it.
        if cx.config.unit(&p.unit).is_none() && cx.config.knows_provider(&p.unit) {
            let problem = Problem::AssignedOutsideTeam {
                provider: p.unit.clone(),
                referrer: case.referrer.unit.clone(),
            };
            out.push(Finding::error(Field::ProposedUnit(i), problem));
        } else {
            check_unit(&p.unit, Field::ProposedUnit(i), cx, out);
        }
        if let Some(bank) = cx.measures
            && !bank.knows(&p.measure)
        {
            let suggestion = suggest::closest(&p.measure, bank.measures.iter().map(|m| m.id.as_str()));
            out.push(Finding::error(
                Field::ProposedMeasure(i),
                Problem::UnknownMeasure { id: p.measure.clone(), suggestion },
            ));
        }
    }
    if let Some(decision) = &case.decision {
        for (i, id) in decision.declined.iter().enumerate() {
            if decision.accepted.contains(id) {
                out.push(Finding::error(
                    Field::Declined(Some(i)),
                    Problem::AcceptedAndDeclined { id: id.clone() },
                ));
            }
        }
        for (declined, ids) in [(false, &decision.accepted), (true, &decision.declined)] {
            for (i, id) in ids.iter().enumerate() {
                if !outcome.proposed.iter().any(|p| &p.measure == id) {
                    let field = if declined { Field::Declined(Some(i)) } else { Field::Accepted(Some(i)) };
                    out.push(Finding::error(field, Problem::NotProposed { id: id.clone() }));
                }
            }
        }
    }
}

pub(super) fn check_unit(unit: &str, field: Field, cx: &RuleContext, out: &mut Vec<Finding>) {
    if cx.config.unit(unit).is_none() {
        let suggestion = suggest::closest(unit, cx.config.unit_ids());
        out.push(Finding::error(field, Problem::UnknownUnit { unit: unit.to_string(), suggestion }));
    }
}

/// The latest date a case may be given: a year from today.
pub fn latest_date(today: NaiveDate) -> NaiveDate {
    today.checked_add_months(Months::new(12)).unwrap_or(today)
}

/// Dates in order, and a status that matches what the case holds.
fn check_dates_and_status(case: &Case, cx: &RuleContext, out: &mut Vec<Finding>) {
    if case.id.date() != case.referred {
        out.push(Finding::error(Field::Id, Problem::IdDateNotReferred { id: case.id.to_string() }));
    }
    if case.referred > cx.today {
        out.push(Finding::error(Field::Referred, Problem::ReferredInFuture));
    }
    if case.meeting.is_some_and(|m| m < case.referred) {
        out.push(Finding::error(Field::Meeting, Problem::MeetingBeforeReferral));
    }
    // What the team and the user decided cannot be dated after today.
    let recorded = [
        (Field::OutcomeDate, case.outcome.as_ref().map(|o| o.date), false),
        (Field::DecisionDate, case.decision.as_ref().map(|d| d.date), true),
    ];
    for (field, date, decision) in recorded {
        if let Some(date) = date.filter(|d| *d > cx.today && *d <= latest_date(cx.today)) {
            out.push(Finding::warning(field, Problem::RecordedAhead { date, decision }));
        }
    }
    // A date before the referral or far ahead is a typo — and a closing date decides when
    // `rt purge` deletes: 2001 would delete at once, 2099 never.
    let latest = latest_date(cx.today);
    let dated = [
        (Field::OutcomeDate, case.outcome.as_ref().map(|o| o.date)),
        (Field::FollowUp, case.outcome.as_ref().and_then(|o| o.follow_up)),
        (Field::DecisionDate, case.decision.as_ref().map(|d| d.date)),
        (Field::Closed, case.closed),
    ];
    let evaluations = case.outcome.iter().flat_map(|o| o.proposed.iter().enumerate());
    let dated = dated.into_iter().chain(evaluations.map(|(i, p)| (Field::ProposedEvaluate(i), p.evaluate)));
    for (field, date) in dated {
        if let Some(date) = date.filter(|d| *d < case.referred || *d > latest) {
            out.push(Finding::error(
                field,
                Problem::DateOutOfRange { date, from: case.referred, to: latest },
            ));
        }
    }
    let needs: &[(&str, bool)] = match case.status {
        Status::Referred => &[],
        Status::Scheduled => &[("meeting", case.meeting.is_some())],
        Status::Discussed => &[("outcome", case.outcome.is_some())],
        Status::Decided => &[("outcome", case.outcome.is_some()), ("decision", case.decision.is_some())],
        Status::Closed => &[("closed", case.closed.is_some())],
    };
    for (key, present) in needs {
        if !present {
            out.push(Finding::error(
                Field::Status,
                Problem::StatusNeeds { status: case.status, key: (*key).to_string() },
            ));
        }
    }
    if case.closed.is_some() && case.status != Status::Closed {
        out.push(Finding::error(Field::Closed, Problem::ClosedButOpen));
    }
}
