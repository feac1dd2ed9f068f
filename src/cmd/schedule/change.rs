//! The leader's changes to the meetings: publish a half-year (its dates are then fixed),
//! cancel a meeting (its cases move to the next meeting with room), move a meeting (its
//! cases go with it). Each runs under the team lock and says who moved.

use chrono::NaiveDate;

use crate::context::Context;
use crate::error::Error;
use crate::model::dates::Half;
use crate::model::{Config, Schedule, Status};
use crate::output;
use crate::problem::Problem;
use crate::schedule::calendar::Closures;
use crate::schedule::placement::{self, Load};
use crate::schedule::plan::planned;
use crate::store::atomic::{self, Privacy};
use crate::store::lock::TeamLock;
use crate::store::{cases, load, meetings_file};

/// `--publish`: writes `meetings/H.toml` from the rules; refuses an existing one.
pub fn publish(ctx: &Context, config: &Config, half: Half) -> Result<(), Error> {
    let lang = ctx.lang;
    let _lock = TeamLock::acquire(&ctx.team)?;
    let rel = load::meetings_rel(half);
    if ctx.team.path(&rel).exists() {
        return Err(Error::Invalid(Problem::AlreadyPublished { half: half.to_string() }));
    }
    let mut schedule = planned(half, config);
    if schedule.meetings.is_empty() {
        return Err(Error::Invalid(Problem::NoMeetings { half: half.to_string() }));
    }
    schedule.published = Some(ctx.today);
    let path = ctx.team.path(&rel);
    atomic::create_new(&path, meetings_file::new_text(&schedule, lang).as_bytes(), Privacy::Shared)
        .map_err(|e| Error::write(&path, e))?;
    ctx.team.wrote(&path);
    output::note(&lang.pick(
        format!("Publisert: {rel} ({} møter). Datoene ligger nå fast.", schedule.meetings.len()),
        format!("Published: {rel} ({} meetings). The dates are now fixed.", schedule.meetings.len()),
    ));
    // Cases already placed on a day the published schedule has no meeting would be lost.
    let (all, diags) = load::cases(&ctx.team);
    crate::cmd::warn_unreadable_cases(&diags, ctx.lang, crate::cmd::LEFT_OUT);
    for c in all.iter().filter(|c| c.case.status == Status::Scheduled) {
        if let Some(date) = c.case.meeting
            && half.contains(date)
            && schedule.on(date).is_none()
        {
            output::note(&lang.pick(
                format!("advarsel: {} står på {date}, som ikke er et møte; flytt den med `rt refer` eller for hånd", c.case.id),
                format!("warning: {} is placed on {date}, which is not a meeting; move it", c.case.id),
            ));
        }
    }
    Ok(())
}

/// The published schedule of the half-year of `date`, with the text it was read from.
fn published(ctx: &Context, config: &Config, date: NaiveDate) -> Result<(Schedule, String, String), Error> {
    let half = Half::of(date);
    let rel = load::meetings_rel(half);
    let Some(text) = load::read_text(&ctx.team, &rel)? else {
        return Err(Error::Invalid(Problem::NotPublished { half: half.to_string() }));
    };
    let schedule = load::schedule_or_stop(&ctx.team, config, half, ctx.lang)?;
    Ok((schedule, rel, text))
}

fn unknown_meeting(schedule: &Schedule, date: NaiveDate, today: NaiveDate) -> Error {
    let next = schedule
        .by_date()
        .iter()
        .filter(|m| m.is_open() && m.date >= today)
        .take(3)
        .map(|m| m.date)
        .collect();
    Error::Invalid(Problem::MeetingUnknown { date, next })
}

/// Writes the meetings file back, keeping hand edits, if nobody changed it meanwhile.
fn save(ctx: &Context, rel: &str, text: &str, schedule: &Schedule) -> Result<(), Error> {
    let mut doc: toml_edit::DocumentMut =
        text.parse().map_err(|_| Error::InvalidData { file: rel.to_string(), errors: 1 })?;
    meetings_file::apply(schedule, &mut doc);
    let path = ctx.team.path(rel);
    atomic::replace(&path, doc.to_string().as_bytes(), Some(text.as_bytes()), Privacy::Shared)
        .map_err(|e| e.into_error(&path, rel))?;
    ctx.team.wrote(&path);
    Ok(())
}

/// `--cancel DATE --reason TEXT`.
pub fn cancel(ctx: &Context, config: &Config, date: NaiveDate, reason: &str) -> Result<i32, Error> {
    let lang = ctx.lang;
    let reason = reason.trim();
    if reason.is_empty() || crate::rules::text::has_line_break_or_control(reason) {
        return Err(Error::Invalid(Problem::Missing { key: "--reason".into() }));
    }
    let _lock = TeamLock::acquire(&ctx.team)?;
    let (mut schedule, rel, text) = published(ctx, config, date)?;
    let Some(index) = schedule.meetings.iter().position(|m| m.date == date) else {
        return Err(unknown_meeting(&schedule, date, ctx.today));
    };
    if date < ctx.today {
        return Err(Error::Invalid(Problem::MeetingPast { date }));
    }
    // Cancelling twice only finishes moving the cases (after an interrupted run).
    let meeting = &mut schedule.meetings[index];
    if meeting.is_open() {
        meeting.cancelled = Some(reason.to_string());
        meeting.sequence += 1;
    }
    // Move the cases first: if that fails half-way, the meeting is still open and running
    // the command again finishes the job.
    let (all, diags) = load::cases(&ctx.team);
    crate::cmd::warn_unreadable_cases(&diags, ctx.lang, crate::cmd::LEFT_OUT);
    let mut load = Load::of(all.iter().map(|c| &c.case));
    let mut meetings = load::meetings_around(&ctx.team, config, date, None, lang)?;
    for m in &mut meetings {
        if m.date == date {
            m.cancelled = Some(reason.to_string());
        }
    }
    let capacity = config.meetings.cases_per_meeting;
    let mut moved = Vec::new();
    for c in all.iter().filter(|c| c.case.meeting == Some(date)) {
        let target = placement::with_room(&meetings, date, capacity, &load).next().map(|m| m.date);
        let edit = cases::open(&ctx.team, &c.case.id.to_string(), lang)?;
        let mut case = edit.case.clone();
        case.meeting = target;
        if target.is_none() && case.status == Status::Scheduled {
            case.status = Status::Referred;
        }
        cases::save(&ctx.team, &edit, &case)?;
        load.shift(Some(date), target);
        moved.push((case.id, target));
    }
    save(ctx, &rel, &text, &schedule)?;
    let mut out = String::new();
    for (id, target) in &moved {
        let to =
            target.map_or_else(|| lang.pick("ikke plassert", "not placed").to_string(), |d| d.to_string());
        out.push_str(&format!("{id}: {date} → {to}\n"));
    }
    output::print(&out)?;
    output::note(&lang.pick(
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
pub fn move_meeting(ctx: &Context, config: &Config, from: NaiveDate, to: NaiveDate) -> Result<i32, Error> {
    let lang = ctx.lang;
    let _lock = TeamLock::acquire(&ctx.team)?;
    let (mut schedule, rel, text) = published(ctx, config, from)?;
    let Some(index) = schedule.meetings.iter().position(|m| m.date == from && m.is_open()) else {
        return Err(unknown_meeting(&schedule, from, ctx.today));
    };
    if !schedule.half.contains(to) {
        return Err(Error::Invalid(Problem::MoveOutsideHalf { half: schedule.half.to_string() }));
    }
    if from < ctx.today || to < ctx.today {
        return Err(Error::Invalid(Problem::MeetingPast { date: from.min(to) }));
    }
    if let Some(why) = Closures::of(config).closure(to) {
        return Err(Error::Invalid(Problem::MeetingOnClosedDay { why: why.label(lang) }));
    }
    if schedule.meetings.iter().any(|m| m.date == to) {
        return Err(Error::Invalid(Problem::MeetingTaken { date: to }));
    }
    let meeting = &mut schedule.meetings[index];
    meeting.moved_from = meeting.moved_from.or(Some(from));
    meeting.date = to;
    meeting.sequence += 1;
    let (all, diags) = load::cases(&ctx.team);
    crate::cmd::warn_unreadable_cases(&diags, ctx.lang, crate::cmd::LEFT_OUT);
    let mut out = String::new();
    for c in all.iter().filter(|c| c.case.meeting == Some(from)) {
        let edit = cases::open(&ctx.team, &c.case.id.to_string(), lang)?;
        let mut case = edit.case.clone();
        case.meeting = Some(to);
        cases::save(&ctx.team, &edit, &case)?;
        out.push_str(&format!("{}: {from} → {to}\n", case.id));
    }
    save(ctx, &rel, &text, &schedule)?;
    output::print(&out)?;
    output::note(&lang.pick(
        format!("Møtet {from} er flyttet til {to}."),
        format!("The meeting on {from} is moved to {to}."),
    ));
    Ok(0)
}
