//! The leader's changes to the meetings: publish a half-year (its dates are then fixed),
//! cancel a meeting (its cases move to the next meeting with room), move a meeting (its
//! cases go with it). Each is one transaction: the meetings file and every case it moves are
//! read under the team lock and written together, or not at all.

use chrono::NaiveDate;

use crate::error::Error;
use crate::model::dates::Half;
use crate::model::{Config, Schedule, Status};
use crate::problem::Problem;
use crate::schedule::calendar::Closures;
use crate::schedule::placement::{self, Load};
use crate::schedule::plan::planned;
use crate::session::Session;
use crate::store::atomic::Privacy;
use crate::store::transaction::Transaction;
use crate::store::{cases, load, meetings_file};

/// `--publish`: writes `meetings/H.toml` from the rules; refuses an existing one.
pub fn publish(ctx: &Session, config: &Config, half: Half) -> Result<(), Error> {
    let lang = ctx.lang;
    let mut tx = ctx.transaction()?;
    let rel = load::meetings_rel(half);
    if tx.exists(&rel) {
        return Err(Error::Stop(Problem::AlreadyPublished { half: half.to_string() }));
    }
    let mut schedule = planned(half, config);
    if schedule.meetings.is_empty() {
        return Err(Error::Stop(Problem::NoMeetings { half: half.to_string() }));
    }
    schedule.published = Some(ctx.today);
    tx.create(&rel, meetings_file::new_text(&schedule, lang), Privacy::Shared);
    let (all, diags) = load::cases(tx.team());
    crate::cmd::commit(ctx, tx)?;
    ctx.note(lang.pick(
        format!("Publisert: {rel} ({} møter). Datoene ligger nå fast.", schedule.meetings.len()),
        format!("Published: {rel} ({} meetings). The dates are now fixed.", schedule.meetings.len()),
    ));
    // Cases already placed on a day the published schedule has no meeting would be lost.
    crate::cmd::warn_unreadable_cases(ctx, &diags, crate::cmd::LEFT_OUT);
    for c in all.iter().filter(|c| c.case.status == Status::Scheduled) {
        if let Some(date) = c.case.meeting
            && half.contains(date)
            && schedule.on(date).is_none()
        {
            ctx.warn(&Problem::PlacedOnNoMeeting { id: c.case.id.to_string(), date });
        }
    }
    Ok(())
}

/// The published schedule of the half-year of `date`, with the text it was read from.
fn published(
    tx: &Transaction<'_>,
    config: &Config,
    date: NaiveDate,
) -> Result<(Schedule, String, String), Error> {
    let half = Half::of(date);
    let rel = load::meetings_rel(half);
    let Some(text) = tx.read(&rel)? else {
        return Err(Error::Stop(Problem::NotPublished { half: half.to_string() }));
    };
    let schedule = load::schedule_or_stop(tx.team(), config, half)?;
    Ok((schedule, rel, text))
}

/// A case file that cannot be read may be placed in the meeting being changed: moving the
/// meeting without it would leave it behind on a day that is no meeting, so the change waits
/// until it is fixed.
fn refuse_unreadable(diags: &[crate::diagnostic::Diagnostic]) -> Result<(), Error> {
    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).cloned().collect();
    match errors.first() {
        None => Ok(()),
        Some(first) => Err(Error::invalid_file(&first.file.clone(), errors)),
    }
}

fn unknown_meeting(schedule: &Schedule, date: NaiveDate, today: NaiveDate) -> Error {
    let next = schedule
        .by_date()
        .iter()
        .filter(|m| m.is_open() && m.date >= today)
        .take(3)
        .map(|m| m.date)
        .collect();
    Error::Stop(Problem::NoMeetingOn { date, next })
}

/// Stages the meetings file written back, keeping hand edits.
fn save(tx: &mut Transaction<'_>, rel: &str, text: &str, schedule: &Schedule) -> Result<(), Error> {
    let mut doc: toml_edit::DocumentMut = text.parse().map_err(|_| Error::invalid_file(rel, Vec::new()))?;
    meetings_file::apply(schedule, &mut doc);
    tx.replace(rel, text, doc.to_string(), Privacy::Shared);
    Ok(())
}

/// `--cancel DATE --reason TEXT`.
pub fn cancel(ctx: &Session, config: &Config, date: NaiveDate, reason: &str) -> Result<i32, Error> {
    let lang = ctx.lang;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::Stop(Problem::Missing { key: "--reason".into() }));
    }
    let field = crate::model::Field::Key("--reason".into());
    if let Some(problem) = crate::rules::text::character_problem(&field, reason, true) {
        return Err(problem.into());
    }
    // The reason goes into the meetings file, the calendar and every invitation: no one's id.
    if crate::rules::national_id::contains_national_id(reason) {
        return Err(Problem::NationalId { field: crate::model::Field::Key("--reason".into()) }.into());
    }
    let mut tx = ctx.transaction()?;
    let (mut schedule, rel, text) = published(&tx, config, date)?;
    let Some(index) = schedule.meetings.iter().position(|m| m.date == date) else {
        return Err(unknown_meeting(&schedule, date, ctx.today));
    };
    // Held: gone by, or its attendance already stored by `rt minutes` (on the day itself).
    if date < ctx.today || schedule.meetings[index].attendance.is_some() {
        return Err(Error::Stop(Problem::HeldMeetingUnchangeable { date }));
    }
    // Cancelling twice only finishes moving the cases (a meeting cancelled by hand).
    let meeting = &mut schedule.meetings[index];
    if meeting.is_open() {
        meeting.cancelled = Some(reason.to_string());
        meeting.sequence += 1;
    }
    let (all, diags) = load::cases(tx.team());
    refuse_unreadable(&diags)?;
    let mut load = Load::of(all.iter().map(|c| &c.case));
    let mut meetings = load::meetings_around(tx.team(), config, date, None)?;
    for m in &mut meetings {
        if m.date == date {
            m.cancelled = Some(reason.to_string());
        }
    }
    let capacity = config.meetings.cases_per_meeting;
    let mut moved = Vec::new();
    for c in all.iter().filter(|c| c.case.meeting == Some(date)) {
        let target = placement::with_room(&meetings, date, capacity, &load).next().map(|m| m.date);
        let edit = cases::open_in(&tx, &c.case.id.to_string())?;
        let mut case = edit.case.clone();
        case.meeting = target;
        if target.is_none() && case.status == Status::Scheduled {
            case.status = Status::Referred;
        }
        cases::save(&mut tx, &edit, &case)?;
        load.shift(Some(date), target);
        moved.push((case.id, target));
    }
    save(&mut tx, &rel, &text, &schedule)?;
    crate::cmd::commit(ctx, tx)?;
    let mut out = String::new();
    for (id, target) in &moved {
        let to =
            target.map_or_else(|| lang.pick("ikke plassert", "not placed").to_string(), |d| d.to_string());
        out.push_str(&format!("{id}: {date} → {to}\n"));
    }
    ctx.print(&out)?;
    ctx.note(lang.pick(
        format!(
            "Møtet {date} er avlyst ({reason}). {} flyttet.",
            crate::lang::count(moved.len(), "sak", "saker")
        ),
        format!(
            "The meeting on {date} is cancelled ({reason}). {} moved.",
            crate::lang::count(moved.len(), "case", "cases")
        ),
    ));
    Ok(0)
}

/// `--move DATE --to DATE`.
pub fn move_meeting(ctx: &Session, config: &Config, from: NaiveDate, to: NaiveDate) -> Result<i32, Error> {
    let lang = ctx.lang;
    let mut tx = ctx.transaction()?;
    let (mut schedule, rel, text) = published(&tx, config, from)?;
    let Some(index) = schedule.meetings.iter().position(|m| m.date == from && m.is_open()) else {
        return Err(unknown_meeting(&schedule, from, ctx.today));
    };
    if !schedule.half.contains(to) {
        return Err(Error::Stop(Problem::MoveOutsideHalf { half: schedule.half.to_string() }));
    }
    if from < ctx.today || schedule.meetings[index].attendance.is_some() {
        return Err(Error::Stop(Problem::HeldMeetingUnchangeable { date: from }));
    }
    if to < ctx.today {
        return Err(Error::Stop(Problem::MoveIntoThePast { date: to, today: ctx.today }));
    }
    if let Some(why) = Closures::of(config).closure(to) {
        return Err(Error::Stop(Problem::MeetingOnClosedDay { why: why.label(lang) }));
    }
    if schedule.meetings.iter().any(|m| m.date == to) {
        return Err(Error::Stop(Problem::MeetingTaken { date: to }));
    }
    let meeting = &mut schedule.meetings[index];
    meeting.moved_from = meeting.moved_from.or(Some(from));
    meeting.date = to;
    meeting.sequence += 1;
    let (all, diags) = load::cases(tx.team());
    refuse_unreadable(&diags)?;
    let mut out = String::new();
    for c in all.iter().filter(|c| c.case.meeting == Some(from)) {
        let edit = cases::open_in(&tx, &c.case.id.to_string())?;
        let mut case = edit.case.clone();
        case.meeting = Some(to);
        cases::save(&mut tx, &edit, &case)?;
        out.push_str(&format!("{}: {from} → {to}\n", case.id));
    }
    save(&mut tx, &rel, &text, &schedule)?;
    crate::cmd::commit(ctx, tx)?;
    ctx.print(&out)?;
    ctx.note(lang.pick(
        format!("Møtet {from} er flyttet til {to}."),
        format!("The meeting on {from} is moved to {to}."),
    ));
    Ok(0)
}
