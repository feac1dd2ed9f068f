//! How a schedule is shown: a table for people, JSON for scripts.

use serde::Serialize;

use crate::lang::Lang;
use crate::model::CaseSummary;
use crate::model::dates::weekday_name;
use crate::model::{Config, Schedule};
use crate::schedule::calendar::Closures;
use crate::schedule::series::series;
use crate::store::load::Loaded;
use crate::table;

/// A case as a schedule shows it: its id and referring unit, nothing about the user.
#[derive(Serialize, Debug)]
pub struct CaseRef {
    pub id: String,
    pub unit: String,
}

#[derive(Serialize, Debug)]
pub struct MeetingView {
    pub date: String,
    pub weekday: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub uid: String,
    pub sequence: u32,
    pub cancelled: Option<String>,
    pub moved_from: Option<String>,
    pub capacity: u32,
    pub placed: usize,
    pub cases: Vec<CaseRef>,
}

#[derive(Serialize, Debug)]
pub struct SkippedView {
    pub date: String,
    pub reason: String,
}

#[derive(Serialize, Debug)]
pub struct ScheduleView {
    pub team: String,
    pub half: String,
    pub published: Option<String>,
    pub meetings: Vec<MeetingView>,
    /// Slots of the rules without a meeting (only while the half-year is not published).
    pub skipped: Vec<SkippedView>,
}

fn cases_in(cases: &[Loaded<CaseSummary>], date: chrono::NaiveDate) -> Vec<&Loaded<CaseSummary>> {
    cases.iter().filter(|c| c.case.meeting == Some(date)).collect()
}

/// The data of a schedule.
pub fn json(schedule: &Schedule, config: &Config, cases: &[Loaded<CaseSummary>]) -> ScheduleView {
    let meetings = schedule
        .by_date()
        .into_iter()
        .map(|m| {
            let placed = cases_in(cases, m.date);
            MeetingView {
                date: m.date.to_string(),
                weekday: weekday_name(chrono::Datelike::weekday(&m.date), Lang::En).to_lowercase(),
                start: m.start.format("%H:%M").to_string(),
                end: m.end().format("%H:%M").to_string(),
                place: m.place.clone(),
                uid: m.uid.clone(),
                sequence: m.sequence,
                cancelled: m.cancelled.clone(),
                moved_from: m.moved_from.map(|d| d.to_string()),
                capacity: config.meetings.cases_per_meeting,
                placed: placed.len(),
                cases: placed
                    .iter()
                    .map(|c| CaseRef { id: c.case.id.to_string(), unit: c.case.referrer.unit.clone() })
                    .collect(),
            }
        })
        .collect();
    let skipped = if schedule.published.is_some() {
        Vec::new()
    } else {
        series(schedule.half, &config.meetings, &Closures::of(config))
            .skipped
            .into_iter()
            .map(|k| SkippedView { date: k.slot.to_string(), reason: k.why.label(Lang::Nb) })
            .collect()
    };
    ScheduleView {
        team: config.team.clone(),
        half: schedule.half.to_string(),
        published: schedule.published.map(|d| d.to_string()),
        meetings,
        skipped,
    }
}

/// The schedule as a table, with a heading that says whether the dates are fixed.
pub fn text(schedule: &Schedule, config: &Config, cases: &[Loaded<CaseSummary>], lang: Lang) -> String {
    let view = json(schedule, config, cases);
    let rules = &config.meetings;
    let status = match &view.published {
        Some(d) => lang.pick(format!("publisert {d}"), format!("published {d}")),
        None => lang.pick(
            format!("ikke publisert; `rt schedule --publish --half {}` legger datoene fast", view.half),
            format!("not published; `rt schedule --publish --half {}` fixes the dates", view.half),
        ),
    };
    let end = rules.start + chrono::Duration::minutes(i64::from(rules.minutes));
    let mut out = lang.pick(
        format!("{}: møter {} ({status})\n", config.team, view.half),
        format!("{}: meetings {} ({status})\n", config.team, view.half),
    );
    out.push_str(&lang.pick(
        format!(
            "{}er {}–{}, hver {}. uke, {} saker per møte. {}\n\n",
            capitalised(weekday_name(rules.weekday, lang)),
            rules.start.format("%H:%M"),
            end.format("%H:%M"),
            rules.every_weeks,
            rules.cases_per_meeting,
            rules.place
        ),
        format!(
            "{}s {}–{}, every {} weeks, {} cases per meeting. {}\n\n",
            weekday_name(rules.weekday, lang),
            rules.start.format("%H:%M"),
            end.format("%H:%M"),
            rules.every_weeks,
            rules.cases_per_meeting,
            rules.place
        ),
    ));
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    for m in &view.meetings {
        let date = chrono::NaiveDate::parse_from_str(&m.date, "%Y-%m-%d").expect("we wrote it");
        let day = weekday_name(chrono::Datelike::weekday(&date), lang).to_string();
        let mut notes: Vec<String> = m.cases.iter().map(|c| format!("{} ({})", c.id, c.unit)).collect();
        if m.place != rules.place && !m.place.is_empty() {
            notes.insert(0, lang.pick(format!("sted: {}", m.place), format!("place: {}", m.place)));
        }
        if let Some(from) = &m.moved_from {
            notes.insert(0, lang.pick(format!("flyttet fra {from}"), format!("moved from {from}")));
        }
        let (time, load) = match &m.cancelled {
            Some(reason) => {
                notes.insert(0, reason.clone());
                ("–".to_string(), lang.pick("AVLYST", "CANCELLED").to_string())
            }
            None => (format!("{}–{}", m.start, m.end), format!("{}/{}", m.placed, m.capacity)),
        };
        rows.push((m.date.clone(), vec![m.date.clone(), day, time, load, notes.join(", ")]));
    }
    for k in &view.skipped {
        let date = chrono::NaiveDate::parse_from_str(&k.date, "%Y-%m-%d").expect("we wrote it");
        let day = weekday_name(chrono::Datelike::weekday(&date), lang).to_string();
        rows.push((
            k.date.clone(),
            vec![k.date.clone(), day, "–".into(), lang.pick("utgår", "skipped").into(), k.reason.clone()],
        ));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let header = [
        lang.pick("DATO", "DATE"),
        lang.pick("DAG", "DAY"),
        lang.pick("TID", "TIME"),
        lang.pick("SAKER", "CASES"),
        "",
    ];
    if rows.is_empty() {
        out.push_str(lang.pick("Ingen møter.\n", "No meetings.\n"));
    } else {
        out.push_str(&table::render(&header, &rows.into_iter().map(|(_, r)| r).collect::<Vec<_>>()));
    }
    out
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
