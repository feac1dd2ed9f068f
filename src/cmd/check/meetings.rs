//! The meetings part of `rt check`: each published `meetings/H.toml` (its name, its dates
//! inside the half-year and on open days), and every case placed in a meeting (the meeting
//! exists and is not cancelled, and no coming meeting holds more cases than it has room for).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::diagnostic::{Diagnostic, Position};
use crate::lang::Lang;
use crate::model::dates::Half;
use crate::model::{CaseId, Config, Schedule, Status};
use crate::problem::Problem;
use crate::schedule::calendar::Closures;
use crate::schedule::placement::{self, Load};
use crate::schedule::plan::planned;
use crate::store::toml_read::{locate, parse};
use crate::store::{MEETINGS_DIR, TeamDir, meetings_file};

/// A case placed in a meeting: just what the checks across files need.
pub struct Placed {
    /// The case file.
    pub rel: String,
    /// The case's id.
    pub id: CaseId,
    /// The meeting it is placed in.
    pub meeting: NaiveDate,
    /// Its status (a held meeting is history).
    pub status: Status,
    /// The position of its `meeting` value.
    pub pos: Option<Position>,
}

/// Checks `meetings/`; returns the published schedules by half-year and the number of files.
pub fn check_files(
    team: &TeamDir,
    config: Option<&Config>,
    lang: Lang,
    diags: &mut Vec<Diagnostic>,
) -> (BTreeMap<Half, Schedule>, usize) {
    let mut published = BTreeMap::new();
    let (files, found) = crate::store::load::folder_files(team, MEETINGS_DIR);
    diags.extend(found);
    let mut count = 0;
    for rel in files.iter().filter(|n| n.ends_with(".toml")) {
        count += 1;
        let name = rel.rsplit('/').next().unwrap_or(rel);
        let rel = rel.clone();
        let text = match crate::store::load::read_with_mode(&team.path(&rel)).map(|(t, _)| t) {
            Ok(t) => t,
            Err(e) => {
                diags.push(Diagnostic::error(&rel, None, crate::store::load::unreadable(&e)));
                continue;
            }
        };
        let (schedule, file_diags) = meetings_file::read(&rel, &text);
        diags.extend(file_diags);
        // A cancellation's reason is typed by a person, and goes into every invitation.
        crate::store::national_ids::scan(&rel, &text, parse(&rel, &text).ok().as_ref(), diags);
        let (Some(schedule), Ok(doc)) = (schedule, parse(&rel, &text)) else { continue };
        let at = |path: &str| {
            locate(&doc, path).map(|s| Position::of_offset(&text, s.start)).or(Some(Position::START))
        };
        if *name != format!("{}.toml", schedule.half) {
            diags.push(Diagnostic::error(
                &rel,
                at("half"),
                Problem::MeetingsFileName { half: schedule.half.to_string() },
            ));
            continue; // rt reads a half-year only from its own file name: this file stands for none
        }
        if let Some(config) = config {
            let closures = Closures::of(config);
            for (i, m) in schedule.meetings.iter().enumerate() {
                if let (true, Some(why)) = (m.is_open(), closures.closure(m.date)) {
                    let problem = Problem::MeetingOnClosedDay { why: why.label(lang) };
                    diags.push(Diagnostic::error(&rel, at(&format!("meetings[{i}].date")), problem));
                }
            }
        }
        published.insert(schedule.half, schedule);
    }
    (published, count)
}

/// Checks where cases are placed.
pub fn check_placements(
    placed: &[Placed],
    config: &Config,
    published: &BTreeMap<Half, Schedule>,
    today: NaiveDate,
    diags: &mut Vec<Diagnostic>,
) {
    let mut schedules: BTreeMap<Half, Schedule> = published.clone();
    let mut load = Load::default();
    for p in placed {
        load.add(p.meeting);
    }
    let capacity = config.meetings.cases_per_meeting;
    let mut per_meeting: BTreeMap<NaiveDate, Vec<&Placed>> = BTreeMap::new();
    for p in placed {
        let date = p.meeting;
        per_meeting.entry(date).or_default().push(p);
        if p.status != Status::Scheduled {
            continue; // a meeting already held is history
        }
        let half = Half::of(date);
        let schedule = schedules.entry(half).or_insert_with(|| planned(half, config));
        let problem = match schedule.on(date) {
            None => {
                let next = placement::with_room(&schedule.meetings, today.max(date), capacity, &load)
                    .take(3)
                    .map(|m| m.date)
                    .collect();
                Some(Problem::MeetingUnknown { date, next })
            }
            Some(m) if !m.is_open() => {
                Some(Problem::MeetingCancelled { date, reason: m.cancelled.clone().unwrap_or_default() })
            }
            Some(_) => None,
        };
        if let Some(problem) = problem {
            diags.push(Diagnostic::error(&p.rel, p.pos, problem));
        }
    }
    for (date, mut here) in per_meeting.into_iter().filter(|(d, _)| *d >= today) {
        if here.len() <= capacity as usize {
            continue;
        }
        here.sort_by_key(|p| p.id);
        for p in &here[capacity as usize..] {
            let problem = Problem::MeetingOverCapacity { date, count: here.len(), capacity };
            diags.push(Diagnostic::error(&p.rel, p.pos, problem));
        }
    }
}
