//! The attendance of a meeting for its referats: who is expected (the standing members and
//! the guests the meeting's cases invite), what was stored before, and storing it in the
//! meeting's entry of `meetings/H.toml` — one transaction, under the team lock.

use chrono::NaiveDate;

use crate::error::Error;
use crate::model::dates::Half;
use crate::model::{Attendance, CaseSummary, Config};
use crate::problem::Problem;
use crate::render::agenda::{PersonView, person};
use crate::render::minutes::GuestView;
use crate::rules::attendance;
use crate::rules::invitation::{self, Guest};
use crate::session::Session;
use crate::store::atomic::Privacy;
use crate::store::{load, meetings_file};

/// The guests of the meeting on `date`: everyone its cases invite who is no standing member.
pub fn guests_of<'c>(config: &'c Config, cases: &[CaseSummary]) -> Vec<Guest<'c>> {
    let refs: Vec<&CaseSummary> = cases.iter().collect();
    invitation::guests(config, &refs)
}

/// The guests with the ids of the cases that invite them.
pub fn expected(guests: &[Guest], cases: &[CaseSummary]) -> Vec<attendance::Expected> {
    guests
        .iter()
        .map(|g| attendance::Expected {
            name: g.name.clone(),
            cases: g.cases.iter().filter_map(|(i, _)| cases.get(*i).map(|c| c.id)).collect(),
        })
        .collect()
}

/// What one case's referat shows of the attendance: the members present and absent, and the
/// guests who came for it (or for the whole meeting), each with why they came.
pub fn of_case(
    config: &Config,
    att: &Attendance,
    guests: &[Guest],
    cases: &[CaseSummary],
    id: crate::model::CaseId,
) -> (Vec<PersonView>, Vec<PersonView>, Vec<GuestView>) {
    let index = cases.iter().position(|c| c.id == id);
    let mine: Vec<(String, &'static str)> = guests
        .iter()
        .filter_map(|g| {
            let (_, role) = g.cases.iter().find(|(i, _)| Some(*i) == index)?;
            Some((g.name.clone(), role.code()))
        })
        .collect();
    let expected = expected(guests, cases);
    let today = attendance::Today {
        expected: &expected,
        anonymised_case: cases.iter().any(|c| c.anonymised.is_some()),
    };
    let shown = attendance::for_case(config, att, id, today);
    let people = |v: &[String]| v.iter().map(|n| person(config, n)).collect::<Vec<_>>();
    let guests_shown = shown
        .guests
        .iter()
        .map(|n| {
            let role = mine.iter().find(|(m, _)| m.eq_ignore_ascii_case(n)).map_or("guest", |(_, r)| r);
            GuestView { name: n.clone(), unit: person(config, n).unit, role }
        })
        .collect();
    (people(&shown.present), people(&shown.absent), guests_shown)
}

/// Stores the attendance of the meeting on `date` in its half-year's published file; says so
/// when the half-year is not published (there is no file to keep it in).
pub fn store(ctx: &Session, config: &Config, date: NaiveDate, att: &Attendance) -> Result<(), Error> {
    let half = Half::of(date);
    let mut tx = ctx.transaction()?;
    let rel = load::meetings_rel(half);
    let Some(text) = tx.read(&rel)? else {
        ctx.warn(&Problem::AttendanceNotStored { half: half.to_string() });
        return Ok(());
    };
    let mut schedule = load::schedule_or_stop(tx.team(), config, half)?;
    let Some(meeting) = schedule.meetings.iter_mut().find(|m| m.date == date) else { return Ok(()) };
    if meeting.attendance.as_ref() == Some(att) {
        return Ok(());
    }
    meeting.attendance = Some(att.clone());
    let written =
        meetings_file::rewrite(&text, &schedule).ok_or_else(|| Error::invalid_file(&rel, Vec::new()))?;
    tx.replace(&rel, &text, written, Privacy::Shared);
    crate::cmd::commit(ctx, tx)?;
    Ok(())
}
